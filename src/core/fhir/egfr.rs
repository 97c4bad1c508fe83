//! eGFR → a suggested CKD stage in the import report, never a case field: `kidney.ckd_stage`
//! stays what the record's Conditions say, or unknown.
//!
//! KDIGO 2012 CKD guideline (recommendations 1.1.1 and 1.2.3): CKD is "abnormalities of
//! kidney structure or function, present for >3 months"; decreased GFR is "GFR <60
//! ml/min/1.73 m2 (GFR categories G3a–G5)"; the GFR categories are G1 ≥90, G2 60–89, G3a
//! 45–59, G3b 30–44, G4 15–29, G5 <15; and "in the absence of evidence of kidney damage,
//! neither GFR category G1 nor G2 fulfill the criteria for CKD". The record's markers of
//! kidney damage are not read here, so no stage is suggested from an eGFR of 60 or more.
//!
//! The rule: the latest value, the latest value at least [`MIN_DAYS_APART`] days before it
//! (the reading of "more than 3 months"), and every value between them (same-day
//! values included) all in one category below 60 → that category. Otherwise no stage, with
//! the reason; none either when dialysis dependence is recorded (an eGFR does not stage
//! kidney failure treated by dialysis). Values with a comparator (`>90`), another unit or
//! no date are skipped when read.

use serde::Serialize;

use super::codes::egfr_unit_is_per_1_73_m2;
use super::importer::Importer;
use super::model::Observation;
use super::observation::{effective, exact_value};
use super::report::SkipReason;
use crate::core::case::{Case, CkdStage};
use crate::core::date::Date;
use crate::core::i18n::{msg, Lang};
use crate::tr;

/// Two values this many days apart or more show a lasting GFR (KDIGO: "present for >3
/// months"; the issue asks for "two values ≥ 90 days apart").
pub const MIN_DAYS_APART: u32 = 90;

/// Below this eGFR (mL/min/1.73 m²) decreased GFR alone meets the CKD criteria (G3a–G5).
pub const DECREASED_GFR: f64 = 60.0;

/// The KDIGO 2012 GFR categories by their lower bound (mL/min/1.73 m²), highest first: a
/// value is in the first category whose bound it reaches, so 59.9 is G3a and 60 is G2
/// (the published ranges are whole numbers; "<60" and "<15" decide the fractions).
const GFR_CATEGORIES: &[(f64, CkdStage)] = &[
    (90.0, CkdStage::G1),
    (60.0, CkdStage::G2),
    (45.0, CkdStage::G3a),
    (30.0, CkdStage::G3b),
    (15.0, CkdStage::G4),
    (0.0, CkdStage::G5),
];

/// The KDIGO 2012 GFR category of an eGFR; `None` for a negative value.
pub fn gfr_category(egfr: f64) -> Option<CkdStage> {
    GFR_CATEGORIES
        .iter()
        .find(|(low, _)| egfr >= *low)
        .map(|(_, stage)| *stage)
}

/// One eGFR read: exact, dated, in mL/min/1.73 m².
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EgfrValue {
    pub resource: String,
    pub date: String,
    pub value: f64,
    pub category: CkdStage,
    /// `system|code` of its LOINC code.
    pub code: String,
    #[serde(skip)]
    day: Date,
}

id_enum! {
    /// Why the eGFR values give no suggested stage.
    NoStageReason {
        DialysisDependence = "dialysis_dependence" => msg::fhir::CKD_NONE_DIALYSIS,
        NotDecreased = "not_decreased" => msg::fhir::CKD_NONE_NOT_DECREASED,
        No90DaySpan = "no_90_day_span" => msg::fhir::CKD_NONE_NO_SPAN,
        CategoriesDiffer = "categories_differ" => msg::fhir::CKD_NONE_CATEGORIES_DIFFER,
    }
}

/// The import report's `suggested_ckd_stage`: a stage, or none and why, from the values
/// shown (the span the decision rests on, or every value when there is no span).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuggestedCkdStage {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<CkdStage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<NoStageReason>,
    pub values: Vec<EgfrValue>,
    /// Never written into the case.
    pub written_into_case: bool,
    pub source: &'static str,
    pub message: String,
}

impl Importer {
    /// Reads an eGFR Observation (status and code already checked) for the suggestion;
    /// it is listed as skipped (not a case field) with why it is or is not used.
    pub(super) fn read_egfr(&mut self, name: &str, loinc: &str, observation: &Observation) {
        let code = format!("{}|{loinc}", super::codes::LOINC);
        let read = exact_value(observation).and_then(|(value, quantity)| {
            let units = [quantity.code.as_deref(), quantity.unit.as_deref()];
            if !units.into_iter().flatten().any(egfr_unit_is_per_1_73_m2) {
                let written = units.into_iter().flatten().next().map(str::to_string);
                return Err((SkipReason::UnknownUnit, written));
            }
            let category =
                gfr_category(value).ok_or((SkipReason::NoValue, Some(value.to_string())))?;
            let day = effective(observation)
                .as_deref()
                .and_then(Date::of_date_time);
            let day = day.ok_or((SkipReason::EgfrNoDate, None))?;
            Ok((value, category, day))
        });
        match read {
            Ok((value, category, day)) => {
                let detail = Some(format!("{value} mL/min/1.73 m², {day}"));
                self.observations.egfr.push(EgfrValue {
                    resource: name.to_string(),
                    date: day.to_string(),
                    value,
                    category,
                    code: code.clone(),
                    day,
                });
                self.skip(name, Some(code), SkipReason::ReportOnly, detail);
            }
            Err((reason, detail)) => self.skip(name, Some(code), reason, detail),
        }
    }
}

/// The suggestion from every eGFR read, once the Conditions are in the case (dialysis
/// dependence is read from `kidney.ckd_stage` = G5D); `None` when no eGFR was read.
pub(super) fn suggest(
    mut values: Vec<EgfrValue>,
    case: &Case,
    lang: Lang,
) -> Option<SuggestedCkdStage> {
    values.sort_by_key(|v| v.day);
    let latest = values.last()?.clone();
    let decided = if case.kidney.ckd_stage == Some(CkdStage::G5D) {
        Err(NoStageReason::DialysisDependence)
    } else if values
        .iter()
        .filter(|v| v.day == latest.day)
        .all(|v| v.value >= DECREASED_GFR)
    {
        // Every value of the latest day (a race-specific pair may differ) is 60 or more.
        Err(NoStageReason::NotDecreased)
    } else {
        span_category(&values, latest.day)
    };
    let span = span_of(&values, latest.day);
    let shown = match (&decided, span) {
        (Err(NoStageReason::DialysisDependence | NoStageReason::No90DaySpan), _) | (_, None) => {
            values
        }
        (_, Some(span)) => span.to_vec(),
    };
    let message = message(&decided, &shown, &latest, lang);
    Some(SuggestedCkdStage {
        stage: decided.ok(),
        reason: decided.err(),
        values: shown,
        written_into_case: false,
        source: "kdigo_2012_ckd",
        message,
    })
}

/// The values from the latest one at least [`MIN_DAYS_APART`] days before `latest` (and
/// every value that day) to the end; `None` when no value is that early.
fn span_of(values: &[EgfrValue], latest: Date) -> Option<&[EgfrValue]> {
    let early_enough = |v: &EgfrValue| latest.day_number() - v.day.day_number() >= MIN_DAYS_APART;
    let anchor = values.iter().rev().find(|v| early_enough(v))?.day;
    let start = values.iter().position(|v| v.day == anchor)?;
    Some(&values[start..])
}

/// The one category of the span, or why there is none.
fn span_category(values: &[EgfrValue], latest: Date) -> Result<CkdStage, NoStageReason> {
    let span = span_of(values, latest).ok_or(NoStageReason::No90DaySpan)?;
    let category = span[span.len() - 1].category;
    if span.iter().all(|v| v.category == category) {
        Ok(category)
    } else {
        Err(NoStageReason::CategoriesDiffer)
    }
}

fn message(
    decided: &Result<CkdStage, NoStageReason>,
    shown: &[EgfrValue],
    latest: &EgfrValue,
    lang: Lang,
) -> String {
    let earliest = &shown[0];
    let (earlier, earlier_date) = (earliest.value, &earliest.date);
    let (latest_value, latest_date) = (latest.value, &latest.date);
    let days = latest.day.day_number() - earliest.day.day_number();
    let text = match decided {
        Ok(_) => msg::fhir::CKD_SUGGESTED,
        Err(reason) => reason.text(),
    };
    let stage = decided.map_or("", |s| s.id());
    let minimum = MIN_DAYS_APART;
    tr!(
        lang,
        text,
        stage,
        earlier,
        earlier_date,
        latest = latest_value,
        latest_date,
        days,
        minimum
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kdigo_2012_category_starts_at_its_lower_bound() {
        for (value, stage) in [
            (90.0, CkdStage::G1),
            (89.9, CkdStage::G2),
            (60.0, CkdStage::G2),
            (59.9, CkdStage::G3a),
            (45.0, CkdStage::G3a),
            (44.9, CkdStage::G3b),
            (30.0, CkdStage::G3b),
            (29.9, CkdStage::G4),
            (15.0, CkdStage::G4),
            (14.9, CkdStage::G5),
            (0.0, CkdStage::G5),
        ] {
            assert_eq!(gfr_category(value), Some(stage), "{value}");
        }
        assert_eq!(gfr_category(-1.0), None);
    }
}
