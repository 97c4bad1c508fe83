//! "Remember on this device" (`ui::storage`): after the first render, the browser's
//! language and, if the user opted in earlier, the remembered preferences and case; then
//! the case saved after every change while opted in, and deleted when turned off.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::case::Case;
#[cfg(feature = "csr")]
use crate::ui::state::Action;
use crate::ui::state::State;

/// What is saved: the case as computed for the results, the units and the language.
#[derive(PartialEq)]
struct Saving {
    case: Rc<Case>,
    units: crate::form::UnitSystem,
    lang: crate::core::i18n::Lang,
    remember: bool,
    started: bool,
    /// Another tab's case waits for the user's choice: nothing is saved meanwhile.
    paused: bool,
}

#[hook]
pub fn use_remember(state: &UseReducerHandle<State>, case: Rc<Case>) {
    // The start-up values come after the first render, which depends only on the app's
    // properties (a pre-rendered page can match it).
    {
        let dispatcher = state.dispatcher();
        // The page's language: the one it was built in, even while its words are coming.
        let page_lang = state.wanted_lang.unwrap_or(state.lang);
        use_effect_with((), move |()| {
            #[cfg(feature = "csr")]
            dispatcher.dispatch(Action::Start(Box::new(crate::ui::storage::startup(
                page_lang,
            ))));
            #[cfg(not(feature = "csr"))]
            let _ = (dispatcher, page_lang);
        });
    }
    use_other_tabs(state);
    let saving = Saving {
        case,
        units: state.form.units,
        lang: state.lang,
        remember: state.remember,
        started: state.started,
        paused: state.other_tab.is_some(),
    };
    let dispatcher = state.dispatcher();
    // Whether this page had it on at the last save: only turning it off here deletes.
    let was_on = use_mut_ref(|| false);
    use_effect_with(saving, move |saving| {
        let turned_off = *was_on.borrow() && !saving.remember;
        *was_on.borrow_mut() = saving.started && saving.remember;
        save(saving, turned_off, &dispatcher)
    });
}

/// Saved only when the user opted in; turning it off deletes what was saved. Nothing is
/// touched before the start-up values are read (the first render's "off" is a default, not
/// the user's choice), and a page that was never on leaves storage alone: another tab may
/// be remembering a case.
fn save(saving: &Saving, turned_off: bool, dispatcher: &UseReducerDispatcher<State>) {
    #[cfg(feature = "csr")]
    {
        use crate::ui::{storage, text as t, Banner};
        if !saving.started || (saving.paused && saving.remember) {
            return;
        }
        if !saving.remember {
            if turned_off {
                storage::forget();
            }
            return;
        }
        if storage::save(&saving.case, saving.units, saving.lang).is_err() {
            storage::forget();
            dispatcher.dispatch(Action::Remember(false));
            let text = t::STORAGE_UNAVAILABLE.get(saving.lang).to_string();
            dispatcher.dispatch(Action::Banner(Some(Banner::error(text))));
        }
    }
    #[cfg(not(feature = "csr"))]
    let _ = (saving, turned_off, dispatcher);
}

/// Another tab's saves and opt-out, as actions (the reducer decides what they mean here).
#[hook]
fn use_other_tabs(state: &UseReducerHandle<State>) {
    let dispatcher = state.dispatcher();
    use_effect_with((), move |()| {
        #[cfg(feature = "csr")]
        let listener = crate::ui::storage::listen(move |change| {
            use crate::ui::storage::OtherTab;
            dispatcher.dispatch(match change {
                OtherTab::Saved(text) => Action::OtherTabSaved(text),
                OtherTab::Forgot => Action::OtherTabForgot,
            })
        });
        #[cfg(not(feature = "csr"))]
        let listener = dispatcher;
        move || drop(listener)
    });
}
