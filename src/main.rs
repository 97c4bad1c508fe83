//! Mounts the calculator. A page that only wants the JavaScript API (an embedding, see
//! examples/embed) marks its body with `data-calciphylaxis-embed`, and nothing is mounted.
//!
//! The built pages hold the app's first render (src/bin/prerender.rs) in
//! `<div id="app-root" data-lang data-units>`: the app starts with those properties, in
//! place of that markup (a fresh mount, not hydration: see `ui::prefill`). What was typed
//! or ticked before it started is read first and given back once the browser's start-up
//! values (language, remembered case, share link) are applied, so it wins over them.
//! The Chinese page mounts once the Chinese words are here (the module carries English only;
//! the page preloads them beside the wasm, see `ui::assets`).
use calciphylaxis::core::Lang;
use calciphylaxis::form::UnitSystem;
use calciphylaxis::ui::{assets, prefill, App, AppProps};
use web_sys::Element;

fn main() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let embedded = document
        .body()
        .is_some_and(|body| body.has_attribute("data-calciphylaxis-embed"));
    if embedded {
        return;
    }
    match document.get_element_by_id("app-root") {
        Some(root) => {
            let props = props_of(&root);
            if props.lang.is_loaded() {
                mount_over(&document, root, props);
            } else {
                // The Chinese page starts once its words are here (preloaded by the page,
                // so they come with the wasm); if they cannot be had, the app says so.
                wasm_bindgen_futures::spawn_local(async move {
                    let _ = assets::load_language(props.lang, None).await;
                    mount_over(&document, root, props);
                });
            }
        }
        None => {
            yew::Renderer::<App>::with_props(browser_props()).render();
        }
    }
}

/// Mounts the app in place of the pre-rendered markup, keeping what was typed into it.
fn mount_over(document: &web_sys::Document, root: Element, props: AppProps) {
    // Read before the app replaces the markup; given back once it has started.
    let typed = prefill::snapshot(document, &root);
    if !typed.is_empty() {
        prefill::keep(typed);
    }
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

/// The properties the page was rendered with (English, conventional units by default).
fn props_of(root: &Element) -> AppProps {
    let lang = root
        .get_attribute("data-lang")
        .and_then(|id| Lang::from_id(&id))
        .unwrap_or_default();
    let units = match root.get_attribute("data-units").as_deref() {
        Some("si") => UnitSystem::Si,
        _ => UnitSystem::Conventional,
    };
    AppProps { lang, units }
}

/// A page without a pre-rendered root (not one of the built pages): the browser's language
/// (fetched after the first render, see `ui::hooks::use_language`).
fn browser_props() -> AppProps {
    let lang = web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|tag| Lang::from_browser(&tag))
        .unwrap_or_default();
    AppProps {
        lang,
        units: UnitSystem::Conventional,
    }
}
