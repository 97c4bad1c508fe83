//! The presenter view: one panel at a time in large type, driven by the keyboard (→, Page
//! Down and Space forward, ←, Page Up back, Escape to leave).

use std::rc::Rc;

use yew::prelude::*;

use super::study::points;
use super::{EXIT, KEYS, NEXT, PREVIOUS};
use crate::core::i18n::Lang;
use crate::core::teaching::LIBRARY;
use crate::core::Assessment;
use crate::ui::results::{diagnosis_panel, msc_panel, risk_panel, workup_panel, AssessmentProps};

/// The case, then the risk, diagnosis, workup and MSC panels.
const SLIDES: usize = 5;

#[derive(Properties, PartialEq)]
pub struct PresenterProps {
    /// The case's index in [`LIBRARY`].
    pub index: usize,
    pub assessment: Rc<Assessment>,
    pub lang: Lang,
    /// Leaves the presenter.
    pub on_exit: Callback<()>,
}

#[component]
pub fn Presenter(props: &PresenterProps) -> Html {
    let lang = props.lang;
    let slide = use_state(|| 0usize);
    let current = (*slide).min(SLIDES - 1);
    // The presenter takes the keyboard focus, so the arrow keys work at once.
    let presenter_ref = use_node_ref();
    {
        let presenter_ref = presenter_ref.clone();
        use_effect_with(current, move |_| {
            if let Some(element) = presenter_ref.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let go = |delta: isize| {
        let slide = slide.clone();
        move || slide.set(((*slide as isize + delta).clamp(0, SLIDES as isize - 1)) as usize)
    };
    let (next, previous) = (go(1), go(-1));
    let onkeydown = {
        let on_exit = props.on_exit.clone();
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
            "Escape" => on_exit.emit(()),
            _ => {}
        })
    };
    let exit = props.on_exit.reform(|_: MouseEvent| ());
    html! {
        <section class="presenter" tabindex="0" ref={presenter_ref} {onkeydown} data-testid="presenter" data-slide={current.to_string()}
            aria-roledescription="slide" aria-label={format!("{} / {SLIDES}", current + 1)}>
            <div class="presenter-bar">
                <span>{ format!("{} / {SLIDES}", current + 1) }</span>
                <button type="button" class="secondary" onclick={Callback::from(move |_: MouseEvent| previous())}>{ PREVIOUS.get(lang) }</button>
                <button type="button" class="secondary" onclick={Callback::from(move |_: MouseEvent| next())}>{ NEXT.get(lang) }</button>
                <button type="button" class="secondary" onclick={exit}>{ EXIT.get(lang) }</button>
                <span class="muted">{ KEYS.get(lang) }</span>
            </div>
            { slide_body(current, props) }
        </section>
    }
}

/// What slide `current` shows.
fn slide_body(current: usize, props: &PresenterProps) -> Html {
    let lang = props.lang;
    let panels = AssessmentProps {
        assessment: props.assessment.clone(),
        lang,
    };
    match current {
        0 => {
            let case_def = &LIBRARY[props.index];
            html! { <><h2>{ case_def.title.get(lang) }</h2><p>{ case_def.summary.get(lang) }</p>{ points(case_def, lang) }</> }
        }
        1 => keyed(risk_panel(&panels), current),
        2 => keyed(diagnosis_panel(&panels), current),
        3 => keyed(workup_panel(&panels), current),
        _ => keyed(msc_panel(&panels), current),
    }
}

/// A panel keyed by its slide, so that turning the slide replaces it rather than reusing
/// the last one's "Why?" details (open or closed) for the next.
fn keyed(mut panel: Html, slide: usize) -> Html {
    if let Html::VTag(tag) = &mut panel {
        std::rc::Rc::make_mut(tag).key = Some(slide.into());
    }
    panel
}
