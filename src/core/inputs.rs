//! The validated view of a case that every rule reads. A value that is not finite, out of
//! its plausible range or in an unknown unit becomes an input error and is left out: the
//! rules then see it as unknown, never as zero or as a clamped value.

use std::collections::BTreeMap;

use super::case::{Case, Dialysis, Issue, LabEntry};
use super::date::Date;
use super::field_path::{FieldPath, Key, KidneyField, LabField, LesionField, PatientField};
use super::findings::finding_def;
use super::i18n::Lang;
use super::labs::{
    decimals_for, fmt_number, lab, result_label, Lab, LabKind, QualitativeMeaning, Reference, Unit,
};
use crate::tr;

/// Where a numeric result lies against its reference interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    Low,
    Normal,
    High,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LabValue {
    Numeric {
        lab: &'static Lab,
        /// In the lab's canonical (conventional) unit.
        canonical: f64,
        entered: f64,
        unit: &'static Unit,
        /// In the canonical unit; the laboratory's own limits when the case gives them.
        reference: Reference,
        /// True when `reference` came from the case rather than the catalogue default.
        local_reference: bool,
    },
    Qualitative {
        lab: &'static Lab,
        result: &'static str,
        meaning: QualitativeMeaning,
    },
}

impl LabValue {
    pub fn lab(&self) -> &'static Lab {
        match self {
            LabValue::Numeric { lab, .. } | LabValue::Qualitative { lab, .. } => lab,
        }
    }

    pub fn canonical(&self) -> Option<f64> {
        match self {
            LabValue::Numeric { canonical, .. } => Some(*canonical),
            LabValue::Qualitative { .. } => None,
        }
    }

    /// Low / normal / high against the reference; qualitative results map abnormal to High.
    pub fn flag(&self) -> Option<Flag> {
        match self {
            LabValue::Numeric {
                canonical,
                reference,
                ..
            } => Some(flag_against(*canonical, reference)),
            LabValue::Qualitative { meaning, .. } => match meaning {
                QualitativeMeaning::Normal => Some(Flag::Normal),
                QualitativeMeaning::Abnormal => Some(Flag::High),
                QualitativeMeaning::Indeterminate => None,
            },
        }
    }

    /// As entered, e.g. "2.1 mmol/L", with the canonical value when the unit differs.
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            LabValue::Numeric {
                lab,
                canonical,
                entered,
                unit,
                ..
            } => {
                let canonical_unit = lab.canonical_unit().map(|u| u.symbol).unwrap_or("");
                let number = fmt_number(*entered, 3);
                let shown = format!("{number} {}", unit.shown()).trim_end().to_string();
                if unit.symbol == canonical_unit || unit.to_canonical == 1.0 {
                    shown
                } else {
                    format!(
                        "{shown} (= {} {canonical_unit})",
                        fmt_number(*canonical, decimals_for(*canonical))
                    )
                }
            }
            LabValue::Qualitative { result, .. } => result_label(result, lang),
        }
    }

    pub fn describe_reference(&self, lang: Lang) -> String {
        match self {
            LabValue::Numeric {
                reference,
                local_reference,
                unit,
                ..
            } => {
                let text = describe_reference_in(reference, unit, lang);
                if *local_reference {
                    tr!(
                        lang,
                        "{text} (laboratory's own)",
                        "{text}（本实验室参考区间）"
                    )
                } else {
                    text
                }
            }
            LabValue::Qualitative { lab, .. } => describe_reference_of(lab, lang),
        }
    }
}

pub fn flag_against(value: f64, reference: &Reference) -> Flag {
    if reference.low.is_some_and(|low| value < low) {
        Flag::Low
    } else if reference.high.is_some_and(|high| value > high) {
        Flag::High
    } else {
        Flag::Normal
    }
}

/// The catalogue's default reference, in words.
pub fn describe_reference_of(lab: &Lab, lang: Lang) -> String {
    match lab.kind {
        LabKind::Numeric { reference, .. } => describe_reference(lab, &reference, lang),
        LabKind::Qualitative { results } => results
            .iter()
            .filter(|(_, meaning)| *meaning == QualitativeMeaning::Normal)
            .map(|(id, _)| result_label(id, lang))
            .collect::<Vec<_>>()
            .join(" / "),
    }
}

fn describe_reference(lab: &Lab, reference: &Reference, lang: Lang) -> String {
    match lab.canonical_unit() {
        Some(unit) => describe_reference_in(reference, unit, lang),
        None => String::new(),
    }
}

/// A reference interval (held in the canonical unit) written in `unit`.
fn describe_reference_in(reference: &Reference, unit: &Unit, lang: Lang) -> String {
    let symbol = unit.shown();
    let unit_value = |v: f64| from_canonical(v, unit);
    let number = |v: f64| {
        let v = unit_value(v);
        fmt_number(v, decimals_for(v).max(1))
    };
    let unit = symbol;
    match (reference.low, reference.high) {
        (Some(low), Some(high)) => format!("{}–{} {unit}", number(low), number(high)),
        (None, Some(high)) => format!("≤ {} {unit}", number(high)),
        (Some(low), None) => format!("≥ {} {unit}", number(low)),
        (None, None) => lang.pick("no reference interval", "无参考区间").to_string(),
    }
    .trim_end()
    .to_string()
}

/// A checked number with a plausible range, for the patient and kidney fields.
struct Bound {
    field: FieldPath,
    what: &'static str,
    what_zh: &'static str,
    low: f64,
    high: f64,
    unit: &'static str,
    unit_zh: &'static str,
}

const AGE: Bound = Bound {
    field: FieldPath::Patient(Key::Known(PatientField::Age)),
    what: "age",
    what_zh: "年龄",
    low: 0.0,
    high: 120.0,
    unit: "years",
    unit_zh: "岁",
};
const WEIGHT: Bound = Bound {
    field: FieldPath::Patient(Key::Known(PatientField::Weight)),
    what: "weight",
    what_zh: "体重",
    low: 2.0,
    high: 400.0,
    unit: "kg",
    unit_zh: "kg",
};
const HEIGHT: Bound = Bound {
    field: FieldPath::Patient(Key::Known(PatientField::Height)),
    what: "height",
    what_zh: "身高",
    low: 40.0,
    high: 250.0,
    unit: "cm",
    unit_zh: "cm",
};
const VINTAGE: Bound = Bound {
    field: FieldPath::Kidney(Key::Known(KidneyField::Vintage)),
    what: "dialysis vintage",
    what_zh: "透析龄",
    low: 0.0,
    high: 720.0,
    unit: "months",
    unit_zh: "个月",
};
const LESION_COUNT: Bound = Bound {
    field: FieldPath::Lesions(Key::Known(LesionField::Count)),
    what: "lesion count",
    what_zh: "皮损数目",
    low: 0.0,
    high: 200.0,
    unit: "lesions",
    unit_zh: "处",
};

#[derive(Debug, Clone, PartialEq)]
pub struct Inputs<'a> {
    pub case: &'a Case,
    pub age_years: Option<f64>,
    pub weight_kg: Option<f64>,
    pub height_cm: Option<f64>,
    pub dialysis_vintage_months: Option<f64>,
    pub lesion_count: Option<f64>,
    pub labs: BTreeMap<&'static str, LabValue>,
}

impl<'a> Inputs<'a> {
    pub fn lab(&self, id: &str) -> Option<&LabValue> {
        self.labs.get(id)
    }

    pub fn lab_canonical(&self, id: &str) -> Option<f64> {
        self.lab(id).and_then(LabValue::canonical)
    }

    pub fn finding(&self, id: &str) -> Option<bool> {
        self.case.finding(id)
    }

    /// On maintenance dialysis: modality HD/PD or stage G5D. Unknown when neither is given.
    pub fn on_dialysis(&self) -> Option<bool> {
        let kidney = &self.case.kidney;
        match (kidney.dialysis, kidney.ckd_stage) {
            (Some(Dialysis::Hemodialysis | Dialysis::Peritoneal), _) => Some(true),
            (_, Some(super::case::CkdStage::G5D)) => Some(true),
            (Some(Dialysis::None), _) => Some(false),
            (None, Some(_)) => Some(false),
            (None, None) => None,
        }
    }
}

/// Checks every value of the case; returns what the rules may use, the input errors and
/// the warnings.
pub fn validate(case: &Case, lang: Lang) -> (Inputs<'_>, Vec<Issue>, Vec<Issue>) {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut bounded = |bound: &Bound, value: Option<f64>| -> Option<f64> {
        let value = value?;
        let what = lang.pick(bound.what, bound.what_zh);
        if !value.is_finite() {
            errors.push(Issue::new(
                bound.field.clone(),
                tr!(lang, "{what} is not a number", "{what}不是有效数字"),
            ));
            return None;
        }
        if value < bound.low || value > bound.high {
            let unit = lang.pick(bound.unit, bound.unit_zh);
            let shown = fmt_number(value, 2);
            let low = fmt_number(bound.low, 0);
            let high = fmt_number(bound.high, 0);
            errors.push(Issue::new(
                bound.field.clone(),
                tr!(
                    lang,
                    "{what} {shown} {unit} is outside the plausible range {low}–{high} {unit}; left out",
                    "{what} {shown} {unit} 超出合理范围 {low}–{high} {unit}，未纳入评估"
                ),
            ));
            return None;
        }
        Some(value)
    };
    let age_years = bounded(&AGE, case.patient.age_years);
    let weight_kg = bounded(&WEIGHT, case.patient.weight_kg);
    let height_cm = bounded(&HEIGHT, case.patient.height_cm);
    let dialysis_vintage_months = bounded(&VINTAGE, case.kidney.dialysis_vintage_months);
    let mut lesion_count = bounded(&LESION_COUNT, case.lesions.count);
    if let Some(count) = lesion_count {
        if count.fract() != 0.0 {
            errors.push(Issue::new(
                FieldPath::lesions(LesionField::Count),
                lang.pick("lesion count must be a whole number", "皮损数目必须为整数"),
            ));
            lesion_count = None;
        }
    }

    if age_years.is_some_and(|age| age < 18.0) {
        warnings.push(Issue::new(
            FieldPath::patient(PatientField::Age),
            lang.pick(
                "reference ranges and criteria here are for adults",
                "此处的参考区间和诊断标准适用于成人",
            ),
        ));
    }
    for id in case.findings.keys() {
        if finding_def(id).is_none() {
            warnings.push(Issue::new(
                FieldPath::finding(id),
                lang.pick("unknown finding; ignored", "未知的临床表现，已忽略"),
            ));
        }
    }
    let kidney = &case.kidney;
    if let (Some(Dialysis::Hemodialysis | Dialysis::Peritoneal), Some(stage)) =
        (kidney.dialysis, kidney.ckd_stage)
    {
        if stage != super::case::CkdStage::G5D {
            warnings.push(Issue::new(
                FieldPath::kidney(KidneyField::CkdStage),
                tr!(
                    lang,
                    "on dialysis but stage {}: expected G5D",
                    "正在透析，但 CKD 分期为 {}：应为 G5D",
                    stage.id()
                ),
            ));
        }
    }
    if case.patient.sex == Some(super::case::Sex::Male)
        && case.finding("pregnancy_or_lactation") == Some(true)
    {
        warnings.push(Issue::new(
            FieldPath::finding("pregnancy_or_lactation"),
            lang.pick(
                "pregnancy or lactation recorded for a male patient: please check",
                "男性患者记录了妊娠或哺乳：请核对",
            ),
        ));
    }

    let labs = validate_labs(&case.labs, FieldPath::lab, lang, &mut errors, &mut warnings);

    let inputs = Inputs {
        case,
        age_years,
        weight_kg,
        height_cm,
        dialysis_vintage_months,
        lesion_count,
        labs,
    };
    (inputs, errors, warnings)
}

/// A map of lab entries (the case's, or a visit's): what may be used, with the errors and
/// warnings pushed under `path(id)` (`labs.<id>`, `visits[i].labs.<id>`).
pub fn validate_labs(
    entries: &BTreeMap<String, LabEntry>,
    path: impl Fn(&str) -> FieldPath,
    lang: Lang,
    errors: &mut Vec<Issue>,
    warnings: &mut Vec<Issue>,
) -> BTreeMap<&'static str, LabValue> {
    let mut labs = BTreeMap::new();
    for (id, entry) in entries {
        let field = path(id);
        let Some(lab) = lab(id) else {
            warnings.push(Issue::new(
                field,
                lang.pick("unknown lab; ignored", "未知的检验项目，已忽略"),
            ));
            continue;
        };
        match validate_lab(lab, entry, lang) {
            Ok(value) => {
                labs.insert(lab.id, value);
            }
            Err(message) => errors.push(Issue::new(field.clone(), message)),
        }
        if let Some(date) = &entry.date {
            if Date::parse(date).is_none() {
                errors.push(Issue::new(
                    field.lab_key(LabField::Date),
                    Date::invalid_message(date, lang),
                ));
            }
        }
    }
    labs
}

/// One lab entry against the catalogue: the value to use, or why it is left out.
pub fn validate_lab(lab: &'static Lab, entry: &LabEntry, lang: Lang) -> Result<LabValue, String> {
    let name = lab.name(lang);
    match lab.kind {
        LabKind::Numeric {
            units,
            reference,
            plausible,
        } => {
            if entry.result.is_some() && entry.value.is_none() {
                return Err(tr!(
                    lang,
                    "{name} is a numeric test: give \"value\" and \"unit\"",
                    "{name}为数值型检验：请填写 \"value\" 和 \"unit\""
                ));
            }
            let value = entry
                .value
                .ok_or_else(|| lang.pick("no value given", "未填写数值").to_string())?;
            if !value.is_finite() {
                return Err(lang
                    .pick("the value is not a number", "数值不是有效数字")
                    .to_string());
            }
            let accepted = lab.accepted_units();
            let unit = match entry.unit.as_deref() {
                Some(text) => lab.parse_unit(text).ok_or_else(|| {
                    tr!(
                        lang,
                        "unknown unit \"{text}\" for {name}; accepted: {accepted}",
                        "{name}的单位 \"{text}\" 无法识别；可接受的单位：{accepted}"
                    )
                })?,
                // Only a dimensionless result (INR) may omit its unit.
                None if units.len() == 1 && units[0].symbol == "ratio" => &units[0],
                None => {
                    return Err(tr!(
                        lang,
                        "no unit given; accepted: {accepted}",
                        "未填写单位；可接受的单位：{accepted}"
                    ))
                }
            };
            let canonical = to_canonical(value, unit);
            let (low, high) = plausible;
            if canonical < low || canonical > high {
                let shown = fmt_number(value, 3);
                let symbol = unit.symbol;
                let low = fmt_number(low / unit.to_canonical, 2);
                let high = fmt_number(high / unit.to_canonical, 2);
                return Err(tr!(
                    lang,
                    "{shown} {symbol} is outside the plausible range {low}–{high} {symbol} for {name}; check the value and unit",
                    "{shown} {symbol} 超出{name}的合理范围 {low}–{high} {symbol}；请核对数值和单位"
                ));
            }
            // The laboratory's own limits must be plausible too: an upper limit of 0 would
            // make every result "high" and PTH ÷ ULN infinite.
            let limit = |given: Option<f64>, which: LabField| -> Result<Option<f64>, String> {
                let Some(given) = given else { return Ok(None) };
                let canonical = to_canonical(given, unit);
                if given.is_finite() && canonical > 0.0 && canonical >= low && canonical <= high {
                    Ok(Some(canonical))
                } else {
                    let limit = which.text().get(lang);
                    let shown = fmt_number(given, 3);
                    let symbol = unit.symbol;
                    Err(tr!(
                        lang,
                        "the laboratory's {limit} {shown} {symbol} is not plausible for {name}; check it",
                        "实验室{limit} {shown} {symbol} 对于{name}不合理，请核对"
                    ))
                }
            };
            let local_low = limit(entry.reference_low, LabField::ReferenceLow)?;
            let local_high = limit(entry.reference_high, LabField::ReferenceHigh)?;
            if let (Some(l), Some(h)) = (local_low, local_high) {
                if l >= h {
                    return Err(lang
                        .pick(
                            "the laboratory's lower reference limit must be below its upper reference limit",
                            "实验室参考下限必须小于参考上限",
                        )
                        .to_string());
                }
            }
            let local_reference = local_low.is_some() || local_high.is_some();
            let reference = if local_reference {
                Reference {
                    low: local_low.or(reference.low),
                    high: local_high.or(reference.high),
                }
            } else {
                reference
            };
            Ok(LabValue::Numeric {
                lab,
                canonical,
                entered: value,
                unit,
                reference,
                local_reference,
            })
        }
        LabKind::Qualitative { results } => {
            if entry.value.is_some() && entry.result.is_none() {
                let accepted = accepted_results(results);
                return Err(tr!(
                    lang,
                    "{name} is reported as a result, not a number; accepted: {accepted}",
                    "{name}以定性结果报告，不是数值；可接受的结果：{accepted}"
                ));
            }
            let text = entry
                .result
                .as_deref()
                .ok_or_else(|| lang.pick("no result given", "未填写结果").to_string())?;
            let wanted = text.trim().to_lowercase().replace([' ', '-'], "_");
            results
                .iter()
                .find(|(id, _)| *id == wanted)
                .map(|(id, meaning)| LabValue::Qualitative {
                    lab,
                    result: id,
                    meaning: *meaning,
                })
                .ok_or_else(|| {
                    let accepted = accepted_results(results);
                    tr!(
                        lang,
                        "\"{text}\" is not a result of {name}; accepted: {accepted}",
                        "\"{text}\" 不是{name}的有效结果；可接受的结果：{accepted}"
                    )
                })
        }
    }
}

/// Converts to the canonical unit, rounded to 12 significant digits so that a value exactly
/// at a threshold in one unit is exactly at it in the other (106 pmol/L is 1000 pg/mL, not
/// 1000.0000000000001).
pub fn to_canonical(value: f64, unit: &Unit) -> f64 {
    round_significant(value * unit.to_canonical, 12)
}

/// The value in `unit`, from the canonical unit (the inverse of [`to_canonical`]).
pub fn from_canonical(canonical: f64, unit: &Unit) -> f64 {
    round_significant(canonical / unit.to_canonical, 12)
}

pub fn round_significant(value: f64, digits: i32) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let magnitude = value.abs().log10().floor() as i32;
    let scale = 10f64.powi(digits - 1 - magnitude);
    if !scale.is_finite() || scale == 0.0 {
        return value;
    }
    (value * scale).round() / scale
}

fn accepted_results(results: &[(&str, QualitativeMeaning)]) -> String {
    results
        .iter()
        .map(|(id, _)| *id)
        .collect::<Vec<_>>()
        .join(", ")
}
