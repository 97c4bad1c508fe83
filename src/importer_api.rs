//! The importer worker's wasm side (`src/bin/importer.rs`, feature `importer`): reads the
//! app's requests from `postMessage` and posts [`crate::import::answer`]'s reply, and the
//! JavaScript function `caseFromFhir` for pages that load the module themselves.
//!
//! Compiled only into the importer (`wasm32` with the `importer` feature): the app's module
//! never holds the FHIR reader.

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::import::{answer_text, ImportReply};

/// Started as a worker: answers every message, then says it is ready. Anywhere else (a
/// page that loads the module for `caseFromFhir`), nothing.
pub fn start() {
    let Ok(scope) = js_sys::global().dyn_into::<DedicatedWorkerGlobalScope>() else {
        return;
    };
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let reply = match event.data().as_string() {
            Some(request) => answer_text(&request),
            None => serde_json::to_string(&ImportReply::Error {
                id: 0,
                error: "the request is not JSON text".into(),
            })
            .unwrap_or_default(),
        };
        let _ = reply_to.post_message(&JsValue::from_str(&reply));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let ready = serde_json::to_string(&ImportReply::Ready).unwrap_or_default();
    let _ = scope.post_message(&JsValue::from_str(&ready));
}

/// A FHIR R4 record (JSON text) → `{ case, report }`, or `{ error }`; never throws. Given
/// an object, it is read through `JSON.stringify` (the same limits as a file).
#[wasm_bindgen(js_name = caseFromFhir)]
pub fn case_from_fhir_js(input: JsValue, lang: Option<String>) -> JsValue {
    let text = input
        .as_string()
        .or_else(|| {
            js_sys::JSON::stringify(&input)
                .ok()
                .and_then(|t| t.as_string())
        })
        .unwrap_or_default();
    let lang = lang.unwrap_or_default();
    let request = crate::import::ImportRequest {
        id: 0,
        text: text.into(),
        lang,
        only: Some(crate::import::ImportSource::Fhir),
    };
    let request = serde_json::to_string(&request).unwrap_or_default();
    let reply = match crate::import::answer(&request) {
        ImportReply::Imported { case, report, .. } => {
            serde_json::json!({ "case": case, "report": report })
        }
        ImportReply::Error { error, .. } => serde_json::json!({ "error": error }),
        ImportReply::Ready => serde_json::json!({ "error": "no reply" }),
    };
    reply
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}
