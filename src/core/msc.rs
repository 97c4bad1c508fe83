//! MSC (hAMSC) therapy eligibility (`clinical.md` §6). No guideline exists: the criteria
//! mirror the seeds' compassionate-use path and the exclusions of registered MSC trials.
//! The output is for discussion with a specialist team, not a treatment recommendation.

use crate::core::i18n::msg;
use std::collections::BTreeMap;

use serde::Serialize;

use super::case::{Response, Sex, TherapyTrial};
use super::diagnosis::tier_name;
use super::diagnosis::{Diagnosis, HayashiStatus};
use super::findings::Therapy;
use super::i18n::{Lang, Text};
use super::inputs::Inputs;
use super::logic::{any, Status};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Inclusion,
    Exclusion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MscStatus {
    Candidate,
    NotEligible,
    Incomplete,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MscCriterion {
    pub id: &'static str,
    pub kind: Kind,
    pub name: &'static str,
    pub status: Status,
    pub basis: String,
    /// What would settle it, when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed: Option<&'static str>,
    pub sources: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Msc {
    pub status: MscStatus,
    pub criteria: Vec<MscCriterion>,
    pub missing: Vec<String>,
    pub summary: String,
    pub notice: &'static str,
    /// The seeds' protocol and findings, shown as context, never as a prescription.
    pub context: Vec<Context>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Context {
    pub text: &'static str,
    pub source: &'static str,
}

pub const NOTICE_TEXT: Text = msg::msc::NOTICE_TEXT;

const SEEDS: &[&str] = &["seed_hamsc_salvage", "seed_hamsc_hypercoag_2023"];

const CONTEXT: &[(Text, &str)] = &[
    (
        msg::msc::PUBLISHED_PROTOCOL_SINGLE_PATIENTS_NANJING,
        "seed_hamsc_salvage",
    ),
    (
        msg::msc::FOLLOW_UP_MARKERS_USED_PAIN,
        "seed_hamsc_hypercoag_2023",
    ),
    (
        msg::msc::THE_FIRST_TREATED_PATIENT_DIED,
        "seed_hamsc_histopath",
    ),
    (msg::msc::MOST_REGISTERED_MSC_WOUND_TRIALS, "nct05999656"),
];

struct Def {
    id: &'static str,
    kind: Kind,
    name: Text,
    needed: Text,
    sources: &'static [&'static str],
}

fn finding_criterion(inputs: &Inputs, finding: &str, lang: Lang) -> (Option<bool>, String) {
    let value = inputs.finding(finding);
    let label = super::risk::finding_label(finding, lang);
    let basis = match value {
        Some(true) => tr!(lang, msg::msc::FINDING_CRITERION_RECORDED_LABEL, label),
        Some(false) => tr!(
            lang,
            msg::msc::FINDING_CRITERION_RECORDED_AS_ABSENT_LABEL,
            label
        ),
        None => tr!(lang, msg::msc::FINDING_CRITERION_NOT_RECORDED_LABEL, label),
    };
    (value, basis)
}

pub fn assess_msc(inputs: &Inputs, diagnosis: &Diagnosis, lang: Lang) -> Msc {
    let mut criteria = Vec::new();
    let mut push = |def: &Def, value: Option<bool>, basis: String| {
        let status: Status = value.into();
        criteria.push(MscCriterion {
            id: def.id,
            kind: def.kind,
            name: def.name.get(lang),
            status,
            basis,
            needed: (status == Status::Unknown).then_some(def.needed.get(lang)),
            sources: def.sources.to_vec(),
        });
    };

    // Inclusion.
    let def = Def {
        id: "diagnosis_established",
        kind: Kind::Inclusion,
        name: msg::msc::DIAGNOSIS_ESTABLISHED_NAME,
        needed: msg::msc::DIAGNOSIS_ESTABLISHED_NEEDED,
        sources: &["cn_consensus_2023", "hayashi_2013"],
    };
    let consensus_met = matches!(diagnosis.consensus.tier, "clinical" | "confirmed");
    let consensus_open = !consensus_met
        && diagnosis
            .consensus
            .tiers
            .iter()
            .any(|t| matches!(t.tier, "clinical" | "confirmed") && t.status == Status::Unknown);
    let hayashi = diagnosis.hayashi.status;
    let established = if consensus_met || hayashi == HayashiStatus::Met {
        Some(true)
    } else if !consensus_open && hayashi == HayashiStatus::NotMet {
        Some(false)
    } else {
        None
    };
    let tier = tier_name(diagnosis.consensus.tier, lang);
    let hayashi_word = match hayashi {
        HayashiStatus::Met => msg::msc::ASSESS_MSC_MET,
        HayashiStatus::NotMet => msg::msc::ASSESS_MSC_NOT_MET,
        HayashiStatus::Incomplete => msg::msc::ASSESS_MSC_INCOMPLETE,
    }
    .get(lang);
    let basis = tr!(
        lang,
        msg::msc::ASSESS_MSC_CONSENSUS_TIER_TIER_HAYASHI_CRITERIA,
        hayashi_word,
        tier
    );
    push(&def, established, basis);

    let def = Def {
        id: "refractory_to_conventional",
        kind: Kind::Inclusion,
        name: msg::msc::REFRACTORY_TO_CONVENTIONAL_NAME,
        needed: msg::msc::REFRACTORY_TO_CONVENTIONAL_NEEDED,
        sources: SEEDS,
    };
    let (refractory, basis) = refractory(inputs, lang);
    push(&def, refractory, basis);

    for (id, name, needed) in [
        (
            "informed_consent",
            msg::msc::ASSESS_MSC_INFORMED_CONSENT,
            msg::msc::ASSESS_MSC_RECORD_INFORMED_CONSENT,
        ),
        (
            "ethics_approval",
            msg::msc::ASSESS_MSC_ETHICS_COMMITTEE_APPROVAL,
            msg::msc::ASSESS_MSC_RECORD_ETHICS_COMMITTEE_APPROVAL,
        ),
    ] {
        let def = Def {
            id,
            kind: Kind::Inclusion,
            name,
            needed,
            sources: SEEDS,
        };
        let (value, basis) = finding_criterion(inputs, id, lang);
        push(&def, value, basis);
    }

    // Exclusion.
    let def = Def {
        id: "active_malignancy",
        kind: Kind::Exclusion,
        name: msg::msc::ACTIVE_MALIGNANCY_NAME,
        needed: msg::msc::ACTIVE_MALIGNANCY_NEEDED,
        sources: &["nct05999656", "nct04464213"],
    };
    let active = inputs.finding("active_malignancy");
    let history = inputs.finding("malignancy_history");
    let (value, basis) = match (active, history) {
        (Some(true), _) => (Some(true), msg::msc::ASSESS_MSC_RECORDED_ACTIVE_MALIGNANCY),
        (Some(false), Some(true)) => (None, msg::msc::ASSESS_MSC_HISTORY_OF_MALIGNANCY_RECORDED_AS),
        (Some(false), _) => (
            Some(false),
            msg::msc::ASSESS_MSC_RECORDED_AS_ABSENT_ACTIVE_MALIGNANCY,
        ),
        (None, Some(true)) => (
            None,
            msg::msc::ASSESS_MSC_HISTORY_OF_MALIGNANCY_WHETHER_ACTIVE,
        ),
        (None, _) => (None, msg::msc::ASSESS_MSC_NOT_RECORDED_ACTIVE_MALIGNANCY),
    };
    push(&def, value, basis.get(lang).to_string());

    let def = Def {
        id: "active_uncontrolled_infection",
        kind: Kind::Exclusion,
        name: msg::msc::ACTIVE_UNCONTROLLED_INFECTION_NAME,
        needed: msg::msc::ACTIVE_UNCONTROLLED_INFECTION_NEEDED,
        sources: &["nct04464213"],
    };
    let infection = inputs.finding("active_uncontrolled_infection");
    let sepsis = inputs.finding("sepsis");
    let value = any([infection, sepsis]);
    let basis = match (infection, sepsis) {
        (_, Some(true)) => msg::msc::ASSESS_MSC_RECORDED_SEPSIS,
        (Some(true), _) => msg::msc::ASSESS_MSC_RECORDED_ACTIVE_UNCONTROLLED_INFECTION,
        (Some(false), Some(false)) => msg::msc::ASSESS_MSC_NO_UNCONTROLLED_INFECTION_AND_NO,
        _ => msg::msc::ASSESS_MSC_INFECTION_OR_SEPSIS_STATUS_NOT,
    };
    push(&def, value, basis.get(lang).to_string());

    let def = Def {
        id: "pregnancy_or_lactation",
        kind: Kind::Exclusion,
        name: msg::msc::PREGNANCY_OR_LACTATION_NAME,
        needed: msg::msc::PREGNANCY_OR_LACTATION_NEEDED,
        sources: &["nct05999656", "nct04464213"],
    };
    let (value, basis) = match (
        inputs.finding("pregnancy_or_lactation"),
        inputs.case.patient.sex,
    ) {
        (None, Some(Sex::Male)) => (
            Some(false),
            msg::msc::ASSESS_MSC_MALE_PATIENT.get(lang).to_string(),
        ),
        _ => finding_criterion(inputs, "pregnancy_or_lactation", lang),
    };
    push(&def, value, basis);

    for (id, name, needed, sources) in [
        (
            "known_allergy_to_product",
            msg::msc::ASSESS_MSC_KNOWN_ALLERGY_TO_THE_CELL,
            msg::msc::ASSESS_MSC_RECORD_ANY_ALLERGY_TO_THE,
            &["nct04464213"][..],
        ),
        (
            "uncontrolled_bleeding",
            msg::msc::ASSESS_MSC_UNCONTROLLED_BLEEDING,
            msg::msc::ASSESS_MSC_RECORD_WHETHER_THERE_IS_UNCONTROLLED,
            &["nct05999656"][..],
        ),
        (
            "life_expectancy_too_short",
            msg::msc::ASSESS_MSC_LIFE_EXPECTANCY_TOO_SHORT_TO,
            msg::msc::ASSESS_MSC_RECORD_THE_CLINICIAN_S_JUDGEMENT,
            SEEDS,
        ),
    ] {
        let def = Def {
            id,
            kind: Kind::Exclusion,
            name,
            needed,
            sources,
        };
        let (value, basis) = finding_criterion(inputs, id, lang);
        push(&def, value, basis);
    }

    let status = overall(&criteria);
    let missing: Vec<String> = criteria
        .iter()
        .filter(|c| c.status == Status::Unknown)
        .filter_map(|c| c.needed.map(str::to_string))
        .collect();
    let summary = summarise(status, &criteria, lang);
    Msc {
        status,
        criteria,
        missing,
        summary,
        notice: NOTICE_TEXT.get(lang),
        context: CONTEXT
            .iter()
            .map(|(text, source)| Context {
                text: text.get(lang),
                source,
            })
            .collect(),
    }
}

/// `case-format.md`: not eligible as soon as one exclusion is met or one inclusion is not
/// met; a candidate only when every inclusion is met and every exclusion known not met.
pub fn overall(criteria: &[MscCriterion]) -> MscStatus {
    let blocks = criteria.iter().any(|c| match c.kind {
        Kind::Inclusion => c.status == Status::NotMet,
        Kind::Exclusion => c.status == Status::Met,
    });
    let clear = criteria.iter().all(|c| match c.kind {
        Kind::Inclusion => c.status == Status::Met,
        Kind::Exclusion => c.status == Status::NotMet,
    });
    if blocks {
        MscStatus::NotEligible
    } else if clear {
        MscStatus::Candidate
    } else {
        MscStatus::Incomplete
    }
}

/// Refractory: at least one conventional therapy tried without a complete response, and
/// none with a complete response.
fn refractory(inputs: &Inputs, lang: Lang) -> (Option<bool>, String) {
    let Some(recorded) = &inputs.case.therapies_tried else {
        return (
            None,
            msg::msc::REFRACTORY_CONVENTIONAL_THERAPIES_NOT_RECORDED
                .get(lang)
                .to_string(),
        );
    };
    // For now a therapy recorded as not tried counts exactly as one not recorded.
    let therapies: BTreeMap<&str, &TherapyTrial> = recorded
        .iter()
        .filter(|(_, trial)| trial.was_tried())
        .map(|(id, trial)| (id.as_str(), trial))
        .collect();
    let not_recorded = msg::msc::REFRACTORY_RESPONSE_NOT_RECORDED.get(lang);
    let describe = |id: &str, trial: &TherapyTrial| {
        let name = Therapy::from_id(id).map(|t| t.name(lang)).unwrap_or("?");
        match trial {
            // (`NotTried` never reaches here: filtered out above.)
            TherapyTrial::Tried | TherapyTrial::NotTried => {
                tr!(
                    lang,
                    msg::msc::REFRACTORY_NAME_NOT_RECORDED,
                    name,
                    not_recorded
                )
            }
            TherapyTrial::Detail { weeks, response } => {
                let weeks = weeks
                    .filter(|w| w.is_finite())
                    .map(|w| tr!(lang, msg::msc::REFRACTORY_FOR_W_WEEKS, w))
                    .unwrap_or_default();
                let response = response
                    .map(|r| match (lang, r) {
                        (Lang::En, r) => r.id(),
                        (Lang::Zh, Response::None) => "无效",
                        (Lang::Zh, Response::Partial) => "部分缓解",
                        (Lang::Zh, Response::Complete) => "完全缓解",
                    })
                    .unwrap_or(not_recorded);
                tr!(
                    lang,
                    msg::msc::REFRACTORY_NAME_WEEKS_RESPONSE,
                    name,
                    response,
                    weeks
                )
            }
        }
    };
    let tried: Vec<String> = therapies.iter().map(|(id, t)| describe(id, t)).collect();
    let complete: Vec<&String> = therapies
        .iter()
        .zip(&tried)
        .filter(|((_, t), _)| t.response() == Some(Response::Complete))
        .map(|(_, text)| text)
        .collect();
    let failed = therapies
        .values()
        .any(|t| matches!(t.response(), Some(Response::None | Response::Partial)));
    let untried: Vec<&str> = Therapy::ALL
        .iter()
        .filter(|t| !therapies.contains_key(t.id()))
        .map(|t| t.name(lang))
        .collect();
    let not_tried = if untried.is_empty() {
        String::new()
    } else {
        match lang {
            Lang::En => format!("; not tried: {}", untried.join(", ").to_lowercase()),
            Lang::Zh => format!("；未尝试：{}", untried.join("、")),
        }
    };
    let tried_list = tried.join(msg::msc::REFRACTORY_TEXT.get(lang));
    if !complete.is_empty() {
        let complete = complete
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(msg::msc::REFRACTORY_TEXT_2.get(lang));
        (
            Some(false),
            tr!(
                lang,
                msg::msc::REFRACTORY_COMPLETE_RESPONSE_TO_COMPLETE_NOT,
                complete,
                not_tried
            ),
        )
    } else if failed {
        (
            Some(true),
            tr!(
                lang,
                msg::msc::REFRACTORY_TRIED_TRIED_LIST_NOT_TRIED,
                not_tried,
                tried_list
            ),
        )
    } else if tried.is_empty() {
        (
            Some(false),
            msg::msc::REFRACTORY_NO_CONVENTIONAL_THERAPY_TRIED_YET
                .get(lang)
                .to_string(),
        )
    } else {
        (
            None,
            tr!(
                lang,
                msg::msc::REFRACTORY_TRIED_TRIED_LIST_RESPONSES_NEEDED,
                not_tried,
                tried_list
            ),
        )
    }
}

fn summarise(status: MscStatus, criteria: &[MscCriterion], lang: Lang) -> String {
    let list = |pick: &dyn Fn(&MscCriterion) -> bool| {
        let names = criteria.iter().filter(|c| pick(c)).map(|c| c.name);
        match lang {
            Lang::En => names.map(str::to_lowercase).collect::<Vec<_>>().join("; "),
            Lang::Zh => names.collect::<Vec<_>>().join("；"),
        }
    };
    match status {
        MscStatus::NotEligible => {
            let reasons = list(&|c| match c.kind {
                Kind::Inclusion => c.status == Status::NotMet,
                Kind::Exclusion => c.status == Status::Met,
            });
            tr!(lang, msg::msc::SUMMARISE_NOT_ELIGIBLE_REASONS, reasons)
        }
        MscStatus::Candidate => msg::msc::SUMMARISE_EVERY_INCLUSION_CRITERION_IS_MET
            .get(lang)
            .to_string(),
        MscStatus::Incomplete => {
            let open = list(&|c| c.status == Status::Unknown);
            tr!(
                lang,
                msg::msc::SUMMARISE_INCOMPLETE_STILL_UNKNOWN_OPEN,
                open
            )
        }
    }
}
