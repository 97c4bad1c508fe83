//! The document's language (screen readers, CJK fonts) and title, kept in step with the
//! app's language; and the address: each language has its page (`/`, `zh/`, written by
//! src/bin/prerender.rs), so a switch puts the other page's address in place
//! (`history.replaceState`, never a navigation, which would lose an unsaved case) and a
//! reload opens the page in the language chosen.

use yew::prelude::*;

use crate::core::i18n::Lang;
use crate::ui::text as t;

#[hook]
pub fn use_document_language(lang: Lang) {
    use_effect_with(lang, |lang| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.html_tag());
            }
            document.set_title(t::TITLE.get(*lang));
        }
        #[cfg(feature = "csr")]
        show_address_of(*lang);
    });
}

#[cfg(feature = "csr")]
fn show_address_of(lang: Lang) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let Ok(path) = location.pathname() else {
        return;
    };
    let page = page_path(&path, lang);
    if page == path {
        return;
    }
    let rest = location.search().unwrap_or_default() + &location.hash().unwrap_or_default();
    if let Ok(history) = window.history() {
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        let _ = history.replace_state_with_url(&state, "", Some(&format!("{page}{rest}")));
    }
}

#[cfg(any(feature = "csr", test))]
/// The path of `lang`'s page beside the page at `path`: the Chinese page is the `zh/`
/// directory of the English one, wherever the app lives (a sub-path on GitHub Pages).
fn page_path(path: &str, lang: Lang) -> String {
    let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    let english_dir = dir.strip_suffix("zh/").filter(|d| d.ends_with('/'));
    match (lang, english_dir) {
        (Lang::Zh, Some(_)) | (Lang::En, None) => path.to_string(),
        (Lang::Zh, None) => format!("{dir}zh/"),
        (Lang::En, Some(english)) => english.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_has_its_page_beside_the_other() {
        assert_eq!(page_path("/", Lang::Zh), "/zh/");
        assert_eq!(page_path("/", Lang::En), "/");
        assert_eq!(page_path("/zh/", Lang::En), "/");
        assert_eq!(page_path("/zh/", Lang::Zh), "/zh/");
        assert_eq!(page_path("/zh/index.html", Lang::En), "/");
        assert_eq!(page_path("/index.html", Lang::Zh), "/zh/");
        assert_eq!(page_path("/calc/", Lang::Zh), "/calc/zh/");
        assert_eq!(page_path("/calc/zh/", Lang::En), "/calc/");
        // A directory that only ends in "zh" is not the Chinese page.
        assert_eq!(page_path("/xzh/", Lang::Zh), "/xzh/zh/");
    }
}
