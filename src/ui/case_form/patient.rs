//! The patient: the case's label, age, sex, weight and height.

use yew::prelude::*;

use super::options;
use crate::core::case::Sex;
use crate::core::i18n::Lang;
use crate::form::{CaseText, FormEdit, FormSection};
use crate::ui::fields::{Messages, NumberField, SelectField};
use crate::ui::text as t;

#[derive(Properties, PartialEq)]
pub struct PatientProps {
    pub label: AttrValue,
    pub age: AttrValue,
    pub sex: Option<Sex>,
    pub weight: AttrValue,
    pub height: AttrValue,
    /// The errors under `patient`.
    pub messages: Messages,
    pub lang: Lang,
    pub on_edit: Callback<FormEdit>,
}

/// A callback that sends what is typed as the text of `field`.
pub(super) fn on_text(on_edit: &Callback<FormEdit>, field: CaseText) -> Callback<String> {
    on_edit.reform(move |text| FormEdit::Text(field, text))
}

#[component]
pub fn PatientSection(props: &PatientProps) -> Html {
    let PatientProps {
        messages,
        lang,
        on_edit,
        ..
    } = props;
    let lang = *lang;
    let on_label = {
        let set = on_text(on_edit, CaseText::Label);
        Callback::from(move |e: InputEvent| {
            set.emit(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .value(),
            )
        })
    };
    let sexes = options(
        lang,
        &[("", t::UNKNOWN), ("female", t::FEMALE), ("male", t::MALE)],
    );
    html! {
        <details open=true class="group" id={FormSection::Patient.anchor()}>
            <summary><h2>{ t::PATIENT.get(lang) }</h2></summary>
            <div class="field">
                <label for="f-label">{ t::LABEL.get(lang) }</label>
                <input id="f-label" type="text" autocomplete="off" value={props.label.clone()} oninput={on_label} />
            </div>
            <div class="grid">
                <NumberField id="f-age" label={t::AGE.get(lang)} value={props.age.clone()} message={messages.at("patient.age_years")}
                    oninput={on_text(on_edit, CaseText::Age)} />
                <SelectField id="f-sex" label={t::SEX.get(lang)} value={props.sex.map_or("", Sex::id)} options={sexes} note={messages.note_at("patient.sex")}
                    onchange={on_edit.reform(|v: String| FormEdit::Sex(Sex::from_id(&v)))} />
                <NumberField id="f-weight" label={t::WEIGHT.get(lang)} value={props.weight.clone()} message={messages.at("patient.weight_kg")}
                    oninput={on_text(on_edit, CaseText::Weight)} />
                <NumberField id="f-height" label={t::HEIGHT.get(lang)} value={props.height.clone()} message={messages.at("patient.height_cm")}
                    oninput={on_text(on_edit, CaseText::Height)} />
            </div>
        </details>
    }
}
