//! The Yew app: the case form beside the live assessment. Components render; the core
//! decides (`crate::core::assess_in`), and `crate::form` turns typing into a case.

#[cfg(feature = "csr")]
pub mod assets;
mod banners;
mod calculator;
pub mod case_form;
pub mod fields;
#[cfg(feature = "csr")]
mod files;
pub mod followup;
mod glance;
mod header;
pub mod hooks;
#[cfg(feature = "csr")]
pub mod importer;
mod note;
#[cfg(feature = "csr")]
pub mod prefill;
pub mod print;
mod record_import;
pub mod results;
mod review;
pub mod share;
pub mod state;
#[cfg(feature = "csr")]
mod storage;
pub mod teaching;
pub mod text;
mod toolbar;
pub mod trends;

use yew::prelude::*;

use crate::core::i18n::Lang;
use crate::form::UnitSystem;
use banners::{banners, BannersProps};
use calculator::{calculator, CalculatorProps};
use header::{masthead, MastheadProps};
use hooks::{
    use_assessment, use_document_language, use_language, use_remember, use_share_link,
    use_typed_before_start,
};
use toolbar::Toolbar;

pub use results::{sources, SourcesProps, Why};
pub use state::{Action, Banner, Startup, State, View};

/// Example cases shipped with the app (the same files the tests assess).
pub const EXAMPLES: &[&str] = &[
    include_str!("../../examples/cases/nanjing-hamsc-salvage.json"),
    include_str!("../../examples/cases/nanjing-hamsc-hypercoagulability.json"),
    include_str!("../../examples/cases/non-uremic-endometrial-carcinoma.json"),
    include_str!("../../examples/cases/warfarin-low-protein-c-s.json"),
    include_str!("../../examples/cases/excluded-active-malignancy.json"),
    include_str!("../../examples/cases/msc-candidate-illustrative.json"),
    include_str!("../../examples/cases/sparse-few-fields.json"),
];

/// The first render's language and units. The browser's language and a remembered or
/// linked case are applied after it (`hooks`), so the first render depends on these
/// alone and is the same wherever it is rendered.
#[derive(Properties, PartialEq, Clone, Copy, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub lang: Lang,
    #[prop_or_default]
    pub units: UnitSystem,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let (lang, units) = (props.lang, props.units);
    let state = use_reducer(move || State::first(lang, units));
    let lang = state.lang;
    let computed = use_assessment(state.form.clone(), lang);
    use_document_language(lang);
    use_language(&state);
    use_remember(&state, computed.case.clone());
    use_share_link(&state);
    use_typed_before_start(state.started);
    record_import::use_review_language(&state);
    let dispatcher = state.dispatcher();
    html! {
        <div class="app">
            <header class="app-header">
                { masthead(&MastheadProps { view: state.view, lang, chosen: state.wanted_lang.unwrap_or(lang), dispatcher: dispatcher.clone() }) }
                if state.view == View::Calculator {
                    <Toolbar case={computed.case.clone()} assessment={computed.assessment.clone()} units={state.form.units}
                        remember={state.remember} {lang} dispatcher={dispatcher.clone()} />
                }
                if state.view == View::Calculator {
                    <record_import::PasteBox units={state.form.units} {lang} dispatcher={dispatcher.clone()} />
                }
                { banners(&BannersProps { banner: state.banner.clone(), can_undo: state.undo.is_some(),
                    other_tab: state.other_tab.is_some(), lang,
                    dispatcher: dispatcher.clone() }) }
            </header>
            if let (View::Calculator, Some(review)) = (state.view, state.review.clone()) {
                <review::ReviewPanel {review} form={state.form.clone()} {lang} dispatcher={dispatcher.clone()} />
            }
            if state.view == View::Teaching {
                <teaching::TeachingView {lang} />
            } else {
                { calculator(&CalculatorProps { form: state.form.clone(), computed, lang, dispatcher }) }
            }
        </div>
    }
}

/// Today's date (`YYYY-MM-DD`) in the device's time zone, for the printed report and the
/// chart note (empty when rendered outside a browser).
pub(crate) fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        let (year, month, day) = (now.get_full_year(), now.get_month() + 1, now.get_date());
        format!("{year:04}-{month:02}-{day:02}")
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}
