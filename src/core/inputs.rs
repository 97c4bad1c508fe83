//! The validated view of a case that every rule reads. A value that is not finite, out of
//! its plausible range or in an unknown unit becomes an input error and is left out: the
//! rules then see it as unknown, never as zero or as a clamped value.

use crate::core::i18n::msg;
use crate::core::i18n::Text;
use std::collections::BTreeMap;

use super::case::{Case, Dialysis, Issue, LabEntry};
use super::date::Date;
use super::field_path::{FieldPath, Key, KidneyField, LabField, LesionField, PatientField};
use super::findings::{known_finding, FindingId};
use super::i18n::Lang;
use super::labs::{
    decimals_for, fmt_number, known_lab, result_label, Lab, LabId, LabKind, QualitativeMeaning,
    Reference, Unit,
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
                        msg::inputs::DESCRIBE_REFERENCE_TEXT_LABORATORY_S_OWN,
                        text
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
        (None, None) => msg::inputs::DESCRIBE_REFERENCE_IN_NO_REFERENCE_INTERVAL
            .get(lang)
            .to_string(),
    }
    .trim_end()
    .to_string()
}

/// A checked number with a plausible range, for the patient and kidney fields.
struct Bound {
    field: FieldPath,
    what: Text,
    low: f64,
    high: f64,
    unit: Text,
}

const AGE: Bound = Bound {
    field: FieldPath::Patient(Key::Known(PatientField::Age)),
    what: msg::inputs::ROW_WHAT,
    low: 0.0,
    high: 120.0,
    unit: msg::inputs::AGE_UNIT,
};
const WEIGHT: Bound = Bound {
    field: FieldPath::Patient(Key::Known(PatientField::Weight)),
    what: msg::inputs::ROW_WHAT_2,
    low: 2.0,
    high: 400.0,
    unit: msg::inputs::WEIGHT_UNIT,
};
const HEIGHT: Bound = Bound {
    field: FieldPath::Patient(Key::Known(PatientField::Height)),
    what: msg::inputs::ROW_WHAT_3,
    low: 40.0,
    high: 250.0,
    unit: msg::inputs::HEIGHT_UNIT,
};
const VINTAGE: Bound = Bound {
    field: FieldPath::Kidney(Key::Known(KidneyField::Vintage)),
    what: msg::inputs::ROW_WHAT_4,
    low: 0.0,
    high: 720.0,
    unit: msg::inputs::DIALYSIS_VINTAGE_UNIT,
};
const LESION_COUNT: Bound = Bound {
    field: FieldPath::Lesions(Key::Known(LesionField::Count)),
    what: msg::inputs::ROW_WHAT_5,
    low: 0.0,
    high: 200.0,
    unit: msg::inputs::LESION_COUNT_UNIT,
};
const ULCER_COUNT: Bound = Bound {
    field: FieldPath::Lesions(Key::Known(LesionField::UlcerCount)),
    what: msg::inputs::ROW_WHAT_ULCER_COUNT,
    low: 0.0,
    high: 200.0,
    unit: msg::inputs::ULCER_COUNT_UNIT,
};

#[derive(Debug, Clone, PartialEq)]
pub struct Inputs<'a> {
    pub case: &'a Case,
    pub age_years: Option<f64>,
    pub weight_kg: Option<f64>,
    pub height_cm: Option<f64>,
    pub dialysis_vintage_months: Option<f64>,
    pub lesion_count: Option<f64>,
    /// Hayashi (2)'s count of ulcers.
    pub ulcer_count: Option<f64>,
    pub labs: BTreeMap<LabId, LabValue>,
}

impl<'a> Inputs<'a> {
    /// Only these labs known, everything else unknown: for the rules' unit tests.
    #[cfg(test)]
    pub(crate) fn with_labs(case: &'a Case, labs: Vec<(LabId, LabValue)>) -> Self {
        Inputs {
            case,
            age_years: None,
            weight_kg: None,
            height_cm: None,
            dialysis_vintage_months: None,
            lesion_count: None,
            ulcer_count: None,
            labs: labs.into_iter().collect(),
        }
    }

    pub fn lab(&self, id: LabId) -> Option<&LabValue> {
        self.labs.get(&id)
    }

    pub fn lab_canonical(&self, id: LabId) -> Option<f64> {
        self.lab(id).and_then(LabValue::canonical)
    }

    pub fn finding(&self, id: FindingId) -> Option<bool> {
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
    let mut bounded = |bound: &Bound, value: Option<f64>| checked(bound, value, lang, &mut errors);
    let age_years = bounded(&AGE, case.patient.age_years);
    let weight_kg = bounded(&WEIGHT, case.patient.weight_kg);
    let height_cm = bounded(&HEIGHT, case.patient.height_cm);
    let dialysis_vintage_months = bounded(&VINTAGE, case.kidney.dialysis_vintage_months);
    let lesion_count = bounded(&LESION_COUNT, case.lesions.count);
    let ulcer_count = bounded(&ULCER_COUNT, case.lesions.ulcer_count);
    let lesion_count = whole(
        lesion_count,
        &LESION_COUNT,
        msg::inputs::VALIDATE_LESION_COUNT_MUST_BE_A,
        lang,
        &mut errors,
    );
    let ulcer_count = whole(
        ulcer_count,
        &ULCER_COUNT,
        msg::inputs::VALIDATE_ULCER_COUNT_MUST_BE_WHOLE,
        lang,
        &mut errors,
    );
    let mut warnings = case_warnings(case, age_years, lang);
    let labs = validate_labs(&case.labs, FieldPath::lab, lang, &mut errors, &mut warnings);

    let inputs = Inputs {
        case,
        age_years,
        weight_kg,
        height_cm,
        dialysis_vintage_months,
        lesion_count,
        ulcer_count,
        labs,
    };
    (inputs, errors, warnings)
}

/// A count that is not a whole number is an input error and left out.
fn whole(
    count: Option<f64>,
    bound: &Bound,
    message: Text,
    lang: Lang,
    errors: &mut Vec<Issue>,
) -> Option<f64> {
    let count = count?;
    if count.fract() != 0.0 {
        errors.push(Issue::new(bound.field.clone(), message.get(lang)));
        return None;
    }
    Some(count)
}

/// A patient, kidney or lesion number within its plausible range; otherwise an input error
/// and left out.
fn checked(bound: &Bound, value: Option<f64>, lang: Lang, errors: &mut Vec<Issue>) -> Option<f64> {
    let value = value?;
    let what = bound.what.get(lang);
    if !value.is_finite() {
        errors.push(Issue::new(
            bound.field.clone(),
            tr!(lang, msg::inputs::VALIDATE_WHAT_IS_NOT_A_NUMBER, what),
        ));
        return None;
    }
    if value < bound.low || value > bound.high {
        let unit = bound.unit.get(lang);
        let shown = fmt_number(value, 2);
        let low = fmt_number(bound.low, 0);
        let high = fmt_number(bound.high, 0);
        errors.push(Issue::new(
            bound.field.clone(),
            tr!(
                lang,
                msg::inputs::VALIDATE_WHAT_SHOWN_UNIT_IS_OUTSIDE,
                high,
                low,
                shown,
                unit,
                what
            ),
        ));
        return None;
    }
    Some(value)
}

/// What is usable but worth a second look: a child, an unknown finding, dialysis with a
/// stage other than G5D, pregnancy recorded for a man.
fn case_warnings(case: &Case, age_years: Option<f64>, lang: Lang) -> Vec<Issue> {
    let mut warnings = Vec::new();
    if age_years.is_some_and(|age| age < 18.0) {
        warnings.push(Issue::new(
            FieldPath::patient(PatientField::Age),
            msg::inputs::VALIDATE_REFERENCE_RANGES_AND_CRITERIA_HERE.get(lang),
        ));
    }
    for id in case.findings.keys() {
        if known_finding(id).is_none() {
            warnings.push(Issue::new(
                FieldPath::finding(id),
                msg::inputs::VALIDATE_UNKNOWN_FINDING_IGNORED.get(lang),
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
                    msg::inputs::VALIDATE_ON_DIALYSIS_BUT_STAGE_ID,
                    id = stage.id()
                ),
            ));
        }
    }
    if case.patient.sex == Some(super::case::Sex::Male)
        && case.finding(FindingId::PregnancyOrLactation) == Some(true)
    {
        warnings.push(Issue::new(
            FieldPath::finding(FindingId::PregnancyOrLactation.id()),
            msg::inputs::VALIDATE_PREGNANCY_OR_LACTATION_RECORDED_FOR.get(lang),
        ));
    }
    warnings
}

/// A map of lab entries (the case's, or a visit's): what may be used, with the errors and
/// warnings pushed under `path(id)` (`labs.<id>`, `visits[i].labs.<id>`).
pub fn validate_labs(
    entries: &BTreeMap<String, LabEntry>,
    path: impl Fn(&str) -> FieldPath,
    lang: Lang,
    errors: &mut Vec<Issue>,
    warnings: &mut Vec<Issue>,
) -> BTreeMap<LabId, LabValue> {
    let mut labs = BTreeMap::new();
    for (id, entry) in entries {
        let field = path(id);
        let Some(lab) = known_lab(id) else {
            warnings.push(Issue::new(
                field,
                msg::inputs::VALIDATE_LABS_UNKNOWN_LAB_IGNORED.get(lang),
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
    match lab.kind {
        LabKind::Numeric {
            units,
            reference,
            plausible,
        } => validate_numeric(lab, units, reference, plausible, entry, lang),
        LabKind::Qualitative { results } => validate_qualitative(lab, results, entry, lang),
    }
}

fn validate_numeric(
    lab: &'static Lab,
    units: &'static [Unit],
    reference: Reference,
    plausible: (f64, f64),
    entry: &LabEntry,
    lang: Lang,
) -> Result<LabValue, String> {
    let name = lab.name(lang);
    if entry.result.is_some() && entry.value.is_none() {
        return Err(tr!(
            lang,
            msg::inputs::VALIDATE_LAB_NAME_IS_A_NUMERIC_TEST,
            name
        ));
    }
    let value = entry.value.ok_or_else(|| {
        msg::inputs::VALIDATE_LAB_NO_VALUE_GIVEN
            .get(lang)
            .to_string()
    })?;
    if !value.is_finite() {
        return Err(msg::inputs::VALIDATE_LAB_THE_VALUE_IS_NOT_A
            .get(lang)
            .to_string());
    }
    let unit = entered_unit(lab, units, entry, lang)?;
    let canonical = to_canonical(value, unit);
    let (low, high) = plausible;
    if canonical < low || canonical > high {
        let shown = fmt_number(value, 3);
        let symbol = unit.symbol;
        let low = fmt_number(low / unit.to_canonical, 2);
        let high = fmt_number(high / unit.to_canonical, 2);
        return Err(tr!(
            lang,
            msg::inputs::VALIDATE_LAB_SHOWN_SYMBOL_IS_OUTSIDE_THE,
            high,
            low,
            name,
            shown,
            symbol
        ));
    }
    let (reference, local_reference) =
        laboratory_reference(lab, unit, reference, plausible, entry, lang)?;
    Ok(LabValue::Numeric {
        lab,
        canonical,
        entered: value,
        unit,
        reference,
        local_reference,
    })
}

/// The unit the value was entered in; only a dimensionless result (INR) may omit it.
fn entered_unit(
    lab: &'static Lab,
    units: &'static [Unit],
    entry: &LabEntry,
    lang: Lang,
) -> Result<&'static Unit, String> {
    let accepted = lab.accepted_units();
    match entry.unit.as_deref() {
        Some(text) => lab.parse_unit(text).ok_or_else(|| {
            let name = lab.name(lang);
            tr!(
                lang,
                msg::inputs::VALIDATE_LAB_UNKNOWN_UNIT_TEXT_FOR_NAME,
                accepted,
                name,
                text
            )
        }),
        None if units.len() == 1 && units[0].symbol == "ratio" => Ok(&units[0]),
        None => Err(tr!(
            lang,
            msg::inputs::VALIDATE_LAB_NO_UNIT_GIVEN_ACCEPTED_ACCEPTED,
            accepted
        )),
    }
}

/// The laboratory's own limits (in `unit`) over the catalogue's, and whether any was given.
/// They must be plausible too: an upper limit of 0 would make every result "high" and
/// PTH ÷ ULN infinite.
fn laboratory_reference(
    lab: &'static Lab,
    unit: &'static Unit,
    reference: Reference,
    (low, high): (f64, f64),
    entry: &LabEntry,
    lang: Lang,
) -> Result<(Reference, bool), String> {
    let limit = |given: Option<f64>, which: LabField| -> Result<Option<f64>, String> {
        let Some(given) = given else { return Ok(None) };
        let canonical = to_canonical(given, unit);
        if given.is_finite() && canonical > 0.0 && canonical >= low && canonical <= high {
            Ok(Some(canonical))
        } else {
            let limit = which.text().get(lang);
            let name = lab.name(lang);
            let shown = fmt_number(given, 3);
            let symbol = unit.symbol;
            Err(tr!(
                lang,
                msg::inputs::VALIDATE_LAB_THE_LABORATORY_S_LIMIT_SHOWN,
                limit,
                name,
                shown,
                symbol
            ))
        }
    };
    let local_low = limit(entry.reference_low, LabField::ReferenceLow)?;
    let local_high = limit(entry.reference_high, LabField::ReferenceHigh)?;
    if let (Some(l), Some(h)) = (local_low, local_high) {
        if l >= h {
            return Err(msg::inputs::VALIDATE_LAB_THE_LABORATORY_S_LOWER_REFERENCE
                .get(lang)
                .to_string());
        }
    }
    if local_low.is_none() && local_high.is_none() {
        return Ok((reference, false));
    }
    let reference = Reference {
        low: local_low.or(reference.low),
        high: local_high.or(reference.high),
    };
    Ok((reference, true))
}

fn validate_qualitative(
    lab: &'static Lab,
    results: &'static [(&'static str, QualitativeMeaning)],
    entry: &LabEntry,
    lang: Lang,
) -> Result<LabValue, String> {
    let name = lab.name(lang);
    if entry.value.is_some() && entry.result.is_none() {
        let accepted = accepted_results(results);
        return Err(tr!(
            lang,
            msg::inputs::VALIDATE_LAB_NAME_IS_REPORTED_AS_A,
            accepted,
            name
        ));
    }
    let text = entry.result.as_deref().ok_or_else(|| {
        msg::inputs::VALIDATE_LAB_NO_RESULT_GIVEN
            .get(lang)
            .to_string()
    })?;
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
                msg::inputs::VALIDATE_LAB_TEXT_IS_NOT_A_RESULT,
                accepted,
                name,
                text
            )
        })
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
