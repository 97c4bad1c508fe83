//! One teaching case: its findings, the resident's prediction, and once revealed the
//! engine's answer beside it, the teaching points and the full panels.

use std::rc::Rc;

use yew::prelude::*;

use super::presenter::Presenter;
use super::{label_of, msc_id, options, threshold_id, Prediction};
use super::{tier_options, MSC_OPTIONS, THRESHOLD, THRESHOLD_OPTIONS, TIER, WORKUP, YES_NO};
use super::{ANSWER, BACK, DIFFERS, FINDINGS, MATCH, MSC, POINTS, PREDICT, PRESENT, REVEAL};
use crate::core::case::{parse_case_text, Case};
use crate::core::i18n::{Lang, Text};
use crate::core::teaching::{TeachingCase, LIBRARY};
use crate::core::workup::WorkupStatus;
use crate::core::{assess_in, Assessment};
use crate::ui::fields::SelectField;
use crate::ui::print::{case_summary, CaseSummaryProps};
use crate::ui::results::{
    diagnosis_panel, msc_panel, risk_panel, sources, workup_panel, AssessmentProps, SourcesProps,
};

#[derive(Properties, PartialEq)]
pub struct CaseStudyProps {
    /// The case's index in [`LIBRARY`].
    pub index: usize,
    pub lang: Lang,
    /// Back to the library.
    pub on_back: Callback<MouseEvent>,
}

/// The case of a library entry (the library's cases are checked by the tests to parse).
fn case_of(index: usize) -> Case {
    parse_case_text(LIBRARY[index].case_json)
        .map(|p| p.case)
        .unwrap_or_default()
}

#[component]
pub fn CaseStudy(props: &CaseStudyProps) -> Html {
    let (index, lang) = (props.index, props.lang);
    let prediction = use_state(Prediction::default);
    let revealed = use_state(|| false);
    let presenting = use_state(|| false);
    let case: Rc<Case> = use_memo(index, |index| case_of(*index));
    let assessment: Rc<Assessment> =
        use_memo((case.clone(), lang), |(case, lang)| assess_in(case, *lang));
    if *presenting {
        let on_exit = Callback::from(move |()| presenting.set(false));
        return html! { <Presenter {index} {assessment} {lang} {on_exit} /> };
    }
    let case_def = &LIBRARY[index];
    let on_reveal = {
        let revealed = revealed.clone();
        Callback::from(move |_: MouseEvent| revealed.set(true))
    };
    let on_present = Callback::from(move |_: MouseEvent| presenting.set(true));
    html! {
        <section class="panel teaching" aria-labelledby="teaching-case-h" data-testid="teaching">
            <button type="button" class="secondary" onclick={props.on_back.clone()}>{ BACK.get(lang) }</button>
            <h2 id="teaching-case-h">{ case_def.title.get(lang) }</h2>
            <p>{ case_def.summary.get(lang) }</p>
            <h3>{ FINDINGS.get(lang) }</h3>
            { case_summary(&CaseSummaryProps { case, lang, on_screen: true }) }
            { prediction_form(&prediction, *revealed, lang, on_reveal) }
            if *revealed {
                { answer(case_def, &prediction, &assessment, lang, on_present) }
            }
        </section>
    }
}

/// The four predictions, and "Reveal" until the answer is shown.
fn prediction_form(
    prediction: &UseStateHandle<Prediction>,
    revealed: bool,
    lang: Lang,
    on_reveal: Callback<MouseEvent>,
) -> Html {
    let set = |apply: fn(&mut Prediction, String)| {
        let prediction = prediction.clone();
        Callback::from(move |value: String| {
            let mut next = (*prediction).clone();
            apply(&mut next, value);
            prediction.set(next);
        })
    };
    html! {
        <fieldset class="prediction">
            <legend>{ PREDICT.get(lang) }</legend>
            <div class="grid">
                <SelectField id="predict-threshold" label={THRESHOLD.get(lang)} value={prediction.threshold.clone()}
                    options={options(lang, THRESHOLD_OPTIONS)} onchange={set(|p, v| p.threshold = v)} />
                <SelectField id="predict-tier" label={TIER.get(lang)} value={prediction.tier.clone()}
                    options={options(lang, &tier_options())} onchange={set(|p, v| p.tier = v)} />
                <SelectField id="predict-workup" label={WORKUP.get(lang)} value={prediction.workup.clone()}
                    options={options(lang, YES_NO)} onchange={set(|p, v| p.workup = v)} />
                <SelectField id="predict-msc" label={MSC.get(lang)} value={prediction.msc.clone()}
                    options={options(lang, MSC_OPTIONS)} onchange={set(|p, v| p.msc = v)} />
            </div>
            if !revealed {
                <button type="button" onclick={on_reveal}>{ REVEAL.get(lang) }</button>
            }
        </fieldset>
    }
}

/// The engine's answer beside each prediction, the teaching points and the panels.
fn answer(
    case_def: &TeachingCase,
    prediction: &Prediction,
    assessment: &Rc<Assessment>,
    lang: Lang,
    on_present: Callback<MouseEvent>,
) -> Html {
    let any_uninterpretable = assessment
        .workup
        .items
        .iter()
        .any(|i| i.status == WorkupStatus::Uninterpretable);
    let workup = if any_uninterpretable { "yes" } else { "no" };
    let panels = AssessmentProps {
        assessment: assessment.clone(),
        lang,
    };
    html! {
        <section class="answer" data-testid="answer">
            <h3>{ ANSWER.get(lang) }</h3>
            <ul>
                { answer_row(THRESHOLD, &prediction.threshold, threshold_id(assessment.risk.threshold.status), THRESHOLD_OPTIONS, lang) }
                { answer_row(TIER, &prediction.tier, assessment.diagnosis.consensus.highest.id(), &tier_options(), lang) }
                { answer_row(WORKUP, &prediction.workup, workup, YES_NO, lang) }
                { answer_row(MSC, &prediction.msc, msc_id(assessment.msc.status), MSC_OPTIONS, lang) }
            </ul>
            { points(case_def, lang) }
            <button type="button" class="secondary" onclick={on_present}>{ PRESENT.get(lang) }</button>
            { risk_panel(&panels) }
            { diagnosis_panel(&panels) }
            { workup_panel(&panels) }
            { msc_panel(&panels) }
        </section>
    }
}

/// One answer, with "Matches" or what was predicted instead.
fn answer_row(
    label: Text,
    predicted: &str,
    actual: &str,
    options: &[(&str, Text)],
    lang: Lang,
) -> Html {
    let matched = predicted == actual;
    html! {
        <li data-matched={matched.to_string()}>
            <strong>{ format!("{}: ", label.get(lang)) }</strong>{ label_of(options, actual, lang) }
            { " " }
            if matched { <span class="badge met">{ MATCH.get(lang) }</span> }
            else { <span class="badge not-met">{ format!("{} {}", DIFFERS.get(lang), label_of(options, predicted, lang)) }</span> }
        </li>
    }
}

/// The case's teaching points, each with its sources.
pub(super) fn points(case_def: &TeachingCase, lang: Lang) -> Html {
    html! {
        <section class="points">
            <h3>{ POINTS.get(lang) }</h3>
            <ul>
                { for case_def.points.iter().map(|p| html! {
                    <li>{ p.text.get(lang) }{ sources(&SourcesProps { ids: p.sources.to_vec(), lang }) }</li>
                }) }
            </ul>
        </section>
    }
}
