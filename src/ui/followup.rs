//! Follow-up in the results: the response to treatment (the markers the published hAMSC
//! cases followed, each against its baseline and reference). The visits are entered in the
//! case form (`case_form/visits.rs`).

use crate::core::i18n::msg;
use std::rc::Rc;

use yew::prelude::*;

use super::results::Why;
use super::trends::{trend_chart, TrendChartProps};
use crate::core::followup::{marker_name, MarkerTrend};
use crate::core::i18n::{Lang, Text};
use crate::core::labs::fmt_number;
use crate::core::Assessment;

const RESPONSE: Text = msg::ui_followup::RESPONSE;
const MARKER: Text = msg::ui_followup::MARKER;
const BASELINE: Text = msg::ui_followup::BASELINE;
const LATEST: Text = msg::ui_followup::LATEST;
const CHANGE: Text = msg::ui_followup::CHANGE;
const TREND: Text = msg::ui_followup::TREND;
const ONE_VALUE: Text = msg::ui_followup::ONE_VALUE;

#[derive(Properties, PartialEq)]
pub struct FollowUpPanelProps {
    pub assessment: Rc<Assessment>,
    pub lang: Lang,
}

/// Each marker from baseline to the latest visit, judged against its reference, with its
/// chart; shown once the case has visits (nothing without them).
///
/// A render function, no state: a component's machinery costs wasm bytes.
pub fn follow_up_panel(props: &FollowUpPanelProps) -> Html {
    let lang = props.lang;
    let Some(f) = &props.assessment.follow_up else {
        return Html::default();
    };
    let start = f.treatment_start.as_ref().map(|t| t.date.clone());
    let single: Vec<String> = f
        .single_measurement
        .iter()
        .map(|id| marker_name(id, lang))
        .collect();
    html! {
        <section class="panel" aria-labelledby="followup-h" id="followup" data-testid="followup">
            <h2 id="followup-h">{ RESPONSE.get(lang) }</h2>
            <p class="panel-summary" data-testid="followup-summary">{ f.summary.clone() }</p>
            if let Some(t) = &f.treatment_start {
                <Why basis={t.basis.clone()} sources={t.sources.clone()} {lang} />
            }
            if !f.markers.is_empty() {
                { marker_table(&f.markers, lang) }
            }
            { for f.markers.iter().map(|m| html! {
                <div class="trend" data-marker={m.id.clone()}>
                    <h3>{ if m.unit.is_empty() { m.name.clone() } else { format!("{} ({})", m.name, m.unit) } }</h3>
                    { trend_chart(&TrendChartProps { series: m.series(), reference: m.reference_bounds(), treatment_start: start.clone(),
                        title: m.name.clone().into(), unit: m.unit.clone().into(), lang }) }
                    <Why basis={m.basis.clone()} sources={m.sources.clone()} {lang} />
                </div>
            }) }
            if !f.single_measurement.is_empty() {
                <p class="muted" data-testid="single-measurement">{ format!("{}: {}", ONE_VALUE.get(lang), single.join(msg::common::LIST_SEPARATOR.get(lang))) }</p>
            }
        </section>
    }
}

/// A marker's value as the table shows it: a 0–10 score reads as "7/10".
fn marker_value(v: f64, unit: &str) -> String {
    match unit {
        "0–10" => format!("{}/10", fmt_number(v, 1)),
        _ => format!("{} {unit}", fmt_number(v, 2))
            .trim_end()
            .to_string(),
    }
}

/// The change from baseline, signed, and in percent when it has one: "+12 (+30%)".
fn marker_change(m: &MarkerTrend) -> String {
    let sign = |v: f64| if v > 0.0 { "+" } else { "" };
    let percent = m
        .percent_change
        .map(|p| format!(" ({}{}%)", sign(p), fmt_number(p, 0)))
        .unwrap_or_default();
    format!("{}{}{percent}", sign(m.change), fmt_number(m.change, 2))
}

/// Every marker: baseline, latest, change and whether it went the right way.
fn marker_table(markers: &[MarkerTrend], lang: Lang) -> Html {
    html! {
        <table class="trend-table">
            <thead><tr>
                <th scope="col">{ MARKER.get(lang) }</th><th scope="col">{ BASELINE.get(lang) }</th>
                <th scope="col">{ LATEST.get(lang) }</th><th scope="col">{ CHANGE.get(lang) }</th>
                <th scope="col">{ TREND.get(lang) }</th>
            </tr></thead>
            <tbody>
                { for markers.iter().map(|m| html! {
                    <tr data-marker={m.id.clone()}>
                        <th scope="row">{ m.name.clone() }</th>
                        <td>{ format!("{} ({})", marker_value(m.baseline.value, &m.unit), m.baseline.date) }</td>
                        <td>{ format!("{} ({})", marker_value(m.latest.value, &m.unit), m.latest.date) }</td>
                        <td>{ marker_change(m) }</td>
                        <td class={classes!("direction", m.direction.is_favourable().then_some("favourable"), m.direction.is_unfavourable().then_some("unfavourable"))}>
                            { m.direction.label(lang) }
                        </td>
                    </tr>
                }) }
            </tbody>
        </table>
    }
}
