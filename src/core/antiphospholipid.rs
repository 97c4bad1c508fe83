//! Antiphospholipid antibodies against the 2023 ACR/EULAR APS classification criteria
//! (Barbhaiya 2023, doi:10.1002/art.42624): the titre of anticardiolipin and anti-β2GPI
//! (IgG/IgM by ELISA; "Moderate: 40–79 units High: ≥80 units") and persistence ("Persistent
//! positivity (at 12 weeks)"), read from the case's labs and its dated follow-up visits.

use serde::Serialize;

use super::case::{Case, LabEntry};
use super::date::Date;
use super::i18n::Lang;
use super::inputs::{validate_lab, Flag, LabValue};
use super::labs::{lab, LabId};

/// The lowest titre the criteria count ("moderate"), in the assay's units.
pub const APL_MODERATE_UNITS: f64 = 40.0;
/// The lowest "high" titre.
pub const APL_HIGH_UNITS: f64 = 80.0;
/// Two positive results at least this many weeks apart make positivity persistent.
pub const APL_PERSISTENCE_WEEKS: f64 = 12.0;

/// The antiphospholipid tests of the criteria.
pub const ANTIPHOSPHOLIPID: &[LabId] = &[
    LabId::LupusAnticoagulant,
    LabId::AnticardiolipinIgg,
    LabId::AnticardiolipinIgm,
    LabId::AntiB2gp1Igg,
    LabId::AntiB2gp1Igm,
];

/// The ELISA antibodies, graded by titre (the lupus anticoagulant is positive or not).
const TITRED: &[LabId] = &[
    LabId::AnticardiolipinIgg,
    LabId::AnticardiolipinIgm,
    LabId::AntiB2gp1Igg,
    LabId::AntiB2gp1Igm,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AplTitre {
    /// Below 40 units: not counted by the criteria, whatever the laboratory's flag.
    BelowCriteria,
    /// 40–79 units.
    Moderate,
    /// 80 units or more.
    High,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Persistence {
    /// Positive on two dated occasions at least 12 weeks apart.
    Confirmed,
    /// One positive result, or none dated 12 weeks or more after another.
    Unconfirmed,
}

/// The criteria's grade of an ELISA titre; `None` for a test the criteria do not grade.
pub fn titre(test: LabId, units: f64) -> Option<AplTitre> {
    TITRED.contains(&test).then_some(match units {
        u if u >= APL_HIGH_UNITS => AplTitre::High,
        u if u >= APL_MODERATE_UNITS => AplTitre::Moderate,
        _ => AplTitre::BelowCriteria,
    })
}

/// Whether one result is positive as the criteria count it: a lupus anticoagulant
/// positive, an ELISA titre of at least 40 units.
pub fn criteria_positive(test: LabId, value: &LabValue) -> bool {
    match value.canonical() {
        Some(units) => titre(test, units).is_some_and(|t| t != AplTitre::BelowCriteria),
        None => value.flag() == Some(Flag::High),
    }
}

/// The dates of the criteria-positive results of a test: the case's own entry and each
/// visit's (a visit lab without its own date takes the visit's). Undated results are left
/// out: persistence needs the interval.
fn positive_dates(test: LabId, case: &Case, lang: Lang) -> Vec<Date> {
    let id = test.id();
    let positive_on = |entry: &LabEntry, fallback: Option<&String>| -> Option<Date> {
        let value = validate_lab(lab(test), entry, lang).ok()?;
        let date = entry.date.as_ref().or(fallback)?;
        criteria_positive(test, &value)
            .then(|| Date::parse(date))
            .flatten()
    };
    let own = case.labs.get(id).and_then(|entry| positive_on(entry, None));
    let visits = case.visits.iter().filter_map(|visit| {
        visit
            .labs
            .get(id)
            .and_then(|entry| positive_on(entry, visit.date.as_ref()))
    });
    own.into_iter().chain(visits).collect()
}

/// Persistence of a criteria-positive test: confirmed when two positive results are dated
/// at least 12 weeks (84 days) apart.
pub fn persistence(test: LabId, case: &Case, lang: Lang) -> Persistence {
    let days: Vec<u32> = positive_dates(test, case, lang)
        .iter()
        .map(|d| d.day_number())
        .collect();
    let (first, last) = (days.iter().min(), days.iter().max());
    let apart = match (first, last) {
        (Some(first), Some(last)) => f64::from(last - first),
        _ => 0.0,
    };
    if apart >= APL_PERSISTENCE_WEEKS * 7.0 {
        Persistence::Confirmed
    } else {
        Persistence::Unconfirmed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titres_at_the_criteria_cut_points() {
        let grade = |u| titre(LabId::AnticardiolipinIgg, u);
        assert_eq!(grade(39.0), Some(AplTitre::BelowCriteria));
        assert_eq!(grade(40.0), Some(AplTitre::Moderate));
        assert_eq!(grade(79.0), Some(AplTitre::Moderate));
        assert_eq!(grade(80.0), Some(AplTitre::High));
        assert_eq!(titre(LabId::LupusAnticoagulant, 90.0), None);
    }
}
