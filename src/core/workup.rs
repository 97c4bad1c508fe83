//! The hypercoagulability workup (`clinical.md` §5): the whole panel in its order, each test
//! to order, normal, abnormal (with direction) or uninterpretable, with the confounders that
//! make a result untrustworthy in this patient.

use crate::core::i18n::msg;
use serde::Serialize;

use super::findings::FindingId;
use super::i18n::{Lang, Text};
use super::inputs::{describe_reference_of, Flag, Inputs, LabValue};
use super::labs::{lab, LabId, WORKUP_PANEL};
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
    pub test: LabId,
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
    findings: &'static [FindingId],
    tests: &'static [LabId],
    pushes: Pushes,
    reason: Text,
    /// Empty (in both languages) when there is nothing to do but note it.
    advice: Text,
    sources: &'static [&'static str],
}

const PC_PS: &[LabId] = &[LabId::ProteinCActivity, LabId::ProteinSFree];
const PC_PS_AT: &[LabId] = &[
    LabId::ProteinCActivity,
    LabId::ProteinSFree,
    LabId::AntithrombinActivity,
];
const ACUTE: &[FindingId] = &[
    FindingId::AcuteThrombosis,
    FindingId::Sepsis,
    FindingId::AcuteInflammation,
];

/// The confounders of §5, each with its source. Order is the order notes appear in.
const CONFOUNDERS: &[Confounder] = &[
    Confounder {
        findings: &[FindingId::Warfarin],
        tests: PC_PS,
        pushes: Pushes::Low,
        reason: msg::workup::WARFARIN_VITAMIN_K_ANTAGONIST_LOWERS,
        advice: msg::workup::REPEAT_AT_LEAST_2_WEEKS,
        sources: &["marlar_2014", "baglin_2010"],
    },
    Confounder {
        findings: &[FindingId::Warfarin],
        tests: &[LabId::AntithrombinActivity],
        pushes: Pushes::Note,
        reason: msg::workup::ANTITHROMBIN_MAY_RISE_ON_WARFARIN,
        advice: msg::workup::EMPTY,
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &[FindingId::Warfarin],
        tests: &[LabId::LupusAnticoagulant],
        pushes: Pushes::High,
        reason: msg::workup::LUPUS_ANTICOAGULANT_CLOTTING_TESTS_GIVE,
        advice: msg::workup::INTERPRET_ONLY_WITH_THE_LABORATORY,
        sources: &["devreese_2020_la"],
    },
    Confounder {
        findings: &[FindingId::Warfarin],
        tests: &[LabId::PtInr],
        pushes: Pushes::Note,
        reason: msg::workup::A_PROLONGED_INR_IS_THE,
        advice: msg::workup::EMPTY,
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &[FindingId::Heparin],
        tests: &[LabId::LupusAnticoagulant],
        pushes: Pushes::High,
        reason: msg::workup::HEPARIN_CAN_CAUSE_A_FALSE,
        advice: msg::workup::TEST_WHEN_HEPARIN_IS_STOPPED,
        sources: &["devreese_2020_la"],
    },
    Confounder {
        findings: &[FindingId::Heparin],
        tests: &[LabId::AntithrombinActivity],
        pushes: Pushes::Low,
        reason: msg::workup::HEPARIN_LOWERS_ANTITHROMBIN_ACTIVITY,
        advice: msg::workup::REPEAT_AFTER_HEPARIN_IS_STOPPED,
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &[FindingId::Heparin],
        tests: &[LabId::Aptt],
        pushes: Pushes::Note,
        reason: msg::workup::UNFRACTIONATED_HEPARIN_PROLONGS_THE_APTT,
        advice: msg::workup::EMPTY,
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &[FindingId::Doac],
        tests: &[LabId::LupusAnticoagulant],
        pushes: Pushes::High,
        reason: msg::workup::DIRECT_ORAL_ANTICOAGULANTS_CAUSE_FALSE,
        advice: msg::workup::TEST_OFF_THE_DOAC_TIMING,
        sources: &["devreese_2020_la"],
    },
    Confounder {
        findings: &[FindingId::Doac],
        tests: &[LabId::AntithrombinActivity],
        pushes: Pushes::Any,
        reason: msg::workup::DIRECT_ORAL_ANTICOAGULANTS_INTERFERE_WITH,
        advice: msg::workup::REPEAT_OFF_THE_DOAC,
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &[FindingId::Doac],
        tests: PC_PS,
        pushes: Pushes::Note,
        reason: msg::workup::CLOT_BASED_PROTEIN_C_AND,
        advice: msg::workup::EMPTY,
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: ACUTE,
        tests: PC_PS_AT,
        pushes: Pushes::Low,
        reason: msg::workup::PROTEIN_C_PROTEIN_S_AND,
        advice: msg::workup::REPEAT_WHEN_THE_PATIENT_IS,
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: ACUTE,
        tests: &[LabId::FactorViiiActivity, LabId::Fibrinogen],
        pushes: Pushes::High,
        reason: msg::workup::FACTOR_VIII_AND_FIBRINOGEN_ARE,
        advice: msg::workup::REPEAT_WHEN_THE_PATIENT_IS,
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &[FindingId::LiverDisease],
        tests: PC_PS_AT,
        pushes: Pushes::Low,
        reason: msg::workup::LIVER_DISEASE_LOWERS_THE_SYNTHESIS,
        advice: msg::workup::INTERPRET_AGAINST_LIVER_SYNTHETIC_FUNCTION,
        sources: &["marlar_2014"],
    },
    Confounder {
        findings: &[FindingId::NephroticSyndrome],
        tests: &[LabId::AntithrombinActivity],
        pushes: Pushes::Low,
        reason: msg::workup::ANTITHROMBIN_IS_LOST_IN_THE,
        advice: msg::workup::REPEAT_IN_REMISSION,
        sources: &["marlar_2014"],
    },
];

/// Why each test belongs in a calciphylaxis workup.
fn panel_sources(test: LabId) -> &'static [&'static str] {
    match test {
        LabId::Platelets
        | LabId::DDimer
        | LabId::Fibrinogen
        | LabId::Plasminogen
        | LabId::PtInr
        | LabId::Aptt => &["seed_hamsc_hypercoag_2023"],
        LabId::ProteinCActivity | LabId::ProteinSFree | LabId::AntithrombinActivity => {
            &["dobry_2018", "el_azhary_2016"]
        }
        LabId::FactorVLeiden | LabId::ProthrombinG20210a => &["el_azhary_2016"],
        LabId::LupusAnticoagulant
        | LabId::AnticardiolipinIgg
        | LabId::AnticardiolipinIgm
        | LabId::AntiB2gp1Igg
        | LabId::AntiB2gp1Igm => &["dobry_2018", "miyakis_2006"],
        _ => &["dobry_2018"],
    }
}

const ANTIPHOSPHOLIPID: &[LabId] = &[
    LabId::LupusAnticoagulant,
    LabId::AnticardiolipinIgg,
    LabId::AnticardiolipinIgm,
    LabId::AntiB2gp1Igg,
    LabId::AntiB2gp1Igm,
];

pub fn assess_workup(inputs: &Inputs, lang: Lang) -> Workup {
    let items: Vec<WorkupItem> = WORKUP_PANEL
        .iter()
        .map(|&test| interpret(test, inputs, lang))
        .collect();
    let summary = summarise(&items, lang);
    Workup { items, summary }
}

/// One test of the panel in this patient.
pub fn interpret(test: LabId, inputs: &Inputs, lang: Lang) -> WorkupItem {
    let lab = lab(test);
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
                msg::workup::INTERPRET_INDETERMINATE_RESULT_REPEAT_THE_TEST
                    .get(lang)
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
        apply_confounder(&mut item, confounder, direction, inputs, lang);
    }

    if ANTIPHOSPHOLIPID.contains(&test) && item.status == WorkupStatus::Abnormal {
        item.notes.push(
            msg::workup::INTERPRET_ONE_POSITIVE_RESULT_DOES_NOT
                .get(lang)
                .to_string(),
        );
    }
    item
}

/// A confounder of this test: when one of its findings is recorded, its note, and the result
/// made uninterpretable when the confounder could have caused it.
fn apply_confounder(
    item: &mut WorkupItem,
    confounder: &Confounder,
    direction: Option<Direction>,
    inputs: &Inputs,
    lang: Lang,
) {
    let active: Vec<FindingId> = confounder
        .findings
        .iter()
        .copied()
        .filter(|&id| inputs.finding(id) == Some(true))
        .collect();
    if active.is_empty() {
        return;
    }
    let makes_uninterpretable = match (confounder.pushes, item.status, direction) {
        (_, WorkupStatus::ToOrder | WorkupStatus::Uninterpretable, _) => false,
        (Pushes::Any, _, _) => true,
        (Pushes::Low, WorkupStatus::Abnormal, Some(Direction::Low)) => true,
        (Pushes::High, WorkupStatus::Abnormal, Some(Direction::High | Direction::Positive)) => true,
        _ => false,
    };
    let trigger = active
        .iter()
        .map(|&id| finding_label(id, lang))
        .collect::<Vec<_>>()
        .join(msg::workup::INTERPRET_TEXT.get(lang));
    item.notes.push(confounder_note(
        confounder,
        item.status,
        makes_uninterpretable,
        &trigger,
        lang,
    ));
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

/// The note a confounder adds, by whether the test is still to order and whether the result
/// is now uninterpretable.
fn confounder_note(
    confounder: &Confounder,
    status: WorkupStatus,
    makes_uninterpretable: bool,
    trigger: &str,
    lang: Lang,
) -> String {
    let reason = confounder.reason.get(lang);
    let advice = confounder.advice.get(lang);
    match (status, makes_uninterpretable, advice.is_empty()) {
        (WorkupStatus::ToOrder, _, false) if confounder.pushes != Pushes::Note => tr!(
            lang,
            msg::workup::INTERPRET_TRIGGER_REASON_DEFER_OR_INTERPRET,
            advice,
            reason,
            trigger
        ),
        (_, true, false) => tr!(
            lang,
            msg::workup::INTERPRET_UNINTERPRETABLE_TRIGGER_REASON_ADVICE,
            advice,
            reason,
            trigger
        ),
        (_, true, true) => tr!(
            lang,
            msg::workup::INTERPRET_UNINTERPRETABLE_TRIGGER_REASON,
            reason,
            trigger
        ),
        _ => tr!(lang, msg::workup::INTERPRET_TRIGGER_REASON, reason, trigger),
    }
}

fn names(items: &[WorkupItem], status: WorkupStatus, lang: Lang) -> String {
    items
        .iter()
        .filter(|item| item.status == status)
        .map(|item| {
            let name = item.name;
            match item.direction {
                Some(Direction::Low) => tr!(lang, msg::workup::NAMES_NAME_LOW, name),
                Some(Direction::High) => tr!(lang, msg::workup::NAMES_NAME_HIGH, name),
                Some(Direction::Positive) => tr!(lang, msg::workup::NAMES_NAME_POSITIVE, name),
                None => name.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(msg::common::LIST_SEPARATOR.get(lang))
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
        msg::workup::SUMMARISE_DONE_OF_TOTAL_PANEL_TESTS,
        done,
        total
    )];
    if !abnormal.is_empty() {
        parts.push(tr!(
            lang,
            msg::workup::SUMMARISE_ABNORMAL_ABNORMAL,
            abnormal
        ));
    }
    if !uninterpretable.is_empty() {
        parts.push(tr!(
            lang,
            msg::workup::SUMMARISE_CANNOT_BE_INTERPRETED_IN_THIS,
            uninterpretable
        ));
    }
    if to_order.is_empty() {
        parts.push(
            msg::workup::SUMMARISE_NOTHING_LEFT_TO_ORDER
                .get(lang)
                .to_string(),
        );
    } else {
        parts.push(tr!(
            lang,
            msg::workup::SUMMARISE_TO_ORDER_TO_ORDER,
            to_order
        ));
    }
    parts.join(msg::workup::SUMMARISE_SENTENCE_SEPARATOR.get(lang))
}
