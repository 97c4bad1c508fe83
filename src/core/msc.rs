//! MSC (hAMSC) therapy eligibility (`clinical.md` §6). No guideline exists: the criteria
//! mirror the seeds' compassionate-use path and the exclusions of registered MSC trials.
//! The output is for discussion with a specialist team, not a treatment recommendation.

use serde::Serialize;

use super::case::{Response, Sex, TherapyTrial};
use super::diagnosis::{Diagnosis, HayashiStatus};
use super::findings::Therapy;
use super::inputs::Inputs;
use super::logic::{any, Status};

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

pub const NOTICE: &str = "For discussion with a specialist team; not a treatment recommendation. \
No guideline exists for MSC therapy in calciphylaxis: these criteria mirror the published \
compassionate-use cases and the exclusions of registered MSC trials.";

const SEEDS: &[&str] = &["seed_hamsc_salvage", "seed_hamsc_hypercoag_2023"];

const CONTEXT: &[Context] = &[
    Context {
        text: "Published protocol (single patients, Nanjing): hAMSCs given intravenously and by local intramuscular injection around wounds, with topical hAMSC supernatant, after preclinical release, toxicity and tumorigenicity testing.",
        source: "seed_hamsc_salvage",
    },
    Context {
        text: "Follow-up markers used: pain score, wound status (BWAT), wound quality of life, skin biopsy, and coagulation markers (platelets, D-dimer, plasminogen) alongside calcium, phosphate and PTH.",
        source: "seed_hamsc_hypercoag_2023",
    },
    Context {
        text: "The first treated patient died of a stroke after 20 months: her regenerated skin was normal, but microvessel calcification in lungs, kidneys, spleen, pancreas, uterus and heart valve was worse than in ESKD controls. Skin healing does not mean the systemic disease is controlled.",
        source: "seed_hamsc_histopath",
    },
    Context {
        text: "Most registered MSC wound trials exclude dialysis patients; the published calciphylaxis treatments were single-patient, ethics-approved compassionate use.",
        source: "nct05999656",
    },
];

struct Def {
    id: &'static str,
    kind: Kind,
    name: &'static str,
    needed: &'static str,
    sources: &'static [&'static str],
}

fn finding_criterion(inputs: &Inputs, finding: &str) -> (Option<bool>, String) {
    let value = inputs.finding(finding);
    let label = super::risk::finding_label(finding);
    let basis = match value {
        Some(true) => format!("recorded: {label}"),
        Some(false) => format!("recorded as absent: {label}"),
        None => format!("not recorded: {label}"),
    };
    (value, basis)
}

pub fn assess_msc(inputs: &Inputs, diagnosis: &Diagnosis) -> Msc {
    let mut criteria = Vec::new();
    let mut push = |def: &Def, value: Option<bool>, basis: String| {
        let status: Status = value.into();
        criteria.push(MscCriterion {
            id: def.id,
            kind: def.kind,
            name: def.name,
            status,
            basis,
            needed: (status == Status::Unknown).then_some(def.needed),
            sources: def.sources.to_vec(),
        });
    };

    // Inclusion.
    let def = Def {
        id: "diagnosis_established",
        kind: Kind::Inclusion,
        name: "Calciphylaxis diagnosis established",
        needed: "complete the lesion, biopsy and differential-diagnosis inputs (consensus clinical or confirmed tier, or Hayashi criteria)",
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
    let basis = format!(
        "consensus tier: {}; Hayashi criteria: {}",
        diagnosis.consensus.tier,
        match hayashi {
            HayashiStatus::Met => "met",
            HayashiStatus::NotMet => "not met",
            HayashiStatus::Incomplete => "incomplete",
        }
    );
    push(&def, established, basis);

    let def = Def {
        id: "refractory_to_conventional",
        kind: Kind::Inclusion,
        name: "Refractory to conventional therapy",
        needed: "record the conventional therapies tried and their response",
        sources: SEEDS,
    };
    let (refractory, basis) = refractory(inputs);
    push(&def, refractory, basis);

    for (id, name, needed) in [
        (
            "informed_consent",
            "Informed consent",
            "record informed consent",
        ),
        (
            "ethics_approval",
            "Ethics committee approval",
            "record ethics committee approval",
        ),
    ] {
        let def = Def {
            id,
            kind: Kind::Inclusion,
            name,
            needed,
            sources: SEEDS,
        };
        let (value, basis) = finding_criterion(inputs, id);
        push(&def, value, basis);
    }

    // Exclusion.
    let def = Def {
        id: "active_malignancy",
        kind: Kind::Exclusion,
        name: "Active malignancy or malignancy within 5 years",
        needed: "record whether a malignancy is active or was treated within the past 5 years",
        sources: &["nct05999656", "nct04464213"],
    };
    let active = inputs.finding("active_malignancy");
    let history = inputs.finding("malignancy_history");
    let (value, basis) = match (active, history) {
        (Some(true), _) => (Some(true), "recorded: active malignancy".to_string()),
        (Some(false), Some(true)) => (
            None,
            "history of malignancy, recorded as not active: registered trials exclude malignancy within 5 years; specialist judgement needed".to_string(),
        ),
        (Some(false), _) => (Some(false), "recorded as absent: active malignancy".to_string()),
        (None, Some(true)) => (None, "history of malignancy; whether active is not recorded".to_string()),
        (None, _) => (None, "not recorded: active malignancy".to_string()),
    };
    push(&def, value, basis);

    let def = Def {
        id: "active_uncontrolled_infection",
        kind: Kind::Exclusion,
        name: "Active uncontrolled infection (including sepsis)",
        needed: "record whether there is an active uncontrolled infection or sepsis",
        sources: &["nct04464213"],
    };
    let infection = inputs.finding("active_uncontrolled_infection");
    let sepsis = inputs.finding("sepsis");
    let value = any([infection, sepsis]);
    let basis = match (infection, sepsis) {
        (_, Some(true)) => "recorded: sepsis".to_string(),
        (Some(true), _) => "recorded: active uncontrolled infection".to_string(),
        (Some(false), Some(false)) => {
            "no uncontrolled infection and no sepsis recorded".to_string()
        }
        _ => "infection or sepsis status not fully recorded".to_string(),
    };
    push(&def, value, basis);

    let def = Def {
        id: "pregnancy_or_lactation",
        kind: Kind::Exclusion,
        name: "Pregnancy or lactation",
        needed: "record pregnancy or lactation status",
        sources: &["nct05999656", "nct04464213"],
    };
    let (value, basis) = match (
        inputs.finding("pregnancy_or_lactation"),
        inputs.case.patient.sex,
    ) {
        (None, Some(Sex::Male)) => (Some(false), "male patient".to_string()),
        _ => finding_criterion(inputs, "pregnancy_or_lactation"),
    };
    push(&def, value, basis);

    for (id, name, needed, sources) in [
        (
            "known_allergy_to_product",
            "Known allergy to the cell product or its excipients",
            "record any allergy to the product",
            &["nct04464213"][..],
        ),
        (
            "uncontrolled_bleeding",
            "Uncontrolled bleeding",
            "record whether there is uncontrolled bleeding",
            &["nct05999656"][..],
        ),
        (
            "life_expectancy_too_short",
            "Life expectancy too short to benefit (clinician judgement)",
            "record the clinician's judgement of life expectancy",
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
        let (value, basis) = finding_criterion(inputs, id);
        push(&def, value, basis);
    }

    let status = overall(&criteria);
    let missing: Vec<String> = criteria
        .iter()
        .filter(|c| c.status == Status::Unknown)
        .filter_map(|c| c.needed.map(str::to_string))
        .collect();
    let summary = summarise(status, &criteria);
    Msc {
        status,
        criteria,
        missing,
        summary,
        notice: NOTICE,
        context: CONTEXT.to_vec(),
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
fn refractory(inputs: &Inputs) -> (Option<bool>, String) {
    let Some(therapies) = &inputs.case.therapies_tried else {
        return (None, "conventional therapies not recorded".to_string());
    };
    let describe = |id: &str, trial: &TherapyTrial| {
        let name = Therapy::from_id(id).map(|t| t.label(false)).unwrap_or("?");
        match trial {
            TherapyTrial::Tried => format!("{name} (response not recorded)"),
            TherapyTrial::Detail { weeks, response } => format!(
                "{name}{}: {}",
                weeks
                    .filter(|w| w.is_finite())
                    .map(|w| format!(" for {w} weeks"))
                    .unwrap_or_default(),
                response.map(|r| r.id()).unwrap_or("response not recorded")
            ),
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
        .map(|t| t.label(false))
        .collect();
    let not_tried = if untried.is_empty() {
        String::new()
    } else {
        format!("; not tried: {}", untried.join(", ").to_lowercase())
    };
    if !complete.is_empty() {
        (
            Some(false),
            format!(
                "complete response to {}{not_tried}",
                complete
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    } else if failed {
        (
            Some(true),
            format!("tried: {}{not_tried}", tried.join("; ")),
        )
    } else if tried.is_empty() {
        (Some(false), "no conventional therapy tried yet".to_string())
    } else {
        (
            None,
            format!("tried: {}; responses needed{not_tried}", tried.join("; ")),
        )
    }
}

fn summarise(status: MscStatus, criteria: &[MscCriterion]) -> String {
    let list = |pick: &dyn Fn(&MscCriterion) -> bool| {
        criteria
            .iter()
            .filter(|c| pick(c))
            .map(|c| c.name.to_lowercase())
            .collect::<Vec<_>>()
            .join("; ")
    };
    match status {
        MscStatus::NotEligible => {
            let reasons = list(&|c| match c.kind {
                Kind::Inclusion => c.status == Status::NotMet,
                Kind::Exclusion => c.status == Status::Met,
            });
            format!("Not eligible: {reasons}.")
        }
        MscStatus::Candidate => "Every inclusion criterion is met and no exclusion applies: a candidate for specialist discussion.".to_string(),
        MscStatus::Incomplete => {
            let open = list(&|c| c.status == Status::Unknown);
            format!("Incomplete: still unknown: {open}.")
        }
    }
}
