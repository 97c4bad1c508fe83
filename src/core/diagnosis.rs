//! Diagnosis (`clinical.md` §4): the consensus tiers (suspected / clinical / confirmed), the
//! Hayashi criteria, the population they were made for, and lesion distribution. Every criterion is met / not met / unknown,
//! and an overall status is settled only when unknowns cannot change it.
//!
//! The knowledge is data: [`TIERS`] and [`CONSENSUS_CRITERIA`] (cn_consensus_2023, Table 3),
//! [`HAYASHI_CRITERIA`] and [`HAYASHI_RULE`] (Hayashi 2013). Each criterion's rule returns a
//! status and a typed [`Reason`]; [`render`] is the one place a reason becomes words.

use crate::core::i18n::msg;
use serde::Serialize;

use super::case::{Biopsy, CkdStage, Dialysis};
use super::findings::Site::Penis;
use super::findings::{FindingId, Site};
use super::i18n::{Lang, Text};
use super::inputs::Inputs;
use super::logic::{all, any, Status};
use super::risk::{finding_label, RiskProfile};
use crate::tr;

id_enum! {
    /// A diagnostic tier of the consensus (cn_consensus_2023, Table 3); `none` when no tier
    /// is met.
    DiagnosticTier {
        None = "none",
        Suspected = "suspected",
        Clinical = "clinical",
        Confirmed = "confirmed",
    }
}

id_enum! {
    /// A criterion of the consensus tiers (cn_consensus_2023, Table 3). `skin_lesions` is
    /// the confirmed tier's "lesions": typical lesions or early suspicious changes.
    ConsensusCriterion {
        RiskThreshold = "risk_threshold",
        EarlySkinChanges = "early_skin_changes",
        RiskFactorPresent = "risk_factor_present",
        TypicalLesions = "typical_lesions",
        PositiveBiopsy = "positive_biopsy",
        SkinLesions = "skin_lesions",
        DifferentialExcluded = "differential_excluded",
    }
}

id_enum! {
    /// A Hayashi 2013 criterion, (1)–(4).
    HayashiCriterion {
        KidneyFailure = "ckd_on_dialysis_or_egfr_under_15",
        MoreThanTwoUlcers = "more_than_two_painful_ulcers_with_purpura",
        UlcersAtTypicalSite = "painful_ulcers_with_purpura_trunk_extremity_penis",
        Histology = "histology_consistent",
    }
}

/// What a screen needs of a criterion id, whichever rule the criterion belongs to.
pub trait CriterionId: Copy + Serialize {
    fn id(self) -> &'static str;
}

impl CriterionId for ConsensusCriterion {
    fn id(self) -> &'static str {
        ConsensusCriterion::id(self)
    }
}

impl CriterionId for HayashiCriterion {
    fn id(self) -> &'static str {
        HayashiCriterion::id(self)
    }
}

impl DiagnosticTier {
    /// The tier's words, from its row.
    pub fn text(self) -> Text {
        TIERS
            .iter()
            .find(|row| row.id == self)
            .map_or(msg::diagnosis::TIER_NONE_NAME, |row| row.name)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criterion<Id> {
    pub id: Id,
    /// What the criterion asks, in words.
    pub name: &'static str,
    pub status: Status,
    pub basis: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsensusTier {
    #[serde(rename = "tier")]
    pub id: DiagnosticTier,
    pub status: Status,
    pub criteria: Vec<Criterion<ConsensusCriterion>>,
}

/// Where the exclusion of the differential stands (`differential_excluded` with
/// `alternative_diagnosis_found`): every consensus tier requires it excluded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Differential {
    /// `differential_excluded: true`, no alternative found.
    Excluded,
    /// `differential_excluded: false`: the exclusion is under way.
    ExclusionPending,
    /// `alternative_diagnosis_found: true`: another diagnosis explains the lesions.
    AlternativeFound,
    /// Neither recorded.
    NotRecorded,
}

impl Differential {
    pub fn of(inputs: &Inputs) -> Self {
        let alternative = inputs.finding(FindingId::AlternativeDiagnosisFound);
        match (alternative, inputs.finding(FindingId::DifferentialExcluded)) {
            (Some(true), _) => Differential::AlternativeFound,
            (_, Some(true)) => Differential::Excluded,
            (_, Some(false)) => Differential::ExclusionPending,
            (_, None) => Differential::NotRecorded,
        }
    }

    /// Met only when excluded; not met once an alternative is found; pending and not
    /// recorded stay unknown.
    fn status(self) -> Option<bool> {
        match self {
            Differential::Excluded => Some(true),
            Differential::AlternativeFound => Some(false),
            Differential::ExclusionPending | Differential::NotRecorded => None,
        }
    }

    fn words(self) -> Text {
        use msg::diagnosis as m;
        match self {
            Differential::Excluded => m::DIFFERENTIAL_EXCLUDED_RECORDED,
            Differential::ExclusionPending => m::DIFFERENTIAL_EXCLUDED_PENDING,
            Differential::AlternativeFound => m::DIFFERENTIAL_ALTERNATIVE_FOUND,
            Differential::NotRecorded => m::DIFFERENTIAL_EXCLUDED_NOT_RECORDED,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consensus {
    /// The highest tier met: `confirmed`, `clinical`, `suspected` or `none`.
    #[serde(rename = "tier")]
    pub highest: DiagnosticTier,
    /// The differential every tier requires excluded.
    pub differential: Differential,
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
    /// Not a uremic patient: criterion (1) and the criteria's derivation assume kidney
    /// failure (Hayashi 2013), so biopsy decides; the criteria are still listed.
    NotApplicable,
}

/// Whom the consensus and Hayashi's criteria were made for. Nigwekar 2008's non-uremic
/// definition excludes kidney failure and transplantation, so a recipient is never
/// `non_uremic`; a failed graft (G5, G5D or dialysis) is `uremic`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Population {
    Uremic,
    Transplant,
    NonUremic,
    Unknown,
}

impl Population {
    /// The consensus ("in dialysis patients") and Hayashi assume kidney failure.
    pub fn outside_kidney_failure(self) -> bool {
        matches!(self, Population::Transplant | Population::NonUremic)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hayashi {
    pub status: HayashiStatus,
    pub rule: &'static str,
    pub criteria: Vec<Criterion<HayashiCriterion>>,
    pub sources: Vec<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Distribution {
    /// The penis among the sites, whatever else (JAAD 2025: penile vs distal HR 11.90).
    Penile,
    Central,
    Peripheral,
    Mixed,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnosis {
    pub population: Population,
    pub population_basis: String,
    pub population_sources: Vec<&'static str>,
    pub consensus: Consensus,
    pub hayashi: Hayashi,
    pub lesion_distribution: Distribution,
    pub lesion_distribution_basis: String,
    pub lesion_distribution_sources: Vec<&'static str>,
}

/// How a rule combines its criteria, as data. Kleene logic: an unknown criterion leaves the
/// whole unknown unless the known ones already settle it.
pub enum Condition<Id: 'static> {
    Met(Id),
    All(&'static [Condition<Id>]),
    Any(&'static [Condition<Id>]),
}

impl<Id: Copy + PartialEq> Condition<Id> {
    /// Whether the condition holds, given each criterion's status.
    pub fn holds(&self, status: &dyn Fn(Id) -> Status) -> Option<bool> {
        match self {
            Condition::Met(id) => status(*id).as_option(),
            Condition::All(parts) => all(parts.iter().map(|part| part.holds(status))),
            Condition::Any(parts) => any(parts.iter().map(|part| part.holds(status))),
        }
    }

    /// The criteria the condition names, in order of first mention.
    pub fn criteria(&self) -> Vec<Id> {
        let mut ids = Vec::new();
        self.collect(&mut ids);
        ids
    }

    fn collect(&self, ids: &mut Vec<Id>) {
        match self {
            Condition::Met(id) if !ids.contains(id) => ids.push(*id),
            Condition::Met(_) => {}
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|part| part.collect(ids))
            }
        }
    }
}

/// A consensus tier as data.
struct TierDef {
    id: DiagnosticTier,
    name: Text,
    requires: Condition<ConsensusCriterion>,
    sources: &'static [&'static str],
}

const CN: &str = "cn_consensus_2023";

/// The consensus tiers, highest first: the first one met is the diagnosis. Each also
/// requires the differential to be excluded (cn_consensus_2023, Table 3).
const TIERS: &[TierDef] = {
    use Condition::{All, Met};
    use ConsensusCriterion::*;
    &[
        TierDef {
            id: DiagnosticTier::Confirmed,
            name: msg::diagnosis::TIER_CONFIRMED_NAME,
            requires: All(&[
                Met(PositiveBiopsy),
                Met(SkinLesions),
                Met(DifferentialExcluded),
            ]),
            sources: &[CN],
        },
        TierDef {
            id: DiagnosticTier::Clinical,
            name: msg::diagnosis::TIER_CLINICAL_NAME,
            requires: All(&[
                Met(RiskFactorPresent),
                Met(TypicalLesions),
                Met(DifferentialExcluded),
            ]),
            sources: &[CN],
        },
        TierDef {
            id: DiagnosticTier::Suspected,
            name: msg::diagnosis::TIER_SUSPECTED_NAME,
            requires: All(&[
                Met(RiskThreshold),
                Met(EarlySkinChanges),
                Met(DifferentialExcluded),
            ]),
            sources: &[CN],
        },
    ]
};

/// Hayashi 2013: all of (1)–(3), or (1) + (2 or 3) + (4).
pub const HAYASHI_RULE: Condition<HayashiCriterion> = {
    use Condition::{All, Any, Met};
    use HayashiCriterion::*;
    Any(&[
        All(&[
            Met(KidneyFailure),
            Met(MoreThanTwoUlcers),
            Met(UlcersAtTypicalSite),
        ]),
        All(&[
            Met(KidneyFailure),
            Any(&[Met(MoreThanTwoUlcers), Met(UlcersAtTypicalSite)]),
            Met(Histology),
        ]),
    ])
};

/// Everything a criterion's rule may read.
struct Context<'a> {
    inputs: &'a Inputs<'a>,
    risk: &'a RiskProfile,
}

/// What a rule decided, and why (in data: [`render`] puts it into words).
struct Judgement<'a> {
    status: Status,
    reason: Reason<'a>,
}

fn judged(value: Option<bool>, reason: Reason) -> Judgement {
    Judgement {
        status: value.into(),
        reason,
    }
}

/// A criterion as data: its id, what it asks, and the rule that decides it.
struct CriterionDef<Id: 'static> {
    id: Id,
    name: Text,
    rule: for<'a> fn(&Context<'a>) -> Judgement<'a>,
}

impl<Id: Copy> CriterionDef<Id> {
    fn judge(&self, context: &Context, lang: Lang) -> Criterion<Id> {
        let Judgement { status, reason } = (self.rule)(context);
        Criterion {
            id: self.id,
            name: self.name.get(lang),
            status,
            basis: render(&reason, lang),
        }
    }
}

const CONSENSUS_CRITERIA: &[CriterionDef<ConsensusCriterion>] = &[
    CriterionDef {
        id: ConsensusCriterion::RiskThreshold,
        name: msg::diagnosis::RISK_THRESHOLD_NAME,
        rule: risk_threshold,
    },
    CriterionDef {
        id: ConsensusCriterion::EarlySkinChanges,
        name: msg::diagnosis::EARLY_SKIN_CHANGES_NAME,
        rule: early_skin_changes,
    },
    CriterionDef {
        id: ConsensusCriterion::RiskFactorPresent,
        name: msg::diagnosis::RISK_FACTOR_PRESENT_NAME,
        rule: risk_factor_present,
    },
    CriterionDef {
        id: ConsensusCriterion::TypicalLesions,
        name: msg::diagnosis::TYPICAL_LESIONS_NAME,
        rule: typical_lesions,
    },
    CriterionDef {
        id: ConsensusCriterion::PositiveBiopsy,
        name: msg::diagnosis::POSITIVE_BIOPSY_NAME,
        rule: positive_biopsy,
    },
    CriterionDef {
        id: ConsensusCriterion::SkinLesions,
        name: msg::diagnosis::SKIN_LESIONS_NAME,
        rule: skin_lesions,
    },
    CriterionDef {
        id: ConsensusCriterion::DifferentialExcluded,
        name: msg::diagnosis::DIFFERENTIAL_EXCLUDED_NAME,
        rule: differential_excluded,
    },
];

/// Hayashi 2013's criteria, in its order.
const HAYASHI_CRITERIA: &[CriterionDef<HayashiCriterion>] = &[
    CriterionDef {
        id: HayashiCriterion::KidneyFailure,
        name: msg::diagnosis::HAYASHI_KIDNEY_FAILURE_NAME,
        rule: kidney_failure,
    },
    CriterionDef {
        id: HayashiCriterion::MoreThanTwoUlcers,
        name: msg::diagnosis::HAYASHI_MORE_THAN_TWO_ULCERS_NAME,
        rule: more_than_two_ulcers,
    },
    CriterionDef {
        id: HayashiCriterion::UlcersAtTypicalSite,
        name: msg::diagnosis::HAYASHI_ULCERS_AT_TYPICAL_SITE_NAME,
        rule: ulcers_at_typical_site,
    },
    CriterionDef {
        id: HayashiCriterion::Histology,
        name: msg::diagnosis::HAYASHI_HISTOLOGY_NAME,
        rule: histology,
    },
];

/// The consensus's typical lesions (cn_consensus_2023, Table 3), as finding ids.
const TYPICAL_LESIONS: &[FindingId] = &[
    FindingId::LivedoReticularis,
    FindingId::PainfulPurpura,
    FindingId::ViolaceousPlaquesOrInduration,
    FindingId::PainfulSkinUlcers,
    FindingId::NecroticEschar,
];

/// Why a rule decided what it did; [`render`] is the one place it becomes words.
enum Reason<'a> {
    /// The risk profile's own account of the consensus threshold.
    RiskThreshold(&'a str),
    EarlySkinChanges(Option<bool>),
    FactorCounts {
        major: usize,
        minor: usize,
    },
    /// The typical lesions recorded present (finding ids).
    TypicalLesionsPresent(Vec<FindingId>),
    TypicalLesionsAllAbsent,
    TypicalLesionsNotAllRecorded,
    /// Typical lesions or early suspicious changes present.
    SkinLesionsPresent,
    /// The biopsy as the consensus reads it.
    Biopsy(Option<Biopsy>),
    Differential(Differential),
    Kidney {
        dialysis: Option<Dialysis>,
        stage: Option<CkdStage>,
    },
    UlcerCount {
        /// `lesions.ulcer_count`: Hayashi (2) counts ulcers.
        count: Option<f64>,
        ulcers: Option<bool>,
        purpura: Option<bool>,
    },
    UlcerSites {
        sites: &'a [Site],
        ulcers: Option<bool>,
        purpura: Option<bool>,
    },
    /// The biopsy as Hayashi's histology criterion reads it.
    Histology(Option<Biopsy>),
}

/// A finding's words when recorded present, recorded absent, not recorded.
type RecordedWords = [Text; 3];
const EARLY_SKIN_CHANGES_WORDS: RecordedWords = [
    msg::diagnosis::EARLY_SKIN_CHANGES_RECORDED,
    msg::diagnosis::EARLY_SKIN_CHANGES_ABSENT,
    msg::diagnosis::EARLY_SKIN_CHANGES_NOT_RECORDED,
];
/// A biopsy's words when consistent, not consistent, not done (not recorded is shared).
type BiopsyWords = [Text; 3];
const POSITIVE_BIOPSY_WORDS: BiopsyWords = [
    msg::diagnosis::POSITIVE_BIOPSY_CONSISTENT,
    msg::diagnosis::POSITIVE_BIOPSY_NOT_CONSISTENT,
    msg::diagnosis::POSITIVE_BIOPSY_NOT_DONE,
];
const HISTOLOGY_WORDS: BiopsyWords = [
    msg::diagnosis::HAYASHI_HISTOLOGY_CONSISTENT,
    msg::diagnosis::HAYASHI_HISTOLOGY_NOT_CONSISTENT,
    msg::diagnosis::HAYASHI_HISTOLOGY_NOT_DONE,
];

/// The one renderer of a diagnostic criterion's `basis`.
fn render(reason: &Reason, lang: Lang) -> String {
    use msg::diagnosis as m;
    let fixed = |text: Text| text.get(lang).to_string();
    match reason {
        Reason::RiskThreshold(basis) => basis.to_string(),
        Reason::EarlySkinChanges(value) => render_recorded(*value, EARLY_SKIN_CHANGES_WORDS, lang),
        Reason::FactorCounts { major, minor } => tr!(
            lang,
            m::RISK_FACTOR_PRESENT_COUNTS,
            major_present = major,
            minor_present = minor
        ),
        Reason::TypicalLesionsPresent(findings) => {
            let lesions = lesion_list(findings, lang);
            tr!(lang, m::TYPICAL_LESIONS_PRESENT, lesions)
        }
        Reason::TypicalLesionsAllAbsent => fixed(m::TYPICAL_LESIONS_ALL_ABSENT),
        Reason::TypicalLesionsNotAllRecorded => fixed(m::TYPICAL_LESIONS_NOT_ALL_RECORDED),
        Reason::SkinLesionsPresent => fixed(m::SKIN_LESIONS_PRESENT),
        Reason::Biopsy(result) => render_biopsy(*result, POSITIVE_BIOPSY_WORDS, lang),
        Reason::Differential(state) => state.words().get(lang).to_string(),
        Reason::Kidney { dialysis, stage } => render_kidney(*dialysis, *stage, lang),
        Reason::UlcerCount {
            count,
            ulcers,
            purpura,
        } => render_ulcer_count(*count, *ulcers, *purpura, lang),
        Reason::UlcerSites {
            sites,
            ulcers,
            purpura,
        } => render_ulcer_sites(sites, *ulcers, *purpura, lang),
        Reason::Histology(result) => render_biopsy(*result, HISTOLOGY_WORDS, lang),
    }
}

/// A finding recorded present, absent or not recorded, in the criterion's words.
fn render_recorded(
    value: Option<bool>,
    [present, absent, unrecorded]: RecordedWords,
    lang: Lang,
) -> String {
    value
        .map_or(unrecorded, |v| if v { present } else { absent })
        .get(lang)
        .to_string()
}

/// A biopsy result, in the criterion's words.
fn render_biopsy(
    biopsy: Option<Biopsy>,
    [consistent, not_consistent, not_done]: BiopsyWords,
    lang: Lang,
) -> String {
    match biopsy {
        Some(Biopsy::Consistent) => consistent,
        Some(Biopsy::NotConsistent) => not_consistent,
        Some(Biopsy::NotDone) => not_done,
        None => msg::diagnosis::BIOPSY_NOT_RECORDED,
    }
    .get(lang)
    .to_string()
}

/// Hayashi's "more than two ulcers": the lesion count, with ulcers and purpura recorded.
fn render_ulcer_count(
    count: Option<f64>,
    ulcers: Option<bool>,
    purpura: Option<bool>,
    lang: Lang,
) -> String {
    let count = count.map_or_else(|| word(None, lang).into(), |n| format!("{n}"));
    let (ulcers, purpura) = (word(ulcers, lang), word(purpura, lang));
    tr!(
        lang,
        msg::diagnosis::HAYASHI_MORE_THAN_TWO_ULCERS_BASIS,
        count,
        purpura,
        ulcers
    )
}

/// Hayashi's "ulcers at a typical site": the sites recorded, with ulcers and purpura.
fn render_ulcer_sites(
    sites: &[Site],
    ulcers: Option<bool>,
    purpura: Option<bool>,
    lang: Lang,
) -> String {
    let sites = site_list(sites, lang);
    let (ulcers, purpura) = (word(ulcers, lang), word(purpura, lang));
    tr!(
        lang,
        msg::diagnosis::HAYASHI_ULCERS_AT_TYPICAL_SITE_BASIS,
        sites,
        purpura,
        ulcers
    )
}

/// The findings' names, joined by "; " in English: the names themselves may contain commas.
fn lesion_list(findings: &[FindingId], lang: Lang) -> String {
    findings
        .iter()
        .map(|&id| finding_label(id, lang))
        .collect::<Vec<_>>()
        .join(msg::diagnosis::TYPICAL_LESIONS_SEPARATOR.get(lang))
}

/// Dialysis first (it decides criterion (1) whatever the stage), then the CKD stage.
fn render_kidney(dialysis: Option<Dialysis>, stage: Option<CkdStage>, lang: Lang) -> String {
    use msg::diagnosis as m;
    match (dialysis, stage) {
        (Some(Dialysis::Hemodialysis), _) => m::HAYASHI_KIDNEY_FAILURE_HAEMODIALYSIS
            .get(lang)
            .to_string(),
        (Some(Dialysis::Peritoneal), _) => {
            m::HAYASHI_KIDNEY_FAILURE_PERITONEAL.get(lang).to_string()
        }
        (_, Some(CkdStage::None)) => m::HAYASHI_KIDNEY_FAILURE_NO_CKD.get(lang).to_string(),
        (_, Some(stage)) => tr!(lang, m::HAYASHI_KIDNEY_FAILURE_CKD_STAGE, id = stage.id()),
        _ => m::HAYASHI_KIDNEY_FAILURE_NOT_RECORDED.get(lang).to_string(),
    }
}

/// The lesion sites inside a sentence (English lower-cased), or "not recorded".
fn site_list(sites: &[Site], lang: Lang) -> String {
    if sites.is_empty() {
        return word(None, lang).to_string();
    }
    sites
        .iter()
        .map(|s| match lang {
            Lang::En => s.name(lang).to_lowercase(),
            Lang::Zh => s.name(lang).to_string(),
        })
        .collect::<Vec<_>>()
        .join(msg::common::LIST_SEPARATOR.get(lang))
}

fn word(value: Option<bool>, lang: Lang) -> &'static str {
    match value {
        Some(true) => msg::diagnosis::WORD_YES.get(lang),
        Some(false) => msg::diagnosis::WORD_NO.get(lang),
        None => msg::diagnosis::WORD_NOT_RECORDED.get(lang),
    }
}

// The consensus criteria's rules.

fn risk_threshold<'a>(context: &Context<'a>) -> Judgement<'a> {
    let threshold = &context.risk.threshold;
    Judgement {
        status: threshold.status,
        reason: Reason::RiskThreshold(&threshold.basis),
    }
}

fn early_skin_changes<'a>(context: &Context<'a>) -> Judgement<'a> {
    let value = context.inputs.finding(FindingId::EarlySkinChanges);
    judged(value, Reason::EarlySkinChanges(value))
}

/// Any consensus factor, major or minor, present; absent only when none is unknown.
fn risk_factor_present<'a>(context: &Context<'a>) -> Judgement<'a> {
    let risk = context.risk;
    let value = if risk.major_present + risk.minor_present > 0 {
        Some(true)
    } else if risk.major_unknown + risk.minor_unknown == 0 {
        Some(false)
    } else {
        None
    };
    let reason = Reason::FactorCounts {
        major: risk.major_present,
        minor: risk.minor_present,
    };
    judged(value, reason)
}

fn typical_lesions<'a>(context: &Context<'a>) -> Judgement<'a> {
    let inputs = context.inputs;
    let value = any(TYPICAL_LESIONS.iter().map(|&id| inputs.finding(id)));
    let reason = match value {
        Some(true) => Reason::TypicalLesionsPresent(
            TYPICAL_LESIONS
                .iter()
                .copied()
                .filter(|&id| inputs.finding(id) == Some(true))
                .collect(),
        ),
        Some(false) => Reason::TypicalLesionsAllAbsent,
        None => Reason::TypicalLesionsNotAllRecorded,
    };
    judged(value, reason)
}

fn positive_biopsy<'a>(context: &Context<'a>) -> Judgement<'a> {
    let biopsy = context.inputs.case.lesions.biopsy;
    judged(
        biopsy.map(|b| b == Biopsy::Consistent),
        Reason::Biopsy(biopsy),
    )
}

/// Typical lesions or early suspicious changes; when neither is shown present, the typical
/// lesions' account says why.
fn skin_lesions<'a>(context: &Context<'a>) -> Judgement<'a> {
    let typical = typical_lesions(context);
    let early = early_skin_changes(context);
    let value = any([typical.status.as_option(), early.status.as_option()]);
    let reason = match value {
        Some(true) => Reason::SkinLesionsPresent,
        _ => typical.reason,
    };
    judged(value, reason)
}

fn differential_excluded<'a>(context: &Context<'a>) -> Judgement<'a> {
    let state = Differential::of(context.inputs);
    judged(state.status(), Reason::Differential(state))
}

// Hayashi's criteria's rules.

/// (1): on dialysis, or CKD stage 5 (eGFR < 15).
fn kidney_failure<'a>(context: &Context<'a>) -> Judgement<'a> {
    let kidney = &context.inputs.case.kidney;
    let stage_5 = kidney
        .ckd_stage
        .map(|s| matches!(s, CkdStage::G5 | CkdStage::G5D));
    let reason = Reason::Kidney {
        dialysis: kidney.dialysis,
        stage: kidney.ckd_stage,
    };
    judged(any([context.inputs.on_dialysis(), stage_5]), reason)
}

/// (2): more than two painful ulcers, with painful purpura. Without an ulcer count it stays
/// unknown unless ulcers or purpura are recorded absent.
fn more_than_two_ulcers<'a>(context: &Context<'a>) -> Judgement<'a> {
    let inputs = context.inputs;
    let count = inputs.ulcer_count;
    let ulcers = inputs.finding(FindingId::PainfulSkinUlcers);
    let purpura = inputs.finding(FindingId::PainfulPurpura);
    let value = all([count.map(|n| n > 2.0), ulcers, purpura]);
    judged(
        value,
        Reason::UlcerCount {
            count,
            ulcers,
            purpura,
        },
    )
}

/// (3): painful ulcers and purpura, on the trunk, an extremity or the penis.
fn ulcers_at_typical_site<'a>(context: &Context<'a>) -> Judgement<'a> {
    let inputs = context.inputs;
    let sites = &inputs.case.lesions.sites[..];
    let ulcers = inputs.finding(FindingId::PainfulSkinUlcers);
    let purpura = inputs.finding(FindingId::PainfulPurpura);
    let typical_site =
        (!sites.is_empty()).then(|| sites.iter().any(|s| s.is_trunk_extremity_or_penis()));
    let value = all([ulcers, purpura, typical_site]);
    judged(
        value,
        Reason::UlcerSites {
            sites,
            ulcers,
            purpura,
        },
    )
}

/// (4): histology consistent (the recorded skin biopsy).
fn histology<'a>(context: &Context<'a>) -> Judgement<'a> {
    let biopsy = context.inputs.case.lesions.biopsy;
    judged(
        biopsy.map(|b| b == Biopsy::Consistent),
        Reason::Histology(biopsy),
    )
}

pub fn assess_diagnosis(inputs: &Inputs, risk: &RiskProfile, lang: Lang) -> Diagnosis {
    let context = Context { inputs, risk };
    let sites = &inputs.case.lesions.sites;
    let (lesion_distribution, lesion_distribution_basis) = distribution(sites, lang);
    let population = population(inputs);
    let mut consensus = consensus(&context, lang);
    if population.outside_kidney_failure() {
        consensus.summary.push_str(&population_note(lang));
    }
    let lesion_distribution_sources = match lesion_distribution {
        Distribution::Penile => vec!["jaad_2025_outcomes", "gabel_2020"],
        _ => vec!["jaad_2025_outcomes", "gaisne_2020"],
    };
    Diagnosis {
        population,
        population_basis: population_basis(population, inputs, lang),
        population_sources: population_sources(population),
        consensus,
        hayashi: hayashi(&context, population, lang),
        lesion_distribution,
        lesion_distribution_basis,
        lesion_distribution_sources,
    }
}

/// `uremic` (G5, G5D or on dialysis), else `transplant` (a recipient), else `non_uremic`
/// (no CKD; or G1–G4, not on dialysis and no transplant), else `unknown`.
pub fn population(inputs: &Inputs) -> Population {
    let kidney = &inputs.case.kidney;
    let stage = kidney.ckd_stage;
    let stage_5 = stage.map(|s| matches!(s, CkdStage::G5 | CkdStage::G5D));
    let uremic = any([stage_5, inputs.on_dialysis()]);
    match (uremic, kidney.kidney_transplant, stage) {
        (Some(true), _, _) => Population::Uremic,
        (Some(false), Some(true), _) => Population::Transplant,
        (Some(false), _, Some(CkdStage::None)) | (Some(false), Some(false), _) => {
            Population::NonUremic
        }
        _ => Population::Unknown,
    }
}

/// Hayashi and the consensus say whom they were made for; Nigwekar 2008 defines the
/// non-uremic patient (without kidney failure or a transplant).
fn population_sources(population: Population) -> Vec<&'static str> {
    match population {
        Population::NonUremic | Population::Transplant => {
            vec!["nigwekar_2008_nonuremic", "hayashi_2013", CN]
        }
        Population::Uremic | Population::Unknown => vec!["hayashi_2013", CN],
    }
}

/// The kidney inputs that placed the patient, and for a patient outside kidney failure
/// that the rules do not apply.
fn population_basis(population: Population, inputs: &Inputs, lang: Lang) -> String {
    use msg::diagnosis as m;
    let kidney = &inputs.case.kidney;
    let kidney_words = render_kidney(kidney.dialysis, kidney.ckd_stage, lang);
    let transplant = word(kidney.kidney_transplant, lang);
    let template = match population {
        Population::Uremic => m::POPULATION_UREMIC,
        Population::Transplant => m::POPULATION_TRANSPLANT,
        Population::NonUremic => m::POPULATION_NON_UREMIC,
        Population::Unknown => m::POPULATION_UNKNOWN,
    };
    let mut basis = tr!(lang, template, kidney = kidney_words, transplant);
    if population.outside_kidney_failure() {
        basis.push_str(&population_note(lang));
    }
    basis
}

/// " The consensus and the Hayashi criteria were made for kidney failure: biopsy decides."
pub fn population_note(lang: Lang) -> String {
    msg::diagnosis::POPULATION_RULES_MADE_FOR_KIDNEY_FAILURE
        .get(lang)
        .to_string()
}

/// Each criterion judged once; each tier reads the criteria its row requires.
fn consensus(context: &Context, lang: Lang) -> Consensus {
    let judged: Vec<Criterion<ConsensusCriterion>> = CONSENSUS_CRITERIA
        .iter()
        .map(|def| def.judge(context, lang))
        .collect();
    let criterion = |id: ConsensusCriterion| {
        judged
            .iter()
            .find(|c| c.id == id)
            .expect("every criterion a tier requires has a row (tested)")
    };
    let status = |id: ConsensusCriterion| criterion(id).status;
    let tiers: Vec<ConsensusTier> = TIERS
        .iter()
        .map(|row| ConsensusTier {
            id: row.id,
            status: row.requires.holds(&status).into(),
            criteria: row
                .requires
                .criteria()
                .into_iter()
                .map(|id| criterion(id).clone())
                .collect(),
        })
        .collect();
    let highest = tiers
        .iter()
        .find(|t| t.status == Status::Met)
        .map_or(DiagnosticTier::None, |t| t.id);
    let differential = Differential::of(context.inputs);
    let summary = consensus_summary(highest, &tiers, differential, lang);
    let mut sources: Vec<&'static str> = Vec::new();
    for source in TIERS.iter().flat_map(|row| row.sources) {
        if !sources.contains(source) {
            sources.push(source);
        }
    }
    Consensus {
        highest,
        differential,
        tiers,
        summary,
        sources,
    }
}

/// The tier met, the higher tiers still open for unknown inputs, and the differential
/// every tier requires when it is not recorded as excluded.
fn consensus_summary(
    highest: DiagnosticTier,
    tiers: &[ConsensusTier],
    differential: Differential,
    lang: Lang,
) -> String {
    use msg::diagnosis as m;
    let mut summary = match (highest, differential) {
        (DiagnosticTier::None, Differential::AlternativeFound) => {
            m::SUMMARY_ALTERNATIVE_FOUND.get(lang).to_string()
        }
        (DiagnosticTier::None, _) => m::SUMMARY_NO_TIER_MET.get(lang).to_string(),
        (tier, _) => tr!(lang, m::SUMMARY_TIER_MET, tier = tier.text().get(lang)),
    };
    let pending: Vec<&str> = tiers
        .iter()
        .take_while(|t| t.id != highest)
        .filter(|t| t.status == Status::Unknown)
        .map(|t| t.id.text().get(lang))
        .collect();
    if !pending.is_empty() {
        let pending = pending.join(msg::common::LIST_SEPARATOR.get(lang));
        summary.push_str(&tr!(lang, m::SUMMARY_PENDING, pending));
    }
    match differential {
        Differential::NotRecorded => summary.push_str(m::SUMMARY_DIFFERENTIAL_REQUIRED.get(lang)),
        Differential::ExclusionPending => {
            summary.push_str(m::SUMMARY_DIFFERENTIAL_PENDING.get(lang))
        }
        Differential::Excluded | Differential::AlternativeFound => {}
    }
    summary
}

fn hayashi(context: &Context, population: Population, lang: Lang) -> Hayashi {
    let criteria: Vec<Criterion<HayashiCriterion>> = HAYASHI_CRITERIA
        .iter()
        .map(|def| def.judge(context, lang))
        .collect();
    let status = |id: HayashiCriterion| {
        criteria
            .iter()
            .find(|c| c.id == id)
            .expect("every criterion of Hayashi's rule has a row (tested)")
            .status
    };
    let status = match HAYASHI_RULE.holds(&status) {
        _ if population.outside_kidney_failure() => HayashiStatus::NotApplicable,
        Some(true) => HayashiStatus::Met,
        Some(false) => HayashiStatus::NotMet,
        None => HayashiStatus::Incomplete,
    };
    Hayashi {
        status,
        rule: msg::diagnosis::HAYASHI_RULE.get(lang),
        criteria,
        sources: vec!["hayashi_2013"],
    }
}

/// Penile whenever the penis is a site; else central / peripheral / mixed over the
/// classified sites. `other` is unclassified: alone it leaves the distribution unknown,
/// beside classified sites it is left out.
fn distribution(sites: &[Site], lang: Lang) -> (Distribution, String) {
    use msg::diagnosis as m;
    let classified: Vec<Site> = sites
        .iter()
        .copied()
        .filter(|&s| s != Site::Other)
        .collect();
    let central = classified.iter().any(|s| s.is_central());
    let peripheral = classified.iter().any(|s| !s.is_central());
    let prognosis = m::DISTRIBUTION_DISTAL_LESIONS_CARRY_LOWER_MORTALITY.get(lang);
    let (distribution, template) = match (classified.contains(&Penis), central, peripheral) {
        (true, _, _) => (Distribution::Penile, m::DISTRIBUTION_PENILE),
        (false, true, false) => (
            Distribution::Central,
            m::DISTRIBUTION_CENTRAL_ADIPOSE_RICH_SITES_ONLY,
        ),
        (false, false, true) => (
            Distribution::Peripheral,
            m::DISTRIBUTION_PERIPHERAL_DISTAL_SITES_ONLY_PROGNOSIS,
        ),
        (false, true, true) => (
            Distribution::Mixed,
            m::DISTRIBUTION_BOTH_CENTRAL_AND_PERIPHERAL_SITES,
        ),
        (false, false, false) if sites.is_empty() => {
            return (
                Distribution::Unknown,
                m::DISTRIBUTION_NO_LESION_SITE_RECORDED
                    .get(lang)
                    .to_string(),
            )
        }
        (false, false, false) => {
            return (
                Distribution::Unknown,
                m::DISTRIBUTION_ONLY_OTHER_SITE.get(lang).to_string(),
            )
        }
    };
    let mut basis = tr!(lang, template, prognosis);
    if classified.len() < sites.len() {
        basis.push_str(m::DISTRIBUTION_OTHER_SITE_LEFT_OUT.get(lang));
    }
    (distribution, basis)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_consensus_criterion_has_one_row_and_a_tier() {
        for id in ConsensusCriterion::ALL {
            let rows = CONSENSUS_CRITERIA.iter().filter(|d| d.id == *id).count();
            assert_eq!(rows, 1, "{}", id.id());
            assert!(
                TIERS.iter().any(|t| t.requires.criteria().contains(id)),
                "{} is required by no tier",
                id.id()
            );
        }
    }

    #[test]
    fn every_hayashi_criterion_has_one_row_and_is_in_the_rule() {
        for id in HayashiCriterion::ALL {
            let rows = HAYASHI_CRITERIA.iter().filter(|d| d.id == *id).count();
            assert_eq!(rows, 1, "{}", id.id());
        }
        assert_eq!(HAYASHI_RULE.criteria(), HayashiCriterion::ALL);
    }

    /// The summary's "every tier requires the differential" is true of the table.
    #[test]
    fn every_tier_requires_the_differential() {
        for tier in TIERS {
            assert!(tier
                .requires
                .criteria()
                .contains(&ConsensusCriterion::DifferentialExcluded));
        }
    }

    #[test]
    fn every_tier_but_none_has_a_row() {
        for tier in DiagnosticTier::ALL {
            let rows = TIERS.iter().filter(|t| t.id == *tier).count();
            let expected = usize::from(*tier != DiagnosticTier::None);
            assert_eq!(rows, expected, "{}", tier.id());
        }
        assert_eq!(DiagnosticTier::Suspected.text().get(Lang::Zh), "疑似诊断");
    }

    /// Hayashi 2013, every combination of the four statuses: the data rule equals the
    /// stated one, and an unknown is never read as not met.
    #[test]
    fn hayashi_rule_is_the_stated_one_under_kleene_logic() {
        let values = [Status::Met, Status::NotMet, Status::Unknown];
        for c1 in values {
            for c2 in values {
                for c3 in values {
                    for c4 in values {
                        let s = [c1, c2, c3, c4].map(Status::as_option);
                        let stated = any([
                            all([s[0], s[1], s[2]]),
                            all([s[0], any([s[1], s[2]]), s[3]]),
                        ]);
                        let status = |id: HayashiCriterion| match id {
                            HayashiCriterion::KidneyFailure => c1,
                            HayashiCriterion::MoreThanTwoUlcers => c2,
                            HayashiCriterion::UlcersAtTypicalSite => c3,
                            HayashiCriterion::Histology => c4,
                        };
                        assert_eq!(HAYASHI_RULE.holds(&status), stated);
                    }
                }
            }
        }
    }
}
