//! Follow-up: dated visits in the form, and the response to treatment in the results (the
//! markers the published hAMSC cases followed, each against its baseline and reference).

use crate::core::i18n::msg;
use std::rc::Rc;

use yew::prelude::*;

use super::fields::{LabField, NumberField, SelectField};
use super::results::Why;
use super::trends::TrendChart;
use super::{Action, State};
use crate::core::case::{Biopsy, Issue};
use crate::core::field_path::{FieldPath, VisitField};
use crate::core::followup::marker_name;
use crate::core::i18n::{Lang, Text};
use crate::core::labs::{fmt_number, lab};
use crate::core::Assessment;
use crate::form::{FormEdit, MscGiven, UnitSystem, VisitEdit, VisitInput, VisitText, VISIT_LABS};

const FOLLOW_UP: Text = msg::ui_followup::FOLLOW_UP;
const FOLLOW_UP_HINT: Text = msg::ui_followup::FOLLOW_UP_HINT;
const VISIT: Text = msg::ui_followup::VISIT;
const DATE: Text = msg::ui_followup::DATE;
const PAIN: Text = msg::ui_followup::PAIN;
const AREA: Text = msg::ui_followup::AREA;
const COUNT: Text = msg::ui_followup::COUNT;
const QOL: Text = msg::ui_followup::QOL;
const MSC_GIVEN_LABEL: Text = msg::ui_followup::MSC_GIVEN_LABEL;
const DOSE: Text = msg::ui_followup::DOSE;
const BIOPSY: Text = msg::ui_followup::BIOPSY;
const NOT_RECORDED: Text = msg::ui_followup::NOT_RECORDED;
const NOT_CONSISTENT: Text = msg::ui_followup::NOT_CONSISTENT;
const NO_MSC: Text = msg::ui_followup::NO_MSC;
const GIVEN: Text = msg::ui_followup::GIVEN;
const IV: Text = msg::ui_followup::IV;
const IM: Text = msg::ui_followup::IM;
const TOPICAL: Text = msg::ui_followup::TOPICAL;
const INTRALESIONAL: Text = msg::ui_followup::INTRALESIONAL;
const ADD: Text = msg::ui_followup::ADD;
const REMOVE: Text = msg::ui_followup::REMOVE;
const RESPONSE: Text = msg::ui_followup::RESPONSE;
const MARKER: Text = msg::ui_followup::MARKER;
const BASELINE: Text = msg::ui_followup::BASELINE;
const LATEST: Text = msg::ui_followup::LATEST;
const CHANGE: Text = msg::ui_followup::CHANGE;
const TREND: Text = msg::ui_followup::TREND;
const ONE_VALUE: Text = msg::ui_followup::ONE_VALUE;

#[derive(Properties, PartialEq)]
pub struct VisitsFormProps {
    pub visits: Rc<Vec<VisitInput>>,
    pub units: UnitSystem,
    pub lang: Lang,
    pub errors: Rc<Vec<Issue>>,
    pub dispatcher: UseReducerDispatcher<State>,
}

/// The follow-up visits of the case, newest last; each can be removed.
#[component]
pub fn VisitsForm(props: &VisitsFormProps) -> Html {
    let VisitsFormProps {
        visits,
        units,
        lang,
        errors,
        dispatcher,
    } = props;
    let (lang, units) = (*lang, *units);
    let message = |field: FieldPath| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| super::fields::FieldMessage {
                text: e.message.clone(),
                is_error: true,
            })
    };
    // A callback that sends `make(value)` as an edit of the visit at `index`.
    let on_visit = |index: usize, make: fn(String) -> VisitEdit| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |value: String| {
            dispatcher.dispatch(Action::Edit(FormEdit::Visit(index, make(value))))
        })
    };
    let add = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Edit(FormEdit::AddVisit)))
    };
    let text_field = |index: usize,
                      id: &str,
                      label: Text,
                      value: &str,
                      field: VisitField,
                      text: VisitText| {
        let dispatcher = dispatcher.clone();
        let oninput = Callback::from(move |typed: String| {
            let edit = VisitEdit::Text(text, typed);
            dispatcher.dispatch(Action::Edit(FormEdit::Visit(index, edit)))
        });
        html! {
            <NumberField id={format!("visit-{index}-{id}")} label={label.get(lang)} value={value.to_string()}
                message={message(FieldPath::visit(index, field))} {oninput} />
        }
    };
    let routes: Vec<(AttrValue, AttrValue)> = [
        ("", NO_MSC),
        (MscGiven::RouteNotRecorded.id(), GIVEN),
        ("intravenous", IV),
        ("intramuscular", IM),
        ("topical", TOPICAL),
        ("intralesional", INTRALESIONAL),
    ]
    .iter()
    .map(|(value, label)| (AttrValue::from(*value), AttrValue::from(label.get(lang))))
    .collect();

    html! {
        <details open=true class="group">
            <summary><h2>{ FOLLOW_UP.get(lang) }</h2></summary>
            <p class="muted">{ FOLLOW_UP_HINT.get(lang) }</p>
            { for visits.iter().enumerate().map(|(index, visit)| {
                let on_date = {
                    let dispatcher = dispatcher.clone();
                    Callback::from(move |e: InputEvent| {
                        let date = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                        dispatcher.dispatch(Action::Edit(FormEdit::Visit(index, VisitEdit::Text(VisitText::Date, date))))
                    })
                };
                let on_dose = {
                    let dispatcher = dispatcher.clone();
                    Callback::from(move |e: InputEvent| {
                        let dose = e.target_unchecked_into::<web_sys::HtmlInputElement>().value();
                        dispatcher.dispatch(Action::Edit(FormEdit::Visit(index, VisitEdit::Text(VisitText::MscDose, dose))))
                    })
                };
                let on_biopsy = on_visit(index, |biopsy| VisitEdit::Biopsy(Biopsy::from_id(&biopsy)));
                let dose_id = format!("visit-{index}-dose");
                let on_route = on_visit(index, |route| VisitEdit::MscRoute(MscGiven::from_id(&route)));
                let remove = {
                    let dispatcher = dispatcher.clone();
                    Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Edit(FormEdit::RemoveVisit(index))))
                };
                let date_id = format!("visit-{index}-date");
                let date_message_id = format!("{date_id}-msg");
                let date_message = message(FieldPath::visit(index, VisitField::Date));
                let date_invalid = date_message.as_ref().is_some_and(|m| m.is_error);
                let title = format!("{} {}{}", VISIT.get(lang), index + 1,
                    if visit.date.is_empty() { String::new() } else { format!(" ({})", visit.date) });
                html! {
                    <fieldset class="visit" data-visit={index.to_string()}>
                        <legend>{ title }</legend>
                        <div class="grid">
                            <div class="field">
                                <label for={date_id.clone()}>{ DATE.get(lang) }</label>
                                <input id={date_id} type="date" value={visit.date.clone()} oninput={on_date}
                                    aria-invalid={date_invalid.to_string()}
                                    aria-describedby={date_message.as_ref().map(|_| date_message_id.clone())} />
                                <super::fields::FieldNote id={date_message_id} message={date_message} />
                            </div>
                            { text_field(index, "pain", PAIN, &visit.pain, VisitField::Pain, VisitText::Pain) }
                            { text_field(index, "area", AREA, &visit.wound_area, VisitField::WoundArea, VisitText::WoundArea) }
                            { text_field(index, "count", COUNT, &visit.wound_count, VisitField::WoundCount, VisitText::WoundCount) }
                            { text_field(index, "qol", QOL, &visit.qol, VisitField::Qol, VisitText::Qol) }
                            <SelectField id={format!("visit-{index}-msc")} label={MSC_GIVEN_LABEL.get(lang)} value={visit.msc.map_or("", MscGiven::id)}
                                options={routes.clone()} onchange={on_route} />
                            if visit.msc.is_some() {
                                <div class="field">
                                    <label for={dose_id.clone()}>{ DOSE.get(lang) }</label>
                                    <input id={dose_id} type="text" value={visit.msc_dose.clone()} oninput={on_dose} />
                                </div>
                            }
                            <SelectField id={format!("visit-{index}-biopsy")} label={BIOPSY.get(lang)} value={visit.biopsy.map_or("", Biopsy::id)}
                                options={[("", NOT_RECORDED), ("not_done", Biopsy::NotDone.text()), ("consistent", Biopsy::Consistent.text()), ("not_consistent", NOT_CONSISTENT)]
                                    .iter().map(|(v, t)| (AttrValue::from(*v), AttrValue::from(t.get(lang)))).collect::<Vec<_>>()}
                                onchange={on_biopsy} />
                        </div>
                        <div class="lab-grid">
                            { for VISIT_LABS.iter().filter_map(|id| lab(id)).map(|lab| {
                                let id = lab.id;
                                let input = visit.labs.get(id).cloned().unwrap_or_default();
                                let unit = input.shown_unit(id, units);
                                let on_text = {
                                    let dispatcher = dispatcher.clone();
                                    Callback::from(move |text: String| dispatcher.dispatch(Action::Edit(FormEdit::Visit(index, VisitEdit::LabText(id, text)))))
                                };
                                let on_unit = {
                                    let dispatcher = dispatcher.clone();
                                    Callback::from(move |unit: String| dispatcher.dispatch(Action::Edit(FormEdit::Visit(index, VisitEdit::LabUnit(id, unit)))))
                                };
                                let name = lab.name(lang);
                                html! {
                                    <LabField lab_id={format!("visit{index}-{id}")} label={name}
                                        unit_label={format!("{name} ({} {})", VISIT.get(lang), index + 1)}
                                        text={input.text.clone()} unit={unit}
                                        units={lab.units().iter().map(|u| AttrValue::from(u.symbol)).collect::<Vec<_>>()}
                                        message={message(FieldPath::visit_lab(index, id))} oninput={on_text} onunit={on_unit} {lang} />
                                }
                            }) }
                        </div>
                        <button type="button" class="secondary" onclick={remove}>{ REMOVE.get(lang) }</button>
                    </fieldset>
                }
            }) }
            <button type="button" class="secondary" onclick={add}>{ ADD.get(lang) }</button>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct FollowUpPanelProps {
    pub assessment: Rc<Assessment>,
    pub lang: Lang,
}

/// Each marker from baseline to the latest visit, judged against its reference, with its
/// chart; shown once the case has visits (nothing without them).
#[component]
pub fn FollowUpPanel(props: &FollowUpPanelProps) -> Html {
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
    let value = |v: f64, unit: &str| match unit {
        // A 0–10 score reads as "7/10".
        "0–10" => format!("{}/10", fmt_number(v, 1)),
        _ => format!("{} {unit}", fmt_number(v, 2))
            .trim_end()
            .to_string(),
    };
    html! {
        <section class="panel" aria-labelledby="followup-h" id="followup" data-testid="followup">
            <h2 id="followup-h">{ RESPONSE.get(lang) }</h2>
            <p class="panel-summary" data-testid="followup-summary">{ f.summary.clone() }</p>
            if let Some(t) = &f.treatment_start {
                <Why basis={t.basis.clone()} sources={t.sources.clone()} {lang} />
            }
            if !f.markers.is_empty() {
                <table class="trend-table">
                    <thead><tr>
                        <th scope="col">{ MARKER.get(lang) }</th><th scope="col">{ BASELINE.get(lang) }</th>
                        <th scope="col">{ LATEST.get(lang) }</th><th scope="col">{ CHANGE.get(lang) }</th>
                        <th scope="col">{ TREND.get(lang) }</th>
                    </tr></thead>
                    <tbody>
                        { for f.markers.iter().map(|m| html! {
                            <tr data-marker={m.id.clone()}>
                                <th scope="row">{ m.name.clone() }</th>
                                <td>{ format!("{} ({})", value(m.baseline.value, &m.unit), m.baseline.date) }</td>
                                <td>{ format!("{} ({})", value(m.latest.value, &m.unit), m.latest.date) }</td>
                                <td>{ format!("{}{}", if m.change > 0.0 { "+" } else { "" }, fmt_number(m.change, 2))
                                    + &m.percent_change.map(|p| format!(" ({}{}%)", if p > 0.0 { "+" } else { "" }, fmt_number(p, 0))).unwrap_or_default() }</td>
                                <td class={classes!("direction", m.direction.is_favourable().then_some("favourable"), m.direction.is_unfavourable().then_some("unfavourable"))}>
                                    { m.direction.label(lang) }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            { for f.markers.iter().map(|m| html! {
                <div class="trend" data-marker={m.id.clone()}>
                    <h3>{ if m.unit.is_empty() { m.name.clone() } else { format!("{} ({})", m.name, m.unit) } }</h3>
                    <TrendChart series={m.series()} reference={m.reference_bounds()} treatment_start={start.clone()}
                        title={m.name.clone()} unit={m.unit.clone()} {lang} />
                    <Why basis={m.basis.clone()} sources={m.sources.clone()} {lang} />
                </div>
            }) }
            if !f.single_measurement.is_empty() {
                <p class="muted" data-testid="single-measurement">{ format!("{}: {}", ONE_VALUE.get(lang), single.join(msg::common::LIST_SEPARATOR.get(lang))) }</p>
            }
        </section>
    }
}
