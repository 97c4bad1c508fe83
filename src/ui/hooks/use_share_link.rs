//! A case in the address (`#case=1.…`, `crate::share`): read once the start-up values are
//! applied (a link takes precedence over a remembered case, which "Undo" then gives back),
//! and again whenever a link is opened in a tab that already runs the app (`hashchange`).

use yew::prelude::*;

#[cfg(feature = "csr")]
use crate::ui::state::Action;
use crate::ui::state::State;
#[cfg(feature = "csr")]
use crate::{
    core::i18n::Lang,
    form::{Form, UnitSystem},
    ui::{text as t, Banner},
};

#[hook]
pub fn use_share_link(state: &UseReducerHandle<State>) {
    #[cfg(feature = "csr")]
    {
        let dispatcher = state.dispatcher();
        let (units, lang) = (state.form.units, state.lang);
        use_effect_with(state.started, move |&started| {
            if started {
                load(&dispatcher, from_address(units, lang, false));
            }
        });
    }
    // A share link opened in a tab that already runs the app changes only the fragment.
    #[cfg(feature = "csr")]
    {
        let dispatcher = state.dispatcher();
        use_effect_with((state.form.units, state.lang), move |&(units, lang)| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    load(&dispatcher, from_address(units, lang, true))
                });
            move || drop(listener)
        });
    }
    #[cfg(not(feature = "csr"))]
    let _ = state;
}

#[cfg(feature = "csr")]
type Outcome = Option<(Option<Form>, Banner)>;

#[cfg(feature = "csr")]
fn load(dispatcher: &UseReducerDispatcher<State>, outcome: Outcome) {
    match outcome {
        Some((Some(form), banner)) => {
            dispatcher.dispatch(Action::Load(Box::new(form), Some(banner)))
        }
        Some((None, banner)) => dispatcher.dispatch(Action::Banner(Some(banner))),
        None => {}
    }
}

/// The case in the address's fragment, if there is one, as a form and a banner: at start-up,
/// and when a link is opened in a tab that already runs the app (`hashchange`). The
/// fragment is removed from the address bar at once (a reload does not import again, and
/// the data does not stay in the visible URL). A link that cannot be read is never part of
/// a case: at start-up it gives an empty case (`Some` form), in a running tab
/// (`keep_current`) no form, and the current case stays; an error banner either way.
#[cfg(feature = "csr")]
fn from_address(units: UnitSystem, lang: Lang, keep_current: bool) -> Outcome {
    let location = gloo::utils::window().location();
    let hash = location.hash().ok()?;
    let outcome = crate::share::read_fragment(&hash, lang)?;
    let clean = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let _ = gloo::utils::history().replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&clean),
    );
    Some(match outcome {
        Ok(parsed) => {
            let mut text = t::LINK_LOADED.get(lang).to_string();
            for warning in &parsed.warnings {
                text.push_str(&format!(" {}.", warning.describe(lang)));
            }
            let banner = Banner {
                text,
                is_error: false,
            };
            (Some(Form::from_case(&parsed.case, units)), banner)
        }
        Err(error) => {
            let banner = Banner {
                text: format!(
                    "{}: {error}. {}",
                    t::LINK_FAILED.get(lang),
                    if keep_current {
                        t::CASE_UNCHANGED.get(lang)
                    } else {
                        t::LINK_EMPTY_CASE.get(lang)
                    }
                ),
                is_error: true,
            };
            ((!keep_current).then(|| Form::new(units)), banner)
        }
    })
}
