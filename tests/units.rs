//! Every accepted unit converts to the canonical unit and back, and the factors are the
//! spec's (clinical.md §2, conventional → SI).

use calciphylaxis::core::inputs::{from_canonical, to_canonical};
use calciphylaxis::core::labs::{lab, LabId, LabKind, LABS};

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn every_unit_round_trips() {
    for lab in LABS {
        let LabKind::Numeric {
            units, plausible, ..
        } = lab.kind
        else {
            continue;
        };
        for unit in units {
            for canonical in [plausible.0, (plausible.0 + plausible.1) / 2.0, plausible.1] {
                let entered = from_canonical(canonical, unit);
                let back = to_canonical(entered, unit);
                assert!(
                    close(back, canonical),
                    "{:?} {}: {canonical} → {entered} → {back}",
                    lab.id,
                    unit.symbol
                );
            }
        }
    }
}

/// (lab, conventional value, SI unit, SI value) from the spec's factor table.
const SPEC_FACTORS: &[(LabId, f64, &str, f64)] = &[
    (LabId::CalciumTotal, 10.0, "mmol/L", 2.495),
    (LabId::CalciumIonized, 5.0, "mmol/L", 1.2475),
    (LabId::Phosphate, 10.0, "mmol/L", 3.229),
    (LabId::Albumin, 4.0, "g/L", 40.0),
    (LabId::PthIntact, 1000.0, "pmol/L", 106.0),
    (LabId::AlkalinePhosphatase, 120.0, "µkat/L", 2.0),
    (LabId::VitaminD25oh, 10.0, "nmol/L", 24.96),
    (LabId::Creatinine, 1.0, "µmol/L", 88.4),
    (LabId::Crp, 1.0, "mg/L", 10.0),
    (LabId::Platelets, 250.0, "10^9/L", 250.0),
    (LabId::Fibrinogen, 300.0, "g/L", 3.0),
    (LabId::DDimer, 0.5, "ng/mL FEU", 500.0),
    (LabId::DDimer, 0.5, "µg/L FEU", 500.0),
    (LabId::DDimer, 0.5, "ng/mL DDU", 250.0),
];

#[test]
fn conversion_factors_are_the_specs() {
    for &(id, conventional, si_unit, si_value) in SPEC_FACTORS {
        let lab = lab(id);
        let unit = lab
            .parse_unit(si_unit)
            .unwrap_or_else(|| panic!("{id:?} {si_unit}"));
        assert!(
            close(to_canonical(si_value, unit), conventional),
            "{id:?}: {si_value} {si_unit}"
        );
        assert!(
            close(from_canonical(conventional, unit), si_value),
            "{id:?}: {conventional} → {si_unit}"
        );
    }
}

#[test]
fn unknown_units_are_rejected_with_the_accepted_list() {
    let calcium = lab(LabId::CalciumTotal);
    assert!(calcium.parse_unit("mEq/L").is_none());
    assert_eq!(calcium.accepted_units(), "mg/dL, mmol/L");
}

/// Found by fuzzing (`form_inputs`): 1e308 mg/dL of creatinine switched to µmol/L was
/// shown as "inf", text the form then refuses as "not a number".
#[test]
fn switching_the_unit_of_a_huge_value_never_shows_inf() {
    use calciphylaxis::form::{convert_unit, parse_number, LabInput};
    for text in ["1e308", "-1.7e308"] {
        let mut input = LabInput {
            text: text.into(),
            unit: "mg/dL".into(),
            upper_limit: "1e308".into(),
            ..Default::default()
        };
        convert_unit("creatinine", &mut input, "mg/dL", "µmol/L");
        assert_eq!(input.unit, "µmol/L");
        for shown in [&input.text, &input.upper_limit] {
            assert!(
                parse_number(shown).is_ok_and(|v| v.is_some_and(f64::is_finite)),
                "{text} mg/dL shown as {shown:?}"
            );
        }
    }
    // An ordinary value still converts.
    let mut input = LabInput {
        text: "1".into(),
        ..Default::default()
    };
    convert_unit("creatinine", &mut input, "mg/dL", "µmol/L");
    assert_eq!(input.text, "88.4");
}

/// A lab imported with a value and no unit is never given the form's default unit (which
/// would change what the number means): it stays an input error at its field until a unit
/// is chosen, and choosing one converts nothing.
#[test]
fn a_value_imported_without_a_unit_gets_no_unit_until_one_is_chosen() {
    use calciphylaxis::core::{assess, parse_case_text};
    use calciphylaxis::form::{Form, UnitSystem};
    let text = r#"{"format": "calciphylaxis-case/1",
        "labs": {"calcium_total": {"value": 9}, "inr": {"value": 2.5}},
        "visits": [{"date": "2024-03-01", "labs": {"d_dimer": {"value": 3}}}]}"#;
    let parsed = parse_case_text(text).expect("a case");
    for units in [UnitSystem::Conventional, UnitSystem::Si] {
        let mut form = Form::from_case(&parsed.case, units);
        assert_eq!(form.unit_of("calcium_total"), "", "{units:?}");
        let (case, _) = form.to_case();
        assert_eq!(case.labs["calcium_total"].unit, None, "{units:?}");
        assert_eq!(case.visits[0].labs["d_dimer"].unit, None, "{units:?}");
        // The INR is a ratio: it needs no unit.
        assert!(!form.labs["inr"].unit_missing);
        let assessment = assess(&case);
        let error = assessment
            .input_errors
            .iter()
            .find(|e| e.field == "labs.calcium_total")
            .expect("an error at the calcium field");
        assert!(error.message.contains("no unit given"), "{}", error.message);

        form.set_unit("calcium_total", "mg/dL");
        assert_eq!(form.labs["calcium_total"].text, "9", "nothing converted");
        let (case, _) = form.to_case();
        assert_eq!(case.labs["calcium_total"].unit.as_deref(), Some("mg/dL"));
        assert!(!assess(&case)
            .input_errors
            .iter()
            .any(|e| e.field == "labs.calcium_total"));
    }
}

/// What the form has no field for is given back on export: a lab id the catalogue does not
/// know, and a qualitative lab given only a number.
#[test]
fn labs_the_form_cannot_show_travel_through_it_unchanged() {
    use calciphylaxis::core::parse_case_text;
    use calciphylaxis::form::{Form, UnitSystem};
    let text = r#"{"format": "calciphylaxis-case/1", "labs": {
        "vitamin_k2": {"value": 3, "unit": "ng/mL"},
        "lupus_anticoagulant": {"value": 1.4},
        "albumin": {"value": 3.5, "unit": "g/dL"}}}"#;
    let parsed = parse_case_text(text).expect("a case");
    let form = Form::from_case(&parsed.case, UnitSystem::Conventional);
    let (case, _) = form.to_case();
    assert_eq!(case.labs, parsed.case.labs);
}

/// A number read from a case file is shown exactly, never rounded to a few decimals, so a
/// case goes through the form (and so through export and the saved case) unchanged.
#[test]
fn numbers_from_a_file_are_shown_exactly() {
    use calciphylaxis::core::parse_case_text;
    use calciphylaxis::form::{Form, UnitSystem};
    let text = r#"{"format": "calciphylaxis-case/1",
        "patient": {"weight_kg": 72.123456789},
        "labs": {"crp": {"value": 0.0000004, "unit": "mg/dL"},
                 "albumin": {"value": 3.1, "unit": "g/dL"}}}"#;
    let parsed = parse_case_text(text).expect("a case");
    let form = Form::from_case(&parsed.case, UnitSystem::Conventional);
    assert_eq!(form.weight, "72.123456789");
    assert_eq!(form.labs["crp"].text, "0.0000004");
    assert_eq!(form.labs["albumin"].text, "3.1");
    let (case, errors) = form.to_case();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(case.patient.weight_kg, parsed.case.patient.weight_kg);
    assert_eq!(case.labs["crp"].value, Some(0.0000004));
}
