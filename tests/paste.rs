//! Pasted laboratory reports (src/core/paste.rs): a Chinese printout and an English one,
//! field by field; every line reported; nothing given a default unit.

use calciphylaxis::core::case::parse_case_value_in;
use calciphylaxis::core::labs::LabId;
use calciphylaxis::core::paste::{case_from_paste, find_lab, PasteError};
use calciphylaxis::core::Lang;
use calciphylaxis::import::{answer, Answer, ImportReply, ImportSource, ReportView};

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/paste/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// (value, unit, low, high) of a lab in the case.
fn lab(
    case: &calciphylaxis::core::Case,
    id: &str,
) -> (Option<f64>, Option<String>, Option<f64>, Option<f64>) {
    let e = case
        .labs
        .get(id)
        .unwrap_or_else(|| panic!("{id} not read: {:?}", case.labs.keys()));
    (e.value, e.unit.clone(), e.reference_low, e.reference_high)
}

#[test]
fn a_chinese_printout_gives_values_units_ranges_flags_and_its_sample_date() {
    let (case, report) = case_from_paste(&read("zh-printout.txt"), Lang::Zh).unwrap();
    let s = |u: &str| Some(u.to_string());
    assert_eq!(
        lab(&case, "calcium_total"),
        (Some(2.05), s("mmol/L"), Some(2.11), Some(2.52))
    );
    assert_eq!(
        lab(&case, "phosphate"),
        (Some(2.31), s("mmol/L"), Some(0.85), Some(1.51))
    );
    assert_eq!(
        lab(&case, "albumin"),
        (Some(32.1), s("g/L"), Some(40.0), Some(55.0))
    );
    assert_eq!(
        lab(&case, "pth_intact"),
        (Some(865.0), s("pg/mL"), Some(15.0), Some(65.0))
    );
    assert_eq!(
        lab(&case, "alkaline_phosphatase"),
        (Some(142.0), s("U/L"), Some(35.0), Some(100.0))
    );
    assert_eq!(
        lab(&case, "creatinine"),
        (Some(756.0), s("µmol/L"), Some(41.0), Some(73.0))
    );
    assert_eq!(
        lab(&case, "platelets"),
        (Some(186.0), s("10^9/L"), Some(125.0), Some(350.0))
    );
    assert_eq!(
        lab(&case, "d_dimer"),
        (Some(1.92), s("mg/L FEU"), Some(0.0), Some(0.55))
    );
    assert_eq!(
        lab(&case, "fibrinogen"),
        (Some(4.6), s("g/L"), Some(2.0), Some(4.0))
    );
    // The sample's date, not the birth date printed above it.
    assert_eq!(report.date.as_deref(), Some("2026-11-28"));
    assert_eq!(
        case.labs["calcium_total"].date.as_deref(),
        Some("2026-11-28")
    );
    assert_eq!(case.provenance["labs.calcium_total"].resource, "line 5");
    let flags: Vec<_> = report
        .mapped
        .iter()
        .map(|m| (m.field.as_str(), m.flag))
        .collect();
    assert!(flags.contains(&(
        "labs.calcium_total",
        Some(calciphylaxis::core::paste::Flag::Low)
    )));
    assert!(flags.contains(&(
        "labs.pth_intact",
        Some(calciphylaxis::core::paste::Flag::High)
    )));
    assert!(flags.contains(&("labs.platelets", None)));
    // Not used, each with its reason: white cells (unknown), a "<" value, an unknown unit.
    let skipped: Vec<_> = report
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.id()))
        .collect();
    assert!(skipped.contains(&(14, "unknown_name")), "{skipped:?}");
    assert!(skipped.contains(&(15, "comparator")), "{skipped:?}");
    assert!(skipped.contains(&(16, "unknown_unit")), "{skipped:?}");
    assert!(!case.labs.contains_key("crp") && !case.labs.contains_key("homocysteine"));
    assert!(report.skipped.iter().all(|s| !s.message.is_empty()));
    assert_eq!(report.mapped.len(), 9);
}

#[test]
fn an_english_printout_in_two_columns_with_abbreviations() {
    let (case, report) = case_from_paste(&read("en-printout.txt"), Lang::En).unwrap();
    let s = |u: &str| Some(u.to_string());
    assert_eq!(
        lab(&case, "calcium_total"),
        (Some(9.1), s("mg/dL"), Some(8.6), Some(10.3))
    );
    // The second result of the same line.
    assert_eq!(
        lab(&case, "phosphate"),
        (Some(6.8), s("mg/dL"), Some(2.5), Some(4.5))
    );
    assert_eq!(lab(&case, "albumin").0, Some(3.1));
    assert_eq!(lab(&case, "pth_intact").0, Some(612.0));
    assert_eq!(
        lab(&case, "vitamin_d_25oh"),
        (Some(14.0), s("ng/mL"), Some(30.0), Some(100.0))
    );
    assert_eq!(lab(&case, "creatinine").0, Some(7.9));
    assert_eq!(lab(&case, "crp"), (Some(12.0), s("mg/L"), None, Some(5.0)));
    assert_eq!(lab(&case, "platelets").1, s("10^3/µL"));
    // The INR needs no unit; the D-dimer does, and none is assumed.
    assert_eq!(
        lab(&case, "pt_inr"),
        (Some(2.8), s("ratio"), Some(0.8), Some(1.2))
    );
    assert!(!case.labs.contains_key("d_dimer"));
    assert!(report
        .skipped
        .iter()
        .any(|s| s.reason.id() == "no_unit" && s.detail.as_deref().unwrap().starts_with("D-D")));
    assert_eq!(lab(&case, "aptt").1, s("s"));
    assert_eq!(lab(&case, "protein_c_activity").0, Some(54.0));
    assert_eq!(lab(&case, "protein_s_free").0, Some(61.0));
    assert_eq!(lab(&case, "antithrombin_activity").0, Some(88.0));
    assert_eq!(
        case.labs["lupus_anticoagulant"].result.as_deref(),
        Some("negative")
    );
    assert_eq!(
        lab(&case, "anticardiolipin_igg"),
        (Some(12.0), s("GPL U/mL"), None, Some(20.0))
    );
    assert_eq!(lab(&case, "anti_b2gp1_igg").0, Some(4.0));
    assert_eq!(lab(&case, "homocysteine").1, s("µmol/L"));
    assert_eq!(lab(&case, "factor_viii_activity").0, Some(180.0));
    assert_eq!(
        lab(&case, "fibrinogen"),
        (Some(410.0), s("mg/dL"), Some(200.0), Some(400.0))
    );
    assert_eq!(report.date.as_deref(), Some("2026-11-30"));
    // The case is a valid case file: read back, nothing refused.
    let parsed = parse_case_value_in(&serde_json::to_value(&case).unwrap(), Lang::En).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
}

#[test]
fn names_in_both_languages_and_nothing_guessed() {
    for (name, id) in [
        ("钙", LabId::CalciumTotal),
        ("磷", LabId::Phosphate),
        ("PO4", LabId::Phosphate),
        ("白蛋白", LabId::Albumin),
        ("D-二聚体", LabId::DDimer),
        ("纤维蛋白原", LabId::Fibrinogen),
        ("血小板", LabId::Platelets),
        ("β2GP1 IgM", LabId::AntiB2gp1Igm),
        ("aCL IgM", LabId::AnticardiolipinIgm),
        ("钙(Ca)", LabId::CalciumTotal),
        ("Ca：", LabId::CalciumTotal),
    ] {
        assert_eq!(find_lab(name), Some(id), "{name}");
    }
    // An antibody without its isotype is not guessed to be IgG.
    assert_eq!(find_lab("aCL"), None);
    assert_eq!(find_lab("WBC"), None);
    let (case, report) = case_from_paste("Ca 2.3 mEq/L 2.1-2.6", Lang::En).unwrap();
    assert!(case.labs.is_empty());
    assert_eq!(report.skipped[0].reason.id(), "unknown_unit");
    let (case, _) = case_from_paste("Ca 2.3", Lang::En).unwrap();
    assert!(case.labs.is_empty(), "no default unit");
    assert_eq!(
        case_from_paste("  \n ", Lang::En).unwrap_err(),
        PasteError::Empty
    );
    // Full-width digits and punctuation of a Chinese printout.
    let (case, _) = case_from_paste(
        "钙　２．１０　ｍｍｏｌ／Ｌ　２．１１～２．５２　↓",
        Lang::Zh,
    )
    .unwrap();
    assert_eq!(case.labs["calcium_total"].value, Some(2.1));
    assert_eq!(case.labs["calcium_total"].reference_high, Some(2.52));
}

/// The values an import report says were mapped.
fn mapped(report: &serde_json::Value) -> &Vec<serde_json::Value> {
    report["mapped"]
        .as_array()
        .expect("a list of mapped values")
}

#[test]
fn the_worker_answers_fhir_and_paste_and_errors_never_panic() {
    let bundle = std::fs::read_to_string(format!(
        "{}/tests/fhir/calciphylaxis-dialysis.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let request =
        |text: &str| serde_json::json!({ "id": 7, "text": text, "lang": "zh" }).to_string();
    match answer(&request(&bundle)) {
        ImportReply::Imported {
            id, source, report, ..
        } => {
            assert_eq!((id, source), (7, ImportSource::Fhir));
            assert!(!mapped(&report).is_empty());
            let view: ReportView = serde_json::from_value(report).unwrap();
            assert!(!view.skipped.is_empty());
        }
        other => panic!("{other:?}"),
    }
    match answer(&request(&read("en-printout.txt"))) {
        ImportReply::Imported { source, report, .. } => {
            assert_eq!(source, ImportSource::Paste);
            assert!(mapped(&report)
                .iter()
                .any(|m| m["field"] == "labs.calcium_total" && m["date"] == "2026-11-30"));
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        answer(&request("")),
        ImportReply::Error { id: 7, .. }
    ));
    assert!(matches!(
        answer("not json"),
        ImportReply::Error { id: 0, .. }
    ));
    assert!(matches!(
        answer(&request("{\"resourceType\": \"Practitioner\"}")),
        ImportReply::Error { id: 7, .. }
    ));
    // Asked for FHIR only, a report is refused rather than read as a paste.
    let only = serde_json::json!({ "id": 3, "text": "Ca 2.3 mmol/L", "only": "fhir" }).to_string();
    assert!(matches!(answer(&only), ImportReply::Error { id: 3, .. }));
    // The reply is JSON text that reads back, and as the app reads it: the case and the
    // report as JSON text of their own.
    let text = calciphylaxis::import::answer_text(&request("Ca 2.3 mmol/L"));
    assert!(matches!(
        serde_json::from_str::<ImportReply>(&text).unwrap(),
        ImportReply::Imported { .. }
    ));
    match Answer::read(&text) {
        Some(Answer::Imported {
            id: 7,
            source: ImportSource::Paste,
            case,
            report,
        }) => {
            let case: serde_json::Value = serde_json::from_str(&case).unwrap();
            assert_eq!(case["labs"]["calcium_total"]["value"], 2.3);
            let report: serde_json::Value = serde_json::from_str(&report).unwrap();
            assert_eq!(mapped(&report).len(), 1);
            assert!(serde_json::from_value::<ReportView>(report).is_ok());
        }
        other => panic!("{other:?}"),
    }
    let error = calciphylaxis::import::answer_text(&request(""));
    assert!(matches!(
        Answer::read(&error),
        Some(Answer::Error { id: 7, .. })
    ));
    let ready = serde_json::to_string(&ImportReply::Ready).unwrap();
    assert_eq!(Answer::read(&ready), Some(Answer::Ready));
    for rubbish in [
        "",
        "null",
        "{}",
        "{\"kind\": \"imported\", \"id\": 1}",
        "{\"kind\": 3}",
    ] {
        assert_eq!(Answer::read(rubbish), None, "{rubbish}");
    }
}

proptest::proptest! {
    /// Lines made of the pieces a report holds, in any order: never a panic, never a unit
    /// the lab does not accept, every value with its provenance.
    #[test]
    fn any_line_of_report_pieces_reads_safely(pieces in proptest::collection::vec(proptest::sample::select(vec![
        "Ca", "钙", "P", "PLT", "D-D", "INR", "LA", "aCL", "2.10", "<0.5", "↑", "偏低", "H", "mmol/L",
        "mg/L", "FEU", "10^9/L", "2.11-2.52", "-", "阴性", "\t", "\n", "(", "２", "2026-11-30", "%", "",
    ]), 0..24)) {
        let text = pieces.join(" ");
        if let Ok((case, report)) = case_from_paste(&text, Lang::En) {
            for (id, entry) in &case.labs {
                let lab = calciphylaxis::core::labs::known_lab(id).unwrap();
                if let Some(unit) = &entry.unit {
                    proptest::prop_assert!(lab.parse_unit(unit).is_some());
                }
                let field = format!("labs.{}", id);
                proptest::prop_assert!(case.provenance.contains_key(&field));
            }
            proptest::prop_assert_eq!(case_from_paste(&text, Lang::Zh).unwrap().0, case);
            proptest::prop_assert!(report.mapped.len() + report.skipped.len() >= report.lines_read);
        }
    }
}
