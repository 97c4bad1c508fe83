//! The hypercoagulability workup (`clinical.md` §5): the whole panel in its order, each test
//! to order, normal, abnormal (with direction) or uninterpretable, with the confounders that
//! make a result untrustworthy in this patient.

use serde::Serialize;

use super::i18n::{Lang, Text};
use super::inputs::{describe_reference_of, Flag, Inputs, LabValue};
use super::labs::{lab, WORKUP_PANEL};
use super::risk::finding_label;
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkupStatus {
    ToOrder,
    Normal,
    Abnormal,
    Uninterpretable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Low,
    High,
    Positive,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WorkupItem {
    pub test: &'static str,
    pub name: &'static str,
    pub status: WorkupStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<Direction>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    pub reference: String,
    /// What applies to this patient's result: confounders, persistence, repeat advice.
    pub notes: Vec<String>,
    /// About the assay in general (units, reference variation), from the lab catalogue.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub about: Option<&'static str>,
    pub sources: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Workup {
    pub items: Vec<WorkupItem>,
    pub summary: String,
}

/// Which results a confounder makes untrustworthy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pushes {
    /// A low result may be caused by the confounder.
    Low,
    /// A high (or positive) result may be caused by the confounder.
    High,
    /// Any result is unreliable (the assay itself is interfered with).
    Any,
    /// The result stays interpretable; the note is context.
    Note,
}

struct Confounder {
    /// Any of these findings being true triggers it.
    findings: &'static [&'static str],
    tests: &'static [&'static str],
    pushes: Pushes,
    reason: Text,
    /// Empty (in both languages) when there is nothing to do but note it.
    advice: Text,
    sources: &'static [&'static str],
}

const PC_PS: &[&str] = &["protein_c_activity", "protein_s_free"];
const PC_PS_AT: &[&str] = &[
    "protein_c_activity",
    "protein_s_free",
    "antithrombin_activity",
];
const ACUTE: &[&str] = &["acute_thrombosis", "sepsis", "acute_inflammation"];

/// The confounders of §5, each with its source. Order is the order notes appear in.
const CONFOUNDERS: &[Confounder] = &[
    Confounder {
        findings: &["warfarin"],
        tests: PC_PS,
        pushes: Pushes::Low,
        reason: Text::new("warfarin (vitamin K antagonist) lowers protein C and protein S", "华法林（维生素K拮抗剂）可降低蛋白C和蛋白S"),
        advice: Text::new("repeat at least 2 weeks (commonly 2–4) after stopping the vitamin K antagonist, bridging with heparin if anticoagulation must continue", "停用维生素K拮抗剂至少 2 周（通常 2–4 周）后复查，如必须继续抗凝，用肝素桥接"),
        sources: &["marlar_2014", "baglin_2010"],
    },
    Confounder {
        findings: &["warfarin"],
        tests: &["antithrombin_activity"],
        pushes: Pushes::Note,
        reason: Text::new("antithrombin may rise on warfarin, so a normal value can mask a mild deficiency", "使用华法林时抗凝血酶可升高，因此正常值可能掩盖轻度缺乏"),
        advice: Text::new("", ""),
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["warfarin"],
        tests: &["lupus_anticoagulant"],
        pushes: Pushes::High,
        reason: Text::new("lupus anticoagulant clotting tests give false positives on a vitamin K antagonist", "使用维生素K拮抗剂时，狼疮抗凝物凝固法检测可出现假阳性"),
        advice: Text::new("interpret only with the laboratory's mixing studies, or repeat off the drug", "仅在结合实验室混合血浆纠正试验时解读，或停药后复查"),
        sources: &["devreese_2020_la"],
    },
    Confounder {
        findings: &["warfarin"],
        tests: &["pt_inr"],
        pushes: Pushes::Note,
        reason: Text::new("a prolonged INR is the intended effect of a vitamin K antagonist", "INR 延长是维生素K拮抗剂的预期作用"),
        advice: Text::new("", ""),
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["heparin"],
        tests: &["lupus_anticoagulant"],
        pushes: Pushes::High,
        reason: Text::new("heparin can cause a false-positive lupus anticoagulant", "肝素可导致狼疮抗凝物假阳性"),
        advice: Text::new("test when heparin is stopped or below the reagent's neutralising capacity", "在停用肝素后，或肝素浓度低于试剂中和能力时检测"),
        sources: &["devreese_2020_la"],
    },
    Confounder {
        findings: &["heparin"],
        tests: &["antithrombin_activity"],
        pushes: Pushes::Low,
        reason: Text::new("heparin lowers antithrombin activity", "肝素可降低抗凝血酶活性"),
        advice: Text::new("repeat after heparin is stopped", "停用肝素后复查"),
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["heparin"],
        tests: &["aptt"],
        pushes: Pushes::Note,
        reason: Text::new("unfractionated heparin prolongs the aPTT", "普通肝素可延长 aPTT"),
        advice: Text::new("", ""),
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["doac"],
        tests: &["lupus_anticoagulant"],
        pushes: Pushes::High,
        reason: Text::new("direct oral anticoagulants cause false-positive lupus anticoagulant tests", "直接口服抗凝药可导致狼疮抗凝物检测假阳性"),
        advice: Text::new("test off the DOAC (timing per the laboratory), or use a DOAC-neutralising step", "停用 DOAC 后检测（时机遵循实验室要求），或采用 DOAC 中和步骤"),
        sources: &["devreese_2020_la"],
    },
    Confounder {
        findings: &["doac"],
        tests: &["antithrombin_activity"],
        pushes: Pushes::Any,
        reason: Text::new("direct oral anticoagulants interfere with factor Xa- and thrombin-based antithrombin assays and can hide a deficiency", "直接口服抗凝药干扰基于 Xa 因子和凝血酶的抗凝血酶检测，可掩盖缺乏"),
        advice: Text::new("repeat off the DOAC", "停用 DOAC 后复查"),
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["doac"],
        tests: PC_PS,
        pushes: Pushes::Note,
        reason: Text::new("clot-based protein C and S assays may read falsely high on a DOAC; chromogenic protein C is not affected", "使用 DOAC 时，凝固法蛋白C和蛋白S检测可能假性偏高；发色底物法蛋白C不受影响"),
        advice: Text::new("", ""),
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: ACUTE,
        tests: PC_PS_AT,
        pushes: Pushes::Low,
        reason: Text::new("protein C, protein S and antithrombin fall during acute thrombosis, sepsis or acute inflammation", "急性血栓形成、脓毒症或急性炎症期间，蛋白C、蛋白S和抗凝血酶会下降"),
        advice: Text::new("repeat when the patient is stable", "病情稳定后复查"),
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: ACUTE,
        tests: &["factor_viii_activity", "fibrinogen"],
        pushes: Pushes::High,
        reason: Text::new("factor VIII and fibrinogen are acute-phase reactants and rise in acute illness", "凝血因子VIII和纤维蛋白原是急性时相反应物，在急性疾病时升高"),
        advice: Text::new("repeat when the patient is stable", "病情稳定后复查"),
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["liver_disease"],
        tests: PC_PS_AT,
        pushes: Pushes::Low,
        reason: Text::new("liver disease lowers the synthesis of protein C, protein S and antithrombin", "肝病使蛋白C、蛋白S和抗凝血酶合成减少"),
        advice: Text::new("interpret against liver synthetic function (albumin, INR)", "结合肝脏合成功能（白蛋白、INR）解读"),
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["nephrotic_syndrome"],
        tests: &["antithrombin_activity"],
        pushes: Pushes::Low,
        reason: Text::new("antithrombin is lost in the urine in nephrotic syndrome", "肾病综合征时抗凝血酶从尿中丢失"),
        advice: Text::new("repeat in remission", "缓解后复查"),
        sources: &["marlar_2014"],
    },
];

/// Why each test belongs in a calciphylaxis workup.
fn panel_sources(test: &str) -> &'static [&'static str] {
    match test {
        "platelets" | "d_dimer" | "fibrinogen" | "plasminogen" | "pt_inr" | "aptt" => {
            &["seed_hamsc_hypercoag_2023"]
        }
        "protein_c_activity" | "protein_s_free" | "antithrombin_activity" => {
            &["dobry_2018", "el_azhary_2016"]
        }
        "factor_v_leiden" | "prothrombin_g20210a" => &["el_azhary_2016"],
        "lupus_anticoagulant"
        | "anticardiolipin_igg"
        | "anticardiolipin_igm"
        | "anti_b2gp1_igg"
        | "anti_b2gp1_igm" => &["dobry_2018", "miyakis_2006"],
        _ => &["dobry_2018"],
    }
}

const ANTIPHOSPHOLIPID: &[&str] = &[
    "lupus_anticoagulant",
    "anticardiolipin_igg",
    "anticardiolipin_igm",
    "anti_b2gp1_igg",
    "anti_b2gp1_igm",
];

pub fn assess_workup(inputs: &Inputs, lang: Lang) -> Workup {
    let items: Vec<WorkupItem> = WORKUP_PANEL
        .iter()
        .filter_map(|test| lab(test))
        .map(|lab| interpret(lab.id, inputs, lang))
        .collect();
    let summary = summarise(&items, lang);
    Workup { items, summary }
}

/// One test of the panel in this patient.
pub fn interpret(test: &'static str, inputs: &Inputs, lang: Lang) -> WorkupItem {
    let lab = lab(test).expect("panel tests are in the catalogue");
    let value = inputs.lab(test);
    let mut item = WorkupItem {
        test,
        name: lab.name(lang),
        status: WorkupStatus::ToOrder,
        direction: None,
        result: value.map(|v| v.describe(lang)),
        reference: value
            .map(|v| v.describe_reference(lang))
            .unwrap_or_else(|| describe_reference_of(lab, lang)),
        notes: Vec::new(),
        about: Some(lab.note_in(lang)).filter(|note| !note.is_empty()),
        sources: panel_sources(test).to_vec(),
    };

    let flag = value.map(LabValue::flag);
    let direction = match (value, flag) {
        (Some(LabValue::Qualitative { .. }), Some(Some(Flag::High))) => Some(Direction::Positive),
        (_, Some(Some(Flag::High))) => Some(Direction::High),
        (_, Some(Some(Flag::Low))) => Some(Direction::Low),
        _ => None,
    };
    item.status = match flag {
        None => WorkupStatus::ToOrder,
        Some(None) => {
            item.notes.push(
                lang.pick(
                    "indeterminate result: repeat the test",
                    "结果不确定：请复查",
                )
                .to_string(),
            );
            WorkupStatus::Uninterpretable
        }
        Some(Some(Flag::Normal)) => WorkupStatus::Normal,
        Some(Some(_)) => WorkupStatus::Abnormal,
    };
    if item.status == WorkupStatus::Abnormal {
        item.direction = direction;
    }

    for confounder in CONFOUNDERS.iter().filter(|c| c.tests.contains(&test)) {
        let active: Vec<&str> = confounder
            .findings
            .iter()
            .copied()
            .filter(|id| inputs.finding(id) == Some(true))
            .collect();
        if active.is_empty() {
            continue;
        }
        let makes_uninterpretable = match (confounder.pushes, item.status, direction) {
            (_, WorkupStatus::ToOrder | WorkupStatus::Uninterpretable, _) => false,
            (Pushes::Any, _, _) => true,
            (Pushes::Low, WorkupStatus::Abnormal, Some(Direction::Low)) => true,
            (Pushes::High, WorkupStatus::Abnormal, Some(Direction::High | Direction::Positive)) => {
                true
            }
            _ => false,
        };
        let trigger = active
            .iter()
            .map(|id| finding_label(id, lang))
            .collect::<Vec<_>>()
            .join(lang.pick("; ", "、"));
        let reason = confounder.reason.get(lang);
        let advice = confounder.advice.get(lang);
        let note = match (item.status, makes_uninterpretable, advice.is_empty()) {
            (WorkupStatus::ToOrder, _, false) if confounder.pushes != Pushes::Note => tr!(
                lang,
                "{trigger}: {reason}; defer or interpret with care: {advice}",
                "{trigger}：{reason}；暂缓检测或谨慎解读：{advice}"
            ),
            (_, true, false) => tr!(
                lang,
                "uninterpretable ({trigger}): {reason}; {advice}",
                "无法判读（{trigger}）：{reason}；{advice}"
            ),
            (_, true, true) => tr!(
                lang,
                "uninterpretable ({trigger}): {reason}",
                "无法判读（{trigger}）：{reason}"
            ),
            _ => tr!(lang, "{trigger}: {reason}", "{trigger}：{reason}"),
        };
        item.notes.push(note);
        if makes_uninterpretable {
            item.status = WorkupStatus::Uninterpretable;
            item.direction = None;
        }
        for source in confounder.sources {
            if !item.sources.contains(source) {
                item.sources.push(source);
            }
        }
    }

    if ANTIPHOSPHOLIPID.contains(&test) && item.status == WorkupStatus::Abnormal {
        item.notes.push(
            lang.pick(
                "one positive result does not establish antiphospholipid syndrome: repeat at least 12 weeks apart",
                "单次阳性不能确立抗磷脂综合征：需间隔至少 12 周复查",
            )
            .to_string(),
        );
    }
    item
}

fn names(items: &[WorkupItem], status: WorkupStatus, lang: Lang) -> String {
    items
        .iter()
        .filter(|item| item.status == status)
        .map(|item| {
            let name = item.name;
            match item.direction {
                Some(Direction::Low) => tr!(lang, "{name} (low)", "{name}（降低）"),
                Some(Direction::High) => tr!(lang, "{name} (high)", "{name}（升高）"),
                Some(Direction::Positive) => tr!(lang, "{name} (positive)", "{name}（阳性）"),
                None => name.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(lang.pick(", ", "、"))
}

fn summarise(items: &[WorkupItem], lang: Lang) -> String {
    let to_order = names(items, WorkupStatus::ToOrder, lang);
    let abnormal = names(items, WorkupStatus::Abnormal, lang);
    let uninterpretable = names(items, WorkupStatus::Uninterpretable, lang);
    let ordered = items
        .iter()
        .filter(|item| item.status == WorkupStatus::ToOrder)
        .count();
    let done = items.len() - ordered;
    let total = items.len();
    let mut parts = vec![tr!(
        lang,
        "{done} of {total} panel tests have a result.",
        "检查组合 {total} 项中已有 {done} 项结果。"
    )];
    if !abnormal.is_empty() {
        parts.push(tr!(lang, "Abnormal: {abnormal}.", "异常：{abnormal}。"));
    }
    if !uninterpretable.is_empty() {
        parts.push(tr!(
            lang,
            "Cannot be interpreted in this patient now: {uninterpretable}.",
            "该患者目前无法判读：{uninterpretable}。"
        ));
    }
    if to_order.is_empty() {
        parts.push(
            lang.pick("Nothing left to order.", "无需再开检查。")
                .to_string(),
        );
    } else {
        parts.push(tr!(lang, "To order: {to_order}.", "待开检查：{to_order}。"));
    }
    parts.join(lang.pick(" ", ""))
}
