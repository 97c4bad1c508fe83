//! The FHIR reader (`core::fhir`): every fixture of `tests/fhir/` becomes its expected case
//! (`*.case.json`, field by field, provenance included), each calciphylaxis rule of the
//! hand-built bundle is checked in the report, and malformed input gives a clear error.

use std::path::{Path, PathBuf};

use calciphylaxis::core::case::parse_case_text;
use calciphylaxis::core::fhir::bulk::Cohort;
use calciphylaxis::core::fhir::report::{ImportReport, MatchedBy, NotMappedReason, SkipReason};
use calciphylaxis::core::fhir::{
    case_from_fhir, case_from_fhir_with, is_fhir, FhirError, Options, MAX_ENTRIES, MAX_FHIR_BYTES,
};
use calciphylaxis::core::{assess, Lang};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fhir")
}

fn fixtures() -> Vec<PathBuf> {
    let mut all = Vec::new();
    for sub in [dir(), dir().join("carebundle")] {
        for entry in std::fs::read_dir(sub).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".json") && !name.ends_with(".case.json") {
                all.push(path);
            }
        }
    }
    all.sort();
    all
}

fn hand_built() -> (Value, ImportReport) {
    let text = std::fs::read_to_string(dir().join("calciphylaxis-dialysis.json")).unwrap();
    let (case, report) = case_from_fhir(&text).unwrap();
    (serde_json::to_value(&case).unwrap(), report)
}

#[test]
fn every_fixture_becomes_its_expected_case_field_by_field() {
    let all = fixtures();
    assert!(all.len() >= 5, "{all:?}");
    for path in all {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(is_fhir(&text), "{path:?}");
        let (case, _) = case_from_fhir(&text).unwrap();
        let got = serde_json::to_value(&case).unwrap();
        let expected_path = path.with_extension("case.json");
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
        assert_eq!(got, expected, "{path:?} differs from {expected_path:?}");
    }
}

#[test]
fn every_mapped_value_is_traceable_to_its_resource_in_report_and_provenance() {
    for path in fixtures() {
        let (case, report) = case_from_fhir(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for mapped in &report.mapped {
            let source = &case.provenance[&mapped.field];
            assert_eq!(
                source.resource, mapped.resource,
                "{path:?} {}",
                mapped.field
            );
        }
        assert_eq!(case.provenance.len(), report.mapped.len(), "{path:?}");
    }
}

#[test]
fn the_hand_built_bundle_follows_each_rule() {
    let (case, report) = hand_built();
    // Dialysis dependence (Z99.2) with ESRD: G5D; the modality stays unknown and listed.
    assert_eq!(case["kidney"]["ckd_stage"], "G5D");
    assert!(case["kidney"].get("dialysis").is_none());
    assert!(report
        .not_mapped
        .iter()
        .any(|n| n.field == "kidney.dialysis"));
    // SI units kept as given; the later calcium wins, with its laboratory's limits.
    assert_eq!(case["labs"]["calcium_total"]["value"], 2.35);
    assert_eq!(case["labs"]["calcium_total"]["unit"], "mmol/L");
    assert_eq!(case["labs"]["calcium_total"]["reference_low"], 2.15);
    assert_eq!(case["labs"]["creatinine"]["unit"], "µmol/L");
    assert_eq!(case["labs"]["d_dimer"]["unit"], "mg/L FEU");
    let reason = |id: &str| {
        report
            .skipped
            .iter()
            .find(|s| s.resource == format!("Observation/{id}"))
            .map(|s| s.reason)
    };
    assert_eq!(reason("calcium-earlier"), Some(SkipReason::Superseded));
    assert_eq!(reason("d-dimer-ddu-earlier"), Some(SkipReason::Superseded));
    // Entered in error, although later, never wins.
    assert_eq!(
        reason("pth-entered-in-error"),
        Some(SkipReason::EnteredInError)
    );
    assert_eq!(case["labs"]["pth_intact"]["value"], 85.0);
    // A `<` bound is not a value.
    assert_eq!(reason("crp-below-5"), Some(SkipReason::Comparator));
    assert!(case["labs"].get("crp").is_none());
    // Refuted → false; provisional → unknown; a resolved cancer → history only.
    assert_eq!(case["findings"]["diabetes_mellitus"], false);
    assert!(case["findings"].get("autoimmune_disease").is_none());
    assert_eq!(case["findings"]["malignancy_history"], true);
    assert!(case["findings"].get("active_malignancy").is_none());
    // The resolved cancer has an onset, not an end date: its 5 years cannot be counted.
    assert!(case["findings"]
        .get("malignancy_over_5_years_ago")
        .is_none());
    let timing = report
        .not_mapped
        .iter()
        .find(|n| n.field == "findings.malignancy_over_5_years_ago")
        .unwrap();
    assert_eq!(timing.reason, NotMappedReason::NoAbatementDate);
    assert_eq!(timing.resources, ["Condition/breast-cancer-resolved"]);
    let how = |field: &str| {
        report
            .mapped
            .iter()
            .find(|m| m.field == field)
            .map(|m| m.matched_by)
    };
    // Warfarin known by a product code and its text: matched by name, and said so.
    assert_eq!(case["findings"]["warfarin"], true);
    assert_eq!(how("findings.warfarin"), Some(MatchedBy::IngredientName));
    // The contained Medication (ATC) gives a 12-week cinacalcet course.
    assert_eq!(case["therapies_tried"]["cinacalcet"]["weeks"], 12.0);
    assert_eq!(how("therapies_tried.cinacalcet"), Some(MatchedBy::Atc));
    // 0.25 µg twice a day is 0.5 µg/day: not above 0.5.
    assert_eq!(case["findings"]["active_vitamin_d_high_dose"], false);
    // A Chinese order text under the skin; a cancelled DOAC is not taken.
    assert_eq!(case["findings"]["subcutaneous_insulin_or_heparin"], true);
    assert!(case["findings"].get("doac").is_none());
    assert_eq!(case["patient"]["age_years"], 64.0);
}

#[test]
fn earlier_draws_become_visits_when_asked() {
    let text = std::fs::read_to_string(dir().join("calciphylaxis-dialysis.json")).unwrap();
    let options = Options {
        earlier_draws_as_visits: true,
        ..Options::default()
    };
    let (case, _) = case_from_fhir_with(&text, options).unwrap();
    assert_eq!(case.visits.len(), 1);
    let visit = &case.visits[0];
    assert_eq!(visit.date.as_deref(), Some("2026-01-10"));
    assert_eq!(visit.labs["d_dimer"].unit.as_deref(), Some("ng/mL DDU"));
    assert_eq!(visit.labs["d_dimer"].value, Some(400.0));
    assert_eq!(visit.labs["calcium_total"].value, Some(2.1));
    assert!(case.provenance.contains_key("visits[0].labs.d_dimer"));
    let assessment = assess(&case);
    assert!(assessment.follow_up.is_some());
}

#[test]
fn the_mapped_case_assesses_without_input_errors_and_keeps_its_provenance() {
    let text = std::fs::read_to_string(dir().join("calciphylaxis-dialysis.json")).unwrap();
    let (case, _) = case_from_fhir(&text).unwrap();
    let assessment = assess(&case);
    assert!(
        assessment.input_errors.is_empty(),
        "{:?}",
        assessment.input_errors
    );
    // Export then import: the provenance comes back, with no warning.
    let parsed = parse_case_text(&case.to_json_pretty()).unwrap();
    assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
    assert_eq!(parsed.case.provenance, case.provenance);
    assert_eq!(parsed.case, case);
}

#[test]
fn a_provenance_entry_that_is_not_a_source_is_a_warning_only() {
    let text = r#"{"format":"calciphylaxis-case/1","provenance":{"labs.albumin":3,
        "labs.calcium_total":{"resource":"Observation/a","date":"2026-01-01"}}}"#;
    let parsed = parse_case_text(text).unwrap();
    assert!(parsed.errors.is_empty());
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(
        parsed.warnings[0].field.to_string(),
        "provenance.labs.albumin"
    );
    assert_eq!(parsed.case.provenance.len(), 1);
}

#[test]
fn the_report_is_in_both_languages() {
    let text = std::fs::read_to_string(dir().join("calciphylaxis-dialysis.json")).unwrap();
    let zh = Options {
        lang: Lang::Zh,
        ..Options::default()
    };
    let (_, report) = case_from_fhir_with(&text, zh).unwrap();
    let lines = report.render(Lang::Zh);
    assert!(lines[0].starts_with("FHIR 导入"), "{}", lines[0]);
    assert!(report
        .skipped
        .iter()
        .any(|s| s.message.contains("录入错误")));
    let (_, english) = hand_built();
    assert_eq!(english.mapped.len(), report.mapped.len());
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["format"], "calciphylaxis-fhir-import/1");
}

#[test]
fn a_single_resource_is_read_too() {
    let text = r#"{"resourceType":"Observation","id":"p","status":"final",
        "code":{"coding":[{"system":"http://loinc.org","code":"2777-1"}]},
        "effectiveDateTime":"2026-03-01","valueQuantity":{"value":6.1,"code":"mg/dL"}}"#;
    let (case, report) = case_from_fhir(text).unwrap();
    assert_eq!(case.labs["phosphate"].value, Some(6.1));
    assert_eq!(report.source, "Observation");
    // A D-dimer without FEU or DDU is not guessed.
    let plain = text.replace("2777-1", "48065-7").replace("mg/dL", "mg/L");
    let (case, report) = case_from_fhir(&plain).unwrap();
    assert!(case.labs.is_empty());
    assert_eq!(report.skipped[0].reason, SkipReason::UnknownUnit);
}

fn error_of(text: &str) -> FhirError {
    let error = case_from_fhir(text).unwrap_err();
    for lang in [Lang::En, Lang::Zh] {
        let message = error.message(lang);
        assert!(!message.is_empty() && !message.contains('{'), "{message}");
    }
    error
}

#[test]
fn malformed_input_gives_a_clear_error_and_never_a_panic() {
    assert!(matches!(error_of("{not json"), FhirError::NotJson { .. }));
    assert_eq!(error_of("[1, 2]"), FhirError::NotFhir);
    assert_eq!(error_of(r#"{"a": 1}"#), FhirError::NotFhir);
    assert_eq!(
        error_of(r#"{"format":"calciphylaxis-case/1","resourceType":"Patient"}"#),
        FhirError::NotFhir
    );
    assert_eq!(
        error_of(r#"{"resourceType":"Practitioner"}"#),
        FhirError::UnsupportedResource("Practitioner".into())
    );
    assert!(matches!(
        error_of(r#"{"resourceType":"Bundle","entry":{"x":1}}"#),
        FhirError::InvalidBundle { .. }
    ));
    let two = r#"{"resourceType":"Bundle","entry":[{"resource":{"resourceType":"Patient","id":"a"}},
        {"resource":{"resourceType":"Patient","id":"b"}}]}"#;
    assert_eq!(error_of(two), FhirError::SeveralPatients { count: 2 });
    let entry = r#"{"resource":{"resourceType":"Basic"}},"#;
    let many = format!(
        r#"{{"resourceType":"Bundle","entry":[{}{{}}]}}"#,
        entry.repeat(100_000)
    );
    assert_eq!(
        error_of(&many),
        FhirError::TooManyEntries { count: 100_001 }
    );
    const { assert!(100_001 > MAX_ENTRIES) };
    let huge = format!(
        r#"{{"resourceType":"Patient","id":"{}"}}"#,
        "x".repeat(MAX_FHIR_BYTES)
    );
    assert!(matches!(error_of(&huge), FhirError::TooLarge { .. }));
    let deep = format!(
        r#"{{"resourceType":"Bundle","entry":[{{"resource":{{"resourceType":"Observation","extension":{}1{}}}}}]}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert!(matches!(error_of(&deep), FhirError::TooDeep { .. }));
}

#[test]
fn a_resource_of_the_wrong_shape_is_skipped_not_fatal() {
    let text = r#"{"resourceType":"Bundle","type":"collection","entry":[
        {"resource":{"resourceType":"Observation","id":"o","code":"not a concept"}},
        {"resource":{"resourceType":"Patient","id":"p","gender":7}},
        {"resource":{"resourceType":"Bundle","id":"inner"}},
        {"fullUrl":"urn:x"}]}"#;
    let (case, report) = case_from_fhir(text).unwrap();
    assert!(case.labs.is_empty() && case.patient.sex.is_none());
    let reasons: Vec<SkipReason> = report.skipped.iter().map(|s| s.reason).collect();
    assert_eq!(
        reasons,
        vec![
            SkipReason::Invalid,
            SkipReason::Invalid,
            SkipReason::NestedBundle
        ]
    );
}

#[test]
fn a_bulk_export_is_grouped_by_patient() {
    let export = dir().join("carebundle/bulk-mixed-3");
    let mut cohort = Cohort::new(Options {
        list_skipped: false,
        ..Options::default()
    });
    let lines = |name: &str| {
        std::fs::read_to_string(export.join(name))
            .unwrap()
            .lines()
            .map(str::to_string)
            .collect::<Vec<_>>()
    };
    lines("Patient.ndjson")
        .iter()
        .for_each(|l| cohort.add_patient_line(l));
    assert_eq!(cohort.len(), 12);
    for file in [
        "Condition.ndjson",
        "MedicationRequest.ndjson",
        "Observation.ndjson",
    ] {
        lines(file).iter().for_each(|l| cohort.add_line(l));
    }
    cohort.add_line("not json");
    assert_eq!(cohort.unassigned, 1);
    let patients: Vec<_> = cohort.finish().collect();
    assert_eq!(patients.len(), 12);
    for (reference, case, report) in &patients {
        assert!(reference.starts_with("Patient/"));
        assert!(case.patient.sex.is_some(), "{reference}");
        assert!(case.labs.contains_key("creatinine"), "{reference}");
        assert!(report.skipped.is_empty() && report.skipped_not_listed > 0);
    }
}

#[test]
fn the_command_line_prints_the_case_the_assessment_and_bulk_summaries() {
    let bin = env!("CARGO_BIN_EXE_assess");
    let bundle = dir().join("calciphylaxis-dialysis.json");
    let run =
        |args: &[&std::ffi::OsStr]| std::process::Command::new(bin).args(args).output().unwrap();
    let case = run(&["--case".as_ref(), bundle.as_os_str()]);
    assert!(case.status.success());
    let printed: Value = serde_json::from_slice(&case.stdout).unwrap();
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(dir().join("calciphylaxis-dialysis.case.json")).unwrap(),
    )
    .unwrap();
    assert_eq!(printed, expected);
    let assessed = run(&[bundle.as_os_str()]);
    let assessment: Value = serde_json::from_slice(&assessed.stdout).unwrap();
    assert_eq!(assessment["format"], "calciphylaxis-assessment/1");
    assert_eq!(
        assessment["import_report"]["format"],
        "calciphylaxis-fhir-import/1"
    );
    let export = dir().join("carebundle/bulk-mixed-3");
    let bulk = run(&["--bulk".as_ref(), export.as_os_str()]);
    assert!(bulk.status.success());
    let lines: Vec<Value> = String::from_utf8_lossy(&bulk.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 12);
    assert!(lines
        .iter()
        .all(|l| l["patient"].as_str().unwrap().starts_with("Patient/")));
    assert!(lines
        .iter()
        .all(|l| l.get("msc").is_some() && l.get("population").is_some()));
    assert!(String::from_utf8_lossy(&bulk.stderr).contains("identifiable"));
}

#[test]
fn detected_is_never_read_as_not_detected() {
    let answer = |code: &str, display: &str| {
        format!(
            r#"{{"resourceType":"Observation","id":"f","status":"final",
            "code":{{"coding":[{{"system":"http://loinc.org","code":"21667-1"}}]}},
            "effectiveDateTime":"2026-03-01","valueCodeableConcept":{{"coding":[
            {{"system":"http://loinc.org","code":"{code}","display":"{display}"}}]}}}}"#
        )
    };
    let (case, report) = case_from_fhir(&answer("LA11882-0", "Detected")).unwrap();
    assert!(case.labs.is_empty(), "{:?}", case.labs);
    assert_eq!(report.skipped[0].reason, SkipReason::UnknownAnswer);
    let (case, _) = case_from_fhir(&answer("LA11883-8", "Not detected")).unwrap();
    assert_eq!(
        case.labs["factor_v_leiden"].result.as_deref(),
        Some("not_detected")
    );
}

/// A bundle of one patient from a worked case of `tests/rule-cases/fhir/`: its eGFR values
/// (`date`, `value`, optional `code`, `unit`, `comparator`), its Conditions (ICD-10-CM
/// `code`, `clinical_status`, `verification`, `onset`, `abatement`) and, with
/// `observed_on`, a calcium drawn that day (the report's date).
fn worked_case_bundle(case: &Value) -> String {
    let mut entries = vec![serde_json::json!({"resourceType": "Patient", "id": "p"})];
    for (i, egfr) in case["egfr"].as_array().into_iter().flatten().enumerate() {
        let mut quantity = serde_json::json!({
            "value": egfr["value"],
            "code": egfr.get("unit").unwrap_or(&"mL/min/{1.73_m2}".into()),
        });
        if let Some(comparator) = egfr.get("comparator") {
            quantity["comparator"] = comparator.clone();
        }
        entries.push(serde_json::json!({
            "resourceType": "Observation", "id": format!("egfr-{}", i + 1), "status": "final",
            "code": {"coding": [{"system": "http://loinc.org",
                "code": egfr.get("code").unwrap_or(&"98979-8".into())}]},
            "effectiveDateTime": egfr["date"], "valueQuantity": quantity,
        }));
    }
    for (i, c) in case["conditions"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let status = |system: &str, code: &Value| serde_json::json!({"coding": [{"system": system, "code": code}]});
        let mut condition = serde_json::json!({
            "resourceType": "Condition", "id": format!("condition-{}", i + 1),
            "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": c["code"]}]},
            "clinicalStatus": status(
                "http://terminology.hl7.org/CodeSystem/condition-clinical",
                c.get("clinical_status").unwrap_or(&"active".into()),
            ),
        });
        if let Some(v) = c.get("verification") {
            let system = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
            condition["verificationStatus"] = status(system, v);
        }
        for (key, element) in [
            ("onset", "onsetDateTime"),
            ("abatement", "abatementDateTime"),
        ] {
            if let Some(date) = c.get(key) {
                condition[element] = date.clone();
            }
        }
        entries.push(condition);
    }
    if let Some(day) = case.get("observed_on") {
        entries.push(serde_json::json!({
            "resourceType": "Observation", "id": "calcium", "status": "final",
            "code": {"coding": [{"system": "http://loinc.org", "code": "17861-6"}]},
            "effectiveDateTime": day, "valueQuantity": {"value": 9.5, "code": "mg/dL"},
        }));
    }
    let entry: Vec<Value> = entries
        .into_iter()
        .map(|r| serde_json::json!({ "resource": r }))
        .collect();
    serde_json::json!({"resourceType": "Bundle", "type": "collection", "entry": entry}).to_string()
}

/// What a selector of a worked case names: a JSON pointer into `{case, report}`, or
/// `not_mapped:<field>`, the reason the field is listed as not mapped.
fn worked_case_value(read: &Value, selector: &str) -> Value {
    match selector.strip_prefix("not_mapped:") {
        Some(field) => read["report"]["not_mapped"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["field"] == field)
            .map_or(Value::Null, |n| n["reason"].clone()),
        None => read.pointer(selector).cloned().unwrap_or(Value::Null),
    }
}

#[test]
fn every_worked_case_of_the_fhir_rules_holds() {
    let mut failures = Vec::new();
    let cases_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rule-cases/fhir");
    let mut count = 0;
    for entry in std::fs::read_dir(&cases_dir).unwrap() {
        let path = entry.unwrap().path();
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert!(
            file["source"].is_string() && file["rule"].is_string(),
            "{path:?}"
        );
        for case in file["cases"].as_array().unwrap() {
            count += 1;
            let (mapped, report) = case_from_fhir(&worked_case_bundle(case)).unwrap();
            let read = serde_json::json!({"case": mapped, "report": report});
            for (selector, expected) in case["expect"].as_object().unwrap() {
                let got = worked_case_value(&read, selector);
                if &got != expected {
                    let name = &case["name"];
                    failures.push(format!("{name}: {selector} = {got}, expected {expected}"));
                }
            }
        }
    }
    assert!(count >= 30, "{count} worked cases");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
