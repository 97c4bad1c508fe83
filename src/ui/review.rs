//! The review of a record before it fills the form: each value it would fill, with its
//! date and source, beside what the form holds now, each with a tick the clinician can
//! clear; what the record held that gave no value, and why. Nothing changes until "Apply".

use std::rc::Rc;

#[cfg(feature = "csr")]
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::case_form::{CKD_STAGES, THERAPY_CHOICES};
use super::state::{Action, Review, State};
use super::text as t;
use crate::core::field_path::{FieldPath, Key, KidneyField, LabPath, PatientField};
use crate::core::i18n::{msg, Lang, Text};
use crate::core::labs::{known_lab, result_label, LabKind};
use crate::form::{Form, RecordField};
use crate::import::ImportSource;
use crate::tr;

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub review: Rc<Review>,
    /// The form as it is now (the review shows it beside each value).
    pub form: Rc<Form>,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<State>,
}

#[component]
pub fn ReviewPanel(props: &ReviewProps) -> Html {
    let ReviewProps {
        review,
        form,
        lang,
        dispatcher,
    } = props;
    let lang = *lang;
    let heading = use_node_ref();
    // A new record to review takes the focus, so a screen reader starts at its heading.
    use_effect_with(review.import.clone(), {
        let heading = heading.clone();
        move |_| {
            if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        }
    });
    // The focused button goes with the review: the focus moves to what follows (Undo after
    // Apply, the paste box after Cancel).
    let send = |action: fn() -> Action, then_focus: &'static str| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(action());
            focus_later(then_focus);
        })
    };
    let ticked = review.ticked.iter().filter(|t| **t).count();
    let source = match review.source {
        ImportSource::Fhir => msg::ui_import::SOURCE_FHIR,
        ImportSource::Paste => msg::ui_import::SOURCE_PASTE,
    };
    html! {
        <section class="review" aria-labelledby="review-heading" data-testid="import-review">
            <h2 id="review-heading" tabindex="-1" ref={heading}>{ msg::ui_import::REVIEW_HEADING.get(lang) }</h2>
            <p class="hint">{ format!("{} · {}", source.get(lang), msg::ui_import::REVIEW_HINT.get(lang)) }</p>
            if review.import.fields.is_empty() {
                <p data-testid="nothing-to-apply">{ msg::ui_import::NOTHING_TO_APPLY.get(lang) }</p>
            } else {
                { review_table(review, form, lang, dispatcher) }
            }
            if let Some(suggestion) = &review.report.suggested_ckd_stage {
                <p class="hint" data-testid="ckd-suggestion">{ suggestion.message.clone() }</p>
            }
            { not_used(review, lang) }
            <div class="review-actions">
                <button type="button" data-testid="review-apply" disabled={ticked == 0} onclick={send(|| Action::ReviewApply, "[data-testid=undo] button")}>
                    { format!("{} ({ticked})", msg::ui_import::APPLY.get(lang)) }
                </button>
                <button type="button" class="secondary" data-testid="review-cancel" onclick={send(|| Action::Review(None), "[data-testid=paste-box] summary")}>
                    { msg::ui_import::CANCEL.get(lang) }
                </button>
            </div>
        </section>
    }
}

/// Focuses the element `selector` finds once the page has rendered the change.
fn focus_later(selector: &'static str) {
    #[cfg(feature = "csr")]
    gloo::timers::callback::Timeout::new(0, move || {
        let element = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(selector).ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(element) = element {
            let _ = element.focus();
        }
    })
    .forget();
    #[cfg(not(feature = "csr"))]
    let _ = selector;
}

/// One row per value: its tick, the field, the record's value, date and source, and what
/// the form holds now. On a phone each row is a card (the cells carry their column name).
fn review_table(
    review: &Review,
    form: &Form,
    lang: Lang,
    dispatcher: &UseReducerDispatcher<State>,
) -> Html {
    let columns = [
        msg::ui_import::COL_USE,
        msg::ui_import::COL_FIELD,
        msg::ui_import::COL_VALUE,
        msg::ui_import::COL_DATE,
        msg::ui_import::COL_SOURCE,
        msg::ui_import::COL_CURRENT,
    ];
    let cell = |column: usize, body: Html| {
        html! { <td data-label={columns[column].get(lang)}>{ body }</td> }
    };
    let use_words = tr!(lang, msg::ui_import::USE_PREFIX);
    let row = |(index, field): (usize, &RecordField)| {
        let id = format!("review-{index}");
        let on_tick = dispatcher.to_callback().reform(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            Action::ReviewTick(index, on)
        });
        let ticked = review.ticked.get(index).copied().unwrap_or(false);
        let label = field.path.label(lang);
        let recorded = shown(&review.import.record, &field.path, lang).unwrap_or_default();
        let now = shown(form, &field.path, lang)
            .unwrap_or_else(|| msg::ui_import::NOT_RECORDED.get(lang).to_string());
        let date = field.source.date.clone();
        let date = date.unwrap_or_else(|| msg::ui_import::NO_DATE.get(lang).to_string());
        html! {
            <tr data-field={field.path.to_string()} class={classes!((!ticked).then_some("unticked"))}>
                { cell(0, html! { <input type="checkbox" id={id.clone()} checked={ticked} onchange={on_tick} /> }) }
                // Named "Use: <field>" for a screen reader, not the form field's own name.
                { cell(1, html! { <label for={id}><span class="visually-hidden">{ use_words.clone() }</span>{ label }</label> }) }
                { cell(2, html! { <strong>{ recorded }</strong> }) }
                { cell(3, html! { date }) }
                { cell(4, html! { source_words(&field.source.resource, lang) }) }
                { cell(5, html! { now }) }
            </tr>
        }
    };
    html! {
        <table class="review-table">
            <thead><tr>{ for columns.iter().map(|c| html! { <th scope="col">{ c.get(lang) }</th> }) }</tr></thead>
            <tbody>{ for review.import.fields.iter().enumerate().map(row) }</tbody>
        </table>
    }
}

/// What the record held that gave no value: each resource or line, and why.
fn not_used(review: &Review, lang: Lang) -> Html {
    let report = &review.report;
    let count = report.skipped.len() + report.not_mapped.len();
    if count == 0 {
        return html! {};
    }
    let item = |source: String, reason: &str| {
        html! { <li>{ tr!(lang, msg::ui_import::NOT_USED_ITEM, source, reason) }</li> }
    };
    let skipped = report
        .skipped
        .iter()
        .map(|s| item(source_words(&s.resource, lang), &s.message));
    let not_mapped = report.not_mapped.iter().map(|n| {
        let field = FieldPath::parse(&n.field).map_or_else(|| n.field.clone(), |p| p.label(lang));
        item(field, &n.message)
    });
    html! {
        <details class="not-used" data-testid="not-used" open={review.import.fields.is_empty()}>
            <summary>{ format!("{} ({count})", msg::ui_import::NOT_USED_HEADING.get(lang)) }</summary>
            <ul>{ for skipped }{ for not_mapped }</ul>
        </details>
    }
}

/// A source as a person reads it: a pasted report's `line 3` in `lang`, a FHIR resource
/// reference as written (`Observation/abc`: the record's own id).
fn source_words(resource: &str, lang: Lang) -> String {
    match resource
        .strip_prefix("line ")
        .and_then(|n| n.parse::<usize>().ok())
    {
        Some(n) => tr!(lang, msg::ui_import::SOURCE_LINE, n),
        None => resource.to_string(),
    }
}

/// The value of the field at `path` in `form`, as a person reads it; `None` when empty.
fn shown(form: &Form, path: &FieldPath, lang: Lang) -> Option<String> {
    let words = |text: Text| Some(text.get(lang).to_string());
    let yes_no = |value: bool| words(if value { t::YES } else { t::NO });
    let typed = |text: &str| Some(text.to_string()).filter(|t| !t.is_empty());
    match path {
        FieldPath::Patient(Key::Known(field)) => match field {
            PatientField::Age => typed(&form.age),
            PatientField::Sex => words(form.sex?.text()),
            PatientField::Weight => typed(&form.weight),
            PatientField::Height => typed(&form.height),
        },
        FieldPath::Kidney(Key::Known(field)) => match field {
            KidneyField::CkdStage => {
                let id = form.ckd_stage?.id();
                words(CKD_STAGES.iter().find(|(v, _)| *v == id)?.1)
            }
            KidneyField::Dialysis => words(form.dialysis?.text()),
            KidneyField::Vintage => typed(&form.vintage),
            KidneyField::Transplant => yes_no(form.transplant?),
        },
        FieldPath::Finding(id) => yes_no(*form.findings.get(id)?),
        FieldPath::Lab(LabPath { id, part: None }) => lab_shown(form, id, lang),
        FieldPath::Therapy { id, part: None } => {
            let choice = form.therapies.get(id)?.choice?;
            words(THERAPY_CHOICES.iter().find(|(c, _)| *c == Some(choice))?.1)
        }
        _ => None,
    }
}

/// A lab's value with its unit and the laboratory's range; a qualitative lab's result.
fn lab_shown(form: &Form, id: &str, lang: Lang) -> Option<String> {
    let input = form.labs.get(id)?;
    if let Some(LabKind::Qualitative { .. }) = known_lab(id).map(|l| &l.kind) {
        return Some(input.result.clone())
            .filter(|r| !r.is_empty())
            .map(|r| result_label(&r, lang));
    }
    if input.text.is_empty() {
        return None;
    }
    let unit = input.shown_unit(id, form.units);
    let unit = if unit.is_empty() {
        t::NO_UNIT.get(lang).to_string()
    } else {
        unit
    };
    let (low, high) = (&input.lower_limit, &input.upper_limit);
    let range = match (low.is_empty(), high.is_empty()) {
        (false, false) => tr!(lang, msg::ui_import::RANGE, low, high),
        (true, false) => tr!(lang, msg::ui_import::RANGE_HIGH_ONLY, high),
        (false, true) => tr!(lang, msg::ui_import::RANGE_LOW_ONLY, low),
        (true, true) => String::new(),
    };
    Some(format!("{} {unit}{range}", input.text))
}
