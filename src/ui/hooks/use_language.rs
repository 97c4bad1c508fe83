//! Fetches the words of a language chosen but not in the module (`State::wanted_lang`): the
//! app's wasm carries English only, and Chinese is fetched from the app's own files the
//! first time it is chosen (`ui::assets`), by the switch or a remembered choice. The Chinese
//! page itself starts once they are here (src/main.rs). The reducer shows the language when
//! they arrive, or keeps the one shown, with a banner saying why, when they cannot be had.

use yew::prelude::*;

use crate::ui::state::State;

#[hook]
pub fn use_language(state: &UseReducerHandle<State>) {
    #[cfg(feature = "csr")]
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.wanted_lang, move |&wanted| {
            if let Some(lang) = wanted {
                fetch(lang, dispatcher);
            }
        });
    }
    #[cfg(not(feature = "csr"))]
    let _ = state;
}

#[cfg(feature = "csr")]
fn fetch(lang: crate::core::i18n::Lang, dispatcher: UseReducerDispatcher<State>) {
    use crate::ui::state::Action;
    wasm_bindgen_futures::spawn_local(async move {
        match crate::ui::assets::load_language(lang, None).await {
            Ok(_) => dispatcher.dispatch(Action::LangArrived(lang)),
            Err(reason) => dispatcher.dispatch(Action::LangUnavailable(lang, reason)),
        }
    });
}
