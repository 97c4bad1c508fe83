//! A grid of labs: a numeric lab is its value and unit, a qualitative one its result.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::core::i18n::Lang;
use crate::core::labs::{lab, result_label, Lab, LabId, LabKind};
use crate::form::{FormEdit, LabInput, LabText, UnitSystem};
use crate::ui::fields::{FieldMessage, LabField};
use crate::ui::fields::{Messages, SelectField};
use crate::ui::text as t;

#[derive(Properties, PartialEq)]
pub struct LabGridProps {
    /// The labs shown, in this order.
    pub ids: &'static [LabId],
    /// What was typed for them (a lab not here is blank).
    pub inputs: BTreeMap<String, LabInput>,
    pub units: UnitSystem,
    /// The errors at these labs.
    pub messages: Messages,
    /// What to record to interpret a lab's result, as the workup says it (core-decided).
    pub prompts: Vec<(LabId, String)>,
    pub lang: Lang,
    pub on_edit: Callback<FormEdit>,
}

#[component]
pub fn LabGrid(props: &LabGridProps) -> Html {
    html! {
        <div class="lab-grid">
            { for props.ids.iter().map(|&id| lab(id)).map(|lab| {
                let input = props.inputs.get(lab.id.id()).cloned().unwrap_or_default();
                let message = props.messages.at(&format!("labs.{}", lab.id.id()));
                let control = lab_control(lab, input, props.units, message, props.lang, &props.on_edit);
                let prompt = props.prompts.iter().find(|(id, _)| *id == lab.id);
                // Always the same wrapper, so a prompt appearing never replaces the field
                // being typed in (focus stays).
                html! {
                    <div class="lab-cell">
                        { control }
                        if let Some((_, prompt)) = prompt {
                            <p class="to-record" data-testid={format!("to-record-{}", lab.id.id())}>{ prompt.clone() }</p>
                        }
                    </div>
                }
            }) }
        </div>
    }
}

/// The control of one lab.
fn lab_control(
    lab: &'static Lab,
    input: LabInput,
    units: UnitSystem,
    message: Option<FieldMessage>,
    lang: Lang,
    on_edit: &Callback<FormEdit>,
) -> Html {
    let (id, key) = (lab.id, lab.id.id());
    let name = lab.name(lang);
    match lab.kind {
        LabKind::Numeric { units: known, .. } => {
            let on_text = on_edit.reform(move |text| FormEdit::LabText(id, LabText::Value, text));
            let on_unit = on_edit.reform(move |unit| FormEdit::LabUnit(id, unit));
            html! {
                <LabField lab_id={key} label={name} unit_label={format!("{name} {}", t::UNIT_OF.get(lang))}
                    text={input.text.clone()} unit={input.shown_unit(key, units)}
                    units={known.iter().map(|u| AttrValue::from(u.symbol)).collect::<Vec<_>>()}
                    {message} oninput={on_text} onunit={on_unit} {lang} />
            }
        }
        LabKind::Qualitative { results } => {
            let on_result = on_edit.reform(move |result| FormEdit::LabResult(id, result));
            let mut choices = vec![(
                AttrValue::from(""),
                AttrValue::from(t::QUALITATIVE_UNKNOWN.get(lang)),
            )];
            choices.extend(
                results
                    .iter()
                    .map(|(r, _)| (AttrValue::from(*r), AttrValue::from(result_label(r, lang)))),
            );
            html! {
                <SelectField id={format!("lab-{key}")} label={name} value={input.result} options={choices} note={message} onchange={on_result} />
            }
        }
    }
}
