//! The case computed from the form once per edit (or change of language), and its
//! assessment. That one case is what the results show and what is exported, saved and
//! put in a share link: the form is never converted a second time.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::assess_in;
use crate::core::case::{Case, Issue};
use crate::core::i18n::Lang;
use crate::core::Assessment;
use crate::form::Form;

/// The form as a case, and what the core decides about it.
pub struct Computed {
    pub case: Rc<Case>,
    pub assessment: Rc<Assessment>,
    /// The form's errors (numbers that are not numbers) then the assessment's (values
    /// left out), by field path.
    pub errors: Rc<Vec<Issue>>,
    /// Nothing typed and nothing wrong: the results say how to start.
    pub nothing_entered: bool,
}

/// One computation is one value: equal when it is the same memoised computation.
impl PartialEq for Computed {
    fn eq(&self, other: &Computed) -> bool {
        Rc::ptr_eq(&self.case, &other.case) && Rc::ptr_eq(&self.assessment, &other.assessment)
    }
}

impl Computed {
    fn of(form: &Form, lang: Lang) -> Computed {
        let (case, form_errors, assessment) = engine_timed(|| {
            let (case, form_errors) = form.to_case_in(lang);
            // The visits' response summary and errors come with it (`follow_up`).
            let assessment = assess_in(&case, lang);
            (case, form_errors, assessment)
        });
        let nothing_entered = form_errors.is_empty() && case == Case::default();
        let mut errors = form_errors;
        errors.extend(assessment.input_errors.iter().cloned());
        Computed {
            case: Rc::new(case),
            assessment: Rc::new(assessment),
            errors: Rc::new(errors),
            nothing_entered,
        }
    }
}

/// The name of the User Timing measure that holds the last form → case → assessment
/// computation: `make bench` reads it to split a keystroke's time between the engine and
/// the rendering. Only the latest is kept, so a long session does not accumulate entries.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // measured in the browser only
pub const ENGINE_MEASURE: &str = "calc-engine";

#[cfg(target_arch = "wasm32")]
fn engine_timed<T>(compute: impl FnOnce() -> T) -> T {
    const START: &str = "calc-engine-start";
    const END: &str = "calc-engine-end";
    let performance = web_sys::window().and_then(|w| w.performance());
    if let Some(p) = &performance {
        p.clear_marks_with_mark_name(START);
        p.clear_marks_with_mark_name(END);
        p.clear_measures_with_measure_name(ENGINE_MEASURE);
        let _ = p.mark(START);
    }
    let value = compute();
    if let Some(p) = &performance {
        let _ = p.mark(END);
        let _ = p.measure_with_start_mark_and_end_mark(ENGINE_MEASURE, START, END);
    }
    value
}

#[cfg(not(target_arch = "wasm32"))]
fn engine_timed<T>(compute: impl FnOnce() -> T) -> T {
    compute()
}

#[hook]
pub fn use_assessment(form: Rc<Form>, lang: Lang) -> Rc<Computed> {
    use_memo((form, lang), |(form, lang)| Computed::of(form, *lang))
}
