//! The conventional therapies tried: each one's response and how many weeks.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::typed_options;
use crate::core::case::Response;
use crate::core::findings::Therapy;
use crate::core::i18n::{Lang, Text};
use crate::form::{therapies, FormEdit, FormSection, TherapyChoice, TherapyInput};
use crate::ui::fields::{FieldMessage, Messages, NumberField, SelectField};
use crate::ui::text as t;

/// The choices of a therapy's select, typed: unknown (`None`), not tried, tried, or tried
/// with its response. The select's values are the choices' own ids.
pub(crate) const CHOICES: &[(Option<TherapyChoice>, Text)] = &[
    (None, t::UNKNOWN),
    (Some(TherapyChoice::NotTried), t::NOT_TRIED),
    (Some(TherapyChoice::Tried(None)), t::TRIED),
    (
        Some(TherapyChoice::Tried(Some(Response::None))),
        t::NO_RESPONSE,
    ),
    (
        Some(TherapyChoice::Tried(Some(Response::Partial))),
        t::PARTIAL,
    ),
    (
        Some(TherapyChoice::Tried(Some(Response::Complete))),
        t::COMPLETE,
    ),
];

#[derive(Properties, PartialEq)]
pub struct TherapiesProps {
    /// What was entered, by therapy id.
    pub therapies: BTreeMap<String, TherapyInput>,
    /// The errors under `therapies_tried`.
    pub messages: Messages,
    pub lang: Lang,
    pub on_edit: Callback<FormEdit>,
}

#[component]
pub fn TherapiesSection(props: &TherapiesProps) -> Html {
    let lang = props.lang;
    html! {
        <details open=true class="group" id={FormSection::Therapies.anchor()}>
            <summary><h2>{ t::THERAPIES.get(lang) }</h2></summary>
            <div class="grid">
                { for therapies().iter().map(|therapy| {
                    let id = therapy.id();
                    html! {
                        { therapy_row(&TherapyRowProps { therapy: *therapy, input: props.therapies.get(id).cloned().unwrap_or_default(),
                            message: props.messages.at(&format!("therapies_tried.{id}.weeks")),
                            note: props.messages.note_at(&format!("therapies_tried.{id}")), lang, on_edit: props.on_edit.clone() }) }
                    }
                }) }
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct TherapyRowProps {
    pub therapy: Therapy,
    pub input: TherapyInput,
    /// The error at its weeks.
    pub message: Option<FieldMessage>,
    /// Where its choice came from (a record).
    pub note: Option<FieldMessage>,
    pub lang: Lang,
    pub on_edit: Callback<FormEdit>,
}

/// A render function, no state: a component's machinery costs wasm bytes.
pub fn therapy_row(props: &TherapyRowProps) -> Html {
    let (therapy, lang) = (props.therapy, props.lang);
    let id = therapy.id();
    let name = therapy.name(lang);
    html! {
        <div class="therapy">
            <SelectField id={format!("therapy-{id}")} label={name} value={props.input.choice.map_or("", TherapyChoice::id)}
                options={typed_options(lang, CHOICES, TherapyChoice::id)} note={props.note.clone()} onchange={props.on_edit.reform(move |v: String| FormEdit::TherapyResponse(therapy, TherapyChoice::from_id(&v)))} />
            <NumberField id={format!("therapy-{id}-weeks")} label={format!("{name}: {}", t::WEEKS.get(lang))} value={props.input.weeks.clone()}
                message={props.message.clone()} oninput={props.on_edit.reform(move |v| FormEdit::TherapyWeeks(therapy, v))} />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The select offers every choice the form knows, once, and reads each value back.
    #[test]
    fn every_therapy_choice_is_offered_and_read_back() {
        let offered: Vec<TherapyChoice> = CHOICES.iter().filter_map(|(c, _)| *c).collect();
        assert_eq!(offered, TherapyChoice::all().collect::<Vec<_>>());
        for choice in offered {
            assert_eq!(TherapyChoice::from_id(choice.id()), Some(choice));
        }
        assert_eq!(TherapyChoice::from_id(""), None);
    }
}
