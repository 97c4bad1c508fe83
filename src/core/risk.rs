//! The calciphylaxis risk profile (`clinical.md` §3): the consensus's major and minor risk
//! factors and other evidence-graded factors, each present / absent / unknown with the input
//! and threshold that decided it. A profile, not a score: no weights, no probabilities.

use serde::Serialize;

use super::derived::{calcium_for_rules, corrected_with_slope, DerivedValues, CONVENTIONAL_SLOPE};
use super::findings::finding_def;
use super::i18n::{Lang, Text};
use super::inputs::{flag_against, round_significant, Flag, Inputs, LabValue};
use super::labs::fmt_number;
use super::logic::{any, Presence, Status};
use super::workup::{Workup, WorkupStatus};
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
    lang: Lang,
}

enum Rule {
    /// Present / absent / unknown exactly as the finding is recorded.
    Finding(&'static str),
    Custom(fn(&Context) -> Judgement),
}

struct FactorDef {
    id: &'static str,
    tier: Tier,
    name: Text,
    threshold: Option<Text>,
    evidence: Text,
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
        name: Text::new("Dialysis for more than 5 years", "透析龄超过 5 年"),
        threshold: Some(Text::new("dialysis vintage > 60 months", "透析龄 > 60 个月")),
        evidence: Text::new("Longer dialysis vintage was an independent risk factor in 3,867 Chinese HD patients (Liu 2022).", "在 3,867 例中国血液透析患者中，透析龄较长是独立危险因素（Liu 2022）。"),
        sources: &[CN, "liu_2022_jiangsu"],
        rule: Rule::Custom(dialysis_over_5_years),
    },
    FactorDef {
        id: "warfarin",
        tier: Tier::Major,
        name: Text::new("Long-term warfarin (vitamin K antagonist)", "长期使用华法林（维生素K拮抗剂）"),
        threshold: None,
        evidence: Text::new("OR 11.4 (95% CI 2.7–48.1) in a Japanese case-control study (Hayashi 2012); 52% of German registry patients had VKA before onset (Brandenburg 2017).", "日本病例对照研究中 OR 11.4（95% CI 2.7–48.1）（Hayashi 2012）；德国登记研究中 52% 的患者发病前使用维生素K拮抗剂（Brandenburg 2017）。"),
        sources: &[CN, "hayashi_2012_ndt", "brandenburg_2017", "nigwekar_2016_jasn"],
        rule: Rule::Finding("warfarin"),
    },
    FactorDef {
        id: "high_dose_calcium_binder",
        tier: Tier::Major,
        name: Text::new("High-dose calcium-based phosphate binder for more than 6 months", "大剂量含钙磷结合剂超过 6 个月"),
        threshold: None,
        evidence: Text::new("Consensus major factor; no effect size given.", "共识主要危险因素；未给出效应量。"),
        sources: &[CN],
        rule: Rule::Finding("high_dose_calcium_binder"),
    },
    FactorDef {
        id: "active_vitamin_d_high_dose",
        tier: Tier::Major,
        name: Text::new("Active vitamin D above 0.5 µg/day", "活性维生素D超过 0.5 µg/天"),
        threshold: None,
        evidence: Text::new("Consensus major factor; no effect size given.", "共识主要危险因素；未给出效应量。"),
        sources: &[CN],
        rule: Rule::Finding("active_vitamin_d_high_dose"),
    },
    FactorDef {
        id: "protein_c_or_s_deficiency",
        tier: Tier::Major,
        name: Text::new("Protein C or protein S deficiency", "蛋白C或蛋白S缺乏"),
        threshold: Some(Text::new("protein C or free protein S activity below the reference interval, when interpretable", "蛋白C或游离蛋白S活性低于参考区间（结果可判读时）")),
        evidence: Text::new("Protein C deficiency in 50% of cases vs 8% of controls (Dobry 2018, proportions).", "蛋白C缺乏见于 50% 的病例，对照组为 8%（Dobry 2018，比例）。"),
        sources: &[CN, "dobry_2018"],
        rule: Rule::Custom(protein_c_or_s_deficiency),
    },
    FactorDef {
        id: "vitamin_k_deficiency",
        tier: Tier::Major,
        name: Text::new("Vitamin K deficiency", "维生素K缺乏"),
        threshold: None,
        evidence: Text::new("Consensus major factor; no effect size given.", "共识主要危险因素；未给出效应量。"),
        sources: &[CN],
        rule: Rule::Finding("vitamin_k_deficiency"),
    },
    FactorDef {
        id: "pth_over_1000",
        tier: Tier::Major,
        name: Text::new("Intact PTH above 1000 pg/mL", "全段 PTH 超过 1000 pg/mL"),
        threshold: Some(Text::new("intact PTH > 1000 pg/mL (106 pmol/L)", "全段 PTH > 1000 pg/mL（106 pmol/L）")),
        evidence: Text::new("Hyperparathyroidism was an independent risk factor in Chinese HD patients (Liu 2022).", "在中国血液透析患者中，甲状旁腺功能亢进是独立危险因素（Liu 2022）。"),
        sources: &[CN, "liu_2022_jiangsu"],
        rule: Rule::Custom(pth_over_1000),
    },
    // Minor (cn_consensus_2023, Table 3).
    FactorDef {
        id: "dialysis_under_5_years",
        tier: Tier::Minor,
        name: Text::new("Dialysis for 5 years or less", "透析龄 5 年及以下"),
        threshold: Some(Text::new("on dialysis, vintage ≤ 60 months", "维持透析，透析龄 ≤ 60 个月")),
        evidence: Text::new("Consensus minor factor.", "共识次要危险因素。"),
        sources: &[CN],
        rule: Rule::Custom(dialysis_under_5_years),
    },
    FactorDef {
        id: "obesity",
        tier: Tier::Minor,
        name: Text::new("Obesity", "肥胖"),
        threshold: Some(Text::new("BMI ≥ 30 kg/m² (WHO); the Chinese adult cut-off of 28 is shown as a note", "BMI ≥ 30 kg/m²（WHO）；中国成人切点 28 作为提示列出")),
        evidence: Text::new("Obesity and higher BMI were risk factors in US, French and Chinese case-control studies (Weenig 2007; Nigwekar 2016; Gaisne 2020; Liu 2022).", "在美国、法国和中国的病例对照研究中，肥胖及 BMI 较高为危险因素（Weenig 2007；Nigwekar 2016；Gaisne 2020；Liu 2022）。"),
        sources: &[CN, "who_2000_obesity", "zhou_2002_china_bmi", "weenig_2007", "nigwekar_2016_jasn", "liu_2022_jiangsu"],
        rule: Rule::Custom(obesity),
    },
    FactorDef {
        id: "diabetes_mellitus",
        tier: Tier::Minor,
        name: Text::new("Diabetes mellitus", "糖尿病"),
        threshold: None,
        evidence: Text::new("Independent risk factor in US and Chinese HD cohorts (Nigwekar 2016; Liu 2022).", "在美国和中国血液透析队列中为独立危险因素（Nigwekar 2016；Liu 2022）。"),
        sources: &[CN, "nigwekar_2016_jasn", "liu_2022_jiangsu"],
        rule: Rule::Finding("diabetes_mellitus"),
    },
    FactorDef {
        id: "hypoalbuminemia",
        tier: Tier::Minor,
        name: Text::new("Hypoalbuminaemia", "低白蛋白血症"),
        threshold: Some(Text::new("albumin < 3.5 g/dL (35 g/L)", "白蛋白 < 3.5 g/dL（35 g/L）")),
        evidence: Text::new("Each 0.1 g/dL higher albumin: OR 0.80 (95% CI 0.67–0.96) (Mazhar 2001).", "白蛋白每升高 0.1 g/dL：OR 0.80（95% CI 0.67–0.96）（Mazhar 2001）。"),
        sources: &[CN, "mazhar_2001", "hayashi_2012_ndt"],
        rule: Rule::Custom(hypoalbuminemia),
    },
    FactorDef {
        id: "immunosuppressants_or_glucocorticoids",
        tier: Tier::Minor,
        name: Text::new("Long-term immunosuppressants or glucocorticoids", "长期使用免疫抑制剂或糖皮质激素"),
        threshold: None,
        evidence: Text::new("Systemic corticosteroids were a risk factor in a Mayo Clinic case-control study (Weenig 2007).", "在梅奥诊所的病例对照研究中，全身性糖皮质激素为危险因素（Weenig 2007）。"),
        sources: &[CN, "weenig_2007"],
        rule: Rule::Finding("immunosuppressants_or_glucocorticoids"),
    },
    FactorDef {
        id: "hypercalcemia",
        tier: Tier::Minor,
        name: Text::new("Hypercalcaemia", "高钙血症"),
        threshold: Some(Text::new("ionized calcium > 1.32 mmol/L (5.3 mg/dL) when measured; otherwise albumin-corrected total calcium > 10.2 mg/dL (2.55 mmol/L)", "已测定离子钙时，离子钙 > 1.32 mmol/L（5.3 mg/dL）；否则白蛋白校正总钙 > 10.2 mg/dL（2.55 mmol/L）")),
        evidence: Text::new("Higher serum calcium associated with calciphylaxis in US HD patients (Nigwekar 2016).", "在美国血液透析患者中，血钙较高与钙化防御相关（Nigwekar 2016）。"),
        sources: &[CN, "nigwekar_2016_jasn", "payne_1973"],
        rule: Rule::Custom(hypercalcemia),
    },
    FactorDef {
        id: "hyperphosphatemia",
        tier: Tier::Minor,
        name: Text::new("Hyperphosphataemia", "高磷血症"),
        threshold: Some(Text::new("phosphate > 4.5 mg/dL (1.45 mmol/L)", "血磷 > 4.5 mg/dL（1.45 mmol/L）")),
        evidence: Text::new("Higher phosphate associated with calciphylaxis (Nigwekar 2016; Mazhar 2001: OR 3.51 per mg/dL, 95% CI 0.99–12.5).", "血磷较高与钙化防御相关（Nigwekar 2016；Mazhar 2001：每 mg/dL OR 3.51，95% CI 0.99–12.5）。"),
        sources: &[CN, "kdigo_2017_ckd_mbd", "nigwekar_2016_jasn", "mazhar_2001"],
        rule: Rule::Custom(hyperphosphatemia),
    },
    FactorDef {
        id: "high_alkaline_phosphatase",
        tier: Tier::Minor,
        name: Text::new("High alkaline phosphatase", "碱性磷酸酶升高"),
        threshold: Some(Text::new("ALP above the laboratory's upper limit (default 120 U/L)", "碱性磷酸酶高于本实验室参考上限（默认 120 U/L）")),
        evidence: Text::new("High ALP was an independent risk factor in Chinese HD patients (Liu 2022).", "在中国血液透析患者中，碱性磷酸酶升高是独立危险因素（Liu 2022）。"),
        sources: &[CN, "liu_2022_jiangsu"],
        rule: Rule::Custom(high_alkaline_phosphatase),
    },
    FactorDef {
        id: "pth_under_300",
        tier: Tier::Minor,
        name: Text::new("Intact PTH below 300 pg/mL", "全段 PTH 低于 300 pg/mL"),
        threshold: Some(Text::new("intact PTH < 300 pg/mL (31.8 pmol/L)", "全段 PTH < 300 pg/mL（31.8 pmol/L）")),
        evidence: Text::new("Consensus minor factor (low bone turnover).", "共识次要危险因素（低骨转换）。"),
        sources: &[CN],
        rule: Rule::Custom(pth_under_300),
    },
    FactorDef {
        id: "subcutaneous_insulin_or_heparin",
        tier: Tier::Minor,
        name: Text::new("Subcutaneous insulin or heparin injections", "皮下注射胰岛素或肝素"),
        threshold: None,
        evidence: Text::new("Insulin injections > 3/day: OR 3.74 (95% CI 2.28–6.25) for CUA (Nigwekar 2016).", "每日胰岛素注射 > 3 次：钙化防御 OR 3.74（95% CI 2.28–6.25）（Nigwekar 2016）。"),
        sources: &[CN, "nigwekar_2016_jasn"],
        rule: Rule::Finding("subcutaneous_insulin_or_heparin"),
    },
    FactorDef {
        id: "iron_overload",
        tier: Tier::Minor,
        name: Text::new("Iron overload", "铁过载"),
        threshold: None,
        evidence: Text::new("Consensus minor factor; a causal link between iron exposure and calciphylaxis is not established (review 2022).", "共识次要危险因素；铁暴露与钙化防御之间的因果关系尚未确立（2022 年综述）。"),
        sources: &[CN, "iron_review_2022"],
        rule: Rule::Custom(iron_overload),
    },
    // Outside the consensus tiers.
    FactorDef {
        id: "female_sex",
        tier: Tier::Other,
        name: Text::new("Female sex", "女性"),
        threshold: None,
        evidence: Text::new("OR 6.04 (95% CI 1.62–22.6) in US HD patients (Mazhar 2001); 60% of the German registry were women (Brandenburg 2017). Most Chinese HD cases were men (Liu 2022).", "在美国血液透析患者中 OR 6.04（95% CI 1.62–22.6）（Mazhar 2001）；德国登记研究中 60% 为女性（Brandenburg 2017）。中国血液透析病例多数为男性（Liu 2022）。"),
        sources: &["mazhar_2001", "brandenburg_2017", "liu_2022_jiangsu"],
        rule: Rule::Custom(female_sex),
    },
    FactorDef {
        id: "malignancy",
        tier: Tier::Other,
        name: Text::new("Malignancy", "恶性肿瘤"),
        threshold: None,
        evidence: Text::new("Tumours were an independent risk factor in Chinese HD patients (Liu 2022); malignancy is a common cause of non-uremic calciphylaxis (Nigwekar 2008). No pooled effect size.", "在中国血液透析患者中，肿瘤是独立危险因素（Liu 2022）；恶性肿瘤是非尿毒症性钙化防御的常见原因（Nigwekar 2008）。无汇总效应量。"),
        sources: &["liu_2022_jiangsu", "nigwekar_2008_nonuremic", "kalajian_2009"],
        rule: Rule::Custom(malignancy),
    },
    FactorDef {
        id: "liver_disease",
        tier: Tier::Other,
        name: Text::new("Liver disease", "肝病"),
        threshold: None,
        evidence: Text::new("Risk factor in a dialysis case-control study (Weenig 2007); alcoholic liver disease is a common non-uremic cause (Nigwekar 2008).", "在一项透析病例对照研究中为危险因素（Weenig 2007）；酒精性肝病是非尿毒症性钙化防御的常见原因（Nigwekar 2008）。"),
        sources: &["weenig_2007", "nigwekar_2008_nonuremic"],
        rule: Rule::Finding("liver_disease"),
    },
    FactorDef {
        id: "autoimmune_disease",
        tier: Tier::Other,
        name: Text::new("Autoimmune (connective tissue) disease", "自身免疫性（结缔组织）疾病"),
        threshold: None,
        evidence: Text::new("A common cause of non-uremic calciphylaxis (Nigwekar 2008); no effect size published.", "非尿毒症性钙化防御的常见原因（Nigwekar 2008）；无已发表的效应量。"),
        sources: &["nigwekar_2008_nonuremic"],
        rule: Rule::Finding("autoimmune_disease"),
    },
    FactorDef {
        id: "peritoneal_dialysis",
        tier: Tier::Other,
        name: Text::new("Peritoneal dialysis", "腹膜透析"),
        threshold: None,
        evidence: Text::new("Reported more often with peritoneal than haemodialysis in small series; not established, no reliable effect size.", "小样本病例系列中腹膜透析较血液透析报道更多；尚未确立，无可靠效应量。"),
        sources: &["nigwekar_2018_nejm"],
        rule: Rule::Custom(peritoneal_dialysis),
    },
    FactorDef {
        id: "kidney_transplant",
        tier: Tier::Other,
        name: Text::new("Kidney transplant recipient", "肾移植受者"),
        threshold: None,
        evidence: Text::new("Calciphylaxis occurs in transplant recipients, often with glucocorticoid exposure; no effect size published.", "钙化防御可见于移植受者，常伴糖皮质激素暴露；无已发表的效应量。"),
        sources: &["seed_review_2025"],
        rule: Rule::Custom(kidney_transplant),
    },
    FactorDef {
        id: "rapid_weight_loss",
        tier: Tier::Other,
        name: Text::new("Rapid weight loss", "体重快速下降"),
        threshold: None,
        evidence: Text::new("Weight loss in the 6 months before onset was a risk factor in French dialysis patients (Gaisne 2020); reported in non-uremic cases (Kalajian 2009).", "在法国透析患者中，发病前 6 个月内体重下降为危险因素（Gaisne 2020）；非尿毒症病例中亦有报道（Kalajian 2009）。"),
        sources: &["gaisne_2020", "kalajian_2009"],
        rule: Rule::Finding("rapid_weight_loss"),
    },
    FactorDef {
        id: "hypercoagulable_state_known",
        tier: Tier::Other,
        name: Text::new("Known hypercoagulable state", "已知高凝状态"),
        threshold: None,
        evidence: Text::new("Hypercoagulable conditions in 62% of cases vs 31% of matched controls (Dobry 2018); severe thrombophilia in 60% of tested patients (El-Azhary 2016).", "高凝状态见于 62% 的病例，匹配对照为 31%（Dobry 2018）；在接受检测的患者中 60% 存在严重易栓症（El-Azhary 2016）。"),
        sources: &["dobry_2018", "el_azhary_2016"],
        rule: Rule::Custom(hypercoagulable_state_known),
    },
];

/// The finding's clinical label, lower-cased for use inside a sentence.
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

fn finding_rule(ctx: &Context, id: &str) -> Judgement {
    let lang = ctx.lang;
    let label = finding_label(id, lang);
    match ctx.inputs.finding(id) {
        Some(true) => judged(
            Presence::Present,
            tr!(lang, "recorded: {label}", "已记录：{label}"),
        ),
        Some(false) => judged(
            Presence::Absent,
            tr!(lang, "recorded as absent: {label}", "已记录为无：{label}"),
        ),
        None => judged(
            Presence::Unknown,
            tr!(lang, "not recorded: {label}", "未记录：{label}"),
        ),
    }
}

fn dialysis_vintage(ctx: &Context, over: bool) -> Judgement {
    let lang = ctx.lang;
    let inputs = ctx.inputs;
    let vintage = inputs.dialysis_vintage_months;
    let on_dialysis = inputs.on_dialysis().or(vintage.map(|_| true));
    match (on_dialysis, vintage) {
        (Some(false), _) => judged(
            Presence::Absent,
            lang.pick("not on dialysis (kidney section)", "未透析（肾脏部分）"),
        ),
        (_, Some(months)) => {
            let longer = months > 60.0;
            let status = if longer == over {
                Presence::Present
            } else {
                Presence::Absent
            };
            let shown = fmt_number(months, 1);
            let sign = if longer { ">" } else { "≤" };
            judged(
                status,
                tr!(
                    lang,
                    "dialysis vintage {shown} months {sign} 60",
                    "透析龄 {shown} 个月 {sign} 60"
                ),
            )
        }
        (Some(true), None) => judged(
            Presence::Unknown,
            lang.pick(
                "on dialysis; vintage not recorded",
                "正在透析；透析龄未记录",
            ),
        ),
        (None, None) => judged(
            Presence::Unknown,
            lang.pick(
                "dialysis status and vintage not recorded",
                "透析状态和透析龄均未记录",
            ),
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
    let lang = ctx.lang;
    if ctx.inputs.finding("protein_c_or_s_deficiency") == Some(true) {
        return judged(
            Presence::Present,
            lang.pick(
                "recorded: documented protein C or S deficiency",
                "已记录：已证实的蛋白C或蛋白S缺乏",
            ),
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
            tr!(
                lang,
                "{} {} below {}, with no confounder recorded",
                "{} {} 低于 {}，且未记录干扰因素",
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
        let names = uninterpretable.join(lang.pick(" and ", "和"));
        return judged(
            Presence::Unknown,
            tr!(
                lang,
                "{names} cannot be interpreted now (see the workup); deficiency neither shown nor excluded",
                "{names}目前无法判读（见检查项目）；既不能证实也不能排除缺乏"
            ),
        );
    }
    let both_normal = items.len() == 2 && items.iter().all(|i| i.status == WorkupStatus::Normal);
    match ctx.inputs.finding("protein_c_or_s_deficiency") {
        Some(false) => judged(
            Presence::Absent,
            lang.pick("recorded as absent", "已记录为无"),
        ),
        _ if both_normal => judged(
            Presence::Absent,
            lang.pick(
                "protein C and free protein S activities within the reference interval",
                "蛋白C和游离蛋白S活性均在参考区间内",
            ),
        ),
        _ => judged(
            Presence::Unknown,
            lang.pick(
                "not recorded, and protein C and free protein S results are not both available",
                "未记录，且蛋白C和游离蛋白S结果不全",
            ),
        ),
    }
}

fn pth(ctx: &Context) -> Option<(f64, String)> {
    let value = ctx.inputs.lab("pth_intact")?;
    Some((value.canonical()?, value.describe(ctx.lang)))
}

fn pth_not_entered(lang: Lang) -> Judgement {
    judged(
        Presence::Unknown,
        lang.pick("intact PTH not entered", "未填写全段 PTH"),
    )
}

fn pth_over_1000(ctx: &Context) -> Judgement {
    let lang = ctx.lang;
    match pth(ctx) {
        Some((pg_ml, shown)) if pg_ml > 1000.0 => judged(
            Presence::Present,
            tr!(
                lang,
                "intact PTH {shown} > 1000 pg/mL",
                "全段 PTH {shown} > 1000 pg/mL"
            ),
        ),
        Some((_, shown)) => judged(
            Presence::Absent,
            tr!(
                lang,
                "intact PTH {shown} ≤ 1000 pg/mL",
                "全段 PTH {shown} ≤ 1000 pg/mL"
            ),
        ),
        None => pth_not_entered(lang),
    }
}

fn pth_under_300(ctx: &Context) -> Judgement {
    let lang = ctx.lang;
    match pth(ctx) {
        Some((pg_ml, shown)) if pg_ml < 300.0 => judged(
            Presence::Present,
            tr!(
                lang,
                "intact PTH {shown} < 300 pg/mL",
                "全段 PTH {shown} < 300 pg/mL"
            ),
        ),
        Some((_, shown)) => judged(
            Presence::Absent,
            tr!(
                lang,
                "intact PTH {shown} ≥ 300 pg/mL",
                "全段 PTH {shown} ≥ 300 pg/mL"
            ),
        ),
        None => pth_not_entered(lang),
    }
}

fn obesity(ctx: &Context) -> Judgement {
    let lang = ctx.lang;
    if let Some(bmi) = &ctx.derived.bmi {
        let chinese_note = if (28.0..30.0).contains(&bmi.value) {
            lang.pick(
                " (note: ≥ 28, obese by the Chinese adult cut-off)",
                "（提示：≥ 28，按中国成人切点属肥胖）",
            )
        } else {
            ""
        };
        let shown = fmt_number(bmi.value, 1);
        return if bmi.value >= 30.0 {
            judged(
                Presence::Present,
                tr!(lang, "BMI {shown} kg/m² ≥ 30", "BMI 为 {shown} kg/m²，≥ 30"),
            )
        } else {
            judged(
                Presence::Absent,
                tr!(
                    lang,
                    "BMI {shown} kg/m² < 30{chinese_note}",
                    "BMI 为 {shown} kg/m²，< 30{chinese_note}"
                ),
            )
        };
    }
    let fallback = finding_rule(ctx, "obesity");
    let recorded = fallback.basis;
    judged(
        fallback.status,
        tr!(
            lang,
            "BMI cannot be computed (weight and height needed); {recorded}",
            "无法计算 BMI（需要体重和身高）；{recorded}"
        ),
    )
}

fn hypoalbuminemia(ctx: &Context) -> Judgement {
    let lang = ctx.lang;
    match ctx.inputs.lab("albumin") {
        Some(value) => {
            let g_dl = value.canonical().unwrap_or(f64::NAN);
            let shown = value.describe(lang);
            if g_dl < 3.5 {
                judged(
                    Presence::Present,
                    tr!(
                        lang,
                        "albumin {shown} < 3.5 g/dL",
                        "白蛋白 {shown} < 3.5 g/dL"
                    ),
                )
            } else {
                judged(
                    Presence::Absent,
                    tr!(
                        lang,
                        "albumin {shown} ≥ 3.5 g/dL",
                        "白蛋白 {shown} ≥ 3.5 g/dL"
                    ),
                )
            }
        }
        None => judged(
            Presence::Unknown,
            lang.pick("albumin not entered", "未填写白蛋白"),
        ),
    }
}

fn hypercalcemia(ctx: &Context) -> Judgement {
    const IONIZED_LIMIT_MMOL: f64 = 1.32;
    const TOTAL_LIMIT_MG_DL: f64 = 10.2;
    let lang = ctx.lang;
    let inputs = ctx.inputs;
    if let Some(ionized) = inputs.lab("calcium_ionized") {
        let mmol = round_significant(ionized.canonical().unwrap_or(f64::NAN) * 0.2495, 12);
        let above = mmol > IONIZED_LIMIT_MMOL;
        let shown = ionized.describe(lang);
        let sign = if above { ">" } else { "≤" };
        return judged(
            if above {
                Presence::Present
            } else {
                Presence::Absent
            },
            tr!(
                lang,
                "ionized calcium {shown} {sign} 1.32 mmol/L (ionized calcium preferred over total)",
                "离子钙 {shown} {sign} 1.32 mmol/L（离子钙优先于总钙）"
            ),
        );
    }
    let Some(total) = inputs.lab_canonical("calcium_total") else {
        return judged(
            Presence::Unknown,
            lang.pick(
                "neither ionized nor total calcium entered",
                "离子钙和总钙均未填写",
            ),
        );
    };
    let total_shown = fmt_number(total, 2);
    // The correction only raises calcium when albumin is low, so a measured value above
    // the limit is hypercalcaemia whatever the albumin.
    if total > TOTAL_LIMIT_MG_DL {
        return judged(
            Presence::Present,
            tr!(
                lang,
                "measured total calcium {total_shown} mg/dL > 10.2 mg/dL",
                "实测总钙 {total_shown} mg/dL > 10.2 mg/dL"
            ),
        );
    }
    if inputs.lab("albumin").is_none() {
        return judged(
            Presence::Unknown,
            tr!(
                lang,
                "measured total calcium {total_shown} mg/dL ≤ 10.2, but albumin is needed to correct it (or measure ionized calcium)",
                "实测总钙 {total_shown} mg/dL ≤ 10.2，但需要白蛋白进行校正（或测定离子钙）"
            ),
        );
    }
    let (calcium, which) = calcium_for_rules(inputs)
        .unwrap_or((total, Text::new("measured total calcium", "实测总钙")));
    let which = which.get(lang);
    let above = calcium > TOTAL_LIMIT_MG_DL;
    let shown = fmt_number(calcium, 2);
    let sign = if above { ">" } else { "≤" };
    let mut basis = tr!(
        lang,
        "{which} {shown} mg/dL {sign} 10.2 mg/dL",
        "{which} {shown} mg/dL {sign} 10.2 mg/dL"
    );
    // The two correction formulas in use can fall either side of the limit: say so.
    if let Some(albumin) = inputs.lab_canonical("albumin").filter(|a| *a < 4.0) {
        let conventional = corrected_with_slope(total, albumin, CONVENTIONAL_SLOPE);
        if (conventional > TOTAL_LIMIT_MG_DL) != above {
            let other = fmt_number(conventional, 2);
            basis.push_str(&tr!(
                lang,
                "; the 0.8 × (4.0 − albumin) variant gives {other} mg/dL, on the other side of the limit: measure ionized calcium",
                "；按 0.8 × (4.0 − 白蛋白) 校正式得 {other} mg/dL，位于界值另一侧：请测定离子钙"
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
    let lang = ctx.lang;
    match ctx.inputs.lab("phosphate") {
        Some(value) => {
            let mg_dl = value.canonical().unwrap_or(f64::NAN);
            let shown = value.describe(lang);
            if mg_dl > 4.5 {
                judged(
                    Presence::Present,
                    tr!(
                        lang,
                        "phosphate {shown} > 4.5 mg/dL",
                        "血磷 {shown} > 4.5 mg/dL"
                    ),
                )
            } else {
                judged(
                    Presence::Absent,
                    tr!(
                        lang,
                        "phosphate {shown} ≤ 4.5 mg/dL",
                        "血磷 {shown} ≤ 4.5 mg/dL"
                    ),
                )
            }
        }
        None => judged(
            Presence::Unknown,
            lang.pick("phosphate not entered", "未填写血磷"),
        ),
    }
}

fn high_alkaline_phosphatase(ctx: &Context) -> Judgement {
    let lang = ctx.lang;
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
            let shown = value.describe(lang);
            let sign = if high { ">" } else { "≤" };
            let upper = fmt_number(upper, 0);
            judged(
                if high {
                    Presence::Present
                } else {
                    Presence::Absent
                },
                tr!(
                    lang,
                    "ALP {shown} {sign} upper limit {upper} U/L",
                    "碱性磷酸酶 {shown} {sign} 参考上限 {upper} U/L"
                ),
            )
        }
        _ => judged(
            Presence::Unknown,
            lang.pick("alkaline phosphatase not entered", "未填写碱性磷酸酶"),
        ),
    }
}

fn iron_overload(ctx: &Context) -> Judgement {
    let recorded = finding_rule(ctx, "iron_overload");
    if recorded.status == Presence::Unknown && ctx.inputs.finding("iv_iron") == Some(true) {
        return judged(
            Presence::Unknown,
            ctx.lang.pick(
                "IV iron recorded, but iron overload itself is not: IV iron is not the consensus factor (record iron overload if present)",
                "已记录静脉铁剂，但未记录铁过载本身：静脉铁剂并非共识所列危险因素（如存在铁过载请记录）",
            ),
        );
    }
    recorded
}

fn female_sex(ctx: &Context) -> Judgement {
    let lang = ctx.lang;
    match ctx.inputs.case.patient.sex {
        Some(super::case::Sex::Female) => {
            judged(Presence::Present, lang.pick("sex: female", "性别：女"))
        }
        Some(super::case::Sex::Male) => {
            judged(Presence::Absent, lang.pick("sex: male", "性别：男"))
        }
        None => judged(
            Presence::Unknown,
            lang.pick("sex not recorded", "性别未记录"),
        ),
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
    judged(status, basis.get(ctx.lang))
}

fn peritoneal_dialysis(ctx: &Context) -> Judgement {
    use super::case::Dialysis;
    let lang = ctx.lang;
    match ctx.inputs.case.kidney.dialysis {
        Some(Dialysis::Peritoneal) => judged(
            Presence::Present,
            lang.pick("dialysis modality: peritoneal", "透析方式：腹膜透析"),
        ),
        Some(Dialysis::Hemodialysis) => judged(
            Presence::Absent,
            lang.pick("dialysis modality: haemodialysis", "透析方式：血液透析"),
        ),
        Some(Dialysis::None) => judged(Presence::Absent, lang.pick("not on dialysis", "未透析")),
        None => judged(
            Presence::Unknown,
            lang.pick("dialysis modality not recorded", "透析方式未记录"),
        ),
    }
}

fn kidney_transplant(ctx: &Context) -> Judgement {
    let lang = ctx.lang;
    match ctx.inputs.case.kidney.kidney_transplant {
        Some(true) => judged(
            Presence::Present,
            lang.pick("kidney transplant recipient", "肾移植受者"),
        ),
        Some(false) => judged(
            Presence::Absent,
            lang.pick("no kidney transplant", "未接受肾移植"),
        ),
        None => judged(
            Presence::Unknown,
            lang.pick("transplant status not recorded", "肾移植状态未记录"),
        ),
    }
}

fn hypercoagulable_state_known(ctx: &Context) -> Judgement {
    let lang = ctx.lang;
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
        let tests = abnormal.join(lang.pick(", ", "、"));
        judged(
            Presence::Present,
            tr!(
                lang,
                "abnormal thrombophilia test(s): {tests} (see the workup)",
                "易栓症检查异常：{tests}（见检查项目）"
            ),
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
        lang,
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
                name: def.name.get(lang),
                status: judgement.status,
                basis: judgement.basis,
                threshold: def.threshold.map(|t| t.get(lang)),
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
