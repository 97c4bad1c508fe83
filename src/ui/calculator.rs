//! The calculator view: the case form beside the live assessment.

use std::rc::Rc;

use yew::prelude::*;

use super::case_form::CaseForm;
use super::followup::FollowUpPanel;
use super::hooks::Computed;
use super::print::{CaseSummary, Citations};
use super::results::{
    DerivedPanel, DiagnosisPanel, Ignored, LabelledIssue, MscPanel, RiskPanel, SummaryBar,
    WorkupPanel,
};
use super::state::State;
use super::text as t;
use crate::core::i18n::Lang;
use crate::form::Form;

#[derive(Properties, PartialEq)]
pub struct CalculatorProps {
    pub form: Rc<Form>,
    pub computed: Rc<Computed>,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<State>,
}

#[component]
pub fn Calculator(props: &CalculatorProps) -> Html {
    let lang = props.lang;
    let Computed {
        case,
        assessment,
        errors,
        nothing_entered,
    } = &*props.computed;
    let ignored = LabelledIssue::all(errors, lang);
    let warnings = LabelledIssue::all(&assessment.warnings, lang);
    html! {
        <div class="layout">
            <CaseForm form={props.form.clone()} {lang} errors={errors.clone()} dispatcher={props.dispatcher.clone()} />
            <main class="results" id="results" aria-label={t::RESULTS.get(lang)}>
                if *nothing_entered {
                    <p class="empty-state" data-testid="empty-state">{ t::EMPTY_STATE.get(lang) }</p>
                }
                <CaseSummary case={case.clone()} {lang} />
                <SummaryBar assessment={assessment.clone()} {lang} />
                <Ignored errors={ignored} {warnings} {lang} />
                <RiskPanel assessment={assessment.clone()} {lang} />
                <DiagnosisPanel assessment={assessment.clone()} {lang} />
                <WorkupPanel assessment={assessment.clone()} {lang} />
                <MscPanel assessment={assessment.clone()} {lang} />
                if assessment.follow_up.is_some() {
                    <FollowUpPanel assessment={assessment.clone()} {lang} />
                }
                <DerivedPanel assessment={assessment.clone()} {lang} />
                <Citations assessment={assessment.clone()} {lang} />
                <p class="print-date">{ format!("{} {}", t::PRINTED.get(lang), today()) }</p>
            </main>
        </div>
    }
}

/// Today's date for the printed report (empty when rendered outside a browser).
fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::Date::new_0().to_iso_string())
            .chars()
            .take(10)
            .collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}
