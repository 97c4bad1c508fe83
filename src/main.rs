//! Mounts the calculator. A page that only wants the JavaScript API (an embedding, see
//! examples/embed) marks its body with `data-calciphylaxis-embed`, and nothing is mounted.
//!
//! The first render has fixed properties (English, conventional units), the same as the
//! loading shell of index.html; the app applies the browser's language and any remembered
//! or linked case right after it.
use calciphylaxis::core::Lang;
use calciphylaxis::form::UnitSystem;
use calciphylaxis::ui::{App, AppProps};

fn main() {
    let embedded = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.body())
        .is_some_and(|body| body.has_attribute("data-calciphylaxis-embed"));
    if !embedded {
        let props = AppProps {
            lang: Lang::En,
            units: UnitSystem::Conventional,
        };
        yew::Renderer::<App>::with_props(props).render();
    }
}
