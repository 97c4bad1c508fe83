//! The Chinese assessment is the English one in other words: once every human-readable
//! string is set aside, both are identical (ids, statuses, numbers, units, sources), every
//! human-readable string of the Chinese one is written in Chinese, and the numbers in each
//! Chinese text are the numbers of its English text.

mod common;
use common::examples;
use std::collections::BTreeMap;

use calciphylaxis::core::case::{
    parse_case_text_in, Biopsy, Case, CkdStage, Dialysis, LabEntry, Response, Sex, TherapyTrial,
};
use calciphylaxis::core::citations::CITATIONS;
use calciphylaxis::core::findings::{Site, Therapy, FINDINGS};
use calciphylaxis::core::labs::{LabKind, LABS};
use calciphylaxis::core::{assess, assess_in, assess_json, assess_json_in, Lang};
use proptest::prelude::*;
use serde_json::Value;

/// Keys whose string values are words for people, not ids, numbers or units.
const HUMAN: &[&str] = &[
    "basis",
    "summary",
    "notes",
    "about",
    "name",
    "evidence",
    "threshold",
    "missing",
    "message",
    "notice",
    "text",
    "rule",
    "needed",
    "lesion_distribution_basis",
    "population_basis",
];

/// Keys whose values are words for a qualitative result but language-neutral for a number
/// ("2.1 mmol/L", "8.6–10.2 mg/dL").
const MAYBE_HUMAN: &[&str] = &["result", "reference"];

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

/// The ASCII numbers of a text, sorted: the same in both languages.
fn numbers(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    for c in text.chars() {
        if c.is_ascii_digit() || (c == '.' && !current.is_empty()) {
            current.push(c);
        } else if !current.is_empty() {
            found.push(current.trim_end_matches('.').to_string());
            current.clear();
        }
    }
    if !current.is_empty() {
        found.push(current.trim_end_matches('.').to_string());
    }
    found.sort();
    found
}

/// Replaces every human-readable string (also inside lists) by a marker.
fn strip(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                let human = HUMAN.contains(&key.as_str()) || MAYBE_HUMAN.contains(&key.as_str());
                match child {
                    Value::String(_) if human => *child = Value::String("·".into()),
                    Value::Array(items) if human && items.iter().all(Value::is_string) => items
                        .iter_mut()
                        .for_each(|i| *i = Value::String("·".into())),
                    _ => strip(child),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

/// Every (path, English, Chinese) pair of human-readable strings, walking both assessments
/// side by side (their shapes are equal once stripped).
fn pairs(
    en: &Value,
    zh: &Value,
    path: &str,
    key: &str,
    out: &mut Vec<(String, String, String, bool)>,
) {
    match (en, zh) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, child) in a {
                if path.is_empty() && k == "citations" {
                    continue; // bibliographic references stay as published
                }
                pairs(child, &b[k], &format!("{path}.{k}"), k, out);
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                pairs(x, y, &format!("{path}[{i}]"), key, out);
            }
        }
        (Value::String(a), Value::String(b)) => {
            if HUMAN.contains(&key) {
                out.push((path.to_string(), a.clone(), b.clone(), true));
            } else if MAYBE_HUMAN.contains(&key) {
                out.push((path.to_string(), a.clone(), b.clone(), false));
            }
        }
        _ => {}
    }
}

/// The checks of this file for one pair of assessments; returns the problems found.
fn compare(en: &Value, zh: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let (mut a, mut b) = (en.clone(), zh.clone());
    strip(&mut a);
    strip(&mut b);
    if a != b {
        problems.push(format!(
            "structure differs:\nEN {}\nZH {}",
            serde_json::to_string(&a).unwrap(),
            serde_json::to_string(&b).unwrap()
        ));
        return problems;
    }
    let mut found = Vec::new();
    pairs(en, zh, "", "", &mut found);
    for (path, en_text, zh_text, always_words) in found {
        let neutral =
            !always_words && zh_text == en_text && en_text.chars().any(|c| c.is_ascii_digit());
        if !neutral && !has_cjk(&zh_text) {
            problems.push(format!(
                "{path}: not Chinese: {zh_text:?} (English {en_text:?})"
            ));
        }
        if numbers(&en_text) != numbers(&zh_text) {
            problems.push(format!(
                "{path}: numbers differ: {en_text:?} vs {zh_text:?}"
            ));
        }
    }
    problems
}

#[test]
fn every_example_reads_the_same_in_chinese() {
    let examples = examples();
    assert!(examples.len() >= 6);
    for path in examples {
        let text = std::fs::read_to_string(&path).unwrap();
        let en = serde_json::to_value(assess_json_in(&text, Lang::En).unwrap()).unwrap();
        let zh = serde_json::to_value(assess_json_in(&text, Lang::Zh).unwrap()).unwrap();
        let problems = compare(&en, &zh);
        assert!(
            problems.is_empty(),
            "{}:\n{}",
            path.display(),
            problems.join("\n")
        );
    }
}

#[test]
fn english_is_the_default() {
    for path in examples() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            assess_json(&text).unwrap(),
            assess_json_in(&text, Lang::En).unwrap()
        );
        let case = parse_case_text_in(&text, Lang::En).unwrap().case;
        assert_eq!(assess(&case), assess_in(&case, Lang::En));
    }
}

fn message(assessment: &calciphylaxis::core::Assessment, field: &str) -> String {
    assessment
        .input_errors
        .iter()
        .chain(&assessment.warnings)
        .find(|i| i.field == field)
        .unwrap_or_else(|| panic!("no message for {field}"))
        .message
        .clone()
}

#[test]
fn input_errors_read_in_chinese() {
    let text = r#"{"format":"calciphylaxis-case/1",
        "patient": {"age_years": "fifty", "weight_kg": 900},
        "kidney": {"dialysis": "sometimes"},
        "labs": {
            "calcium_total": {"value": 60, "unit": "mg/dL"},
            "phosphate": {"value": 1.2, "unit": "mEq/L"},
            "lupus_anticoagulant": {"result": "weakly"},
            "zinc": {"value": 1, "unit": "mg/dL"}
        },
        "ward": "7B"}"#;
    let en = assess_json_in(text, Lang::En).unwrap();
    let zh = assess_json_in(text, Lang::Zh).unwrap();

    let calcium = message(&zh, "labs.calcium_total");
    assert!(
        has_cjk(&calcium) && calcium.contains("60 mg/dL"),
        "{calcium}"
    );
    assert!(
        calcium.contains("血清总钙") && calcium.contains("超出"),
        "{calcium}"
    );
    assert!(message(&en, "labs.calcium_total").contains("outside the plausible range"));

    let unit = message(&zh, "labs.phosphate");
    assert!(
        unit.contains("\"mEq/L\"") && unit.contains("mg/dL, mmol/L"),
        "{unit}"
    );
    assert!(unit.contains("单位") && unit.contains("血磷"), "{unit}");

    let wrong_type = message(&zh, "patient.age_years");
    assert_eq!(wrong_type, "应为数字，实际为文本");
    assert_eq!(
        message(&en, "patient.age_years"),
        "expected a number, found text"
    );

    for field in [
        "patient.weight_kg",
        "kidney.dialysis",
        "labs.lupus_anticoagulant",
        "labs.zinc",
        "ward",
    ] {
        let text = message(&zh, field);
        assert!(has_cjk(&text), "{field}: {text}");
        assert_eq!(numbers(&text), numbers(&message(&en, field)), "{field}");
    }

    // A file that is not a case at all: the file-level message too.
    for text in [
        "[1,2]",
        "{not json",
        r#"{"format":"calciphylaxis-assessment/1"}"#,
    ] {
        let error = assess_json_in(text, Lang::Zh).unwrap_err();
        assert!(has_cjk(&error.0), "{error}");
        let english = assess_json(text).unwrap_err();
        assert!(!has_cjk(&english.0), "{english}");
    }
}

#[test]
fn every_citation_says_in_chinese_what_it_is_used_for() {
    for citation in CITATIONS {
        let zh = citation.used_for_in(Lang::Zh);
        assert!(has_cjk(zh), "{}", citation.id);
        let en = citation.used_for_in(Lang::En);
        assert!(!en.is_empty() && !has_cjk(en), "{}", citation.id);
        let en_numbers = numbers(en);
        let zh_numbers = numbers(zh);
        for n in &en_numbers {
            assert!(
                zh_numbers.contains(n),
                "{}: {n} missing in {zh}",
                citation.id
            );
        }
    }
}

#[test]
fn catalogue_labels_exist_in_both_languages() {
    for lab in LABS {
        assert!(has_cjk(lab.name(Lang::Zh)), "{:?}", lab.id);
        assert!(!has_cjk(lab.name(Lang::En)), "{:?}", lab.id);
        assert_eq!(
            lab.note_in(Lang::Zh).is_empty(),
            lab.note_in(Lang::En).is_empty(),
            "{:?}",
            lab.id
        );
    }
    for finding in FINDINGS {
        assert!(has_cjk(finding.label(Lang::Zh)), "{:?}", finding.id);
    }
    for therapy in Therapy::ALL {
        assert!(has_cjk(therapy.name(Lang::Zh)));
        assert!(!has_cjk(therapy.name(Lang::En)));
    }
    for site in Site::ALL {
        assert!(has_cjk(site.name(Lang::Zh)));
    }
}

fn any_entry(kind: LabKind) -> BoxedStrategy<LabEntry> {
    match kind {
        LabKind::Numeric {
            units, plausible, ..
        } => {
            let symbols: Vec<String> = units.iter().map(|u| u.symbol.to_string()).collect();
            (
                plausible.0..plausible.1 * 1.2,
                proptest::sample::select(symbols),
                proptest::option::weighted(0.1, 1.0f64..500.0),
            )
                .prop_map(|(value, unit, high)| LabEntry {
                    value: Some((value * 100.0).round() / 100.0),
                    unit: Some(unit),
                    reference_high: high,
                    ..Default::default()
                })
                .boxed()
        }
        LabKind::Qualitative { results } => {
            let ids: Vec<String> = results.iter().map(|(id, _)| id.to_string()).collect();
            proptest::sample::select(ids)
                .prop_map(|r| LabEntry::qualitative(&r))
                .boxed()
        }
    }
}

fn any_labs() -> impl Strategy<Value = BTreeMap<String, LabEntry>> {
    let per_lab: Vec<_> = LABS
        .iter()
        .map(|lab| {
            proptest::option::weighted(0.5, any_entry(lab.kind)).prop_map(move |e| (lab.id, e))
        })
        .collect();
    per_lab.prop_map(|entries| {
        entries
            .into_iter()
            .filter_map(|(id, e)| e.map(|e| (id.id().to_string(), e)))
            .collect()
    })
}

fn any_therapies() -> impl Strategy<Value = Option<BTreeMap<String, TherapyTrial>>> {
    let trial = prop_oneof![
        Just(TherapyTrial::Tried),
        Just(TherapyTrial::NotTried),
        (
            proptest::option::of(0.0f64..30.0),
            proptest::option::of(proptest::sample::select(Response::ALL.to_vec()))
        )
            .prop_map(|(weeks, response)| TherapyTrial::Detail {
                weeks: weeks.map(f64::round),
                response
            }),
    ];
    proptest::option::of(proptest::collection::btree_map(
        proptest::sample::select(
            Therapy::ALL
                .iter()
                .map(|t| t.id().to_string())
                .collect::<Vec<_>>(),
        ),
        trial,
        0..4,
    ))
}

prop_compose! {
    fn any_case()(
        age in proptest::option::of(10.0f64..130.0),
        sex in proptest::option::of(proptest::sample::select(Sex::ALL.to_vec())),
        weight in proptest::option::of(30.0f64..160.0),
        height in proptest::option::of(140.0f64..200.0),
        stage in proptest::option::of(proptest::sample::select(CkdStage::ALL.to_vec())),
        dialysis in proptest::option::of(proptest::sample::select(Dialysis::ALL.to_vec())),
        vintage in proptest::option::of(0.0f64..200.0),
        transplant in proptest::option::of(any::<bool>()),
        findings in proptest::collection::btree_map(
            proptest::sample::select(FINDINGS.iter().map(|f| f.id.id().to_string()).collect::<Vec<_>>()),
            any::<bool>(), 0..25),
        count in proptest::option::of(0.0f64..8.0),
        sites in proptest::collection::vec(proptest::sample::select(Site::ALL.to_vec()), 0..4),
        biopsy in proptest::option::of(proptest::sample::select(Biopsy::ALL.to_vec())),
        labs in any_labs(),
        therapies in any_therapies(),
    ) -> Case {
        let mut case = Case::default();
        case.patient.age_years = age.map(f64::round);
        case.patient.sex = sex;
        case.patient.weight_kg = weight.map(f64::round);
        case.patient.height_cm = height.map(f64::round);
        case.kidney.ckd_stage = stage;
        case.kidney.dialysis = dialysis;
        case.kidney.dialysis_vintage_months = vintage.map(f64::round);
        case.kidney.kidney_transplant = transplant;
        case.findings = findings;
        case.lesions.count = count.map(f64::round);
        case.lesions.sites = sites;
        case.lesions.biopsy = biopsy;
        case.labs = labs;
        case.therapies_tried = therapies;
        case
    }
}

proptest! {
    #![proptest_config(common::property_config(300))]

    #[test]
    fn any_case_reads_the_same_in_chinese(case in any_case()) {
        let en = serde_json::to_value(assess_in(&case, Lang::En)).unwrap();
        let zh = serde_json::to_value(assess_in(&case, Lang::Zh)).unwrap();
        let problems = compare(&en, &zh);
        prop_assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}

/// `[a-z]+_[a-z_]+` tokens outside the quotes (what a user wrote in the file is quoted).
fn snake_tokens(text: &str) -> Vec<String> {
    let ours: String = text.split('"').step_by(2).collect::<Vec<_>>().join(" ");
    ours.split(|c: char| !(c.is_ascii_lowercase() || c == '_'))
        .filter(|word| {
            word.find('_').is_some_and(|i| i > 0) && word.trim_end_matches('_').contains('_')
        })
        .map(str::to_string)
        .collect()
}

/// Every field label and follow-up text the results show for `text`, in Chinese.
fn chinese_labels_and_follow_up(text: &str) -> Vec<(String, String)> {
    use calciphylaxis::core::assess_parsed_in;
    use calciphylaxis::core::followup::marker_name;
    let parsed = parse_case_text_in(text, Lang::Zh).unwrap();
    let assessment = assess_parsed_in(&parsed, Lang::Zh);
    // The visits' errors and warnings are the assessment's own (with their paths).
    let mut shown = Vec::new();
    for issue in assessment.input_errors.iter().chain(&assessment.warnings) {
        shown.push((issue.field.to_string(), issue.field.label(Lang::Zh)));
    }
    if let Some(follow_up) = &assessment.follow_up {
        for id in &follow_up.single_measurement {
            shown.push((id.clone(), marker_name(id, Lang::Zh)));
        }
        for marker in &follow_up.markers {
            shown.push((marker.id.clone(), marker.name.clone()));
        }
        shown.push((String::new(), follow_up.summary.clone()));
    }
    shown
}

#[test]
fn chinese_field_labels_and_follow_up_text_show_no_ids_or_paths() {
    let visits = r#"{"format":"calciphylaxis-case/1",
        "visits":[{"date":"2024-01-05","pain_score":8,"wound_area_cm2":40,
                   "labs":{"albumin":{"value":2.9,"unit":"g/dL"},"calcium_total":{"value":9,"unit":"mg/dL"}}},
                  {"date":"2024-03-01","wound_area_cm2":12,"labs":{"calcium_total":{"value":9.5,"unit":"mg/dL"}}}]}"#;
    let bad = r#"{"format":"calciphylaxis-case/1", "extra_notes": "ward 7",
        "patient":{"sex":"unknown_sex","age_years":"sixty"},
        "kidney":{"ckd_stage":"G9","dialysis":"weekly"},
        "findings":{"warfarin":"yes","not_a_finding":true},
        "labs":{"albumin":{"value":3,"unit":"furlongs"},"calcium_total":{"value":9,"unit":"mg/dL","date":"soon"}},
        "lesions":{"sites":["thigh","elbow_pit"],"count":3.5},
        "therapies_tried":{"sodium_thiosulfate":{"weeks":"six","response":"great"}},
        "visits":[{"date":"2024-01-05","pain_score":14,"treatments":[{"route":"intravenous"}]},
                  {"date":"2024-02-30","pain_score":"high","labs":{"albumin":{"value":3}}}]}"#;
    let mut texts: Vec<String> = examples()
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect();
    texts.push(visits.to_string());
    texts.push(bad.to_string());
    let mut labelled = 0;
    for text in &texts {
        for (path, shown) in chinese_labels_and_follow_up(text) {
            assert!(snake_tokens(&shown).is_empty(), "{path}: {shown}");
            assert!(!shown.contains('['), "{path}: {shown}");
            if !path.is_empty() {
                let outside_quotes: String = shown.split('"').step_by(2).collect();
                assert!(
                    !outside_quotes.contains(&path),
                    "{path} shown as is: {shown}"
                );
                labelled += 1;
            }
        }
    }
    // The bad file's errors are all there: sex, stage, unit, site, pain score, unknown key.
    let bad_paths: Vec<String> = chinese_labels_and_follow_up(bad)
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    for path in [
        "patient.sex",
        "kidney.ckd_stage",
        "labs.albumin",
        "lesions.sites[1]",
        "visits[0].pain_score",
        "visits[1].pain_score",
        "extra_notes",
    ] {
        assert!(
            bad_paths.iter().any(|p| p == path),
            "{path} in {bad_paths:?}"
        );
    }
    assert!(labelled > 20, "{labelled}");
}

#[test]
fn a_file_that_is_not_json_is_reported_in_the_chosen_language() {
    let broken =
        "{\n  \"format\": \"calciphylaxis-case/1\",\n  \"patient\": { \"age_years\": 6 x }\n}";
    let en = parse_case_text_in(broken, Lang::En)
        .unwrap_err()
        .to_string();
    let zh = parse_case_text_in(broken, Lang::Zh)
        .unwrap_err()
        .to_string();
    assert_eq!(en, "not valid JSON at line 3, column 31");
    assert_eq!(zh, "不是有效的 JSON（第 3 行第 31 列）");
    let truncated = parse_case_text_in("{\"format\": ", Lang::Zh)
        .unwrap_err()
        .to_string();
    assert!(
        truncated.starts_with("不是有效的 JSON：文本提前结束"),
        "{truncated}"
    );
    assert!(!truncated.contains("EOF"), "{truncated}");
    let deep = parse_case_text_in(&"[".repeat(1000), Lang::En)
        .unwrap_err()
        .to_string();
    assert!(
        deep.starts_with("not valid JSON: nested too deeply"),
        "{deep}"
    );
}
