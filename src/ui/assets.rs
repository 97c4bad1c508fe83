//! The app's own files beside its script: the importer worker, and the words of a language
//! the app's wasm does not carry (Chinese: `core::i18n::ZH_FILE`, written by the build and
//! precached by the service worker). Nothing is fetched from another origin.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::i18n::{load_catalogue, Lang, ZH_FILE};

/// `file` beside the app's script, wherever the page is (`/zh/` is one level down; a
/// sub-path build is under its public URL): the directory of the page's modulepreload link.
pub fn beside_app_script(file: &str) -> String {
    let app_script = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("link[rel=modulepreload]").ok().flatten())
        .and_then(|link| link.get_attribute("href"));
    match app_script.as_deref().and_then(|href| href.rsplit_once('/')) {
        Some((dir, _)) => format!("{dir}/{file}"),
        None => format!("./{file}"),
    }
}

/// Makes `lang`'s words available, fetching its file once: from `base` (a directory URL,
/// for a page that embeds the module elsewhere) or else beside the app's script. The error
/// says what went wrong, in English (the language that is always there).
pub async fn load_language(lang: Lang, base: Option<&str>) -> Result<Lang, String> {
    if lang.is_loaded() {
        return Ok(lang);
    }
    let url = match base {
        Some(base) => format!("{}/{ZH_FILE}", base.trim_end_matches('/')),
        None => beside_app_script(ZH_FILE),
    };
    let text = fetch_text(&url).await?;
    load_catalogue(&text).map_err(|e| format!("{url}: {e}"))
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let failed = |e: wasm_bindgen::JsValue| {
        let reason = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "the request failed".into());
        format!("{url}: {reason}")
    };
    let window = web_sys::window().ok_or_else(|| format!("{url}: no window to fetch from"))?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(text.as_string().unwrap_or_default())
}
