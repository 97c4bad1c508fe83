//! Worked cases of single rules, each a small decision golden named after its source.
//!
//! A file in `tests/rule-cases/` holds the source it follows, the rule in words, and cases:
//! a partial case file (the `format` line is added) and what the assessment must decide,
//! written as `selector: value` pairs. A selector names one decision:
//!
//! | selector | decision |
//! |---|---|
//! | `risk.<factor>` | the factor's status |
//! | `workup.<test>` / `workup.<test>.<field>` | a workup item's status, or another field |
//! | `msc` / `msc.<criterion>` | the MSC status, or one criterion's status |
//! | `hayashi` / `hayashi.<criterion>` | Hayashi's status, or one criterion's |
//! | `consensus` | the highest consensus tier |
//! | `/a/json/pointer` | any value of the assessment |
//!
//! An expected value is compared exactly, except `{"contains": x}`, which holds when the
//! array (or string) contains `x`, and `{"lacks": x}`, its opposite. Prose is rendered in
//! English, so `contains` on prose is for ids and numbers only.

use calciphylaxis::core::assess_json;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn rule_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("tests/rule-cases")
        .expect("tests/rule-cases exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The array element of `items` whose `key` is `id`.
fn by_id<'a>(items: &'a Value, key: &str, id: &str) -> Option<&'a Value> {
    items.as_array()?.iter().find(|item| item[key] == id)
}

/// The decision a selector names, or `None` when the assessment has no such thing.
fn select<'a>(assessment: &'a Value, selector: &str) -> Option<&'a Value> {
    if selector.starts_with('/') {
        return assessment.pointer(selector);
    }
    let mut parts = selector.splitn(3, '.');
    let section = parts.next()?;
    let id = parts.next();
    let field = parts.next().unwrap_or("status");
    match (section, id) {
        ("risk", Some(id)) => by_id(&assessment["risk"]["factors"], "id", id)?.get(field),
        ("workup", Some(id)) => by_id(&assessment["workup"]["items"], "test", id)?.get(field),
        ("msc", None) => assessment["msc"].get("status"),
        ("msc", Some(id)) => by_id(&assessment["msc"]["criteria"], "id", id)?.get(field),
        ("hayashi", None) => assessment["diagnosis"]["hayashi"].get("status"),
        ("hayashi", Some(id)) => {
            by_id(&assessment["diagnosis"]["hayashi"]["criteria"], "id", id)?.get(field)
        }
        ("consensus", None) => assessment["diagnosis"]["consensus"].get("tier"),
        _ => None,
    }
}

/// Whether `got` is what `expected` asks for; see the module's comment.
fn holds(got: Option<&Value>, expected: &Value) -> bool {
    let contains = |needle: &Value| match got {
        Some(Value::Array(items)) => items.contains(needle),
        Some(Value::String(text)) => needle.as_str().is_some_and(|n| text.contains(n)),
        _ => false,
    };
    match expected {
        Value::Object(op) if op.len() == 1 && op.contains_key("contains") => {
            contains(&op["contains"])
        }
        Value::Object(op) if op.len() == 1 && op.contains_key("lacks") => {
            got.is_some() && !contains(&op["lacks"])
        }
        _ => got == Some(expected),
    }
}

/// Every failed expectation of one case, as lines to print.
fn check_case(file: &Path, case: &Value) -> Vec<String> {
    let name = case["name"].as_str().expect("each case has a name");
    let mut text = case["case"].clone();
    text["format"] = json!("calciphylaxis-case/1");
    let assessment = match assess_json(&text.to_string()) {
        Ok(assessment) => serde_json::to_value(assessment).unwrap(),
        Err(error) => return vec![format!("{}: {name}: not assessed: {error}", file.display())],
    };
    let expect = case["expect"].as_object().expect("each case has expect");
    assert!(
        !expect.is_empty(),
        "{}: {name}: expects nothing",
        file.display()
    );
    expect
        .iter()
        .filter(|(selector, expected)| !holds(select(&assessment, selector), expected))
        .map(|(selector, expected)| {
            let got = select(&assessment, selector).map_or("nothing".into(), Value::to_string);
            format!(
                "{}: {name}: {selector}: expected {expected}, got {got}",
                file.display()
            )
        })
        .collect()
}

#[test]
fn every_rule_case_decides_as_its_source_says() {
    let files = rule_files();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let doc: Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not JSON: {e}", file.display()));
        for key in ["source", "rule"] {
            assert!(doc[key].is_string(), "{}: no {key}", file.display());
        }
        for case in doc["cases"].as_array().expect("cases") {
            count += 1;
            failures.extend(check_case(file, case));
        }
    }
    assert!(count > 0, "no rule cases found");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn a_selector_that_names_nothing_fails() {
    let assessment = json!({"risk": {"factors": [{"id": "warfarin", "status": "present"}]}});
    assert!(holds(
        select(&assessment, "risk.warfarin"),
        &json!("present")
    ));
    assert!(!holds(
        select(&assessment, "risk.warfarin"),
        &json!("absent")
    ));
    assert!(!holds(
        select(&assessment, "risk.no_such_factor"),
        &json!("present")
    ));
    assert!(!holds(
        select(&assessment, "nonsense"),
        &json!({"lacks": "x"})
    ));
    assert!(holds(
        select(&assessment, "/risk/factors/0/id"),
        &json!({"contains": "warf"})
    ));
}
