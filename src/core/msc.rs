//! MSC (hAMSC) therapy eligibility (`clinical.md` §6). No guideline exists: the criteria
//! mirror the seeds' compassionate-use path and the exclusions of registered MSC trials
//! (every one of which excludes renal failure, so the exclusions are borrowed by analogy).
//! The output is for discussion with a specialist team, not a treatment recommendation.
//!
//! The criteria are data ([`CRITERIA`]); each rule returns a status and a typed [`Reason`],
//! and [`render`] and [`to_record`] are the one place a reason becomes words.

use serde::Serialize;

use super::case::{Biopsy, Issue, Response, Sex, TherapyTrial, TreatmentKind};
use super::diagnosis::{Diagnosis, DiagnosticTier, HayashiCriterion, HayashiStatus};
use super::field_path::FieldPath;
use super::findings::{FindingId, Therapy};
use super::i18n::{msg, Lang, Text};
use super::inputs::Inputs;
use super::logic::{Presence, Status};
use super::risk::{finding_label, RiskFactorId, RiskProfile};
use crate::tr;

id_enum! {
    /// The MSC criteria, in the order they are shown.
    CriterionId {
        DiagnosisEstablished = "diagnosis_established",
        RefractoryToConventional = "refractory_to_conventional",
        InformedConsent = "informed_consent",
        EthicsApproval = "ethics_approval",
        ActiveMalignancy = "active_malignancy",
        ActiveUncontrolledInfection = "active_uncontrolled_infection",
        PregnancyOrLactation = "pregnancy_or_lactation",
        KnownAllergyToProduct = "known_allergy_to_product",
        UncontrolledBleeding = "uncontrolled_bleeding",
        LifeExpectancyTooShort = "life_expectancy_too_short",
        RecentMiOrStroke = "recent_mi_or_stroke",
        SevereHeartFailure = "severe_heart_failure",
        ChronicViralInfection = "chronic_viral_infection",
        PriorCellTherapy = "prior_cell_therapy",
        HepaticFailure = "hepatic_failure",
        AgeUnder18 = "age_under_18",
    }
}

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
    /// What to record to settle it, when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed: Option<String>,
    pub sources: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Msc {
    pub status: MscStatus,
    pub criteria: Vec<MscCriterion>,
    /// The `needed` of every unknown criterion, in order.
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

const SEEDS: &[&str] = &[
    "seed_hamsc_salvage",
    "seed_hamsc_salvage_zh",
    "seed_hamsc_hypercoag_2023",
];

/// The refractory criterion: the seeds' wording, and the reported STS course lengths behind
/// the project's 8-week convention.
const REFRACTORY_SOURCES: &[&str] = &[
    "seed_hamsc_salvage",
    "seed_hamsc_salvage_zh",
    "seed_hamsc_hypercoag_2023",
    "gossett_2023",
    "sprague_2014",
];

/// No published minimum course defines "refractory to sodium thiosulfate": this is the
/// project's convention (reported IV courses 5 weeks to 8 months, Gossett 2023; improvement
/// usually within 2–4 weeks when it works, Sprague 2014).
pub const STS_MINIMUM_WEEKS: f64 = 8.0;

/// Adults only: every registered cell-therapy trial found enrols from 18 years.
const ADULT_AGE_YEARS: f64 = 18.0;

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
    (msg::msc::CONTEXT_TISSUE_FACTOR, "moll_2012"),
    (msg::msc::CONTEXT_THROMBOEMBOLIC_EVENTS, "moll_2022"),
    (
        msg::msc::CONTEXT_TRIALS_EXCLUDE_RENAL_FAILURE,
        "nct04464213",
    ),
    (msg::msc::CONTEXT_SEED_REGISTRATION, "nct04592640"),
    (msg::msc::CONTEXT_STS_REGIMEN, "gossett_2023"),
    (msg::msc::CONTEXT_STS_EVIDENCE, "sts_review_2009"),
];

/// Everything a rule may read.
struct Facts<'a> {
    inputs: &'a Inputs<'a>,
    risk: &'a RiskProfile,
    diagnosis: &'a Diagnosis,
}

enum Rule {
    /// One yes/no finding: "yes" meets the criterion (for an exclusion: the exclusion
    /// applies), "no" leaves it not met, not recorded leaves it unknown.
    Finding(FindingId),
    Custom(for<'a> fn(&Facts<'a>) -> Judgement<'a>),
}

struct CriterionDef {
    id: CriterionId,
    kind: Kind,
    name: Text,
    sources: &'static [&'static str],
    rule: Rule,
}

/// The knowledge base of MSC criteria: inclusions, then exclusions. NCT05999656 is a
/// cord-blood mononuclear-cell trial, cited beside the MSC trials where its wording is used.
const CRITERIA: &[CriterionDef] = &[
    CriterionDef {
        id: CriterionId::DiagnosisEstablished,
        kind: Kind::Inclusion,
        name: msg::msc::DIAGNOSIS_ESTABLISHED_NAME,
        sources: &["cn_consensus_2023", "hayashi_2013", "seed_hamsc_salvage"],
        rule: Rule::Custom(diagnosis_established),
    },
    CriterionDef {
        id: CriterionId::RefractoryToConventional,
        kind: Kind::Inclusion,
        name: msg::msc::REFRACTORY_TO_CONVENTIONAL_NAME,
        sources: REFRACTORY_SOURCES,
        rule: Rule::Custom(refractory_to_conventional),
    },
    CriterionDef {
        id: CriterionId::InformedConsent,
        kind: Kind::Inclusion,
        name: msg::msc::INFORMED_CONSENT_NAME,
        sources: SEEDS,
        rule: Rule::Finding(FindingId::InformedConsent),
    },
    CriterionDef {
        id: CriterionId::EthicsApproval,
        kind: Kind::Inclusion,
        name: msg::msc::ETHICS_APPROVAL_NAME,
        sources: SEEDS,
        rule: Rule::Finding(FindingId::EthicsApproval),
    },
    CriterionDef {
        id: CriterionId::ActiveMalignancy,
        kind: Kind::Exclusion,
        name: msg::msc::ACTIVE_MALIGNANCY_NAME,
        sources: &["nct04464213", "nct05999656"],
        rule: Rule::Custom(active_malignancy),
    },
    CriterionDef {
        id: CriterionId::ActiveUncontrolledInfection,
        kind: Kind::Exclusion,
        name: msg::msc::ACTIVE_UNCONTROLLED_INFECTION_NAME,
        sources: &["nct04464213"],
        rule: Rule::Custom(active_uncontrolled_infection),
    },
    CriterionDef {
        id: CriterionId::PregnancyOrLactation,
        kind: Kind::Exclusion,
        name: msg::msc::PREGNANCY_OR_LACTATION_NAME,
        sources: &["nct04464213", "nct05999656"],
        rule: Rule::Custom(pregnancy_or_lactation),
    },
    CriterionDef {
        id: CriterionId::KnownAllergyToProduct,
        kind: Kind::Exclusion,
        name: msg::msc::KNOWN_ALLERGY_TO_PRODUCT_NAME,
        sources: &["nct04464213"],
        rule: Rule::Finding(FindingId::KnownAllergyToProduct),
    },
    CriterionDef {
        id: CriterionId::UncontrolledBleeding,
        kind: Kind::Exclusion,
        name: msg::msc::UNCONTROLLED_BLEEDING_NAME,
        sources: &["nct05999656"],
        rule: Rule::Finding(FindingId::UncontrolledBleeding),
    },
    CriterionDef {
        id: CriterionId::LifeExpectancyTooShort,
        kind: Kind::Exclusion,
        name: msg::msc::LIFE_EXPECTANCY_TOO_SHORT_NAME,
        // No cited trial or report states this exclusion (clinician judgement); Weenig 2007
        // is cited for how often calciphylaxis is fatal, not for the criterion.
        sources: &["weenig_2007"],
        rule: Rule::Finding(FindingId::LifeExpectancyTooShort),
    },
    CriterionDef {
        id: CriterionId::RecentMiOrStroke,
        kind: Kind::Exclusion,
        name: msg::msc::RECENT_MI_OR_STROKE_NAME,
        sources: &["nct01216865", "nct05999656"],
        rule: Rule::Finding(FindingId::RecentMiOrStroke),
    },
    CriterionDef {
        id: CriterionId::SevereHeartFailure,
        kind: Kind::Exclusion,
        name: msg::msc::SEVERE_HEART_FAILURE_NAME,
        sources: &["nct05999656", "nct01216865"],
        rule: Rule::Finding(FindingId::SevereHeartFailure),
    },
    CriterionDef {
        id: CriterionId::ChronicViralInfection,
        kind: Kind::Exclusion,
        name: msg::msc::CHRONIC_VIRAL_INFECTION_NAME,
        sources: &["nct04464213"],
        rule: Rule::Finding(FindingId::ChronicViralInfection),
    },
    CriterionDef {
        id: CriterionId::PriorCellTherapy,
        kind: Kind::Exclusion,
        name: msg::msc::PRIOR_CELL_THERAPY_NAME,
        sources: &["nct05999656", "nct01216865"],
        rule: Rule::Finding(FindingId::PriorCellTherapy),
    },
    CriterionDef {
        id: CriterionId::HepaticFailure,
        kind: Kind::Exclusion,
        name: msg::msc::HEPATIC_FAILURE_NAME,
        sources: &["nct04464213", "nct05999656"],
        rule: Rule::Finding(FindingId::HepaticFailure),
    },
    CriterionDef {
        id: CriterionId::AgeUnder18,
        kind: Kind::Exclusion,
        name: msg::msc::AGE_UNDER_18_NAME,
        sources: &["nct04464213", "nct01216865"],
        rule: Rule::Custom(age_under_18),
    },
];

/// What a rule decided, and why (in data: [`render`] puts it into words).
struct Judgement<'a> {
    status: Status,
    reason: Reason<'a>,
}

fn judged(status: Status, reason: Reason) -> Judgement {
    Judgement { status, reason }
}

/// Why a rule decided what it did.
enum Reason<'a> {
    /// Findings recorded, all with this value ("recorded: sepsis").
    Recorded {
        findings: Vec<FindingId>,
        value: bool,
    },
    /// Findings the rule needs, not recorded: also what to record.
    NotRecorded {
        findings: Vec<FindingId>,
    },
    /// Pregnancy not recorded, for a man.
    MalePatient,
    /// A malignancy history, not active, more than 5 years ago (NCT05999656's limit).
    MalignancyOver5Years,
    /// A malignancy history within the past 5 years.
    MalignancyWithin5Years,
    /// A malignancy history, not active, when is not recorded.
    PastMalignancy,
    /// A malignancy history, activity not recorded.
    MalignancyActivityNotRecorded,
    /// The routes that establish the diagnosis for an experimental therapy.
    Diagnosis {
        tier: DiagnosticTier,
        biopsy: Option<Biopsy>,
        hayashi_histology: Status,
    },
    /// `therapies_tried` absent from the case.
    TherapiesNotRecorded,
    Refractory(Refractory<'a>),
    /// `patient.age_years`, when valid.
    Age(Option<f64>),
}

/// The four requirements of "refractory to conventional therapy" (`clinical.md` §6), each
/// settled or not; the criterion is their Kleene AND.
struct Refractory<'a> {
    course: Course,
    /// `sodium_thiosulfate_contraindicated`: the course's alternative.
    contraindicated: Option<bool>,
    wound_care: Option<bool>,
    warfarin: Exposure,
    calcium_vitamin_d: Exposure,
    responses: Responses<'a>,
}

/// The sodium thiosulfate course as recorded.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Course {
    /// At least [`STS_MINIMUM_WEEKS`] with no or a partial response: failed.
    Failed {
        weeks: f64,
        response: Response,
    },
    TooShort {
        weeks: f64,
    },
    Complete,
    WeeksNotRecorded,
    ResponseNotRecorded,
    NotTried,
    NotRecorded,
}

impl Course {
    fn read(trial: Option<&TherapyTrial>) -> Course {
        let Some(trial) = trial else {
            return Course::NotRecorded;
        };
        let (weeks, response) = match trial {
            TherapyTrial::NotTried => return Course::NotTried,
            TherapyTrial::Tried => (None, None),
            TherapyTrial::Detail { weeks, response } => {
                (weeks.filter(|w| w.is_finite()), *response)
            }
        };
        match (weeks, response) {
            (_, Some(Response::Complete)) => Course::Complete,
            (Some(weeks), _) if weeks < STS_MINIMUM_WEEKS => Course::TooShort { weeks },
            (None, _) => Course::WeeksNotRecorded,
            (Some(_), None) => Course::ResponseNotRecorded,
            (Some(weeks), Some(response)) => Course::Failed { weeks, response },
        }
    }

    fn status(self) -> Status {
        match self {
            Course::Failed { .. } => Status::Met,
            Course::TooShort { .. } | Course::Complete | Course::NotTried => Status::NotMet,
            Course::WeeksNotRecorded | Course::ResponseNotRecorded | Course::NotRecorded => {
                Status::Unknown
            }
        }
    }
}

/// A precipitant (warfarin; high-dose calcium binder or active vitamin D) as the refractory
/// criterion reads it: removing it is part of conventional therapy.
#[derive(Debug, Clone, PartialEq)]
enum Exposure {
    /// Recorded as not taken.
    NotTaken,
    /// Taken, and its `stop_*` therapy recorded as tried.
    Stopped,
    /// Taken and not stopped (its `stop_*` recorded as not tried or not recorded).
    Current(Vec<FindingId>),
    /// Whether it is taken is not recorded (and no stop recorded).
    NotRecorded(Vec<FindingId>),
    /// The stop is recorded but the record contradicts it: checked by a person first.
    Contradiction(Contradiction),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contradiction {
    /// A stop recorded, every drug it stops recorded as not taken.
    StoppedButNeverTaken,
    /// Calcium and active vitamin D stopped, hypercalcaemia still present.
    HypercalcaemiaPersists,
}

impl Exposure {
    fn status(&self) -> Status {
        match self {
            Exposure::NotTaken | Exposure::Stopped => Status::Met,
            Exposure::Current(_) => Status::NotMet,
            Exposure::NotRecorded(_) | Exposure::Contradiction(_) => Status::Unknown,
        }
    }
}

/// Whether any conventional therapy healed the lesions.
enum Responses<'a> {
    /// Every therapy tried has a response, none complete.
    NoneComplete,
    Complete(Vec<(&'a str, &'a TherapyTrial)>),
    /// No complete response recorded, but these were tried without a response.
    NotRecorded(Vec<Therapy>),
}

impl Responses<'_> {
    fn status(&self) -> Status {
        match self {
            Responses::NoneComplete => Status::Met,
            Responses::Complete(_) => Status::NotMet,
            Responses::NotRecorded(_) => Status::Unknown,
        }
    }
}

/// A precipitant's drugs and the therapy that stops them.
struct Precipitant {
    drugs: &'static [FindingId],
    stop: Therapy,
}

const WARFARIN: Precipitant = Precipitant {
    drugs: &[FindingId::Warfarin],
    stop: Therapy::StopWarfarin,
};

const CALCIUM_VITAMIN_D: Precipitant = Precipitant {
    drugs: &[
        FindingId::HighDoseCalciumBinder,
        FindingId::ActiveVitaminDHighDose,
    ],
    stop: Therapy::StopCalciumVitaminD,
};

/// How a precipitant stands; `stopped`: its stop is recorded as given in `therapies_tried`.
fn exposure(
    precipitant: &Precipitant,
    inputs: &Inputs,
    hypercalcaemia: Presence,
    stopped: bool,
) -> Exposure {
    let recorded = |value: Option<bool>| -> Vec<FindingId> {
        precipitant
            .drugs
            .iter()
            .copied()
            .filter(|&f| inputs.finding(f) == value)
            .collect()
    };
    let taken = recorded(Some(true));
    let never_taken = recorded(Some(false)).len() == precipitant.drugs.len();
    let persists =
        precipitant.stop == Therapy::StopCalciumVitaminD && hypercalcaemia == Presence::Present;
    match (stopped, taken.is_empty()) {
        (true, _) if persists => Exposure::Contradiction(Contradiction::HypercalcaemiaPersists),
        (true, _) if never_taken => Exposure::Contradiction(Contradiction::StoppedButNeverTaken),
        (true, _) => Exposure::Stopped,
        (false, false) => Exposure::Current(taken),
        (false, true) if never_taken => Exposure::NotTaken,
        (false, true) => Exposure::NotRecorded(recorded(None)),
    }
}

fn hypercalcaemia(risk: &RiskProfile) -> Presence {
    risk.factors
        .iter()
        .find(|f| f.id == RiskFactorId::Hypercalcemia)
        .map_or(Presence::Unknown, |f| f.status)
}

/// Whether `therapies_tried` records the therapy as given.
fn given(therapies: &Therapies, therapy: Therapy) -> Option<bool> {
    therapies.get(therapy.id()).map(TherapyTrial::was_tried)
}

type Therapies = std::collections::BTreeMap<String, TherapyTrial>;

fn responses(therapies: &Therapies) -> Responses<'_> {
    let tried: Vec<(&str, &TherapyTrial)> = therapies
        .iter()
        .filter(|(_, trial)| trial.was_tried())
        .map(|(id, trial)| (id.as_str(), trial))
        .collect();
    let complete: Vec<(&str, &TherapyTrial)> = tried
        .iter()
        .copied()
        .filter(|(_, t)| t.response() == Some(Response::Complete))
        .collect();
    if !complete.is_empty() {
        return Responses::Complete(complete);
    }
    // Sodium thiosulfate's missing response is asked for once, by the course requirement.
    let missing: Vec<Therapy> = tried
        .iter()
        .filter(|(_, t)| t.response().is_none())
        .filter_map(|(id, _)| Therapy::from_id(id))
        .filter(|&t| t != Therapy::SodiumThiosulfate)
        .collect();
    if missing.is_empty() {
        Responses::NoneComplete
    } else {
        Responses::NotRecorded(missing)
    }
}

/// The contradictions in the record of the precipitants' stops, each with its field: shown
/// as warnings, and they leave the refractory criterion unknown.
pub fn contradictions(inputs: &Inputs, risk: &RiskProfile) -> Vec<(Therapy, Contradiction)> {
    let Some(therapies) = &inputs.case.therapies_tried else {
        return Vec::new();
    };
    [WARFARIN, CALCIUM_VITAMIN_D]
        .iter()
        .filter_map(|p| {
            let stopped = given(therapies, p.stop) == Some(true);
            match exposure(p, inputs, hypercalcaemia(risk), stopped) {
                Exposure::Contradiction(c) => Some((p.stop, c)),
                _ => None,
            }
        })
        .collect()
}

/// Refractory (`clinical.md` §6): sodium thiosulfate for at least 8 weeks (the project's
/// convention) without a complete response, or contraindicated; wound care given; no
/// precipitant current; and no conventional therapy with a complete response.
fn refractory_to_conventional<'a>(facts: &Facts<'a>) -> Judgement<'a> {
    let inputs: &'a Inputs<'a> = facts.inputs;
    let Some(therapies) = &inputs.case.therapies_tried else {
        return judged(Status::Unknown, Reason::TherapiesNotRecorded);
    };
    let hypercalcaemia = hypercalcaemia(facts.risk);
    let exposure_of = |p: &Precipitant| {
        let stopped = given(therapies, p.stop) == Some(true);
        exposure(p, inputs, hypercalcaemia, stopped)
    };
    let refractory = Refractory {
        course: Course::read(therapies.get(Therapy::SodiumThiosulfate.id())),
        contraindicated: inputs.finding(FindingId::SodiumThiosulfateContraindicated),
        wound_care: given(therapies, Therapy::WoundCare),
        warfarin: exposure_of(&WARFARIN),
        calcium_vitamin_d: exposure_of(&CALCIUM_VITAMIN_D),
        responses: responses(therapies),
    };
    judged(refractory.status(), Reason::Refractory(refractory))
}

impl Refractory<'_> {
    /// The course or its contraindication (Kleene OR).
    fn course_status(&self) -> Status {
        match (self.course.status(), self.contraindicated) {
            (Status::Met, _) | (_, Some(true)) => Status::Met,
            (Status::NotMet, Some(false)) => Status::NotMet,
            _ => Status::Unknown,
        }
    }

    fn statuses(&self) -> [Status; 5] {
        [
            self.course_status(),
            self.wound_care.into(),
            self.warfarin.status(),
            self.calcium_vitamin_d.status(),
            self.responses.status(),
        ]
    }

    fn status(&self) -> Status {
        super::logic::all(self.statuses().map(Status::as_option)).into()
    }
}

fn finding_rule<'a>(inputs: &Inputs, finding: FindingId) -> Judgement<'a> {
    let findings = vec![finding];
    match inputs.finding(finding) {
        Some(value) => judged(Some(value).into(), Reason::Recorded { findings, value }),
        None => judged(Status::Unknown, Reason::NotRecorded { findings }),
    }
}

/// Whether Hayashi is met through its histology route ((1) + (2 or 3) + (4)): met when
/// Hayashi is met with (4) met; open while Hayashi is incomplete and (4) could still be
/// met; otherwise not (including any status Hayashi adds later, e.g. not applicable).
fn hayashi_histology(diagnosis: &Diagnosis) -> Status {
    let hayashi = &diagnosis.hayashi;
    let histology = hayashi
        .criteria
        .iter()
        .find(|c| c.id == HayashiCriterion::Histology)
        .map_or(Status::Unknown, |c| c.status);
    if hayashi.status == HayashiStatus::Met && histology == Status::Met {
        Status::Met
    } else if hayashi.status == HayashiStatus::Incomplete && histology != Status::NotMet {
        Status::Unknown
    } else {
        Status::NotMet
    }
}

/// For an experimental therapy the diagnosis rests on histology (the seeds' patient was
/// diagnosed by biopsy): the consensus confirmed tier or Hayashi through histology. The
/// clinical tier is not enough: every dialysis patient has a risk factor.
fn diagnosis_established<'a>(facts: &Facts<'a>) -> Judgement<'a> {
    let consensus = &facts.diagnosis.consensus;
    let confirmed = consensus
        .tiers
        .iter()
        .find(|t| t.id == DiagnosticTier::Confirmed)
        .map_or(Status::Unknown, |t| t.status);
    let hayashi_histology = hayashi_histology(facts.diagnosis);
    let biopsy = facts.inputs.case.lesions.biopsy;
    let routes = [confirmed, hayashi_histology];
    let status = if consensus.highest == DiagnosticTier::Confirmed || routes.contains(&Status::Met)
    {
        Status::Met
    } else {
        match biopsy {
            None => Status::Unknown,
            Some(Biopsy::NotDone | Biopsy::NotConsistent) => Status::NotMet,
            Some(Biopsy::Consistent) if routes.contains(&Status::Unknown) => Status::Unknown,
            Some(Biopsy::Consistent) => Status::NotMet,
        }
    };
    let reason = Reason::Diagnosis {
        tier: consensus.highest,
        biopsy,
        hayashi_histology,
    };
    judged(status, reason)
}

/// MSC trial NCT04464213 excludes any history of malignancy; the cord-blood trial
/// NCT05999656 only malignancy within 5 years. The 5-year limit is followed here, and the
/// basis says so.
fn active_malignancy<'a>(facts: &Facts<'a>) -> Judgement<'a> {
    const ACTIVE: FindingId = FindingId::ActiveMalignancy;
    let finding = |f: FindingId| facts.inputs.finding(f);
    let over_5_years = finding(FindingId::MalignancyOver5YearsAgo);
    // A malignancy more than 5 years ago is a history, whatever `malignancy_history` says.
    let history = if over_5_years == Some(true) {
        Some(true)
    } else {
        finding(FindingId::MalignancyHistory)
    };
    match (finding(ACTIVE), history, over_5_years) {
        (Some(true), _, _) => finding_rule(facts.inputs, ACTIVE),
        (_, Some(true), Some(false)) => judged(Status::Met, Reason::MalignancyWithin5Years),
        (Some(false), _, Some(true)) => judged(Status::NotMet, Reason::MalignancyOver5Years),
        (Some(false), Some(true), None) => judged(Status::Unknown, Reason::PastMalignancy),
        (None, Some(true), _) => judged(Status::Unknown, Reason::MalignancyActivityNotRecorded),
        _ => finding_rule(facts.inputs, ACTIVE),
    }
}

/// Met by an active uncontrolled infection or by sepsis (Kleene OR).
fn active_uncontrolled_infection<'a>(facts: &Facts<'a>) -> Judgement<'a> {
    const INFECTION: FindingId = FindingId::ActiveUncontrolledInfection;
    const SEPSIS: FindingId = FindingId::Sepsis;
    let recorded = |finding: FindingId| facts.inputs.finding(finding);
    // Sepsis first: the graver one is named when both are recorded.
    if let Some(present) = [SEPSIS, INFECTION]
        .into_iter()
        .find(|&f| recorded(f) == Some(true))
    {
        let findings = vec![present];
        return judged(
            Status::Met,
            Reason::Recorded {
                findings,
                value: true,
            },
        );
    }
    let findings: Vec<FindingId> = [INFECTION, SEPSIS]
        .into_iter()
        .filter(|&f| recorded(f).is_none())
        .collect();
    if findings.is_empty() {
        let findings = vec![INFECTION, SEPSIS];
        judged(
            Status::NotMet,
            Reason::Recorded {
                findings,
                value: false,
            },
        )
    } else {
        judged(Status::Unknown, Reason::NotRecorded { findings })
    }
}

/// A man needs no pregnancy answer.
fn pregnancy_or_lactation<'a>(facts: &Facts<'a>) -> Judgement<'a> {
    const FINDING: FindingId = FindingId::PregnancyOrLactation;
    let male = facts.inputs.case.patient.sex == Some(Sex::Male);
    if male && facts.inputs.finding(FINDING).is_none() {
        return judged(Status::NotMet, Reason::MalePatient);
    }
    finding_rule(facts.inputs, FINDING)
}

/// The trials enrol adults: under 18 years excludes. (Their upper limits, 75–80 years, are
/// not applied: the basis names them.)
fn age_under_18<'a>(facts: &Facts<'a>) -> Judgement<'a> {
    let age = facts.inputs.age_years;
    let under = age.map(|years| years < ADULT_AGE_YEARS);
    judged(under.into(), Reason::Age(age))
}

/// The findings' labels as a list inside a sentence.
fn finding_labels(findings: &[FindingId], lang: Lang) -> String {
    let labels: Vec<String> = findings.iter().map(|&f| finding_label(f, lang)).collect();
    labels.join(msg::common::LIST_SEPARATOR.get(lang))
}

/// A name inside a sentence: its first letter lower-cased in English (acronyms such as
/// HIV or NYHA keep their capitals).
fn in_sentence(name: &str, lang: Lang) -> String {
    let mut chars = name.chars();
    match (lang, chars.next()) {
        (Lang::En, Some(first)) => first.to_lowercase().chain(chars).collect(),
        _ => name.to_string(),
    }
}

fn therapy_names(therapies: &[Therapy], lang: Lang) -> String {
    let names: Vec<String> = therapies
        .iter()
        .map(|t| in_sentence(t.name(lang), lang))
        .collect();
    names.join(msg::common::LIST_SEPARATOR.get(lang))
}

fn status_word(status: Status) -> Text {
    match status {
        Status::Met => msg::msc::BASIS_ROUTE_MET,
        Status::NotMet => msg::msc::BASIS_ROUTE_NOT_MET,
        Status::Unknown => msg::msc::BASIS_ROUTE_OPEN,
    }
}

/// The one renderer of a criterion's `basis`.
fn render(reason: &Reason, lang: Lang) -> String {
    match reason {
        Reason::Recorded { findings, value } => {
            let findings = finding_labels(findings, lang);
            if *value {
                tr!(lang, msg::msc::BASIS_RECORDED, findings)
            } else {
                tr!(lang, msg::msc::BASIS_RECORDED_AS_ABSENT, findings)
            }
        }
        Reason::NotRecorded { findings } => {
            let findings = finding_labels(findings, lang);
            tr!(lang, msg::msc::BASIS_NOT_RECORDED, findings)
        }
        Reason::MalePatient => tr!(lang, msg::msc::BASIS_MALE_PATIENT),
        Reason::MalignancyOver5Years => tr!(lang, msg::msc::BASIS_MALIGNANCY_OVER_5_YEARS),
        Reason::MalignancyWithin5Years => tr!(lang, msg::msc::BASIS_MALIGNANCY_WITHIN_5_YEARS),
        Reason::PastMalignancy => tr!(lang, msg::msc::BASIS_PAST_MALIGNANCY),
        Reason::MalignancyActivityNotRecorded => {
            tr!(lang, msg::msc::BASIS_MALIGNANCY_ACTIVITY_NOT_RECORDED)
        }
        Reason::Diagnosis {
            tier,
            biopsy,
            hayashi_histology,
        } => {
            let tier = tier.text().get(lang);
            let biopsy = biopsy.map_or(msg::diagnosis::WORD_NOT_RECORDED.get(lang).into(), |b| {
                in_sentence(b.name(lang), lang)
            });
            let hayashi = status_word(*hayashi_histology).get(lang);
            tr!(lang, msg::msc::BASIS_DIAGNOSIS, tier, biopsy, hayashi)
        }
        Reason::TherapiesNotRecorded => tr!(lang, msg::msc::BASIS_THERAPIES_NOT_RECORDED),
        Reason::Refractory(refractory) => render_refractory(refractory, lang),
        Reason::Age(Some(years)) => tr!(lang, msg::msc::BASIS_AGE, years),
        Reason::Age(None) => tr!(lang, msg::msc::BASIS_AGE_NOT_RECORDED),
    }
}

/// Each requirement in turn: the course, wound care, the precipitants, the responses.
fn render_refractory(r: &Refractory, lang: Lang) -> String {
    let parts = [
        render_course(r, lang),
        render_wound_care(r.wound_care, lang),
        render_exposure(&WARFARIN, &r.warfarin, lang),
        render_exposure(&CALCIUM_VITAMIN_D, &r.calcium_vitamin_d, lang),
        render_responses(&r.responses, lang),
    ];
    parts.join(msg::msc::ITEM_SEPARATOR.get(lang))
}

fn render_course(r: &Refractory, lang: Lang) -> String {
    let minimum = STS_MINIMUM_WEEKS;
    let course = match r.course {
        Course::Failed { weeks, response } => {
            let response = response_word(response).get(lang);
            tr!(
                lang,
                msg::msc::BASIS_COURSE_FAILED,
                weeks,
                response,
                minimum
            )
        }
        Course::TooShort { weeks } => tr!(lang, msg::msc::BASIS_COURSE_TOO_SHORT, weeks, minimum),
        Course::Complete => tr!(lang, msg::msc::BASIS_COURSE_COMPLETE),
        Course::WeeksNotRecorded => tr!(lang, msg::msc::BASIS_COURSE_WEEKS_NOT_RECORDED),
        Course::ResponseNotRecorded => tr!(lang, msg::msc::BASIS_COURSE_RESPONSE_NOT_RECORDED),
        Course::NotTried => tr!(lang, msg::msc::BASIS_COURSE_NOT_TRIED),
        Course::NotRecorded => tr!(lang, msg::msc::BASIS_COURSE_NOT_RECORDED),
    };
    if r.course.status() == Status::Met {
        return course;
    }
    match r.contraindicated {
        Some(true) => tr!(lang, msg::msc::BASIS_CONTRAINDICATED, course),
        Some(false) => tr!(lang, msg::msc::BASIS_NOT_CONTRAINDICATED, course),
        None => tr!(lang, msg::msc::BASIS_CONTRAINDICATION_NOT_RECORDED, course),
    }
}

fn render_wound_care(given: Option<bool>, lang: Lang) -> String {
    match given {
        Some(true) => tr!(lang, msg::msc::BASIS_WOUND_CARE_GIVEN),
        Some(false) => tr!(lang, msg::msc::BASIS_WOUND_CARE_NOT_GIVEN),
        None => tr!(lang, msg::msc::BASIS_WOUND_CARE_NOT_RECORDED),
    }
}

fn render_exposure(precipitant: &Precipitant, exposure: &Exposure, lang: Lang) -> String {
    let stop = in_sentence(precipitant.stop.name(lang), lang);
    let all = finding_labels(precipitant.drugs, lang);
    match exposure {
        Exposure::NotTaken => tr!(lang, msg::msc::BASIS_PRECIPITANT_NOT_TAKEN, drugs = all),
        Exposure::Stopped => tr!(lang, msg::msc::BASIS_PRECIPITANT_STOPPED, stop),
        Exposure::Current(drugs) => {
            let drugs = finding_labels(drugs, lang);
            tr!(lang, msg::msc::BASIS_PRECIPITANT_CURRENT, drugs, stop)
        }
        Exposure::NotRecorded(drugs) => {
            let drugs = finding_labels(drugs, lang);
            tr!(lang, msg::msc::BASIS_PRECIPITANT_NOT_RECORDED, drugs)
        }
        Exposure::Contradiction(Contradiction::StoppedButNeverTaken) => {
            tr!(lang, msg::msc::BASIS_STOPPED_NEVER_TAKEN, stop, drugs = all)
        }
        Exposure::Contradiction(Contradiction::HypercalcaemiaPersists) => {
            tr!(lang, msg::msc::BASIS_HYPERCALCAEMIA_PERSISTS, stop)
        }
    }
}

fn render_responses(responses: &Responses, lang: Lang) -> String {
    match responses {
        Responses::NoneComplete => tr!(lang, msg::msc::BASIS_NO_COMPLETE_RESPONSE),
        Responses::Complete(trials) => {
            let trials: Vec<String> = trials
                .iter()
                .map(|(id, trial)| describe_trial(id, trial, lang))
                .collect();
            let complete = trials.join(msg::common::LIST_SEPARATOR.get(lang));
            tr!(lang, msg::msc::BASIS_COMPLETE_RESPONSE, complete)
        }
        Responses::NotRecorded(therapies) => {
            let therapies = therapy_names(therapies, lang);
            tr!(lang, msg::msc::BASIS_RESPONSES_NOT_RECORDED, therapies)
        }
    }
}

/// "Sodium thiosulfate for 8 weeks: none", or "Cinacalcet (response not recorded)".
fn describe_trial(id: &str, trial: &TherapyTrial, lang: Lang) -> String {
    // The case reader drops unknown therapy ids; "?" never reaches a person.
    let name = Therapy::from_id(id).map(|t| t.name(lang)).unwrap_or("?");
    let not_recorded = msg::msc::BASIS_RESPONSE_NOT_RECORDED.get(lang);
    match trial {
        // (`NotTried` never reaches here: the rule leaves it out.)
        TherapyTrial::Tried | TherapyTrial::NotTried => {
            tr!(lang, msg::msc::BASIS_TRIAL_NO_DETAIL, name, not_recorded)
        }
        TherapyTrial::Detail { weeks, response } => {
            let weeks = weeks
                .filter(|w| w.is_finite())
                .map(|weeks| tr!(lang, msg::msc::BASIS_TRIAL_WEEKS, weeks))
                .unwrap_or_default();
            let response = response
                .map(|r| response_word(r).get(lang))
                .unwrap_or(not_recorded);
            tr!(lang, msg::msc::BASIS_TRIAL, name, weeks, response)
        }
    }
}

fn response_word(response: Response) -> Text {
    match response {
        Response::None => msg::msc::RESPONSE_NONE,
        Response::Partial => msg::msc::RESPONSE_PARTIAL,
        Response::Complete => msg::msc::RESPONSE_COMPLETE,
    }
}

/// What to record to settle a criterion the reason leaves unknown (`None` for a reason
/// that settles it).
fn to_record(reason: &Reason, lang: Lang) -> Option<String> {
    let words = match reason {
        Reason::NotRecorded { findings } => {
            let findings = finding_labels(findings, lang);
            tr!(lang, msg::msc::TO_RECORD_FINDINGS, findings)
        }
        Reason::PastMalignancy | Reason::MalignancyActivityNotRecorded => {
            tr!(lang, msg::msc::TO_RECORD_MALIGNANCY)
        }
        Reason::Diagnosis { biopsy: None, .. } => tr!(lang, msg::msc::TO_RECORD_BIOPSY),
        Reason::Diagnosis { .. } => tr!(lang, msg::msc::TO_RECORD_DIAGNOSIS),
        Reason::TherapiesNotRecorded => tr!(lang, msg::msc::TO_RECORD_THERAPIES),
        Reason::Refractory(refractory) => return refractory_to_record(refractory, lang),
        Reason::Age(None) => tr!(lang, msg::msc::TO_RECORD_AGE),
        Reason::Recorded { .. }
        | Reason::MalePatient
        | Reason::MalignancyOver5Years
        | Reason::MalignancyWithin5Years
        | Reason::Age(Some(_)) => return None,
    };
    Some(words)
}

/// What each open requirement needs, in the basis's order.
fn refractory_to_record(r: &Refractory, lang: Lang) -> Option<String> {
    let [course, wound_care, warfarin, calcium, responses] = r.statuses();
    let open = |status: Status| status == Status::Unknown;
    let mut needs = Vec::new();
    if open(course) {
        needs.push(course_to_record(r, lang));
    }
    if open(wound_care) {
        needs.push(tr!(lang, msg::msc::TO_RECORD_WOUND_CARE));
    }
    for (status, precipitant, exposure) in [
        (warfarin, &WARFARIN, &r.warfarin),
        (calcium, &CALCIUM_VITAMIN_D, &r.calcium_vitamin_d),
    ] {
        if open(status) {
            needs.push(exposure_to_record(precipitant, exposure, lang));
        }
    }
    if let (true, Responses::NotRecorded(therapies)) = (open(responses), &r.responses) {
        let therapies = therapy_names(therapies, lang);
        needs.push(tr!(lang, msg::msc::TO_RECORD_RESPONSES, therapies));
    }
    (!needs.is_empty()).then(|| needs.join(msg::msc::ITEM_SEPARATOR.get(lang)))
}

fn course_to_record(r: &Refractory, lang: Lang) -> String {
    match r.course {
        Course::WeeksNotRecorded => tr!(lang, msg::msc::TO_RECORD_COURSE_WEEKS),
        Course::ResponseNotRecorded => tr!(lang, msg::msc::TO_RECORD_COURSE_RESPONSE),
        Course::NotRecorded => tr!(lang, msg::msc::TO_RECORD_COURSE),
        // Given too briefly or not at all: only a contraindication can still settle it.
        Course::TooShort { .. } | Course::NotTried | Course::Complete | Course::Failed { .. } => {
            tr!(lang, msg::msc::TO_RECORD_CONTRAINDICATION)
        }
    }
}

fn exposure_to_record(precipitant: &Precipitant, exposure: &Exposure, lang: Lang) -> String {
    let stop = in_sentence(precipitant.stop.name(lang), lang);
    match exposure {
        Exposure::NotRecorded(drugs) => {
            let findings = finding_labels(drugs, lang);
            tr!(lang, msg::msc::TO_RECORD_FINDINGS, findings)
        }
        _ => tr!(lang, msg::msc::TO_RECORD_CONTRADICTION, stop),
    }
}

fn judge<'a>(def: &CriterionDef, facts: &Facts<'a>) -> Judgement<'a> {
    match def.rule {
        Rule::Finding(finding) => finding_rule(facts.inputs, finding),
        Rule::Custom(rule) => rule(facts),
    }
}

pub fn assess_msc(inputs: &Inputs, risk: &RiskProfile, diagnosis: &Diagnosis, lang: Lang) -> Msc {
    let facts = Facts {
        inputs,
        risk,
        diagnosis,
    };
    let criteria: Vec<MscCriterion> = CRITERIA
        .iter()
        .map(|def| {
            let Judgement { status, reason } = judge(def, &facts);
            let needed = match status {
                Status::Unknown => to_record(&reason, lang),
                Status::Met | Status::NotMet => None,
            };
            MscCriterion {
                id: def.id.id(),
                kind: def.kind,
                name: def.name.get(lang),
                status,
                basis: render(&reason, lang),
                needed,
                sources: def.sources.to_vec(),
            }
        })
        .collect();
    let status = overall(&criteria);
    let missing = criteria.iter().filter_map(|c| c.needed.clone()).collect();
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

/// What the MSC rules find inconsistent in the record, each at its field: a stop of a
/// precipitant the record contradicts, and MSC treatment in the visits while prior cell
/// therapy is recorded as absent. (The assessment's top-level `warnings`.)
pub fn msc_warnings(inputs: &Inputs, risk: &RiskProfile, lang: Lang) -> Vec<Issue> {
    let mut warnings: Vec<Issue> = contradictions(inputs, risk)
        .into_iter()
        .map(|(stop, contradiction)| {
            let precipitant = [WARFARIN, CALCIUM_VITAMIN_D]
                .into_iter()
                .find(|p| p.stop == stop)
                .expect("a contradiction names one of the precipitants");
            // The warning's sentence begins with the therapy's name.
            let name = stop.name(lang);
            let drugs = finding_labels(precipitant.drugs, lang);
            let message = match contradiction {
                Contradiction::StoppedButNeverTaken => {
                    tr!(
                        lang,
                        msg::msc::WARNING_STOPPED_NEVER_TAKEN,
                        stop = name,
                        drugs
                    )
                }
                Contradiction::HypercalcaemiaPersists => {
                    tr!(lang, msg::msc::WARNING_HYPERCALCAEMIA_PERSISTS, stop = name)
                }
            };
            Issue::new(FieldPath::therapy(stop.id(), None), message)
        })
        .collect();
    let msc_given = inputs.case.visits.iter().any(|visit| {
        visit
            .treatments
            .iter()
            .any(|t| t.kind == Some(TreatmentKind::Msc))
    });
    if msc_given && inputs.finding(FindingId::PriorCellTherapy) == Some(false) {
        warnings.push(Issue::new(
            FieldPath::finding(FindingId::PriorCellTherapy.id()),
            tr!(lang, msg::msc::WARNING_PRIOR_CELL_THERAPY),
        ));
    }
    warnings
}

/// `case-format.md`: not eligible as soon as one exclusion is met or one inclusion is not
/// met; a candidate only when every inclusion is met and every exclusion known not met.
pub fn overall(criteria: &[MscCriterion]) -> MscStatus {
    let blocks = criteria.iter().any(blocks);
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

/// An inclusion not met or an exclusion met.
fn blocks(criterion: &MscCriterion) -> bool {
    match criterion.kind {
        Kind::Inclusion => criterion.status == Status::NotMet,
        Kind::Exclusion => criterion.status == Status::Met,
    }
}

fn summarise(status: MscStatus, criteria: &[MscCriterion], lang: Lang) -> String {
    let list = |pick: &dyn Fn(&MscCriterion) -> bool| {
        let names: Vec<String> = criteria
            .iter()
            .filter(|c| pick(c))
            .map(|c| in_sentence(c.name, lang))
            .collect();
        names.join(msg::msc::ITEM_SEPARATOR.get(lang))
    };
    match status {
        MscStatus::NotEligible => {
            let reasons = list(&blocks);
            tr!(lang, msg::msc::SUMMARY_NOT_ELIGIBLE, reasons)
        }
        MscStatus::Candidate => tr!(lang, msg::msc::SUMMARY_CANDIDATE),
        MscStatus::Incomplete => {
            let open = list(&|c| c.status == Status::Unknown);
            tr!(lang, msg::msc::SUMMARY_INCOMPLETE, open)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assess_in;
    use crate::core::case::Case;
    use crate::core::inputs::validate;
    use std::collections::BTreeMap;

    const LANGS: [Lang; 2] = [Lang::En, Lang::Zh];

    fn with_findings(findings: &[(FindingId, bool)]) -> Case {
        let mut case = Case::default();
        for (id, value) in findings {
            case.findings.insert(id.id().to_string(), *value);
        }
        case
    }

    /// The criterion as assessed for `case`, with the case's own diagnosis.
    fn criterion(case: &Case, id: CriterionId, lang: Lang) -> MscCriterion {
        let diagnosis = assess_in(case, lang).diagnosis;
        criterion_with(case, &diagnosis, id, lang)
    }

    fn criterion_with(
        case: &Case,
        diagnosis: &Diagnosis,
        id: CriterionId,
        lang: Lang,
    ) -> MscCriterion {
        let (inputs, _, _) = validate(case, lang);
        let risk = assess_in(case, lang).risk;
        let msc = assess_msc(&inputs, &risk, diagnosis, lang);
        let needed: Vec<String> = msc
            .criteria
            .iter()
            .filter_map(|c| c.needed.clone())
            .collect();
        assert_eq!(msc.missing, needed, "missing is the criteria's `needed`");
        msc.criteria.into_iter().find(|c| c.id == id.id()).unwrap()
    }

    /// Status, and the finding named in the basis (and, when unknown, in what to record).
    fn assert_names(c: &MscCriterion, status: Status, findings: &[FindingId], lang: Lang) {
        assert_eq!(c.status, status, "{}: {}", c.id, c.basis);
        for finding in findings {
            let label = finding_label(*finding, lang);
            assert!(
                c.basis.contains(&label),
                "{lang:?} basis {:?} lacks {label:?}",
                c.basis
            );
            if status == Status::Unknown {
                let needed = c.needed.as_deref().unwrap_or_default();
                assert!(
                    needed.contains(&label),
                    "{lang:?} needed {needed:?} lacks {label:?}"
                );
            }
        }
        assert_eq!(c.needed.is_some(), status == Status::Unknown, "{}", c.id);
    }

    #[test]
    fn the_table_lists_every_criterion_once_in_the_shown_order() {
        let ids: Vec<CriterionId> = CRITERIA.iter().map(|c| c.id).collect();
        assert_eq!(ids, CriterionId::ALL);
        let json = serde_json::to_string(&CriterionId::ActiveUncontrolledInfection).unwrap();
        assert_eq!(json, "\"active_uncontrolled_infection\"");
    }

    #[test]
    fn a_finding_rule_is_met_not_met_or_unknown_as_recorded() {
        for (id, finding) in [
            (CriterionId::InformedConsent, FindingId::InformedConsent),
            (
                CriterionId::UncontrolledBleeding,
                FindingId::UncontrolledBleeding,
            ),
        ] {
            for lang in LANGS {
                for (recorded, status) in [
                    (Some(true), Status::Met),
                    (Some(false), Status::NotMet),
                    (None, Status::Unknown),
                ] {
                    let case = match recorded {
                        Some(value) => with_findings(&[(finding, value)]),
                        None => Case::default(),
                    };
                    assert_names(&criterion(&case, id, lang), status, &[finding], lang);
                }
            }
        }
    }

    #[test]
    fn pregnancy_is_not_met_for_a_man_without_an_answer() {
        const FINDING: FindingId = FindingId::PregnancyOrLactation;
        let id = CriterionId::PregnancyOrLactation;
        for lang in LANGS {
            let mut man = Case::default();
            man.patient.sex = Some(Sex::Male);
            let c = criterion(&man, id, lang);
            assert_eq!(c.basis, msg::msc::BASIS_MALE_PATIENT.get(lang));
            assert_names(&c, Status::NotMet, &[], lang);
            let mut woman = with_findings(&[(FINDING, true)]);
            woman.patient.sex = Some(Sex::Female);
            assert_names(&criterion(&woman, id, lang), Status::Met, &[FINDING], lang);
            let no = with_findings(&[(FINDING, false)]);
            assert_names(&criterion(&no, id, lang), Status::NotMet, &[FINDING], lang);
            let unknown = criterion(&Case::default(), id, lang);
            assert_names(&unknown, Status::Unknown, &[FINDING], lang);
        }
    }

    #[test]
    fn a_malignancy_history_needs_a_specialist_even_when_not_active() {
        const ACTIVE: FindingId = FindingId::ActiveMalignancy;
        const HISTORY: FindingId = FindingId::MalignancyHistory;
        let id = CriterionId::ActiveMalignancy;
        for lang in LANGS {
            for (findings, status, named) in [
                (&[(ACTIVE, true), (HISTORY, true)][..], Status::Met, ACTIVE),
                (&[(ACTIVE, false)][..], Status::NotMet, ACTIVE),
                (
                    &[(ACTIVE, false), (HISTORY, false)][..],
                    Status::NotMet,
                    ACTIVE,
                ),
                (
                    &[(ACTIVE, false), (HISTORY, true)][..],
                    Status::Unknown,
                    HISTORY,
                ),
                (&[(HISTORY, true)][..], Status::Unknown, HISTORY),
                (&[][..], Status::Unknown, ACTIVE),
            ] {
                let c = criterion(&with_findings(findings), id, lang);
                assert_eq!(c.status, status, "{findings:?}");
                let label = finding_label(named, lang);
                assert!(c.basis.contains(&label), "{:?} lacks {label:?}", c.basis);
                assert_eq!(c.needed.is_some(), status == Status::Unknown);
            }
        }
    }

    #[test]
    fn infection_or_sepsis_names_what_decided_or_what_is_missing() {
        const INFECTION: FindingId = FindingId::ActiveUncontrolledInfection;
        const SEPSIS: FindingId = FindingId::Sepsis;
        let id = CriterionId::ActiveUncontrolledInfection;
        for lang in LANGS {
            for (findings, status, named) in [
                (&[(SEPSIS, true)][..], Status::Met, &[SEPSIS][..]),
                (
                    &[(INFECTION, true), (SEPSIS, false)][..],
                    Status::Met,
                    &[INFECTION][..],
                ),
                (
                    &[(INFECTION, false), (SEPSIS, false)][..],
                    Status::NotMet,
                    &[INFECTION, SEPSIS][..],
                ),
                (&[(INFECTION, false)][..], Status::Unknown, &[SEPSIS][..]),
                (&[][..], Status::Unknown, &[INFECTION, SEPSIS][..]),
            ] {
                let c = criterion(&with_findings(findings), id, lang);
                assert_names(&c, status, named, lang);
            }
            // Only the finding still missing is asked for.
            let c = criterion(&with_findings(&[(INFECTION, false)]), id, lang);
            let infection = finding_label(INFECTION, lang);
            assert!(!c.needed.unwrap().contains(&infection));
        }
    }

    fn with_therapies(therapies: &[(Therapy, TherapyTrial)]) -> Case {
        let map: BTreeMap<String, TherapyTrial> = therapies
            .iter()
            .map(|(t, trial)| (t.id().to_string(), trial.clone()))
            .collect();
        Case {
            therapies_tried: Some(map),
            ..Case::default()
        }
    }

    fn trial(weeks: f64, response: Option<Response>) -> TherapyTrial {
        TherapyTrial::Detail {
            weeks: Some(weeks),
            response,
        }
    }

    /// Every requirement met: 8 weeks of STS, wound care, warfarin stopped, no calcium or
    /// vitamin D precipitant, every response recorded and none complete.
    fn refractory_case() -> Case {
        let none = Some(Response::None);
        let mut case = with_therapies(&[
            (
                Therapy::SodiumThiosulfate,
                trial(8.0, Some(Response::Partial)),
            ),
            (Therapy::WoundCare, trial(8.0, none)),
            (Therapy::StopWarfarin, trial(4.0, none)),
        ]);
        for (finding, value) in [
            (FindingId::Warfarin, true),
            (FindingId::HighDoseCalciumBinder, false),
            (FindingId::ActiveVitaminDHighDose, false),
        ] {
            case.findings.insert(finding.id().to_string(), value);
        }
        case
    }

    #[test]
    fn refractory_needs_every_requirement_and_names_what_fails_or_is_missing() {
        let id = CriterionId::RefractoryToConventional;
        let therapies = |case: &mut Case| case.therapies_tried.as_mut().unwrap().clone();
        for lang in LANGS {
            let c = criterion(&refractory_case(), id, lang);
            assert_eq!(c.status, Status::Met, "{}", c.basis);
            let sts = in_sentence(Therapy::SodiumThiosulfate.name(lang), lang);
            assert!(c.basis.contains(&sts), "{}", c.basis);

            // A complete response to anything: not refractory, and named.
            let mut healed = refractory_case();
            let mut map = therapies(&mut healed);
            map.insert(
                Therapy::Parathyroidectomy.id().into(),
                trial(2.0, Some(Response::Complete)),
            );
            healed.therapies_tried = Some(map);
            let c = criterion(&healed, id, lang);
            assert_eq!(c.status, Status::NotMet);
            assert!(c.basis.contains(Therapy::Parathyroidectomy.name(lang)));

            // A therapy tried without a response: unknown, and the response is asked for.
            let mut open = refractory_case();
            let mut map = therapies(&mut open);
            map.insert(Therapy::Cinacalcet.id().into(), TherapyTrial::Tried);
            open.therapies_tried = Some(map);
            let c = criterion(&open, id, lang);
            assert_eq!(c.status, Status::Unknown);
            let cinacalcet = in_sentence(Therapy::Cinacalcet.name(lang), lang);
            assert!(c.needed.unwrap().contains(&cinacalcet));

            let c = criterion(&Case::default(), id, lang);
            assert_eq!(c.status, Status::Unknown);
            assert_eq!(c.needed.unwrap(), msg::msc::TO_RECORD_THERAPIES.get(lang));
        }
    }

    #[test]
    fn a_stop_contradicted_by_the_record_is_a_warning_and_leaves_refractory_unknown() {
        let id = CriterionId::RefractoryToConventional;
        let mut case = refractory_case();
        case.findings.insert(FindingId::Warfarin.id().into(), false);
        for lang in LANGS {
            let c = criterion(&case, id, lang);
            assert_eq!(c.status, Status::Unknown, "{}", c.basis);
            let warnings = assess_in(&case, lang).warnings;
            let fields: Vec<String> = warnings.iter().map(|w| w.field.to_string()).collect();
            assert!(
                fields.contains(&"therapies_tried.stop_warfarin".to_string()),
                "{fields:?}"
            );
        }
    }

    #[test]
    fn msc_in_the_visits_with_no_prior_cell_therapy_is_a_warning() {
        let text = r#"{"format": "calciphylaxis-case/1",
            "findings": {"prior_cell_therapy": false},
            "visits": [{"date": "2024-01-10", "treatments": [{"kind": "msc"}]}]}"#;
        let case = crate::core::case::parse_case_text(text).unwrap().case;
        let fields = |case: &Case| -> Vec<String> {
            let warnings = assess_in(case, Lang::En).warnings;
            warnings.iter().map(|w| w.field.to_string()).collect()
        };
        assert!(fields(&case).contains(&"findings.prior_cell_therapy".to_string()));
        let mut answered_yes = case.clone();
        answered_yes
            .findings
            .insert("prior_cell_therapy".into(), true);
        assert!(!fields(&answered_yes).contains(&"findings.prior_cell_therapy".to_string()));
    }

    #[test]
    fn the_diagnosis_needs_the_confirmed_tier_or_hayashi_through_histology() {
        let id = CriterionId::DiagnosisEstablished;
        for lang in LANGS {
            for (biopsy, hayashi, histology, status) in [
                (
                    Some(Biopsy::Consistent),
                    HayashiStatus::Met,
                    Status::Met,
                    Status::Met,
                ),
                // Hayashi met by (1)–(3) alone is not the histology route.
                (None, HayashiStatus::Met, Status::Unknown, Status::Unknown),
                (
                    Some(Biopsy::NotDone),
                    HayashiStatus::Met,
                    Status::NotMet,
                    Status::NotMet,
                ),
                (
                    Some(Biopsy::Consistent),
                    HayashiStatus::Incomplete,
                    Status::Met,
                    Status::Unknown,
                ),
                (
                    Some(Biopsy::Consistent),
                    HayashiStatus::NotMet,
                    Status::Met,
                    Status::NotMet,
                ),
            ] {
                let mut case = Case::default();
                case.lesions.biopsy = biopsy;
                let mut diagnosis = assess_in(&case, lang).diagnosis;
                diagnosis.hayashi.status = hayashi;
                for c in &mut diagnosis.hayashi.criteria {
                    if c.id == HayashiCriterion::Histology {
                        c.status = histology;
                    }
                }
                for tier in &mut diagnosis.consensus.tiers {
                    tier.status = Status::NotMet;
                }
                diagnosis.consensus.highest = DiagnosticTier::Clinical;
                let c = criterion_with(&case, &diagnosis, id, lang);
                assert_eq!(c.status, status, "{biopsy:?} {hayashi:?} {histology:?}");
                assert!(c.basis.contains("Hayashi"), "{}", c.basis);
                if biopsy.is_none() {
                    assert_eq!(c.needed.unwrap(), msg::msc::TO_RECORD_BIOPSY.get(lang));
                }
            }
        }
    }

    #[test]
    fn one_blocking_criterion_settles_the_overall_status() {
        let bleeding = with_findings(&[
            (FindingId::InformedConsent, true),
            (FindingId::UncontrolledBleeding, true),
        ]);
        let (inputs, _, _) = validate(&bleeding, Lang::En);
        let assessed = assess_in(&bleeding, Lang::En);
        let (risk, diagnosis) = (assessed.risk, assessed.diagnosis);
        let msc = assess_msc(&inputs, &risk, &diagnosis, Lang::En);
        assert_eq!(msc.status, MscStatus::NotEligible);
        assert!(
            msc.summary.contains("uncontrolled bleeding"),
            "{}",
            msc.summary
        );
        let open = assess_msc(
            &validate(&Case::default(), Lang::En).0,
            &risk,
            &diagnosis,
            Lang::En,
        );
        assert_eq!(open.status, MscStatus::Incomplete);
        assert_eq!(open.missing.len(), CRITERIA.len());
    }
}
