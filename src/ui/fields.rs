//! Input components. Each renders one control with its label and its inline message; none
//! decides anything clinical.

use yew::prelude::*;

use super::text as t;
use crate::core::case::{FieldSource, Issue};
use crate::core::i18n::{msg, Lang};
use crate::form::Form;
use crate::tr;

/// A message shown next to a field: why its value is left out, or a warning.
#[derive(Clone, PartialEq)]
pub struct FieldMessage {
    pub text: String,
    pub is_error: bool,
}

/// The form's errors that belong to one section, in their order, and the record sources of
/// its fields (a value filled from a record says so until it is edited): a section is given
/// only its own, so an error elsewhere does not render it again.
#[derive(Clone, PartialEq, Default)]
pub struct Messages {
    errors: Vec<Issue>,
    /// (field path, "from the record, <date>").
    notes: Vec<(String, String)>,
}

impl Messages {
    /// The errors of `all` for which `belongs` holds.
    pub fn select(all: &[Issue], belongs: impl Fn(&Issue) -> bool) -> Messages {
        Messages {
            errors: all.iter().filter(|e| belongs(e)).cloned().collect(),
            notes: Vec::new(),
        }
    }

    /// The errors of `all` at `section` (a path text such as `patient`) or inside it.
    pub fn under(all: &[Issue], section: &str) -> Messages {
        Messages::select(all, |e| is_at_or_in(&e.field.to_string(), section))
    }

    /// Those of these errors for which `belongs` holds (with the same record notes).
    pub fn narrow(&self, belongs: impl Fn(&Issue) -> bool) -> Messages {
        Messages {
            notes: self.notes.clone(),
            ..Messages::select(&self.errors, belongs)
        }
    }

    /// The errors of `all` at any of `fields` (path texts) or inside one of them.
    pub fn under_any(all: &[Issue], fields: &[String]) -> Messages {
        Messages::select(all, |e| {
            let path = e.field.to_string();
            fields.iter().any(|field| is_at_or_in(&path, field))
        })
    }

    /// With the record notes of `form`'s fields for which `belongs` holds (a path text).
    pub fn with_record_notes(
        mut self,
        form: &Form,
        lang: Lang,
        belongs: impl Fn(&str) -> bool,
    ) -> Messages {
        self.notes = form
            .carried
            .provenance
            .iter()
            .filter(|(path, _)| belongs(path))
            .map(|(path, source)| (path.clone(), record_note(source, lang)))
            .collect();
        self
    }

    /// The first error at `field` (a path text) or inside it; else the field's record note.
    pub fn at(&self, field: &str) -> Option<FieldMessage> {
        self.first(|e| is_at_or_in(&e.field.to_string(), field))
            .or_else(|| self.note_at(field))
    }

    /// The first error for which `matches` holds.
    pub fn first(&self, matches: impl Fn(&Issue) -> bool) -> Option<FieldMessage> {
        self.errors
            .iter()
            .find(|e| matches(e))
            .map(|e| FieldMessage {
                text: e.message.clone(),
                is_error: true,
            })
    }

    /// "From the record, <date>" while the value at `field` is still the record's.
    pub fn note_at(&self, field: &str) -> Option<FieldMessage> {
        self.notes
            .iter()
            .find(|(path, _)| path == field)
            .map(|(_, text)| FieldMessage {
                text: text.clone(),
                is_error: false,
            })
    }
}

/// A field's record note: where its value came from, with the record's date.
pub fn record_note(source: &FieldSource, lang: Lang) -> String {
    let date = source
        .date
        .clone()
        .unwrap_or_else(|| msg::ui_import::NO_DATE.get(lang).to_string());
    tr!(lang, msg::ui_import::IMPORTED_MARK, date)
}

/// `path` is `field` or a path inside it (`labs.albumin.value` is in `labs.albumin`).
fn is_at_or_in(path: &str, field: &str) -> bool {
    path.strip_prefix(field)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'))
}

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    #[prop_or_default]
    pub message: Option<FieldMessage>,
    pub oninput: Callback<String>,
    /// What follows the input on its row: the unit, or a unit selector.
    #[prop_or_default]
    pub children: Html,
}

/// A text field for a number (`inputmode="decimal"`: a phone shows the number pad, and the
/// text stays exactly as typed even when it is not a number).
#[component]
pub fn NumberField(props: &NumberFieldProps) -> Html {
    let oninput = {
        let callback = props.oninput.clone();
        Callback::from(move |e: InputEvent| {
            callback.emit(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let message_id = format!("{}-msg", props.id);
    let invalid = props.message.as_ref().is_some_and(|m| m.is_error);
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="field-row">
                <input id={props.id.clone()} type="text" inputmode="decimal" autocomplete="off"
                    value={props.value.clone()} {oninput}
                    aria-invalid={invalid.to_string()}
                    aria-describedby={props.message.as_ref().map(|_| message_id.clone())} />
                { props.children.clone() }
            </div>
            { field_note(&FieldNoteProps { id: message_id, message: props.message.clone() }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FieldNoteProps {
    pub id: String,
    pub message: Option<FieldMessage>,
}

/// A render function, no state: a component's machinery costs wasm bytes.
pub fn field_note(props: &FieldNoteProps) -> Html {
    match &props.message {
        Some(message) => html! {
            <p id={props.id.clone()} class={if message.is_error { "field-error" } else { "field-warning" }}>
                <span aria-hidden="true">{ if message.is_error { "⚠ " } else { "ℹ " } }</span>
                { message.text.clone() }
            </p>
        },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// (value, label); the first option should be the "unknown" one.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub onchange: Callback<String>,
    /// Beside the control: where its value came from (a record), or a message.
    #[prop_or_default]
    pub note: Option<FieldMessage>,
}

#[component]
pub fn SelectField(props: &SelectFieldProps) -> Html {
    let onchange = {
        let callback = props.onchange.clone();
        Callback::from(move |e: Event| {
            callback.emit(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            )
        })
    };
    let note_id = format!("{}-msg", props.id);
    html! {
        <div class="field">
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <select id={props.id.clone()} {onchange} aria-describedby={props.note.as_ref().map(|_| note_id.clone())}>
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ label.clone() }</option>
                }) }
            </select>
            { field_note(&FieldNoteProps { id: note_id, message: props.note.clone() }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct TriStateProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: Option<bool>,
    #[prop_or_default]
    pub lang: Lang,
    pub onchange: Callback<Option<bool>>,
    /// Below the options: where the answer came from (a record).
    #[prop_or_default]
    pub note: Option<FieldMessage>,
}

/// Yes / No / Unknown as a radio group: unknown is a real answer, not a blank.
#[component]
pub fn TriState(props: &TriStateProps) -> Html {
    let note_id = format!("{}-msg", props.id);
    // On each radio, not the fieldset: screen readers read a radio's description reliably.
    let described_by = props.note.as_ref().map(|_| note_id.clone());
    let option = |value: Option<bool>, text: &'static str| {
        let id = format!(
            "{}-{}",
            props.id,
            match value {
                Some(true) => "yes",
                Some(false) => "no",
                None => "unknown",
            }
        );
        let onchange = {
            let callback = props.onchange.clone();
            Callback::from(move |_: Event| callback.emit(value))
        };
        html! {
            <label class="tri-option" for={id.clone()}>
                <input type="radio" id={id} name={props.id.clone()} checked={props.value == value} {onchange}
                    aria-describedby={described_by.clone()} />
                <span>{ text }</span>
            </label>
        }
    };
    html! {
        <fieldset class={classes!("tri", match props.value { Some(true) => "is-yes", Some(false) => "is-no", None => "is-unknown" })}>
            <legend>{ props.label.clone() }</legend>
            <div class="tri-options">
                { option(Some(true), t::YES.get(props.lang)) }
                { option(Some(false), t::NO.get(props.lang)) }
                { option(None, t::UNKNOWN.get(props.lang)) }
            </div>
            { field_note(&FieldNoteProps { id: note_id, message: props.note.clone() }) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct LabFieldProps {
    pub lab_id: AttrValue,
    pub label: AttrValue,
    /// The accessible name of the unit selector.
    pub unit_label: AttrValue,
    pub text: AttrValue,
    pub unit: AttrValue,
    pub units: Vec<AttrValue>,
    #[prop_or_default]
    pub message: Option<FieldMessage>,
    pub oninput: Callback<String>,
    pub onunit: Callback<String>,
    #[prop_or_default]
    pub lang: Lang,
}

/// A numeric lab: the value and its unit. Changing the unit converts the value.
#[component]
pub fn LabField(props: &LabFieldProps) -> Html {
    let id = format!("lab-{}", props.lab_id);
    let unit_id = format!("{id}-unit");
    let onchange = {
        let callback = props.onunit.clone();
        Callback::from(move |e: Event| {
            callback.emit(
                e.target_unchecked_into::<web_sys::HtmlSelectElement>()
                    .value(),
            )
        })
    };
    // A unit the lab does not know (from an imported file) is shown as it is, selected, so
    // the selector never claims a unit the value is not in, and choosing any known unit
    // (the first one too) fires a change.
    let unknown_unit = !props.unit.is_empty() && !props.units.contains(&props.unit);
    // A value imported without a unit: "no unit" is selected until one is chosen.
    let missing_unit = props.unit.is_empty();
    html! {
        <NumberField id={id} label={props.label.clone()} value={props.text.clone()}
            message={props.message.clone()} oninput={props.oninput.clone()}>
            if props.units.len() > 1 || missing_unit {
                <label class="visually-hidden" for={unit_id.clone()}>{ props.unit_label.clone() }</label>
                <select id={unit_id} class="unit-select" {onchange}>
                    if missing_unit {
                        <option value="" selected=true disabled=true>{ t::NO_UNIT.get(props.lang) }</option>
                    }
                    if unknown_unit {
                        <option value={props.unit.clone()} selected=true>{ props.unit.clone() }</option>
                    }
                    { for props.units.iter().map(|unit| html! {
                        <option value={unit.clone()} selected={*unit == props.unit}>{ unit.clone() }</option>
                    }) }
                </select>
            } else {
                <span class="unit">{ props.unit.clone() }</span>
            }
        </NumberField>
    }
}
