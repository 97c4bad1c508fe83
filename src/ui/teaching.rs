//! Teaching mode for residents: a library of cases from published reports (and illustrative
//! ones, labelled as such); the resident reviews the findings, predicts the risk threshold,
//! the consensus tier and the MSC status, then reveals the engine's answer and reasoning.
//! A presenter view shows one panel at a time in large type, driven by the keyboard.

use crate::core::i18n::msg;
use std::rc::Rc;

use yew::prelude::*;

use super::fields::SelectField;
use super::print::CaseSummary;
use super::results::{AssessmentProps, DiagnosisPanel, MscPanel, RiskPanel, Sources, WorkupPanel};
use crate::core::case::parse_case_text;
use crate::core::diagnosis::DiagnosticTier;
use crate::core::i18n::{Lang, Text};
use crate::core::logic::Status;
use crate::core::msc::MscStatus;
use crate::core::teaching::LIBRARY;
use crate::core::{assess_in, Assessment};

const TITLE: Text = msg::ui_teaching::TITLE;
const INTRO: Text = msg::ui_teaching::INTRO;
const FINDINGS: Text = msg::ui_teaching::FINDINGS;
const PREDICT: Text = msg::ui_teaching::PREDICT;
const THRESHOLD: Text = msg::ui_teaching::THRESHOLD;
const TIER: Text = msg::ui_teaching::TIER;
const MSC: Text = msg::ui_teaching::MSC;
const WORKUP: Text = msg::ui_teaching::WORKUP;
const CHOOSE: Text = msg::ui_teaching::CHOOSE;
const REVEAL: Text = msg::ui_teaching::REVEAL;
const ANSWER: Text = msg::ui_teaching::ANSWER;
const MATCH: Text = msg::ui_teaching::MATCH;
const DIFFERS: Text = msg::ui_teaching::DIFFERS;
const POINTS: Text = msg::ui_teaching::POINTS;
const PRESENT: Text = msg::ui_teaching::PRESENT;
const EXIT: Text = msg::ui_teaching::EXIT;
const PREVIOUS: Text = msg::ui_teaching::PREVIOUS;
const NEXT: Text = msg::ui_teaching::NEXT;
const KEYS: Text = msg::ui_teaching::KEYS;
const BACK: Text = msg::ui_teaching::BACK;

#[derive(Properties, PartialEq)]
pub struct TeachingProps {
    pub lang: Lang,
}

#[derive(Clone, PartialEq, Default)]
struct Prediction {
    threshold: String,
    tier: String,
    workup: String,
    msc: String,
}

fn threshold_id(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::NotMet => "not_met",
        Status::Unknown => "undecided",
    }
}

fn msc_id(status: MscStatus) -> &'static str {
    match status {
        MscStatus::Candidate => "candidate",
        MscStatus::NotEligible => "not_eligible",
        MscStatus::Incomplete => "incomplete",
    }
}

fn options(lang: Lang, pairs: &[(&'static str, Text)]) -> Vec<(AttrValue, AttrValue)> {
    std::iter::once((AttrValue::from(""), AttrValue::from(CHOOSE.get(lang))))
        .chain(
            pairs
                .iter()
                .map(|(v, t)| (AttrValue::from(*v), AttrValue::from(t.get(lang)))),
        )
        .collect()
}

const THRESHOLD_OPTIONS: &[(&str, Text)] = &[
    ("met", msg::ui_teaching::OPTIONS_MET),
    ("not_met", msg::ui_teaching::OPTIONS_NOT_MET),
    ("undecided", msg::ui_teaching::OPTIONS_CANNOT_BE_SETTLED_YET),
];
/// The tiers a learner can predict, highest first, in the words of the tiers themselves
/// (`DiagnosticTier::text`, the same words as the diagnosis panel).
const TIER_OPTIONS: &[DiagnosticTier] = &[
    DiagnosticTier::Confirmed,
    DiagnosticTier::Clinical,
    DiagnosticTier::Suspected,
    DiagnosticTier::None,
];

fn tier_options() -> Vec<(&'static str, Text)> {
    TIER_OPTIONS
        .iter()
        .map(|tier| (tier.id(), tier.text()))
        .collect()
}
const YES_NO: &[(&str, Text)] = &[
    ("yes", msg::ui_teaching::OPTIONS_YES),
    ("no", msg::ui_teaching::OPTIONS_NO),
];
const MSC_OPTIONS: &[(&str, Text)] = &[
    ("candidate", msg::ui_teaching::OPTIONS_CANDIDATE),
    ("not_eligible", msg::ui_teaching::OPTIONS_NOT_ELIGIBLE),
    ("incomplete", msg::ui_teaching::OPTIONS_INCOMPLETE),
];

fn label_of(options: &[(&str, Text)], id: &str, lang: Lang) -> &'static str {
    options
        .iter()
        .find(|(v, _)| *v == id)
        .map(|(_, t)| t.get(lang))
        .unwrap_or("—")
}

#[component]
pub fn TeachingView(props: &TeachingProps) -> Html {
    let lang = props.lang;
    let selected = use_state(|| None::<usize>);
    let prediction = use_state(Prediction::default);
    let revealed = use_state(|| false);
    let presenting = use_state(|| false);
    let slide = use_state(|| 0usize);
    // The presenter view takes the keyboard focus, so the arrow keys work at once.
    let presenter_ref = use_node_ref();
    {
        let presenter_ref = presenter_ref.clone();
        use_effect_with((*presenting, *slide), move |(on, _)| {
            if *on {
                if let Some(element) = presenter_ref.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }

    let Some(index) = *selected else {
        return html! {
            <section class="panel teaching" aria-labelledby="teaching-h" data-testid="teaching">
                <h2 id="teaching-h">{ TITLE.get(lang) }</h2>
                <p>{ INTRO.get(lang) }</p>
                <ul class="library">
                    { for LIBRARY.iter().enumerate().map(|(i, case)| {
                        let (selected, prediction, revealed, slide) = (selected.clone(), prediction.clone(), revealed.clone(), slide.clone());
                        let onclick = Callback::from(move |_: MouseEvent| {
                            prediction.set(Prediction::default());
                            revealed.set(false);
                            slide.set(0);
                            selected.set(Some(i));
                        });
                        html! {
                            <li>
                                <button type="button" class="secondary" {onclick}>{ case.title.get(lang) }</button>
                                <p class="muted">{ case.summary.get(lang) }</p>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        };
    };

    let case_def = &LIBRARY[index];
    let case = Rc::new(
        parse_case_text(case_def.case_json)
            .map(|p| p.case)
            .unwrap_or_default(),
    );
    let assessment: Rc<Assessment> = Rc::new(assess_in(&case, lang));
    let set = |apply: fn(&mut Prediction, String)| {
        let prediction = prediction.clone();
        Callback::from(move |value: String| {
            let mut next = (*prediction).clone();
            apply(&mut next, value);
            prediction.set(next);
        })
    };
    let on_reveal = {
        let revealed = revealed.clone();
        Callback::from(move |_: MouseEvent| revealed.set(true))
    };
    let on_back = {
        let selected = selected.clone();
        Callback::from(move |_: MouseEvent| selected.set(None))
    };
    let points = html! {
        <section class="points">
            <h3>{ POINTS.get(lang) }</h3>
            <ul>
                { for case_def.points.iter().map(|p| html! {
                    <li>{ p.text.get(lang) }<Sources ids={p.sources.to_vec()} {lang} /></li>
                }) }
            </ul>
        </section>
    };
    let panels = AssessmentProps {
        assessment: assessment.clone(),
        lang,
    };

    if *presenting {
        const SLIDES: usize = 5;
        let current = (*slide).min(SLIDES - 1);
        let go = |delta: isize| {
            let slide = slide.clone();
            move || slide.set(((*slide as isize + delta).clamp(0, SLIDES as isize - 1)) as usize)
        };
        let (next, previous) = (go(1), go(-1));
        let onkeydown = {
            let presenting = presenting.clone();
            let (next, previous) = (next.clone(), previous.clone());
            Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
                "ArrowRight" | "PageDown" | " " => {
                    e.prevent_default();
                    next()
                }
                "ArrowLeft" | "PageUp" => {
                    e.prevent_default();
                    previous()
                }
                "Escape" => presenting.set(false),
                _ => {}
            })
        };
        let exit = {
            let presenting = presenting.clone();
            Callback::from(move |_: MouseEvent| presenting.set(false))
        };
        let body = match current {
            0 => {
                html! { <><h2>{ case_def.title.get(lang) }</h2><p>{ case_def.summary.get(lang) }</p>{ points.clone() }</> }
            }
            1 => html! { <RiskPanel ..AssessmentProps { assessment: assessment.clone(), lang } /> },
            2 => {
                html! { <DiagnosisPanel ..AssessmentProps { assessment: assessment.clone(), lang } /> }
            }
            3 => {
                html! { <WorkupPanel ..AssessmentProps { assessment: assessment.clone(), lang } /> }
            }
            _ => html! { <MscPanel ..AssessmentProps { assessment: assessment.clone(), lang } /> },
        };
        return html! {
            <section class="presenter" tabindex="0" ref={presenter_ref} {onkeydown} data-testid="presenter" data-slide={current.to_string()}
                aria-roledescription="slide" aria-label={format!("{} / {SLIDES}", current + 1)}>
                <div class="presenter-bar">
                    <span>{ format!("{} / {SLIDES}", current + 1) }</span>
                    <button type="button" class="secondary" onclick={Callback::from(move |_: MouseEvent| previous())}>{ PREVIOUS.get(lang) }</button>
                    <button type="button" class="secondary" onclick={Callback::from(move |_: MouseEvent| next())}>{ NEXT.get(lang) }</button>
                    <button type="button" class="secondary" onclick={exit}>{ EXIT.get(lang) }</button>
                    <span class="muted">{ KEYS.get(lang) }</span>
                </div>
                { body }
            </section>
        };
    }

    let answer_row = |label: Text, predicted: &str, actual: &str, options: &[(&str, Text)]| {
        let matched = predicted == actual;
        html! {
            <li data-matched={matched.to_string()}>
                <strong>{ format!("{}: ", label.get(lang)) }</strong>{ label_of(options, actual, lang) }
                { " " }
                if matched { <span class="badge met">{ MATCH.get(lang) }</span> }
                else { <span class="badge not-met">{ format!("{} {}", DIFFERS.get(lang), label_of(options, predicted, lang)) }</span> }
            </li>
        }
    };
    let any_uninterpretable = assessment
        .workup
        .items
        .iter()
        .any(|i| i.status == crate::core::workup::WorkupStatus::Uninterpretable);
    let on_present = {
        let (presenting, slide) = (presenting.clone(), slide.clone());
        Callback::from(move |_: MouseEvent| {
            slide.set(0);
            presenting.set(true);
        })
    };

    html! {
        <section class="panel teaching" aria-labelledby="teaching-case-h" data-testid="teaching">
            <button type="button" class="secondary" onclick={on_back}>{ BACK.get(lang) }</button>
            <h2 id="teaching-case-h">{ case_def.title.get(lang) }</h2>
            <p>{ case_def.summary.get(lang) }</p>
            <h3>{ FINDINGS.get(lang) }</h3>
            <CaseSummary case={case.clone()} {lang} on_screen=true />
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
                if !*revealed {
                    <button type="button" onclick={on_reveal}>{ REVEAL.get(lang) }</button>
                }
            </fieldset>
            if *revealed {
                <section class="answer" data-testid="answer">
                    <h3>{ ANSWER.get(lang) }</h3>
                    <ul>
                        { answer_row(THRESHOLD, &prediction.threshold, threshold_id(assessment.risk.threshold.status), THRESHOLD_OPTIONS) }
                        { answer_row(TIER, &prediction.tier, assessment.diagnosis.consensus.highest.id(), &tier_options()) }
                        { answer_row(WORKUP, &prediction.workup, if any_uninterpretable { "yes" } else { "no" }, YES_NO) }
                        { answer_row(MSC, &prediction.msc, msc_id(assessment.msc.status), MSC_OPTIONS) }
                    </ul>
                    { points }
                    <button type="button" class="secondary" onclick={on_present}>{ PRESENT.get(lang) }</button>
                    <RiskPanel ..panels.clone() />
                    <DiagnosisPanel ..panels.clone() />
                    <WorkupPanel ..panels.clone() />
                    <MscPanel ..panels />
                </section>
            }
        </section>
    }
}
