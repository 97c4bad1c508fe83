//! `findings.malignancy_over_5_years_ago` from the dates of the record's malignancy
//! Conditions (ICD-10-CM C00–C96, history Z85, their SNOMED CT concepts). The finding is
//! the 5-year limit of the cord-blood cell trial NCT05999656 ("malignant disease … within
//! the past 5 years" excludes; see `msc.rs`), counted back from the report's date (the
//! latest observation used, the age's date too).
//!
//! - `false` when a malignancy is active, or ended (`abatementDateTime`) on or after the
//!   day 5 years before that date: one is enough, whatever the others say.
//! - `true` only when every malignancy recorded is resolved or history and ended more
//!   than 5 years before.
//! - Otherwise unknown, listed with the reason: an unconfirmed malignancy, a past one
//!   without a full end date (its onset or recorded date does not say when it was
//!   treated; a Z85 history code usually has none), or no dated observation.

use super::codes::ConditionTarget;
use super::condition::{record, ConditionFact, State};
use super::importer::Output;
use super::report::NotMappedReason;
use crate::core::date::Date;
use crate::core::findings::FindingId;

const FIELD: &str = "findings.malignancy_over_5_years_ago";

/// The trial's limit, in years.
pub const YEARS: i32 = 5;

/// Whether a Condition's code is a malignancy (active, or its history).
pub(super) fn is_malignancy(target: ConditionTarget) -> bool {
    matches!(
        target,
        ConditionTarget::Finding {
            finding: FindingId::ActiveMalignancy,
            ..
        } | ConditionTarget::History(FindingId::MalignancyHistory)
    )
}

#[derive(Debug, Clone, PartialEq)]
enum Timing {
    /// Active, or ended on or after the day 5 years back; the date shown.
    Within(Option<String>),
    /// Ended more than 5 years back, on this day.
    Over(Date),
    Unknown(NotMappedReason),
}

fn timing(fact: &ConditionFact, reference: Option<Date>) -> Timing {
    let active =
        fact.state == State::Present && matches!(fact.target, ConditionTarget::Finding { .. });
    if fact.state == State::Unconfirmed {
        return Timing::Unknown(NotMappedReason::MalignancyUnconfirmed);
    }
    if active {
        return Timing::Within(fact.date.clone());
    }
    let Some(end) = fact.abatement.as_deref().and_then(Date::of_date_time) else {
        return Timing::Unknown(NotMappedReason::NoAbatementDate);
    };
    let Some(reference) = reference else {
        return Timing::Unknown(NotMappedReason::NoReferenceDate);
    };
    if end.more_than_years_before(reference, YEARS) {
        Timing::Over(end)
    } else {
        Timing::Within(Some(end.to_string()))
    }
}

/// Writes the finding, or lists it as not mapped with the reason (or as not in the record
/// when no malignancy is recorded, by the caller's list).
pub(super) fn finish(facts: &[ConditionFact], out: &mut Output, reference: Option<Date>) {
    let timed: Vec<(&ConditionFact, Timing)> = facts
        .iter()
        .filter(|f| is_malignancy(f.target) && f.state != State::Refuted)
        .map(|f| (f, timing(f, reference)))
        .collect();
    if timed.is_empty() {
        return;
    }
    let within = timed.iter().find_map(|(f, t)| match t {
        Timing::Within(date) => Some((*f, date.clone())),
        _ => None,
    });
    if let Some((fact, date)) = within {
        return set(out, false, fact, date);
    }
    let unknown: Vec<(&ConditionFact, NotMappedReason)> = timed
        .iter()
        .filter_map(|(f, t)| match t {
            Timing::Unknown(reason) => Some((*f, *reason)),
            _ => None,
        })
        .collect();
    if let Some((_, reason)) = unknown.first() {
        let resources = unknown.iter().map(|(f, _)| f.resource.clone()).collect();
        return out.not_mapped(FIELD, *reason, resources);
    }
    // Every one ended more than 5 years back: the most recent end is shown.
    let last = timed.iter().filter_map(|(f, t)| match t {
        Timing::Over(end) => Some((*end, *f)),
        _ => None,
    });
    if let Some((end, fact)) = last.max_by_key(|(end, _)| *end) {
        set(out, true, fact, Some(end.to_string()));
    }
}

fn set(out: &mut Output, value: bool, fact: &ConditionFact, date: Option<String>) {
    if !out.set_finding_once(FindingId::MalignancyOver5YearsAgo, value) {
        return;
    }
    let mut shown = fact.clone();
    shown.date = date;
    record(
        out,
        FIELD.to_string(),
        serde_json::Value::from(value),
        &shown,
    );
}
