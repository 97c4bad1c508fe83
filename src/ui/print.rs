//! What only the printed report shows: the case as entered, compactly, and every source
//! cited, in full. On screen these are hidden (the form and the "Why?" panels show them).

use crate::core::i18n::msg;
use std::rc::Rc;

use yew::prelude::*;

use super::text as t;
use crate::about::page_path;
use crate::core::case::{Case, TherapyTrial};
use crate::core::findings::{known_finding, Therapy};
use crate::core::i18n::{Lang, Text};
use crate::core::labs::{fmt_number, known_lab, result_label};
use crate::core::Assessment;
use crate::tr;

#[derive(Properties, PartialEq)]
pub struct CaseSummaryProps {
    pub case: Rc<Case>,
    pub lang: Lang,
    /// Shown on screen too (teaching mode), not only in print.
    #[prop_or_default]
    pub on_screen: bool,
}

/// The inputs of the case, one line per section, only what was recorded.
///
/// A render function, no state: a component's machinery costs wasm bytes.
pub fn case_summary(props: &CaseSummaryProps) -> Html {
    let (case, lang) = (&props.case, props.lang);
    let row = |title: Text, items: Vec<String>| {
        if items.is_empty() {
            html! {}
        } else {
            html! { <><dt>{ title.get(lang) }</dt><dd>{ items.join(msg::ui_print::CASESUMMARY_TEXT_2.get(lang)) }</dd></> }
        }
    };
    html! {
        <section class={classes!("case-summary", (!props.on_screen).then_some("print-only"))}
            aria-hidden={(!props.on_screen).then_some("true")}>
            if !props.on_screen { <h2>{ t::CASE_FORM.get(lang) }</h2> }
            if let Some(label) = &case.label { <p>{ label.clone() }</p> }
            <dl>
                { row(t::PATIENT, patient_items(case, lang)) }
                { row(t::KIDNEY, kidney_items(case, lang)) }
                { row(t::RECORDED_YES, finding_items(case, true, lang)) }
                { row(t::RECORDED_NO, finding_items(case, false, lang)) }
                { row(t::SKIN, lesion_items(case, lang)) }
                { row(t::LABS, lab_items(case, lang)) }
                { row(t::THERAPIES, therapy_items(case, lang)) }
            </dl>
        </section>
    }
}

/// "12.5 unit", one decimal.
fn number(value: Option<f64>, unit: &str) -> Option<String> {
    value.map(|v| format!("{} {unit}", fmt_number(v, 1)))
}

/// Age, sex, weight, height.
fn patient_items(case: &Case, lang: Lang) -> Vec<String> {
    let patient = &case.patient;
    [
        number(patient.age_years, msg::ui_print::CASESUMMARY_Y.get(lang)),
        patient.sex.map(|s| s.name(lang).to_string()),
        number(patient.weight_kg, "kg"),
        number(patient.height_cm, "cm"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// CKD stage, dialysis and its vintage, transplant.
fn kidney_items(case: &Case, lang: Lang) -> Vec<String> {
    let kidney = &case.kidney;
    [
        kidney.ckd_stage.map(|s| s.id().to_string()),
        kidney
            .dialysis
            .map(|d| field(t::DIALYSIS, d.name(lang), lang)),
        number(
            kidney.dialysis_vintage_months,
            msg::ui_print::CASESUMMARY_MONTHS.get(lang),
        ),
        kidney
            .kidney_transplant
            .map(|t| field(t::TRANSPLANT, yes_no(t, lang), lang)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The findings recorded as present (`value` true) or absent.
fn finding_items(case: &Case, value: bool, lang: Lang) -> Vec<String> {
    case.findings
        .iter()
        .filter(|(_, v)| **v == value)
        .filter_map(|(id, _)| known_finding(id).map(|f| f.label(lang).to_string()))
        .collect()
}

/// Lesion count, sites, biopsy.
fn lesion_items(case: &Case, lang: Lang) -> Vec<String> {
    let lesions = &case.lesions;
    let mut items = Vec::new();
    if let Some(count) = lesions.count {
        items.push(field(t::LESION_COUNT, &fmt_number(count, 0), lang));
    }
    if let Some(count) = lesions.ulcer_count {
        items.push(field(t::ULCER_COUNT, &fmt_number(count, 0), lang));
    }
    if !lesions.sites.is_empty() {
        let sites: Vec<&str> = lesions.sites.iter().map(|s| s.name(lang)).collect();
        let sites = sites.join(msg::common::LIST_SEPARATOR.get(lang));
        items.push(field(t::SITES, &sites, lang));
    }
    if let Some(biopsy) = lesions.biopsy {
        items.push(field(t::BIOPSY, biopsy.name(lang), lang));
    }
    items
}

/// Each lab: its value and unit, or its result.
fn lab_items(case: &Case, lang: Lang) -> Vec<String> {
    case.labs
        .iter()
        .map(|(id, entry)| {
            let name = known_lab(id).map(|l| l.name(lang)).unwrap_or(id);
            let value = match (&entry.value, &entry.result) {
                (Some(v), _) => format!(
                    "{} {}",
                    fmt_number(*v, 3),
                    entry.unit.as_deref().unwrap_or("")
                ),
                (None, Some(r)) => result_label(r, lang),
                _ => String::new(),
            };
            format!("{name} {value}")
        })
        .collect()
}

/// Each therapy tried: not tried, or for how long and with what response.
fn therapy_items(case: &Case, lang: Lang) -> Vec<String> {
    case.therapies_tried
        .iter()
        .flatten()
        .map(|(id, trial)| {
            let name = Therapy::from_id(id).map(|t| t.name(lang)).unwrap_or(id);
            match trial {
                TherapyTrial::Tried => name.to_string(),
                TherapyTrial::NotTried => {
                    tr!(lang, msg::ui_print::CASESUMMARY_NAME_NOT_TRIED, name)
                }
                TherapyTrial::Detail { weeks, response } => {
                    let weeks = weeks
                        .map(|w| {
                            let weeks = fmt_number(w, 0);
                            tr!(lang, msg::ui_print::CASESUMMARY_WEEKS_WEEKS, weeks)
                        })
                        .unwrap_or_default();
                    let response = response
                        .map(|r| {
                            let response = r.name(lang);
                            tr!(lang, msg::ui_print::CASESUMMARY_RESPONSE, response)
                        })
                        .unwrap_or_default();
                    format!("{name}{weeks}{response}")
                }
            }
        })
        .collect()
}

/// "Name: value" with the language's colon.
fn field(name: Text, value: &str, lang: Lang) -> String {
    let name = name.get(lang);
    tr!(lang, msg::ui_print::FIELD_NAME_VALUE, name, value)
}

fn yes_no(value: bool, lang: Lang) -> &'static str {
    if value {
        t::YES.get(lang)
    } else {
        t::NO.get(lang)
    }
}

#[derive(Properties, PartialEq)]
pub struct CitationsProps {
    pub assessment: Rc<Assessment>,
    pub lang: Lang,
}

/// Every source the assessment cites, in full.
///
/// A render function, no state: a component's machinery costs wasm bytes.
pub fn citations(props: &CitationsProps) -> Html {
    html! {
        <section class="print-only citations" aria-hidden="true">
            <h2>{ t::SOURCES.get(props.lang) }</h2>
            <ol>
                { for props.assessment.citations.values().map(|full| html! { <li>{ full.clone() }</li> }) }
            </ol>
            // Where the rules are written out in full, and what the calculator is not for.
            <p class="about-line"><a href={page_path(props.lang)}>{ about_line(props.lang) }</a></p>
        </section>
    }
}

/// "Intended use, limits and every rule in full: about/index.html (beside the calculator)".
fn about_line(lang: Lang) -> String {
    let path = page_path(lang);
    tr!(lang, msg::ui_print::ABOUT_LINE, path)
}
