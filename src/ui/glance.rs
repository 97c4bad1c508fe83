//! The results at a glance. On a phone (below 700 px) it stays at the top of the screen
//! while the form is filled in (`styles/app.css`), so each value typed shows its effect
//! without scrolling; tapping it goes to the full results, and "Back to the form" returns
//! to the field the user was on. A screen reader hears the new results once the typing
//! stops, not at every keystroke.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::results::{summary_bar, summary_rows, AssessmentProps};
use crate::core::i18n::msg;

/// How long the typing must pause before the new results are announced.
#[cfg(feature = "csr")]
const ANNOUNCE_AFTER_MS: u32 = 1000;

#[component]
pub fn Glance(props: &AssessmentProps) -> Html {
    let lang = props.lang;
    // The last field of the form that had the focus, and whether the user went from it to
    // the results (then "Back to the form" is offered).
    let last_field = use_mut_ref(|| None::<String>);
    let in_results = use_state_eq(|| false);
    use_last_field(last_field.clone());
    use_glance_height();
    let to_results = {
        let in_results = in_results.setter();
        Callback::from(move |_: MouseEvent| {
            scroll_to("results", false);
            in_results.set(true);
        })
    };
    let to_form = {
        let in_results = in_results.setter();
        Callback::from(move |_: MouseEvent| {
            let field = last_field.borrow().clone();
            scroll_to(field.as_deref().unwrap_or("section-index"), true);
            in_results.set(false);
        })
    };
    html! {
        <div class="glance" id="glance">
            <div class="glance-tap" onclick={to_results.clone()}>{ summary_bar(props) }</div>
            <div class="glance-actions no-print">
                if *in_results {
                    <button type="button" onclick={to_form} data-testid="back-to-form">{ msg::ui_mobile::BACK_TO_FORM.get(lang) }</button>
                } else {
                    <button type="button" class="secondary" onclick={to_results}>{ msg::ui_mobile::FULL_RESULTS.get(lang) }</button>
                }
                <a class="button secondary" href="#section-index">{ msg::ui_mobile::SECTIONS.get(lang) }</a>
            </div>
        </div>
    }
}

/// The words the live region announces: the glance's rows as sentences.
pub fn live_text(props: &AssessmentProps) -> String {
    summary_rows(&props.assessment, props.lang)
        .map(|(heading, value)| format!("{heading}: {value}."))
        .join(" ")
}

#[derive(Properties, PartialEq)]
pub struct LiveSummaryProps {
    pub text: String,
}

/// A polite live region that takes the text once it has not changed for
/// [`ANNOUNCE_AFTER_MS`]: typing "420" is announced once, with its result. Outside the
/// results (`calculator`), which it would otherwise repeat a second late.
#[component]
pub fn LiveSummary(props: &LiveSummaryProps) -> Html {
    let announced = use_state_eq(|| props.text.clone());
    {
        let announced = announced.setter();
        use_effect_with(props.text.clone(), move |text| {
            #[cfg(feature = "csr")]
            let pending = {
                let text = text.clone();
                gloo::timers::callback::Timeout::new(ANNOUNCE_AFTER_MS, move || announced.set(text))
            };
            #[cfg(not(feature = "csr"))]
            let pending = (announced, text.len());
            move || drop(pending)
        });
    }
    html! {
        <div class="visually-hidden no-print" aria-live="polite" data-testid="summary-live">{ (*announced).clone() }</div>
    }
}

/// Keeps the id of the form field that last had the focus.
#[hook]
fn use_last_field(last_field: Rc<RefCell<Option<String>>>) {
    use_effect_with((), move |()| {
        #[cfg(feature = "csr")]
        let listener = {
            let document = gloo::utils::document();
            gloo::events::EventListener::new(&document, "focusin", move |event| {
                use wasm_bindgen::JsCast;
                let Some(field) = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                else {
                    return;
                };
                if !field.id().is_empty() && field.closest("form.inputs").ok().flatten().is_some() {
                    *last_field.borrow_mut() = Some(field.id());
                }
            })
        };
        #[cfg(not(feature = "csr"))]
        let listener = last_field;
        move || drop(listener)
    });
}

/// The glance's height as the CSS custom property `--glance-h` on the root element, after
/// every render and on resize: the page leaves that much room above the form and scrolls a
/// field no higher than below it (`scroll-padding-top`). Set through the CSSOM, which the
/// page's CSP (no inline styles) allows.
#[hook]
fn use_glance_height() {
    use_effect(|| {
        #[cfg(feature = "csr")]
        set_glance_height();
    });
    use_effect_with((), |()| {
        #[cfg(feature = "csr")]
        let listener = gloo::events::EventListener::new(&gloo::utils::window(), "resize", |_| {
            set_glance_height()
        });
        move || {
            #[cfg(feature = "csr")]
            drop(listener)
        }
    });
}

#[cfg(feature = "csr")]
fn set_glance_height() {
    use wasm_bindgen::JsCast;
    let document = gloo::utils::document();
    let (Some(glance), Some(root)) = (
        document.get_element_by_id("glance"),
        document
            .document_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    ) else {
        return;
    };
    let height = glance.get_bounding_client_rect().height();
    let _ = root
        .style()
        .set_property("--glance-h", &format!("{}px", height.ceil()));
}

/// Brings the element `id` into view (below the glance); `focus`: and gives it the focus.
fn scroll_to(id: &str, focus: bool) {
    #[cfg(feature = "csr")]
    {
        use wasm_bindgen::JsCast;
        let Some(element) = gloo::utils::document().get_element_by_id(id) else {
            return;
        };
        element.scroll_into_view();
        if let (true, Ok(element)) = (focus, element.dyn_into::<web_sys::HtmlElement>()) {
            let _ = element.focus();
        }
    }
    #[cfg(not(feature = "csr"))]
    let _ = (id, focus);
}
