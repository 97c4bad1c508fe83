//! The kidney: CKD stage, dialysis and its vintage, transplant.

use yew::prelude::*;

use super::options;
use super::patient::on_text;
use crate::core::case::{CkdStage, Dialysis};
use crate::core::i18n::{msg, Lang, Text};
use crate::form::{CaseText, FormEdit, FormSection};
use crate::ui::fields::{Messages, NumberField, SelectField, TriState};
use crate::ui::text as t;

/// Every stage the format knows, "none" (no CKD) first, G3 as well as G3a and G3b (an imported G3 shows G3).
pub(crate) const CKD_STAGES: &[(&str, Text)] = &[
    ("", t::UNKNOWN),
    ("none", msg::ui_case_form::CASEFORM_NO_CKD),
    ("G1", msg::ui_case_form::CASEFORM_G1),
    ("G2", msg::ui_case_form::CASEFORM_G2),
    ("G3", msg::ui_case_form::CASEFORM_G3),
    ("G3a", msg::ui_case_form::CASEFORM_G3A),
    ("G3b", msg::ui_case_form::CASEFORM_G3B),
    ("G4", msg::ui_case_form::CASEFORM_G4),
    ("G5", msg::ui_case_form::CASEFORM_G5),
    ("G5D", t::G5D),
];

pub(crate) const DIALYSIS: &[(&str, Text)] = &[
    ("", t::UNKNOWN),
    ("none", t::NONE),
    ("hemodialysis", t::HEMODIALYSIS),
    ("peritoneal", t::PERITONEAL),
];

#[derive(Properties, PartialEq)]
pub struct KidneyProps {
    pub ckd_stage: Option<CkdStage>,
    pub dialysis: Option<Dialysis>,
    pub vintage: AttrValue,
    pub transplant: Option<bool>,
    /// The errors under `kidney`.
    pub messages: Messages,
    pub lang: Lang,
    pub on_edit: Callback<FormEdit>,
}

#[component]
pub fn KidneySection(props: &KidneyProps) -> Html {
    let KidneyProps {
        messages,
        lang,
        on_edit,
        ..
    } = props;
    let lang = *lang;
    html! {
        <details open=true class="group" id={FormSection::Kidney.anchor()}>
            <summary><h2>{ t::KIDNEY.get(lang) }</h2></summary>
            <div class="grid">
                <SelectField id="f-ckd" label={t::CKD_STAGE.get(lang)} value={props.ckd_stage.map_or("", CkdStage::id)}
                    options={options(lang, CKD_STAGES)} note={messages.note_at("kidney.ckd_stage")} onchange={on_edit.reform(|v: String| FormEdit::CkdStage(CkdStage::from_id(&v)))} />
                <SelectField id="f-dialysis" label={t::DIALYSIS.get(lang)} value={props.dialysis.map_or("", Dialysis::id)}
                    options={options(lang, DIALYSIS)} note={messages.note_at("kidney.dialysis")} onchange={on_edit.reform(|v: String| FormEdit::Dialysis(Dialysis::from_id(&v)))} />
                <NumberField id="f-vintage" label={t::VINTAGE.get(lang)} value={props.vintage.clone()}
                    message={messages.at("kidney.dialysis_vintage_months")} oninput={on_text(on_edit, CaseText::Vintage)} />
                <TriState id="f-transplant" label={t::TRANSPLANT.get(lang)} value={props.transplant} {lang} note={messages.note_at("kidney.kidney_transplant")}
                    onchange={on_edit.reform(FormEdit::Transplant)} />
            </div>
        </details>
    }
}
