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

use std::collections::BTreeMap;

use serde::Serialize;

use super::case::{Case, Issue, Route, TreatmentKind};
use super::date::Date;
use super::field_path::{FieldPath, VisitField, VisitPath};
use super::i18n::{Lang, Text};
use super::inputs::{round_significant, validate_labs, LabValue};
use super::labs::{decimals_for, fmt_number, lab, LabKind, Reference, LABS};
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
            Direction::Improved => lang.pick("improved", "改善"),
            Direction::Worsened => lang.pick("worsened", "加重"),
            Direction::Unchanged => lang.pick("unchanged", "无变化"),
            Direction::TowardRange => lang.pick("toward the reference range", "趋向参考范围"),
            Direction::AwayFromRange => lang.pick("away from the reference range", "偏离参考范围"),
            Direction::WithinRangeThroughout => {
                lang.pick("within the reference range throughout", "始终在参考范围内")
            }
            Direction::NotJudged => lang.pick("not judged", "未判断"),
        }
    }
}

/// The clinical markers a visit records (the labs are the catalogue's), with the one name
/// each has wherever it is shown: trend, table, "measured at one visit only", field errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClinicalMarker {
    WoundArea,
    WoundCount,
    PainScore,
    QolScore,
}

impl ClinicalMarker {
    pub const ALL: &'static [ClinicalMarker] = &[
        ClinicalMarker::WoundArea,
        ClinicalMarker::WoundCount,
        ClinicalMarker::PainScore,
        ClinicalMarker::QolScore,
    ];

    /// The key of the visit (`visits[].pain_score`) and the trend's id.
    pub fn id(self) -> &'static str {
        match self {
            ClinicalMarker::WoundArea => "wound_area_cm2",
            ClinicalMarker::WoundCount => "wound_count",
            ClinicalMarker::PainScore => "pain_score",
            ClinicalMarker::QolScore => "qol_score",
        }
    }

    pub const fn text(self) -> Text {
        match self {
            ClinicalMarker::WoundArea => Text::new("Wound area", "创面面积"),
            ClinicalMarker::WoundCount => Text::new("Number of wounds", "创面数目"),
            ClinicalMarker::PainScore => Text::new("Pain score (NRS/VAS)", "疼痛评分（NRS/VAS）"),
            ClinicalMarker::QolScore => Text::new("Quality-of-life score", "生活质量评分"),
        }
    }

    pub fn name(self, lang: Lang) -> &'static str {
        self.text().get(lang)
    }

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
        .or_else(|| lab(id).map(|l| l.name(lang)))
        .map_or_else(
            || tr!(lang, "unknown marker \"{id}\"", "未知指标 \"{id}\""),
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
    wound_area: Option<f64>,
    wound_count: Option<f64>,
    pain: Option<f64>,
    qol: Option<f64>,
    qol_instrument: Option<String>,
    labs: BTreeMap<&'static str, LabValue>,
    msc_routes: Option<Vec<Route>>,
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
    let mut checked = Vec::new();
    for (index, visit) in case.visits.iter().enumerate() {
        let mut range =
            |marker: ClinicalMarker, value: Option<f64>, low: f64, high: f64, whole: bool| {
                let value = value?;
                let field = FieldPath::visit(index, marker.visit_field());
                if !value.is_finite() {
                    errors.push(Issue::new(
                        field.clone(),
                        lang.pick("not a number; left out", "不是有效数字，未纳入"),
                    ));
                    return None;
                }
                let shown = fmt_number(value, 3);
                let (lo, hi) = (fmt_number(low, 0), fmt_number(high, 0));
                if value < low || value > high {
                    errors.push(Issue::new(
                        field.clone(),
                        tr!(
                            lang,
                            "{shown} is outside the possible range {lo}–{hi}; left out",
                            "{shown} 超出可能范围 {lo}–{hi}，未纳入"
                        ),
                    ));
                    return None;
                }
                if whole && value.fract() != 0.0 {
                    errors.push(Issue::new(
                        field,
                        tr!(
                            lang,
                            "{shown} is not a whole number; left out",
                            "{shown} 不是整数，未纳入"
                        ),
                    ));
                    return None;
                }
                Some(value)
            };
        let wound_area = range(
            ClinicalMarker::WoundArea,
            visit.wound_area_cm2,
            0.0,
            MAX_WOUND_AREA_CM2,
            false,
        );
        let wound_count = range(
            ClinicalMarker::WoundCount,
            visit.wound_count,
            0.0,
            MAX_WOUND_COUNT,
            true,
        );
        let pain = range(
            ClinicalMarker::PainScore,
            visit.pain_score,
            0.0,
            10.0,
            false,
        );
        let qol_instrument = visit
            .qol_instrument
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
        let qol = if qol_instrument.as_deref().is_some_and(is_wound_qol) {
            range(
                ClinicalMarker::QolScore,
                visit.qol_score,
                0.0,
                WOUND_QOL_MAX,
                false,
            )
        } else {
            range(
                ClinicalMarker::QolScore,
                visit.qol_score,
                f64::MIN,
                f64::MAX,
                false,
            )
        };

        let labs = validate_labs(
            &visit.labs,
            |id| FieldPath::visit_lab(index, id),
            lang,
            &mut errors,
            &mut warnings,
        );

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
                            Some(super::field_path::Key::Known(
                                super::field_path::TreatmentField::Kind,
                            )),
                        )),
                    ),
                    lang.pick(
                        "no kind of treatment given; ignored",
                        "未填写治疗类型，已忽略",
                    ),
                )),
            }
        }

        let field = FieldPath::visit(index, VisitField::Date);
        let Some(date) = visit.date.as_deref() else {
            errors.push(Issue::new(
                field,
                lang.pick(
                    "no date: the visit cannot be placed in time and is left out of the trends",
                    "缺少日期：无法确定该次随访的时间，未纳入趋势",
                ),
            ));
            continue;
        };
        let Some(parsed) = Date::parse(date) else {
            errors.push(Issue::new(field, Date::invalid_message(date, lang)));
            continue;
        };
        if checked.iter().any(|v: &CheckedVisit| v.date == parsed) {
            warnings.push(Issue::new(
                field,
                tr!(
                    lang,
                    "another visit has the same date {date}; both are kept in the file's order",
                    "另有一次随访日期同为 {date}；两者均按文件顺序保留"
                ),
            ));
        }
        checked.push(CheckedVisit {
            index,
            date: parsed,
            wound_area,
            wound_count,
            pain,
            qol,
            qol_instrument,
            labs,
            msc_routes,
        });
    }
    // Stable: visits on the same date keep the file's order.
    checked.sort_by_key(|v| (v.date, v.index));
    (checked, errors, warnings)
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
    let percent =
        (first.value != 0.0).then(|| round_significant(change / first.value.abs() * 100.0, 10));
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
            tr!(lang, " ({p}%)", "（{p}%）")
        })
        .unwrap_or_default();
    let n = points.len();
    let text = tr!(
        lang,
        "{b} on {d0} (first of {n} visits with a value) → {l} on {d1} (latest), change {delta}{pct}",
        "{d0} {b}（有数值的 {n} 次随访中的首次）→ {d1} {l}（最近一次），变化 {delta}{pct}"
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
            "lower is better, so {judged}",
            "数值越低越好，故判断为{judged}"
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
        "{name}: {moved}; {rule}.",
        "{name}：{moved}；{rule}。"
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
        (None, None) => lang.pick("none", "无").to_string(),
    }
}

fn lab_sources(id: &str) -> Vec<&'static str> {
    match id {
        "platelets" | "d_dimer" | "plasminogen" | "fibrinogen" | "calcium_total"
        | "calcium_ionized" | "phosphate" => HYPERCOAG.to_vec(),
        "pth_intact" => vec!["seed_hamsc_hypercoag_2023", "kdigo_2017_ckd_mbd"],
        _ => Vec::new(),
    }
}

fn lab_trend(
    id: &'static str,
    visits: &[CheckedVisit],
    lang: Lang,
) -> Option<Result<MarkerTrend, String>> {
    let lab = lab(id)?;
    let unit = lab.canonical_unit()?.symbol;
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
        }) = visit.labs.get(id)
        {
            points.push(TrendPoint {
                date: visit.date.to_string(),
                value: *canonical,
            });
            converted |= entered_unit.symbol != unit;
            latest_reference = Some((*reference, *local_reference));
        }
    }
    if points.is_empty() {
        return None;
    }
    if points.len() < 2 {
        return Some(Err(id.to_string()));
    }
    let (reference, local) = latest_reference?;
    let name = lab.name(lang).to_string();
    let (change, percent_change, moved) = movement(&points, unit, lang);
    let distances: Vec<f64> = points
        .iter()
        .map(|p| distance(p.value, &reference))
        .collect();
    let (d0, d1) = (distances[0], distances[distances.len() - 1]);
    let direction = if distances.iter().all(|d| *d == 0.0) {
        Direction::WithinRangeThroughout
    } else if d1 < d0 {
        Direction::TowardRange
    } else if d1 > d0 {
        Direction::AwayFromRange
    } else {
        Direction::Unchanged
    };
    let range = describe_range(&reference, unit, lang);
    let range = if local {
        tr!(
            lang,
            "{range} (the latest laboratory's own)",
            "{range}（最近一次检验所在实验室的参考区间）"
        )
    } else {
        range
    };
    let (from, to) = (with_unit(d0, unit), with_unit(d1, unit));
    let judged = match direction {
        Direction::WithinRangeThroughout => tr!(
            lang,
            "every value lies within the reference range {range}",
            "每次数值均在参考范围 {range} 内"
        ),
        Direction::TowardRange if d1 == 0.0 => tr!(
            lang,
            "toward the reference range {range}: outside it by {from} at baseline, within it now",
            "趋向参考范围 {range}：基线时超出 {from}，目前已在范围内"
        ),
        Direction::TowardRange => tr!(
            lang,
            "toward the reference range {range}: outside it by {from} at baseline, by {to} now",
            "趋向参考范围 {range}：超出范围的幅度由基线的 {from} 降至目前的 {to}"
        ),
        Direction::AwayFromRange => tr!(
            lang,
            "away from the reference range {range}: outside it by {from} at baseline, by {to} now",
            "偏离参考范围 {range}：超出范围的幅度由基线的 {from} 增至目前的 {to}"
        ),
        _ if d1 == 0.0 => tr!(
            lang,
            "within the reference range {range} at baseline and now, outside it in between",
            "基线及目前均在参考范围 {range} 内，其间曾超出"
        ),
        _ => tr!(
            lang,
            "as far outside the reference range {range} as at baseline ({to})",
            "与基线相比，超出参考范围 {range} 的幅度相同（{to}）"
        ),
    };
    let mut basis = tr!(
        lang,
        "{name}: {moved}; {judged}.",
        "{name}：{moved}；{judged}。"
    );
    if converted {
        basis.push_str(&tr!(
            lang,
            " Values entered in other units are converted to {unit}.",
            "以其他单位录入的数值已换算为 {unit}。"
        ));
    }
    if id == "pth_intact" {
        basis.push_str(lang.pick(
            " On dialysis, KDIGO suggests PTH of about 2–9 × the assay's upper limit, not the reference range.",
            "透析患者 KDIGO 建议 PTH 约为检测方法正常上限的 2–9 倍，而非参考范围。",
        ));
    }
    Some(Ok(MarkerTrend {
        id: id.to_string(),
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
        Route::Intravenous => lang.pick("intravenous", "静脉"),
        Route::Intramuscular => lang.pick("intramuscular", "肌内"),
        Route::Subcutaneous => lang.pick("subcutaneous", "皮下"),
        Route::Intralesional => lang.pick("intralesional", "皮损内"),
        Route::Intraperitoneal => lang.pick("intraperitoneal", "腹腔内"),
        Route::Topical => lang.pick("topical", "外用"),
        Route::Oral => lang.pick("oral", "口服"),
        Route::Other => lang.pick("other route", "其他途径"),
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
    let mut add = |trend: Option<Result<MarkerTrend, String>>| match trend {
        Some(Ok(trend)) => markers.push(trend),
        Some(Err(id)) => single_measurement.push(id),
        None => {}
    };
    let clinical = |id: &str,
                    points: Vec<TrendPoint>,
                    build: &dyn Fn(Vec<TrendPoint>) -> MarkerTrend|
     -> Option<Result<MarkerTrend, String>> {
        match points.len() {
            0 => None,
            1 => Some(Err(id.to_string())),
            _ => Some(Ok(build(points))),
        }
    };

    add(clinical(
        "wound_area_cm2",
        points_of(&visits, |v| v.wound_area),
        &|points| {
            let name = ClinicalMarker::WoundArea.name(lang).to_string();
            clinical_trend(
                "wound_area_cm2",
                name,
                "cm²",
                points,
                |c| lower_is_better(c, lang),
                lang,
            )
        },
    ));
    add(clinical(
        "wound_count",
        points_of(&visits, |v| v.wound_count),
        &|points| {
            let name = ClinicalMarker::WoundCount.name(lang).to_string();
            clinical_trend(
                "wound_count",
                name,
                "",
                points,
                |c| lower_is_better(c, lang),
                lang,
            )
        },
    ));
    add(clinical(
        "pain_score",
        points_of(&visits, |v| v.pain),
        &|points| {
            let name = ClinicalMarker::PainScore.name(lang).to_string();
            clinical_trend(
                "pain_score",
                name,
                "0–10",
                points,
                |c| lower_is_better(c, lang),
                lang,
            )
        },
    ));
    let qol_visits: Vec<&CheckedVisit> = visits.iter().filter(|v| v.qol.is_some()).collect();
    let mut instruments: Vec<&str> = qol_visits
        .iter()
        .filter_map(|v| v.qol_instrument.as_deref())
        .collect();
    instruments.sort_unstable_by_key(|name| name.to_lowercase());
    instruments.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    let unnamed = qol_visits.iter().any(|v| v.qol_instrument.is_none());
    add(clinical(
        "qol_score",
        points_of(&visits, |v| v.qol),
        &|points| {
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
                    "Quality-of-life score ({instrument})",
                    "生活质量评分（{instrument}）"
                )
            };
            let judge = |change: f64| {
                if instruments.len() > 1 || (unnamed && !instruments.is_empty()) {
                    let listed = instruments.join(", ");
                    (
                        Direction::NotJudged,
                        tr!(
                            lang,
                            "not judged: the instrument differs between visits ({listed}, or unnamed), so the scores are not comparable",
                            "未判断：各次随访使用的量表不同（{listed} 或未注明），评分不可比"
                        ),
                    )
                } else if instruments.is_empty() {
                    (
                        Direction::NotJudged,
                        lang.pick(
                            "not judged: the instrument is not named (on Wound-QoL lower is better; on some instruments higher is better)",
                            "未判断：未注明量表（Wound-QoL 评分越低越好；部分量表则越高越好）",
                        )
                        .to_string(),
                    )
                } else if is_wound_qol(instrument) {
                    let (direction, _) = lower_is_better(change, lang);
                    let judged = direction.label(lang);
                    (
                        direction,
                        tr!(
                            lang,
                            "on Wound-QoL a lower score means less burden from the wound (assumed convention: lower is better), so {judged}",
                            "Wound-QoL 评分越低表示创面负担越轻（采用的约定：越低越好），故判断为{judged}"
                        ),
                    )
                } else {
                    (
                        Direction::NotJudged,
                        tr!(
                            lang,
                            "not judged: which way is better on {instrument} is not recorded here (only Wound-QoL is: lower is better)",
                            "未判断：本应用未记录 {instrument} 的评分方向（仅记录 Wound-QoL：越低越好）"
                        ),
                    )
                }
            };
            clinical_trend("qol_score", name, instrument, points, judge, lang)
        },
    ));
    for lab in LABS {
        if matches!(lab.kind, LabKind::Numeric { .. }) {
            add(lab_trend(lab.id, &visits, lang));
        }
    }

    let treatment_start = visits.iter().find_map(|v| {
        let routes = v.msc_routes.clone()?;
        let date = v.date.to_string();
        let how = if routes.is_empty() {
            lang.pick("route not recorded", "给药途径未记录").to_string()
        } else {
            routes
                .iter()
                .map(|r| route_name(*r, lang))
                .collect::<Vec<_>>()
                .join(lang.pick(", ", "、"))
        };
        Some(TreatmentStart {
            date: date.clone(),
            routes,
            basis: tr!(
                lang,
                "First visit with a treatment of kind \"msc\": {date} ({how}). Values dated after it were measured on treatment; the change is not proof of an effect.",
                "首次记录 \"msc\" 类治疗的随访：{date}（{how}）。此日期之后的数值为治疗期间测得；变化并不能证明疗效。"
            ),
            sources: SEEDS.to_vec(),
        })
    });

    let first_date = visits.first().map(|v| v.date.to_string());
    let last_date = visits.last().map(|v| v.date.to_string());
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
    let mut summary = match (&first_date, &last_date) {
        (Some(d0), Some(d1)) if n >= 2 => tr!(
            lang,
            "{n} dated visits from {d0} to {d1}; {tracked} markers with two or more values: {better} improved or toward the reference range, {worse} worsened or away from it, {other} unchanged, within range throughout or not judged.",
            "{d0} 至 {d1} 共 {n} 次有日期的随访；{tracked} 项指标有两次及以上数值：{better} 项改善或趋向参考范围，{worse} 项加重或偏离参考范围，{other} 项无变化、始终在范围内或未判断。"
        ),
        _ => tr!(
            lang,
            "{n} dated visits: a trend needs at least 2.",
            "有日期的随访 {n} 次：趋势至少需要 2 次。"
        ),
    };
    if let Some(start) = &treatment_start {
        let date = &start.date;
        summary.push_str(&tr!(
            lang,
            " MSC treatment from {date}.",
            "MSC 治疗始于 {date}。"
        ));
    }
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
    let follow_up = FollowUp {
        visit_count: n,
        first_date,
        last_date,
        treatment_start,
        markers,
        single_measurement,
        summary,
        sources,
    };
    (follow_up, input_errors, warnings)
}
