//! The hypercoagulability workup (`clinical.md` §5): the whole panel in its order, each test
//! to order, normal, abnormal (with direction) or uninterpretable, with the confounders that
//! make a result untrustworthy in this patient.

use serde::Serialize;

use super::inputs::{describe_reference_of, Flag, Inputs, LabValue};
use super::labs::{lab, WORKUP_PANEL};

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
    pub notes: Vec<String>,
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
    reason: &'static str,
    advice: &'static str,
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
        reason: "warfarin (vitamin K antagonist) lowers protein C and protein S",
        advice: "repeat at least 2 weeks (commonly 2–4) after stopping the vitamin K antagonist, bridging with heparin if anticoagulation must continue",
        sources: &["marlar_2014", "baglin_2010"],
    },
    Confounder {
        findings: &["warfarin"],
        tests: &["antithrombin_activity"],
        pushes: Pushes::Note,
        reason: "antithrombin may rise on warfarin, so a normal value can mask a mild deficiency",
        advice: "",
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["warfarin"],
        tests: &["lupus_anticoagulant"],
        pushes: Pushes::High,
        reason: "lupus anticoagulant clotting tests give false positives on a vitamin K antagonist",
        advice: "interpret only with the laboratory's mixing studies, or repeat off the drug",
        sources: &["devreese_2020_la"],
    },
    Confounder {
        findings: &["warfarin"],
        tests: &["pt_inr"],
        pushes: Pushes::Note,
        reason: "a prolonged INR is the intended effect of a vitamin K antagonist",
        advice: "",
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["heparin"],
        tests: &["lupus_anticoagulant"],
        pushes: Pushes::High,
        reason: "heparin can cause a false-positive lupus anticoagulant",
        advice: "test when heparin is stopped or below the reagent's neutralising capacity",
        sources: &["devreese_2020_la"],
    },
    Confounder {
        findings: &["heparin"],
        tests: &["antithrombin_activity"],
        pushes: Pushes::Low,
        reason: "heparin lowers antithrombin activity",
        advice: "repeat after heparin is stopped",
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["heparin"],
        tests: &["aptt"],
        pushes: Pushes::Note,
        reason: "unfractionated heparin prolongs the aPTT",
        advice: "",
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["doac"],
        tests: &["lupus_anticoagulant"],
        pushes: Pushes::High,
        reason: "direct oral anticoagulants cause false-positive lupus anticoagulant tests",
        advice: "test off the DOAC (timing per the laboratory), or use a DOAC-neutralising step",
        sources: &["devreese_2020_la"],
    },
    Confounder {
        findings: &["doac"],
        tests: &["antithrombin_activity"],
        pushes: Pushes::Any,
        reason: "direct oral anticoagulants interfere with factor Xa- and thrombin-based antithrombin assays and can hide a deficiency",
        advice: "repeat off the DOAC",
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["doac"],
        tests: PC_PS,
        pushes: Pushes::Note,
        reason: "clot-based protein C and S assays may read falsely high on a DOAC; chromogenic protein C is not affected",
        advice: "",
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: ACUTE,
        tests: PC_PS_AT,
        pushes: Pushes::Low,
        reason: "protein C, protein S and antithrombin fall during acute thrombosis, sepsis or acute inflammation",
        advice: "repeat when the patient is stable",
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: ACUTE,
        tests: &["factor_viii_activity", "fibrinogen"],
        pushes: Pushes::High,
        reason: "factor VIII and fibrinogen are acute-phase reactants and rise in acute illness",
        advice: "repeat when the patient is stable",
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["liver_disease"],
        tests: PC_PS_AT,
        pushes: Pushes::Low,
        reason: "liver disease lowers the synthesis of protein C, protein S and antithrombin",
        advice: "interpret against liver synthetic function (albumin, INR)",
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &["nephrotic_syndrome"],
        tests: &["antithrombin_activity"],
        pushes: Pushes::Low,
        reason: "antithrombin is lost in the urine in nephrotic syndrome",
        advice: "repeat in remission",
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

pub fn assess_workup(inputs: &Inputs) -> Workup {
    let items: Vec<WorkupItem> = WORKUP_PANEL
        .iter()
        .filter_map(|test| lab(test))
        .map(|lab| interpret(lab.id, inputs))
        .collect();
    let summary = summarise(&items);
    Workup { items, summary }
}

/// One test of the panel in this patient.
pub fn interpret(test: &'static str, inputs: &Inputs) -> WorkupItem {
    let lab = lab(test).expect("panel tests are in the catalogue");
    let value = inputs.lab(test);
    let mut item = WorkupItem {
        test,
        name: lab.name_en,
        status: WorkupStatus::ToOrder,
        direction: None,
        result: value.map(LabValue::describe),
        reference: value
            .map(LabValue::describe_reference)
            .unwrap_or_else(|| describe_reference_of(lab)),
        notes: Vec::new(),
        sources: panel_sources(test).to_vec(),
    };
    if !lab.note.is_empty() {
        item.notes.push(lab.note.to_string());
    }

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
            item.notes
                .push("indeterminate result: repeat the test".to_string());
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
        let trigger = active.join(", ").replace('_', " ");
        let note = match (
            item.status,
            makes_uninterpretable,
            confounder.advice.is_empty(),
        ) {
            (WorkupStatus::ToOrder, _, false) if confounder.pushes != Pushes::Note => format!(
                "{trigger}: {}; defer or interpret with care: {}",
                confounder.reason, confounder.advice
            ),
            (_, true, false) => format!(
                "uninterpretable ({trigger}): {}; {}",
                confounder.reason, confounder.advice
            ),
            (_, true, true) => format!("uninterpretable ({trigger}): {}", confounder.reason),
            _ => format!("{trigger}: {}", confounder.reason),
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
            "one positive result does not establish antiphospholipid syndrome: repeat at least 12 weeks apart"
                .to_string(),
        );
    }
    item
}

fn names(items: &[WorkupItem], status: WorkupStatus) -> Vec<String> {
    items
        .iter()
        .filter(|item| item.status == status)
        .map(|item| match item.direction {
            Some(Direction::Low) => format!("{} (low)", item.name),
            Some(Direction::High) => format!("{} (high)", item.name),
            Some(Direction::Positive) => format!("{} (positive)", item.name),
            None => item.name.to_string(),
        })
        .collect()
}

fn summarise(items: &[WorkupItem]) -> String {
    let to_order = names(items, WorkupStatus::ToOrder);
    let abnormal = names(items, WorkupStatus::Abnormal);
    let uninterpretable = names(items, WorkupStatus::Uninterpretable);
    let done = items.len() - to_order.len();
    let mut parts = vec![format!(
        "{done} of {} panel tests have a result.",
        items.len()
    )];
    if !abnormal.is_empty() {
        parts.push(format!("Abnormal: {}.", abnormal.join(", ")));
    }
    if !uninterpretable.is_empty() {
        parts.push(format!(
            "Cannot be interpreted in this patient now: {}.",
            uninterpretable.join(", ")
        ));
    }
    if to_order.is_empty() {
        parts.push("Nothing left to order.".to_string());
    } else {
        parts.push(format!("To order: {}.", to_order.join(", ")));
    }
    parts.join(" ")
}
