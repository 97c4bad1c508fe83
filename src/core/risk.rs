//! The calciphylaxis risk profile (`clinical.md` §3): the consensus's major and minor risk
//! factors and other evidence-graded factors, each present / absent / unknown with the input
//! and threshold that decided it. A profile, not a score: no weights, no probabilities.

use serde::Serialize;

use super::derived::{calcium_for_rules, corrected_with_slope, DerivedValues, CONVENTIONAL_SLOPE};
use super::findings::finding_def;
use super::inputs::{flag_against, round_significant, Flag, Inputs, LabValue};
use super::labs::fmt_number;
use super::logic::{any, Presence, Status};
use super::workup::{Workup, WorkupStatus};

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
    pub threshold: Option<&'static str>,
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

/// What a rule decided, and why.
struct Judgement {
    status: Presence,
    basis: String,
}

fn judged(status: Presence, basis: impl Into<String>) -> Judgement {
    Judgement {
        status,
        basis: basis.into(),
    }
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
    Custom(fn(&Context) -> Judgement),
}

struct FactorDef {
    id: &'static str,
    tier: Tier,
    name: &'static str,
    threshold: Option<&'static str>,
    evidence: &'static str,
    sources: &'static [&'static str],
    rule: Rule,
}

const CN: &str = "cn_consensus_2023";

/// The knowledge base of risk factors. The consensus names the factors; thresholds it does
/// not give are the conventional ones stated in `threshold`.
const FACTORS: &[FactorDef] = &[
    // Major (cn_consensus_2023, Table 3).
    FactorDef {
        id: "dialysis_over_5_years",
        tier: Tier::Major,
        name: "Dialysis for more than 5 years",
        threshold: Some("dialysis vintage > 60 months"),
        evidence: "Longer dialysis vintage was an independent risk factor in 3,867 Chinese HD patients (Liu 2022).",
        sources: &[CN, "liu_2022_jiangsu"],
        rule: Rule::Custom(dialysis_over_5_years),
    },
    FactorDef {
        id: "warfarin",
        tier: Tier::Major,
        name: "Long-term warfarin (vitamin K antagonist)",
        threshold: None,
        evidence: "OR 11.4 (95% CI 2.7–48.1) in a Japanese case-control study (Hayashi 2012); 52% of German registry patients had VKA before onset (Brandenburg 2017).",
        sources: &[CN, "hayashi_2012_ndt", "brandenburg_2017", "nigwekar_2016_jasn"],
        rule: Rule::Finding("warfarin"),
    },
    FactorDef {
        id: "high_dose_calcium_binder",
        tier: Tier::Major,
        name: "High-dose calcium-based phosphate binder for more than 6 months",
        threshold: None,
        evidence: "Consensus major factor; no effect size given.",
        sources: &[CN],
        rule: Rule::Finding("high_dose_calcium_binder"),
    },
    FactorDef {
        id: "active_vitamin_d_high_dose",
        tier: Tier::Major,
        name: "Active vitamin D above 0.5 µg/day",
        threshold: None,
        evidence: "Consensus major factor; no effect size given.",
        sources: &[CN],
        rule: Rule::Finding("active_vitamin_d_high_dose"),
    },
    FactorDef {
        id: "protein_c_or_s_deficiency",
        tier: Tier::Major,
        name: "Protein C or protein S deficiency",
        threshold: Some("protein C or free protein S activity below the reference interval, when interpretable"),
        evidence: "Protein C deficiency in 50% of cases vs 8% of controls (Dobry 2018, proportions).",
        sources: &[CN, "dobry_2018"],
        rule: Rule::Custom(protein_c_or_s_deficiency),
    },
    FactorDef {
        id: "vitamin_k_deficiency",
        tier: Tier::Major,
        name: "Vitamin K deficiency",
        threshold: None,
        evidence: "Consensus major factor; no effect size given.",
        sources: &[CN],
        rule: Rule::Finding("vitamin_k_deficiency"),
    },
    FactorDef {
        id: "pth_over_1000",
        tier: Tier::Major,
        name: "Intact PTH above 1000 pg/mL",
        threshold: Some("intact PTH > 1000 pg/mL (106 pmol/L)"),
        evidence: "Hyperparathyroidism was an independent risk factor in Chinese HD patients (Liu 2022).",
        sources: &[CN, "liu_2022_jiangsu"],
        rule: Rule::Custom(pth_over_1000),
    },
    // Minor (cn_consensus_2023, Table 3).
    FactorDef {
        id: "dialysis_under_5_years",
        tier: Tier::Minor,
        name: "Dialysis for 5 years or less",
        threshold: Some("on dialysis, vintage ≤ 60 months"),
        evidence: "Consensus minor factor.",
        sources: &[CN],
        rule: Rule::Custom(dialysis_under_5_years),
    },
    FactorDef {
        id: "obesity",
        tier: Tier::Minor,
        name: "Obesity",
        threshold: Some("BMI ≥ 30 kg/m² (WHO); the Chinese adult cut-off of 28 is shown as a note"),
        evidence: "Obesity and higher BMI were risk factors in US, French and Chinese case-control studies (Weenig 2007; Nigwekar 2016; Gaisne 2020; Liu 2022).",
        sources: &[CN, "who_2000_obesity", "zhou_2002_china_bmi", "weenig_2007", "nigwekar_2016_jasn", "liu_2022_jiangsu"],
        rule: Rule::Custom(obesity),
    },
    FactorDef {
        id: "diabetes_mellitus",
        tier: Tier::Minor,
        name: "Diabetes mellitus",
        threshold: None,
        evidence: "Independent risk factor in US and Chinese HD cohorts (Nigwekar 2016; Liu 2022).",
        sources: &[CN, "nigwekar_2016_jasn", "liu_2022_jiangsu"],
        rule: Rule::Finding("diabetes_mellitus"),
    },
    FactorDef {
        id: "hypoalbuminemia",
        tier: Tier::Minor,
        name: "Hypoalbuminaemia",
        threshold: Some("albumin < 3.5 g/dL (35 g/L)"),
        evidence: "Each 0.1 g/dL higher albumin: OR 0.80 (95% CI 0.67–0.96) (Mazhar 2001).",
        sources: &[CN, "mazhar_2001", "hayashi_2012_ndt"],
        rule: Rule::Custom(hypoalbuminemia),
    },
    FactorDef {
        id: "immunosuppressants_or_glucocorticoids",
        tier: Tier::Minor,
        name: "Long-term immunosuppressants or glucocorticoids",
        threshold: None,
        evidence: "Systemic corticosteroids were a risk factor in a Mayo Clinic case-control study (Weenig 2007).",
        sources: &[CN, "weenig_2007"],
        rule: Rule::Finding("immunosuppressants_or_glucocorticoids"),
    },
    FactorDef {
        id: "hypercalcemia",
        tier: Tier::Minor,
        name: "Hypercalcaemia",
        threshold: Some("ionized calcium > 1.32 mmol/L (5.3 mg/dL) when measured; otherwise albumin-corrected total calcium > 10.2 mg/dL (2.55 mmol/L)"),
        evidence: "Higher serum calcium associated with calciphylaxis in US HD patients (Nigwekar 2016).",
        sources: &[CN, "nigwekar_2016_jasn", "payne_1973"],
        rule: Rule::Custom(hypercalcemia),
    },
    FactorDef {
        id: "hyperphosphatemia",
        tier: Tier::Minor,
        name: "Hyperphosphataemia",
        threshold: Some("phosphate > 4.5 mg/dL (1.45 mmol/L)"),
        evidence: "Higher phosphate associated with calciphylaxis (Nigwekar 2016; Mazhar 2001: OR 3.51 per mg/dL, 95% CI 0.99–12.5).",
        sources: &[CN, "kdigo_2017_ckd_mbd", "nigwekar_2016_jasn", "mazhar_2001"],
        rule: Rule::Custom(hyperphosphatemia),
    },
    FactorDef {
        id: "high_alkaline_phosphatase",
        tier: Tier::Minor,
        name: "High alkaline phosphatase",
        threshold: Some("ALP above the laboratory's upper limit (default 120 U/L)"),
        evidence: "High ALP was an independent risk factor in Chinese HD patients (Liu 2022).",
        sources: &[CN, "liu_2022_jiangsu"],
        rule: Rule::Custom(high_alkaline_phosphatase),
    },
    FactorDef {
        id: "pth_under_300",
        tier: Tier::Minor,
        name: "Intact PTH below 300 pg/mL",
        threshold: Some("intact PTH < 300 pg/mL (31.8 pmol/L)"),
        evidence: "Consensus minor factor (low bone turnover).",
        sources: &[CN],
        rule: Rule::Custom(pth_under_300),
    },
    FactorDef {
        id: "subcutaneous_insulin_or_heparin",
        tier: Tier::Minor,
        name: "Subcutaneous insulin or heparin injections",
        threshold: None,
        evidence: "Insulin injections > 3/day: OR 3.74 (95% CI 2.28–6.25) for CUA (Nigwekar 2016).",
        sources: &[CN, "nigwekar_2016_jasn"],
        rule: Rule::Finding("subcutaneous_insulin_or_heparin"),
    },
    FactorDef {
        id: "iron_overload",
        tier: Tier::Minor,
        name: "Iron overload",
        threshold: None,
        evidence: "Consensus minor factor; a causal link between iron exposure and calciphylaxis is not established (review 2022).",
        sources: &[CN, "iron_review_2022"],
        rule: Rule::Custom(iron_overload),
    },
    // Outside the consensus tiers.
    FactorDef {
        id: "female_sex",
        tier: Tier::Other,
        name: "Female sex",
        threshold: None,
        evidence: "OR 6.04 (95% CI 1.62–22.6) in US HD patients (Mazhar 2001); 60% of the German registry were women (Brandenburg 2017). Most Chinese HD cases were men (Liu 2022).",
        sources: &["mazhar_2001", "brandenburg_2017", "liu_2022_jiangsu"],
        rule: Rule::Custom(female_sex),
    },
    FactorDef {
        id: "malignancy",
        tier: Tier::Other,
        name: "Malignancy",
        threshold: None,
        evidence: "Tumours were an independent risk factor in Chinese HD patients (Liu 2022); malignancy is a common cause of non-uremic calciphylaxis (Nigwekar 2008). No pooled effect size.",
        sources: &["liu_2022_jiangsu", "nigwekar_2008_nonuremic", "kalajian_2009"],
        rule: Rule::Custom(malignancy),
    },
    FactorDef {
        id: "liver_disease",
        tier: Tier::Other,
        name: "Liver disease",
        threshold: None,
        evidence: "Risk factor in a dialysis case-control study (Weenig 2007); alcoholic liver disease is a common non-uremic cause (Nigwekar 2008).",
        sources: &["weenig_2007", "nigwekar_2008_nonuremic"],
        rule: Rule::Finding("liver_disease"),
    },
    FactorDef {
        id: "autoimmune_disease",
        tier: Tier::Other,
        name: "Autoimmune (connective tissue) disease",
        threshold: None,
        evidence: "A common cause of non-uremic calciphylaxis (Nigwekar 2008); no effect size published.",
        sources: &["nigwekar_2008_nonuremic"],
        rule: Rule::Finding("autoimmune_disease"),
    },
    FactorDef {
        id: "peritoneal_dialysis",
        tier: Tier::Other,
        name: "Peritoneal dialysis",
        threshold: None,
        evidence: "Reported more often with peritoneal than haemodialysis in small series; not established, no reliable effect size.",
        sources: &["nigwekar_2018_nejm"],
        rule: Rule::Custom(peritoneal_dialysis),
    },
    FactorDef {
        id: "kidney_transplant",
        tier: Tier::Other,
        name: "Kidney transplant recipient",
        threshold: None,
        evidence: "Calciphylaxis occurs in transplant recipients, often with glucocorticoid exposure; no effect size published.",
        sources: &["seed_review_2025"],
        rule: Rule::Custom(kidney_transplant),
    },
    FactorDef {
        id: "rapid_weight_loss",
        tier: Tier::Other,
        name: "Rapid weight loss",
        threshold: None,
        evidence: "Weight loss in the 6 months before onset was a risk factor in French dialysis patients (Gaisne 2020); reported in non-uremic cases (Kalajian 2009).",
        sources: &["gaisne_2020", "kalajian_2009"],
        rule: Rule::Finding("rapid_weight_loss"),
    },
    FactorDef {
        id: "hypercoagulable_state_known",
        tier: Tier::Other,
        name: "Known hypercoagulable state",
        threshold: None,
        evidence: "Hypercoagulable conditions in 62% of cases vs 31% of matched controls (Dobry 2018); severe thrombophilia in 60% of tested patients (El-Azhary 2016).",
        sources: &["dobry_2018", "el_azhary_2016"],
        rule: Rule::Custom(hypercoagulable_state_known),
    },
];

/// The finding's clinical label, lower-cased for use inside a sentence.
pub fn finding_label(id: &str) -> String {
    match finding_def(id) {
        Some(finding) => {
            let mut chars = finding.en.chars();
            chars
                .next()
                .map(|first| first.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
        None => id.replace('_', " "),
    }
}

pub fn factor_name(id: &str) -> Option<&'static str> {
    FACTORS.iter().find(|f| f.id == id).map(|f| f.name)
}

fn finding_rule(ctx: &Context, id: &str) -> Judgement {
    let label = finding_label(id);
    match ctx.inputs.finding(id) {
        Some(true) => judged(Presence::Present, format!("recorded: {label}")),
        Some(false) => judged(Presence::Absent, format!("recorded as absent: {label}")),
        None => judged(Presence::Unknown, format!("not recorded: {label}")),
    }
}

fn dialysis_vintage(ctx: &Context, over: bool) -> Judgement {
    let inputs = ctx.inputs;
    let vintage = inputs.dialysis_vintage_months;
    let on_dialysis = inputs.on_dialysis().or(vintage.map(|_| true));
    match (on_dialysis, vintage) {
        (Some(false), _) => judged(Presence::Absent, "not on dialysis (kidney section)"),
        (_, Some(months)) => {
            let longer = months > 60.0;
            let status = if longer == over {
                Presence::Present
            } else {
                Presence::Absent
            };
            judged(
                status,
                format!(
                    "dialysis vintage {} months {} 60",
                    fmt_number(months, 1),
                    if longer { ">" } else { "≤" }
                ),
            )
        }
        (Some(true), None) => judged(Presence::Unknown, "on dialysis; vintage not recorded"),
        (None, None) => judged(
            Presence::Unknown,
            "dialysis status and vintage not recorded",
        ),
    }
}

fn dialysis_over_5_years(ctx: &Context) -> Judgement {
    dialysis_vintage(ctx, true)
}

fn dialysis_under_5_years(ctx: &Context) -> Judgement {
    dialysis_vintage(ctx, false)
}

fn protein_c_or_s_deficiency(ctx: &Context) -> Judgement {
    if ctx.inputs.finding("protein_c_or_s_deficiency") == Some(true) {
        return judged(
            Presence::Present,
            "recorded: documented protein C or S deficiency",
        );
    }
    let items: Vec<_> = ["protein_c_activity", "protein_s_free"]
        .iter()
        .filter_map(|test| ctx.workup.items.iter().find(|item| item.test == *test))
        .collect();
    let low: Vec<_> = items
        .iter()
        .filter(|i| {
            i.status == WorkupStatus::Abnormal && i.direction == Some(super::workup::Direction::Low)
        })
        .collect();
    if let Some(item) = low.first() {
        return judged(
            Presence::Present,
            format!(
                "{} {} below {}, with no confounder recorded",
                item.name,
                item.result.as_deref().unwrap_or(""),
                item.reference
            ),
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
            format!(
                "{} cannot be interpreted now (see the workup); deficiency neither shown nor excluded",
                uninterpretable.join(" and ")
            ),
        );
    }
    let both_normal = items.len() == 2 && items.iter().all(|i| i.status == WorkupStatus::Normal);
    match ctx.inputs.finding("protein_c_or_s_deficiency") {
        Some(false) => judged(Presence::Absent, "recorded as absent"),
        _ if both_normal => judged(
            Presence::Absent,
            "protein C and free protein S activities within the reference interval",
        ),
        _ => judged(
            Presence::Unknown,
            "not recorded, and protein C and free protein S results are not both available",
        ),
    }
}

fn pth(ctx: &Context) -> Option<(f64, String)> {
    let value = ctx.inputs.lab("pth_intact")?;
    Some((value.canonical()?, value.describe()))
}

fn pth_over_1000(ctx: &Context) -> Judgement {
    match pth(ctx) {
        Some((pg_ml, shown)) if pg_ml > 1000.0 => judged(
            Presence::Present,
            format!("intact PTH {shown} > 1000 pg/mL"),
        ),
        Some((_, shown)) => judged(Presence::Absent, format!("intact PTH {shown} ≤ 1000 pg/mL")),
        None => judged(Presence::Unknown, "intact PTH not entered"),
    }
}

fn pth_under_300(ctx: &Context) -> Judgement {
    match pth(ctx) {
        Some((pg_ml, shown)) if pg_ml < 300.0 => {
            judged(Presence::Present, format!("intact PTH {shown} < 300 pg/mL"))
        }
        Some((_, shown)) => judged(Presence::Absent, format!("intact PTH {shown} ≥ 300 pg/mL")),
        None => judged(Presence::Unknown, "intact PTH not entered"),
    }
}

fn obesity(ctx: &Context) -> Judgement {
    if let Some(bmi) = &ctx.derived.bmi {
        let chinese_note = if (28.0..30.0).contains(&bmi.value) {
            " (note: ≥ 28, obese by the Chinese adult cut-off)"
        } else {
            ""
        };
        return if bmi.value >= 30.0 {
            judged(
                Presence::Present,
                format!("BMI {} kg/m² ≥ 30", fmt_number(bmi.value, 1)),
            )
        } else {
            judged(
                Presence::Absent,
                format!("BMI {} kg/m² < 30{chinese_note}", fmt_number(bmi.value, 1)),
            )
        };
    }
    let fallback = finding_rule(ctx, "obesity");
    judged(
        fallback.status,
        format!(
            "BMI cannot be computed (weight and height needed); {}",
            fallback.basis
        ),
    )
}

fn hypoalbuminemia(ctx: &Context) -> Judgement {
    match ctx.inputs.lab("albumin") {
        Some(value) => {
            let g_dl = value.canonical().unwrap_or(f64::NAN);
            if g_dl < 3.5 {
                judged(
                    Presence::Present,
                    format!("albumin {} < 3.5 g/dL", value.describe()),
                )
            } else {
                judged(
                    Presence::Absent,
                    format!("albumin {} ≥ 3.5 g/dL", value.describe()),
                )
            }
        }
        None => judged(Presence::Unknown, "albumin not entered"),
    }
}

fn hypercalcemia(ctx: &Context) -> Judgement {
    const IONIZED_LIMIT_MMOL: f64 = 1.32;
    const TOTAL_LIMIT_MG_DL: f64 = 10.2;
    let inputs = ctx.inputs;
    if let Some(ionized) = inputs.lab("calcium_ionized") {
        let mmol = round_significant(ionized.canonical().unwrap_or(f64::NAN) * 0.2495, 12);
        let above = mmol > IONIZED_LIMIT_MMOL;
        return judged(
            if above {
                Presence::Present
            } else {
                Presence::Absent
            },
            format!(
                "ionized calcium {} {} 1.32 mmol/L (ionized calcium preferred over total)",
                ionized.describe(),
                if above { ">" } else { "≤" }
            ),
        );
    }
    let Some(total) = inputs.lab_canonical("calcium_total") else {
        return judged(
            Presence::Unknown,
            "neither ionized nor total calcium entered",
        );
    };
    // The correction only raises calcium when albumin is low, so a measured value above
    // the limit is hypercalcaemia whatever the albumin.
    if total > TOTAL_LIMIT_MG_DL {
        return judged(
            Presence::Present,
            format!(
                "measured total calcium {} mg/dL > 10.2 mg/dL",
                fmt_number(total, 2)
            ),
        );
    }
    if inputs.lab("albumin").is_none() {
        return judged(
            Presence::Unknown,
            format!(
                "measured total calcium {} mg/dL ≤ 10.2, but albumin is needed to correct it (or measure ionized calcium)",
                fmt_number(total, 2)
            ),
        );
    }
    let (calcium, which) = calcium_for_rules(inputs).unwrap_or((total, "measured total calcium"));
    let above = calcium > TOTAL_LIMIT_MG_DL;
    let mut basis = format!(
        "{which} {} mg/dL {} 10.2 mg/dL",
        fmt_number(calcium, 2),
        if above { ">" } else { "≤" }
    );
    // The two correction formulas in use can fall either side of the limit: say so.
    if let Some(albumin) = inputs.lab_canonical("albumin").filter(|a| *a < 4.0) {
        let conventional = corrected_with_slope(total, albumin, CONVENTIONAL_SLOPE);
        if (conventional > TOTAL_LIMIT_MG_DL) != above {
            basis.push_str(&format!(
                "; the 0.8 × (4.0 − albumin) variant gives {} mg/dL, on the other side of the limit: measure ionized calcium",
                fmt_number(conventional, 2)
            ));
        }
    }
    judged(
        if above {
            Presence::Present
        } else {
            Presence::Absent
        },
        basis,
    )
}

fn hyperphosphatemia(ctx: &Context) -> Judgement {
    match ctx.inputs.lab("phosphate") {
        Some(value) => {
            let mg_dl = value.canonical().unwrap_or(f64::NAN);
            if mg_dl > 4.5 {
                judged(
                    Presence::Present,
                    format!("phosphate {} > 4.5 mg/dL", value.describe()),
                )
            } else {
                judged(
                    Presence::Absent,
                    format!("phosphate {} ≤ 4.5 mg/dL", value.describe()),
                )
            }
        }
        None => judged(Presence::Unknown, "phosphate not entered"),
    }
}

fn high_alkaline_phosphatase(ctx: &Context) -> Judgement {
    match ctx.inputs.lab("alkaline_phosphatase") {
        Some(
            value @ LabValue::Numeric {
                canonical,
                reference,
                ..
            },
        ) => {
            let upper = reference.high.unwrap_or(120.0);
            let high = flag_against(*canonical, reference) == Flag::High;
            judged(
                if high {
                    Presence::Present
                } else {
                    Presence::Absent
                },
                format!(
                    "ALP {} {} upper limit {} U/L",
                    value.describe(),
                    if high { ">" } else { "≤" },
                    fmt_number(upper, 0)
                ),
            )
        }
        _ => judged(Presence::Unknown, "alkaline phosphatase not entered"),
    }
}

fn iron_overload(ctx: &Context) -> Judgement {
    let recorded = finding_rule(ctx, "iron_overload");
    if recorded.status == Presence::Unknown && ctx.inputs.finding("iv_iron") == Some(true) {
        return judged(
            Presence::Unknown,
            "IV iron recorded, but iron overload itself is not: IV iron is not the consensus factor (record iron overload if present)",
        );
    }
    recorded
}

fn female_sex(ctx: &Context) -> Judgement {
    match ctx.inputs.case.patient.sex {
        Some(super::case::Sex::Female) => judged(Presence::Present, "sex: female"),
        Some(super::case::Sex::Male) => judged(Presence::Absent, "sex: male"),
        None => judged(Presence::Unknown, "sex not recorded"),
    }
}

fn malignancy(ctx: &Context) -> Judgement {
    let inputs = ctx.inputs;
    let status: Presence = any([
        inputs.finding("active_malignancy"),
        inputs.finding("malignancy_history"),
    ])
    .into();
    let basis = match status {
        Presence::Present => "recorded: active malignancy or history of malignancy",
        Presence::Absent => "recorded as absent: active and past malignancy",
        Presence::Unknown => "malignancy (active or past) not recorded",
    };
    judged(status, basis)
}

fn peritoneal_dialysis(ctx: &Context) -> Judgement {
    use super::case::Dialysis;
    match ctx.inputs.case.kidney.dialysis {
        Some(Dialysis::Peritoneal) => judged(Presence::Present, "dialysis modality: peritoneal"),
        Some(Dialysis::Hemodialysis) => {
            judged(Presence::Absent, "dialysis modality: haemodialysis")
        }
        Some(Dialysis::None) => judged(Presence::Absent, "not on dialysis"),
        None => judged(Presence::Unknown, "dialysis modality not recorded"),
    }
}

fn kidney_transplant(ctx: &Context) -> Judgement {
    match ctx.inputs.case.kidney.kidney_transplant {
        Some(true) => judged(Presence::Present, "kidney transplant recipient"),
        Some(false) => judged(Presence::Absent, "no kidney transplant"),
        None => judged(Presence::Unknown, "transplant status not recorded"),
    }
}

fn hypercoagulable_state_known(ctx: &Context) -> Judgement {
    let recorded = finding_rule(ctx, "hypercoagulable_state_known");
    if recorded.status == Presence::Present {
        return recorded;
    }
    let abnormal: Vec<&str> = ctx
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
        judged(
            Presence::Present,
            format!(
                "abnormal thrombophilia test(s): {} (see the workup)",
                abnormal.join(", ")
            ),
        )
    }
}

pub fn assess_risk(inputs: &Inputs, derived: &DerivedValues, workup: &Workup) -> RiskProfile {
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
                Rule::Custom(rule) => rule(&ctx),
            };
            RiskFactor {
                id: def.id,
                tier: def.tier,
                name: def.name,
                status: judgement.status,
                basis: judgement.basis,
                threshold: def.threshold,
                evidence: def.evidence,
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
    let threshold = consensus_threshold(major_present, minor_present, major_unknown, minor_unknown);

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
    let meets = |major: usize, minor: usize| major >= 2 || (major >= 1 && minor >= 3);
    let status = if meets(major, minor) {
        Status::Met
    } else if !meets(major + major_unknown, minor + minor_unknown) {
        Status::NotMet
    } else {
        Status::Unknown
    };
    let basis = match status {
        Status::Met => format!("{major} major and {minor} minor factors present"),
        Status::NotMet => format!(
            "{major} major and {minor} minor present; even if every unknown factor were present ({major_unknown} major, {minor_unknown} minor) the threshold could not be reached"
        ),
        Status::Unknown => format!(
            "{major} major and {minor} minor present; {major_unknown} major and {minor_unknown} minor unknown could still reach it"
        ),
    };
    RiskThreshold {
        rule: "2 major, or 1 major + 3 minor risk factors",
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
) -> String {
    let majors = FACTORS.iter().filter(|f| f.tier == Tier::Major).count();
    let minors = FACTORS.iter().filter(|f| f.tier == Tier::Minor).count();
    let verdict = match threshold.status {
        Status::Met => "is met",
        Status::NotMet => "is not met",
        Status::Unknown => "cannot be settled until unknown factors are recorded",
    };
    let others: Vec<&str> = factors
        .iter()
        .filter(|f| f.tier == Tier::Other && f.status == Presence::Present)
        .map(|f| f.name)
        .collect();
    let mut text = format!(
        "{major} of {majors} major and {minor} of {minors} minor consensus risk factors present; {unknown} unknown. \
         The consensus risk threshold (2 major, or 1 major + 3 minor) {verdict}."
    );
    if !others.is_empty() {
        text.push_str(&format!(
            " Also present: {}.",
            others.join(", ").to_lowercase()
        ));
    }
    text.push_str(" This is a risk profile, not a validated score.");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

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
