//! Golden files: the `assess` binary over every example case must print exactly the
//! reviewed assessment in tests/golden/ (regenerate with UPDATE_GOLDEN=1 and review the
//! diff). The clinical sign-off points of each case are also asserted directly, so a
//! regenerated golden file cannot silently change them.

mod common;
use common::{examples, first_difference};
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

fn assess_bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_assess"))
}

fn run(path: &Path) -> Value {
    let output = assess_bin().arg(path).output().unwrap();
    assert!(
        output.status.success(),
        "{}: {}",
        path.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn assessments_match_the_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let examples = examples();
    assert!(examples.len() >= 6, "example cases missing");
    for path in examples {
        let assessment = run(&path);
        let golden = Path::new("tests/golden").join(path.file_name().unwrap());
        if update {
            std::fs::write(
                &golden,
                serde_json::to_string_pretty(&assessment).unwrap() + "\n",
            )
            .unwrap();
            continue;
        }
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&golden)
                .unwrap_or_else(|_| panic!("no golden file {}", golden.display())),
        )
        .unwrap();
        if let Some(diff) = first_difference(&expected, &assessment) {
            panic!(
                "{} differs from {}: {diff}",
                path.display(),
                golden.display()
            );
        }
    }
}

fn factor_status<'a>(a: &'a Value, id: &str) -> &'a str {
    a["risk"]["factors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == id)
        .unwrap()["status"]
        .as_str()
        .unwrap()
}

fn workup_status<'a>(a: &'a Value, test: &str) -> &'a str {
    a["workup"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["test"] == test)
        .unwrap()["status"]
        .as_str()
        .unwrap()
}

#[test]
fn clinical_sign_off_points() {
    let a = run(Path::new("examples/cases/spec-example.json"));
    assert_eq!(a["derived"]["bmi"]["value"], 36.2);
    // 9.1 + 0.8 × (4.0 − 2.8) = 10.06 (issue 14 item 7); Payne's 10.3 is in the basis, and
    // only it is above 10.2, so hypercalcaemia is unknown until ionized calcium is measured.
    assert_eq!(a["derived"]["corrected_calcium"]["value"], 10.1);
    assert_eq!(factor_status(&a, "hypercalcemia"), "unknown");
    assert_eq!(a["risk"]["threshold"]["status"], "met"); // 1 major (warfarin) + 6 minor
    assert_eq!(workup_status(&a, "lupus_anticoagulant"), "uninterpretable"); // on warfarin
    assert_eq!(a["diagnosis"]["lesion_distribution"], "central");

    let a = run(Path::new("examples/cases/warfarin-low-protein-c-s.json"));
    assert_eq!(workup_status(&a, "protein_c_activity"), "uninterpretable");
    assert_eq!(workup_status(&a, "protein_s_free"), "uninterpretable");
    assert_eq!(factor_status(&a, "protein_c_or_s_deficiency"), "unknown");
    assert_eq!(factor_status(&a, "warfarin"), "present");
    assert_eq!(workup_status(&a, "d_dimer"), "abnormal");

    let a = run(Path::new("examples/cases/excluded-active-malignancy.json"));
    assert_eq!(a["diagnosis"]["consensus"]["tier"], "confirmed");
    assert_eq!(a["diagnosis"]["hayashi"]["status"], "met");
    assert_eq!(a["msc"]["status"], "not_eligible");

    let a = run(Path::new("examples/cases/msc-candidate-illustrative.json"));
    assert_eq!(a["msc"]["status"], "candidate");
    // Ionized 1.24 mmol/L since issue 14: calcium and vitamin D are recorded as stopped, and
    // a persisting hypercalcaemia would contradict that (a warning, refractory unknown).
    assert_eq!(factor_status(&a, "hypercalcemia"), "absent");

    let a = run(Path::new("examples/cases/nanjing-hamsc-salvage.json"));
    assert_eq!(a["diagnosis"]["consensus"]["tier"], "confirmed");
    assert_eq!(a["msc"]["status"], "incomplete"); // the report does not itemise therapies tried

    let a = run(Path::new(
        "examples/cases/non-uremic-endometrial-carcinoma.json",
    ));
    assert_eq!(factor_status(&a, "malignancy"), "present");
    assert_eq!(factor_status(&a, "dialysis_over_5_years"), "absent");
    assert_eq!(a["msc"]["status"], "not_eligible");

    let a = run(Path::new("examples/cases/sparse-few-fields.json"));
    assert_eq!(a["msc"]["status"], "incomplete");
    assert!(a["msc"]["missing"].as_array().unwrap().len() >= 8);
    assert_eq!(factor_status(&a, "hypoalbuminemia"), "present");
}

#[test]
fn an_invalid_file_is_reported_and_the_others_still_assessed() {
    let dir = std::env::temp_dir().join(format!("assess-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{ \"format\": \"calciphylaxis-case/1\", ").unwrap();
    let wrong_format = dir.join("assessment.json");
    std::fs::write(&wrong_format, r#"{"format":"calciphylaxis-assessment/1"}"#).unwrap();
    let output = assess_bin()
        .args([
            Path::new("examples/cases/sparse-few-fields.json"),
            &broken,
            &wrong_format,
            Path::new("examples/cases/spec-example.json"),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("broken.json: not a valid case file: not valid JSON"),
        "{stderr}"
    );
    assert!(
        stderr.contains("assessment.json") && stderr.contains("calciphylaxis-case/1"),
        "{stderr}"
    );
    let printed: Vec<Value> = serde_json::Deserializer::from_slice(&output.stdout)
        .into_iter::<Value>()
        .map(Result::unwrap)
        .collect();
    assert_eq!(printed.len(), 2);
    assert!(printed
        .iter()
        .all(|a| a["format"] == "calciphylaxis-assessment/1"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn reads_standard_input_and_reports_field_errors() {
    use std::io::Write;
    let mut child = assess_bin()
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(br#"{"format":"calciphylaxis-case/1","patient":{"age_years":"old"},"labs":{"albumin":{"value":2.9,"unit":"g/dL"}}}"#)
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let a: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(a["input_errors"][0]["field"], "patient.age_years");
    assert_eq!(factor_status(&a, "hypoalbuminemia"), "present");
}

#[test]
fn the_follow_up_of_a_case_with_visits_is_printed_and_absent_without_visits() {
    let a = run(Path::new("tests/cases/follow-up-visits.json"));
    let f = &a["follow_up"];
    assert_eq!(f["visit_count"], 3);
    assert_eq!(f["first_date"], "2025-03-03");
    assert_eq!(f["treatment_start"]["routes"][0], "intravenous");
    let pain = f["markers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "pain_score")
        .unwrap();
    assert_eq!(pain["baseline"]["value"].as_f64(), Some(8.0));
    assert_eq!(pain["latest"]["value"].as_f64(), Some(3.0));
    assert!(
        f["summary"].as_str().unwrap().contains("3 dated visits"),
        "{}",
        f["summary"]
    );
    assert!(a["citations"]["seed_hamsc_salvage"].is_string());
    // A case without visits: no follow_up key at all.
    let a = run(Path::new("examples/cases/spec-example.json"));
    assert!(a.get("follow_up").is_none());
}
