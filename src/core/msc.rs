//! MSC (hAMSC) therapy eligibility (`clinical.md` §6). No guideline exists: the criteria
//! mirror the seeds' compassionate-use path and the exclusions of registered MSC trials.
//! The output is for discussion with a specialist team, not a treatment recommendation.

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

/// The notice shown with every MSC assessment (English; see [`NOTICE_TEXT`]).
pub const NOTICE: &str = NOTICE_TEXT.en;

pub const NOTICE_TEXT: Text = Text::new(
    "For discussion with a specialist team; not a treatment recommendation. \
No guideline exists for MSC therapy in calciphylaxis: these criteria mirror the published \
compassionate-use cases and the exclusions of registered MSC trials.",
    "供与专科团队讨论，并非治疗建议。目前尚无钙化防御间充质干细胞（MSC）治疗的指南：\
以下标准参照已发表的同情用药病例及已注册 MSC 临床试验的排除标准。",
);

const SEEDS: &[&str] = &["seed_hamsc_salvage", "seed_hamsc_hypercoag_2023"];

const CONTEXT: &[(Text, &str)] = &[
    (
        Text::new(
            "Published protocol (single patients, Nanjing): hAMSCs given intravenously and by local intramuscular injection around wounds, with topical hAMSC supernatant, after preclinical release, toxicity and tumorigenicity testing.",
            "已发表的方案（南京，单例患者）：在完成临床前放行检验、毒性及致瘤性试验后，人羊膜间充质干细胞（hAMSC）经静脉输注及创面周围局部肌内注射给药，并外用 hAMSC 上清液。",
        ),
        "seed_hamsc_salvage",
    ),
    (
        Text::new(
            "Follow-up markers used: pain score, wound status (BWAT), wound quality of life, skin biopsy, and coagulation markers (platelets, D-dimer, plasminogen) alongside calcium, phosphate and PTH.",
            "随访指标：疼痛评分、创面状态（BWAT）、创面相关生活质量、皮肤活检，以及凝血指标（血小板、D-二聚体、纤溶酶原）和血钙、血磷、PTH。",
        ),
        "seed_hamsc_hypercoag_2023",
    ),
    (
        Text::new(
            "The first treated patient died of a stroke after 20 months: her regenerated skin was normal, but microvessel calcification in lungs, kidneys, spleen, pancreas, uterus and heart valve was worse than in ESKD controls. Skin healing does not mean the systemic disease is controlled.",
            "首例接受治疗的患者在 20 个月后死于脑卒中：其再生皮肤正常，但肺、肾、脾、胰腺、子宫和心脏瓣膜的微血管钙化较终末期肾病（ESKD）对照更重。皮肤愈合并不意味着全身性疾病得到控制。",
        ),
        "seed_hamsc_histopath",
    ),
    (
        Text::new(
            "Most registered MSC wound trials exclude dialysis patients; the published calciphylaxis treatments were single-patient, ethics-approved compassionate use.",
            "多数已注册的 MSC 创面临床试验排除透析患者；已发表的钙化防御治疗均为经伦理批准的单例同情用药。",
        ),
        "nct05999656",
    ),
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
        Some(true) => tr!(lang, "recorded: {label}", "已记录：{label}"),
        Some(false) => tr!(lang, "recorded as absent: {label}", "已记录为无：{label}"),
        None => tr!(lang, "not recorded: {label}", "未记录：{label}"),
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
        name: Text::new("Calciphylaxis diagnosis established", "钙化防御诊断已确立"),
        needed: Text::new(
            "complete the lesion, biopsy and differential-diagnosis inputs (consensus clinical or confirmed tier, or Hayashi criteria)",
            "补全皮损、活检和鉴别诊断信息（达到共识临床诊断或确诊级别，或符合 Hayashi 标准）",
        ),
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
        HayashiStatus::Met => Text::new("met", "符合"),
        HayashiStatus::NotMet => Text::new("not met", "不符合"),
        HayashiStatus::Incomplete => Text::new("incomplete", "信息不全"),
    }
    .get(lang);
    let basis = tr!(
        lang,
        "consensus tier: {tier}; Hayashi criteria: {hayashi_word}",
        "共识诊断级别：{tier}；Hayashi 标准：{hayashi_word}"
    );
    push(&def, established, basis);

    let def = Def {
        id: "refractory_to_conventional",
        kind: Kind::Inclusion,
        name: Text::new("Refractory to conventional therapy", "常规治疗无效"),
        needed: Text::new(
            "record the conventional therapies tried and their response",
            "记录已尝试的常规治疗及其疗效",
        ),
        sources: SEEDS,
    };
    let (refractory, basis) = refractory(inputs, lang);
    push(&def, refractory, basis);

    for (id, name, needed) in [
        (
            "informed_consent",
            Text::new("Informed consent", "知情同意"),
            Text::new("record informed consent", "记录知情同意"),
        ),
        (
            "ethics_approval",
            Text::new("Ethics committee approval", "伦理委员会批准"),
            Text::new("record ethics committee approval", "记录伦理委员会批准"),
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
        name: Text::new(
            "Active malignancy or malignancy within 5 years",
            "活动性恶性肿瘤或 5 年内恶性肿瘤",
        ),
        needed: Text::new(
            "record whether a malignancy is active or was treated within the past 5 years",
            "记录恶性肿瘤是否为活动性，或是否在过去 5 年内接受过治疗",
        ),
        sources: &["nct05999656", "nct04464213"],
    };
    let active = inputs.finding("active_malignancy");
    let history = inputs.finding("malignancy_history");
    let (value, basis) = match (active, history) {
        (Some(true), _) => (
            Some(true),
            Text::new("recorded: active malignancy", "已记录：活动性恶性肿瘤"),
        ),
        (Some(false), Some(true)) => (
            None,
            Text::new(
                "history of malignancy, recorded as not active: registered trials exclude malignancy within 5 years; specialist judgement needed",
                "有恶性肿瘤病史，记录为非活动性：已注册试验排除 5 年内的恶性肿瘤；需专科判断",
            ),
        ),
        (Some(false), _) => (
            Some(false),
            Text::new(
                "recorded as absent: active malignancy",
                "已记录为无：活动性恶性肿瘤",
            ),
        ),
        (None, Some(true)) => (
            None,
            Text::new(
                "history of malignancy; whether active is not recorded",
                "有恶性肿瘤病史；是否为活动性未记录",
            ),
        ),
        (None, _) => (
            None,
            Text::new("not recorded: active malignancy", "未记录：活动性恶性肿瘤"),
        ),
    };
    push(&def, value, basis.get(lang).to_string());

    let def = Def {
        id: "active_uncontrolled_infection",
        kind: Kind::Exclusion,
        name: Text::new(
            "Active uncontrolled infection (including sepsis)",
            "活动性未控制感染（包括脓毒症）",
        ),
        needed: Text::new(
            "record whether there is an active uncontrolled infection or sepsis",
            "记录是否存在活动性未控制感染或脓毒症",
        ),
        sources: &["nct04464213"],
    };
    let infection = inputs.finding("active_uncontrolled_infection");
    let sepsis = inputs.finding("sepsis");
    let value = any([infection, sepsis]);
    let basis = match (infection, sepsis) {
        (_, Some(true)) => Text::new("recorded: sepsis", "已记录：脓毒症"),
        (Some(true), _) => Text::new(
            "recorded: active uncontrolled infection",
            "已记录：活动性未控制感染",
        ),
        (Some(false), Some(false)) => Text::new(
            "no uncontrolled infection and no sepsis recorded",
            "已记录无未控制感染、无脓毒症",
        ),
        _ => Text::new(
            "infection or sepsis status not fully recorded",
            "感染或脓毒症情况未完整记录",
        ),
    };
    push(&def, value, basis.get(lang).to_string());

    let def = Def {
        id: "pregnancy_or_lactation",
        kind: Kind::Exclusion,
        name: Text::new("Pregnancy or lactation", "妊娠或哺乳"),
        needed: Text::new("record pregnancy or lactation status", "记录是否妊娠或哺乳"),
        sources: &["nct05999656", "nct04464213"],
    };
    let (value, basis) = match (
        inputs.finding("pregnancy_or_lactation"),
        inputs.case.patient.sex,
    ) {
        (None, Some(Sex::Male)) => (
            Some(false),
            lang.pick("male patient", "男性患者").to_string(),
        ),
        _ => finding_criterion(inputs, "pregnancy_or_lactation", lang),
    };
    push(&def, value, basis);

    for (id, name, needed, sources) in [
        (
            "known_allergy_to_product",
            Text::new(
                "Known allergy to the cell product or its excipients",
                "已知对细胞制品或其辅料过敏",
            ),
            Text::new("record any allergy to the product", "记录是否对该制品过敏"),
            &["nct04464213"][..],
        ),
        (
            "uncontrolled_bleeding",
            Text::new("Uncontrolled bleeding", "未控制的出血"),
            Text::new(
                "record whether there is uncontrolled bleeding",
                "记录是否存在未控制的出血",
            ),
            &["nct05999656"][..],
        ),
        (
            "life_expectancy_too_short",
            Text::new(
                "Life expectancy too short to benefit (clinician judgement)",
                "预期寿命过短难以获益（临床医师判断）",
            ),
            Text::new(
                "record the clinician's judgement of life expectancy",
                "记录临床医师对预期寿命的判断",
            ),
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
            lang.pick("conventional therapies not recorded", "常规治疗未记录")
                .to_string(),
        );
    };
    // For now a therapy recorded as not tried counts exactly as one not recorded.
    let therapies: BTreeMap<&str, &TherapyTrial> = recorded
        .iter()
        .filter(|(_, trial)| trial.was_tried())
        .map(|(id, trial)| (id.as_str(), trial))
        .collect();
    let not_recorded = lang.pick("response not recorded", "疗效未记录");
    let describe = |id: &str, trial: &TherapyTrial| {
        let name = Therapy::from_id(id).map(|t| t.name(lang)).unwrap_or("?");
        match trial {
            // (`NotTried` never reaches here: filtered out above.)
            TherapyTrial::Tried | TherapyTrial::NotTried => {
                tr!(lang, "{name} ({not_recorded})", "{name}（{not_recorded}）")
            }
            TherapyTrial::Detail { weeks, response } => {
                let weeks = weeks
                    .filter(|w| w.is_finite())
                    .map(|w| tr!(lang, " for {w} weeks", " {w} 周"))
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
                    "{name}{weeks}: {response}",
                    "{name}{weeks}：{response}"
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
    let tried_list = tried.join(lang.pick("; ", "；"));
    if !complete.is_empty() {
        let complete = complete
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(lang.pick(", ", "、"));
        (
            Some(false),
            tr!(
                lang,
                "complete response to {complete}{not_tried}",
                "完全缓解：{complete}{not_tried}"
            ),
        )
    } else if failed {
        (
            Some(true),
            tr!(
                lang,
                "tried: {tried_list}{not_tried}",
                "已尝试：{tried_list}{not_tried}"
            ),
        )
    } else if tried.is_empty() {
        (
            Some(false),
            lang.pick("no conventional therapy tried yet", "尚未尝试任何常规治疗")
                .to_string(),
        )
    } else {
        (
            None,
            tr!(
                lang,
                "tried: {tried_list}; responses needed{not_tried}",
                "已尝试：{tried_list}；需记录疗效{not_tried}"
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
            tr!(lang, "Not eligible: {reasons}.", "不符合条件：{reasons}。")
        }
        MscStatus::Candidate => lang
            .pick(
                "Every inclusion criterion is met and no exclusion applies: a candidate for specialist discussion.",
                "符合全部纳入标准且无排除标准：可作为候选者提交专科团队讨论。",
            )
            .to_string(),
        MscStatus::Incomplete => {
            let open = list(&|c| c.status == Status::Unknown);
            tr!(lang, "Incomplete: still unknown: {open}.", "信息不全：尚未明确：{open}。")
        }
    }
}
