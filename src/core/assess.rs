//! `assess`: a case in, an assessment (`calciphylaxis-assessment/1`) out. The same function
//! serves the browser, the command line and the tests.

use std::collections::BTreeMap;

use serde::Serialize;

use super::case::{parse_case_text_in, Case, CaseFileError, Issue, ParsedCase};
use super::citations::citation;
use super::derived::{derive, DerivedValues};
use super::diagnosis::{assess_diagnosis, Diagnosis};
use super::followup::{response_summary, FollowUp};
use super::i18n::Lang;
use super::inputs::validate;
use super::msc::{assess_msc, msc_warnings, Msc};
use super::risk::{assess_risk, RiskProfile};
use super::workup::{assess_workup, Workup};

pub const ASSESSMENT_FORMAT: &str = "calciphylaxis-assessment/1";

/// The answer for one case: the `calciphylaxis-assessment/1` JSON document that the app
/// shows, the command line prints and the JavaScript API returns. Ids, statuses, numbers,
/// units, field paths and source ids do not depend on the language; every sentence
/// (`basis`, `summary`, `name` …) is in the language asked for. Readers must accept values
/// and keys they do not know: later versions add them without changing the format's name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// Always `calciphylaxis-assessment/1`.
    pub format: &'static str,
    /// Values that could not be used, each at its field path (`labs.albumin.unit`,
    /// `visits[2].pain_score`); they are left out of everything below, which is assessed
    /// without them.
    pub input_errors: Vec<Issue>,
    /// What was read but not used, or looks inconsistent (an unknown key, two visits on one
    /// date); nothing here changes a decision.
    pub warnings: Vec<Issue>,
    /// Computed values (corrected calcium, Ca×P, BMI, PTH × upper limit), each with its
    /// formula written out and its source; absent when an input is missing.
    pub derived: DerivedValues,
    /// The risk profile: every factor present, absent or unknown, with its basis.
    pub risk: RiskProfile,
    /// The consensus diagnostic tier, the Hayashi criteria and the lesion distribution.
    pub diagnosis: Diagnosis,
    /// The hypercoagulability workup: each test to order, normal, abnormal or
    /// uninterpretable in this patient.
    pub workup: Workup,
    /// MSC (hAMSC) therapy eligibility: investigational, for a specialist team.
    pub msc: Msc,
    /// The response summary of the follow-up visits; absent (not serialised) when the case
    /// has none. The visits' input errors and warnings are in `input_errors` / `warnings`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<FollowUp>,
    /// Every source id used above, with its full reference.
    pub citations: BTreeMap<&'static str, String>,
}

/// Assesses a case, in English. Never panics: invalid values become input errors and are
/// left out.
pub fn assess(case: &Case) -> Assessment {
    assess_in(case, Lang::En)
}

/// Assesses a case with every human-readable text in `lang`. Ids, statuses, numbers, units
/// and sources do not depend on the language.
pub fn assess_in(case: &Case, lang: Lang) -> Assessment {
    let (inputs, mut input_errors, mut warnings) = validate(case, lang);
    let follow_up = (!case.visits.is_empty()).then(|| {
        let (follow_up, mut visit_errors, mut visit_warnings) = response_summary(case, lang);
        input_errors.append(&mut visit_errors);
        warnings.append(&mut visit_warnings);
        follow_up
    });
    let derived = derive(&inputs, lang);
    let workup = assess_workup(&inputs, lang);
    let risk = assess_risk(&inputs, &derived, &workup, lang);
    let diagnosis = assess_diagnosis(&inputs, &risk, lang);
    let msc = assess_msc(&inputs, &risk, &diagnosis, lang);
    warnings.append(&mut msc_warnings(&inputs, &risk, lang));
    let mut assessment = Assessment {
        format: ASSESSMENT_FORMAT,
        input_errors,
        warnings,
        derived,
        risk,
        diagnosis,
        workup,
        msc,
        follow_up,
        citations: BTreeMap::new(),
    };
    assessment.citations = cited(&assessment);
    assessment
}

/// Assesses a parsed file, keeping the parser's field errors and warnings first.
pub fn assess_parsed(parsed: &ParsedCase) -> Assessment {
    assess_parsed_in(parsed, Lang::En)
}

/// [`assess_parsed`] in `lang` (the parser's messages are in the language it was read in:
/// use [`super::case::parse_case_text_in`] with the same language).
pub fn assess_parsed_in(parsed: &ParsedCase, lang: Lang) -> Assessment {
    let mut assessment = assess_in(&parsed.case, lang);
    let mut errors = parsed.errors.clone();
    errors.append(&mut assessment.input_errors);
    assessment.input_errors = errors;
    let mut warnings = parsed.warnings.clone();
    warnings.append(&mut assessment.warnings);
    assessment.warnings = warnings;
    assessment
}

/// Reads and assesses a case file's text, in English.
///
/// ```
/// use calciphylaxis::core::assess_json;
///
/// let text = r#"{"format": "calciphylaxis-case/1",
///     "kidney": {"ckd_stage": "G5D", "dialysis": "hemodialysis", "dialysis_vintage_months": 72},
///     "labs": {"albumin": {"value": 2.9, "unit": "g/dL"}}}"#;
/// let assessment = assess_json(text).unwrap();
/// use calciphylaxis::core::logic::Presence;
/// use calciphylaxis::core::risk::RiskFactorId as Factor;
/// let status = |id| assessment.risk.factors.iter().find(|f| f.id == id).unwrap().status;
/// assert_eq!(status(Factor::DialysisOver5Years), Presence::Present); // 72 > 60 months
/// assert_eq!(status(Factor::Hypoalbuminemia), Presence::Present); // 2.9 < 3.5 g/dL
/// assert_eq!(status(Factor::Warfarin), Presence::Unknown); // not recorded is not absent
/// assert!(assessment.input_errors.is_empty());
///
/// // A file that is not a case is an error, never a panic.
/// assert!(assess_json("[1, 2]").is_err());
/// ```
pub fn assess_json(text: &str) -> Result<Assessment, CaseFileError> {
    assess_json_in(text, Lang::En)
}

/// Reads and assesses a case file's text, every message in `lang`.
pub fn assess_json_in(text: &str, lang: Lang) -> Result<Assessment, CaseFileError> {
    parse_case_text_in(text, lang).map(|parsed| assess_parsed_in(&parsed, lang))
}

/// Every `sources` / `source` id in the assessment, resolved. The property tests check,
/// over the serialised form, that no section is forgotten here.
fn cited(a: &Assessment) -> BTreeMap<&'static str, String> {
    let d = &a.derived;
    let derived = [
        &d.corrected_calcium,
        &d.calcium_phosphate_product,
        &d.bmi,
        &d.pth_multiple_of_uln,
    ]
    .into_iter()
    .flatten()
    .map(|v| v.source);
    let lists = a
        .risk
        .factors
        .iter()
        .map(|f| &f.sources)
        .chain([&a.risk.threshold.sources])
        .chain([
            &a.diagnosis.consensus.sources,
            &a.diagnosis.hayashi.sources,
            &a.diagnosis.lesion_distribution_sources,
        ])
        .chain(a.workup.items.iter().map(|i| &i.sources))
        .chain(a.msc.criteria.iter().map(|c| &c.sources))
        .flat_map(|ids| ids.iter().copied());
    let context = a.msc.context.iter().map(|c| c.source);
    let follow_up = a.follow_up.iter().flat_map(follow_up_sources);
    derived
        .chain(lists)
        .chain(context)
        .chain(follow_up)
        .filter_map(|id| citation(id).map(|c| (c.id, c.full())))
        .collect()
}

/// The follow-up's source ids: its markers', its treatment start's and its own list.
fn follow_up_sources(f: &FollowUp) -> impl Iterator<Item = &'static str> + '_ {
    let markers = f.markers.iter().flat_map(|m| m.sources.iter());
    let start = f.treatment_start.iter().flat_map(|t| t.sources.iter());
    markers.chain(start).chain(f.sources.iter()).copied()
}

pub fn collect_source_ids(value: &serde_json::Value, ids: &mut Vec<String>) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match (key.as_str(), child) {
                    (key, Value::Array(items)) if key == "sources" || key.ends_with("_sources") => {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every other section cites the seed reports too, so the property tests could not see
    /// `cited` forgetting the follow-up: checked here on the follow-up alone.
    #[test]
    fn every_source_the_follow_up_names_is_collected_for_the_citations() {
        let text = include_str!("../../tests/cases/follow-up-visits.json");
        let follow_up = assess_json(text).unwrap().follow_up.unwrap();
        let mut named = Vec::new();
        collect_source_ids(&serde_json::to_value(&follow_up).unwrap(), &mut named);
        assert!(
            named.iter().any(|id| id == "kdigo_2017_ckd_mbd"),
            "{named:?}"
        );
        let collected: Vec<&str> = follow_up_sources(&follow_up).collect();
        for id in &named {
            assert!(collected.contains(&id.as_str()), "{id} not collected");
        }
    }
}
