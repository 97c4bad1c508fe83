//! The calculator view: the case form beside the live assessment.

use std::rc::Rc;

use yew::prelude::*;

use super::case_form::CaseForm;
use super::followup::{follow_up_panel, FollowUpPanelProps};
use super::glance::{live_text, Glance, LiveSummary};
use super::hooks::Computed;
use super::print::{case_summary, citations, CaseSummaryProps, CitationsProps};
use super::results::{
    derived_panel, diagnosis_panel, ignored, msc_panel, risk_panel, workup_panel, AssessmentProps,
    IgnoredProps, LabelledIssue,
};
use super::state::State;
use super::text as t;
use crate::core::i18n::Lang;
use crate::core::workup::record_prompts;
use crate::form::Form;

#[derive(Properties, PartialEq)]
pub struct CalculatorProps {
    pub form: Rc<Form>,
    pub computed: Rc<Computed>,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<State>,
}

/// A render function, no state: a component's machinery costs wasm bytes.
pub fn calculator(props: &CalculatorProps) -> Html {
    let lang = props.lang;
    let Computed {
        case,
        assessment,
        errors,
        nothing_entered,
    } = &*props.computed;
    let left_out = LabelledIssue::all(errors, lang);
    let prompts = Rc::new(record_prompts(&assessment.workup, lang));
    let warnings = LabelledIssue::all(&assessment.warnings, lang);
    let panels = AssessmentProps {
        assessment: assessment.clone(),
        lang,
    };
    html! {
        <div class="layout">
            <CaseForm form={props.form.clone()} {lang} errors={errors.clone()} {prompts} dispatcher={props.dispatcher.clone()} />
            <main class="results" id="results" aria-label={t::RESULTS.get(lang)}>
                if *nothing_entered {
                    <p class="empty-state" data-testid="empty-state">{ t::EMPTY_STATE.get(lang) }</p>
                }
                { case_summary(&CaseSummaryProps { case: case.clone(), lang, on_screen: false }) }
                <Glance assessment={assessment.clone()} {lang} />
                { ignored(&IgnoredProps { errors: left_out, warnings, lang }) }
                { risk_panel(&panels) }
                { diagnosis_panel(&panels) }
                { workup_panel(&panels) }
                { msc_panel(&panels) }
                if assessment.follow_up.is_some() {
                    { follow_up_panel(&FollowUpPanelProps { assessment: assessment.clone(), lang }) }
                }
                { derived_panel(&panels) }
                { citations(&CitationsProps { assessment: assessment.clone(), lang }) }
                <p class="print-date">{ format!("{} {}", t::PRINTED.get(lang), super::today()) }</p>
            </main>
            <LiveSummary text={live_text(&panels)} />
        </div>
    }
}
