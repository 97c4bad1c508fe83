//! The hypercoagulability workup (`clinical.md` §5): the whole panel in its order, each test
//! to order, normal, abnormal (with direction) or uninterpretable, with the confounders that
//! make a result untrustworthy in this patient.

use crate::core::i18n::msg;
use serde::Serialize;

use super::antiphospholipid::{self, AplTitre, Persistence, ANTIPHOSPHOLIPID};
use super::case::{CkdStage, Dialysis, Sex, TherapyTrial};
use super::field_path::FieldPath;
use super::findings::{FindingId, Therapy};
use super::i18n::{Lang, Text};
use super::inputs::{describe_reference_of, Flag, Inputs, LabValue};
use super::labs::{decimals_written, fmt_number, lab, LabId, WORKUP_PANEL};
use super::logic::Presence;
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
    /// For an abnormal result: the confounders that could have caused it and are not
    /// recorded, as the fields to record (for a low result its acquired causes; for a high
    /// or positive one the anticoagulants or acute illness that could raise it). Until
    /// they are, the result is not counted (unknown is never absent).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub to_record: Vec<FieldPath>,
    /// Anticardiolipin and anti-β2GPI: the titre as the 2023 ACR/EULAR criteria grade it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub titre: Option<AplTitre>,
    /// A criteria-positive antiphospholipid test: whether positivity is shown persistent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub persistence: Option<Persistence>,
    /// A high homocysteine in kidney failure: expected there, not a thrombophilia marker.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub expected_in_kidney_failure: bool,
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
pub enum Pushes {
    /// A low result may be caused by the confounder. Each of these must be recorded false
    /// before a low result counts as a deficiency (item 1 of issue 14).
    Low,
    /// A high (or positive) result may be caused by the confounder.
    High,
    /// Any result is unreliable (the assay itself is interfered with).
    Any,
    /// The result stays interpretable; the note is context.
    Note,
}

/// Weeks off a vitamin K antagonist before the sample after which it no longer acts on
/// protein C and S: the conservative end of the 2–4 weeks the spec gives (sources read say
/// at least 2 weeks, e.g. "≥14 days after stopping anticoagulation therapy", Minuk 2010).
pub const VKA_WASHOUT_WEEKS: f64 = 4.0;

/// The INR below which a vitamin K antagonist no longer bars lupus anticoagulant testing
/// (ISTH 2009: "1–2 wk after treatment discontinuation or when INR <1.5").
pub const LA_INR_BELOW: f64 = 1.5;

/// Whether a vitamin K antagonist acts on the sample now. `findings.warfarin` is the
/// exposure (a risk factor even after stopping); this is its current effect on the tests.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum VkaEffect {
    /// `warfarin: false`.
    NotTaken,
    /// `warfarin` not recorded.
    NotRecorded,
    /// On a vitamin K antagonist: no `stop_warfarin` recorded (or recorded as not tried).
    Current,
    /// Stopped fewer than [`VKA_WASHOUT_WEEKS`] weeks before the sample.
    StoppedRecently(f64),
    /// Stopped, but the weeks from stopping to the sample are not recorded: still current.
    StoppedWeeksUnknown,
    /// Stopped at least [`VKA_WASHOUT_WEEKS`] weeks before the sample.
    WashedOut(f64),
}

impl VkaEffect {
    pub fn of(inputs: &Inputs) -> Self {
        match inputs.finding(FindingId::Warfarin) {
            None => return VkaEffect::NotRecorded,
            Some(false) => return VkaEffect::NotTaken,
            Some(true) => {}
        }
        let stop = inputs
            .case
            .therapies_tried
            .as_ref()
            .and_then(|therapies| therapies.get(Therapy::StopWarfarin.id()));
        match stop {
            None | Some(TherapyTrial::NotTried) => VkaEffect::Current,
            Some(TherapyTrial::Tried | TherapyTrial::Detail { weeks: None, .. }) => {
                VkaEffect::StoppedWeeksUnknown
            }
            Some(TherapyTrial::Detail {
                weeks: Some(weeks), ..
            }) if *weeks >= VKA_WASHOUT_WEEKS => VkaEffect::WashedOut(*weeks),
            Some(TherapyTrial::Detail {
                weeks: Some(weeks), ..
            }) => VkaEffect::StoppedRecently(*weeks),
        }
    }

    /// Present while the antagonist still acts on the sample; unknown when warfarin is not
    /// recorded.
    pub fn current(self) -> Presence {
        match self {
            VkaEffect::Current | VkaEffect::StoppedRecently(_) | VkaEffect::StoppedWeeksUnknown => {
                Presence::Present
            }
            VkaEffect::NotTaken | VkaEffect::WashedOut(_) => Presence::Absent,
            VkaEffect::NotRecorded => Presence::Unknown,
        }
    }

    /// Why the antagonist is (or is not) current, in words.
    fn describe(self, lang: Lang) -> String {
        let limit = fmt_number(VKA_WASHOUT_WEEKS, 0);
        match self {
            VkaEffect::StoppedRecently(weeks) => {
                let weeks = fmt_number(weeks, decimals_written(weeks));
                tr!(lang, msg::workup::VKA_STOPPED_RECENTLY, limit, weeks)
            }
            VkaEffect::StoppedWeeksUnknown => {
                msg::workup::VKA_STOPPED_WEEKS_UNKNOWN.get(lang).to_string()
            }
            VkaEffect::WashedOut(weeks) => {
                let weeks = fmt_number(weeks, decimals_written(weeks));
                tr!(lang, msg::workup::VKA_WASHED_OUT, limit, weeks)
            }
            _ => msg::workup::VKA_CURRENT.get(lang).to_string(),
        }
    }
}

/// What sets a confounder off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Trigger {
    Finding(FindingId),
    /// A vitamin K antagonist acting on the sample ([`VkaEffect::current`]).
    CurrentVka,
    /// Stopped long enough before the sample: a note only.
    VkaWashedOut,
    /// A current vitamin K antagonist without an INR below 1.5 recorded.
    VkaWithoutLowInr,
    /// A current vitamin K antagonist with an INR below 1.5 recorded.
    VkaWithLowInr,
    /// Pregnancy (`pregnancy_or_lactation`), absent for a male patient.
    Pregnancy,
    /// Haemodialysis: heparin in the circuit.
    Haemodialysis,
    /// Kidney failure: on dialysis, or CKD stage 5.
    KidneyFailure,
    /// Chronic kidney disease of any stage, or on dialysis.
    Ckd,
}

/// A trigger in this patient: present (with its words), absent, or not recorded (with the
/// field to record).
enum Triggered {
    Present(String),
    Absent,
    NotRecorded(FieldPath),
}

fn finding_triggered(inputs: &Inputs, id: FindingId, lang: Lang) -> Triggered {
    match inputs.finding(id) {
        Some(true) => Triggered::Present(finding_label(id, lang)),
        Some(false) => Triggered::Absent,
        None => Triggered::NotRecorded(FieldPath::finding(id.id())),
    }
}

/// The vitamin K antagonist as it acts on the sample: not recorded names `warfarin`; a
/// stop without weeks is current, and the weeks are what to record.
fn vka_triggered(inputs: &Inputs, lang: Lang) -> Triggered {
    let effect = VkaEffect::of(inputs);
    match effect.current() {
        Presence::Present => Triggered::Present(effect.describe(lang)),
        Presence::Absent => Triggered::Absent,
        Presence::Unknown => Triggered::NotRecorded(FieldPath::finding(FindingId::Warfarin.id())),
    }
}

/// Whether an INR below 1.5 is recorded.
fn inr_below_la_limit(inputs: &Inputs) -> bool {
    inputs
        .lab_canonical(LabId::PtInr)
        .is_some_and(|inr| inr < LA_INR_BELOW)
}

fn triggered(trigger: Trigger, inputs: &Inputs, lang: Lang) -> Triggered {
    let present = |yes: bool, words: String| match yes {
        true => Triggered::Present(words),
        false => Triggered::Absent,
    };
    let effect = VkaEffect::of(inputs);
    let current = effect.current() == Presence::Present;
    let inr_low = inr_below_la_limit(inputs);
    let limit = fmt_number(LA_INR_BELOW, 1);
    match trigger {
        Trigger::Finding(id) => finding_triggered(inputs, id, lang),
        Trigger::CurrentVka => vka_triggered(inputs, lang),
        Trigger::VkaWashedOut => present(
            matches!(effect, VkaEffect::WashedOut(_)),
            effect.describe(lang),
        ),
        Trigger::VkaWithoutLowInr if effect == VkaEffect::NotRecorded && !inr_low => {
            Triggered::NotRecorded(FieldPath::finding(FindingId::Warfarin.id()))
        }
        Trigger::VkaWithoutLowInr => {
            let vka = effect.describe(lang);
            present(
                current && !inr_low,
                tr!(lang, msg::workup::VKA_WITHOUT_LOW_INR, limit, vka),
            )
        }
        Trigger::VkaWithLowInr => {
            let vka = effect.describe(lang);
            present(
                current && inr_low,
                tr!(lang, msg::workup::VKA_WITH_LOW_INR, limit, vka),
            )
        }
        Trigger::Pregnancy => match inputs.case.patient.sex {
            Some(Sex::Male) => Triggered::Absent,
            _ => finding_triggered(inputs, FindingId::PregnancyOrLactation, lang),
        },
        Trigger::Haemodialysis => present(
            inputs.case.kidney.dialysis == Some(Dialysis::Hemodialysis),
            msg::workup::ON_HAEMODIALYSIS.get(lang).to_string(),
        ),
        Trigger::KidneyFailure => present(
            kidney_failure(inputs),
            msg::workup::IN_KIDNEY_FAILURE.get(lang).to_string(),
        ),
        Trigger::Ckd => present(
            kidney_failure(inputs)
                || inputs
                    .case
                    .kidney
                    .ckd_stage
                    .is_some_and(|stage| stage != CkdStage::None),
            msg::workup::IN_CHRONIC_KIDNEY_DISEASE.get(lang).to_string(),
        ),
    }
}

/// On dialysis, or CKD stage 5: where homocysteine is expected to be high.
fn kidney_failure(inputs: &Inputs) -> bool {
    inputs.on_dialysis() == Some(true)
        || matches!(
            inputs.case.kidney.ckd_stage,
            Some(CkdStage::G5 | CkdStage::G5D)
        )
}

struct Confounder {
    /// Any of these being present triggers it.
    triggers: &'static [Trigger],
    tests: &'static [LabId],
    pushes: Pushes,
    reason: Text,
    /// Empty (in both languages) when there is nothing to do but note it.
    advice: Text,
    sources: &'static [&'static str],
}

use Trigger::Finding as T;

const PS: &[LabId] = &[LabId::ProteinSFree];
const PC_PS: &[LabId] = &[LabId::ProteinCActivity, LabId::ProteinSFree];
const PC_PS_AT: &[LabId] = &[
    LabId::ProteinCActivity,
    LabId::ProteinSFree,
    LabId::AntithrombinActivity,
];
const AT: &[LabId] = &[LabId::AntithrombinActivity];
const LA: &[LabId] = &[LabId::LupusAnticoagulant];
const ACUTE: &[Trigger] = &[
    T(FindingId::AcuteThrombosis),
    T(FindingId::Sepsis),
    T(FindingId::AcuteInflammation),
];

/// The confounders of §5, each with its source. Order is the order notes appear in.
/// The `Low` rows are, per test, the acquired causes a low result must be cleared of:
/// protein C and free protein S — current VKA, vitamin K deficiency, liver disease, acute
/// thrombosis, sepsis, acute inflammation; free protein S also pregnancy, oestrogen and
/// nephrotic syndrome; antithrombin — heparin, liver disease, nephrotic syndrome, acute
/// thrombosis, sepsis.
const CONFOUNDERS: &[Confounder] = &[
    Confounder {
        triggers: &[Trigger::CurrentVka],
        tests: PC_PS,
        pushes: Pushes::Low,
        reason: msg::workup::WARFARIN_VITAMIN_K_ANTAGONIST_LOWERS,
        advice: msg::workup::REPEAT_4_WEEKS_AFTER_STOPPING_VKA,
        sources: &["marlar_2014", "minuk_2010"],
    },
    Confounder {
        triggers: &[Trigger::VkaWashedOut],
        tests: PC_PS,
        pushes: Pushes::Note,
        reason: msg::workup::TAKEN_AS_OFF_THE_VKA,
        advice: msg::workup::EMPTY,
        sources: &["minuk_2010"],
    },
    Confounder {
        triggers: &[T(FindingId::VitaminKDeficiency)],
        tests: PC_PS,
        pushes: Pushes::Low,
        reason: msg::workup::VITAMIN_K_DEFICIENCY_LOWERS,
        advice: msg::workup::REPEAT_AFTER_VITAMIN_K_REPLETION,
        sources: &["marlar_2014", "d_angelo_1988"],
    },
    Confounder {
        triggers: &[Trigger::CurrentVka],
        tests: AT,
        pushes: Pushes::Note,
        reason: msg::workup::ANTITHROMBIN_MAY_RISE_ON_WARFARIN,
        advice: msg::workup::EMPTY,
        sources: &["marlar_2014"],
    },
    Confounder {
        triggers: &[Trigger::VkaWithoutLowInr],
        tests: LA,
        pushes: Pushes::Any,
        reason: msg::workup::LA_FALSE_RESULTS_ON_VKA,
        advice: msg::workup::LA_TEST_OFF_VKA,
        sources: &["favaloro_2022_la", "pengo_2009_la"],
    },
    Confounder {
        triggers: &[Trigger::VkaWithLowInr],
        tests: LA,
        pushes: Pushes::Note,
        reason: msg::workup::LA_TESTABLE_AT_LOW_INR,
        advice: msg::workup::EMPTY,
        sources: &["favaloro_2022_la", "pengo_2009_la"],
    },
    Confounder {
        triggers: &[Trigger::CurrentVka],
        tests: &[LabId::PtInr],
        pushes: Pushes::Note,
        reason: msg::workup::A_PROLONGED_INR_IS_THE,
        advice: msg::workup::EMPTY,
        sources: &["marlar_2014"],
    },
    Confounder {
        triggers: &[T(FindingId::Heparin)],
        tests: LA,
        pushes: Pushes::Note,
        reason: msg::workup::LA_HEPARIN_NEUTRALISER,
        advice: msg::workup::EMPTY,
        sources: &["tripodi_2020_la", "favaloro_2022_la"],
    },
    Confounder {
        triggers: &[Trigger::Haemodialysis],
        tests: LA,
        pushes: Pushes::Note,
        reason: msg::workup::DRAW_BEFORE_DIALYSIS,
        advice: msg::workup::EMPTY,
        sources: &[],
    },
    Confounder {
        triggers: &[T(FindingId::Heparin)],
        tests: AT,
        pushes: Pushes::Low,
        reason: msg::workup::HEPARIN_LOWERS_ANTITHROMBIN_ACTIVITY,
        advice: msg::workup::REPEAT_AFTER_HEPARIN_IS_STOPPED,
        sources: &["marlar_2014", "van_cott_2020_at"],
    },
    Confounder {
        triggers: &[T(FindingId::Heparin)],
        tests: &[LabId::Aptt],
        pushes: Pushes::Note,
        reason: msg::workup::UNFRACTIONATED_HEPARIN_PROLONGS_THE_APTT,
        advice: msg::workup::EMPTY,
        sources: &["marlar_2014"],
    },
    Confounder {
        triggers: &[T(FindingId::Doac)],
        tests: LA,
        pushes: Pushes::Any,
        reason: msg::workup::DIRECT_ORAL_ANTICOAGULANTS_CAUSE_FALSE,
        advice: msg::workup::TEST_OFF_THE_DOAC_TIMING,
        sources: &["favaloro_2022_la", "tripodi_2020_la"],
    },
    Confounder {
        triggers: &[T(FindingId::Doac)],
        tests: AT,
        pushes: Pushes::Any,
        reason: msg::workup::DIRECT_ORAL_ANTICOAGULANTS_INTERFERE_WITH,
        advice: msg::workup::REPEAT_OFF_THE_DOAC,
        sources: &["marlar_2014", "van_cott_2020_at"],
    },
    Confounder {
        triggers: &[T(FindingId::Doac)],
        tests: PC_PS,
        pushes: Pushes::Note,
        reason: msg::workup::CLOT_BASED_PROTEIN_C_AND,
        advice: msg::workup::EMPTY,
        sources: &["marlar_2014"],
    },
    Confounder {
        triggers: ACUTE,
        tests: PC_PS,
        pushes: Pushes::Low,
        reason: msg::workup::PROTEIN_C_PROTEIN_S_AND,
        advice: msg::workup::REPEAT_WHEN_THE_PATIENT_IS,
        sources: &["marlar_2014", "d_angelo_1988"],
    },
    Confounder {
        triggers: &[T(FindingId::AcuteThrombosis), T(FindingId::Sepsis)],
        tests: AT,
        pushes: Pushes::Low,
        reason: msg::workup::ANTITHROMBIN_FALLS_IN_THROMBOSIS_SEPSIS,
        advice: msg::workup::REPEAT_WHEN_THE_PATIENT_IS,
        sources: &["marlar_2014", "van_cott_2020_at"],
    },
    Confounder {
        triggers: ACUTE,
        tests: &[LabId::FactorViiiActivity, LabId::Fibrinogen],
        pushes: Pushes::High,
        reason: msg::workup::FACTOR_VIII_AND_FIBRINOGEN_ARE,
        advice: msg::workup::REPEAT_WHEN_THE_PATIENT_IS,
        sources: &["marlar_2014"],
    },
    Confounder {
        triggers: &[T(FindingId::LiverDisease)],
        tests: PC_PS_AT,
        pushes: Pushes::Low,
        reason: msg::workup::LIVER_DISEASE_LOWERS_THE_SYNTHESIS,
        advice: msg::workup::INTERPRET_AGAINST_LIVER_SYNTHETIC_FUNCTION,
        sources: &["marlar_2014", "d_angelo_1988", "van_cott_2020_at"],
    },
    Confounder {
        triggers: &[T(FindingId::NephroticSyndrome)],
        tests: AT,
        pushes: Pushes::Low,
        reason: msg::workup::ANTITHROMBIN_IS_LOST_IN_THE,
        advice: msg::workup::REPEAT_IN_REMISSION,
        sources: &["marlar_2014", "van_cott_2020_at"],
    },
    Confounder {
        triggers: &[T(FindingId::NephroticSyndrome)],
        tests: PS,
        pushes: Pushes::Low,
        reason: msg::workup::FREE_PROTEIN_S_NEPHROTIC,
        advice: msg::workup::REPEAT_IN_REMISSION,
        sources: &["marlar_2014"],
    },
    Confounder {
        triggers: &[Trigger::KidneyFailure],
        tests: &[LabId::Homocysteine],
        pushes: Pushes::Note,
        reason: msg::workup::HOMOCYSTEINE_EXPECTED_IN_KIDNEY_FAILURE,
        advice: msg::workup::EMPTY,
        sources: &["robinson_1996_homocysteine"],
    },
    Confounder {
        triggers: &[Trigger::Ckd],
        tests: &[LabId::DDimer],
        pushes: Pushes::Note,
        reason: msg::workup::D_DIMER_RISES_IN_CKD,
        advice: msg::workup::EMPTY,
        sources: &["gubensek_2016_d_dimer"],
    },
    Confounder {
        triggers: &[Trigger::Ckd],
        tests: &[LabId::FactorViiiActivity],
        pushes: Pushes::Note,
        reason: msg::workup::FACTOR_VIII_RISES_IN_CKD,
        advice: msg::workup::EMPTY,
        sources: &["cheung_2018_factor_viii"],
    },
    Confounder {
        triggers: &[Trigger::Pregnancy],
        tests: PS,
        pushes: Pushes::Low,
        reason: msg::workup::FREE_PROTEIN_S_PREGNANCY,
        advice: msg::workup::REPEAT_AFTER_PREGNANCY,
        sources: &["protein_s_hormones_1987"],
    },
    Confounder {
        triggers: &[T(FindingId::OestrogenTherapy)],
        tests: PS,
        pushes: Pushes::Low,
        reason: msg::workup::FREE_PROTEIN_S_OESTROGEN,
        advice: msg::workup::REPEAT_OFF_OESTROGEN,
        sources: &["protein_s_hormones_1987"],
    },
];

/// One confounder of the table in words, for the static "about" pages: what sets it off,
/// which tests it touches and how, why, what to do and its sources.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfounderRow {
    pub tests: &'static [LabId],
    /// Any of these sets it off.
    pub when: Vec<String>,
    pub pushes: Pushes,
    pub reason: &'static str,
    /// Empty when there is nothing to do but note it.
    pub advice: &'static str,
    pub sources: &'static [&'static str],
}

/// The trigger in general words (not this patient's): the page lists every rule.
fn trigger_words(trigger: Trigger, lang: Lang) -> String {
    let vka = msg::workup::VKA_CURRENT.get(lang);
    let limit = fmt_number(LA_INR_BELOW, 1);
    match trigger {
        Trigger::Finding(id) => finding_label(id, lang),
        Trigger::CurrentVka => vka.to_string(),
        Trigger::VkaWashedOut => {
            let limit = fmt_number(VKA_WASHOUT_WEEKS, 0);
            tr!(lang, msg::about::TRIGGER_VKA_WASHED_OUT, limit)
        }
        Trigger::VkaWithoutLowInr => tr!(lang, msg::workup::VKA_WITHOUT_LOW_INR, limit, vka),
        Trigger::VkaWithLowInr => tr!(lang, msg::workup::VKA_WITH_LOW_INR, limit, vka),
        Trigger::Pregnancy => finding_label(FindingId::PregnancyOrLactation, lang),
        Trigger::Haemodialysis => msg::workup::ON_HAEMODIALYSIS.get(lang).to_string(),
        Trigger::KidneyFailure => msg::workup::IN_KIDNEY_FAILURE.get(lang).to_string(),
        Trigger::Ckd => msg::workup::IN_CHRONIC_KIDNEY_DISEASE.get(lang).to_string(),
    }
}

/// Every confounder of the workup, in the table's order.
pub fn confounder_rows(lang: Lang) -> Vec<ConfounderRow> {
    CONFOUNDERS
        .iter()
        .map(|c| ConfounderRow {
            tests: c.tests,
            when: c.triggers.iter().map(|&t| trigger_words(t, lang)).collect(),
            pushes: c.pushes,
            reason: c.reason.get(lang),
            advice: c.advice.get(lang),
            sources: c.sources,
        })
        .collect()
}

/// A low protein C, free protein S or antithrombin is a deficiency only once acquired
/// causes are excluded (Kottke-Marchant & Comp 2002; Van Cott 2020).
const LOW_NEEDS_CAUSES_EXCLUDED: &[LabId] = PC_PS_AT;

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
        to_record: Vec::new(),
        titre: None,
        persistence: None,
        expected_in_kidney_failure: false,
        about: Some(lab.note_in(lang)).filter(|note| !note.is_empty()),
        sources: panel_sources(test).to_vec(),
    };

    let flag = value.map(LabValue::flag);
    let direction = direction_of(value, flag);
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
    let direction = grade_titre(&mut item, value, direction);

    for confounder in CONFOUNDERS.iter().filter(|c| c.tests.contains(&test)) {
        apply_confounder(&mut item, confounder, direction, inputs, lang);
    }
    if LOW_NEEDS_CAUSES_EXCLUDED.contains(&test) {
        check_low_result(&mut item, inputs, lang);
    }
    check_high_result(&mut item, inputs, lang);
    if ANTIPHOSPHOLIPID.contains(&test) && item.status == WorkupStatus::Abnormal {
        check_persistence(&mut item, inputs, lang);
    }
    item.expected_in_kidney_failure = test == LabId::Homocysteine
        && item.direction == Some(Direction::High)
        && kidney_failure(inputs);
    item
}

/// Which way a result lies outside its reference.
fn direction_of(value: Option<&LabValue>, flag: Option<Option<Flag>>) -> Option<Direction> {
    match (value, flag) {
        (Some(LabValue::Qualitative { .. }), Some(Some(Flag::High))) => Some(Direction::Positive),
        (_, Some(Some(Flag::High))) => Some(Direction::High),
        (_, Some(Some(Flag::Low))) => Some(Direction::Low),
        _ => None,
    }
}

/// Anticardiolipin and anti-β2GPI: the criteria's grade. A titre of 40 units or more is
/// positive by the criteria even where the laboratory's interval ends higher; below 40 it
/// is noted as below the criteria.
fn grade_titre(
    item: &mut WorkupItem,
    value: Option<&LabValue>,
    direction: Option<Direction>,
) -> Option<Direction> {
    let units = value.and_then(LabValue::canonical);
    item.titre = units.and_then(|units| antiphospholipid::titre(item.test, units));
    let reaches_criteria = matches!(item.titre, Some(AplTitre::Moderate | AplTitre::High));
    if reaches_criteria && item.status == WorkupStatus::Normal {
        item.status = WorkupStatus::Abnormal;
        item.direction = Some(Direction::High);
        return Some(Direction::High);
    }
    direction
}

/// A criteria-positive antiphospholipid result: persistent only when a second positive
/// result is dated at least 12 weeks from another (in the labs or a visit); a titre below
/// the criteria is noted and not graded further.
fn check_persistence(item: &mut WorkupItem, inputs: &Inputs, lang: Lang) {
    use msg::workup as m;
    add_sources(item, &["barbhaiya_2023_aps"]);
    let note = match item.titre {
        Some(AplTitre::BelowCriteria) => {
            item.notes
                .push(m::APL_TITRE_BELOW_CRITERIA.get(lang).to_string());
            return;
        }
        Some(AplTitre::Moderate) => Some(m::APL_TITRE_MODERATE),
        Some(AplTitre::High) => Some(m::APL_TITRE_HIGH),
        None => None,
    };
    item.notes.extend(note.map(|n| n.get(lang).to_string()));
    let persistence = antiphospholipid::persistence(item.test, inputs.case, lang);
    item.persistence = Some(persistence);
    item.notes.push(
        match persistence {
            Persistence::Confirmed => m::APL_PERSISTENT,
            Persistence::Unconfirmed => m::APL_PERSISTENCE_UNCONFIRMED,
        }
        .get(lang)
        .to_string(),
    );
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
    let active: Vec<String> = confounder
        .triggers
        .iter()
        .filter_map(|&trigger| match triggered(trigger, inputs, lang) {
            Triggered::Present(words) => Some(words),
            Triggered::Absent | Triggered::NotRecorded(_) => None,
        })
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
    let trigger = active.join(msg::workup::INTERPRET_TEXT.get(lang));
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
    add_sources(item, confounder.sources);
}

fn add_sources(item: &mut WorkupItem, sources: &[&'static str]) {
    for source in sources {
        if !item.sources.contains(source) {
            item.sources.push(source);
        }
    }
}

/// The confounders of this test that could cause a result in `direction` and are not
/// recorded, in table order, each once: for a low result its acquired causes (`Low`), for
/// a high or positive one what raises it or makes the assay unreliable (`High`, `Any`).
fn unrecorded_causes(
    test: LabId,
    direction: Direction,
    inputs: &Inputs,
    lang: Lang,
) -> Vec<FieldPath> {
    let mut fields: Vec<FieldPath> = Vec::new();
    let causes = CONFOUNDERS.iter().filter(|c| {
        c.tests.contains(&test)
            && match direction {
                Direction::Low => c.pushes == Pushes::Low,
                Direction::High | Direction::Positive => {
                    matches!(c.pushes, Pushes::High | Pushes::Any)
                }
            }
    });
    for trigger in causes.flat_map(|c| c.triggers) {
        if let Triggered::NotRecorded(field) = triggered(*trigger, inputs, lang) {
            if !fields.contains(&field) {
                fields.push(field);
            }
        }
    }
    fields
}

/// A low result that no recorded confounder explains: a deficiency only when every
/// acquired cause is recorded absent; otherwise it stays low, with what to record.
fn check_low_result(item: &mut WorkupItem, inputs: &Inputs, lang: Lang) {
    if item.status != WorkupStatus::Abnormal || item.direction != Some(Direction::Low) {
        return;
    }
    add_sources(item, &["kottke_marchant_2002_pc", "van_cott_2020_at"]);
    item.to_record = unrecorded_causes(item.test, Direction::Low, inputs, lang);
    if item.to_record.is_empty() {
        item.notes.push(
            msg::workup::LOW_CONFIRM_ON_A_NEW_SAMPLE
                .get(lang)
                .to_string(),
        );
        return;
    }
    let fields = item
        .to_record
        .iter()
        .map(|field| field.label(lang))
        .collect::<Vec<_>>()
        .join(msg::common::LIST_SEPARATOR.get(lang));
    item.notes
        .push(tr!(lang, msg::workup::LOW_RECORD_BEFORE_COUNTING, fields));
}

/// A high or positive result whose confounders are not all recorded: it stays abnormal,
/// with what to record before it is interpreted (and it is not counted until then).
fn check_high_result(item: &mut WorkupItem, inputs: &Inputs, lang: Lang) {
    let direction = match item.direction {
        Some(direction @ (Direction::High | Direction::Positive)) => direction,
        _ => return,
    };
    if item.status != WorkupStatus::Abnormal {
        return;
    }
    item.to_record = unrecorded_causes(item.test, direction, inputs, lang);
    if item.to_record.is_empty() {
        return;
    }
    let fields = item
        .to_record
        .iter()
        .map(|field| field.label(lang))
        .collect::<Vec<_>>()
        .join(msg::common::LIST_SEPARATOR.get(lang));
    item.notes.push(tr!(
        lang,
        msg::workup::HIGH_RECORD_BEFORE_INTERPRETING,
        fields
    ));
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

/// For each test whose result is held until findings are recorded, what to record to
/// interpret it, in words: the form shows it beside that lab's field.
pub fn record_prompts(workup: &Workup, lang: Lang) -> Vec<(LabId, String)> {
    workup
        .items
        .iter()
        .filter(|item| !item.to_record.is_empty())
        .map(|item| {
            let fields = item
                .to_record
                .iter()
                .map(|field| field.label(lang))
                .collect::<Vec<_>>()
                .join(msg::common::LIST_SEPARATOR.get(lang));
            (
                item.test,
                tr!(lang, msg::workup::RECORD_TO_INTERPRET, fields),
            )
        })
        .collect()
}

fn names(items: &[WorkupItem], status: WorkupStatus, lang: Lang) -> String {
    items
        .iter()
        .filter(|item| item.status == status)
        .map(|item| {
            let name = item.name;
            if item.expected_in_kidney_failure {
                return tr!(
                    lang,
                    msg::workup::NAMES_NAME_HIGH_EXPECTED_IN_KIDNEY_FAILURE,
                    name
                );
            }
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
