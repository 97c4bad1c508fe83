//! JavaScript API of the wasm module, for pages that embed the calculator's engine.
//!
//! Compiled only into the browser build (`wasm32` with the `csr` feature). The functions
//! take and return plain JavaScript objects in the documented formats:
//!
//! - `assess(case, lang?)`: `case` is a `calciphylaxis-case/1` object (or its JSON text),
//!   `lang` is `"en"` (default) or `"zh"`. Returns the `calciphylaxis-assessment/1` object.
//!   It never throws: anything that is not a case gives `{ error: "<message>" }` (in
//!   `lang`), and field-level problems are reported in `input_errors` as in the app.
//! - `version()`: the crate version (`Cargo.toml`).
//! - `labs()`: `[{ id, name_en, name_zh, kind: "numeric" | "qualitative", units: [..] }]`.
//!
//! The functions are pure: they touch no DOM, storage or network.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::core::case::{parse_case_text_in, parse_case_value_in};
use crate::core::labs::{LabKind, LABS};
use crate::core::{assess_parsed_in, Lang};

/// Plain objects (not `Map`) for maps, so the result reads like the JSON format.
fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or_else(|e| error(&format!("cannot convert the result: {e}")))
}

fn error(message: &str) -> JsValue {
    #[derive(Serialize)]
    struct ErrorObject<'a> {
        error: &'a str,
    }
    ErrorObject { error: message }
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Assesses a case. See the module documentation for the formats; never throws.
#[wasm_bindgen(js_name = assess)]
pub fn assess_js(case: JsValue, lang: Option<String>) -> JsValue {
    let lang = match lang.as_deref() {
        None | Some("") => Lang::En,
        Some(id) => match Lang::from_id(id) {
            Some(lang) => lang,
            None => return error(&format!("unknown language \"{id}\": use \"en\" or \"zh\"")),
        },
    };
    let parsed = if let Some(text) = case.as_string() {
        parse_case_text_in(&text, lang)
    } else {
        let value: serde_json::Value = if case.is_undefined() {
            serde_json::Value::Null
        } else {
            match serde_wasm_bindgen::from_value(case) {
                Ok(value) => value,
                Err(e) => {
                    let message = match lang {
                        Lang::En => format!("the case is not a JSON-like object: {e}"),
                        Lang::Zh => format!("病例不是 JSON 对象：{e}"),
                    };
                    return error(&message);
                }
            }
        };
        parse_case_value_in(&value, lang)
    };
    match parsed {
        Ok(parsed) => to_js(&assess_parsed_in(&parsed, lang)),
        Err(e) => error(&e.to_string()),
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
    name_zh: &'static str,
    kind: &'static str,
    units: Vec<&'static str>,
}

/// Every lab the case format accepts, with its accepted units (display spellings).
#[wasm_bindgen]
pub fn labs() -> JsValue {
    let labs: Vec<LabInfo> = LABS
        .iter()
        .map(|lab| LabInfo {
            id: lab.id,
            name_en: lab.name_en,
            name_zh: lab.name_zh,
            kind: match lab.kind {
                LabKind::Numeric { .. } => "numeric",
                LabKind::Qualitative { .. } => "qualitative",
            },
            units: lab.units().iter().map(|u| u.symbol).collect(),
        })
        .collect();
    to_js(&labs)
}
