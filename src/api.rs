//! JavaScript API of the wasm module, for pages that embed the calculator's engine.
//!
//! Compiled only into the browser build (`wasm32` with the `csr` feature). The functions
//! take and return plain JavaScript objects in the documented formats (results are built by
//! serde-wasm-bindgen's JSON-compatible serializer; inputs go through JSON text, which holds
//! the file's 1 MiB and depth limits):
//!
//! - `assess(case, lang?)`: `case` is a `calciphylaxis-case/1` object (or its JSON text),
//!   `lang` is `"en"` (default) or `"zh"`. Returns the `calciphylaxis-assessment/1` object.
//!   It never throws: anything that is not a case gives `{ error: "<message>" }` (in
//!   `lang`), and field-level problems are reported in `input_errors` as in the app.
//!   Chinese needs `loadLanguage("zh")` first (its words are not in the module): before
//!   it, `assess(case, "zh")` gives `{ error }`.
//!   A FHIR R4 record (told apart by its `resourceType`) gives `{ error }` saying to read it
//!   with the importer module first: the FHIR reader is not in this module, so that the
//!   app's first visit does not carry it (`caseFromFhir` is in the importer worker,
//!   `src/importer_api.rs`; README, "JavaScript API").
//! - `loadLanguage(lang, base?)`: a Promise of `{ lang }` once the language's words are
//!   here (fetched once from the app's own files), or of `{ error }`; it never rejects.
//! - `version()`: the crate version (`Cargo.toml`).
//! - `labs()`: `[{ id, name_en, name_zh, kind: "numeric" | "qualitative", units: [..] }]`
//!   (`name_zh` is `null` until Chinese is loaded).
//!
//! The functions touch no storage. Only `loadLanguage` touches the page: without `base` it
//! looks for the file beside the app's script (the page's modulepreload link, as on the
//! app's own pages; a page that embeds the module elsewhere passes `base`), and it fetches
//! from there.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::core::case::{parse_case_text_in, parse_case_value_in};
use crate::core::i18n::msg;
use crate::core::labs::{LabKind, LABS};
use crate::core::{assess_parsed_in, Lang};

/// Plain JS objects, as JSON would give them (objects, not `Map`s; `None` as `null`; numbers
/// as numbers), built directly by serde-wasm-bindgen without a JSON text round trip.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|e| error(&e.to_string()))
}

fn error(message: &str) -> JsValue {
    let object = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&object, &"error".into(), &message.into());
    object.into()
}

/// The `lang` argument: absent (`undefined`, `null`, `""`) is English; anything but a
/// known language id is an `{ error }` (taken as a `JsValue`, so no argument can make the
/// call throw before it starts).
fn language(lang: &JsValue) -> Result<Lang, JsValue> {
    if lang.is_undefined() || lang.is_null() {
        return Ok(Lang::En);
    }
    match lang.as_string().as_deref() {
        Some("") => Ok(Lang::En),
        Some(id) => Lang::from_id(id)
            .ok_or_else(|| error(&format!("unknown language \"{id}\": use \"en\" or \"zh\""))),
        None => Err(error("the language must be \"en\" or \"zh\"")),
    }
}

/// The input as JSON text: a string as it is, an object through `JSON.stringify` (so it
/// meets the same size limits and parser as a file); `None` for what JSON cannot hold.
fn json_text(input: &JsValue) -> Option<String> {
    if let Some(text) = input.as_string() {
        return Some(text);
    }
    // JSON.stringify throws (cycle, BigInt) or gives undefined (function, symbol).
    js_sys::JSON::stringify(input)
        .ok()
        .and_then(|text| text.as_string())
}

/// Assesses a case or a FHIR record. See the module documentation; never throws.
#[wasm_bindgen(js_name = assess)]
pub fn assess_js(case: JsValue, lang: JsValue) -> JsValue {
    let lang = match language(&lang) {
        Ok(lang) if !lang.is_loaded() => {
            let call = format!("await loadLanguage(\"{}\")", lang.id());
            return error(&crate::tr!(Lang::En, msg::api::ZH_NOT_LOADED, call));
        }
        Ok(lang) => lang,
        Err(e) => return e,
    };
    if case.is_undefined() {
        return match parse_case_value_in(&serde_json::Value::Null, lang) {
            Ok(parsed) => to_js(&assess_parsed_in(&parsed, lang)),
            Err(e) => error(&e.to_string()),
        };
    }
    let Some(text) = json_text(&case) else {
        return error(msg::api::NOT_A_JSON_LIKE_OBJECT.get(lang));
    };
    if crate::import::looks_like_fhir(&text) {
        return error(msg::api::FHIR_USE_IMPORTER.get(lang));
    }
    match parse_case_text_in(&text, lang) {
        Ok(parsed) => to_js(&assess_parsed_in(&parsed, lang)),
        Err(e) => error(&e.to_string()),
    }
}

/// Makes a language's words available to `assess` (Chinese is not in the module: its file
/// is fetched once from the app's own files, beside the app's script or under `base`, a
/// directory URL). Resolves to `{ lang }`, or `{ error }` when they cannot be had; never
/// rejects.
#[wasm_bindgen(js_name = loadLanguage)]
pub async fn load_language_js(lang: JsValue, base: JsValue) -> JsValue {
    let lang = match language(&lang) {
        Ok(lang) => lang,
        Err(e) => return e,
    };
    // A URL object (its `href`) is as good as its text.
    let base = if base.is_undefined() || base.is_null() {
        None
    } else {
        let href = || {
            js_sys::Reflect::get(&base, &"href".into())
                .ok()?
                .as_string()
        };
        match base.as_string().or_else(href) {
            Some(base) => Some(base),
            None => return error("base must be a URL or its text"),
        }
    };
    match crate::ui::assets::load_language(lang, base.as_deref()).await {
        Ok(lang) => {
            let object = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&object, &"lang".into(), &lang.id().into());
            object.into()
        }
        Err(reason) => error(&reason),
    }
}

/// The crate version, as in `Cargo.toml`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[derive(Serialize)]
struct LabInfo {
    id: &'static str,
    name_en: &'static str,
    /// `null` until Chinese is loaded (`loadLanguage("zh")`).
    name_zh: Option<&'static str>,
    kind: &'static str,
    units: Vec<&'static str>,
}

/// Every lab the case format accepts, with its accepted units (display spellings).
#[wasm_bindgen]
pub fn labs() -> JsValue {
    let labs: Vec<LabInfo> = LABS
        .iter()
        .map(|lab| LabInfo {
            id: lab.id.id(),
            name_en: lab.name(Lang::En),
            name_zh: Lang::Zh.is_loaded().then(|| lab.name(Lang::Zh)),
            kind: match lab.kind {
                LabKind::Numeric { .. } => "numeric",
                LabKind::Qualitative { .. } => "qualitative",
            },
            units: lab.units().iter().map(|u| u.symbol).collect(),
        })
        .collect();
    to_js(&labs)
}
