//! `assess`: a case in, an assessment (`calciphylaxis-assessment/1`) out. The same function
//! serves the browser, the command line and the tests.

use std::collections::BTreeMap;

use serde::Serialize;

use super::case::{parse_case_text, Case, CaseFileError, Issue, ParsedCase};
use super::citations::citation;
use super::derived::{derive, DerivedValues};
use super::diagnosis::{assess_diagnosis, Diagnosis};
use super::inputs::validate;
use super::msc::{assess_msc, Msc};
use super::risk::{assess_risk, RiskProfile};
use super::workup::{assess_workup, Workup};

pub const ASSESSMENT_FORMAT: &str = "calciphylaxis-assessment/1";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub format: &'static str,
    pub input_errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
    pub derived: DerivedValues,
    pub risk: RiskProfile,
    pub diagnosis: Diagnosis,
    pub workup: Workup,
    pub msc: Msc,
    /// Every source id used above, with its full reference.
    pub citations: BTreeMap<&'static str, String>,
}

/// Assesses a case. Never panics: invalid values become input errors and are left out.
pub fn assess(case: &Case) -> Assessment {
    let (inputs, input_errors, warnings) = validate(case);
    let derived = derive(&inputs);
    let workup = assess_workup(&inputs);
    let risk = assess_risk(&inputs, &derived, &workup);
    let diagnosis = assess_diagnosis(&inputs, &risk);
    let msc = assess_msc(&inputs, &diagnosis);
    let mut assessment = Assessment {
        format: ASSESSMENT_FORMAT,
        input_errors,
        warnings,
        derived,
        risk,
        diagnosis,
        workup,
        msc,
        citations: BTreeMap::new(),
    };
    assessment.citations = cited(&assessment);
    assessment
}

/// Assesses a parsed file, keeping the parser's field errors and warnings first.
pub fn assess_parsed(parsed: &ParsedCase) -> Assessment {
    let mut assessment = assess(&parsed.case);
    let mut errors = parsed.errors.clone();
    errors.append(&mut assessment.input_errors);
    assessment.input_errors = errors;
    let mut warnings = parsed.warnings.clone();
    warnings.append(&mut assessment.warnings);
    assessment.warnings = warnings;
    assessment
}

/// Reads and assesses a case file's text.
pub fn assess_json(text: &str) -> Result<Assessment, CaseFileError> {
    parse_case_text(text).map(|parsed| assess_parsed(&parsed))
}

/// Every `sources` / `source` id in the assessment, resolved. Walks the serialised form so
/// no section can be forgotten.
fn cited(assessment: &Assessment) -> BTreeMap<&'static str, String> {
    let value = serde_json::to_value(assessment).unwrap_or_default();
    let mut ids = Vec::new();
    collect_source_ids(&value, &mut ids);
    ids.into_iter()
        .filter_map(|id| citation(&id).map(|c| (c.id, c.full())))
        .collect()
}

pub fn collect_source_ids(value: &serde_json::Value, ids: &mut Vec<String>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match (key.as_str(), child) {
                    ("sources", Value::Array(items)) => {
                        ids.extend(items.iter().filter_map(|i| i.as_str().map(str::to_string)))
                    }
                    ("source", Value::String(id)) => ids.push(id.clone()),
                    _ => collect_source_ids(child, ids),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_source_ids(i, ids)),
        _ => {}
    }
}
