//! The skin: lesion findings, count, biopsy and sites.

use std::collections::BTreeMap;

use yew::prelude::*;

use super::findings::FindingsGrid;
use super::options;
use super::patient::on_text;
use crate::core::case::Biopsy;
use crate::core::findings::{FindingGroup, Site};
use crate::core::i18n::{Lang, Text};
use crate::form::{CaseText, FormEdit, FormSection};
use crate::ui::fields::{Messages, NumberField, SelectField};
use crate::ui::text as t;

const BIOPSY: &[(&str, Text)] = &[
    ("", t::UNKNOWN),
    ("not_done", t::NOT_DONE),
    ("consistent", t::CONSISTENT),
    ("not_consistent", t::NOT_CONSISTENT),
];

#[derive(Properties, PartialEq)]
pub struct LesionsProps {
    /// The answers recorded for the skin findings.
    pub findings: BTreeMap<String, bool>,
    pub count: AttrValue,
    /// How many of the lesions are ulcers (Hayashi criterion (2) counts them).
    pub ulcer_count: AttrValue,
    pub biopsy: Option<Biopsy>,
    pub sites: Vec<Site>,
    /// The errors under `lesions`, and the record notes of the skin findings.
    pub messages: Messages,
    pub lang: Lang,
    pub on_edit: Callback<FormEdit>,
}

#[component]
pub fn LesionsSection(props: &LesionsProps) -> Html {
    let LesionsProps { lang, on_edit, .. } = props;
    let lang = *lang;
    html! {
        <details open=true class="group" id={FormSection::Skin.anchor()}>
            <summary><h2>{ t::SKIN.get(lang) }</h2></summary>
            <FindingsGrid group={FindingGroup::Skin} values={props.findings.clone()} notes={props.messages.clone()} {lang} on_edit={on_edit.clone()} />
            <div class="grid">
                <NumberField id="f-lesions" label={t::LESION_COUNT.get(lang)} value={props.count.clone()}
                    message={props.messages.at("lesions.count")} oninput={on_text(on_edit, CaseText::LesionCount)} />
                <NumberField id="f-ulcers" label={t::ULCER_COUNT.get(lang)} value={props.ulcer_count.clone()}
                    message={props.messages.at("lesions.ulcer_count")} oninput={on_text(on_edit, CaseText::UlcerCount)} />
                <SelectField id="f-biopsy" label={t::BIOPSY.get(lang)} value={props.biopsy.map_or("", Biopsy::id)}
                    options={options(lang, BIOPSY)} onchange={on_edit.reform(|v: String| FormEdit::Biopsy(Biopsy::from_id(&v)))} />
            </div>
            { sites_field(&SitesProps { sites: props.sites.clone(), lang, on_edit: on_edit.clone() }) }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct SitesProps {
    /// The sites ticked.
    pub sites: Vec<Site>,
    pub lang: Lang,
    pub on_edit: Callback<FormEdit>,
}

/// A checkbox per body site; the central ones are marked (they weigh in the diagnosis).
///
/// A render function, no state: a component's machinery costs wasm bytes.
pub fn sites_field(props: &SitesProps) -> Html {
    let lang = props.lang;
    html! {
        <fieldset class="sites">
            <legend>{ t::SITES.get(lang) }</legend>
            { for Site::ALL.iter().map(|site| {
                let site = *site;
                let id = format!("site-{}", site.id());
                let on_edit = props.on_edit.clone();
                let onchange = Callback::from(move |e: Event| {
                    let ticked = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                    on_edit.emit(FormEdit::Site(site, ticked))
                });
                html! {
                    <label class="check" for={id.clone()}>
                        <input type="checkbox" id={id} checked={props.sites.contains(&site)} {onchange} />
                        { site.name(lang) }
                        if site.is_central() { <span class="muted">{ format!(" ({})", t::CENTRAL.get(lang)) }</span> }
                    </label>
                }
            }) }
        </fieldset>
    }
}
