//! The calciphylaxis risk profile (`clinical.md` §3): the consensus's major and minor risk
//! factors and other evidence-graded factors, each present / absent / unknown with the input
//! and threshold that decided it. A profile, not a score: no weights, no probabilities.

use crate::core::i18n::msg;
use serde::Serialize;

use super::antiphospholipid::{AplTitre, Persistence};
use super::derived::{calcium_for_rules, payne_calcium_mg_dl, DerivedValues};
use super::diagnosis::{population, population_note, Population};
use super::field_path::FieldPath;
use super::findings::{finding_def, FindingId};
use super::i18n::{Lang, Text};
use super::inputs::{flag_against, to_canonical, Flag, Inputs, LabValue};
use super::labs::{
    decimals_for, decimals_written, fmt_number, lab, restate, Lab, LabId, LabKind, Unit,
};
use super::logic::{any, Presence, Status};
use super::workup::{Direction, Workup, WorkupItem, WorkupStatus};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Major,
    Minor,
    /// Evidence-graded factors outside the consensus tiers.
    Other,
}

id_enum! {
    /// The risk factors of the profile, in its order (`FACTORS`); each names its factor.
    RiskFactorId {
        DialysisOver5Years = "dialysis_over_5_years" => msg::risk::DIALYSIS_OVER_5_YEARS_NAME,
        Warfarin = "warfarin" => msg::risk::WARFARIN_NAME,
        HighDoseCalciumBinder = "high_dose_calcium_binder" => msg::risk::HIGH_DOSE_CALCIUM_BINDER_NAME,
        ActiveVitaminDHighDose = "active_vitamin_d_high_dose" => msg::risk::ACTIVE_VITAMIN_D_HIGH_DOSE_NAME,
        ProteinCOrSDeficiency = "protein_c_or_s_deficiency" => msg::risk::PROTEIN_C_OR_S_DEFICIENCY_NAME,
        VitaminKDeficiency = "vitamin_k_deficiency" => msg::risk::VITAMIN_K_DEFICIENCY_NAME,
        PthOver1000 = "pth_over_1000" => msg::risk::PTH_OVER_1000_NAME,
        DialysisUnder5Years = "dialysis_under_5_years" => msg::risk::DIALYSIS_UNDER_5_YEARS_NAME,
        Obesity = "obesity" => msg::risk::OBESITY_NAME,
        DiabetesMellitus = "diabetes_mellitus" => msg::risk::DIABETES_MELLITUS_NAME,
        Hypoalbuminemia = "hypoalbuminemia" => msg::risk::HYPOALBUMINEMIA_NAME,
        ImmunosuppressantsOrGlucocorticoids = "immunosuppressants_or_glucocorticoids" => msg::risk::IMMUNOSUPPRESSANTS_OR_GLUCOCORTICOIDS_NAME,
        Hypercalcemia = "hypercalcemia" => msg::risk::HYPERCALCEMIA_NAME,
        Hyperphosphatemia = "hyperphosphatemia" => msg::risk::HYPERPHOSPHATEMIA_NAME,
        HighAlkalinePhosphatase = "high_alkaline_phosphatase" => msg::risk::HIGH_ALKALINE_PHOSPHATASE_NAME,
        PthUnder300 = "pth_under_300" => msg::risk::PTH_UNDER_300_NAME,
        SubcutaneousInsulinOrHeparin = "subcutaneous_insulin_or_heparin" => msg::risk::SUBCUTANEOUS_INSULIN_OR_HEPARIN_NAME,
        IronOverload = "iron_overload" => msg::risk::IRON_OVERLOAD_NAME,
        FemaleSex = "female_sex" => msg::risk::FEMALE_SEX_NAME,
        Malignancy = "malignancy" => msg::risk::MALIGNANCY_NAME,
        LiverDisease = "liver_disease" => msg::risk::LIVER_DISEASE_NAME,
        AutoimmuneDisease = "autoimmune_disease" => msg::risk::AUTOIMMUNE_DISEASE_NAME,
        PeritonealDialysis = "peritoneal_dialysis" => msg::risk::PERITONEAL_DIALYSIS_NAME,
        KidneyTransplant = "kidney_transplant" => msg::risk::KIDNEY_TRANSPLANT_NAME,
        RapidWeightLoss = "rapid_weight_loss" => msg::risk::RAPID_WEIGHT_LOSS_NAME,
        HypercoagulableStateKnown = "hypercoagulable_state_known" => msg::risk::HYPERCOAGULABLE_STATE_KNOWN_NAME,
        PrimaryHyperparathyroidism = "primary_hyperparathyroidism" => msg::risk::PRIMARY_HYPERPARATHYROIDISM_NAME,
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskFactor {
    pub id: RiskFactorId,
    pub tier: Tier,
    pub name: &'static str,
    pub status: Presence,
    /// Which input and which rule gave the status.
    pub basis: String,
    /// The rule's threshold, where the factor is derived from a value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<String>,
    /// Published strength of association.
    pub evidence: &'static str,
    pub sources: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskThreshold {
    pub rule: &'static str,
    pub status: Status,
    pub basis: String,
    pub sources: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskProfile {
    pub present: Vec<RiskFactorId>,
    pub absent: Vec<RiskFactorId>,
    pub unknown: Vec<RiskFactorId>,
    pub major_present: usize,
    pub minor_present: usize,
    pub major_unknown: usize,
    pub minor_unknown: usize,
    pub threshold: RiskThreshold,
    pub factors: Vec<RiskFactor>,
    pub summary: String,
}

/// What a rule decided, and why (in data: [`render`] puts it into words).
struct Judgement<'a> {
    status: Presence,
    reason: Reason<'a>,
}

fn judged(status: Presence, reason: Reason) -> Judgement {
    Judgement { status, reason }
}

/// Everything a rule may read.
struct Context<'a> {
    inputs: &'a Inputs<'a>,
    derived: &'a DerivedValues,
    workup: &'a Workup,
}

enum Rule {
    /// Present / absent / unknown exactly as the finding is recorded.
    Finding(FindingId),
    /// A lab against a cutoff; unknown when the lab is missing or not a number.
    Lab(&'static Cutoff),
    Custom(for<'a> fn(&Context<'a>) -> Judgement<'a>),
}

/// A factor's threshold in words.
#[derive(Clone, Copy)]
enum Wording {
    None,
    Fixed(Text),
    /// Generated from the cutoff the rule compares with.
    Cutoff(&'static Cutoff),
    /// Generated from several cutoffs.
    Generated(fn(Lang) -> String),
}

impl Wording {
    fn get(self, lang: Lang) -> Option<String> {
        match self {
            Wording::None => None,
            Wording::Fixed(text) => Some(text.get(lang).to_string()),
            Wording::Cutoff(cutoff) => Some(cutoff.wording(lang)),
            Wording::Generated(words) => Some(words(lang)),
        }
    }
}

struct FactorDef {
    id: RiskFactorId,
    tier: Tier,
    threshold: Wording,
    evidence: Text,
    sources: &'static [&'static str],
    rule: Rule,
}

/// What a cutoff reads.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Measure {
    /// A lab of the catalogue, compared in its canonical unit.
    Lab(LabId),
    Bmi,
    DialysisVintage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Comparison {
    Above,
    AtLeast,
    Below,
    AtMost,
}

impl Comparison {
    fn holds(self, value: f64, limit: f64) -> bool {
        match self {
            Comparison::Above => value > limit,
            Comparison::AtLeast => value >= limit,
            Comparison::Below => value < limit,
            Comparison::AtMost => value <= limit,
        }
    }

    /// The comparison that holds when this one does not.
    fn negated(self) -> Self {
        match self {
            Comparison::Above => Comparison::AtMost,
            Comparison::AtLeast => Comparison::Below,
            Comparison::Below => Comparison::AtLeast,
            Comparison::AtMost => Comparison::Above,
        }
    }

    fn sign(self) -> &'static str {
        match self {
            Comparison::Above => ">",
            Comparison::AtLeast => "≥",
            Comparison::Below => "<",
            Comparison::AtMost => "≤",
        }
    }
}

/// A limit as data, written once in one of the measure's units (a lab's from the catalogue).
/// The status, the threshold wording and the reasoning all come from this one number.
#[derive(Debug)]
struct Cutoff {
    measure: Measure,
    /// The measure's name inside a sentence.
    what: Text,
    comparison: Comparison,
    limit: f64,
    unit: Text,
}

impl Cutoff {
    fn lab_units(&self) -> Option<(&'static Lab, &'static Unit)> {
        let Measure::Lab(id) = self.measure else {
            return None;
        };
        let lab = lab(id);
        Some((lab, lab.unit_named(self.unit.get(Lang::En))?))
    }

    /// The limit in the measure's canonical unit, converted with the catalogue's factor.
    fn canonical_limit(&self) -> f64 {
        match self.measure {
            Measure::Lab(_) => {
                let (_, unit) = self
                    .lab_units()
                    .expect("a lab cutoff's unit is in the catalogue (tested)");
                to_canonical(self.limit, unit)
            }
            Measure::Bmi | Measure::DialysisVintage => self.limit,
        }
    }

    /// Whether a value in the canonical unit meets the cutoff.
    fn holds(&self, canonical: f64) -> bool {
        self.comparison.holds(canonical, self.canonical_limit())
    }

    /// "1000 pg/mL", as the limit is written.
    fn limit_words(&self, lang: Lang) -> String {
        let limit = fmt_number(self.limit, decimals_written(self.limit));
        let unit = self.unit.get(lang);
        format!("{limit} {unit}")
    }

    /// "intact PTH > 1000 pg/mL (106 pmol/L)": the other unit restated from the same limit.
    fn wording(&self, lang: Lang) -> String {
        let what = self.what.get(lang);
        let sign = self.comparison.sign();
        let limit = self.limit_words(lang);
        match self.lab_units() {
            Some((lab, unit)) => match lab.other_unit(unit) {
                Some(other_unit) => {
                    let other = restate(self.limit, unit, other_unit);
                    let other_symbol = other_unit.symbol;
                    tr!(
                        lang,
                        msg::risk::WORDING_WHAT_SIGN_LIMIT_OTHER_OTHER,
                        limit,
                        other,
                        other_symbol,
                        sign,
                        what
                    )
                }
                None => tr!(lang, msg::risk::WORDING_WHAT_SIGN_LIMIT, limit, sign, what),
            },
            None => tr!(lang, msg::risk::WORDING_WHAT_SIGN_LIMIT, limit, sign, what),
        }
    }
}

const PTH_ABOVE_1000: Cutoff = Cutoff {
    measure: Measure::Lab(LabId::PthIntact),
    what: msg::risk::WORDING_INTACT_PTH,
    comparison: Comparison::Above,
    limit: 1000.0,
    unit: msg::risk::WORDING_PG_ML,
};
const PTH_BELOW_300: Cutoff = Cutoff {
    measure: Measure::Lab(LabId::PthIntact),
    what: msg::risk::WORDING_INTACT_PTH,
    comparison: Comparison::Below,
    limit: 300.0,
    unit: msg::risk::WORDING_PG_ML,
};
const ALBUMIN_BELOW_3_5: Cutoff = Cutoff {
    measure: Measure::Lab(LabId::Albumin),
    what: msg::risk::WORDING_ALBUMIN,
    comparison: Comparison::Below,
    limit: 3.5,
    unit: msg::risk::WORDING_G_DL,
};
const PHOSPHATE_ABOVE_4_5: Cutoff = Cutoff {
    measure: Measure::Lab(LabId::Phosphate),
    what: msg::risk::WORDING_PHOSPHATE,
    comparison: Comparison::Above,
    limit: 4.5,
    unit: msg::risk::WORDING_MG_DL,
};
/// Stated in mmol/L as the reference is; compared in the catalogue's canonical mg/dL.
const IONIZED_CALCIUM_ABOVE_1_32: Cutoff = Cutoff {
    measure: Measure::Lab(LabId::CalciumIonized),
    what: msg::risk::WORDING_IONIZED_CALCIUM,
    comparison: Comparison::Above,
    limit: 1.32,
    unit: msg::risk::WORDING_MMOL_L,
};
const CALCIUM_ABOVE_10_2: Cutoff = Cutoff {
    measure: Measure::Lab(LabId::CalciumTotal),
    what: msg::risk::WORDING_ALBUMIN_CORRECTED_TOTAL_CALCIUM,
    comparison: Comparison::Above,
    limit: 10.2,
    unit: msg::risk::WORDING_MG_DL,
};
const BMI_AT_LEAST_30: Cutoff = Cutoff {
    measure: Measure::Bmi,
    what: msg::risk::WORDING_BMI,
    comparison: Comparison::AtLeast,
    limit: 30.0,
    unit: msg::risk::WORDING_KG_M,
};
/// The Chinese adult cut-off, shown as a note only.
const BMI_CHINESE_AT_LEAST_28: Cutoff = Cutoff {
    measure: Measure::Bmi,
    what: msg::risk::WORDING_BMI,
    comparison: Comparison::AtLeast,
    limit: 28.0,
    unit: msg::risk::WORDING_KG_M,
};
const VINTAGE_OVER_60_MONTHS: Cutoff = Cutoff {
    measure: Measure::DialysisVintage,
    what: msg::risk::WORDING_DIALYSIS_VINTAGE,
    comparison: Comparison::Above,
    limit: 60.0,
    unit: msg::risk::WORDING_MONTHS,
};
const VINTAGE_AT_MOST_60_MONTHS: Cutoff = Cutoff {
    comparison: Comparison::AtMost,
    ..VINTAGE_OVER_60_MONTHS
};
/// Every cutoff, for the tests that check them against the catalogue.
#[cfg(test)]
static CUTOFFS: &[&Cutoff] = &[
    &PTH_ABOVE_1000,
    &PTH_BELOW_300,
    &ALBUMIN_BELOW_3_5,
    &PHOSPHATE_ABOVE_4_5,
    &IONIZED_CALCIUM_ABOVE_1_32,
    &CALCIUM_ABOVE_10_2,
    &BMI_AT_LEAST_30,
    &BMI_CHINESE_AT_LEAST_28,
    &VINTAGE_OVER_60_MONTHS,
    &VINTAGE_AT_MOST_60_MONTHS,
];

fn vintage_at_most_60_wording(lang: Lang) -> String {
    let rule = VINTAGE_AT_MOST_60_MONTHS.wording(lang);
    tr!(
        lang,
        msg::risk::VINTAGE_AT_MOST_60_WORDING_ON_DIALYSIS_RULE,
        rule
    )
}

fn obesity_wording(lang: Lang) -> String {
    let who = BMI_AT_LEAST_30.wording(lang);
    let chinese = fmt_number(BMI_CHINESE_AT_LEAST_28.limit, 0);
    tr!(
        lang,
        msg::risk::OBESITY_WORDING_WHO_WHO_THE_CHINESE_ADULT,
        chinese,
        who
    )
}

fn hypercalcemia_wording(lang: Lang) -> String {
    let ionized = IONIZED_CALCIUM_ABOVE_1_32.wording(lang);
    let total = CALCIUM_ABOVE_10_2.wording(lang);
    tr!(
        lang,
        msg::risk::HYPERCALCEMIA_WORDING_IONIZED_WHEN_MEASURED_OTHERWISE_TOTAL,
        ionized,
        total
    )
}

/// The catalogue's upper reference limit of ALP, used when the laboratory gives none.
fn alkaline_phosphatase_default_upper() -> Option<f64> {
    match lab(ALP).kind {
        LabKind::Numeric { reference, .. } => reference.high,
        LabKind::Qualitative { .. } => None,
    }
}

fn alkaline_phosphatase_wording(lang: Lang) -> String {
    let upper = alkaline_phosphatase_default_upper()
        .map(|upper| fmt_number(upper, decimals_for(upper)))
        .unwrap_or_default();
    tr!(
        lang,
        msg::risk::ALKALINE_PHOSPHATASE_WORDING_ALP_ABOVE_THE_LABORATORY_S,
        upper
    )
}

const ALP: LabId = LabId::AlkalinePhosphatase;

/// A value as a reason shows it.
#[derive(Clone, Copy)]
enum Shown<'a> {
    /// As entered, with its conversion ("113 pmol/L (= 1066 pg/mL)").
    Lab(&'a LabValue),
    /// A number in the cutoff's unit, to this many decimals.
    Number(f64, usize),
}

/// Why the value the rule needs is not usable.
#[derive(Clone, Copy)]
enum Missing {
    NotEntered,
    /// Entered, but not as a number (a lab of another kind): unknown, never absent.
    NotANumber,
    /// No upper reference limit to compare with.
    NoUpperLimit,
}

/// A qualifier after a comparison.
#[derive(Clone, Copy)]
enum Note {
    IonizedPreferred,
    /// BMI at or above the Chinese adult cut-off, below the WHO one.
    ChineseObesityCutoff,
    AlbuminNeeded,
    /// Above the limit only through the correction, which over-calls in CKD.
    OnlyThroughCorrection,
    /// Payne's slope 1.0 (mg/dL) is above the limit the headline value is not.
    PayneAbove(f64),
}

/// Why a rule decided what it did; [`render`] is the one place it becomes words.
enum Reason<'a> {
    /// A value against a cutoff: "intact PTH 1200 pg/mL > 1000 pg/mL".
    VsCutoff {
        what: Text,
        value: Shown<'a>,
        cutoff: &'static Cutoff,
        holds: bool,
        note: Option<Note>,
    },
    /// A value against the laboratory's upper reference limit (canonical unit).
    VsUpperLimit {
        value: &'a LabValue,
        upper: f64,
        high: bool,
    },
    /// The rule cannot decide: the value it needs is missing or unusable.
    CannotDecide { what: Text, missing: Missing },
    /// A finding as recorded (`None`: not recorded).
    Recorded {
        finding: FindingId,
        value: Option<bool>,
    },
    /// The preferred input is missing, so another decided.
    Instead {
        missing: Text,
        then: Box<Reason<'a>>,
    },
    /// Read from the hypercoagulability workup.
    Workup(FromWorkup<'a>),
    /// A fixed sentence.
    Said(Text),
}

/// A reason read from the hypercoagulability workup.
enum FromWorkup<'a> {
    /// A workup test below its reference, interpretable.
    LowResult {
        test: &'static str,
        result: &'a str,
        reference: &'a str,
    },
    /// A workup test below its reference, its acquired causes not all recorded.
    LowCausesNotRecorded {
        test: &'static str,
        result: &'a str,
        reference: &'a str,
        to_record: &'a [FieldPath],
    },
    Uninterpretable(Vec<&'static str>),
    AbnormalThrombophilia(Vec<&'static str>),
    /// Abnormal thrombophilia tests whose acquired causes are not all recorded.
    ThrombophiliaNotYetCounted(Vec<&'static str>),
}

/// The one renderer of a risk factor's `basis`.
fn render(reason: &Reason, lang: Lang) -> String {
    match reason {
        Reason::VsCutoff {
            what,
            value,
            cutoff,
            holds,
            note,
        } => render_comparison(*what, *value, cutoff, *holds, *note, lang),
        Reason::VsUpperLimit { value, upper, high } => {
            let shown = value.describe(lang);
            let sign = if *high { ">" } else { "≤" };
            let upper = fmt_number(*upper, 0);
            tr!(
                lang,
                msg::risk::RENDER_ALP_SHOWN_SIGN_UPPER_LIMIT,
                shown,
                sign,
                upper
            )
        }
        Reason::CannotDecide { what, missing } => render_missing(*what, *missing, lang),
        Reason::Recorded { finding, value } => render_recorded(*finding, *value, lang),
        Reason::Instead { missing, then } => {
            let missing = missing.get(lang);
            let then = render(then, lang);
            tr!(lang, msg::risk::RENDER_MISSING_THEN, missing, then)
        }
        Reason::Said(text) => text.get(lang).to_string(),
        Reason::Workup(reason) => render_workup(reason, lang),
    }
}

/// A reason read from the hypercoagulability workup, in words.
fn render_workup(reason: &FromWorkup, lang: Lang) -> String {
    let list = |names: &[&str]| names.join(msg::common::LIST_SEPARATOR.get(lang));
    match reason {
        FromWorkup::LowResult {
            test,
            result,
            reference,
        } => tr!(
            lang,
            msg::risk::RENDER_TEST_RESULT_BELOW_REFERENCE_WITH,
            reference,
            result,
            test
        ),
        FromWorkup::LowCausesNotRecorded {
            test,
            result,
            reference,
            to_record,
        } => {
            let fields = to_record
                .iter()
                .map(|field| field.label(lang))
                .collect::<Vec<_>>()
                .join(msg::common::LIST_SEPARATOR.get(lang));
            tr!(
                lang,
                msg::risk::RENDER_LOW_RESULT_CAUSES_NOT_RECORDED,
                fields,
                reference,
                result,
                test
            )
        }
        FromWorkup::ThrombophiliaNotYetCounted(names) => {
            let tests = list(names);
            tr!(lang, msg::risk::RENDER_THROMBOPHILIA_NOT_YET_COUNTED, tests)
        }
        FromWorkup::Uninterpretable(names) => {
            let names = names.join(msg::risk::RENDER_AND.get(lang));
            tr!(
                lang,
                msg::risk::RENDER_NAMES_CANNOT_BE_INTERPRETED_NOW,
                names
            )
        }
        FromWorkup::AbnormalThrombophilia(names) => {
            let tests = list(names);
            tr!(
                lang,
                msg::risk::RENDER_ABNORMAL_THROMBOPHILIA_TEST_S_TESTS,
                tests
            )
        }
    }
}

/// Why a rule cannot decide: "albumin not entered".
fn render_missing(what: Text, missing: Missing, lang: Lang) -> String {
    let what = what.get(lang);
    match missing {
        Missing::NotEntered => tr!(lang, msg::risk::RENDER_WHAT_NOT_ENTERED, what),
        Missing::NotANumber => tr!(lang, msg::risk::RENDER_WHAT_HAS_NO_NUMERIC_RESULT, what),
        Missing::NoUpperLimit => {
            tr!(lang, msg::risk::RENDER_WHAT_NO_UPPER_REFERENCE_LIMIT, what)
        }
    }
}

/// A finding as recorded: "recorded: warfarin", "recorded as absent", "not recorded".
fn render_recorded(finding: FindingId, value: Option<bool>, lang: Lang) -> String {
    let label = finding_label(finding, lang);
    match value {
        Some(true) => tr!(lang, msg::risk::RENDER_RECORDED_LABEL, label),
        Some(false) => tr!(lang, msg::risk::RENDER_RECORDED_AS_ABSENT_LABEL, label),
        None => tr!(lang, msg::risk::RENDER_NOT_RECORDED_LABEL, label),
    }
}

/// "intact PTH 1200 pg/mL > 1000 pg/mL": the sign is the cutoff's, or its negation.
fn render_comparison(
    what: Text,
    value: Shown,
    cutoff: &Cutoff,
    holds: bool,
    note: Option<Note>,
    lang: Lang,
) -> String {
    let what = what.get(lang);
    let value = match value {
        Shown::Lab(value) => value.describe(lang),
        Shown::Number(number, decimals) => {
            let number = fmt_number(number, decimals);
            let unit = cutoff.unit.get(lang);
            format!("{number} {unit}")
        }
    };
    let comparison = if holds {
        cutoff.comparison
    } else {
        cutoff.comparison.negated()
    };
    let sign = comparison.sign();
    let limit = cutoff.limit_words(lang);
    let note = note.map(|note| render_note(note, lang)).unwrap_or_default();
    tr!(
        lang,
        msg::risk::RENDER_COMPARISON_WHAT_VALUE_SIGN_LIMIT_NOTE,
        limit,
        note,
        sign,
        value,
        what
    )
}

fn render_note(note: Note, lang: Lang) -> String {
    match note {
        Note::IonizedPreferred => msg::risk::RENDER_NOTE_IONIZED_CALCIUM_PREFERRED_OVER_TOTAL
            .get(lang)
            .to_string(),
        Note::ChineseObesityCutoff => {
            let cutoff = fmt_number(BMI_CHINESE_AT_LEAST_28.limit, 0);
            tr!(
                lang,
                msg::risk::RENDER_NOTE_NOTE_CUTOFF_OBESE_BY_THE,
                cutoff
            )
        }
        Note::AlbuminNeeded => msg::risk::RENDER_NOTE_BUT_ALBUMIN_IS_NEEDED_TO
            .get(lang)
            .to_string(),
        Note::OnlyThroughCorrection => msg::risk::RENDER_NOTE_ONLY_THROUGH_CORRECTION
            .get(lang)
            .to_string(),
        Note::PayneAbove(payne) => {
            let payne = fmt_number(payne, 2);
            tr!(lang, msg::risk::RENDER_NOTE_PAYNE_ABOVE, payne)
        }
    }
}

const CN: &str = "cn_consensus_2023";

/// The knowledge base of risk factors. The consensus names the factors; thresholds it does
/// not give are the conventional ones stated in `threshold`.
const FACTORS: &[FactorDef] = &[
    // Major (cn_consensus_2023, Table 3).
    FactorDef {
        id: RiskFactorId::DialysisOver5Years,
        tier: Tier::Major,
        threshold: Wording::Cutoff(&VINTAGE_OVER_60_MONTHS),
        evidence: msg::risk::DIALYSIS_OVER_5_YEARS_EVIDENCE,
        sources: &[CN, "liu_2022_jiangsu"],
        rule: Rule::Custom(dialysis_over_5_years),
    },
    FactorDef {
        id: RiskFactorId::Warfarin,
        tier: Tier::Major,
        threshold: Wording::None,
        evidence: msg::risk::WARFARIN_EVIDENCE,
        sources: &[
            CN,
            "hayashi_2012_ndt",
            "brandenburg_2017",
            "nigwekar_2016_jasn",
        ],
        rule: Rule::Finding(FindingId::Warfarin),
    },
    FactorDef {
        id: RiskFactorId::HighDoseCalciumBinder,
        tier: Tier::Major,
        threshold: Wording::None,
        evidence: msg::risk::HIGH_DOSE_CALCIUM_BINDER_EVIDENCE,
        sources: &[CN],
        rule: Rule::Finding(FindingId::HighDoseCalciumBinder),
    },
    FactorDef {
        id: RiskFactorId::ActiveVitaminDHighDose,
        tier: Tier::Major,
        threshold: Wording::None,
        evidence: msg::risk::HIGH_DOSE_CALCIUM_BINDER_EVIDENCE,
        sources: &[CN],
        rule: Rule::Finding(FindingId::ActiveVitaminDHighDose),
    },
    FactorDef {
        id: RiskFactorId::ProteinCOrSDeficiency,
        tier: Tier::Major,
        threshold: Wording::Fixed(msg::risk::RENDER_NOTE_PROTEIN_C_OR_FREE_PROTEIN),
        evidence: msg::risk::PROTEIN_C_OR_S_DEFICIENCY_EVIDENCE,
        sources: &[CN, "dobry_2018"],
        rule: Rule::Custom(protein_c_or_s_deficiency),
    },
    FactorDef {
        id: RiskFactorId::VitaminKDeficiency,
        tier: Tier::Major,
        threshold: Wording::None,
        evidence: msg::risk::HIGH_DOSE_CALCIUM_BINDER_EVIDENCE,
        sources: &[CN],
        rule: Rule::Finding(FindingId::VitaminKDeficiency),
    },
    FactorDef {
        id: RiskFactorId::PthOver1000,
        tier: Tier::Major,
        threshold: Wording::Cutoff(&PTH_ABOVE_1000),
        evidence: msg::risk::PTH_OVER_1000_EVIDENCE,
        sources: &[CN, "liu_2022_jiangsu"],
        rule: Rule::Lab(&PTH_ABOVE_1000),
    },
    // Minor (cn_consensus_2023, Table 3).
    FactorDef {
        id: RiskFactorId::DialysisUnder5Years,
        tier: Tier::Minor,
        threshold: Wording::Generated(vintage_at_most_60_wording),
        evidence: msg::risk::DIALYSIS_UNDER_5_YEARS_EVIDENCE,
        sources: &[CN],
        rule: Rule::Custom(dialysis_under_5_years),
    },
    FactorDef {
        id: RiskFactorId::Obesity,
        tier: Tier::Minor,
        threshold: Wording::Generated(obesity_wording),
        evidence: msg::risk::OBESITY_EVIDENCE,
        sources: &[
            CN,
            "who_2000_obesity",
            "zhou_2002_china_bmi",
            "weenig_2007",
            "nigwekar_2016_jasn",
            "liu_2022_jiangsu",
        ],
        rule: Rule::Custom(obesity),
    },
    FactorDef {
        id: RiskFactorId::DiabetesMellitus,
        tier: Tier::Minor,
        threshold: Wording::None,
        evidence: msg::risk::DIABETES_MELLITUS_EVIDENCE,
        sources: &[CN, "nigwekar_2016_jasn", "liu_2022_jiangsu"],
        rule: Rule::Finding(FindingId::DiabetesMellitus),
    },
    FactorDef {
        id: RiskFactorId::Hypoalbuminemia,
        tier: Tier::Minor,
        threshold: Wording::Cutoff(&ALBUMIN_BELOW_3_5),
        evidence: msg::risk::HYPOALBUMINEMIA_EVIDENCE,
        sources: &[CN, "mazhar_2001", "hayashi_2012_ndt"],
        rule: Rule::Lab(&ALBUMIN_BELOW_3_5),
    },
    FactorDef {
        id: RiskFactorId::ImmunosuppressantsOrGlucocorticoids,
        tier: Tier::Minor,
        threshold: Wording::None,
        evidence: msg::risk::IMMUNOSUPPRESSANTS_OR_GLUCOCORTICOIDS_EVIDENCE,
        sources: &[CN, "weenig_2007"],
        rule: Rule::Finding(FindingId::ImmunosuppressantsOrGlucocorticoids),
    },
    FactorDef {
        id: RiskFactorId::Hypercalcemia,
        tier: Tier::Minor,
        threshold: Wording::Generated(hypercalcemia_wording),
        evidence: msg::risk::HYPERCALCEMIA_EVIDENCE,
        sources: &[
            CN,
            "nigwekar_2016_jasn",
            "kdoqi_2003_bone",
            "payne_1973",
            "gauci_2008",
            "clase_2000",
        ],
        rule: Rule::Custom(hypercalcemia),
    },
    FactorDef {
        id: RiskFactorId::Hyperphosphatemia,
        tier: Tier::Minor,
        threshold: Wording::Cutoff(&PHOSPHATE_ABOVE_4_5),
        evidence: msg::risk::HYPERPHOSPHATEMIA_EVIDENCE,
        sources: &[
            CN,
            "kdigo_2017_ckd_mbd",
            "nigwekar_2016_jasn",
            "mazhar_2001",
        ],
        rule: Rule::Lab(&PHOSPHATE_ABOVE_4_5),
    },
    FactorDef {
        id: RiskFactorId::HighAlkalinePhosphatase,
        tier: Tier::Minor,
        threshold: Wording::Generated(alkaline_phosphatase_wording),
        evidence: msg::risk::HIGH_ALKALINE_PHOSPHATASE_EVIDENCE,
        sources: &[CN, "liu_2022_jiangsu"],
        rule: Rule::Custom(high_alkaline_phosphatase),
    },
    FactorDef {
        id: RiskFactorId::PthUnder300,
        tier: Tier::Minor,
        threshold: Wording::Cutoff(&PTH_BELOW_300),
        evidence: msg::risk::PTH_UNDER_300_EVIDENCE,
        sources: &[CN],
        rule: Rule::Lab(&PTH_BELOW_300),
    },
    FactorDef {
        id: RiskFactorId::SubcutaneousInsulinOrHeparin,
        tier: Tier::Minor,
        threshold: Wording::None,
        evidence: msg::risk::SUBCUTANEOUS_INSULIN_OR_HEPARIN_EVIDENCE,
        sources: &[CN, "nigwekar_2016_jasn"],
        rule: Rule::Finding(FindingId::SubcutaneousInsulinOrHeparin),
    },
    FactorDef {
        id: RiskFactorId::IronOverload,
        tier: Tier::Minor,
        threshold: Wording::None,
        evidence: msg::risk::IRON_OVERLOAD_EVIDENCE,
        sources: &[CN, "iron_review_2022"],
        rule: Rule::Custom(iron_overload),
    },
    // Outside the consensus tiers.
    FactorDef {
        id: RiskFactorId::FemaleSex,
        tier: Tier::Other,
        threshold: Wording::None,
        evidence: msg::risk::FEMALE_SEX_EVIDENCE,
        sources: &["mazhar_2001", "brandenburg_2017", "liu_2022_jiangsu"],
        rule: Rule::Custom(female_sex),
    },
    FactorDef {
        id: RiskFactorId::Malignancy,
        tier: Tier::Other,
        threshold: Wording::None,
        evidence: msg::risk::MALIGNANCY_EVIDENCE,
        sources: &[
            "liu_2022_jiangsu",
            "nigwekar_2008_nonuremic",
            "kalajian_2009",
        ],
        rule: Rule::Custom(malignancy),
    },
    FactorDef {
        id: RiskFactorId::LiverDisease,
        tier: Tier::Other,
        threshold: Wording::None,
        evidence: msg::risk::LIVER_DISEASE_EVIDENCE,
        sources: &["weenig_2007", "nigwekar_2008_nonuremic"],
        rule: Rule::Finding(FindingId::LiverDisease),
    },
    FactorDef {
        id: RiskFactorId::AutoimmuneDisease,
        tier: Tier::Other,
        threshold: Wording::None,
        evidence: msg::risk::AUTOIMMUNE_DISEASE_EVIDENCE,
        sources: &["nigwekar_2008_nonuremic"],
        rule: Rule::Finding(FindingId::AutoimmuneDisease),
    },
    FactorDef {
        id: RiskFactorId::PeritonealDialysis,
        tier: Tier::Other,
        threshold: Wording::None,
        evidence: msg::risk::PERITONEAL_DIALYSIS_EVIDENCE,
        sources: &["nigwekar_2018_nejm"],
        rule: Rule::Custom(peritoneal_dialysis),
    },
    FactorDef {
        id: RiskFactorId::KidneyTransplant,
        tier: Tier::Other,
        threshold: Wording::None,
        evidence: msg::risk::KIDNEY_TRANSPLANT_EVIDENCE,
        sources: &["seed_review_2025"],
        rule: Rule::Custom(kidney_transplant),
    },
    FactorDef {
        id: RiskFactorId::RapidWeightLoss,
        tier: Tier::Other,
        threshold: Wording::None,
        evidence: msg::risk::RAPID_WEIGHT_LOSS_EVIDENCE,
        sources: &["gaisne_2020", "kalajian_2009"],
        rule: Rule::Finding(FindingId::RapidWeightLoss),
    },
    FactorDef {
        id: RiskFactorId::HypercoagulableStateKnown,
        tier: Tier::Other,
        threshold: Wording::None,
        evidence: msg::risk::HYPERCOAGULABLE_STATE_KNOWN_EVIDENCE,
        sources: &["dobry_2018", "el_azhary_2016"],
        rule: Rule::Custom(hypercoagulable_state_known),
    },
    // Nigwekar 2008 only: Kalajian 2009's series excludes abnormal parathyroid function.
    FactorDef {
        id: RiskFactorId::PrimaryHyperparathyroidism,
        tier: Tier::Other,
        threshold: Wording::None,
        evidence: msg::risk::PRIMARY_HYPERPARATHYROIDISM_EVIDENCE,
        sources: &["nigwekar_2008_nonuremic"],
        rule: Rule::Finding(FindingId::PrimaryHyperparathyroidism),
    },
];

/// The finding's clinical label, lower-cased for use inside a sentence (English); the
/// label as is in Chinese.
pub fn finding_label(id: FindingId, lang: Lang) -> String {
    let label = finding_def(id).label(lang);
    if lang == Lang::Zh {
        return label.to_string();
    }
    let mut chars = label.chars();
    chars
        .next()
        .map(|first| first.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

fn finding_rule<'a>(ctx: &Context<'a>, finding: FindingId) -> Judgement<'a> {
    let value = ctx.inputs.finding(finding);
    judged(value.into(), Reason::Recorded { finding, value })
}

/// A lab against a cutoff, in the catalogue's canonical unit.
fn lab_rule<'a>(ctx: &Context<'a>, cutoff: &'static Cutoff) -> Judgement<'a> {
    let Measure::Lab(id) = cutoff.measure else {
        unreachable!("Rule::Lab holds lab cutoffs (tested)")
    };
    let what = cutoff.what;
    let Some(value) = ctx.inputs.lab(id) else {
        return cannot_decide(what, Missing::NotEntered);
    };
    let Some(canonical) = value.canonical() else {
        return cannot_decide(what, Missing::NotANumber);
    };
    compared(what, Shown::Lab(value), canonical, cutoff, None)
}

fn cannot_decide<'a>(what: Text, missing: Missing) -> Judgement<'a> {
    judged(Presence::Unknown, Reason::CannotDecide { what, missing })
}

/// Present when `canonical` meets the cutoff, absent otherwise.
fn compared<'a>(
    what: Text,
    value: Shown<'a>,
    canonical: f64,
    cutoff: &'static Cutoff,
    note: Option<Note>,
) -> Judgement<'a> {
    let holds = cutoff.holds(canonical);
    let status = if holds {
        Presence::Present
    } else {
        Presence::Absent
    };
    judged(
        status,
        Reason::VsCutoff {
            what,
            value,
            cutoff,
            holds,
            note,
        },
    )
}

fn dialysis_vintage<'a>(ctx: &Context<'a>, cutoff: &'static Cutoff) -> Judgement<'a> {
    let inputs = ctx.inputs;
    let vintage = inputs.dialysis_vintage_months;
    let on_dialysis = inputs.on_dialysis().or(vintage.map(|_| true));
    match (on_dialysis, vintage) {
        (Some(false), _) => judged(
            Presence::Absent,
            Reason::Said(msg::risk::DIALYSIS_VINTAGE_NOT_ON_DIALYSIS_KIDNEY_SECTION),
        ),
        (_, Some(months)) => compared(cutoff.what, Shown::Number(months, 1), months, cutoff, None),
        (Some(true), None) => judged(
            Presence::Unknown,
            Reason::Said(msg::risk::DIALYSIS_VINTAGE_ON_DIALYSIS_VINTAGE_NOT_RECORDED),
        ),
        (None, None) => judged(
            Presence::Unknown,
            Reason::Said(msg::risk::DIALYSIS_VINTAGE_DIALYSIS_STATUS_AND_VINTAGE_NOT),
        ),
    }
}

fn dialysis_over_5_years<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    dialysis_vintage(ctx, &VINTAGE_OVER_60_MONTHS)
}

fn dialysis_under_5_years<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    dialysis_vintage(ctx, &VINTAGE_AT_MOST_60_MONTHS)
}

/// A low protein C or free protein S counts only when every acquired cause of a low result
/// is recorded absent (the workup item has nothing left `to_record`); a recorded deficiency
/// always counts.
fn protein_c_or_s_deficiency<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    if ctx.inputs.finding(FindingId::ProteinCOrSDeficiency) == Some(true) {
        return judged(
            Presence::Present,
            Reason::Said(msg::risk::PROTEIN_C_OR_S_DEFICIENCY_RECORDED_DOCUMENTED_PROTEIN_C_OR),
        );
    }
    let items: Vec<&WorkupItem> = [LabId::ProteinCActivity, LabId::ProteinSFree]
        .iter()
        .filter_map(|test| ctx.workup.items.iter().find(|item| item.test == *test))
        .collect();
    let low: Vec<&&WorkupItem> = items
        .iter()
        .filter(|i| i.status == WorkupStatus::Abnormal && i.direction == Some(Direction::Low))
        .collect();
    if let Some(item) = low.iter().find(|i| i.to_record.is_empty()) {
        return judged(
            Presence::Present,
            Reason::Workup(FromWorkup::LowResult {
                test: item.name,
                result: item.result.as_deref().unwrap_or(""),
                reference: &item.reference,
            }),
        );
    }
    if let Some(item) = low.first() {
        return judged(
            Presence::Unknown,
            Reason::Workup(FromWorkup::LowCausesNotRecorded {
                test: item.name,
                result: item.result.as_deref().unwrap_or(""),
                reference: &item.reference,
                to_record: &item.to_record,
            }),
        );
    }
    let uninterpretable: Vec<_> = items
        .iter()
        .filter(|i| i.status == WorkupStatus::Uninterpretable)
        .map(|i| i.name)
        .collect();
    if !uninterpretable.is_empty() {
        return judged(
            Presence::Unknown,
            Reason::Workup(FromWorkup::Uninterpretable(uninterpretable)),
        );
    }
    protein_c_or_s_not_low(ctx, &items)
}

/// Neither result low: absent when recorded so or both normal, else unknown.
fn protein_c_or_s_not_low<'a>(ctx: &Context<'a>, items: &[&WorkupItem]) -> Judgement<'a> {
    let both_normal = items.len() == 2 && items.iter().all(|i| i.status == WorkupStatus::Normal);
    match ctx.inputs.finding(FindingId::ProteinCOrSDeficiency) {
        Some(false) => judged(
            Presence::Absent,
            Reason::Said(msg::risk::PROTEIN_C_OR_S_DEFICIENCY_RECORDED_AS_ABSENT),
        ),
        _ if both_normal => judged(
            Presence::Absent,
            Reason::Said(msg::risk::PROTEIN_C_OR_S_DEFICIENCY_PROTEIN_C_AND_FREE_PROTEIN),
        ),
        _ => judged(
            Presence::Unknown,
            Reason::Said(msg::risk::PROTEIN_C_OR_S_DEFICIENCY_NOT_RECORDED_AND_PROTEIN_C),
        ),
    }
}

fn obesity<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    if let Some(bmi) = &ctx.derived.bmi {
        let chinese_only =
            BMI_CHINESE_AT_LEAST_28.holds(bmi.value) && !BMI_AT_LEAST_30.holds(bmi.value);
        let note = chinese_only.then_some(Note::ChineseObesityCutoff);
        let shown = Shown::Number(bmi.value, 1);
        return compared(
            BMI_AT_LEAST_30.what,
            shown,
            bmi.value,
            &BMI_AT_LEAST_30,
            note,
        );
    }
    let recorded = finding_rule(ctx, FindingId::Obesity);
    judged(
        recorded.status,
        Reason::Instead {
            missing: msg::risk::OBESITY_BMI_CANNOT_BE_COMPUTED_WEIGHT,
            then: Box::new(recorded.reason),
        },
    )
}

/// Ionized calcium decides when measured. Otherwise the headline corrected calcium
/// (KDOQI 2003: > 10.2 mg/dL): present above it; unknown when only Payne's slope 1.0 is
/// above it, since the corrections disagree there and over-call in CKD (Gauci 2008,
/// Clase 2000); absent when Payne's value too is at or below it.
fn hypercalcemia<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let inputs = ctx.inputs;
    if let Some(ionized) = inputs.lab(LabId::CalciumIonized) {
        let cutoff = &IONIZED_CALCIUM_ABOVE_1_32;
        let Some(canonical) = ionized.canonical() else {
            return cannot_decide(cutoff.what, Missing::NotANumber);
        };
        let shown = Shown::Lab(ionized);
        let note = Some(Note::IonizedPreferred);
        return compared(cutoff.what, shown, canonical, cutoff, note);
    }
    let cutoff = &CALCIUM_ABOVE_10_2;
    let measured = msg::risk::HYPERCALCEMIA_MEASURED_TOTAL_CALCIUM;
    let Some(total) = inputs.lab_canonical(LabId::CalciumTotal) else {
        return judged(
            Presence::Unknown,
            Reason::Said(msg::risk::HYPERCALCEMIA_NEITHER_IONIZED_NOR_TOTAL_CALCIUM),
        );
    };
    // The correction only raises calcium, so a measured value above the limit is
    // hypercalcaemia whatever the albumin.
    if cutoff.holds(total) {
        return compared(measured, Shown::Number(total, 2), total, cutoff, None);
    }
    let Some(albumin) = inputs.lab_canonical(LabId::Albumin) else {
        return total_unknown(measured, total, Note::AlbuminNeeded);
    };
    let (calcium, which) = calcium_for_rules(inputs).unwrap_or((total, measured));
    if cutoff.holds(calcium) {
        let note = Some(Note::OnlyThroughCorrection);
        return compared(which, Shown::Number(calcium, 2), calcium, cutoff, note);
    }
    let payne = payne_calcium_mg_dl(total, albumin);
    if cutoff.holds(payne) {
        return total_unknown(which, calcium, Note::PayneAbove(payne));
    }
    compared(which, Shown::Number(calcium, 2), calcium, cutoff, None)
}

/// A total calcium at or below the limit that cannot settle the factor: unknown, with why.
fn total_unknown<'a>(what: Text, calcium: f64, note: Note) -> Judgement<'a> {
    let reason = Reason::VsCutoff {
        what,
        value: Shown::Number(calcium, 2),
        cutoff: &CALCIUM_ABOVE_10_2,
        holds: false,
        note: Some(note),
    };
    judged(Presence::Unknown, reason)
}

/// Above the laboratory's upper limit (the catalogue's when it gives none).
fn high_alkaline_phosphatase<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let what = msg::risk::HIGH_ALKALINE_PHOSPHATASE_ALP;
    match ctx.inputs.lab(ALP) {
        Some(
            value @ LabValue::Numeric {
                canonical,
                reference,
                ..
            },
        ) => {
            let Some(upper) = reference.high else {
                return cannot_decide(what, Missing::NoUpperLimit);
            };
            let high = flag_against(*canonical, reference) == Flag::High;
            let status = if high {
                Presence::Present
            } else {
                Presence::Absent
            };
            judged(status, Reason::VsUpperLimit { value, upper, high })
        }
        Some(LabValue::Qualitative { .. }) => cannot_decide(what, Missing::NotANumber),
        None => cannot_decide(
            msg::risk::HIGH_ALKALINE_PHOSPHATASE_ALKALINE_PHOSPHATASE,
            Missing::NotEntered,
        ),
    }
}

fn iron_overload<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let recorded = finding_rule(ctx, FindingId::IronOverload);
    if recorded.status == Presence::Unknown && ctx.inputs.finding(FindingId::IvIron) == Some(true) {
        return judged(
            Presence::Unknown,
            Reason::Said(msg::risk::IRON_OVERLOAD_IV_IRON_RECORDED_BUT_IRON),
        );
    }
    recorded
}

fn female_sex<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let (status, words) = match ctx.inputs.case.patient.sex {
        Some(super::case::Sex::Female) => (Presence::Present, msg::risk::FEMALE_SEX_SEX_FEMALE),
        Some(super::case::Sex::Male) => (Presence::Absent, msg::risk::FEMALE_SEX_SEX_MALE),
        None => (Presence::Unknown, msg::risk::FEMALE_SEX_SEX_NOT_RECORDED),
    };
    judged(status, Reason::Said(words))
}

fn malignancy<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let inputs = ctx.inputs;
    let status: Presence = any([
        inputs.finding(FindingId::ActiveMalignancy),
        inputs.finding(FindingId::MalignancyHistory),
    ])
    .into();
    let words = match status {
        Presence::Present => msg::risk::MALIGNANCY_RECORDED_ACTIVE_MALIGNANCY_OR_HISTORY,
        Presence::Absent => msg::risk::MALIGNANCY_RECORDED_AS_ABSENT_ACTIVE_AND,
        Presence::Unknown => msg::risk::MALIGNANCY_MALIGNANCY_ACTIVE_OR_PAST_NOT,
    };
    judged(status, Reason::Said(words))
}

fn peritoneal_dialysis<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    use super::case::Dialysis;
    let (status, words) = match ctx.inputs.case.kidney.dialysis {
        Some(Dialysis::Peritoneal) => (
            Presence::Present,
            msg::risk::PERITONEAL_DIALYSIS_DIALYSIS_MODALITY_PERITONEAL,
        ),
        Some(Dialysis::Hemodialysis) => (
            Presence::Absent,
            msg::risk::PERITONEAL_DIALYSIS_DIALYSIS_MODALITY_HAEMODIALYSIS,
        ),
        Some(Dialysis::None) => (
            Presence::Absent,
            msg::risk::PERITONEAL_DIALYSIS_NOT_ON_DIALYSIS,
        ),
        None => (
            Presence::Unknown,
            msg::risk::PERITONEAL_DIALYSIS_DIALYSIS_MODALITY_NOT_RECORDED,
        ),
    };
    judged(status, Reason::Said(words))
}

fn kidney_transplant<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let (status, words) = match ctx.inputs.case.kidney.kidney_transplant {
        Some(true) => (
            Presence::Present,
            msg::risk::KIDNEY_TRANSPLANT_KIDNEY_TRANSPLANT_RECIPIENT,
        ),
        Some(false) => (
            Presence::Absent,
            msg::risk::KIDNEY_TRANSPLANT_NO_KIDNEY_TRANSPLANT,
        ),
        None => (
            Presence::Unknown,
            msg::risk::KIDNEY_TRANSPLANT_TRANSPLANT_STATUS_NOT_RECORDED,
        ),
    };
    judged(status, Reason::Said(words))
}

const THROMBOPHILIA_TESTS: &[LabId] = &[
    LabId::ProteinCActivity,
    LabId::ProteinSFree,
    LabId::AntithrombinActivity,
    LabId::FactorVLeiden,
    LabId::ProthrombinG20210a,
    LabId::LupusAnticoagulant,
    LabId::AnticardiolipinIgg,
    LabId::AnticardiolipinIgm,
    LabId::AntiB2gp1Igg,
    LabId::AntiB2gp1Igm,
];

/// An abnormal thrombophilia test not yet counted: a confounder to record, or an
/// antiphospholipid antibody not shown persistent (2023 ACR/EULAR: 12 weeks).
fn thrombophilia_pending(item: &WorkupItem) -> bool {
    !item.to_record.is_empty() || item.persistence == Some(Persistence::Unconfirmed)
}

/// Recorded, or an abnormal thrombophilia test; an abnormal result whose acquired causes
/// are not all recorded makes it unknown rather than present.
fn hypercoagulable_state_known<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let recorded = finding_rule(ctx, FindingId::HypercoagulableStateKnown);
    if recorded.status == Presence::Present {
        return recorded;
    }
    let abnormal = |pending: bool| -> Vec<&'static str> {
        ctx.workup
            .items
            .iter()
            .filter(|i| {
                i.status == WorkupStatus::Abnormal
                    && THROMBOPHILIA_TESTS.contains(&i.test)
                    && i.titre != Some(AplTitre::BelowCriteria)
                    && thrombophilia_pending(i) == pending
            })
            .map(|i| i.name)
            .collect()
    };
    let counted = abnormal(false);
    if !counted.is_empty() {
        return judged(
            Presence::Present,
            Reason::Workup(FromWorkup::AbnormalThrombophilia(counted)),
        );
    }
    let pending = abnormal(true);
    if pending.is_empty() {
        recorded
    } else {
        judged(
            Presence::Unknown,
            Reason::Workup(FromWorkup::ThrombophiliaNotYetCounted(pending)),
        )
    }
}

pub fn assess_risk(
    inputs: &Inputs,
    derived: &DerivedValues,
    workup: &Workup,
    lang: Lang,
) -> RiskProfile {
    let ctx = Context {
        inputs,
        derived,
        workup,
    };
    let factors: Vec<RiskFactor> = FACTORS.iter().map(|def| factor(def, &ctx, lang)).collect();

    let count = |tier: Tier, status: Presence| {
        factors
            .iter()
            .filter(|f| f.tier == tier && f.status == status)
            .count()
    };
    let major_present = count(Tier::Major, Presence::Present);
    let minor_present = count(Tier::Minor, Presence::Present);
    let major_unknown = count(Tier::Major, Presence::Unknown);
    let minor_unknown = count(Tier::Minor, Presence::Unknown);
    let threshold = consensus_threshold_in(
        major_present,
        minor_present,
        major_unknown,
        minor_unknown,
        lang,
    );

    let ids = |status: Presence| {
        factors
            .iter()
            .filter(|f| f.status == status)
            .map(|f| f.id)
            .collect::<Vec<_>>()
    };
    let summary = summarise(
        &factors,
        (major_present, minor_present),
        major_unknown + minor_unknown,
        &threshold,
        population(inputs),
        lang,
    );
    RiskProfile {
        present: ids(Presence::Present),
        absent: ids(Presence::Absent),
        unknown: ids(Presence::Unknown),
        major_present,
        minor_present,
        major_unknown,
        minor_unknown,
        threshold,
        factors,
        summary,
    }
}

/// One factor of the table judged for this patient, in words.
fn factor(def: &FactorDef, ctx: &Context, lang: Lang) -> RiskFactor {
    let judgement = match def.rule {
        Rule::Finding(id) => finding_rule(ctx, id),
        Rule::Lab(cutoff) => lab_rule(ctx, cutoff),
        Rule::Custom(rule) => rule(ctx),
    };
    RiskFactor {
        id: def.id,
        tier: def.tier,
        name: def.id.name(lang),
        status: judgement.status,
        basis: render(&judgement.reason, lang),
        threshold: def.threshold.get(lang),
        evidence: def.evidence.get(lang),
        sources: def.sources.to_vec(),
    }
}

/// "2 major, or 1 major + 3 minor" — settled only when the unknowns cannot change it.
pub fn consensus_threshold(
    major: usize,
    minor: usize,
    major_unknown: usize,
    minor_unknown: usize,
) -> RiskThreshold {
    consensus_threshold_in(major, minor, major_unknown, minor_unknown, Lang::En)
}

/// [`consensus_threshold`] with its words in `lang`.
pub fn consensus_threshold_in(
    major: usize,
    minor: usize,
    major_unknown: usize,
    minor_unknown: usize,
    lang: Lang,
) -> RiskThreshold {
    let meets = |major: usize, minor: usize| major >= 2 || (major >= 1 && minor >= 3);
    let status = if meets(major, minor) {
        Status::Met
    } else if !meets(major + major_unknown, minor + minor_unknown) {
        Status::NotMet
    } else {
        Status::Unknown
    };
    let basis = match status {
        Status::Met => tr!(
            lang,
            msg::risk::CONSENSUS_THRESHOLD_IN_MAJOR_MAJOR_AND_MINOR_MINOR,
            major,
            minor
        ),
        Status::NotMet => tr!(
            lang,
            msg::risk::CONSENSUS_THRESHOLD_IN_MAJOR_MAJOR_AND_MINOR_MINOR_2,
            major,
            major_unknown,
            minor,
            minor_unknown
        ),
        Status::Unknown => tr!(
            lang,
            msg::risk::CONSENSUS_THRESHOLD_IN_MAJOR_MAJOR_AND_MINOR_MINOR_3,
            major,
            major_unknown,
            minor,
            minor_unknown
        ),
    };
    RiskThreshold {
        rule: msg::risk::CONSENSUS_THRESHOLD_IN_2_MAJOR_OR_1_MAJOR.get(lang),
        status,
        basis,
        // The summary's note that minor factors are common on haemodialysis.
        sources: vec![CN, "phosphate_control_2014"],
    }
}

/// The counts, the verdict, the other factors present, and for a patient outside kidney
/// failure that the consensus factors and threshold were made for dialysis patients.
fn summarise(
    factors: &[RiskFactor],
    (major, minor): (usize, usize),
    unknown: usize,
    threshold: &RiskThreshold,
    population: Population,
    lang: Lang,
) -> String {
    let majors = FACTORS.iter().filter(|f| f.tier == Tier::Major).count();
    let minors = FACTORS.iter().filter(|f| f.tier == Tier::Minor).count();
    let verdict = match threshold.status {
        Status::Met => msg::risk::SUMMARISE_IS_MET,
        Status::NotMet => msg::risk::SUMMARISE_IS_NOT_MET,
        Status::Unknown => msg::risk::SUMMARISE_CANNOT_BE_SETTLED_UNTIL_UNKNOWN,
    }
    .get(lang);
    let others: Vec<&str> = factors
        .iter()
        .filter(|f| f.tier == Tier::Other && f.status == Presence::Present)
        .map(|f| f.name)
        .collect();
    let mut text = tr!(
        lang,
        msg::risk::SUMMARISE_MAJOR_OF_MAJORS_MAJOR_AND,
        major,
        majors,
        minor,
        minors,
        unknown,
        verdict
    );
    if !others.is_empty() {
        text.push_str(&match lang {
            Lang::En => format!(" Also present: {}.", others.join(", ").to_lowercase()),
            Lang::Zh => format!("另存在：{}。", others.join("、")),
        });
    }
    text.push_str(msg::risk::SUMMARISE_THIS_IS_A_RISK_PROFILE.get(lang));
    if population.outside_kidney_failure() {
        text.push_str(&population_note(lang));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::case::Case;
    use crate::core::labs::{QualitativeMeaning, Reference};

    /// A lab whose kind changed to qualitative, to show a rule reading it stays unknown.
    fn qualitative(id: LabId) -> LabValue {
        let lab: &'static Lab = Box::leak(Box::new(Lab {
            kind: LabKind::Qualitative {
                results: &[("positive", QualitativeMeaning::Abnormal)],
            },
            ..*lab(id)
        }));
        LabValue::Qualitative {
            lab,
            result: "positive",
            meaning: QualitativeMeaning::Abnormal,
        }
    }

    fn status_with(labs: Vec<(LabId, LabValue)>, factor: RiskFactorId) -> Presence {
        let case = Case::default();
        let inputs = Inputs::with_labs(&case, labs);
        let workup = Workup {
            items: Vec::new(),
            summary: String::new(),
        };
        let derived = DerivedValues::default();
        let profile = assess_risk(&inputs, &derived, &workup, Lang::En);
        profile
            .factors
            .iter()
            .find(|f| f.id == factor)
            .unwrap()
            .status
    }

    #[test]
    fn a_lab_that_is_not_a_number_leaves_its_factor_unknown() {
        // Each was `canonical().unwrap_or(NaN)`: NaN compares false, so these were absent.
        for (lab, factor) in [
            (LabId::Albumin, RiskFactorId::Hypoalbuminemia),
            (LabId::Phosphate, RiskFactorId::Hyperphosphatemia),
            (LabId::CalciumIonized, RiskFactorId::Hypercalcemia),
            (LabId::PthIntact, RiskFactorId::PthOver1000),
            (LabId::PthIntact, RiskFactorId::PthUnder300),
            (
                LabId::AlkalinePhosphatase,
                RiskFactorId::HighAlkalinePhosphatase,
            ),
        ] {
            let status = status_with(vec![(lab, qualitative(lab))], factor);
            assert_eq!(status, Presence::Unknown, "{lab:?} → {factor:?}");
        }
    }

    #[test]
    fn an_unusable_albumin_leaves_a_normal_total_calcium_unknown() {
        let total = LabValue::Numeric {
            lab: lab(LabId::CalciumTotal),
            canonical: 9.5,
            entered: 9.5,
            unit: &lab(LabId::CalciumTotal).units()[0],
            reference: Reference {
                low: None,
                high: None,
            },
            local_reference: false,
        };
        let labs = vec![
            (LabId::CalciumTotal, total),
            (LabId::Albumin, qualitative(LabId::Albumin)),
        ];
        assert_eq!(
            status_with(labs, RiskFactorId::Hypercalcemia),
            Presence::Unknown
        );
    }

    #[test]
    fn every_cutoff_is_stated_in_a_unit_of_its_lab() {
        for cutoff in CUTOFFS {
            if let Measure::Lab(id) = cutoff.measure {
                let (lab, _) = cutoff.lab_units().unwrap_or_else(|| panic!("{cutoff:?}"));
                assert!(matches!(lab.kind, LabKind::Numeric { .. }), "{id:?}");
                assert!(cutoff.canonical_limit().is_finite(), "{id:?}");
            }
        }
        // A lab rule's threshold wording is generated from the very cutoff it compares with.
        for def in FACTORS {
            if let Rule::Lab(cutoff) = def.rule {
                assert!(matches!(cutoff.measure, Measure::Lab(_)), "{:?}", def.id);
                assert!(
                    matches!(def.threshold, Wording::Cutoff(words) if std::ptr::eq(words, cutoff)),
                    "{:?}",
                    def.id
                );
            }
        }
    }

    #[test]
    fn threshold_wording_restates_the_compared_limit_in_the_other_unit() {
        let words = |id: RiskFactorId, lang: Lang| {
            let def = FACTORS.iter().find(|f| f.id == id).unwrap();
            def.threshold.get(lang).unwrap()
        };
        for (id, en, zh) in [
            (RiskFactorId::PthOver1000, "intact PTH > 1000 pg/mL (106 pmol/L)", "全段 PTH > 1000 pg/mL（106 pmol/L）"),
            (RiskFactorId::PthUnder300, "intact PTH < 300 pg/mL (31.8 pmol/L)", "全段 PTH < 300 pg/mL（31.8 pmol/L）"),
            (RiskFactorId::Hypoalbuminemia, "albumin < 3.5 g/dL (35 g/L)", "白蛋白 < 3.5 g/dL（35 g/L）"),
            (RiskFactorId::Hyperphosphatemia, "phosphate > 4.5 mg/dL (1.45 mmol/L)", "血磷 > 4.5 mg/dL（1.45 mmol/L）"),
            (RiskFactorId::HighAlkalinePhosphatase, "ALP above the laboratory's upper limit (default 120 U/L)", "碱性磷酸酶高于本实验室参考上限（默认 120 U/L）"),
            (RiskFactorId::DialysisOver5Years, "dialysis vintage > 60 months", "透析龄 > 60 个月"),
            (RiskFactorId::DialysisUnder5Years, "on dialysis, dialysis vintage ≤ 60 months", "维持透析，透析龄 ≤ 60 个月"),
            (RiskFactorId::Obesity, "BMI ≥ 30 kg/m² (WHO); the Chinese adult cut-off of 28 is shown as a note", "体重指数 BMI ≥ 30 kg/m²（WHO）；中国成人切点 28 作为提示列出"),
            // 10.2 mg/dL is 2.545 mmol/L: 2.55 mmol/L (10.22 mg/dL) is above the limit.
            (RiskFactorId::Hypercalcemia, "ionized calcium > 1.32 mmol/L (5.3 mg/dL) when measured; otherwise albumin-corrected total calcium > 10.2 mg/dL (2.54 mmol/L), corrected as 0.8 × (4.0 − albumin g/dL) when albumin < 4.0 g/dL; unknown when only Payne's slope 1.0 is above the limit", "已测定离子钙时，离子钙 > 1.32 mmol/L（5.3 mg/dL）；否则白蛋白校正总钙 > 10.2 mg/dL（2.54 mmol/L），白蛋白 < 4.0 g/dL 时按 0.8 × (4.0 − 白蛋白 g/dL) 校正；仅按 Payne 斜率 1.0 超过界值时为未知"),
        ] {
            assert_eq!(words(id, Lang::En), en);
            assert_eq!(words(id, Lang::Zh), zh);
        }
    }

    #[test]
    fn the_ionized_limit_is_compared_in_the_canonical_unit() {
        // 1.32 mmol/L converted with the catalogue factor, exactly as an entry would be.
        let mmol = lab(LabId::CalciumIonized).unit_named("mmol/L").unwrap();
        let at = to_canonical(1.32, mmol);
        assert!(!IONIZED_CALCIUM_ABOVE_1_32.holds(at));
        assert!(IONIZED_CALCIUM_ABOVE_1_32.holds(to_canonical(1.3201, mmol)));
        assert!(IONIZED_CALCIUM_ABOVE_1_32.holds(5.3));
        assert!(!IONIZED_CALCIUM_ABOVE_1_32.holds(5.29));
    }

    #[test]
    fn threshold_counts_at_and_around_the_rule() {
        assert_eq!(consensus_threshold(2, 0, 0, 0).status, Status::Met);
        assert_eq!(consensus_threshold(1, 3, 0, 0).status, Status::Met);
        assert_eq!(consensus_threshold(1, 2, 0, 0).status, Status::NotMet);
        assert_eq!(consensus_threshold(0, 11, 0, 0).status, Status::NotMet);
        assert_eq!(consensus_threshold(1, 2, 0, 1).status, Status::Unknown);
        assert_eq!(consensus_threshold(0, 3, 1, 0).status, Status::Unknown);
        assert_eq!(consensus_threshold(0, 0, 1, 2).status, Status::NotMet);
    }

    #[test]
    fn every_factor_cites_a_source_that_exists() {
        for def in FACTORS {
            assert!(!def.sources.is_empty(), "{:?}", def.id);
            for source in def.sources {
                assert!(
                    super::super::citations::citation(source).is_some(),
                    "{source}"
                );
            }
        }
        assert_eq!(FACTORS.iter().filter(|f| f.tier == Tier::Major).count(), 7);
        assert_eq!(FACTORS.iter().filter(|f| f.tier == Tier::Minor).count(), 11);
    }
}
