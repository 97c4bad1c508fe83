//! The document's language (screen readers, CJK fonts) and title, kept in step with the
//! app's language.

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
    });
}
