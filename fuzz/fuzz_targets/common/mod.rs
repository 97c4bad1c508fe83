//! Invariants shared by the fuzz targets. Each one panics (and so makes libFuzzer report a
//! crash with its input) when an invariant does not hold.
#![allow(dead_code)]

use calciphylaxis::core::assess::collect_source_ids;
use calciphylaxis::core::case::{parse_case_text_in, Issue, ParsedCase};
use calciphylaxis::core::citations::citation;
use calciphylaxis::core::i18n::Lang;
use calciphylaxis::core::risk::RiskFactorId;
use calciphylaxis::core::{assess_parsed_in, Assessment};
use calciphylaxis::form::{Form, UnitSystem};
use serde_json::Value;

pub const LANGS: [Lang; 2] = [Lang::En, Lang::Zh];
pub const UNITS: [UnitSystem; 2] = [UnitSystem::Conventional, UnitSystem::Si];

/// Every number in `value` is finite and nothing is `null` (a derived value is absent,
/// never null): the check of `tests/properties.rs`.
pub fn assert_numbers_finite(value: &Value, path: &str) {
    match value {
        Value::Number(n) => assert!(n.as_f64().is_some_and(f64::is_finite), "{path}: {n}"),
        Value::Null => panic!("null at {path}"),
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| assert_numbers_finite(v, &format!("{path}.{k}"))),
        Value::Array(items) => items.iter().for_each(|v| assert_numbers_finite(v, path)),
        _ => {}
    }
}

pub fn assert_issues_named(issues: &[Issue], what: &str) {
    for issue in issues {
        assert!(
            !issue.field.to_string().is_empty(),
            "{what} without a field: {issue:?}"
        );
        assert!(
            !issue.message.is_empty(),
            "{what} without a message: {issue:?}"
        );
    }
}

/// The assessment serialises; every cited id resolves and is listed in `citations`, and
/// `citations` lists nothing that is not cited; the counts agree with the lists.
pub fn check_assessment(a: &Assessment) -> Value {
    let json = serde_json::to_value(a).expect("the assessment serialises to JSON");
    assert_eq!(json["format"], "calciphylaxis-assessment/1");
    assert_numbers_finite(&json["derived"], "derived");
    assert_numbers_finite(&json["risk"], "risk");
    if let Some(follow_up) = json.get("follow_up") {
        assert_numbers_finite(follow_up, "follow_up");
    }
    assert_eq!(
        a.follow_up.is_some(),
        json.get("follow_up").is_some(),
        "follow_up is serialised exactly when there is one"
    );
    let mut ids = Vec::new();
    collect_source_ids(&json, &mut ids);
    for id in &ids {
        assert!(citation(id).is_some(), "unresolved source {id}");
        assert!(
            a.citations.contains_key(id.as_str()),
            "{id} not in citations"
        );
    }
    for key in a.citations.keys() {
        assert!(
            ids.iter().any(|id| id == key),
            "{key} listed but never cited"
        );
    }
    assert_issues_named(&a.input_errors, "input error");
    assert_issues_named(&a.warnings, "warning");

    let risk = &a.risk;
    let with = |status: &str, tier: Option<&str>| {
        json["risk"]["factors"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["status"] == status && tier.is_none_or(|t| f["tier"] == t))
            .map(|f| f["id"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    let ids = |factors: &[RiskFactorId]| {
        factors
            .iter()
            .map(|f| f.id().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&risk.present), with("present", None), "present");
    assert_eq!(ids(&risk.absent), with("absent", None), "absent");
    assert_eq!(ids(&risk.unknown), with("unknown", None), "unknown");
    assert_eq!(risk.major_present, with("present", Some("major")).len());
    assert_eq!(risk.minor_present, with("present", Some("minor")).len());
    assert_eq!(risk.major_unknown, with("unknown", Some("major")).len());
    assert_eq!(risk.minor_unknown, with("unknown", Some("minor")).len());
    assert_eq!(
        risk.present.len() + risk.absent.len() + risk.unknown.len(),
        risk.factors.len()
    );
    assert_eq!(a.workup.items.len(), 18, "the workup panel has 18 tests");
    json
}

/// Keys whose string values are ids, statuses or units: the same in every language.
const ID_KEYS: &[&str] = &[
    "format",
    "id",
    "status",
    "tier",
    "test",
    "kind",
    "source",
    "sources",
    "field",
    "unit",
    "present",
    "absent",
    "unknown",
    "direction",
    "lesion_distribution",
    "lesion_distribution_sources",
];

/// The assessment with its human-readable text blanked: what must not depend on the
/// language (ids, statuses, numbers, units, sources, list lengths).
pub fn skeleton(value: &Value, key: &str) -> Value {
    match value {
        Value::String(_) if ID_KEYS.contains(&key) => value.clone(),
        Value::String(_) => Value::String(String::new()),
        Value::Array(items) => Value::Array(items.iter().map(|v| skeleton(v, key)).collect()),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), skeleton(v, k)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn fields(issues: &[Issue]) -> Vec<String> {
    issues.iter().map(|i| i.field.to_string()).collect()
}

/// Reads `text` as a case file in both languages and checks everything derived from it:
/// the same case and the same fields in error either way, an assessment and a follow-up
/// summary that are well formed and language-independent apart from their text, an export
/// that reads back as the same case, and a form that holds every number of the case.
pub fn check_case_text(text: &str) -> Option<ParsedCase> {
    let en = parse_case_text_in(text, Lang::En);
    let zh = parse_case_text_in(text, Lang::Zh);
    let (en, zh) = match (en, zh) {
        (Ok(en), Ok(zh)) => (en, zh),
        (Err(en), Err(zh)) => {
            assert!(!en.0.is_empty() && !zh.0.is_empty(), "an empty file error");
            return None;
        }
        (en, zh) => panic!("read in one language only: {en:?} / {zh:?}"),
    };
    assert_eq!(en.case, zh.case, "the case depends on the language");
    assert_eq!(fields(&en.errors), fields(&zh.errors));
    assert_eq!(fields(&en.warnings), fields(&zh.warnings));
    assert_issues_named(&en.errors, "parse error");
    assert_issues_named(&en.warnings, "parse warning");

    let a_en = assess_parsed_in(&en, Lang::En);
    let a_zh = assess_parsed_in(&zh, Lang::Zh);
    let j_en = check_assessment(&a_en);
    let j_zh = check_assessment(&a_zh);
    assert_eq!(
        skeleton(&j_en, ""),
        skeleton(&j_zh, ""),
        "the assessment's ids, statuses or numbers depend on the language"
    );
    assert_eq!(a_en.citations, a_zh.citations);

    assert_eq!(
        a_en.follow_up.is_some(),
        !en.case.visits.is_empty(),
        "a follow-up exactly when the case has visits"
    );

    // Export, then import: the same case, with no field error (what was wrong was left out).
    let exported = en.case.to_json_pretty();
    let back = parse_case_text_in(&exported, Lang::En).expect("an export reads back");
    assert_eq!(back.case, en.case, "export then import changed the case");
    assert!(
        back.errors.is_empty(),
        "an export has field errors: {:?}",
        back.errors
    );

    // The form shows every number of the case as text it can read back.
    for units in UNITS {
        let form = Form::from_case(&en.case, units);
        let (_, errors) = form.to_case();
        assert!(
            errors.is_empty(),
            "the form cannot read its own numbers: {errors:?}"
        );
    }
    Some(en)
}

/// Bytes as the app would see them as text (a file is read as UTF-8 with replacements).
pub fn text_of(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

#[path = "../../../tests/common/peak.rs"]
mod peak;
#[allow(unused_imports)] // only share_fragment installs the allocator
pub use peak::{largest_allocation, Peak};
