//! Teaching mode for residents: a library of cases from published reports (and illustrative
//! ones, labelled as such); the resident reviews the findings, predicts the risk threshold,
//! the consensus tier and the MSC status, then reveals the engine's answer and reasoning.
//! A presenter view shows one panel at a time in large type, driven by the keyboard.

//!
//! Each view is a component of its own: the library (`teaching/library.rs`), the case
//! studied with its prediction and answer (`teaching/study.rs`), the presenter
//! (`teaching/presenter.rs`). The prediction lives with the case, so leaving the presenter
//! returns to the answer as it was, and choosing a case starts afresh.

mod library;
mod presenter;
mod study;

use crate::core::i18n::msg;

use yew::prelude::*;

use crate::core::diagnosis::DiagnosticTier;
use crate::core::i18n::{Lang, Text};
use crate::core::logic::Status;
use crate::core::msc::MscStatus;
use library::{library, LibraryProps};
use study::CaseStudy;

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

/// The library, or the case chosen from it.
#[component]
pub fn TeachingView(props: &TeachingProps) -> Html {
    let lang = props.lang;
    let selected = use_state(|| None::<usize>);
    match *selected {
        None => {
            let on_choose = Callback::from(move |index| selected.set(Some(index)));
            library(&LibraryProps { lang, on_choose })
        }
        Some(index) => {
            let on_back = Callback::from(move |_: MouseEvent| selected.set(None));
            html! { <CaseStudy {index} {lang} {on_back} /> }
        }
    }
}
