//! Decision goldens: the part of each example's (and each `tests/cases/` file's) assessment that a rule decides (statuses,
//! ids, tiers, numbers, units, field paths and source ids), with every sentence taken out.
//! A redesign of how rules say things must leave this byte for byte as it is; the prose
//! goldens (tests/golden/*.json) may change where wording improved, reviewed as a diff.
//! Regenerate with UPDATE_GOLDEN=1 only for a change that is meant to alter a decision.

mod common;
use common::{examples, first_difference, test_cases};
use std::path::{Path, PathBuf};

use calciphylaxis::core::findings::Therapy;
use calciphylaxis::core::{assess_json_in, Lang};
use serde_json::Value;

/// Keys whose string value is a sentence for a person, not a decision.
const PROSE_KEYS: &[&str] = &[
    "about",
    "basis",
    "evidence",
    "lesion_distribution_basis",
    "population_basis",
    "message",
    "name",
    "needed",
    "notice",
    "reference",
    "result",
    "rule",
    "summary",
    "text",
    "threshold",
];

/// Keys whose value is a list of sentences: only how many there are is a decision.
const PROSE_LIST_KEYS: &[&str] = &["missing", "notes"];

/// The assessment without its prose: prose strings are dropped (objects under a prose key,
/// such as the risk threshold, are kept and projected) and citation texts become their ids.
fn decisions(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, v)| !(v.is_string() && PROSE_KEYS.contains(&k.as_str())))
                .map(|(k, v)| {
                    if PROSE_LIST_KEYS.contains(&k.as_str()) {
                        let count = v.as_array().map_or(0, Vec::len);
                        (k.clone(), Value::from(count))
                    } else if k == "citations" {
                        let ids = v
                            .as_object()
                            .map(|c| c.keys().cloned().map(Value::String).collect());
                        (k.clone(), Value::Array(ids.unwrap_or_default()))
                    } else {
                        (k.clone(), decisions(v))
                    }
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(decisions).collect()),
        other => other.clone(),
    }
}

/// The example cases, then the test cases: each has a decision golden of the same name.
fn cases() -> Vec<PathBuf> {
    let cases: Vec<PathBuf> = examples().into_iter().chain(test_cases()).collect();
    assert!(cases.len() >= 9, "case files missing: {cases:?}");
    cases
}

fn assessed(path: &Path, lang: Lang) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let assessment = assess_json_in(&text, lang).unwrap();
    serde_json::to_value(&assessment).unwrap()
}

#[test]
fn decisions_match_the_decision_goldens() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for path in cases() {
        let got = decisions(&assessed(&path, Lang::En));
        let golden = Path::new("tests/golden/decisions").join(path.file_name().unwrap());
        if update {
            std::fs::write(&golden, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&golden)
                .unwrap_or_else(|_| panic!("no decision golden {}", golden.display())),
        )
        .unwrap();
        if let Some(diff) = first_difference(&expected, &got) {
            panic!(
                "{}: decisions differ from {}: {diff}",
                path.display(),
                golden.display()
            );
        }
    }
}

/// The projection holds no language: English and Chinese decide the same, so a prose key
/// missing from PROSE_KEYS (or a decision that depends on the language) fails here.
#[test]
fn decisions_do_not_depend_on_the_language() {
    for path in cases() {
        let en = decisions(&assessed(&path, Lang::En));
        let zh = decisions(&assessed(&path, Lang::Zh));
        if let Some(diff) = first_difference(&en, &zh) {
            panic!(
                "{}: English and Chinese decide differently: {diff}",
                path.display()
            );
        }
    }
}

/// The follow-up is part of the decisions: its directions, dates, changes and sources.
#[test]
fn the_follow_up_case_decides_its_markers() {
    let got = decisions(&assessed(
        Path::new("tests/cases/follow-up-visits.json"),
        Lang::En,
    ));
    let f = &got["follow_up"];
    assert_eq!(f["visit_count"], 3);
    assert_eq!(f["treatment_start"]["date"], "2025-03-24");
    let direction = |id: &str| {
        f["markers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["id"] == id)
            .map(|m| m["direction"].clone())
    };
    assert_eq!(direction("wound_area_cm2"), Some("improved".into()));
    assert_eq!(direction("d_dimer"), Some("toward_range".into()));
    assert!(f.get("summary").is_none() && f["markers"][0].get("basis").is_none());
}

/// The example case as JSON, with `therapies_tried` (created when missing) changed by
/// `edit`.
fn with_therapies(path: &Path, edit: impl Fn(&mut serde_json::Map<String, Value>)) -> String {
    let mut case: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let object = case.as_object_mut().unwrap();
    let therapies = object
        .entry("therapies_tried")
        .or_insert_with(|| Value::Object(Default::default()));
    edit(therapies.as_object_mut().unwrap());
    case.to_string()
}

fn decided(text: &str) -> Value {
    let assessment = assess_json_in(text, Lang::En).unwrap();
    decisions(&serde_json::to_value(&assessment).unwrap())
}

/// `therapies_tried.X: false` (not tried) decides exactly as the same file without X (not
/// recorded), for every therapy in every example, except where a rule reads the difference:
/// since issue 14 the refractory criterion counts sodium thiosulfate and wound care recorded
/// as not tried as not given (a requirement that fails), and not recorded as unknown.
#[test]
fn a_therapy_not_tried_decides_as_one_not_recorded() {
    let given_or_not = [Therapy::SodiumThiosulfate, Therapy::WoundCare];
    for path in examples() {
        for therapy in Therapy::ALL {
            let id = therapy.id();
            let not_tried = with_therapies(&path, |t| {
                t.insert(id.to_string(), Value::Bool(false));
            });
            if given_or_not.contains(therapy) {
                let status = refractory(&decided(&not_tried));
                assert_ne!(status, "met", "{}: {id}: false", path.display());
                continue;
            }
            let not_recorded = with_therapies(&path, |t| {
                t.remove(id);
            });
            if let Some(diff) = first_difference(&decided(&not_recorded), &decided(&not_tried)) {
                panic!(
                    "{}: {id}: false decides differently: {diff}",
                    path.display()
                );
            }
        }
        // Nothing tried at all: wound care not given, so not refractory.
        let none_tried = with_therapies(&path, |t| {
            t.clear();
            for therapy in Therapy::ALL {
                t.insert(therapy.id().to_string(), Value::Bool(false));
            }
        });
        assert_eq!(
            refractory(&decided(&none_tried)),
            "not_met",
            "{}",
            path.display()
        );
    }
}

/// The refractory criterion's status in decisions.
fn refractory(decided: &Value) -> Value {
    let criteria = decided["msc"]["criteria"].as_array().unwrap();
    let criterion = criteria
        .iter()
        .find(|c| c["id"] == "refractory_to_conventional")
        .unwrap();
    criterion["status"].clone()
}

/// The comparison above can see a therapy: in the illustrative candidate, replacing the
/// failed sodium thiosulfate trial by a complete response makes the refractory criterion
/// not met.
#[test]
fn the_therapy_comparison_sees_the_refractory_criterion() {
    let path = Path::new("examples/cases/msc-candidate-illustrative.json");
    let criterion = |text: &str| {
        let decided = decided(text);
        let criteria = decided["msc"]["criteria"].as_array().unwrap().clone();
        criteria
            .into_iter()
            .find(|c| c["id"] == "refractory_to_conventional")
            .unwrap()["status"]
            .clone()
    };
    let original = std::fs::read_to_string(path).unwrap();
    assert_eq!(criterion(&original), "met");
    let healed = with_therapies(path, |t| {
        t.insert(
            "sodium_thiosulfate".into(),
            serde_json::json!({ "weeks": 12, "response": "complete" }),
        );
    });
    assert_eq!(criterion(&healed), "not_met");
}
