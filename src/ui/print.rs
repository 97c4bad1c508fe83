//! What only the printed report shows: the case as entered, compactly, and every source
//! cited, in full. On screen these are hidden (the form and the "Why?" panels show them).

use crate::core::i18n::msg;
use std::rc::Rc;

use yew::prelude::*;

use super::text as t;
use crate::about::link_from_app;
use crate::core::case::Case;
use crate::core::i18n::Lang;
use crate::core::report::case_inputs;
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

/// The inputs of the case, one line per section, only what was recorded (the same groups
/// as the chart note: `core::report::case_inputs`).
///
/// A render function, no state: a component's machinery costs wasm bytes.
pub fn case_summary(props: &CaseSummaryProps) -> Html {
    let (case, lang) = (&props.case, props.lang);
    let separator = msg::ui_print::CASESUMMARY_TEXT_2.get(lang);
    html! {
        <section class={classes!("case-summary", (!props.on_screen).then_some("print-only"))}
            aria-hidden={(!props.on_screen).then_some("true")}>
            if !props.on_screen { <h2>{ t::CASE_FORM.get(lang) }</h2> }
            if let Some(label) = &case.label { <p>{ label.clone() }</p> }
            <dl>
                { for case_inputs(case, lang).into_iter().map(|group| html! {
                    <><dt>{ group.title.get(lang) }</dt><dd>{ group.items.join(separator) }</dd></>
                }) }
            </dl>
        </section>
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
            <p class="about-line"><a href={link_from_app(props.lang)}>{ about_line(props.lang) }</a></p>
        </section>
    }
}

/// "Intended use, limits and every rule in full: about/index.html (beside the calculator)".
fn about_line(lang: Lang) -> String {
    let path = link_from_app(lang);
    tr!(lang, msg::ui_print::ABOUT_LINE, path)
}
