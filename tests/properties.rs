//! For any case, however broken, `assess` never panics, every derived number is finite,
//! every source id resolves, and every input error names a field.

mod common;

use calciphylaxis::core::assess::collect_source_ids;
use calciphylaxis::core::case::{parse_case_value, Case, LabEntry};
use calciphylaxis::core::citations::citation;
use calciphylaxis::core::findings::{Site, FINDINGS};
use calciphylaxis::core::labs::LABS;
use calciphylaxis::core::{assess, assess_json};
use calciphylaxis::core::{Treatment, TreatmentKind, Visit};
use proptest::prelude::*;
use serde_json::Value;

fn any_number() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => -10.0f64..3000.0,
        1 => Just(f64::NAN),
        1 => Just(f64::INFINITY),
        1 => Just(f64::NEG_INFINITY),
        1 => Just(-0.0),
        1 => Just(1e308),
        1 => any::<f64>(),
    ]
}

fn any_unit() -> impl Strategy<Value = String> {
    let known: Vec<String> = LABS
        .iter()
        .flat_map(|l| l.units())
        .map(|u| u.symbol.to_string())
        .collect();
    prop_oneof![proptest::sample::select(known), "[a-zµ/%^0-9 ]{0,8}"]
}

fn any_lab_id() -> impl Strategy<Value = String> {
    let ids: Vec<String> = LABS.iter().map(|l| l.id.id().to_string()).collect();
    prop_oneof![4 => proptest::sample::select(ids), 1 => "[a-z_]{1,12}"]
}

fn any_finding_id() -> impl Strategy<Value = String> {
    let ids: Vec<String> = FINDINGS.iter().map(|f| f.id.id().to_string()).collect();
    prop_oneof![4 => proptest::sample::select(ids), 1 => "[a-z_]{1,12}"]
}

fn any_date() -> impl Strategy<Value = Option<String>> {
    let dates = [
        "2024-01-10",
        "2024-02-29",
        "2024-03-01",
        "2023-02-31",
        "2024-1-5",
        "",
    ];
    proptest::option::of(proptest::sample::select(dates.to_vec()).prop_map(str::to_string))
}

/// Follow-up visits: dates valid, impossible or repeated; any numbers; labs as above; MSC
/// given or not (the follow-up's sources must be cited too).
fn any_visits() -> impl Strategy<Value = Vec<Visit>> {
    let visit = (
        any_date(),
        proptest::option::of(any_number()),
        proptest::option::of(any_number()),
        proptest::collection::btree_map(any_lab_id(), (any_number(), any_unit()), 0..4),
        any::<bool>(),
    )
        .prop_map(|(date, pain, area, labs, msc)| Visit {
            date,
            pain_score: pain,
            wound_area_cm2: area,
            labs: labs
                .into_iter()
                .map(|(id, (value, unit))| (id, LabEntry::numeric(value, &unit)))
                .collect(),
            treatments: msc
                .then(|| Treatment {
                    kind: Some(TreatmentKind::Msc),
                    ..Treatment::default()
                })
                .into_iter()
                .collect(),
            ..Visit::default()
        });
    proptest::collection::vec(visit, 0..4)
}

prop_compose! {
    fn any_case()(
        age in proptest::option::of(any_number()),
        weight in proptest::option::of(any_number()),
        height in proptest::option::of(any_number()),
        vintage in proptest::option::of(any_number()),
        count in proptest::option::of(any_number()),
        findings in proptest::collection::btree_map(any_finding_id(), any::<bool>(), 0..30),
        labs in proptest::collection::btree_map(
            any_lab_id(),
            (proptest::option::of(any_number()), proptest::option::of(any_unit()),
             proptest::option::of("[a-z_]{0,14}"), proptest::option::of(any_number()),
             proptest::option::of(any_number())),
            0..20),
        sites in proptest::collection::vec(proptest::sample::select(Site::ALL.to_vec()), 0..5),
        visits in any_visits(),
    ) -> Case {
        let mut case = Case::default();
        case.patient.age_years = age;
        case.patient.weight_kg = weight;
        case.patient.height_cm = height;
        case.kidney.dialysis_vintage_months = vintage;
        case.lesions.count = count;
        case.lesions.sites = sites;
        case.findings = findings;
        case.labs = labs.into_iter().map(|(id, (value, unit, result, low, high))| {
            (id, LabEntry { value, unit, result, date: None, reference_low: low, reference_high: high })
        }).collect();
        case.visits = visits;
        case
    }
}

fn check_numbers_finite(value: &Value, path: &str) {
    match value {
        Value::Number(n) => assert!(n.as_f64().is_some_and(f64::is_finite), "{path}"),
        Value::Null => panic!("null at {path}: a derived value must be absent, not null"),
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| check_numbers_finite(v, &format!("{path}.{k}"))),
        Value::Array(items) => items.iter().for_each(|v| check_numbers_finite(v, path)),
        _ => {}
    }
}

proptest! {
    #![proptest_config(common::property_config(400))]

    #[test]
    fn assess_never_panics_and_stays_well_formed(case in any_case()) {
        let assessment = assess(&case);
        let json = serde_json::to_value(&assessment).unwrap();
        check_numbers_finite(&json["derived"], "derived");
        if let Some(follow_up) = json.get("follow_up") {
            check_numbers_finite(follow_up, "follow_up");
        }
        prop_assert_eq!(assessment.follow_up.is_some(), !case.visits.is_empty());
        let mut ids = Vec::new();
        collect_source_ids(&json, &mut ids);
        for id in &ids {
            prop_assert!(citation(id).is_some(), "unresolved source {}", id);
            prop_assert!(assessment.citations.contains_key(id.as_str()));
        }
        for error in &assessment.input_errors {
            prop_assert!(
                ["patient.", "kidney.", "lesions.", "labs.", "findings.", "visits["].iter().any(|p| error.field.to_string().starts_with(p)),
                "error without a field: {:?}", error
            );
            prop_assert!(!error.message.is_empty());
        }
        prop_assert_eq!(assessment.workup.items.len(), 18);
    }
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        "[a-zA-Z_/0-9 µ]{0,10}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("patient".to_string()),
                    Just("kidney".to_string()),
                    Just("labs".to_string()),
                    Just("findings".to_string()),
                    Just("lesions".to_string()),
                    Just("therapies_tried".to_string()),
                    Just("value".to_string()),
                    Just("unit".to_string()),
                    Just("sites".to_string()),
                    Just("calcium_total".to_string()),
                    Just("sodium_thiosulfate".to_string()),
                    "[a-z_]{1,8}"
                ],
                inner,
                0..6
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(common::property_config(400))]

    #[test]
    fn any_json_is_read_or_refused_with_a_message(value in any_json()) {
        match parse_case_value(&value) {
            Ok(parsed) => {
                let _ = assess(&parsed.case);
                for issue in parsed.errors.iter().chain(&parsed.warnings) {
                    prop_assert!(!issue.field.to_string().is_empty() && !issue.message.is_empty());
                }
            }
            Err(error) => prop_assert!(!error.0.is_empty()),
        }
    }

    #[test]
    fn any_text_is_read_or_refused_with_a_message(text in "\\PC{0,200}") {
        if let Err(error) = assess_json(&text) {
            prop_assert!(!error.0.is_empty());
        }
    }
}

#[test]
fn deeply_nested_json_is_refused_not_a_stack_overflow() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let error = assess_json(&deep).unwrap_err();
    assert!(error.0.contains("JSON"), "{error}");
}

/// Found by fuzzing (`case_json`): an unknown top-level key that is empty gave a warning
/// with an empty field, which the app shows as a nameless note.
#[test]
fn an_empty_unknown_key_is_named_in_its_warning() {
    let parsed = calciphylaxis::core::parse_case_text(r#"{"": 1, "patient": {"": 2}}"#).unwrap();
    let fields: Vec<String> = parsed
        .warnings
        .iter()
        .map(|w| w.field.to_string())
        .collect();
    assert!(fields.iter().any(|f| f == "\"\""), "{fields:?}");
    assert!(fields.iter().all(|f| !f.is_empty()), "{fields:?}");
}
