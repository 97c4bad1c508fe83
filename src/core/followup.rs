//! Follow-up tracking: how the markers of the published hAMSC cases moved between the
//! case's visits (`visits`, `docs/case-format-visits.md`).
//!
//! Visits are sorted by date (a visit without a valid date is an input error and left
//! out). For each marker with a value at two or more visits, the first of them is the
//! baseline and the last the latest value; the change is judged
//!
//! - for wound area, wound count and pain: *improved* when lower, *worsened* when higher;
//! - for the quality-of-life score: only for instruments where the direction is known
//!   ([`QOL_LOWER_IS_BETTER`]: Wound-QoL scores the burden of the wound, so lower is
//!   better); any other or unnamed instrument, or an instrument that changed between
//!   visits, is *not judged*;
//! - for numeric labs (in the catalogue's canonical unit): against the reference interval
//!   (the latest entry's laboratory limits when it gives them, else the catalogue's):
//!   *toward the range* when the distance from the interval shrank, *away from it* when it
//!   grew, *within range throughout* when every value lay inside it.
//!
//! Nothing here is a treatment response criterion: there is none for calciphylaxis. The
//! markers are those the published hAMSC reports followed (`seed_hamsc_salvage`,
//! `seed_hamsc_hypercoag_2023`).

use crate::core::i18n::msg;
use std::collections::BTreeMap;

use serde::Serialize;

use super::case::{Case, Issue, Route, TreatmentKind, Visit};
use super::date::Date;
use super::field_path::{FieldPath, Key, TreatmentField, VisitField, VisitPath};
use super::i18n::Lang;
use super::inputs::{round_significant, validate_labs, LabValue};
use super::labs::{decimals_for, fmt_number, known_lab, lab, LabId, LabKind, Reference, LABS};
use crate::tr;

/// QoL instruments on which a lower score is better (compared ignoring case, spaces and
/// hyphens). Wound-QoL (17 items scored 0–4) measures the wound's burden: its global score
/// (item mean, 0–4) or the item sum (0–68, as the salvage report gives it) fall as life
/// improves. Other instruments are not judged: on some of them higher is better.
pub const QOL_LOWER_IS_BETTER: &[&str] = &["Wound-QoL"];

/// Plausible upper limits (typo guards) of the clinical markers.
const MAX_WOUND_AREA_CM2: f64 = 20_000.0;
const MAX_WOUND_COUNT: f64 = 1_000.0;
const WOUND_QOL_MAX: f64 = 68.0;

const SEEDS: &[&str] = &["seed_hamsc_salvage", "seed_hamsc_hypercoag_2023"];
const HYPERCOAG: &[&str] = &["seed_hamsc_hypercoag_2023"];

/// How a marker moved from the baseline to the latest value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Lower-is-better marker (wound area, wound count, pain, Wound-QoL) went down.
    Improved,
    /// Lower-is-better marker went up.
    Worsened,
    /// Same value at baseline and latest; for a lab, the same distance from the range.
    Unchanged,
    /// Lab: closer to the reference interval than at baseline (possibly inside it now).
    TowardRange,
    /// Lab: farther from the reference interval than at baseline.
    AwayFromRange,
    /// Lab: inside the reference interval at every visit.
    WithinRangeThroughout,
    /// No rule says which way is better (QoL instrument unknown or changed).
    NotJudged,
}

impl Direction {
    /// True for the favourable directions.
    pub fn is_favourable(self) -> bool {
        matches!(self, Direction::Improved | Direction::TowardRange)
    }

    /// True for the unfavourable directions.
    pub fn is_unfavourable(self) -> bool {
        matches!(self, Direction::Worsened | Direction::AwayFromRange)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Direction::Improved => msg::followup::LABEL_IMPROVED.get(lang),
            Direction::Worsened => msg::followup::LABEL_WORSENED.get(lang),
            Direction::Unchanged => msg::followup::LABEL_UNCHANGED.get(lang),
            Direction::TowardRange => msg::followup::LABEL_TOWARD_THE_REFERENCE_RANGE.get(lang),
            Direction::AwayFromRange => {
                msg::followup::LABEL_AWAY_FROM_THE_REFERENCE_RANGE.get(lang)
            }
            Direction::WithinRangeThroughout => {
                msg::followup::LABEL_WITHIN_THE_REFERENCE_RANGE_THROUGHOUT.get(lang)
            }
            Direction::NotJudged => msg::followup::LABEL_NOT_JUDGED.get(lang),
        }
    }
}

id_enum! {
    /// The clinical markers a visit records (the labs are the catalogue's), with the one
    /// name each has wherever it is shown: trend, table, "measured at one visit only",
    /// field errors. Its id is the key of the visit (`visits[].pain_score`) and the
    /// trend's id.
    ClinicalMarker {
        WoundArea = "wound_area_cm2" => msg::followup::TEXT_WOUND_AREA,
        WoundCount = "wound_count" => msg::followup::TEXT_NUMBER_OF_WOUNDS,
        PainScore = "pain_score" => msg::followup::TEXT_PAIN_SCORE_NRS_VAS,
        QolScore = "qol_score" => msg::followup::TEXT_QUALITY_OF_LIFE_SCORE,
    }
}

impl ClinicalMarker {
    fn visit_field(self) -> VisitField {
        match self {
            ClinicalMarker::WoundArea => VisitField::WoundArea,
            ClinicalMarker::WoundCount => VisitField::WoundCount,
            ClinicalMarker::PainScore => VisitField::Pain,
            ClinicalMarker::QolScore => VisitField::Qol,
        }
    }
}

/// The name of a tracked marker (a [`MarkerTrend::id`] or a
/// [`FollowUp::single_measurement`] entry): clinical, or the lab's catalogue name.
pub fn marker_name(id: &str, lang: Lang) -> String {
    ClinicalMarker::ALL
        .iter()
        .find(|m| m.id() == id)
        .map(|m| m.name(lang))
        .or_else(|| known_lab(id).map(|l| l.name(lang)))
        .map_or_else(
            || tr!(lang, msg::followup::MARKER_NAME_UNKNOWN_MARKER_ID, id),
            str::to_string,
        )
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerKind {
    /// Wound area, wound count, pain, QoL.
    Clinical,
    /// A numeric lab of the catalogue.
    Lab,
}

/// One dated value (labs in the canonical unit).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TrendPoint {
    pub date: String,
    pub value: f64,
}

/// A reference interval in the marker's unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ReferenceRange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub high: Option<f64>,
}

/// One tracked marker: its values by date and how it moved.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarkerTrend {
    /// `wound_area_cm2`, `wound_count`, `pain_score`, `qol_score` or a lab id.
    pub id: String,
    pub kind: MarkerKind,
    pub name: String,
    /// Language-neutral unit: the lab's canonical unit, `cm²`, `0–10`, the QoL instrument,
    /// or empty for a count.
    pub unit: String,
    /// Every value, sorted by date.
    pub points: Vec<TrendPoint>,
    /// The first visit with a value.
    pub baseline: TrendPoint,
    /// The last visit with a value.
    pub latest: TrendPoint,
    /// latest − baseline.
    pub change: f64,
    /// (latest − baseline) ÷ |baseline| × 100; absent when the baseline is 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent_change: Option<f64>,
    pub direction: Direction,
    /// Labs only: the interval the direction was judged against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<ReferenceRange>,
    pub basis: String,
    pub sources: Vec<&'static str>,
}

impl MarkerTrend {
    /// `(date, value)` pairs, the input of the trend chart.
    pub fn series(&self) -> Vec<(String, f64)> {
        self.points
            .iter()
            .map(|p| (p.date.clone(), p.value))
            .collect()
    }

    /// `(low, high)` for the chart's reference band.
    pub fn reference_bounds(&self) -> Option<(Option<f64>, Option<f64>)> {
        self.reference.map(|r| (r.low, r.high))
    }
}

/// The first visit with an MSC treatment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TreatmentStart {
    pub date: String,
    /// The routes recorded at that visit (empty when none was given).
    pub routes: Vec<Route>,
    pub basis: String,
    pub sources: Vec<&'static str>,
}

/// The response summary of a case's follow-up visits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    /// Visits with a valid date (those used).
    pub visit_count: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub treatment_start: Option<TreatmentStart>,
    /// Markers with values at two or more visits: clinical first, then labs in catalogue
    /// order.
    pub markers: Vec<MarkerTrend>,
    /// Markers with a value at one visit only (no trend): their ids (named by
    /// [`marker_name`]).
    pub single_measurement: Vec<String>,
    pub summary: String,
    /// Every source id used above.
    pub sources: Vec<&'static str>,
}

/// A visit whose date is valid, with the values that passed their checks.
struct CheckedVisit {
    index: usize,
    date: Date,
    markers: VisitMarkers,
    labs: BTreeMap<LabId, LabValue>,
    msc_routes: Option<Vec<Route>>,
}

/// A visit's clinical markers that passed their checks.
struct VisitMarkers {
    wound_area: Option<f64>,
    wound_count: Option<f64>,
    pain: Option<f64>,
    qol: Option<f64>,
    qol_instrument: Option<String>,
}

fn is_wound_qol(instrument: &str) -> bool {
    let fold = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase()
    };
    QOL_LOWER_IS_BETTER
        .iter()
        .any(|name| fold(name) == fold(instrument))
}

fn check(case: &Case, lang: Lang) -> (Vec<CheckedVisit>, Vec<Issue>, Vec<Issue>) {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut checked: Vec<CheckedVisit> = Vec::new();
    for (index, visit) in case.visits.iter().enumerate() {
        // The order of the checks is the order of the messages: markers, labs, treatments,
        // then the date.
        let markers = VisitMarkers::check(index, visit, lang, &mut errors);
        let labs = validate_labs(
            &visit.labs,
            |id| FieldPath::visit_lab(index, id),
            lang,
            &mut errors,
            &mut warnings,
        );
        let msc_routes = msc_routes(index, visit, lang, &mut warnings);
        let Some(date) = visit_date(index, visit, lang, &mut errors) else {
            continue;
        };
        if checked.iter().any(|v| v.date == date) {
            let date = visit.date.as_deref().unwrap_or_default();
            warnings.push(Issue::new(
                FieldPath::visit(index, VisitField::Date),
                tr!(lang, msg::followup::CHECK_ANOTHER_VISIT_HAS_THE_SAME, date),
            ));
        }
        checked.push(CheckedVisit {
            index,
            date,
            markers,
            labs,
            msc_routes,
        });
    }
    // Stable: visits on the same date keep the file's order.
    checked.sort_by_key(|v| (v.date, v.index));
    (checked, errors, warnings)
}

impl VisitMarkers {
    /// The clinical markers of one visit that pass their range checks; the others are
    /// input errors and left out.
    fn check(index: usize, visit: &Visit, lang: Lang, errors: &mut Vec<Issue>) -> Self {
        let mut in_range = |marker: ClinicalMarker, value, (low, high), whole| {
            let field = FieldPath::visit(index, marker.visit_field());
            marker_in_range(field, value?, (low, high), whole, lang)
                .map_err(|issue| errors.push(issue))
                .ok()
        };
        let wound_area = in_range(
            ClinicalMarker::WoundArea,
            visit.wound_area_cm2,
            (0.0, MAX_WOUND_AREA_CM2),
            false,
        );
        let wound_count = in_range(
            ClinicalMarker::WoundCount,
            visit.wound_count,
            (0.0, MAX_WOUND_COUNT),
            true,
        );
        let pain = in_range(
            ClinicalMarker::PainScore,
            visit.pain_score,
            (0.0, 10.0),
            false,
        );
        let qol_instrument = visit
            .qol_instrument
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        // Only Wound-QoL's range is known; any other instrument's score is only finite.
        let qol_range = if qol_instrument.as_deref().is_some_and(is_wound_qol) {
            (0.0, WOUND_QOL_MAX)
        } else {
            (f64::MIN, f64::MAX)
        };
        let qol = in_range(ClinicalMarker::QolScore, visit.qol_score, qol_range, false);
        VisitMarkers {
            wound_area,
            wound_count,
            pain,
            qol,
            qol_instrument,
        }
    }
}

/// A marker's value when it is a finite number in `low..=high` (and whole when `whole`),
/// else the input error that leaves it out.
fn marker_in_range(
    field: FieldPath,
    value: f64,
    (low, high): (f64, f64),
    whole: bool,
    lang: Lang,
) -> Result<f64, Issue> {
    if !value.is_finite() {
        return Err(Issue::new(
            field,
            msg::followup::CHECK_NOT_A_NUMBER_LEFT_OUT.get(lang),
        ));
    }
    let shown = fmt_number(value, 3);
    let (lo, hi) = (fmt_number(low, 0), fmt_number(high, 0));
    if value < low || value > high {
        return Err(Issue::new(
            field,
            tr!(
                lang,
                msg::followup::CHECK_SHOWN_IS_OUTSIDE_THE_POSSIBLE,
                hi,
                lo,
                shown
            ),
        ));
    }
    if whole && value.fract() != 0.0 {
        return Err(Issue::new(
            field,
            tr!(lang, msg::followup::CHECK_SHOWN_IS_NOT_A_WHOLE, shown),
        ));
    }
    Ok(value)
}

/// The routes of the MSC treatments given at a visit (`None`: no MSC treatment; empty: given,
/// route not recorded). A treatment without a kind is a warning.
fn msc_routes(
    index: usize,
    visit: &Visit,
    lang: Lang,
    warnings: &mut Vec<Issue>,
) -> Option<Vec<Route>> {
    let mut msc_routes: Option<Vec<Route>> = None;
    for (t, treatment) in visit.treatments.iter().enumerate() {
        match treatment.kind {
            Some(TreatmentKind::Msc) => {
                let routes = msc_routes.get_or_insert_with(Vec::new);
                if let Some(route) = treatment.route {
                    if !routes.contains(&route) {
                        routes.push(route);
                    }
                }
            }
            Some(_) => {}
            None => warnings.push(Issue::new(
                FieldPath::Visit(
                    index,
                    Some(VisitPath::Treatment(
                        t,
                        Some(Key::Known(TreatmentField::Kind)),
                    )),
                ),
                msg::followup::CHECK_NO_KIND_OF_TREATMENT_GIVEN.get(lang),
            )),
        }
    }
    msc_routes
}

/// The visit's date; a visit without a valid one is an input error and left out.
fn visit_date(index: usize, visit: &Visit, lang: Lang, errors: &mut Vec<Issue>) -> Option<Date> {
    let field = FieldPath::visit(index, VisitField::Date);
    let Some(date) = visit.date.as_deref() else {
        errors.push(Issue::new(
            field,
            msg::followup::CHECK_NO_DATE_THE_VISIT_CANNOT.get(lang),
        ));
        return None;
    };
    let parsed = Date::parse(date);
    if parsed.is_none() {
        errors.push(Issue::new(field, Date::invalid_message(date, lang)));
    }
    parsed
}

fn num(value: f64) -> String {
    fmt_number(value, decimals_for(value))
}

fn signed(value: f64) -> String {
    if value > 0.0 {
        format!("+{}", num(value))
    } else {
        num(value)
    }
}

fn with_unit(value: f64, unit: &str) -> String {
    if unit.is_empty() {
        num(value)
    } else {
        format!("{} {unit}", num(value))
    }
}

/// Baseline, latest and the change between them, in words: shared by every basis.
fn movement(points: &[TrendPoint], unit: &str, lang: Lang) -> (f64, Option<f64>, String) {
    let (first, last) = (&points[0], &points[points.len() - 1]);
    let change = round_significant(last.value - first.value, 10);
    // A first value near zero makes the ratio overflow: no percentage then, never infinity
    // (which JSON cannot hold).
    let percent = (first.value != 0.0)
        .then(|| round_significant(change / first.value.abs() * 100.0, 10))
        .filter(|p| p.is_finite());
    let (b, l, d0, d1) = (
        with_unit(first.value, unit),
        with_unit(last.value, unit),
        &first.date,
        &last.date,
    );
    let delta = signed(change);
    let pct = percent
        .map(|p| {
            let p = if p > 0.0 {
                format!("+{}", fmt_number(p, 1))
            } else {
                fmt_number(p, 1)
            };
            tr!(lang, msg::followup::MOVEMENT_P, p)
        })
        .unwrap_or_default();
    let n = points.len();
    let text = tr!(
        lang,
        msg::followup::MOVEMENT_B_ON_D0_FIRST_OF,
        b,
        d0,
        d1,
        delta,
        l,
        n,
        pct
    );
    (change, percent, text)
}

fn lower_is_better(change: f64, lang: Lang) -> (Direction, String) {
    let direction = if change < 0.0 {
        Direction::Improved
    } else if change > 0.0 {
        Direction::Worsened
    } else {
        Direction::Unchanged
    };
    let judged = direction.label(lang);
    (
        direction,
        tr!(
            lang,
            msg::followup::LOWER_IS_BETTER_LOWER_IS_BETTER_SO_JUDGED,
            judged
        ),
    )
}

fn clinical_trend(
    id: &str,
    name: String,
    unit: &str,
    points: Vec<TrendPoint>,
    judge: impl FnOnce(f64) -> (Direction, String),
    lang: Lang,
) -> MarkerTrend {
    let (change, percent_change, moved) = movement(&points, unit, lang);
    let (direction, rule) = judge(change);
    let basis = tr!(
        lang,
        msg::followup::CLINICAL_TREND_NAME_MOVED_RULE,
        moved,
        name,
        rule
    );
    MarkerTrend {
        id: id.to_string(),
        kind: MarkerKind::Clinical,
        name,
        unit: unit.to_string(),
        baseline: points[0].clone(),
        latest: points[points.len() - 1].clone(),
        points,
        change,
        percent_change,
        direction,
        reference: None,
        basis,
        sources: SEEDS.to_vec(),
    }
}

/// Distance of a value from a reference interval (0 inside it), rounded so that unit
/// conversions do not create differences.
fn distance(value: f64, reference: &Reference) -> f64 {
    let below = reference.low.map_or(0.0, |low| (low - value).max(0.0));
    let above = reference.high.map_or(0.0, |high| (value - high).max(0.0));
    round_significant(below + above, 9)
}

fn describe_range(reference: &Reference, unit: &str, lang: Lang) -> String {
    match (reference.low, reference.high) {
        (Some(low), Some(high)) => format!("{}–{} {unit}", num(low), num(high)),
        (None, Some(high)) => format!("≤ {} {unit}", num(high)),
        (Some(low), None) => format!("≥ {} {unit}", num(low)),
        (None, None) => msg::followup::DESCRIBE_RANGE_NONE.get(lang).to_string(),
    }
}

fn lab_sources(id: LabId) -> Vec<&'static str> {
    use LabId::*;
    match id {
        Platelets | DDimer | Plasminogen | Fibrinogen | CalciumTotal | CalciumIonized
        | Phosphate => HYPERCOAG.to_vec(),
        PthIntact => vec!["seed_hamsc_hypercoag_2023", "kdigo_2017_ckd_mbd"],
        _ => Vec::new(),
    }
}

/// A numeric lab's values at the visits, in the canonical unit.
struct LabSeries {
    points: Vec<TrendPoint>,
    /// The reference interval of the latest value, and whether it is the laboratory's own.
    latest_reference: (Reference, bool),
    /// Some value was entered in another unit than the canonical one.
    converted: bool,
}

fn lab_series(id: LabId, canonical_unit: &str, visits: &[CheckedVisit]) -> Option<LabSeries> {
    let mut points = Vec::new();
    let mut latest_reference = None;
    let mut converted = false;
    for visit in visits {
        if let Some(LabValue::Numeric {
            canonical,
            unit: entered_unit,
            reference,
            local_reference,
            ..
        }) = visit.labs.get(&id)
        {
            points.push(TrendPoint {
                date: visit.date.to_string(),
                value: *canonical,
            });
            converted |= entered_unit.symbol != canonical_unit;
            latest_reference = Some((*reference, *local_reference));
        }
    }
    Some(LabSeries {
        points,
        latest_reference: latest_reference?,
        converted,
    })
}

/// How a lab moved relative to its reference interval, from its distances from it at
/// each visit.
fn range_direction(distances: &[f64]) -> Direction {
    let (d0, d1) = (distances[0], distances[distances.len() - 1]);
    if distances.iter().all(|d| *d == 0.0) {
        Direction::WithinRangeThroughout
    } else if d1 < d0 {
        Direction::TowardRange
    } else if d1 > d0 {
        Direction::AwayFromRange
    } else {
        Direction::Unchanged
    }
}

/// The judgement against the reference interval in words: `range` is the interval as
/// shown, `(d0, d1)` the baseline's and the latest value's distances from it.
fn range_judgement(
    direction: Direction,
    (d0, d1): (f64, f64),
    range: &str,
    unit: &str,
    lang: Lang,
) -> String {
    let (from, to) = (with_unit(d0, unit), with_unit(d1, unit));
    match direction {
        Direction::WithinRangeThroughout => tr!(
            lang,
            msg::followup::LAB_TREND_EVERY_VALUE_LIES_WITHIN_THE,
            range
        ),
        Direction::TowardRange if d1 == 0.0 => tr!(
            lang,
            msg::followup::LAB_TREND_TOWARD_THE_REFERENCE_RANGE_RANGE,
            from,
            range
        ),
        Direction::TowardRange => tr!(
            lang,
            msg::followup::LAB_TREND_TOWARD_THE_REFERENCE_RANGE_RANGE_2,
            from,
            range,
            to
        ),
        Direction::AwayFromRange => tr!(
            lang,
            msg::followup::LAB_TREND_AWAY_FROM_THE_REFERENCE_RANGE,
            from,
            range,
            to
        ),
        _ if d1 == 0.0 => tr!(
            lang,
            msg::followup::LAB_TREND_WITHIN_THE_REFERENCE_RANGE_RANGE,
            range
        ),
        _ => tr!(
            lang,
            msg::followup::LAB_TREND_AS_FAR_OUTSIDE_THE_REFERENCE,
            range,
            to
        ),
    }
}

/// The interval a lab is judged against, as shown: marked as the latest laboratory's own
/// when it is (`local`).
fn reference_text(reference: &Reference, local: bool, unit: &str, lang: Lang) -> String {
    let range = describe_range(reference, unit, lang);
    if local {
        tr!(
            lang,
            msg::followup::LAB_TREND_RANGE_THE_LATEST_LABORATORY_S,
            range
        )
    } else {
        range
    }
}

/// A numeric lab's trend; `Err(id)` when it was measured at one visit only, `None` when
/// never.
fn lab_trend(
    id: LabId,
    visits: &[CheckedVisit],
    lang: Lang,
) -> Option<Result<MarkerTrend, String>> {
    let lab = lab(id);
    let unit = lab.canonical_unit()?.symbol;
    let series = lab_series(id, unit, visits)?;
    let points = series.points;
    if points.len() < 2 {
        return Some(Err(id.id().to_string()));
    }
    let (reference, local) = series.latest_reference;
    let name = lab.name(lang).to_string();
    let (change, percent_change, moved) = movement(&points, unit, lang);
    let distances: Vec<f64> = points
        .iter()
        .map(|p| distance(p.value, &reference))
        .collect();
    let direction = range_direction(&distances);
    let range = reference_text(&reference, local, unit, lang);
    let ends = (distances[0], distances[distances.len() - 1]);
    let judged = range_judgement(direction, ends, &range, unit, lang);
    let mut basis = tr!(
        lang,
        msg::followup::LAB_TREND_NAME_MOVED_JUDGED,
        judged,
        moved,
        name
    );
    if series.converted {
        basis.push_str(&tr!(
            lang,
            msg::followup::LAB_TREND_VALUES_ENTERED_IN_OTHER_UNITS,
            unit
        ));
    }
    if id == LabId::PthIntact {
        basis.push_str(msg::followup::LAB_TREND_ON_DIALYSIS_KDIGO_SUGGESTS_PTH.get(lang));
    }
    Some(Ok(MarkerTrend {
        id: id.id().to_string(),
        kind: MarkerKind::Lab,
        name,
        unit: unit.to_string(),
        baseline: points[0].clone(),
        latest: points[points.len() - 1].clone(),
        points,
        change,
        percent_change,
        direction,
        reference: Some(ReferenceRange {
            low: reference.low,
            high: reference.high,
        }),
        basis,
        sources: lab_sources(id),
    }))
}

fn points_of(
    visits: &[CheckedVisit],
    get: impl Fn(&CheckedVisit) -> Option<f64>,
) -> Vec<TrendPoint> {
    visits
        .iter()
        .filter_map(|v| {
            get(v).map(|value| TrendPoint {
                date: v.date.to_string(),
                value,
            })
        })
        .collect()
}

fn route_name(route: Route, lang: Lang) -> &'static str {
    match route {
        Route::Intravenous => msg::followup::ROUTE_NAME_INTRAVENOUS.get(lang),
        Route::Intramuscular => msg::followup::ROUTE_NAME_INTRAMUSCULAR.get(lang),
        Route::Subcutaneous => msg::followup::ROUTE_NAME_SUBCUTANEOUS.get(lang),
        Route::Intralesional => msg::followup::ROUTE_NAME_INTRALESIONAL.get(lang),
        Route::Intraperitoneal => msg::followup::ROUTE_NAME_INTRAPERITONEAL.get(lang),
        Route::Topical => msg::followup::ROUTE_NAME_TOPICAL.get(lang),
        Route::Oral => msg::followup::ROUTE_NAME_ORAL.get(lang),
        Route::Other => msg::followup::ROUTE_NAME_OTHER_ROUTE.get(lang),
    }
}

/// The response summary of the case's visits, with every text in `lang`, and the visits'
/// input errors and warnings (field paths such as `visits[2].pain_score`, the index in the
/// file), which `assess` lists with the rest of the case's. Never panics: invalid values
/// are input errors and left out.
pub fn response_summary(case: &Case, lang: Lang) -> (FollowUp, Vec<Issue>, Vec<Issue>) {
    let (visits, input_errors, warnings) = check(case, lang);
    let mut markers = Vec::new();
    let mut single_measurement = Vec::new();
    let trends = [
        lower_is_better_trend(
            ClinicalMarker::WoundArea,
            "cm²",
            &visits,
            |m| m.wound_area,
            lang,
        ),
        lower_is_better_trend(
            ClinicalMarker::WoundCount,
            "",
            &visits,
            |m| m.wound_count,
            lang,
        ),
        lower_is_better_trend(ClinicalMarker::PainScore, "0–10", &visits, |m| m.pain, lang),
        qol_trend(&visits, lang),
    ]
    .into_iter()
    .chain(
        LABS.iter()
            .filter(|lab| matches!(lab.kind, LabKind::Numeric { .. }))
            .map(|lab| lab_trend(lab.id, &visits, lang)),
    );
    for trend in trends {
        match trend {
            Some(Ok(trend)) => markers.push(trend),
            Some(Err(id)) => single_measurement.push(id),
            None => {}
        }
    }
    let treatment_start = treatment_start(&visits, lang);
    let summary = follow_up_summary(&visits, &markers, treatment_start.as_ref(), lang);
    let sources = follow_up_sources(&markers, treatment_start.as_ref());
    let follow_up = FollowUp {
        visit_count: visits.len(),
        first_date: visits.first().map(|v| v.date.to_string()),
        last_date: visits.last().map(|v| v.date.to_string()),
        treatment_start,
        markers,
        single_measurement,
        summary,
        sources,
    };
    (follow_up, input_errors, warnings)
}

/// A clinical marker's trend from its points: `Err(id)` when it was measured at one visit
/// only, `None` when never.
fn clinical_marker_trend(
    marker: ClinicalMarker,
    points: Vec<TrendPoint>,
    build: impl FnOnce(Vec<TrendPoint>) -> MarkerTrend,
) -> Option<Result<MarkerTrend, String>> {
    match points.len() {
        0 => None,
        1 => Some(Err(marker.id().to_string())),
        _ => Some(Ok(build(points))),
    }
}

/// Wound area, wound count or pain: lower is better.
fn lower_is_better_trend(
    marker: ClinicalMarker,
    unit: &str,
    visits: &[CheckedVisit],
    value: impl Fn(&VisitMarkers) -> Option<f64>,
    lang: Lang,
) -> Option<Result<MarkerTrend, String>> {
    let points = points_of(visits, |v| value(&v.markers));
    clinical_marker_trend(marker, points, |points| {
        let name = marker.name(lang).to_string();
        let judge = |change| lower_is_better(change, lang);
        clinical_trend(marker.id(), name, unit, points, judge, lang)
    })
}

/// The quality-of-life score: judged only when every visit names the same instrument and
/// it is one whose direction is known.
fn qol_trend(visits: &[CheckedVisit], lang: Lang) -> Option<Result<MarkerTrend, String>> {
    let scored = || visits.iter().filter(|v| v.markers.qol.is_some());
    let mut instruments: Vec<&str> = scored()
        .filter_map(|v| v.markers.qol_instrument.as_deref())
        .collect();
    instruments.sort_unstable_by_key(|name| name.to_lowercase());
    instruments.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let unnamed = scored().any(|v| v.markers.qol_instrument.is_none());
    let points = points_of(visits, |v| v.markers.qol);
    clinical_marker_trend(ClinicalMarker::QolScore, points, |points| {
        let instrument = if instruments.len() == 1 && !unnamed {
            instruments[0]
        } else {
            ""
        };
        let name = if instrument.is_empty() {
            ClinicalMarker::QolScore.name(lang).to_string()
        } else {
            tr!(
                lang,
                msg::followup::RESPONSE_SUMMARY_QUALITY_OF_LIFE_SCORE_INSTRUMENT,
                instrument
            )
        };
        let judge = |change| qol_judgement(&instruments, unnamed, instrument, change, lang);
        clinical_trend(
            ClinicalMarker::QolScore.id(),
            name,
            instrument,
            points,
            judge,
            lang,
        )
    })
}

/// Which way the QoL score moved and why it is (or is not) judged: `instruments` are the
/// distinct instruments named, `unnamed` whether some visit named none, `instrument` the
/// one instrument of every visit ("" when there is not one).
fn qol_judgement(
    instruments: &[&str],
    unnamed: bool,
    instrument: &str,
    change: f64,
    lang: Lang,
) -> (Direction, String) {
    if instruments.len() > 1 || (unnamed && !instruments.is_empty()) {
        let listed = instruments.join(", ");
        (
            Direction::NotJudged,
            tr!(
                lang,
                msg::followup::RESPONSE_SUMMARY_NOT_JUDGED_THE_INSTRUMENT_DIFFERS,
                listed
            ),
        )
    } else if instruments.is_empty() {
        (
            Direction::NotJudged,
            msg::followup::RESPONSE_SUMMARY_NOT_JUDGED_THE_INSTRUMENT_IS
                .get(lang)
                .to_string(),
        )
    } else if is_wound_qol(instrument) {
        let (direction, _) = lower_is_better(change, lang);
        let judged = direction.label(lang);
        (
            direction,
            tr!(
                lang,
                msg::followup::RESPONSE_SUMMARY_ON_WOUND_QOL_A_LOWER,
                judged
            ),
        )
    } else {
        (
            Direction::NotJudged,
            tr!(
                lang,
                msg::followup::RESPONSE_SUMMARY_NOT_JUDGED_WHICH_WAY_IS,
                instrument
            ),
        )
    }
}

/// The first visit with an MSC treatment, and the routes recorded there.
fn treatment_start(visits: &[CheckedVisit], lang: Lang) -> Option<TreatmentStart> {
    visits.iter().find_map(|v| {
        let routes = v.msc_routes.clone()?;
        let date = v.date.to_string();
        let how = if routes.is_empty() {
            msg::followup::RESPONSE_SUMMARY_ROUTE_NOT_RECORDED
                .get(lang)
                .to_string()
        } else {
            routes
                .iter()
                .map(|r| route_name(*r, lang))
                .collect::<Vec<_>>()
                .join(msg::common::LIST_SEPARATOR.get(lang))
        };
        Some(TreatmentStart {
            date: date.clone(),
            routes,
            basis: tr!(
                lang,
                msg::followup::RESPONSE_SUMMARY_FIRST_VISIT_WITH_A_TREATMENT,
                date,
                how
            ),
            sources: SEEDS.to_vec(),
        })
    })
}

/// Every source id of the trends and the treatment start, each once, in order.
fn follow_up_sources(
    markers: &[MarkerTrend],
    treatment_start: Option<&TreatmentStart>,
) -> Vec<&'static str> {
    let mut sources: Vec<&'static str> = Vec::new();
    for id in markers
        .iter()
        .flat_map(|m| m.sources.iter())
        .chain(treatment_start.iter().flat_map(|t| t.sources.iter()))
    {
        if !sources.contains(id) {
            sources.push(id);
        }
    }
    sources
}

/// How many dated visits there were, over which dates, how many tracked markers moved
/// favourably, unfavourably or neither, and when MSC treatment began.
fn follow_up_summary(
    visits: &[CheckedVisit],
    markers: &[MarkerTrend],
    treatment_start: Option<&TreatmentStart>,
    lang: Lang,
) -> String {
    let n = visits.len();
    let tracked = markers.len();
    let better = markers
        .iter()
        .filter(|m| m.direction.is_favourable())
        .count();
    let worse = markers
        .iter()
        .filter(|m| m.direction.is_unfavourable())
        .count();
    let other = tracked - better - worse;
    let first_date = visits.first().map(|v| v.date.to_string());
    let last_date = visits.last().map(|v| v.date.to_string());
    let mut summary = match (&first_date, &last_date) {
        (Some(d0), Some(d1)) if n >= 2 => tr!(
            lang,
            msg::followup::RESPONSE_SUMMARY_N_DATED_VISITS_FROM_D0,
            better,
            d0,
            d1,
            n,
            other,
            tracked,
            worse
        ),
        _ => tr!(
            lang,
            msg::followup::RESPONSE_SUMMARY_N_DATED_VISITS_A_TREND,
            n
        ),
    };
    if let Some(start) = treatment_start {
        let date = &start.date;
        summary.push_str(&tr!(
            lang,
            msg::followup::RESPONSE_SUMMARY_MSC_TREATMENT_FROM_DATE,
            date
        ));
    }
    summary
}
