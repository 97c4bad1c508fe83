//! The app's side of the importer worker (`src/import.rs`): started on the first import or
//! paste, never before (the first visit does not download it), then kept for the next.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::core::i18n::{msg, Lang};
use crate::import::{Answer, ImportRequest};

/// Trunk's loader shim of the worker (`data-loader-shim`).
const WORKER_FILE: &str = "calciphylaxis-importer_loader.js";

/// How long the worker may take to start (fetch and compile its wasm, ~200 KB gzip).
const START_TIMEOUT_MS: u32 = 20_000;

/// The worker's address: beside the app's own script.
fn worker_url() -> String {
    super::assets::beside_app_script(WORKER_FILE)
}

struct Client {
    worker: web_sys::Worker,
    ready: bool,
    /// Requests written before the worker said it was ready.
    queue: Vec<String>,
    /// Requests not yet answered, by id (a few at most: a Vec, not a map's code).
    waiting: Vec<(u32, Callback<Answer>, Lang)>,
    next_id: u32,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Asks the worker to read `text`; `done` gets its reply (or an error reply when the
/// worker cannot start, e.g. offline before its files were cached).
pub fn import(text: &str, lang: Lang, done: Callback<Answer>) {
    let started = CLIENT.with(|cell| {
        let mut client = cell.borrow_mut();
        if client.is_none() {
            *client = start();
        }
        let Some(client) = client.as_mut() else {
            return false;
        };
        client.next_id += 1;
        let id = client.next_id;
        let request = ImportRequest {
            id,
            text: text.into(),
            lang: lang.id().to_string(),
            only: None,
        };
        let request = serde_json::to_string(&request).unwrap_or_default();
        client.waiting.push((id, done.clone(), lang));
        if client.ready {
            let _ = client.worker.post_message(&JsValue::from_str(&request));
        } else {
            client.queue.push(request);
        }
        true
    });
    if !started {
        done.emit(failed(lang));
    }
}

fn failed(lang: Lang) -> Answer {
    Answer::Error {
        id: 0,
        error: msg::ui_import::WORKER_FAILED.get(lang).to_string(),
    }
}

fn start() -> Option<Client> {
    let worker = web_sys::Worker::new(&worker_url()).ok()?;
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(|event: web_sys::MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            if let Some(reply) = Answer::read(&text) {
                received(reply);
            }
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_| stopped());
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    // A worker whose wasm cannot be fetched fails inside its own promise, with no error
    // event: one not ready in time is taken as stopped, so nothing waits for ever. Only this
    // worker: one started after it stopped has its own time.
    let this_worker = worker.clone();
    gloo::timers::callback::Timeout::new(START_TIMEOUT_MS, move || {
        let starting = CLIENT.with(|cell| {
            let client = cell.borrow();
            client
                .as_ref()
                .is_some_and(|c| !c.ready && c.worker == this_worker)
        });
        if starting {
            stopped();
        }
    })
    .forget();
    Some(Client {
        worker,
        ready: false,
        queue: Vec::new(),
        waiting: Vec::new(),
        next_id: 0,
    })
}

/// A reply: "ready" sends what waited; an answer goes to whoever asked (outside the borrow:
/// the callback may ask again).
fn received(reply: Answer) {
    let Some(id) = reply.id() else {
        CLIENT.with(|cell| {
            if let Some(client) = cell.borrow_mut().as_mut() {
                client.ready = true;
                for request in client.queue.drain(..) {
                    let _ = client.worker.post_message(&JsValue::from_str(&request));
                }
            }
        });
        return;
    };
    let waiting = CLIENT.with(|cell| {
        cell.borrow_mut().as_mut().and_then(|client| {
            let index = client.waiting.iter().position(|(i, ..)| *i == id)?;
            Some(client.waiting.remove(index))
        })
    });
    if let Some((_, done, _)) = waiting {
        done.emit(reply);
    }
}

/// The worker failed (its files could not be loaded): every request waiting is told, and
/// the next import starts a new worker.
fn stopped() {
    let client = CLIENT.with(|cell| cell.borrow_mut().take());
    if let Some(client) = client {
        client.worker.terminate();
        for (_, done, lang) in client.waiting {
            done.emit(failed(lang));
        }
    }
}
