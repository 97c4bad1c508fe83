//! The language the app shows: the one chosen, once its words are here. The app's wasm
//! carries English only; Chinese is fetched from the app's own files the first time it is
//! chosen (`ui::assets`), by the language switch, a remembered choice or the Chinese page
//! (whose start waits for it, see src/main.rs). Until the words arrive the app stays in the
//! language it showed; if they cannot be had (offline before they were cached), the choice
//! goes back to it and a banner says why.

use yew::prelude::*;

use crate::core::i18n::Lang;
use crate::ui::state::State;

#[hook]
pub fn use_language(chosen: Lang, dispatcher: UseReducerDispatcher<State>) -> Lang {
    let shown = use_state_eq(|| if chosen.is_loaded() { chosen } else { Lang::En });
    #[cfg(feature = "csr")]
    {
        let shown = shown.clone();
        use_effect_with(chosen, move |&chosen| {
            fetch_unless_loaded(chosen, shown, dispatcher)
        });
    }
    #[cfg(not(feature = "csr"))]
    let _ = dispatcher;
    if chosen.is_loaded() {
        chosen
    } else {
        *shown
    }
}

#[cfg(feature = "csr")]
fn fetch_unless_loaded(
    chosen: Lang,
    shown: UseStateHandle<Lang>,
    dispatcher: UseReducerDispatcher<State>,
) {
    use crate::core::i18n::msg;
    use crate::ui::state::{Action, Banner};
    if chosen.is_loaded() {
        shown.set(chosen);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        match crate::ui::assets::load_language(chosen, None).await {
            Ok(_) => shown.set(chosen),
            Err(reason) => {
                let text = crate::tr!(*shown, msg::ui::LANGUAGE_UNAVAILABLE, reason);
                dispatcher.dispatch(Action::Lang(*shown));
                dispatcher.dispatch(Action::Banner(Some(Banner::error(text))));
            }
        }
    });
}
