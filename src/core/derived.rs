//! Derived values (`clinical.md` §2). Each is computed only from valid inputs, carries the
//! words of its basis and its source, and is absent (never zero) when an input is missing.

use crate::core::i18n::msg;
use serde::Serialize;

use super::i18n::{Lang, Text};
use super::inputs::{from_canonical, round_significant, Inputs, LabValue};
use super::labs::{decimals_for, fmt_number, lab, LabId, Unit, PTH_REFERENCE};
use crate::tr;

/// The headline correction is the conventional 0.02 mmol/L per g/L (≡ 0.8 mg/dL per g/dL:
/// 0.02 × 10 / 0.2495) below albumin 4.0 g/dL, the corrected total calcium KDOQI 2003
/// Guideline 6 compares with 10.2 mg/dL. Payne 1973 as published is slope 1.0 (adjusted
/// Ca = Ca − albumin + 4.0, mg/100 mL and g/100 mL), often mis-attributed the 0.8; its
/// value is shown beside the headline and bounds the hypercalcaemia rule's unknown band.
pub const PAYNE_REFERENCE_ALBUMIN_G_DL: f64 = 4.0;
const PAYNE_SLOPE: f64 = 1.0;
const CONVENTIONAL_SLOPE: f64 = 0.8;
/// Default upper limit of normal for intact PTH when the laboratory's is not given: the
/// catalogue's.
pub const DEFAULT_PTH_ULN_PG_ML: f64 = match PTH_REFERENCE.high {
    Some(high) => high,
    None => panic!("the catalogue gives intact PTH an upper limit"),
};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Derived {
    pub value: f64,
    pub unit: String,
    pub basis: String,
    pub source: &'static str,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DerivedValues {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrected_calcium: Option<Derived>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub calcium_phosphate_product: Option<Derived>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bmi: Option<Derived>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pth_multiple_of_uln: Option<Derived>,
}

/// The headline corrected calcium in mg/dL: total + 0.8 × (4.0 − albumin) below albumin
/// 4.0 g/dL, else the measured total (a correction is not used to lower calcium).
fn corrected_calcium_mg_dl(total_mg_dl: f64, albumin_g_dl: f64) -> f64 {
    corrected_or_measured(total_mg_dl, albumin_g_dl, CONVENTIONAL_SLOPE)
}

/// Payne's published slope 1.0, with the same "no correction at or above 4.0 g/dL".
pub fn payne_calcium_mg_dl(total_mg_dl: f64, albumin_g_dl: f64) -> f64 {
    corrected_or_measured(total_mg_dl, albumin_g_dl, PAYNE_SLOPE)
}

fn corrected_or_measured(total_mg_dl: f64, albumin_g_dl: f64, slope: f64) -> f64 {
    if albumin_g_dl < PAYNE_REFERENCE_ALBUMIN_G_DL {
        corrected_with_slope(total_mg_dl, albumin_g_dl, slope)
    } else {
        total_mg_dl
    }
}

/// total + slope × (4.0 − albumin), rounded so a value exactly at a limit stays at it.
fn corrected_with_slope(total_mg_dl: f64, albumin_g_dl: f64, slope: f64) -> f64 {
    round_significant(
        total_mg_dl + slope * (PAYNE_REFERENCE_ALBUMIN_G_DL - albumin_g_dl),
        12,
    )
}

pub fn bmi(weight_kg: f64, height_cm: f64) -> f64 {
    let metres = height_cm / 100.0;
    weight_kg / (metres * metres)
}

/// The calcium used for Ca×P and the hypercalcaemia rule: the headline corrected calcium
/// (measured when albumin is ≥ 4.0 or unknown). Returns (mg/dL, words saying which).
pub fn calcium_for_rules(inputs: &Inputs) -> Option<(f64, Text)> {
    let total = inputs.lab_canonical(LabId::CalciumTotal)?;
    match inputs.lab_canonical(LabId::Albumin) {
        Some(albumin) if albumin < PAYNE_REFERENCE_ALBUMIN_G_DL => Some((
            corrected_calcium_mg_dl(total, albumin),
            msg::derived::CALCIUM_FOR_RULES_ALBUMIN_CORRECTED_TOTAL_CALCIUM,
        )),
        Some(_) => Some((
            total,
            msg::derived::CALCIUM_FOR_RULES_MEASURED_TOTAL_CALCIUM_ALBUMIN_4,
        )),
        None => Some((
            total,
            msg::derived::CALCIUM_FOR_RULES_MEASURED_TOTAL_CALCIUM_ALBUMIN_UNKNOWN,
        )),
    }
}

/// The intact-PTH upper limit: the laboratory's when given, else 65 pg/mL.
pub fn pth_uln(inputs: &Inputs) -> (f64, bool) {
    match inputs.lab(LabId::PthIntact) {
        Some(LabValue::Numeric {
            reference,
            local_reference: true,
            ..
        }) if reference.high.is_some() => (reference.high.unwrap_or(DEFAULT_PTH_ULN_PG_ML), true),
        _ => (DEFAULT_PTH_ULN_PG_ML, false),
    }
}

/// The headline corrected calcium, in the unit total calcium was entered in, with Payne's
/// value beside it; present whenever total calcium and albumin are numbers.
fn corrected_calcium(inputs: &Inputs, lang: Lang) -> Option<Derived> {
    use msg::derived as m;
    let calcium = inputs.lab(LabId::CalciumTotal)?;
    // A total calcium that is not a number is not corrected (never corrected as NaN).
    let total = calcium.canonical()?;
    let albumin = inputs.lab_canonical(LabId::Albumin)?;
    let calcium_si = si_unit(LabId::CalciumTotal)?;
    let corrected = corrected_calcium_mg_dl(total, albumin);
    let entered_si = matches!(calcium, LabValue::Numeric { unit, .. } if unit.si);
    let corrected_si = from_canonical(corrected, calcium_si);
    let (value, unit) = if entered_si {
        (round(corrected_si, 2), calcium_si.symbol)
    } else {
        (round(corrected, 1), "mg/dL")
    };
    let ionized = if inputs.lab(LabId::CalciumIonized).is_some() {
        m::CORRECTED_CALCIUM_IONIZED_CALCIUM_WAS_ALSO_MEASURED
    } else {
        m::CORRECTED_CALCIUM_PREFER_A_MEASURED_IONIZED_CALCIUM
    }
    .get(lang);
    let template = if albumin < PAYNE_REFERENCE_ALBUMIN_G_DL {
        m::CORRECTED_CALCIUM_CONVENTIONAL
    } else {
        m::CORRECTED_CALCIUM_NO_CORRECTION
    };
    Some(Derived {
        value,
        unit: unit.to_string(),
        basis: tr!(
            lang,
            template,
            albumin = fmt_number(albumin, 2),
            corrected = fmt_number(corrected, 2),
            corrected_si = fmt_number(corrected_si, 2),
            entered = calcium.describe(lang),
            ionized,
            payne = fmt_number(payne_calcium_mg_dl(total, albumin), 2)
        ),
        source: "kdoqi_2003_bone",
    })
}

pub fn derive(inputs: &Inputs, lang: Lang) -> DerivedValues {
    DerivedValues {
        corrected_calcium: corrected_calcium(inputs, lang),
        calcium_phosphate_product: calcium_phosphate_product(inputs, lang),
        bmi: body_mass_index(inputs, lang),
        pth_multiple_of_uln: pth_multiple_of_uln(inputs, lang),
    }
}

/// Ca × P from the calcium the rules use, in mg²/dL² with the SI value beside it.
fn calcium_phosphate_product(inputs: &Inputs, lang: Lang) -> Option<Derived> {
    let (Some((calcium, which)), Some(phosphate), Some(calcium_si), Some(phosphate_si)) = (
        calcium_for_rules(inputs),
        inputs.lab_canonical(LabId::Phosphate),
        si_unit(LabId::CalciumTotal),
        si_unit(LabId::Phosphate),
    ) else {
        return None;
    };
    let product = calcium * phosphate;
    let product_si = product / (calcium_si.to_canonical * phosphate_si.to_canonical);
    let which = which.get(lang);
    Some(Derived {
        value: round(product, 1),
        unit: "mg2/dL2".to_string(),
        basis: tr!(
            lang,
            msg::derived::DERIVE_WHICH_CALCIUM_MG_DL_PHOSPHATE,
            calcium = fmt_number(calcium, 2),
            phosphate = fmt_number(phosphate, 2),
            product = fmt_number(product, 1),
            product_si = fmt_number(product_si, 2),
            which
        ),
        // Weenig 2007's > 70 mg²/dL² is the calciphylaxis figure; KDOQI 2003 is quoted beside it.
        source: "weenig_2007",
    })
}

/// BMI from weight and height.
fn body_mass_index(inputs: &Inputs, lang: Lang) -> Option<Derived> {
    let (Some(weight), Some(height)) = (inputs.weight_kg, inputs.height_cm) else {
        return None;
    };
    let value = bmi(weight, height);
    Some(Derived {
        value: round(value, 1),
        unit: "kg/m2".to_string(),
        basis: tr!(
            lang,
            msg::derived::BMI_FORMULA,
            height_m = fmt_number(height / 100.0, 2),
            value = fmt_number(value, 1),
            weight = fmt_number(weight, 1)
        ),
        source: "who_2000_obesity",
    })
}

/// Intact PTH ÷ its upper limit. A PTH that is not a number has no multiple of the ULN
/// (never NaN × ULN).
fn pth_multiple_of_uln(inputs: &Inputs, lang: Lang) -> Option<Derived> {
    let (Some(pth), Some(value)) = (
        inputs.lab(LabId::PthIntact),
        inputs.lab_canonical(LabId::PthIntact),
    ) else {
        return None;
    };
    let (uln, local) = pth_uln(inputs);
    let multiple = value / uln;
    Some(Derived {
        value: round(multiple, 1),
        unit: "× ULN".to_string(),
        basis: tr!(
            lang,
            msg::derived::PTH_MULTIPLE_OF_ULN,
            pth = pth.describe(lang),
            whose_limit = if local {
                msg::derived::PTH_LIMIT_OF_THE_LABORATORY
            } else {
                msg::derived::PTH_LIMIT_BY_DEFAULT
            }
            .get(lang),
            multiple = fmt_number(multiple, 1),
            uln = fmt_number(uln, decimals_for(uln))
        ),
        source: "kdigo_2017_ckd_mbd",
    })
}

/// The lab's SI unit in the catalogue: conversions come from there, nowhere else.
fn si_unit(id: LabId) -> Option<&'static Unit> {
    lab(id).units().iter().find(|unit| unit.si)
}

fn round(value: f64, decimals: i32) -> f64 {
    let scale = 10f64.powi(decimals);
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::case::Case;
    use crate::core::labs::{Lab, LabKind, QualitativeMeaning, Reference};

    /// `id` as entered, or as a lab whose kind changed to qualitative.
    fn value(id: LabId, number: Option<f64>) -> LabValue {
        let lab = lab(id);
        match number {
            Some(number) => LabValue::Numeric {
                lab,
                canonical: number,
                entered: number,
                unit: &lab.units()[0],
                reference: Reference {
                    low: None,
                    high: None,
                },
                local_reference: false,
            },
            None => LabValue::Qualitative {
                lab: Box::leak(Box::new(Lab {
                    kind: LabKind::Qualitative {
                        results: &[("positive", QualitativeMeaning::Abnormal)],
                    },
                    ..*lab
                })),
                result: "positive",
                meaning: QualitativeMeaning::Abnormal,
            },
        }
    }

    fn derived_from(labs: Vec<(LabId, LabValue)>) -> DerivedValues {
        let case = Case::default();
        let inputs = Inputs::with_labs(&case, labs);
        derive(&inputs, Lang::En)
    }

    #[test]
    fn a_total_calcium_that_is_not_a_number_is_not_corrected() {
        let numeric = derived_from(vec![
            (LabId::CalciumTotal, value(LabId::CalciumTotal, Some(9.0))),
            (LabId::Albumin, value(LabId::Albumin, Some(3.0))),
        ]);
        // 9.0 + 0.8 × (4.0 − 3.0) = 9.8.
        assert_eq!(numeric.corrected_calcium.unwrap().value, 9.8);
        // Was corrected as NaN − albumin + 4.0 = NaN.
        let qualitative = derived_from(vec![
            (LabId::CalciumTotal, value(LabId::CalciumTotal, None)),
            (LabId::Albumin, value(LabId::Albumin, Some(3.0))),
        ]);
        assert_eq!(qualitative.corrected_calcium, None);
    }

    #[test]
    fn a_pth_that_is_not_a_number_has_no_multiple_of_the_uln() {
        let numeric = derived_from(vec![(
            LabId::PthIntact,
            value(LabId::PthIntact, Some(650.0)),
        )]);
        assert_eq!(numeric.pth_multiple_of_uln.unwrap().value, 10.0);
        // Was NaN ÷ 65 = NaN × ULN.
        let qualitative = derived_from(vec![(LabId::PthIntact, value(LabId::PthIntact, None))]);
        assert_eq!(qualitative.pth_multiple_of_uln, None);
    }

    #[test]
    fn si_values_convert_with_the_catalogue_factor() {
        let si = |id| si_unit(id).unwrap().symbol;
        assert_eq!(
            (si(LabId::CalciumTotal), si(LabId::Phosphate)),
            ("mmol/L", "mmol/L")
        );
        let derived = derived_from(vec![
            (LabId::CalciumTotal, value(LabId::CalciumTotal, Some(9.0))),
            (LabId::Albumin, value(LabId::Albumin, Some(3.0))),
            (LabId::Phosphate, value(LabId::Phosphate, Some(5.0))),
        ]);
        // 9.8 mg/dL × 0.2495 = 2.445 mmol/L; 49 mg²/dL² × 0.2495 × 0.3229 = 3.95 mmol²/L².
        let corrected = derived.corrected_calcium.unwrap();
        assert!(
            corrected.basis.contains("(2.45 mmol/L)"),
            "{}",
            corrected.basis
        );
        let product = derived.calcium_phosphate_product.unwrap();
        assert!(
            product.basis.contains("(3.95 mmol²/L²)"),
            "{}",
            product.basis
        );
    }

    #[test]
    fn conventional_and_payne_worked_examples() {
        // 9.1 mg/dL with albumin 2.8 g/dL: 9.1 + 0.8 × 1.2 = 10.06; Payne 9.1 − 2.8 + 4.0 = 10.3.
        assert!((corrected_calcium_mg_dl(9.1, 2.8) - 10.06).abs() < 1e-9);
        assert!((payne_calcium_mg_dl(9.1, 2.8) - 10.3).abs() < 1e-9);
        // At and above 4.0 g/dL there is nothing to correct: the measured value.
        assert_eq!(corrected_calcium_mg_dl(9.1, 4.0), 9.1);
        assert_eq!(corrected_calcium_mg_dl(9.1, 4.5), 9.1);
        assert_eq!(payne_calcium_mg_dl(9.1, 4.1), 9.1);
        assert!((corrected_calcium_mg_dl(9.1, 3.9) - 9.18).abs() < 1e-9);
    }

    #[test]
    fn corrected_calcium_is_present_at_normal_albumin_with_no_correction() {
        let derived = derived_from(vec![
            (LabId::CalciumTotal, value(LabId::CalciumTotal, Some(9.1))),
            (LabId::Albumin, value(LabId::Albumin, Some(4.0))),
        ]);
        let corrected = derived.corrected_calcium.unwrap();
        assert_eq!(corrected.value, 9.1);
        assert!(
            corrected.basis.contains("no correction"),
            "{}",
            corrected.basis
        );
    }

    #[test]
    fn bmi_worked_example() {
        // The spec's example patient: 95 kg, 162 cm → 36.2 kg/m².
        assert!((bmi(95.0, 162.0) - 36.198).abs() < 1e-3);
    }
}
