//! The trend chart of one follow-up marker: inline SVG (no library, no inline styles: the
//! CSP forbids them; colours come from presentation attributes and `styles/app.css`
//! classes), with the reference band, a vertical line at the start of MSC treatment and,
//! for screen readers, `role="img"` with a label and a visually hidden table of the values.
//!
//! The geometry is a pure function ([`layout`]) so that it is tested without rendering.

use crate::core::i18n::msg;
use yew::prelude::*;

use crate::core::date::Date;
use crate::core::i18n::Lang;
use crate::core::labs::{decimals_for, fmt_number};
use crate::tr;

/// The SVG's coordinate system (`viewBox`); it scales with its container.
pub const WIDTH: f64 = 320.0;
pub const HEIGHT: f64 = 180.0;
/// The plot area inside the axes.
pub const PLOT_LEFT: f64 = 48.0;
pub const PLOT_RIGHT: f64 = 308.0;
pub const PLOT_TOP: f64 = 12.0;
pub const PLOT_BOTTOM: f64 = 150.0;

/// Maps `value` in `domain` linearly onto `range` (a degenerate domain maps to the middle).
pub fn scale(value: f64, domain: (f64, f64), range: (f64, f64)) -> f64 {
    let (d0, d1) = domain;
    let (r0, r1) = range;
    if d1 == d0 || !(d1 - d0).is_finite() {
        return (r0 + r1) / 2.0;
    }
    r0 + (value - d0) / (d1 - d0) * (r1 - r0)
}

/// Days since 1900-01-01 of a `YYYY-MM-DD` date (none for anything else).
pub fn day_number(date: &str) -> Option<f64> {
    Date::parse(date).map(|d| f64::from(d.day_number()))
}

/// Where everything goes, in `viewBox` coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// One `(x, y)` per finite value, in the series' order.
    pub points: Vec<(f64, f64)>,
    /// The value axis' domain (`min`, `max`), padded, including the reference limits.
    pub y_domain: (f64, f64),
    /// The reference band as `(y_top, y_bottom)`; an open side reaches the plot's edge.
    pub band: Option<(f64, f64)>,
    /// x of the treatment start, when it lies within the dates shown.
    pub treatment_x: Option<f64>,
}

/// The span of `values`, padded by 5 % (10 % of the value, at least 0.1, for a single
/// value; 0–1 when there is none), so no point sits on the plot's edge.
fn padded_domain(values: impl Iterator<Item = f64>) -> (f64, f64) {
    let (mut y_min, mut y_max) = (f64::INFINITY, f64::NEG_INFINITY);
    for v in values {
        y_min = y_min.min(v);
        y_max = y_max.max(v);
    }
    if !y_min.is_finite() {
        (y_min, y_max) = (0.0, 1.0);
    }
    let pad = if y_max > y_min {
        (y_max - y_min) * 0.05
    } else {
        y_min.abs().max(1.0) * 0.1
    };
    (y_min - pad, y_max + pad)
}

/// The chart's geometry. x is proportional to time when every date is a real date (else
/// the points are evenly spaced); y spans the values and the reference limits, padded by
/// 5 %. Non-finite values are left out.
pub fn layout(
    series: &[(String, f64)],
    reference: Option<(Option<f64>, Option<f64>)>,
    treatment_start: Option<&str>,
) -> Layout {
    let series: Vec<&(String, f64)> = series.iter().filter(|(_, v)| v.is_finite()).collect();
    let days: Option<Vec<f64>> = series.iter().map(|(d, _)| day_number(d)).collect();
    let xs: Vec<f64> = match &days {
        Some(days) if !days.is_empty() => days.clone(),
        _ => (0..series.len()).map(|i| i as f64).collect(),
    };
    let x_domain = (
        xs.iter().copied().fold(f64::INFINITY, f64::min),
        xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    let (low, high) = reference.unwrap_or((None, None));
    let (low, high) = (
        low.filter(|v| v.is_finite()),
        high.filter(|v| v.is_finite()),
    );
    let values = series.iter().map(|(_, v)| *v).chain(low).chain(high);
    let y_domain = padded_domain(values);
    let x_of = |x: f64| scale(x, x_domain, (PLOT_LEFT, PLOT_RIGHT));
    let y_of = |y: f64| scale(y, y_domain, (PLOT_BOTTOM, PLOT_TOP));
    let points = xs
        .iter()
        .zip(&series)
        .map(|(x, (_, v))| (x_of(*x), y_of(*v)))
        .collect();
    let band = (low.is_some() || high.is_some()).then(|| {
        (
            high.map_or(PLOT_TOP, y_of).clamp(PLOT_TOP, PLOT_BOTTOM),
            low.map_or(PLOT_BOTTOM, y_of).clamp(PLOT_TOP, PLOT_BOTTOM),
        )
    });
    let treatment_x = match (treatment_start.and_then(day_number), &days) {
        (Some(day), Some(days)) if !days.is_empty() && day >= x_domain.0 && day <= x_domain.1 => {
            Some(x_of(day))
        }
        _ => None,
    };
    Layout {
        points,
        y_domain,
        band,
        treatment_x,
    }
}

/// A coordinate as written in the SVG: one decimal.
pub fn coord(value: f64) -> String {
    format!("{value:.1}")
}

fn number(value: f64) -> String {
    fmt_number(value, decimals_for(value))
}

fn with_unit(value: f64, unit: &str) -> String {
    if unit.is_empty() {
        number(value)
    } else {
        format!("{} {unit}", number(value))
    }
}

fn describe_reference(reference: (Option<f64>, Option<f64>), unit: &str) -> Option<String> {
    match reference {
        (Some(low), Some(high)) => Some(format!("{}–{}", number(low), with_unit(high, unit))),
        (None, Some(high)) => Some(format!("≤ {}", with_unit(high, unit))),
        (Some(low), None) => Some(format!("≥ {}", with_unit(low, unit))),
        (None, None) => None,
    }
}

#[derive(Properties, PartialEq)]
pub struct TrendChartProps {
    /// `(YYYY-MM-DD, value)`, sorted by date (as `MarkerTrend::series` gives them).
    pub series: Vec<(String, f64)>,
    /// `(low, high)` of the reference interval, in the series' unit.
    #[prop_or_default]
    pub reference: Option<(Option<f64>, Option<f64>)>,
    /// Date of the first MSC treatment.
    #[prop_or_default]
    pub treatment_start: Option<String>,
    pub title: AttrValue,
    pub unit: AttrValue,
    #[prop_or_default]
    pub lang: Lang,
}

/// One marker over time: points and line, reference band, treatment start, and the same
/// data as a visually hidden table.
///
/// A render function, no state: a component's machinery costs wasm bytes.
pub fn trend_chart(props: &TrendChartProps) -> Html {
    let series: Vec<(String, f64)> = props
        .series
        .iter()
        .filter(|(_, v)| v.is_finite())
        .cloned()
        .collect();
    let geometry = layout(&series, props.reference, props.treatment_start.as_deref());
    let label = chart_label(&series, props);
    html! {
        <figure class="trend-chart">
            { chart_svg(&geometry, &series, label, props.lang) }
            { values_table(&series, props) }
        </figure>
    }
}

/// What a screen reader says of the chart: the values from first to last, the reference
/// range and the start of treatment.
fn chart_label(series: &[(String, f64)], props: &TrendChartProps) -> String {
    let (lang, unit, title) = (props.lang, props.unit.as_str(), props.title.as_str());
    let mut label = match (series.first(), series.last()) {
        (Some((d0, v0)), Some((d1, v1))) => {
            let n = series.len();
            let (v0, v1) = (with_unit(*v0, unit), with_unit(*v1, unit));
            tr!(
                lang,
                msg::ui_trends::TRENDCHART_TITLE_N_VALUES_V0_ON,
                d0,
                d1,
                n,
                title,
                v0,
                v1
            )
        }
        _ => tr!(lang, msg::ui_trends::TRENDCHART_TITLE_NO_VALUES, title),
    };
    if let Some(reference) = props.reference.and_then(|r| describe_reference(r, unit)) {
        label.push_str(&tr!(
            lang,
            msg::ui_trends::TRENDCHART_REFERENCE_RANGE_REFERENCE,
            reference
        ));
    }
    if let Some(start) = &props.treatment_start {
        label.push_str(&tr!(
            lang,
            msg::ui_trends::TRENDCHART_MSC_TREATMENT_FROM_START,
            start
        ));
    }
    label
}

/// The picture: band, axes with their end ticks, treatment line, line and points.
fn chart_svg(geometry: &Layout, series: &[(String, f64)], label: String, lang: Lang) -> Html {
    let (y_lo, y_hi) = geometry.y_domain;
    let polyline = geometry
        .points
        .iter()
        .map(|(x, y)| format!("{},{}", coord(*x), coord(*y)))
        .collect::<Vec<_>>()
        .join(" ");
    let first_date = series.first().map(|(d, _)| d.clone()).unwrap_or_default();
    let last_date = series.last().map(|(d, _)| d.clone()).unwrap_or_default();
    html! {
        <svg class="trend-svg" role="img" aria-label={label}
            viewBox={format!("0 0 {WIDTH} {HEIGHT}")} xmlns="http://www.w3.org/2000/svg">
            if let Some((top, bottom)) = geometry.band {
                <rect class="trend-band" x={coord(PLOT_LEFT)} y={coord(top)}
                    width={coord(PLOT_RIGHT - PLOT_LEFT)} height={coord(bottom - top)}
                    fill="#2e7d32" fill-opacity="0.12" />
            }
            <line class="trend-axis" x1={coord(PLOT_LEFT)} y1={coord(PLOT_TOP)}
                x2={coord(PLOT_LEFT)} y2={coord(PLOT_BOTTOM)} stroke="currentColor" stroke-width="1" />
            <line class="trend-axis" x1={coord(PLOT_LEFT)} y1={coord(PLOT_BOTTOM)}
                x2={coord(PLOT_RIGHT)} y2={coord(PLOT_BOTTOM)} stroke="currentColor" stroke-width="1" />
            <text class="trend-tick" x={coord(PLOT_LEFT - 4.0)} y={coord(PLOT_TOP + 4.0)}
                text-anchor="end" font-size="10" fill="currentColor">{ number(y_hi) }</text>
            <text class="trend-tick" x={coord(PLOT_LEFT - 4.0)} y={coord(PLOT_BOTTOM)}
                text-anchor="end" font-size="10" fill="currentColor">{ number(y_lo) }</text>
            <text class="trend-tick" x={coord(PLOT_LEFT)} y={coord(PLOT_BOTTOM + 16.0)}
                text-anchor="start" font-size="10" fill="currentColor">{ first_date }</text>
            <text class="trend-tick" x={coord(PLOT_RIGHT)} y={coord(PLOT_BOTTOM + 16.0)}
                text-anchor="end" font-size="10" fill="currentColor">{ last_date }</text>
            if let Some(x) = geometry.treatment_x {
                <line class="trend-treatment" x1={coord(x)} y1={coord(PLOT_TOP)}
                    x2={coord(x)} y2={coord(PLOT_BOTTOM)} stroke="#6a1b9a"
                    stroke-width="1.5" stroke-dasharray="4 3" />
                <text class="trend-treatment-label" x={coord(x + 3.0)} y={coord(PLOT_TOP + 10.0)}
                    font-size="10" fill="#6a1b9a">{ msg::ui_trends::TRENDCHART_MSC.get(lang) }</text>
            }
            if geometry.points.len() > 1 {
                <polyline class="trend-line" points={polyline} fill="none"
                    stroke="currentColor" stroke-width="2" />
            }
            { for geometry.points.iter().map(|(x, y)| html! {
                <circle class="trend-point" cx={coord(*x)} cy={coord(*y)} r="3" fill="currentColor" />
            }) }
        </svg>
    }
}

/// The same values as a table, visually hidden, for screen readers.
fn values_table(series: &[(String, f64)], props: &TrendChartProps) -> Html {
    let (lang, unit, title) = (props.lang, props.unit.as_str(), props.title.as_str());
    let value_heading = if unit.is_empty() {
        msg::ui_trends::TRENDCHART_VALUE.get(lang).to_string()
    } else {
        tr!(lang, msg::ui_trends::TRENDCHART_VALUE_UNIT, unit)
    };
    html! {
        <table class="visually-hidden">
            <caption>{ if unit.is_empty() { title.to_string() } else { format!("{title} ({unit})") } }</caption>
            <thead>
                <tr>
                    <th scope="col">{ msg::ui_trends::TRENDCHART_DATE.get(lang) }</th>
                    <th scope="col">{ value_heading }</th>
                </tr>
            </thead>
            <tbody>
                { for series.iter().map(|(date, value)| {
                    let started = props.treatment_start.as_deref() == Some(date.as_str());
                    html! {
                        <tr>
                            <th scope="row">{ date.clone() }
                                if started { { msg::ui_trends::TRENDCHART_MSC_START.get(lang) } }
                            </th>
                            <td>{ number(*value) }</td>
                        </tr>
                    }
                }) }
            </tbody>
        </table>
    }
}
