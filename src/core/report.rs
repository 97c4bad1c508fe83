//! What the printed report and the chart note both say, written once: the case's inputs as
//! groups of short items, and the words for each overall status. The print view
//! (`ui::print`) lays the groups out as rows; the chart note (`core::note`) as lines.

use super::case::{Case, TherapyTrial};
use super::diagnosis::{DiagnosticTier, HayashiStatus, Population};
use super::field_path::Section;
use super::findings::{known_finding, Therapy};
use super::i18n::{msg, Lang, Text};
use super::labs::{fmt_number, known_lab, result_label};
use super::logic::Status;
use super::msc::MscStatus;
use crate::tr;

/// The app's version, as in `Cargo.toml`.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The knowledge base's version: the month its rules, cutoffs and sources were last
/// checked against the sources (`citations.rs`). Change it with any rule, cutoff or source.
pub const KNOWLEDGE_BASE_VERSION: &str = "2026-11";

/// One group of the case's inputs: its title and what was recorded, one item each.
#[derive(Debug, Clone, PartialEq)]
pub struct InputGroup {
    pub title: Text,
    pub items: Vec<String>,
}

/// The inputs of the case in the form's order, only what was recorded (a group with
/// nothing recorded is left out). The free-text label is not an input and is never here.
pub fn case_inputs(case: &Case, lang: Lang) -> Vec<InputGroup> {
    [
        (Section::Patient.text(), patient_items(case, lang)),
        (Section::Kidney.text(), kidney_items(case, lang)),
        (msg::ui::RECORDED_YES, finding_items(case, true, lang)),
        (msg::ui::RECORDED_NO, finding_items(case, false, lang)),
        (Section::Lesions.text(), lesion_items(case, lang)),
        (Section::Labs.text(), lab_items(case, lang)),
        (Section::Therapies.text(), therapy_items(case, lang)),
    ]
    .into_iter()
    .filter(|(_, items)| !items.is_empty())
    .map(|(title, items)| InputGroup { title, items })
    .collect()
}

/// "12.5 unit", one decimal.
fn number(value: Option<f64>, unit: &str) -> Option<String> {
    value.map(|v| format!("{} {unit}", fmt_number(v, 1)))
}

/// Age, sex, weight, height.
fn patient_items(case: &Case, lang: Lang) -> Vec<String> {
    let patient = &case.patient;
    [
        number(patient.age_years, msg::ui_print::CASESUMMARY_Y.get(lang)),
        patient.sex.map(|s| s.name(lang).to_string()),
        number(patient.weight_kg, "kg"),
        number(patient.height_cm, "cm"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// CKD stage, dialysis and its vintage, transplant.
fn kidney_items(case: &Case, lang: Lang) -> Vec<String> {
    use super::field_path::KidneyField;
    let kidney = &case.kidney;
    [
        kidney.ckd_stage.map(|s| s.id().to_string()),
        kidney
            .dialysis
            .map(|d| field(KidneyField::Dialysis.text(), d.name(lang), lang)),
        number(
            kidney.dialysis_vintage_months,
            msg::ui_print::CASESUMMARY_MONTHS.get(lang),
        ),
        kidney
            .kidney_transplant
            .map(|t| field(KidneyField::Transplant.text(), yes_no(t, lang), lang)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The findings recorded as present (`value` true) or absent.
fn finding_items(case: &Case, value: bool, lang: Lang) -> Vec<String> {
    case.findings
        .iter()
        .filter(|(_, v)| **v == value)
        .filter_map(|(id, _)| known_finding(id).map(|f| f.label(lang).to_string()))
        .collect()
}

/// Lesion count, sites, biopsy.
fn lesion_items(case: &Case, lang: Lang) -> Vec<String> {
    use super::field_path::LesionField;
    let lesions = &case.lesions;
    let mut items = Vec::new();
    if let Some(count) = lesions.count {
        items.push(field(
            LesionField::Count.text(),
            &fmt_number(count, 0),
            lang,
        ));
    }
    if let Some(count) = lesions.ulcer_count {
        let count = fmt_number(count, 0);
        items.push(field(LesionField::UlcerCount.text(), &count, lang));
    }
    if !lesions.sites.is_empty() {
        let sites: Vec<&str> = lesions.sites.iter().map(|s| s.name(lang)).collect();
        let sites = sites.join(msg::common::LIST_SEPARATOR.get(lang));
        items.push(field(LesionField::Sites.text(), &sites, lang));
    }
    if let Some(biopsy) = lesions.biopsy {
        items.push(field(LesionField::Biopsy.text(), biopsy.name(lang), lang));
    }
    items
}

/// Each lab: its value and unit, or its result.
fn lab_items(case: &Case, lang: Lang) -> Vec<String> {
    case.labs
        .iter()
        .map(|(id, entry)| {
            let name = known_lab(id).map(|l| l.name(lang)).unwrap_or(id);
            let value = match (&entry.value, &entry.result) {
                (Some(v), _) => format!(
                    "{} {}",
                    fmt_number(*v, 3),
                    entry.unit.as_deref().unwrap_or("")
                ),
                (None, Some(r)) => result_label(r, lang),
                _ => String::new(),
            };
            format!("{name} {value}").trim_end().to_string()
        })
        .collect()
}

/// Each therapy tried: not tried, or for how long and with what response.
fn therapy_items(case: &Case, lang: Lang) -> Vec<String> {
    case.therapies_tried
        .iter()
        .flatten()
        .map(|(id, trial)| {
            let name = Therapy::from_id(id).map(|t| t.name(lang)).unwrap_or(id);
            match trial {
                TherapyTrial::Tried => name.to_string(),
                TherapyTrial::NotTried => {
                    tr!(lang, msg::ui_print::CASESUMMARY_NAME_NOT_TRIED, name)
                }
                TherapyTrial::Detail { weeks, response } => {
                    let weeks = weeks
                        .map(|w| {
                            let weeks = fmt_number(w, 0);
                            tr!(lang, msg::ui_print::CASESUMMARY_WEEKS_WEEKS, weeks)
                        })
                        .unwrap_or_default();
                    let response = response
                        .map(|r| {
                            let response = r.name(lang);
                            tr!(lang, msg::ui_print::CASESUMMARY_RESPONSE, response)
                        })
                        .unwrap_or_default();
                    format!("{name}{weeks}{response}")
                }
            }
        })
        .collect()
}

/// "Name: value" with the language's colon.
pub fn field(name: Text, value: &str, lang: Lang) -> String {
    let name = name.get(lang);
    tr!(lang, msg::ui_print::FIELD_NAME_VALUE, name, value)
}

fn yes_no(value: bool, lang: Lang) -> &'static str {
    if value {
        msg::ui::YES.get(lang)
    } else {
        msg::ui::NO.get(lang)
    }
}

/// The consensus threshold's status, as the summary says it.
pub fn threshold_text(status: Status) -> Text {
    match status {
        Status::Met => msg::ui::THRESHOLD_MET,
        Status::NotMet => msg::ui::THRESHOLD_NOT_MET,
        Status::Unknown => msg::ui::THRESHOLD_UNDECIDED,
    }
}

/// The highest consensus tier met.
pub fn tier_text(tier: DiagnosticTier) -> Text {
    match tier {
        DiagnosticTier::Confirmed => msg::ui::TIER_CONFIRMED,
        DiagnosticTier::Clinical => msg::ui::TIER_CLINICAL,
        DiagnosticTier::Suspected => msg::ui::TIER_SUSPECTED,
        DiagnosticTier::None => msg::ui::TIER_NONE,
    }
}

/// The Hayashi criteria's overall status.
pub fn hayashi_text(status: HayashiStatus) -> Text {
    match status {
        HayashiStatus::Met => msg::ui::MET,
        HayashiStatus::NotMet => msg::ui::NOT_MET,
        HayashiStatus::Incomplete => msg::ui::INCOMPLETE,
        HayashiStatus::NotApplicable => msg::ui::NOT_APPLICABLE,
    }
}

/// The MSC eligibility's overall status.
pub fn msc_status_text(status: MscStatus) -> Text {
    match status {
        MscStatus::Candidate => msg::ui::CANDIDATE,
        MscStatus::NotEligible => msg::ui::NOT_ELIGIBLE,
        MscStatus::Incomplete => msg::ui::INCOMPLETE_STATUS,
    }
}

/// The population the diagnosis applies to.
pub fn population_text(population: Population) -> Text {
    match population {
        Population::Uremic => msg::ui::POPULATION_UREMIC,
        Population::Transplant => msg::ui::POPULATION_TRANSPLANT,
        Population::NonUremic => msg::ui::POPULATION_NON_UREMIC,
        Population::Unknown => msg::ui::UNKNOWN,
    }
}

/// A criterion's status: met, not met or unknown.
pub fn status_text(status: Status) -> Text {
    match status {
        Status::Met => msg::ui::MET,
        Status::NotMet => msg::ui::NOT_MET,
        Status::Unknown => msg::ui::UNKNOWN,
    }
}
