//! The calciphylaxis risk profile (`clinical.md` §3): the consensus's major and minor risk
//! factors and other evidence-graded factors, each present / absent / unknown with the input
//! and threshold that decided it. A profile, not a score: no weights, no probabilities.

use serde::Serialize;

use super::derived::{
    calcium_for_rules, corrected_with_slope, DerivedValues, CONVENTIONAL_SLOPE,
    PAYNE_REFERENCE_ALBUMIN_G_DL,
};
use super::findings::finding_def;
use super::i18n::{Lang, Text};
use super::inputs::{flag_against, to_canonical, Flag, Inputs, LabValue};
use super::labs::{decimals_for, decimals_written, fmt_number, lab, restate, Lab, LabKind, Unit};
use super::logic::{any, Presence, Status};
use super::workup::{Workup, WorkupItem, WorkupStatus};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    Major,
    Minor,
    /// Evidence-graded factors outside the consensus tiers.
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RiskFactor {
    pub id: &'static str,
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
    pub present: Vec<&'static str>,
    pub absent: Vec<&'static str>,
    pub unknown: Vec<&'static str>,
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
    Finding(&'static str),
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
    id: &'static str,
    tier: Tier,
    name: Text,
    threshold: Wording,
    evidence: Text,
    sources: &'static [&'static str],
    rule: Rule,
}

/// What a cutoff reads.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Measure {
    /// A lab of the catalogue, compared in its canonical unit.
    Lab(&'static str),
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
        let lab = lab(id)?;
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
                        "{what} {sign} {limit} ({other} {other_symbol})",
                        "{what} {sign} {limit}（{other} {other_symbol}）"
                    )
                }
                None => tr!(lang, "{what} {sign} {limit}", "{what} {sign} {limit}"),
            },
            None => tr!(lang, "{what} {sign} {limit}", "{what} {sign} {limit}"),
        }
    }
}

const PTH_ABOVE_1000: Cutoff = Cutoff {
    measure: Measure::Lab("pth_intact"),
    what: Text::new("intact PTH", "全段 PTH"),
    comparison: Comparison::Above,
    limit: 1000.0,
    unit: Text::new("pg/mL", "pg/mL"),
};
const PTH_BELOW_300: Cutoff = Cutoff {
    measure: Measure::Lab("pth_intact"),
    what: Text::new("intact PTH", "全段 PTH"),
    comparison: Comparison::Below,
    limit: 300.0,
    unit: Text::new("pg/mL", "pg/mL"),
};
const ALBUMIN_BELOW_3_5: Cutoff = Cutoff {
    measure: Measure::Lab("albumin"),
    what: Text::new("albumin", "白蛋白"),
    comparison: Comparison::Below,
    limit: 3.5,
    unit: Text::new("g/dL", "g/dL"),
};
const PHOSPHATE_ABOVE_4_5: Cutoff = Cutoff {
    measure: Measure::Lab("phosphate"),
    what: Text::new("phosphate", "血磷"),
    comparison: Comparison::Above,
    limit: 4.5,
    unit: Text::new("mg/dL", "mg/dL"),
};
/// Stated in mmol/L as the reference is; compared in the catalogue's canonical mg/dL.
const IONIZED_CALCIUM_ABOVE_1_32: Cutoff = Cutoff {
    measure: Measure::Lab("calcium_ionized"),
    what: Text::new("ionized calcium", "离子钙"),
    comparison: Comparison::Above,
    limit: 1.32,
    unit: Text::new("mmol/L", "mmol/L"),
};
const CALCIUM_ABOVE_10_2: Cutoff = Cutoff {
    measure: Measure::Lab("calcium_total"),
    what: Text::new("albumin-corrected total calcium", "白蛋白校正总钙"),
    comparison: Comparison::Above,
    limit: 10.2,
    unit: Text::new("mg/dL", "mg/dL"),
};
const BMI_AT_LEAST_30: Cutoff = Cutoff {
    measure: Measure::Bmi,
    what: Text::new("BMI", "体重指数 BMI"),
    comparison: Comparison::AtLeast,
    limit: 30.0,
    unit: Text::new("kg/m²", "kg/m²"),
};
/// The Chinese adult cut-off, shown as a note only.
const BMI_CHINESE_AT_LEAST_28: Cutoff = Cutoff {
    measure: Measure::Bmi,
    what: Text::new("BMI", "体重指数 BMI"),
    comparison: Comparison::AtLeast,
    limit: 28.0,
    unit: Text::new("kg/m²", "kg/m²"),
};
const VINTAGE_OVER_60_MONTHS: Cutoff = Cutoff {
    measure: Measure::DialysisVintage,
    what: Text::new("dialysis vintage", "透析龄"),
    comparison: Comparison::Above,
    limit: 60.0,
    unit: Text::new("months", "个月"),
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
    tr!(lang, "on dialysis, {rule}", "维持透析，{rule}")
}

fn obesity_wording(lang: Lang) -> String {
    let who = BMI_AT_LEAST_30.wording(lang);
    let chinese = fmt_number(BMI_CHINESE_AT_LEAST_28.limit, 0);
    tr!(
        lang,
        "{who} (WHO); the Chinese adult cut-off of {chinese} is shown as a note",
        "{who}（WHO）；中国成人切点 {chinese} 作为提示列出"
    )
}

fn hypercalcemia_wording(lang: Lang) -> String {
    let ionized = IONIZED_CALCIUM_ABOVE_1_32.wording(lang);
    let total = CALCIUM_ABOVE_10_2.wording(lang);
    tr!(
        lang,
        "{ionized} when measured; otherwise {total}",
        "已测定离子钙时，{ionized}；否则{total}"
    )
}

/// The catalogue's upper reference limit of ALP, used when the laboratory gives none.
fn alkaline_phosphatase_default_upper() -> Option<f64> {
    match lab(ALP)?.kind {
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
        "ALP above the laboratory's upper limit (default {upper} U/L)",
        "碱性磷酸酶高于本实验室参考上限（默认 {upper} U/L）"
    )
}

const ALP: &str = "alkaline_phosphatase";

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
    /// The 0.8 × (4.0 − albumin) variant (mg/dL) falls on the other side of the limit.
    FormulasDisagree(f64),
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
    CannotDecide {
        what: Text,
        missing: Missing,
    },
    /// A finding as recorded (`None`: not recorded).
    Recorded {
        finding: &'static str,
        value: Option<bool>,
    },
    /// The preferred input is missing, so another decided.
    Instead {
        missing: Text,
        then: Box<Reason<'a>>,
    },
    /// A workup test below its reference, interpretable.
    LowResult {
        test: &'static str,
        result: &'a str,
        reference: &'a str,
    },
    Uninterpretable(Vec<&'static str>),
    AbnormalThrombophilia(Vec<&'static str>),
    /// A fixed sentence.
    Said(Text),
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
                "ALP {shown} {sign} upper limit {upper} U/L",
                "碱性磷酸酶 {shown} {sign} 参考上限 {upper} U/L"
            )
        }
        Reason::CannotDecide { what, missing } => {
            let what = what.get(lang);
            match missing {
                Missing::NotEntered => tr!(lang, "{what} not entered", "未填写{what}"),
                Missing::NotANumber => {
                    tr!(lang, "{what} has no numeric result", "{what}无数值结果")
                }
                Missing::NoUpperLimit => tr!(
                    lang,
                    "{what}: no upper reference limit to compare with",
                    "{what}：无参考上限可比较"
                ),
            }
        }
        Reason::Recorded { finding, value } => {
            let label = finding_label(finding, lang);
            match value {
                Some(true) => tr!(lang, "recorded: {label}", "已记录：{label}"),
                Some(false) => tr!(lang, "recorded as absent: {label}", "已记录为无：{label}"),
                None => tr!(lang, "not recorded: {label}", "未记录：{label}"),
            }
        }
        Reason::Instead { missing, then } => {
            let missing = missing.get(lang);
            let then = render(then, lang);
            tr!(lang, "{missing}; {then}", "{missing}；{then}")
        }
        Reason::LowResult {
            test,
            result,
            reference,
        } => tr!(
            lang,
            "{test} {result} below {reference}, with no confounder recorded",
            "{test} {result} 低于 {reference}，且未记录干扰因素"
        ),
        Reason::Uninterpretable(names) => {
            let names = names.join(lang.pick(" and ", "和"));
            tr!(
                lang,
                "{names} cannot be interpreted now (see the workup); deficiency neither shown nor excluded",
                "{names}目前无法判读（见检查项目）；既不能证实也不能排除缺乏"
            )
        }
        Reason::AbnormalThrombophilia(names) => {
            let tests = names.join(lang.pick(", ", "、"));
            tr!(
                lang,
                "abnormal thrombophilia test(s): {tests} (see the workup)",
                "易栓症检查异常：{tests}（见检查项目）"
            )
        }
        Reason::Said(text) => text.get(lang).to_string(),
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
        "{what} {value} {sign} {limit}{note}",
        "{what} {value} {sign} {limit}{note}"
    )
}

fn render_note(note: Note, lang: Lang) -> String {
    match note {
        Note::IonizedPreferred => lang
            .pick(
                " (ionized calcium preferred over total)",
                "（离子钙优先于总钙）",
            )
            .to_string(),
        Note::ChineseObesityCutoff => {
            let cutoff = fmt_number(BMI_CHINESE_AT_LEAST_28.limit, 0);
            tr!(
                lang,
                " (note: ≥ {cutoff}, obese by the Chinese adult cut-off)",
                "（提示：≥ {cutoff}，按中国成人切点属肥胖）"
            )
        }
        Note::AlbuminNeeded => lang
            .pick(
                ", but albumin is needed to correct it (or measure ionized calcium)",
                "，但需要白蛋白进行校正（或测定离子钙）",
            )
            .to_string(),
        Note::FormulasDisagree(other) => {
            let other = fmt_number(other, 2);
            tr!(
                lang,
                "; the 0.8 × (4.0 − albumin) variant gives {other} mg/dL, on the other side of the limit: measure ionized calcium",
                "；按 0.8 × (4.0 − 白蛋白) 校正式得 {other} mg/dL，位于界值另一侧：请测定离子钙"
            )
        }
    }
}

const CN: &str = "cn_consensus_2023";

/// The knowledge base of risk factors. The consensus names the factors; thresholds it does
/// not give are the conventional ones stated in `threshold`.
const FACTORS: &[FactorDef] = &[
    // Major (cn_consensus_2023, Table 3).
    FactorDef {
        id: "dialysis_over_5_years",
        tier: Tier::Major,
        name: Text::new("Dialysis for more than 5 years", "透析龄超过 5 年"),
        threshold: Wording::Cutoff(&VINTAGE_OVER_60_MONTHS),
        evidence: Text::new("Longer dialysis vintage was an independent risk factor in 3,867 Chinese HD patients (Liu 2022).", "在 3,867 例中国血液透析患者中，透析龄较长是独立危险因素（Liu 2022）。"),
        sources: &[CN, "liu_2022_jiangsu"],
        rule: Rule::Custom(dialysis_over_5_years),
    },
    FactorDef {
        id: "warfarin",
        tier: Tier::Major,
        name: Text::new("Long-term warfarin (vitamin K antagonist)", "长期使用华法林（维生素K拮抗剂）"),
        threshold: Wording::None,
        evidence: Text::new("OR 11.4 (95% CI 2.7–48.1) in a Japanese case-control study (Hayashi 2012); 52% of German registry patients had VKA before onset (Brandenburg 2017).", "日本病例对照研究中 OR 11.4（95% CI 2.7–48.1）（Hayashi 2012）；德国登记研究中 52% 的患者发病前使用维生素K拮抗剂（Brandenburg 2017）。"),
        sources: &[CN, "hayashi_2012_ndt", "brandenburg_2017", "nigwekar_2016_jasn"],
        rule: Rule::Finding("warfarin"),
    },
    FactorDef {
        id: "high_dose_calcium_binder",
        tier: Tier::Major,
        name: Text::new("High-dose calcium-based phosphate binder for more than 6 months", "大剂量含钙磷结合剂超过 6 个月"),
        threshold: Wording::None,
        evidence: Text::new("Consensus major factor; no effect size given.", "共识主要危险因素；未给出效应量。"),
        sources: &[CN],
        rule: Rule::Finding("high_dose_calcium_binder"),
    },
    FactorDef {
        id: "active_vitamin_d_high_dose",
        tier: Tier::Major,
        name: Text::new("Active vitamin D above 0.5 µg/day", "活性维生素D超过 0.5 µg/天"),
        threshold: Wording::None,
        evidence: Text::new("Consensus major factor; no effect size given.", "共识主要危险因素；未给出效应量。"),
        sources: &[CN],
        rule: Rule::Finding("active_vitamin_d_high_dose"),
    },
    FactorDef {
        id: "protein_c_or_s_deficiency",
        tier: Tier::Major,
        name: Text::new("Protein C or protein S deficiency", "蛋白C或蛋白S缺乏"),
        threshold: Wording::Fixed(Text::new("protein C or free protein S activity below the reference interval, when interpretable", "蛋白C或游离蛋白S活性低于参考区间（结果可判读时）")),
        evidence: Text::new("Protein C deficiency in 50% of cases vs 8% of controls (Dobry 2018, proportions).", "蛋白C缺乏见于 50% 的病例，对照组为 8%（Dobry 2018，比例）。"),
        sources: &[CN, "dobry_2018"],
        rule: Rule::Custom(protein_c_or_s_deficiency),
    },
    FactorDef {
        id: "vitamin_k_deficiency",
        tier: Tier::Major,
        name: Text::new("Vitamin K deficiency", "维生素K缺乏"),
        threshold: Wording::None,
        evidence: Text::new("Consensus major factor; no effect size given.", "共识主要危险因素；未给出效应量。"),
        sources: &[CN],
        rule: Rule::Finding("vitamin_k_deficiency"),
    },
    FactorDef {
        id: "pth_over_1000",
        tier: Tier::Major,
        name: Text::new("Intact PTH above 1000 pg/mL", "全段 PTH 超过 1000 pg/mL"),
        threshold: Wording::Cutoff(&PTH_ABOVE_1000),
        evidence: Text::new("Hyperparathyroidism was an independent risk factor in Chinese HD patients (Liu 2022).", "在中国血液透析患者中，甲状旁腺功能亢进是独立危险因素（Liu 2022）。"),
        sources: &[CN, "liu_2022_jiangsu"],
        rule: Rule::Lab(&PTH_ABOVE_1000),
    },
    // Minor (cn_consensus_2023, Table 3).
    FactorDef {
        id: "dialysis_under_5_years",
        tier: Tier::Minor,
        name: Text::new("Dialysis for 5 years or less", "透析龄 5 年及以下"),
        threshold: Wording::Generated(vintage_at_most_60_wording),
        evidence: Text::new("Consensus minor factor.", "共识次要危险因素。"),
        sources: &[CN],
        rule: Rule::Custom(dialysis_under_5_years),
    },
    FactorDef {
        id: "obesity",
        tier: Tier::Minor,
        name: Text::new("Obesity", "肥胖"),
        threshold: Wording::Generated(obesity_wording),
        evidence: Text::new("Obesity and higher BMI were risk factors in US, French and Chinese case-control studies (Weenig 2007; Nigwekar 2016; Gaisne 2020; Liu 2022).", "在美国、法国和中国的病例对照研究中，肥胖及 BMI 较高为危险因素（Weenig 2007；Nigwekar 2016；Gaisne 2020；Liu 2022）。"),
        sources: &[CN, "who_2000_obesity", "zhou_2002_china_bmi", "weenig_2007", "nigwekar_2016_jasn", "liu_2022_jiangsu"],
        rule: Rule::Custom(obesity),
    },
    FactorDef {
        id: "diabetes_mellitus",
        tier: Tier::Minor,
        name: Text::new("Diabetes mellitus", "糖尿病"),
        threshold: Wording::None,
        evidence: Text::new("Independent risk factor in US and Chinese HD cohorts (Nigwekar 2016; Liu 2022).", "在美国和中国血液透析队列中为独立危险因素（Nigwekar 2016；Liu 2022）。"),
        sources: &[CN, "nigwekar_2016_jasn", "liu_2022_jiangsu"],
        rule: Rule::Finding("diabetes_mellitus"),
    },
    FactorDef {
        id: "hypoalbuminemia",
        tier: Tier::Minor,
        name: Text::new("Hypoalbuminaemia", "低白蛋白血症"),
        threshold: Wording::Cutoff(&ALBUMIN_BELOW_3_5),
        evidence: Text::new("Each 0.1 g/dL higher albumin: OR 0.80 (95% CI 0.67–0.96) (Mazhar 2001).", "白蛋白每升高 0.1 g/dL：OR 0.80（95% CI 0.67–0.96）（Mazhar 2001）。"),
        sources: &[CN, "mazhar_2001", "hayashi_2012_ndt"],
        rule: Rule::Lab(&ALBUMIN_BELOW_3_5),
    },
    FactorDef {
        id: "immunosuppressants_or_glucocorticoids",
        tier: Tier::Minor,
        name: Text::new("Long-term immunosuppressants or glucocorticoids", "长期使用免疫抑制剂或糖皮质激素"),
        threshold: Wording::None,
        evidence: Text::new("Systemic corticosteroids were a risk factor in a Mayo Clinic case-control study (Weenig 2007).", "在梅奥诊所的病例对照研究中，全身性糖皮质激素为危险因素（Weenig 2007）。"),
        sources: &[CN, "weenig_2007"],
        rule: Rule::Finding("immunosuppressants_or_glucocorticoids"),
    },
    FactorDef {
        id: "hypercalcemia",
        tier: Tier::Minor,
        name: Text::new("Hypercalcaemia", "高钙血症"),
        threshold: Wording::Generated(hypercalcemia_wording),
        evidence: Text::new("Higher serum calcium associated with calciphylaxis in US HD patients (Nigwekar 2016).", "在美国血液透析患者中，血钙较高与钙化防御相关（Nigwekar 2016）。"),
        sources: &[CN, "nigwekar_2016_jasn", "payne_1973"],
        rule: Rule::Custom(hypercalcemia),
    },
    FactorDef {
        id: "hyperphosphatemia",
        tier: Tier::Minor,
        name: Text::new("Hyperphosphataemia", "高磷血症"),
        threshold: Wording::Cutoff(&PHOSPHATE_ABOVE_4_5),
        evidence: Text::new("Higher phosphate associated with calciphylaxis (Nigwekar 2016; Mazhar 2001: OR 3.51 per mg/dL, 95% CI 0.99–12.5).", "血磷较高与钙化防御相关（Nigwekar 2016；Mazhar 2001：每 mg/dL OR 3.51，95% CI 0.99–12.5）。"),
        sources: &[CN, "kdigo_2017_ckd_mbd", "nigwekar_2016_jasn", "mazhar_2001"],
        rule: Rule::Lab(&PHOSPHATE_ABOVE_4_5),
    },
    FactorDef {
        id: "high_alkaline_phosphatase",
        tier: Tier::Minor,
        name: Text::new("High alkaline phosphatase", "碱性磷酸酶升高"),
        threshold: Wording::Generated(alkaline_phosphatase_wording),
        evidence: Text::new("High ALP was an independent risk factor in Chinese HD patients (Liu 2022).", "在中国血液透析患者中，碱性磷酸酶升高是独立危险因素（Liu 2022）。"),
        sources: &[CN, "liu_2022_jiangsu"],
        rule: Rule::Custom(high_alkaline_phosphatase),
    },
    FactorDef {
        id: "pth_under_300",
        tier: Tier::Minor,
        name: Text::new("Intact PTH below 300 pg/mL", "全段 PTH 低于 300 pg/mL"),
        threshold: Wording::Cutoff(&PTH_BELOW_300),
        evidence: Text::new("Consensus minor factor (low bone turnover).", "共识次要危险因素（低骨转换）。"),
        sources: &[CN],
        rule: Rule::Lab(&PTH_BELOW_300),
    },
    FactorDef {
        id: "subcutaneous_insulin_or_heparin",
        tier: Tier::Minor,
        name: Text::new("Subcutaneous insulin or heparin injections", "皮下注射胰岛素或肝素"),
        threshold: Wording::None,
        evidence: Text::new("Insulin injections > 3/day: OR 3.74 (95% CI 2.28–6.25) for CUA (Nigwekar 2016).", "每日胰岛素注射 > 3 次：钙化防御 OR 3.74（95% CI 2.28–6.25）（Nigwekar 2016）。"),
        sources: &[CN, "nigwekar_2016_jasn"],
        rule: Rule::Finding("subcutaneous_insulin_or_heparin"),
    },
    FactorDef {
        id: "iron_overload",
        tier: Tier::Minor,
        name: Text::new("Iron overload", "铁过载"),
        threshold: Wording::None,
        evidence: Text::new("Consensus minor factor; a causal link between iron exposure and calciphylaxis is not established (review 2022).", "共识次要危险因素；铁暴露与钙化防御之间的因果关系尚未确立（2022 年综述）。"),
        sources: &[CN, "iron_review_2022"],
        rule: Rule::Custom(iron_overload),
    },
    // Outside the consensus tiers.
    FactorDef {
        id: "female_sex",
        tier: Tier::Other,
        name: Text::new("Female sex", "女性"),
        threshold: Wording::None,
        evidence: Text::new("OR 6.04 (95% CI 1.62–22.6) in US HD patients (Mazhar 2001); 60% of the German registry were women (Brandenburg 2017). Most Chinese HD cases were men (Liu 2022).", "在美国血液透析患者中 OR 6.04（95% CI 1.62–22.6）（Mazhar 2001）；德国登记研究中 60% 为女性（Brandenburg 2017）。中国血液透析病例多数为男性（Liu 2022）。"),
        sources: &["mazhar_2001", "brandenburg_2017", "liu_2022_jiangsu"],
        rule: Rule::Custom(female_sex),
    },
    FactorDef {
        id: "malignancy",
        tier: Tier::Other,
        name: Text::new("Malignancy", "恶性肿瘤"),
        threshold: Wording::None,
        evidence: Text::new("Tumours were an independent risk factor in Chinese HD patients (Liu 2022); malignancy is a common cause of non-uremic calciphylaxis (Nigwekar 2008). No pooled effect size.", "在中国血液透析患者中，肿瘤是独立危险因素（Liu 2022）；恶性肿瘤是非尿毒症性钙化防御的常见原因（Nigwekar 2008）。无汇总效应量。"),
        sources: &["liu_2022_jiangsu", "nigwekar_2008_nonuremic", "kalajian_2009"],
        rule: Rule::Custom(malignancy),
    },
    FactorDef {
        id: "liver_disease",
        tier: Tier::Other,
        name: Text::new("Liver disease", "肝病"),
        threshold: Wording::None,
        evidence: Text::new("Risk factor in a dialysis case-control study (Weenig 2007); alcoholic liver disease is a common non-uremic cause (Nigwekar 2008).", "在一项透析病例对照研究中为危险因素（Weenig 2007）；酒精性肝病是非尿毒症性钙化防御的常见原因（Nigwekar 2008）。"),
        sources: &["weenig_2007", "nigwekar_2008_nonuremic"],
        rule: Rule::Finding("liver_disease"),
    },
    FactorDef {
        id: "autoimmune_disease",
        tier: Tier::Other,
        name: Text::new("Autoimmune (connective tissue) disease", "自身免疫性（结缔组织）疾病"),
        threshold: Wording::None,
        evidence: Text::new("A common cause of non-uremic calciphylaxis (Nigwekar 2008); no effect size published.", "非尿毒症性钙化防御的常见原因（Nigwekar 2008）；无已发表的效应量。"),
        sources: &["nigwekar_2008_nonuremic"],
        rule: Rule::Finding("autoimmune_disease"),
    },
    FactorDef {
        id: "peritoneal_dialysis",
        tier: Tier::Other,
        name: Text::new("Peritoneal dialysis", "腹膜透析"),
        threshold: Wording::None,
        evidence: Text::new("Reported more often with peritoneal than haemodialysis in small series; not established, no reliable effect size.", "小样本病例系列中腹膜透析较血液透析报道更多；尚未确立，无可靠效应量。"),
        sources: &["nigwekar_2018_nejm"],
        rule: Rule::Custom(peritoneal_dialysis),
    },
    FactorDef {
        id: "kidney_transplant",
        tier: Tier::Other,
        name: Text::new("Kidney transplant recipient", "肾移植受者"),
        threshold: Wording::None,
        evidence: Text::new("Calciphylaxis occurs in transplant recipients, often with glucocorticoid exposure; no effect size published.", "钙化防御可见于移植受者，常伴糖皮质激素暴露；无已发表的效应量。"),
        sources: &["seed_review_2025"],
        rule: Rule::Custom(kidney_transplant),
    },
    FactorDef {
        id: "rapid_weight_loss",
        tier: Tier::Other,
        name: Text::new("Rapid weight loss", "体重快速下降"),
        threshold: Wording::None,
        evidence: Text::new("Weight loss in the 6 months before onset was a risk factor in French dialysis patients (Gaisne 2020); reported in non-uremic cases (Kalajian 2009).", "在法国透析患者中，发病前 6 个月内体重下降为危险因素（Gaisne 2020）；非尿毒症病例中亦有报道（Kalajian 2009）。"),
        sources: &["gaisne_2020", "kalajian_2009"],
        rule: Rule::Finding("rapid_weight_loss"),
    },
    FactorDef {
        id: "hypercoagulable_state_known",
        tier: Tier::Other,
        name: Text::new("Known hypercoagulable state", "已知高凝状态"),
        threshold: Wording::None,
        evidence: Text::new("Hypercoagulable conditions in 62% of cases vs 31% of matched controls (Dobry 2018); severe thrombophilia in 60% of tested patients (El-Azhary 2016).", "高凝状态见于 62% 的病例，匹配对照为 31%（Dobry 2018）；在接受检测的患者中 60% 存在严重易栓症（El-Azhary 2016）。"),
        sources: &["dobry_2018", "el_azhary_2016"],
        rule: Rule::Custom(hypercoagulable_state_known),
    },
];

/// The finding's clinical label, lower-cased for use inside a sentence (English); the
/// label as is in Chinese.
pub fn finding_label(id: &str, lang: Lang) -> String {
    match finding_def(id) {
        Some(finding) if lang == Lang::Zh => finding.zh.to_string(),
        Some(finding) => {
            let mut chars = finding.en.chars();
            chars
                .next()
                .map(|first| first.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
        // Not in the catalogue: quoted as written, never dressed up as a name.
        None => format!("\"{id}\""),
    }
}

fn finding_rule<'a>(ctx: &Context<'a>, finding: &'static str) -> Judgement<'a> {
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
            Reason::Said(Text::new(
                "not on dialysis (kidney section)",
                "未透析（肾脏部分）",
            )),
        ),
        (_, Some(months)) => compared(cutoff.what, Shown::Number(months, 1), months, cutoff, None),
        (Some(true), None) => judged(
            Presence::Unknown,
            Reason::Said(Text::new(
                "on dialysis; vintage not recorded",
                "正在透析；透析龄未记录",
            )),
        ),
        (None, None) => judged(
            Presence::Unknown,
            Reason::Said(Text::new(
                "dialysis status and vintage not recorded",
                "透析状态和透析龄均未记录",
            )),
        ),
    }
}

fn dialysis_over_5_years<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    dialysis_vintage(ctx, &VINTAGE_OVER_60_MONTHS)
}

fn dialysis_under_5_years<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    dialysis_vintage(ctx, &VINTAGE_AT_MOST_60_MONTHS)
}

fn protein_c_or_s_deficiency<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    if ctx.inputs.finding("protein_c_or_s_deficiency") == Some(true) {
        return judged(
            Presence::Present,
            Reason::Said(Text::new(
                "recorded: documented protein C or S deficiency",
                "已记录：已证实的蛋白C或蛋白S缺乏",
            )),
        );
    }
    let items: Vec<&WorkupItem> = ["protein_c_activity", "protein_s_free"]
        .iter()
        .filter_map(|test| ctx.workup.items.iter().find(|item| item.test == *test))
        .collect();
    let low = items.iter().find(|i| {
        i.status == WorkupStatus::Abnormal && i.direction == Some(super::workup::Direction::Low)
    });
    if let Some(item) = low {
        return judged(
            Presence::Present,
            Reason::LowResult {
                test: item.name,
                result: item.result.as_deref().unwrap_or(""),
                reference: &item.reference,
            },
        );
    }
    let uninterpretable: Vec<_> = items
        .iter()
        .filter(|i| i.status == WorkupStatus::Uninterpretable)
        .map(|i| i.name)
        .collect();
    if !uninterpretable.is_empty() {
        return judged(Presence::Unknown, Reason::Uninterpretable(uninterpretable));
    }
    let both_normal = items.len() == 2 && items.iter().all(|i| i.status == WorkupStatus::Normal);
    match ctx.inputs.finding("protein_c_or_s_deficiency") {
        Some(false) => judged(
            Presence::Absent,
            Reason::Said(Text::new("recorded as absent", "已记录为无")),
        ),
        _ if both_normal => judged(
            Presence::Absent,
            Reason::Said(Text::new(
                "protein C and free protein S activities within the reference interval",
                "蛋白C和游离蛋白S活性均在参考区间内",
            )),
        ),
        _ => judged(
            Presence::Unknown,
            Reason::Said(Text::new(
                "not recorded, and protein C and free protein S results are not both available",
                "未记录，且蛋白C和游离蛋白S结果不全",
            )),
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
    let recorded = finding_rule(ctx, "obesity");
    judged(
        recorded.status,
        Reason::Instead {
            missing: Text::new(
                "BMI cannot be computed (weight and height needed)",
                "无法计算 BMI（需要体重和身高）",
            ),
            then: Box::new(recorded.reason),
        },
    )
}

/// Ionized calcium when measured; else total calcium, corrected when albumin is low.
fn hypercalcemia<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let inputs = ctx.inputs;
    if let Some(ionized) = inputs.lab("calcium_ionized") {
        let cutoff = &IONIZED_CALCIUM_ABOVE_1_32;
        let Some(canonical) = ionized.canonical() else {
            return cannot_decide(cutoff.what, Missing::NotANumber);
        };
        let shown = Shown::Lab(ionized);
        return compared(
            cutoff.what,
            shown,
            canonical,
            cutoff,
            Some(Note::IonizedPreferred),
        );
    }
    let cutoff = &CALCIUM_ABOVE_10_2;
    let measured = Text::new("measured total calcium", "实测总钙");
    let Some(total) = inputs.lab_canonical("calcium_total") else {
        return judged(
            Presence::Unknown,
            Reason::Said(Text::new(
                "neither ionized nor total calcium entered",
                "离子钙和总钙均未填写",
            )),
        );
    };
    // The correction only raises calcium when albumin is low, so a measured value above
    // the limit is hypercalcaemia whatever the albumin.
    if cutoff.holds(total) {
        return compared(measured, Shown::Number(total, 2), total, cutoff, None);
    }
    let Some(albumin) = inputs.lab_canonical("albumin") else {
        let reason = Reason::VsCutoff {
            what: measured,
            value: Shown::Number(total, 2),
            cutoff,
            holds: false,
            note: Some(Note::AlbuminNeeded),
        };
        return judged(Presence::Unknown, reason);
    };
    let (calcium, which) = calcium_for_rules(inputs).unwrap_or((total, measured));
    let above = cutoff.holds(calcium);
    // The two correction formulas in use can fall either side of the limit: say so.
    let disagreement = (albumin < PAYNE_REFERENCE_ALBUMIN_G_DL)
        .then(|| corrected_with_slope(total, albumin, CONVENTIONAL_SLOPE))
        .filter(|conventional| cutoff.holds(*conventional) != above)
        .map(Note::FormulasDisagree);
    compared(
        which,
        Shown::Number(calcium, 2),
        calcium,
        cutoff,
        disagreement,
    )
}

/// Above the laboratory's upper limit (the catalogue's when it gives none).
fn high_alkaline_phosphatase<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let what = Text::new("ALP", "碱性磷酸酶");
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
            Text::new("alkaline phosphatase", "碱性磷酸酶"),
            Missing::NotEntered,
        ),
    }
}

fn iron_overload<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let recorded = finding_rule(ctx, "iron_overload");
    if recorded.status == Presence::Unknown && ctx.inputs.finding("iv_iron") == Some(true) {
        return judged(
            Presence::Unknown,
            Reason::Said(Text::new(
                "IV iron recorded, but iron overload itself is not: IV iron is not the consensus factor (record iron overload if present)",
                "已记录静脉铁剂，但未记录铁过载本身：静脉铁剂并非共识所列危险因素（如存在铁过载请记录）",
            )),
        );
    }
    recorded
}

fn female_sex<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let (status, words) = match ctx.inputs.case.patient.sex {
        Some(super::case::Sex::Female) => (Presence::Present, Text::new("sex: female", "性别：女")),
        Some(super::case::Sex::Male) => (Presence::Absent, Text::new("sex: male", "性别：男")),
        None => (
            Presence::Unknown,
            Text::new("sex not recorded", "性别未记录"),
        ),
    };
    judged(status, Reason::Said(words))
}

fn malignancy<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let inputs = ctx.inputs;
    let status: Presence = any([
        inputs.finding("active_malignancy"),
        inputs.finding("malignancy_history"),
    ])
    .into();
    let words = match status {
        Presence::Present => Text::new(
            "recorded: active malignancy or history of malignancy",
            "已记录：活动性恶性肿瘤或恶性肿瘤病史",
        ),
        Presence::Absent => Text::new(
            "recorded as absent: active and past malignancy",
            "已记录为无：活动性及既往恶性肿瘤",
        ),
        Presence::Unknown => Text::new(
            "malignancy (active or past) not recorded",
            "恶性肿瘤（活动性或既往）未记录",
        ),
    };
    judged(status, Reason::Said(words))
}

fn peritoneal_dialysis<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    use super::case::Dialysis;
    let (status, words) = match ctx.inputs.case.kidney.dialysis {
        Some(Dialysis::Peritoneal) => (
            Presence::Present,
            Text::new("dialysis modality: peritoneal", "透析方式：腹膜透析"),
        ),
        Some(Dialysis::Hemodialysis) => (
            Presence::Absent,
            Text::new("dialysis modality: haemodialysis", "透析方式：血液透析"),
        ),
        Some(Dialysis::None) => (Presence::Absent, Text::new("not on dialysis", "未透析")),
        None => (
            Presence::Unknown,
            Text::new("dialysis modality not recorded", "透析方式未记录"),
        ),
    };
    judged(status, Reason::Said(words))
}

fn kidney_transplant<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let (status, words) = match ctx.inputs.case.kidney.kidney_transplant {
        Some(true) => (
            Presence::Present,
            Text::new("kidney transplant recipient", "肾移植受者"),
        ),
        Some(false) => (
            Presence::Absent,
            Text::new("no kidney transplant", "未接受肾移植"),
        ),
        None => (
            Presence::Unknown,
            Text::new("transplant status not recorded", "肾移植状态未记录"),
        ),
    };
    judged(status, Reason::Said(words))
}

fn hypercoagulable_state_known<'a>(ctx: &Context<'a>) -> Judgement<'a> {
    let recorded = finding_rule(ctx, "hypercoagulable_state_known");
    if recorded.status == Presence::Present {
        return recorded;
    }
    let abnormal: Vec<&'static str> = ctx
        .workup
        .items
        .iter()
        .filter(|i| {
            i.status == WorkupStatus::Abnormal
                && matches!(
                    i.test,
                    "protein_c_activity"
                        | "protein_s_free"
                        | "antithrombin_activity"
                        | "factor_v_leiden"
                        | "prothrombin_g20210a"
                        | "lupus_anticoagulant"
                        | "anticardiolipin_igg"
                        | "anticardiolipin_igm"
                        | "anti_b2gp1_igg"
                        | "anti_b2gp1_igm"
                )
        })
        .map(|i| i.name)
        .collect();
    if abnormal.is_empty() {
        recorded
    } else {
        judged(Presence::Present, Reason::AbnormalThrombophilia(abnormal))
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
    let factors: Vec<RiskFactor> = FACTORS
        .iter()
        .map(|def| {
            let judgement = match def.rule {
                Rule::Finding(id) => finding_rule(&ctx, id),
                Rule::Lab(cutoff) => lab_rule(&ctx, cutoff),
                Rule::Custom(rule) => rule(&ctx),
            };
            RiskFactor {
                id: def.id,
                tier: def.tier,
                name: def.name.get(lang),
                status: judgement.status,
                basis: render(&judgement.reason, lang),
                threshold: def.threshold.get(lang),
                evidence: def.evidence.get(lang),
                sources: def.sources.to_vec(),
            }
        })
        .collect();

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
    let present = ids(Presence::Present);
    let summary = summarise(
        &factors,
        major_present,
        minor_present,
        major_unknown + minor_unknown,
        &threshold,
        lang,
    );
    RiskProfile {
        present,
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
            "{major} major and {minor} minor factors present",
            "存在 {major} 项主要危险因素和 {minor} 项次要危险因素"
        ),
        Status::NotMet => tr!(
            lang,
            "{major} major and {minor} minor present; even if every unknown factor were present ({major_unknown} major, {minor_unknown} minor) the threshold could not be reached",
            "存在 {major} 项主要和 {minor} 项次要危险因素；即使所有未知因素（{major_unknown} 项主要、{minor_unknown} 项次要）均存在，也无法达到阈值"
        ),
        Status::Unknown => tr!(
            lang,
            "{major} major and {minor} minor present; {major_unknown} major and {minor_unknown} minor unknown could still reach it",
            "存在 {major} 项主要和 {minor} 项次要危险因素；另有 {major_unknown} 项主要和 {minor_unknown} 项次要危险因素未知，仍可能达到阈值"
        ),
    };
    RiskThreshold {
        rule: lang.pick(
            "2 major, or 1 major + 3 minor risk factors",
            "2 项主要危险因素，或 1 项主要 + 3 项次要危险因素",
        ),
        status,
        basis,
        sources: vec![CN],
    }
}

fn summarise(
    factors: &[RiskFactor],
    major: usize,
    minor: usize,
    unknown: usize,
    threshold: &RiskThreshold,
    lang: Lang,
) -> String {
    let majors = FACTORS.iter().filter(|f| f.tier == Tier::Major).count();
    let minors = FACTORS.iter().filter(|f| f.tier == Tier::Minor).count();
    let verdict = match threshold.status {
        Status::Met => Text::new("is met", "已达到"),
        Status::NotMet => Text::new("is not met", "未达到"),
        Status::Unknown => Text::new(
            "cannot be settled until unknown factors are recorded",
            "需待未知因素记录后才能判定",
        ),
    }
    .get(lang);
    let others: Vec<&str> = factors
        .iter()
        .filter(|f| f.tier == Tier::Other && f.status == Presence::Present)
        .map(|f| f.name)
        .collect();
    let mut text = tr!(
        lang,
        "{major} of {majors} major and {minor} of {minors} minor consensus risk factors present; {unknown} unknown. \
         The consensus risk threshold (2 major, or 1 major + 3 minor) {verdict}.",
        "共识 {majors} 项主要危险因素中存在 {major} 项，{minors} 项次要危险因素中存在 {minor} 项；{unknown} 项未知。\
         共识危险因素阈值（2 项主要，或 1 项主要 + 3 项次要）{verdict}。"
    );
    if !others.is_empty() {
        text.push_str(&match lang {
            Lang::En => format!(" Also present: {}.", others.join(", ").to_lowercase()),
            Lang::Zh => format!("另存在：{}。", others.join("、")),
        });
    }
    text.push_str(lang.pick(
        " This is a risk profile, not a validated score.",
        "此为危险因素概况，并非经过验证的评分。",
    ));
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::case::Case;
    use crate::core::labs::{QualitativeMeaning, Reference};
    use std::collections::BTreeMap;

    /// A lab whose kind changed to qualitative, to show a rule reading it stays unknown.
    fn qualitative(id: &'static str) -> LabValue {
        let lab: &'static Lab = Box::leak(Box::new(Lab {
            kind: LabKind::Qualitative {
                results: &[("positive", QualitativeMeaning::Abnormal)],
            },
            ..*lab(id).unwrap()
        }));
        LabValue::Qualitative {
            lab,
            result: "positive",
            meaning: QualitativeMeaning::Abnormal,
        }
    }

    fn status_with(labs: Vec<(&'static str, LabValue)>, factor: &str) -> Presence {
        let case = Case::default();
        let inputs = Inputs {
            case: &case,
            age_years: None,
            weight_kg: None,
            height_cm: None,
            dialysis_vintage_months: None,
            lesion_count: None,
            labs: labs.into_iter().collect::<BTreeMap<_, _>>(),
        };
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
            ("albumin", "hypoalbuminemia"),
            ("phosphate", "hyperphosphatemia"),
            ("calcium_ionized", "hypercalcemia"),
            ("pth_intact", "pth_over_1000"),
            ("pth_intact", "pth_under_300"),
            ("alkaline_phosphatase", "high_alkaline_phosphatase"),
        ] {
            let status = status_with(vec![(lab, qualitative(lab))], factor);
            assert_eq!(status, Presence::Unknown, "{lab} → {factor}");
        }
    }

    #[test]
    fn an_unusable_albumin_leaves_a_normal_total_calcium_unknown() {
        let total = LabValue::Numeric {
            lab: lab("calcium_total").unwrap(),
            canonical: 9.5,
            entered: 9.5,
            unit: &lab("calcium_total").unwrap().units()[0],
            reference: Reference {
                low: None,
                high: None,
            },
            local_reference: false,
        };
        let labs = vec![
            ("calcium_total", total),
            ("albumin", qualitative("albumin")),
        ];
        assert_eq!(status_with(labs, "hypercalcemia"), Presence::Unknown);
    }

    #[test]
    fn every_cutoff_is_stated_in_a_unit_of_its_lab() {
        for cutoff in CUTOFFS {
            if let Measure::Lab(id) = cutoff.measure {
                let (lab, _) = cutoff.lab_units().unwrap_or_else(|| panic!("{cutoff:?}"));
                assert!(matches!(lab.kind, LabKind::Numeric { .. }), "{id}");
                assert!(cutoff.canonical_limit().is_finite(), "{id}");
            }
        }
        // A lab rule's threshold wording is generated from the very cutoff it compares with.
        for def in FACTORS {
            if let Rule::Lab(cutoff) = def.rule {
                assert!(matches!(cutoff.measure, Measure::Lab(_)), "{}", def.id);
                assert!(
                    matches!(def.threshold, Wording::Cutoff(words) if std::ptr::eq(words, cutoff)),
                    "{}",
                    def.id
                );
            }
        }
    }

    #[test]
    fn threshold_wording_restates_the_compared_limit_in_the_other_unit() {
        let words = |id: &str, lang: Lang| {
            let def = FACTORS.iter().find(|f| f.id == id).unwrap();
            def.threshold.get(lang).unwrap()
        };
        for (id, en, zh) in [
            ("pth_over_1000", "intact PTH > 1000 pg/mL (106 pmol/L)", "全段 PTH > 1000 pg/mL（106 pmol/L）"),
            ("pth_under_300", "intact PTH < 300 pg/mL (31.8 pmol/L)", "全段 PTH < 300 pg/mL（31.8 pmol/L）"),
            ("hypoalbuminemia", "albumin < 3.5 g/dL (35 g/L)", "白蛋白 < 3.5 g/dL（35 g/L）"),
            ("hyperphosphatemia", "phosphate > 4.5 mg/dL (1.45 mmol/L)", "血磷 > 4.5 mg/dL（1.45 mmol/L）"),
            ("high_alkaline_phosphatase", "ALP above the laboratory's upper limit (default 120 U/L)", "碱性磷酸酶高于本实验室参考上限（默认 120 U/L）"),
            ("dialysis_over_5_years", "dialysis vintage > 60 months", "透析龄 > 60 个月"),
            ("dialysis_under_5_years", "on dialysis, dialysis vintage ≤ 60 months", "维持透析，透析龄 ≤ 60 个月"),
            ("obesity", "BMI ≥ 30 kg/m² (WHO); the Chinese adult cut-off of 28 is shown as a note", "体重指数 BMI ≥ 30 kg/m²（WHO）；中国成人切点 28 作为提示列出"),
            // 10.2 mg/dL is 2.545 mmol/L: 2.55 mmol/L (10.22 mg/dL) is above the limit.
            ("hypercalcemia", "ionized calcium > 1.32 mmol/L (5.3 mg/dL) when measured; otherwise albumin-corrected total calcium > 10.2 mg/dL (2.54 mmol/L)", "已测定离子钙时，离子钙 > 1.32 mmol/L（5.3 mg/dL）；否则白蛋白校正总钙 > 10.2 mg/dL（2.54 mmol/L）"),
        ] {
            assert_eq!(words(id, Lang::En), en);
            assert_eq!(words(id, Lang::Zh), zh);
        }
    }

    #[test]
    fn the_ionized_limit_is_compared_in_the_canonical_unit() {
        // 1.32 mmol/L converted with the catalogue factor, exactly as an entry would be.
        let mmol = lab("calcium_ionized")
            .unwrap()
            .unit_named("mmol/L")
            .unwrap();
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
            assert!(!def.sources.is_empty(), "{}", def.id);
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
