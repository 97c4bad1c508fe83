//! `Observation` → labs, weight and height. A value with a comparator (`<0.5`) is never
//! read as exact; entered-in-error and cancelled results are skipped; the latest
//! `effective[x]` per lab wins and the earlier ones are reported as superseded (or become
//! follow-up visits, one per date, with [`super::Options::earlier_draws_as_visits`]).

use std::collections::BTreeMap;

use super::codes::{
    observation_target, ObservationTarget, HEIGHT_UNITS, LOINC, QUALITATIVE_CODES,
    QUALITATIVE_WORDS, UCUM_SPELLINGS, WEIGHT_UNITS,
};
use super::egfr::EgfrValue;
use super::importer::{Importer, Output};
use super::model::{CodeableConcept, Observation, Peek, Quantity};
use super::report::{MatchedBy, SkipReason};
use super::Options;
use crate::core::case::{LabEntry, Visit};
use crate::core::date::Date;
use crate::core::labs::{lab, Lab, LabId, LabKind, Unit};

#[derive(Debug, Clone)]
enum DrawValue {
    Numeric {
        value: f64,
        unit: &'static str,
        low: Option<f64>,
        high: Option<f64>,
    },
    Result(&'static str, MatchedBy),
}

#[derive(Debug, Clone)]
pub(super) struct Draw {
    resource: String,
    value: DrawValue,
    effective: Option<String>,
    day: Option<Date>,
    code: String,
}

impl Draw {
    /// Undated draws sort first: any dated draw is later.
    fn order_key(&self) -> (Option<Date>, Option<&str>) {
        (self.day, self.effective.as_deref())
    }
}

#[derive(Debug, Default)]
pub struct Observations {
    labs: BTreeMap<LabId, Vec<Draw>>,
    weight: Vec<Draw>,
    height: Vec<Draw>,
    /// Read for the report's suggested CKD stage only ([`super::egfr`]).
    pub(super) egfr: Vec<EgfrValue>,
}

impl Importer {
    pub(super) fn read_observation(&mut self, text: &str, name: &str) {
        let Ok(observation) = serde_json::from_str::<Observation>(text) else {
            return self.skip(name, None, SkipReason::Invalid, None);
        };
        if self.other_patient(observation.subject.as_ref()) {
            return self.skip(name, None, SkipReason::OtherPatient, None);
        }
        let code = observation.code.as_ref();
        let any_code = code
            .and_then(|c| c.codes().next())
            .map(|(s, c)| format!("{s}|{c}"));
        let Some(loinc) = code.and_then(|c| c.code_in(LOINC)) else {
            let reason = if any_code.is_some() {
                SkipReason::UnknownCode
            } else {
                SkipReason::NoCode
            };
            return self.skip(name, any_code, reason, None);
        };
        let code = Some(format!("{LOINC}|{loinc}"));
        match observation.status.as_deref() {
            Some("entered-in-error") => {
                return self.skip(name, code, SkipReason::EnteredInError, None)
            }
            Some("cancelled") => return self.skip(name, code, SkipReason::Cancelled, None),
            _ => {}
        }
        let Some(target) = observation_target(loinc) else {
            return self.skip(name, code, SkipReason::UnknownCode, None);
        };
        let value = match target {
            ObservationTarget::Egfr => return self.read_egfr(name, loinc, &observation),
            ObservationTarget::Lab(id) => lab_value(lab(id), &observation),
            ObservationTarget::BodyWeight => body_value(&observation, WEIGHT_UNITS, "kg"),
            ObservationTarget::BodyHeight => body_value(&observation, HEIGHT_UNITS, "cm"),
        };
        let value = match value {
            Ok(value) => value,
            Err((reason, detail)) => return self.skip(name, code, reason, detail),
        };
        let effective = effective(&observation);
        let day = effective.as_deref().and_then(Date::of_date_time);
        let draw = Draw {
            resource: name.to_string(),
            value,
            effective,
            day,
            code: format!("{LOINC}|{loinc}"),
        };
        let draws = match target {
            ObservationTarget::Lab(id) => self.observations.labs.entry(id).or_default(),
            ObservationTarget::BodyWeight => &mut self.observations.weight,
            _ => &mut self.observations.height,
        };
        draws.push(draw);
    }
}

/// When the sample was taken: `effective[x]` (a period's start, else its end).
pub(super) fn effective(observation: &Observation) -> Option<String> {
    observation
        .effective_date_time
        .clone()
        .or_else(|| observation.effective_instant.clone())
        .or_else(|| {
            let period = observation.effective_period.as_ref()?;
            period.start.clone().or_else(|| period.end.clone())
        })
}

/// An Observation whose LOINC code the reader does not map (and whose status would not
/// skip it first): its `system|code`, so it is skipped without reading the rest. The same
/// verdict as [`Importer::read_observation`], read from the first pass.
pub(super) fn unmapped_loinc(resource_type: &str, peek: &Peek) -> Option<String> {
    if resource_type != "Observation" {
        return None;
    }
    if matches!(
        peek.status.as_deref(),
        Some("entered-in-error" | "cancelled")
    ) {
        return None;
    }
    let loinc = peek.code.as_ref()?.code_in(LOINC)?;
    observation_target(loinc)
        .is_none()
        .then(|| format!("{LOINC}|{loinc}"))
}

pub(super) type Refusal = (SkipReason, Option<String>);

fn lab_value(lab: &Lab, observation: &Observation) -> Result<DrawValue, Refusal> {
    match lab.kind {
        LabKind::Numeric { .. } => numeric_value(lab, observation),
        LabKind::Qualitative { results } => {
            let (result, how) = qualitative_answer(observation)?;
            if results.iter().any(|(id, _)| *id == result) {
                Ok(DrawValue::Result(result, how))
            } else {
                Err((SkipReason::UnknownAnswer, Some(result.to_string())))
            }
        }
    }
}

/// The quantity's exact value, or why there is none.
pub(super) fn exact_value(observation: &Observation) -> Result<(f64, &Quantity), Refusal> {
    let Some(quantity) = &observation.value_quantity else {
        let written = observation.value_string.clone();
        return match written {
            Some(text) if text.trim_start().starts_with(['<', '>', '≤', '≥']) => {
                Err((SkipReason::Comparator, Some(text)))
            }
            other => Err((SkipReason::NoValue, other)),
        };
    };
    if let Some(comparator) = &quantity.comparator {
        let shown = format!(
            "{comparator}{}",
            quantity.value.map_or(String::new(), |v| v.to_string())
        );
        return Err((SkipReason::Comparator, Some(shown)));
    }
    match quantity.value {
        Some(value) if value.is_finite() => Ok((value, quantity)),
        _ => Err((SkipReason::NoValue, None)),
    }
}

fn numeric_value(lab: &Lab, observation: &Observation) -> Result<DrawValue, Refusal> {
    let (value, quantity) = exact_value(observation)?;
    let unit = catalogue_unit(lab, quantity).ok_or_else(|| {
        let written = quantity.code.clone().or_else(|| quantity.unit.clone());
        (SkipReason::UnknownUnit, written)
    })?;
    let range = observation.reference_range.first();
    let limit = |q: Option<&Quantity>| q.and_then(|q| in_unit(lab, q, unit));
    Ok(DrawValue::Numeric {
        value,
        unit: unit.symbol,
        low: range.and_then(|r| limit(r.low.as_ref())),
        high: range.and_then(|r| limit(r.high.as_ref())),
    })
}

/// The catalogue's unit for a quantity: its UCUM code (respelled), then its written unit.
fn catalogue_unit(lab: &Lab, quantity: &Quantity) -> Option<&'static Unit> {
    let respell = |text: &str| {
        UCUM_SPELLINGS
            .iter()
            .find(|(ucum, _)| *ucum == text)
            .map_or(text.to_string(), |(_, spelling)| spelling.to_string())
    };
    let parse = |text: &str| lab.parse_unit(&respell(text));
    quantity
        .code
        .as_deref()
        .and_then(parse)
        .or_else(|| quantity.unit.as_deref().and_then(parse))
}

/// A reference limit converted into `unit` (exact factors of the catalogue).
fn in_unit(lab: &Lab, quantity: &Quantity, unit: &Unit) -> Option<f64> {
    if quantity.comparator.is_some() {
        return None;
    }
    let value = quantity.value?;
    let given = catalogue_unit(lab, quantity).unwrap_or(unit);
    let converted = value * given.to_canonical / unit.to_canonical;
    Some((converted * 1e6).round() / 1e6)
}

fn qualitative_answer(observation: &Observation) -> Result<(&'static str, MatchedBy), Refusal> {
    let concept = observation.value_codeable_concept.as_ref();
    let by_code = concept.and_then(|c: &CodeableConcept| {
        c.codes().find_map(|(system, code)| {
            QUALITATIVE_CODES
                .iter()
                .find(|(s, c, _)| *s == system && *c == code)
                .map(|(_, _, result)| *result)
        })
    });
    if let Some(result) = by_code {
        return Ok((result, MatchedBy::AnswerCode));
    }
    let texts = concept
        .into_iter()
        .flat_map(CodeableConcept::texts)
        .chain(observation.value_string.as_deref());
    for text in texts {
        let folded = text.trim().to_lowercase();
        if let Some((_, result)) = QUALITATIVE_WORDS.iter().find(|(w, _)| *w == folded) {
            return Ok((result, MatchedBy::AnswerText));
        }
    }
    let written = concept
        .and_then(|c| c.texts().next().map(str::to_string))
        .or_else(|| observation.value_string.clone());
    Err((
        if written.is_some() {
            SkipReason::UnknownAnswer
        } else {
            SkipReason::NoValue
        },
        written,
    ))
}

fn body_value(
    observation: &Observation,
    units: &[(&str, f64)],
    unit: &'static str,
) -> Result<DrawValue, Refusal> {
    let (value, quantity) = exact_value(observation)?;
    let code = quantity.code.as_deref().or(quantity.unit.as_deref());
    let factor = units
        .iter()
        .find(|(u, _)| Some(*u) == code)
        .map(|(_, f)| *f)
        .ok_or((SkipReason::UnknownUnit, code.map(str::to_string)))?;
    let value = (value * factor * 1e6).round() / 1e6;
    Ok(DrawValue::Numeric {
        value,
        unit,
        low: None,
        high: None,
    })
}

impl Observations {
    /// Writes the winning draws; returns the date of the latest one (the age's date).
    pub(super) fn finish(self, out: &mut Output, options: Options) -> Option<Date> {
        let mut latest: Option<Date> = None;
        let mut earlier: BTreeMap<Date, Vec<(LabId, Draw)>> = BTreeMap::new();
        for (id, draws) in self.labs {
            let (winner, rest) = latest_first(draws);
            latest = latest.max(winner.day);
            write_lab(out, id, &winner, None);
            for draw in rest {
                match draw.day {
                    Some(day) if options.earlier_draws_as_visits && Some(day) < winner.day => {
                        earlier.entry(day).or_default().push((id, draw))
                    }
                    _ => superseded(out, &draw, &winner),
                }
            }
        }
        for (draws, field) in [
            (self.weight, "patient.weight_kg"),
            (self.height, "patient.height_cm"),
        ] {
            if draws.is_empty() {
                continue;
            }
            let (winner, rest) = latest_first(draws);
            latest = latest.max(winner.day);
            if let DrawValue::Numeric { value, unit, .. } = winner.value {
                if field == "patient.weight_kg" {
                    out.case.patient.weight_kg = Some(value);
                } else {
                    out.case.patient.height_cm = Some(value);
                }
                let date = winner.day.map(|d| d.to_string());
                let code = Some(winner.code.clone());
                let value = serde_json::Value::from(value);
                out.mapped(
                    field.into(),
                    value,
                    Some(unit.into()),
                    date,
                    code,
                    &winner.resource,
                    MatchedBy::Loinc,
                );
            }
            rest.iter().for_each(|draw| superseded(out, draw, &winner));
        }
        write_visits(out, earlier);
        latest
    }
}

/// The latest draw and the others.
fn latest_first(mut draws: Vec<Draw>) -> (Draw, Vec<Draw>) {
    draws.sort_by(|a, b| a.order_key().cmp(&b.order_key()));
    let winner = draws.pop().expect("a lab has at least one draw");
    (winner, draws)
}

fn superseded(out: &mut Output, draw: &Draw, winner: &Draw) {
    let detail = winner
        .effective
        .clone()
        .or_else(|| Some(winner.resource.clone()));
    out.skip(
        &draw.resource,
        Some(draw.code.clone()),
        SkipReason::Superseded,
        detail,
    );
}

/// One lab entry, in the case's labs or a visit's (`visit` = its index).
fn write_lab(out: &mut Output, id: LabId, draw: &Draw, visit: Option<usize>) {
    let date = draw.day.map(|d| d.to_string());
    let (entry, value, unit, how) = match &draw.value {
        DrawValue::Numeric {
            value,
            unit,
            low,
            high,
        } => {
            let entry = LabEntry {
                value: Some(*value),
                unit: Some(unit.to_string()),
                date: date.clone(),
                reference_low: *low,
                reference_high: *high,
                ..Default::default()
            };
            (
                entry,
                serde_json::Value::from(*value),
                Some(unit.to_string()),
                MatchedBy::Loinc,
            )
        }
        DrawValue::Result(result, how) => {
            let entry = LabEntry {
                result: Some(result.to_string()),
                date: date.clone(),
                ..Default::default()
            };
            (entry, serde_json::Value::from(*result), None, *how)
        }
    };
    let field = match visit {
        None => {
            out.case.labs.insert(id.id().to_string(), entry);
            format!("labs.{}", id.id())
        }
        Some(index) => {
            out.case.visits[index]
                .labs
                .insert(id.id().to_string(), entry);
            format!("visits[{index}].labs.{}", id.id())
        }
    };
    let code = Some(draw.code.clone());
    out.mapped(field, value, unit, date, code, &draw.resource, how);
}

fn write_visits(out: &mut Output, earlier: BTreeMap<Date, Vec<(LabId, Draw)>>) {
    for (day, draws) in earlier {
        let index = out.case.visits.len();
        out.case.visits.push(Visit {
            date: Some(day.to_string()),
            ..Default::default()
        });
        // The latest of a day first: an earlier one the same day is superseded by it.
        for (id, draw) in draws.into_iter().rev() {
            let already = out.case.visits[index].labs.contains_key(id.id());
            if already {
                let winner = draw.clone();
                superseded(out, &draw, &winner);
            } else {
                write_lab(out, id, &draw, Some(index));
            }
        }
    }
}
