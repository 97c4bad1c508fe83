//! Diagnosis (`clinical.md` §4): the consensus tiers (suspected / clinical / confirmed), the
//! Hayashi criteria, and lesion distribution. Every criterion is met / not met / unknown,
//! and an overall status is settled only when unknowns cannot change it.

use serde::Serialize;

use super::case::{Biopsy, CkdStage, Dialysis};
use super::findings::Site;
use super::inputs::Inputs;
use super::logic::{all, any, Status};
use super::risk::RiskProfile;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criterion {
    pub id: &'static str,
    pub status: Status,
    pub basis: String,
}

fn criterion(id: &'static str, value: Option<bool>, basis: impl Into<String>) -> Criterion {
    Criterion {
        id,
        status: value.into(),
        basis: basis.into(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsensusTier {
    pub tier: &'static str,
    pub status: Status,
    pub criteria: Vec<Criterion>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consensus {
    /// The highest tier met: `confirmed`, `clinical`, `suspected` or `none`.
    pub tier: &'static str,
    pub tiers: Vec<ConsensusTier>,
    pub summary: String,
    pub sources: Vec<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HayashiStatus {
    Met,
    NotMet,
    Incomplete,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hayashi {
    pub status: HayashiStatus,
    pub rule: &'static str,
    pub criteria: Vec<Criterion>,
    pub sources: Vec<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Distribution {
    Central,
    Peripheral,
    Mixed,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnosis {
    pub consensus: Consensus,
    pub hayashi: Hayashi,
    pub lesion_distribution: Distribution,
    pub lesion_distribution_basis: String,
    pub lesion_distribution_sources: Vec<&'static str>,
}

const TYPICAL_LESIONS: &[&str] = &[
    "livedo_reticularis",
    "painful_purpura",
    "violaceous_plaques_or_induration",
    "painful_skin_ulcers",
    "necrotic_eschar",
];

fn yes_no(value: Option<bool>, yes: &str, no: &str, unknown: &str) -> String {
    match value {
        Some(true) => yes.to_string(),
        Some(false) => no.to_string(),
        None => unknown.to_string(),
    }
}

pub fn assess_diagnosis(inputs: &Inputs, risk: &RiskProfile) -> Diagnosis {
    let (lesion_distribution, lesion_distribution_basis) = distribution(&inputs.case.lesions.sites);
    Diagnosis {
        consensus: consensus(inputs, risk),
        hayashi: hayashi(inputs),
        lesion_distribution,
        lesion_distribution_basis,
        lesion_distribution_sources: vec!["jaad_2025_outcomes", "gaisne_2020"],
    }
}

fn consensus(inputs: &Inputs, risk: &RiskProfile) -> Consensus {
    let differential = inputs.finding("differential_excluded");
    let differential_criterion = || {
        criterion(
            "differential_excluded",
            differential,
            yes_no(
                differential,
                "differential diagnosis recorded as excluded",
                "differential diagnosis not excluded",
                "exclusion of the differential not recorded (diabetic ulcer, atherosclerosis, vasculitis, warfarin necrosis …)",
            ),
        )
    };
    let early = inputs.finding("early_skin_changes");
    let typical_values: Vec<Option<bool>> = TYPICAL_LESIONS
        .iter()
        .map(|id| inputs.finding(id))
        .collect();
    let typical = any(typical_values.iter().copied());
    let typical_present: Vec<String> = TYPICAL_LESIONS
        .iter()
        .filter(|id| inputs.finding(id) == Some(true))
        .map(|id| id.replace('_', " "))
        .collect();
    let typical_basis = match typical {
        Some(true) => format!("typical lesions: {}", typical_present.join(", ")),
        Some(false) => "no typical lesion recorded (all recorded as absent)".to_string(),
        None => "typical lesions not all recorded".to_string(),
    };

    let any_factor = {
        let known = risk.major_present + risk.minor_present;
        if known > 0 {
            Some(true)
        } else if risk.major_unknown + risk.minor_unknown == 0 {
            Some(false)
        } else {
            None
        }
    };
    let threshold = risk.threshold.status.as_option();

    let suspected = vec![
        criterion("risk_threshold", threshold, risk.threshold.basis.clone()),
        criterion(
            "early_skin_changes",
            early,
            yes_no(
                early,
                "early suspicious skin changes recorded",
                "no early suspicious skin changes",
                "early skin changes not recorded",
            ),
        ),
        differential_criterion(),
    ];
    let clinical = vec![
        criterion(
            "risk_factor_present",
            any_factor,
            format!(
                "{} major and {} minor consensus factors present",
                risk.major_present, risk.minor_present
            ),
        ),
        criterion("typical_lesions", typical, typical_basis.clone()),
        differential_criterion(),
    ];
    let biopsy = inputs.case.lesions.biopsy;
    let biopsy_positive = biopsy.map(|b| b == Biopsy::Consistent);
    let lesions = any([typical, early]);
    let confirmed = vec![
        criterion(
            "positive_biopsy",
            biopsy_positive,
            match biopsy {
                Some(Biopsy::Consistent) => "skin biopsy consistent with calciphylaxis",
                Some(Biopsy::NotConsistent) => "skin biopsy not consistent",
                Some(Biopsy::NotDone) => "skin biopsy not done",
                None => "biopsy not recorded",
            },
        ),
        criterion(
            "skin_lesions",
            lesions,
            match lesions {
                Some(true) => "typical lesions or early suspicious changes present".to_string(),
                _ => typical_basis,
            },
        ),
        differential_criterion(),
    ];

    let tier = |name: &'static str, criteria: Vec<Criterion>| ConsensusTier {
        tier: name,
        status: all(criteria.iter().map(|c| c.status.as_option())).into(),
        criteria,
    };
    let tiers = vec![
        tier("confirmed", confirmed),
        tier("clinical", clinical),
        tier("suspected", suspected),
    ];
    let highest = tiers
        .iter()
        .find(|t| t.status == Status::Met)
        .map(|t| t.tier)
        .unwrap_or("none");
    let pending: Vec<&str> = tiers
        .iter()
        .take_while(|t| t.tier != highest)
        .filter(|t| t.status == Status::Unknown)
        .map(|t| t.tier)
        .collect();
    let mut summary = match highest {
        "none" => "No consensus diagnostic tier is met.".to_string(),
        tier => format!("Consensus diagnosis: {tier}."),
    };
    if !pending.is_empty() {
        summary.push_str(&format!(
            " Not yet decidable: {} (unknown inputs).",
            pending.join(", ")
        ));
    }
    if differential != Some(true) {
        summary.push_str(" Every tier requires the differential to be excluded.");
    }
    Consensus {
        tier: highest,
        tiers,
        summary,
        sources: vec!["cn_consensus_2023"],
    }
}

fn hayashi(inputs: &Inputs) -> Hayashi {
    let kidney = &inputs.case.kidney;
    let on_dialysis = inputs.on_dialysis();
    let stage_5 = kidney
        .ckd_stage
        .map(|s| matches!(s, CkdStage::G5 | CkdStage::G5D));
    let c1 = any([on_dialysis, stage_5]);
    let c1_basis = match (kidney.dialysis, kidney.ckd_stage) {
        (Some(Dialysis::Hemodialysis), _) => "on haemodialysis".to_string(),
        (Some(Dialysis::Peritoneal), _) => "on peritoneal dialysis".to_string(),
        (_, Some(stage)) => format!("CKD stage {}", stage.id()),
        _ => "dialysis status and CKD stage not recorded".to_string(),
    };

    let ulcers = inputs.finding("painful_skin_ulcers");
    let purpura = inputs.finding("painful_purpura");
    let count = inputs.lesion_count;
    let more_than_two = count.map(|n| n > 2.0);
    let c2 = all([more_than_two, ulcers, purpura]);
    let c2_basis = format!(
        "lesion count {}; painful ulcers {}; painful purpura {}",
        count
            .map(|n| format!("{n}"))
            .unwrap_or_else(|| "not recorded".into()),
        word(ulcers),
        word(purpura)
    );

    let sites = &inputs.case.lesions.sites;
    let typical_site = if sites.is_empty() {
        None
    } else {
        Some(sites.iter().any(|s| s.is_trunk_extremity_or_penis()))
    };
    let c3 = all([ulcers, purpura, typical_site]);
    let c3_basis = format!(
        "painful ulcers {}; painful purpura {}; sites {}",
        word(ulcers),
        word(purpura),
        if sites.is_empty() {
            "not recorded".to_string()
        } else {
            sites
                .iter()
                .map(|s| s.id().replace('_', " "))
                .collect::<Vec<_>>()
                .join(", ")
        }
    );

    let biopsy = inputs.case.lesions.biopsy;
    let c4 = biopsy.map(|b| b == Biopsy::Consistent);
    let c4_basis = match biopsy {
        Some(Biopsy::Consistent) => {
            "histology: necrosis and ulceration with calcification of small–medium arteries"
        }
        Some(Biopsy::NotConsistent) => "histology not consistent",
        Some(Biopsy::NotDone) => "biopsy not done",
        None => "biopsy not recorded",
    };

    let clinical_route = all([c1, c2, c3]);
    let histology_route = all([c1, any([c2, c3]), c4]);
    let status = match any([clinical_route, histology_route]) {
        Some(true) => HayashiStatus::Met,
        Some(false) => HayashiStatus::NotMet,
        None => HayashiStatus::Incomplete,
    };
    Hayashi {
        status,
        rule: "all of (1)–(3), or (1) + (2 or 3) + (4)",
        criteria: vec![
            criterion("ckd_on_dialysis_or_egfr_under_15", c1, c1_basis),
            criterion("more_than_two_painful_ulcers_with_purpura", c2, c2_basis),
            criterion(
                "painful_ulcers_with_purpura_trunk_extremity_penis",
                c3,
                c3_basis,
            ),
            criterion("histology_consistent", c4, c4_basis),
        ],
        sources: vec!["hayashi_2013"],
    }
}

fn word(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "yes",
        Some(false) => "no",
        None => "not recorded",
    }
}

fn distribution(sites: &[Site]) -> (Distribution, String) {
    let central = sites.iter().any(|s| s.is_central());
    let peripheral = sites.iter().any(|s| !s.is_central());
    let prognosis =
        "Distal lesions carry lower mortality than proximal ones (HR 0.34, 95% CI 0.18–0.62).";
    match (central, peripheral) {
        (false, false) => (Distribution::Unknown, "no lesion site recorded".to_string()),
        (true, false) => (
            Distribution::Central,
            format!("central (adipose-rich) sites only. {prognosis}"),
        ),
        (false, true) => (
            Distribution::Peripheral,
            format!("peripheral (distal) sites only. {prognosis}"),
        ),
        (true, true) => (
            Distribution::Mixed,
            format!("both central and peripheral sites. {prognosis}"),
        ),
    }
}
