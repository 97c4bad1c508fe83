//! The library of teaching cases: a title and a summary each.

use yew::prelude::*;

use super::{INTRO, TITLE};
use crate::core::i18n::Lang;
use crate::core::teaching::LIBRARY;

pub struct LibraryProps {
    pub lang: Lang,
    /// Called with the index of the case chosen in [`LIBRARY`].
    pub on_choose: Callback<usize>,
}

/// A render function (no state of its own; see `ui::banners`).
pub fn library(props: &LibraryProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="panel teaching" aria-labelledby="teaching-h" data-testid="teaching">
            <h2 id="teaching-h">{ TITLE.get(lang) }</h2>
            <p>{ INTRO.get(lang) }</p>
            <ul class="library">
                { for LIBRARY.iter().enumerate().map(|(i, case)| {
                    let onclick = props.on_choose.reform(move |_: MouseEvent| i);
                    html! {
                        <li>
                            <button type="button" class="secondary" {onclick}>{ case.title.get(lang) }</button>
                            <p class="muted">{ case.summary.get(lang) }</p>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
