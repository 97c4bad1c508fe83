//! Follow-up visits in the form: each dated visit's scores, MSC treatment, biopsy and the
//! labs the published hAMSC cases followed.

use yew::prelude::*;

use super::{options, typed_options};
use crate::core::case::{Biopsy, Issue, Route};
use crate::core::field_path::{FieldPath, VisitField};
use crate::core::i18n::{msg, Lang, Text};
use crate::core::labs::lab;
use crate::form::{
    FormEdit, FormSection, MscGiven, UnitSystem, VisitEdit, VisitInput, VisitText, VISIT_LABS,
};
use crate::ui::fields::{field_note, FieldNoteProps, LabField, Messages, NumberField, SelectField};

const FOLLOW_UP: Text = msg::ui_followup::FOLLOW_UP;
const FOLLOW_UP_HINT: Text = msg::ui_followup::FOLLOW_UP_HINT;
const VISIT: Text = msg::ui_followup::VISIT;
const DATE: Text = msg::ui_followup::DATE;
const MSC_GIVEN_LABEL: Text = msg::ui_followup::MSC_GIVEN_LABEL;
const DOSE: Text = msg::ui_followup::DOSE;
const BIOPSY: Text = msg::ui_followup::BIOPSY;
const ADD: Text = msg::ui_followup::ADD;
const REMOVE: Text = msg::ui_followup::REMOVE;

/// The scores of a visit: (id in the page, label, field, text edited).
const SCORES: &[(&str, Text, VisitField, VisitText)] = &[
    (
        "pain",
        msg::ui_followup::PAIN,
        VisitField::Pain,
        VisitText::Pain,
    ),
    (
        "area",
        msg::ui_followup::AREA,
        VisitField::WoundArea,
        VisitText::WoundArea,
    ),
    (
        "count",
        msg::ui_followup::COUNT,
        VisitField::WoundCount,
        VisitText::WoundCount,
    ),
    (
        "qol",
        msg::ui_followup::QOL,
        VisitField::Qol,
        VisitText::Qol,
    ),
];

/// The MSC select, typed: none at this visit (`None`), given with the route not recorded,
/// or a route. The select's values are the choices' own ids.
const ROUTES: &[(Option<MscGiven>, Text)] = &[
    (None, msg::ui_followup::NO_MSC),
    (Some(MscGiven::RouteNotRecorded), msg::ui_followup::GIVEN),
    (
        Some(MscGiven::Route(Route::Intravenous)),
        msg::ui_followup::IV,
    ),
    (
        Some(MscGiven::Route(Route::Intramuscular)),
        msg::ui_followup::IM,
    ),
    (
        Some(MscGiven::Route(Route::Topical)),
        msg::ui_followup::TOPICAL,
    ),
    (
        Some(MscGiven::Route(Route::Intralesional)),
        msg::ui_followup::INTRALESIONAL,
    ),
];

const BIOPSIES: &[(&str, Text)] = &[
    ("", msg::ui_followup::NOT_RECORDED),
    ("not_done", Biopsy::NotDone.text()),
    ("consistent", Biopsy::Consistent.text()),
    ("not_consistent", msg::ui_followup::NOT_CONSISTENT),
];

/// The errors inside the visits.
pub(super) fn visit_messages(errors: &[Issue]) -> Messages {
    Messages::select(errors, |e| matches!(e.field, FieldPath::Visit(..)))
}

#[derive(Properties, PartialEq)]
pub struct VisitsFormProps {
    pub visits: Vec<VisitInput>,
    pub units: UnitSystem,
    /// The errors inside the visits.
    pub messages: Messages,
    pub lang: Lang,
    pub on_edit: Callback<FormEdit>,
}

/// The follow-up visits of the case, newest last; each can be removed.
#[component]
pub fn VisitsForm(props: &VisitsFormProps) -> Html {
    let lang = props.lang;
    let add = props.on_edit.reform(|_: MouseEvent| FormEdit::AddVisit);
    html! {
        <details open=true class="group" id={FormSection::FollowUp.anchor()}>
            <summary><h2>{ FOLLOW_UP.get(lang) }</h2></summary>
            <p class="muted">{ FOLLOW_UP_HINT.get(lang) }</p>
            { for props.visits.iter().enumerate().map(|(index, visit)| {
                let messages = props.messages.narrow(|e| matches!(e.field, FieldPath::Visit(i, _) if i == index));
                html! {
                    { visit_fields(&VisitProps { index, visit: visit.clone(), units: props.units, messages, lang, on_edit: props.on_edit.clone() }) }
                }
            }) }
            <button type="button" class="secondary" onclick={add}>{ ADD.get(lang) }</button>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct VisitProps {
    /// Its place among the visits (from 0).
    pub index: usize,
    pub visit: VisitInput,
    pub units: UnitSystem,
    /// The errors inside this visit.
    pub messages: Messages,
    pub lang: Lang,
    pub on_edit: Callback<FormEdit>,
}

/// One visit: its date, scores, MSC treatment, biopsy and labs, and "Remove".
///
/// A render function, no state: a component's machinery costs wasm bytes.
pub fn visit_fields(props: &VisitProps) -> Html {
    let VisitProps {
        index,
        visit,
        messages,
        lang,
        ..
    } = props;
    let (index, lang) = (*index, *lang);
    let on_visit = props
        .on_edit
        .reform(move |edit| FormEdit::Visit(index, edit));
    let remove = props
        .on_edit
        .reform(move |_: MouseEvent| FormEdit::RemoveVisit(index));
    let typed = |text: VisitText| {
        on_visit.reform(move |e: InputEvent| {
            let typed = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            VisitEdit::Text(text, typed)
        })
    };
    let dose_id = format!("visit-{index}-dose");
    let dated = if visit.date.is_empty() {
        String::new()
    } else {
        format!(" ({})", visit.date)
    };
    let title = format!("{} {}{dated}", VISIT.get(lang), index + 1);
    html! {
        <fieldset class="visit" data-visit={index.to_string()}>
            <legend>{ title }</legend>
            <div class="grid">
                { date_field(index, &visit.date, messages, lang, typed(VisitText::Date)) }
                { for SCORES.iter().map(|(id, label, field, text)| {
                    let (field, text) = (*field, *text);
                    html! {
                        <NumberField id={format!("visit-{index}-{id}")} label={label.get(lang)} value={typed_text(visit, text).to_string()}
                            message={messages.first(|e| e.field == FieldPath::visit(index, field))}
                            oninput={on_visit.reform(move |typed| VisitEdit::Text(text, typed))} />
                    }
                }) }
                <SelectField id={format!("visit-{index}-msc")} label={MSC_GIVEN_LABEL.get(lang)} value={visit.msc.map_or("", MscGiven::id)}
                    options={typed_options(lang, ROUTES, MscGiven::id)} onchange={on_visit.reform(|route: String| VisitEdit::MscRoute(MscGiven::from_id(&route)))} />
                if visit.msc.is_some() {
                    <div class="field">
                        <label for={dose_id.clone()}>{ DOSE.get(lang) }</label>
                        <input id={dose_id} type="text" value={visit.msc_dose.clone()} oninput={typed(VisitText::MscDose)} />
                    </div>
                }
                <SelectField id={format!("visit-{index}-biopsy")} label={BIOPSY.get(lang)} value={visit.biopsy.map_or("", Biopsy::id)}
                    options={options(lang, BIOPSIES)} onchange={on_visit.reform(|v: String| VisitEdit::Biopsy(Biopsy::from_id(&v)))} />
            </div>
            { visit_labs(index, visit, props.units, messages, lang, &on_visit) }
            <button type="button" class="secondary" onclick={remove}>{ REMOVE.get(lang) }</button>
        </fieldset>
    }
}

/// The text typed in a visit's field.
fn typed_text(visit: &VisitInput, text: VisitText) -> &str {
    match text {
        VisitText::Date => &visit.date,
        VisitText::Pain => &visit.pain,
        VisitText::WoundArea => &visit.wound_area,
        VisitText::WoundCount => &visit.wound_count,
        VisitText::Qol => &visit.qol,
        VisitText::MscDose => &visit.msc_dose,
    }
}

/// The date of visit `index`, with its error.
fn date_field(
    index: usize,
    date: &str,
    messages: &Messages,
    lang: Lang,
    oninput: Callback<InputEvent>,
) -> Html {
    let id = format!("visit-{index}-date");
    let message_id = format!("{id}-msg");
    let message = messages.first(|e| e.field == FieldPath::visit(index, VisitField::Date));
    let invalid = message.as_ref().is_some_and(|m| m.is_error);
    html! {
        <div class="field">
            <label for={id.clone()}>{ DATE.get(lang) }</label>
            <input id={id} type="date" value={date.to_string()} {oninput}
                aria-invalid={invalid.to_string()}
                aria-describedby={message.as_ref().map(|_| message_id.clone())} />
            { field_note(&FieldNoteProps { id: message_id, message }) }
        </div>
    }
}

/// The labs of visit `index` ([`VISIT_LABS`]), each in the unit shown.
fn visit_labs(
    index: usize,
    visit: &VisitInput,
    units: UnitSystem,
    messages: &Messages,
    lang: Lang,
    on_visit: &Callback<VisitEdit>,
) -> Html {
    html! {
        <div class="lab-grid">
            { for VISIT_LABS.iter().map(|&id| lab(id)).map(|lab| {
                let (lab_id, id) = (lab.id, lab.id.id());
                let input = visit.labs.get(id).cloned().unwrap_or_default();
                let name = lab.name(lang);
                html! {
                    <LabField lab_id={format!("visit{index}-{id}")} label={name}
                        unit_label={format!("{name} ({} {})", VISIT.get(lang), index + 1)}
                        text={input.text.clone()} unit={input.shown_unit(id, units)}
                        units={lab.units().iter().map(|u| AttrValue::from(u.symbol)).collect::<Vec<_>>()}
                        message={messages.first(|e| e.field == FieldPath::visit_lab(index, id))}
                        oninput={on_visit.reform(move |text| VisitEdit::LabText(lab_id, text))}
                        onunit={on_visit.reform(move |unit| VisitEdit::LabUnit(lab_id, unit))} {lang} />
                }
            }) }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every MSC choice offered reads back as itself; "none at this visit" reads as `None`.
    #[test]
    fn every_msc_choice_offered_is_read_back() {
        for (given, _) in ROUTES {
            assert_eq!(MscGiven::from_id(given.map_or("", MscGiven::id)), *given);
        }
        assert!(ROUTES
            .iter()
            .any(|(g, _)| *g == Some(MscGiven::RouteNotRecorded)));
    }
}
