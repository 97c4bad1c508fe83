//! Diagnosis (`clinical.md` §4): the consensus tiers (suspected / clinical / confirmed), the
//! Hayashi criteria, and lesion distribution. Every criterion is met / not met / unknown,
//! and an overall status is settled only when unknowns cannot change it.

use crate::core::i18n::msg;
use serde::Serialize;

use super::case::{Biopsy, CkdStage, Dialysis};
use super::findings::Site;
use super::i18n::{Lang, Text};
use super::inputs::Inputs;
use super::logic::{all, any, Status};
use super::risk::{finding_label, RiskProfile};
use crate::tr;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criterion {
    pub id: &'static str,
    /// What the criterion asks, in words.
    pub name: &'static str,
    pub status: Status,
    pub basis: String,
}

fn criterion(
    id: &'static str,
    lang: Lang,
    value: Option<bool>,
    basis: impl Into<String>,
) -> Criterion {
    Criterion {
        id,
        name: criterion_name(id).get(lang),
        status: value.into(),
        basis: basis.into(),
    }
}

/// The name of each diagnostic criterion.
pub fn criterion_name(id: &str) -> Text {
    match id {
        "risk_threshold" => msg::diagnosis::CRITERION_NAME_CONSENSUS_RISK_THRESHOLD_2_MAJOR,
        "early_skin_changes" => msg::diagnosis::CRITERION_NAME_EARLY_SUSPICIOUS_SKIN_CHANGES,
        "differential_excluded" => msg::diagnosis::CRITERION_NAME_DIFFERENTIAL_DIAGNOSIS_EXCLUDED,
        "risk_factor_present" => msg::diagnosis::CRITERION_NAME_AT_LEAST_ONE_CONSENSUS_RISK,
        "typical_lesions" => msg::diagnosis::CRITERION_NAME_TYPICAL_SKIN_LESIONS,
        "positive_biopsy" => {
            msg::diagnosis::CRITERION_NAME_SKIN_BIOPSY_CONSISTENT_WITH_CALCIPHYLAXIS
        }
        "skin_lesions" => msg::diagnosis::CRITERION_NAME_TYPICAL_LESIONS_OR_EARLY_SUSPICIOUS,
        "ckd_on_dialysis_or_egfr_under_15" => msg::diagnosis::CRITERION_NAME_1_ON_DIALYSIS_OR_CKD,
        "more_than_two_painful_ulcers_with_purpura" => {
            msg::diagnosis::CRITERION_NAME_2_MORE_THAN_TWO_PAINFUL
        }
        "painful_ulcers_with_purpura_trunk_extremity_penis" => {
            msg::diagnosis::CRITERION_NAME_3_PAINFUL_UNTREATABLE_ULCERS_WITH
        }
        "histology_consistent" => {
            msg::diagnosis::CRITERION_NAME_4_HISTOLOGY_NECROSIS_AND_ULCERATION
        }
        _ => msg::diagnosis::CRITERION_NAME_CRITERION,
    }
}

/// A consensus tier id (`confirmed`, `clinical`, `suspected`, `none`) in words.
pub fn tier_name(tier: &str, lang: Lang) -> &'static str {
    match (tier, lang) {
        ("confirmed", Lang::En) => "confirmed",
        ("clinical", Lang::En) => "clinical",
        ("suspected", Lang::En) => "suspected",
        ("confirmed", Lang::Zh) => "确诊",
        ("clinical", Lang::Zh) => "临床诊断",
        ("suspected", Lang::Zh) => "疑似诊断",
        (_, Lang::En) => "none",
        (_, Lang::Zh) => "无",
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

fn yes_no(value: Option<bool>, lang: Lang, yes: Text, no: Text, unknown: Text) -> String {
    match value {
        Some(true) => yes.get(lang).to_string(),
        Some(false) => no.get(lang).to_string(),
        None => unknown.get(lang).to_string(),
    }
}

pub fn assess_diagnosis(inputs: &Inputs, risk: &RiskProfile, lang: Lang) -> Diagnosis {
    let (lesion_distribution, lesion_distribution_basis) =
        distribution(&inputs.case.lesions.sites, lang);
    Diagnosis {
        consensus: consensus(inputs, risk, lang),
        hayashi: hayashi(inputs, lang),
        lesion_distribution,
        lesion_distribution_basis,
        lesion_distribution_sources: vec!["jaad_2025_outcomes", "gaisne_2020"],
    }
}

fn consensus(inputs: &Inputs, risk: &RiskProfile, lang: Lang) -> Consensus {
    let differential = inputs.finding("differential_excluded");
    let differential_criterion = || {
        criterion(
            "differential_excluded",
            lang,
            differential,
            yes_no(
                differential,
                lang,
                msg::diagnosis::CONSENSUS_DIFFERENTIAL_DIAGNOSIS_RECORDED_AS_EXCLUDED,
                msg::diagnosis::CONSENSUS_DIFFERENTIAL_DIAGNOSIS_NOT_EXCLUDED,
                msg::diagnosis::CONSENSUS_EXCLUSION_OF_THE_DIFFERENTIAL_NOT,
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
        .map(|id| finding_label(id, lang))
        .collect();
    let typical_basis = match typical {
        Some(true) => {
            // "; ": the finding names themselves may contain commas.
            let lesions = typical_present.join(msg::diagnosis::CONSENSUS_TEXT.get(lang));
            tr!(
                lang,
                msg::diagnosis::CONSENSUS_TYPICAL_LESIONS_LESIONS,
                lesions
            )
        }
        Some(false) => msg::diagnosis::CONSENSUS_NO_TYPICAL_LESION_RECORDED_ALL
            .get(lang)
            .to_string(),
        None => msg::diagnosis::CONSENSUS_TYPICAL_LESIONS_NOT_ALL_RECORDED
            .get(lang)
            .to_string(),
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
        criterion(
            "risk_threshold",
            lang,
            threshold,
            risk.threshold.basis.clone(),
        ),
        criterion(
            "early_skin_changes",
            lang,
            early,
            yes_no(
                early,
                lang,
                msg::diagnosis::CONSENSUS_EARLY_SUSPICIOUS_SKIN_CHANGES_RECORDED,
                msg::diagnosis::CONSENSUS_NO_EARLY_SUSPICIOUS_SKIN_CHANGES,
                msg::diagnosis::CONSENSUS_EARLY_SKIN_CHANGES_NOT_RECORDED,
            ),
        ),
        differential_criterion(),
    ];
    let clinical = vec![
        criterion(
            "risk_factor_present",
            lang,
            any_factor,
            tr!(
                lang,
                msg::diagnosis::CONSENSUS_MAJOR_PRESENT_MAJOR_AND_MINOR,
                major_present = risk.major_present,
                minor_present = risk.minor_present
            ),
        ),
        criterion("typical_lesions", lang, typical, typical_basis.clone()),
        differential_criterion(),
    ];
    let biopsy = inputs.case.lesions.biopsy;
    let biopsy_positive = biopsy.map(|b| b == Biopsy::Consistent);
    let lesions = any([typical, early]);
    let confirmed = vec![
        criterion(
            "positive_biopsy",
            lang,
            biopsy_positive,
            match biopsy {
                Some(Biopsy::Consistent) => {
                    msg::diagnosis::CONSENSUS_SKIN_BIOPSY_CONSISTENT_WITH_CALCIPHYLAXIS
                }
                Some(Biopsy::NotConsistent) => msg::diagnosis::CONSENSUS_SKIN_BIOPSY_NOT_CONSISTENT,
                Some(Biopsy::NotDone) => msg::diagnosis::CONSENSUS_SKIN_BIOPSY_NOT_DONE,
                None => msg::diagnosis::CONSENSUS_BIOPSY_NOT_RECORDED,
            }
            .get(lang),
        ),
        criterion(
            "skin_lesions",
            lang,
            lesions,
            match lesions {
                Some(true) => msg::diagnosis::CONSENSUS_TYPICAL_LESIONS_OR_EARLY_SUSPICIOUS
                    .get(lang)
                    .to_string(),
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
        "none" => msg::diagnosis::CONSENSUS_NO_CONSENSUS_DIAGNOSTIC_TIER_IS
            .get(lang)
            .to_string(),
        tier => {
            let tier = tier_name(tier, lang);
            tr!(
                lang,
                msg::diagnosis::CONSENSUS_CONSENSUS_DIAGNOSIS_TIER,
                tier
            )
        }
    };
    if !pending.is_empty() {
        let pending = pending
            .iter()
            .map(|t| tier_name(t, lang))
            .collect::<Vec<_>>()
            .join(msg::diagnosis::CONSENSUS_TEXT_2.get(lang));
        summary.push_str(&tr!(
            lang,
            msg::diagnosis::CONSENSUS_NOT_YET_DECIDABLE_PENDING_UNKNOWN,
            pending
        ));
    }
    if differential != Some(true) {
        summary.push_str(msg::diagnosis::CONSENSUS_EVERY_TIER_REQUIRES_THE_DIFFERENTIAL.get(lang));
    }
    Consensus {
        tier: highest,
        tiers,
        summary,
        sources: vec!["cn_consensus_2023"],
    }
}

fn hayashi(inputs: &Inputs, lang: Lang) -> Hayashi {
    let kidney = &inputs.case.kidney;
    let on_dialysis = inputs.on_dialysis();
    let stage_5 = kidney
        .ckd_stage
        .map(|s| matches!(s, CkdStage::G5 | CkdStage::G5D));
    let c1 = any([on_dialysis, stage_5]);
    let c1_basis = match (kidney.dialysis, kidney.ckd_stage) {
        (Some(Dialysis::Hemodialysis), _) => msg::diagnosis::HAYASHI_ON_HAEMODIALYSIS
            .get(lang)
            .to_string(),
        (Some(Dialysis::Peritoneal), _) => msg::diagnosis::HAYASHI_ON_PERITONEAL_DIALYSIS
            .get(lang)
            .to_string(),
        (_, Some(stage)) => tr!(lang, msg::diagnosis::HAYASHI_CKD_STAGE_ID, id = stage.id()),
        _ => msg::diagnosis::HAYASHI_DIALYSIS_STATUS_AND_CKD_STAGE
            .get(lang)
            .to_string(),
    };

    let ulcers = inputs.finding("painful_skin_ulcers");
    let purpura = inputs.finding("painful_purpura");
    let count = inputs.lesion_count;
    let more_than_two = count.map(|n| n > 2.0);
    let c2 = all([more_than_two, ulcers, purpura]);
    let c2_basis = tr!(
        lang,
        msg::diagnosis::HAYASHI_LESION_COUNT_A0_PAINFUL_ULCERS,
        a0 = count
            .map(|n| format!("{n}"))
            .unwrap_or_else(|| word(None, lang).into()),
        purpura = word(purpura, lang),
        ulcers = word(ulcers, lang)
    );

    let sites = &inputs.case.lesions.sites;
    let typical_site = if sites.is_empty() {
        None
    } else {
        Some(sites.iter().any(|s| s.is_trunk_extremity_or_penis()))
    };
    let c3 = all([ulcers, purpura, typical_site]);
    let c3_basis = tr!(
        lang,
        msg::diagnosis::HAYASHI_PAINFUL_ULCERS_ULCERS_PAINFUL_PURPURA,
        a2 = if sites.is_empty() {
            word(None, lang).to_string()
        } else {
            sites
                .iter()
                .map(|s| match lang {
                    Lang::En => s.name(lang).to_lowercase(),
                    Lang::Zh => s.name(lang).to_string(),
                })
                .collect::<Vec<_>>()
                .join(msg::common::LIST_SEPARATOR.get(lang))
        },
        purpura = word(purpura, lang),
        ulcers = word(ulcers, lang)
    );

    let biopsy = inputs.case.lesions.biopsy;
    let c4 = biopsy.map(|b| b == Biopsy::Consistent);
    let c4_basis = match biopsy {
        Some(Biopsy::Consistent) => msg::diagnosis::HAYASHI_HISTOLOGY_NECROSIS_AND_ULCERATION_WITH,
        Some(Biopsy::NotConsistent) => msg::diagnosis::HAYASHI_HISTOLOGY_NOT_CONSISTENT,
        Some(Biopsy::NotDone) => msg::diagnosis::HAYASHI_BIOPSY_NOT_DONE,
        None => msg::diagnosis::CONSENSUS_BIOPSY_NOT_RECORDED,
    }
    .get(lang);

    let clinical_route = all([c1, c2, c3]);
    let histology_route = all([c1, any([c2, c3]), c4]);
    let status = match any([clinical_route, histology_route]) {
        Some(true) => HayashiStatus::Met,
        Some(false) => HayashiStatus::NotMet,
        None => HayashiStatus::Incomplete,
    };
    Hayashi {
        status,
        rule: msg::diagnosis::HAYASHI_ALL_OF_1_3_OR.get(lang),
        criteria: vec![
            criterion("ckd_on_dialysis_or_egfr_under_15", lang, c1, c1_basis),
            criterion(
                "more_than_two_painful_ulcers_with_purpura",
                lang,
                c2,
                c2_basis,
            ),
            criterion(
                "painful_ulcers_with_purpura_trunk_extremity_penis",
                lang,
                c3,
                c3_basis,
            ),
            criterion("histology_consistent", lang, c4, c4_basis),
        ],
        sources: vec!["hayashi_2013"],
    }
}

fn word(value: Option<bool>, lang: Lang) -> &'static str {
    match value {
        Some(true) => msg::diagnosis::WORD_YES.get(lang),
        Some(false) => msg::diagnosis::WORD_NO.get(lang),
        None => msg::diagnosis::WORD_NOT_RECORDED.get(lang),
    }
}

fn distribution(sites: &[Site], lang: Lang) -> (Distribution, String) {
    let central = sites.iter().any(|s| s.is_central());
    let peripheral = sites.iter().any(|s| !s.is_central());
    let prognosis = msg::diagnosis::DISTRIBUTION_DISTAL_LESIONS_CARRY_LOWER_MORTALITY.get(lang);
    match (central, peripheral) {
        (false, false) => (
            Distribution::Unknown,
            msg::diagnosis::DISTRIBUTION_NO_LESION_SITE_RECORDED
                .get(lang)
                .to_string(),
        ),
        (true, false) => (
            Distribution::Central,
            tr!(
                lang,
                msg::diagnosis::DISTRIBUTION_CENTRAL_ADIPOSE_RICH_SITES_ONLY,
                prognosis
            ),
        ),
        (false, true) => (
            Distribution::Peripheral,
            tr!(
                lang,
                msg::diagnosis::DISTRIBUTION_PERIPHERAL_DISTAL_SITES_ONLY_PROGNOSIS,
                prognosis
            ),
        ),
        (true, true) => (
            Distribution::Mixed,
            tr!(
                lang,
                msg::diagnosis::DISTRIBUTION_BOTH_CENTRAL_AND_PERIPHERAL_SITES,
                prognosis
            ),
        ),
    }
}
