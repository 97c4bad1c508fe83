//! Diagnosis (`clinical.md` §4): the consensus tiers (suspected / clinical / confirmed), the
//! Hayashi criteria, and lesion distribution. Every criterion is met / not met / unknown,
//! and an overall status is settled only when unknowns cannot change it.

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
        "risk_threshold" => Text::new(
            "Consensus risk threshold (2 major, or 1 major + 3 minor risk factors)",
            "达到共识危险因素阈值（2 项主要危险因素，或 1 项主要 + 3 项次要危险因素）",
        ),
        "early_skin_changes" => Text::new("Early suspicious skin changes", "早期可疑皮肤改变"),
        "differential_excluded" => Text::new("Differential diagnosis excluded", "已排除鉴别诊断"),
        "risk_factor_present" => Text::new(
            "At least one consensus risk factor",
            "至少存在一项共识危险因素",
        ),
        "typical_lesions" => Text::new("Typical skin lesions", "典型皮损"),
        "positive_biopsy" => Text::new(
            "Skin biopsy consistent with calciphylaxis",
            "皮肤活检符合钙化防御",
        ),
        "skin_lesions" => Text::new(
            "Typical lesions or early suspicious skin changes",
            "典型皮损或早期可疑皮肤改变",
        ),
        "ckd_on_dialysis_or_egfr_under_15" => Text::new(
            "(1) On dialysis, or CKD with eGFR < 15 mL/min/1.73 m²",
            "(1) 维持透析，或 CKD 且 eGFR < 15 mL/min/1.73 m²",
        ),
        "more_than_two_painful_ulcers_with_purpura" => Text::new(
            "(2) More than two painful, untreatable skin ulcers with painful purpura",
            "(2) 超过两处疼痛、难治性皮肤溃疡，伴痛性紫癜",
        ),
        "painful_ulcers_with_purpura_trunk_extremity_penis" => Text::new(
            "(3) Painful, untreatable ulcers with purpura on the trunk, extremities or penis",
            "(3) 躯干、四肢或阴茎的疼痛性难治性溃疡，伴紫癜",
        ),
        "histology_consistent" => Text::new(
            "(4) Histology: necrosis and ulceration with calcification of small–medium arteries",
            "(4) 组织学：坏死和溃疡，伴中小动脉钙化",
        ),
        _ => Text::new("Criterion", "标准"),
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
                Text::new(
                    "differential diagnosis recorded as excluded",
                    "已记录排除鉴别诊断",
                ),
                Text::new("differential diagnosis not excluded", "鉴别诊断未排除"),
                Text::new(
                    "exclusion of the differential not recorded (diabetic ulcer, atherosclerosis, vasculitis, warfarin necrosis …)",
                    "未记录是否已排除鉴别诊断（糖尿病溃疡、动脉粥样硬化、血管炎、华法林性皮肤坏死……）",
                ),
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
            let lesions = typical_present.join(lang.pick("; ", "、"));
            tr!(lang, "typical lesions: {lesions}", "典型皮损：{lesions}")
        }
        Some(false) => lang
            .pick(
                "no typical lesion recorded (all recorded as absent)",
                "未记录典型皮损（均记录为无）",
            )
            .to_string(),
        None => lang
            .pick("typical lesions not all recorded", "典型皮损未全部记录")
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
                Text::new(
                    "early suspicious skin changes recorded",
                    "已记录早期可疑皮肤改变",
                ),
                Text::new("no early suspicious skin changes", "无早期可疑皮肤改变"),
                Text::new("early skin changes not recorded", "早期皮肤改变未记录"),
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
                "{} major and {} minor consensus factors present",
                "存在 {} 项主要和 {} 项次要共识危险因素",
                risk.major_present,
                risk.minor_present
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
                Some(Biopsy::Consistent) => Text::new(
                    "skin biopsy consistent with calciphylaxis",
                    "皮肤活检符合钙化防御",
                ),
                Some(Biopsy::NotConsistent) => {
                    Text::new("skin biopsy not consistent", "皮肤活检不符合")
                }
                Some(Biopsy::NotDone) => Text::new("skin biopsy not done", "未行皮肤活检"),
                None => Text::new("biopsy not recorded", "活检情况未记录"),
            }
            .get(lang),
        ),
        criterion(
            "skin_lesions",
            lang,
            lesions,
            match lesions {
                Some(true) => lang
                    .pick(
                        "typical lesions or early suspicious changes present",
                        "存在典型皮损或早期可疑改变",
                    )
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
        "none" => lang
            .pick(
                "No consensus diagnostic tier is met.",
                "未达到共识的任何诊断级别。",
            )
            .to_string(),
        tier => {
            let tier = tier_name(tier, lang);
            tr!(lang, "Consensus diagnosis: {tier}.", "共识诊断：{tier}。")
        }
    };
    if !pending.is_empty() {
        let pending = pending
            .iter()
            .map(|t| tier_name(t, lang))
            .collect::<Vec<_>>()
            .join(lang.pick(", ", "、"));
        summary.push_str(&tr!(
            lang,
            " Not yet decidable: {pending} (unknown inputs).",
            "尚无法判定：{pending}（有未知输入）。"
        ));
    }
    if differential != Some(true) {
        summary.push_str(lang.pick(
            " Every tier requires the differential to be excluded.",
            "每一诊断级别均要求先排除鉴别诊断。",
        ));
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
        (Some(Dialysis::Hemodialysis), _) => {
            lang.pick("on haemodialysis", "血液透析中").to_string()
        }
        (Some(Dialysis::Peritoneal), _) => lang
            .pick("on peritoneal dialysis", "腹膜透析中")
            .to_string(),
        (_, Some(stage)) => tr!(lang, "CKD stage {}", "CKD 分期 {}", stage.id()),
        _ => lang
            .pick(
                "dialysis status and CKD stage not recorded",
                "透析状态和 CKD 分期均未记录",
            )
            .to_string(),
    };

    let ulcers = inputs.finding("painful_skin_ulcers");
    let purpura = inputs.finding("painful_purpura");
    let count = inputs.lesion_count;
    let more_than_two = count.map(|n| n > 2.0);
    let c2 = all([more_than_two, ulcers, purpura]);
    let c2_basis = tr!(
        lang,
        "lesion count {}; painful ulcers {}; painful purpura {}",
        "皮损数目：{}；疼痛性溃疡：{}；痛性紫癜：{}",
        count
            .map(|n| format!("{n}"))
            .unwrap_or_else(|| word(None, lang).into()),
        word(ulcers, lang),
        word(purpura, lang)
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
        "painful ulcers {}; painful purpura {}; sites {}",
        "疼痛性溃疡：{}；痛性紫癜：{}；部位：{}",
        word(ulcers, lang),
        word(purpura, lang),
        if sites.is_empty() {
            word(None, lang).to_string()
        } else {
            sites
                .iter()
                .map(|s| match lang {
                    Lang::En => s.name(lang).to_lowercase(),
                    Lang::Zh => s.name(lang).to_string(),
                })
                .collect::<Vec<_>>()
                .join(lang.pick(", ", "、"))
        }
    );

    let biopsy = inputs.case.lesions.biopsy;
    let c4 = biopsy.map(|b| b == Biopsy::Consistent);
    let c4_basis = match biopsy {
        Some(Biopsy::Consistent) => Text::new(
            "histology: necrosis and ulceration with calcification of small–medium arteries",
            "组织学：坏死和溃疡，伴中小动脉钙化",
        ),
        Some(Biopsy::NotConsistent) => Text::new("histology not consistent", "组织学不符合"),
        Some(Biopsy::NotDone) => Text::new("biopsy not done", "未行活检"),
        None => Text::new("biopsy not recorded", "活检情况未记录"),
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
        rule: lang.pick(
            "all of (1)–(3), or (1) + (2 or 3) + (4)",
            "满足 (1)–(3) 全部，或 (1) + ((2) 或 (3)) + (4)",
        ),
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
        Some(true) => lang.pick("yes", "有"),
        Some(false) => lang.pick("no", "无"),
        None => lang.pick("not recorded", "未记录"),
    }
}

fn distribution(sites: &[Site], lang: Lang) -> (Distribution, String) {
    let central = sites.iter().any(|s| s.is_central());
    let peripheral = sites.iter().any(|s| !s.is_central());
    let prognosis = lang.pick(
        "Distal lesions carry lower mortality than proximal ones (HR 0.34, 95% CI 0.18–0.62).",
        "远端皮损的死亡率低于近端皮损（HR 0.34，95% CI 0.18–0.62）。",
    );
    match (central, peripheral) {
        (false, false) => (
            Distribution::Unknown,
            lang.pick("no lesion site recorded", "未记录皮损部位")
                .to_string(),
        ),
        (true, false) => (
            Distribution::Central,
            tr!(
                lang,
                "central (adipose-rich) sites only. {prognosis}",
                "仅中心性（脂肪丰富）部位。{prognosis}"
            ),
        ),
        (false, true) => (
            Distribution::Peripheral,
            tr!(
                lang,
                "peripheral (distal) sites only. {prognosis}",
                "仅外周（远端）部位。{prognosis}"
            ),
        ),
        (true, true) => (
            Distribution::Mixed,
            tr!(
                lang,
                "both central and peripheral sites. {prognosis}",
                "中心性和外周部位均有。{prognosis}"
            ),
        ),
    }
}
