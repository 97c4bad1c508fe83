//! "Remember on this device": opt-in, off by default. Only when the user turns it on are
//! the case and the preferences written to this browser's localStorage; turning it off
//! deletes them. A saved case that cannot be read is reported and discarded.

use super::state::Startup;
use crate::core::case::Case;
use crate::core::i18n::Lang;
use crate::form::UnitSystem;
use crate::saved;

pub const PREFS_KEY: &str = "calciphylaxis.prefs.v1";
pub const CASE_KEY: &str = "calciphylaxis.case.v1";

/// Reads the saved preferences and case, falling back to the page's language (the built
/// page was chosen by the remembered or the browser's language, index.html) and its
/// units: conventional, SI for Chinese.
pub fn startup(page_lang: Lang) -> Startup {
    let default_units = if page_lang == Lang::Zh {
        UnitSystem::Si
    } else {
        UnitSystem::Conventional
    };
    let mut start = Startup {
        lang: page_lang,
        units: default_units,
        remember: false,
        form: None,
        problem: None,
    };
    let Some(storage) = local_storage() else {
        return start;
    };
    let Ok(Some(prefs)) = storage.get_item(PREFS_KEY) else {
        return start;
    };
    start.remember = true;
    match saved::read_prefs(&prefs) {
        Some(prefs) => {
            start.lang = prefs.lang.unwrap_or(start.lang);
            start.units = prefs.units;
        }
        None => {
            let _ = storage.remove_item(PREFS_KEY);
        }
    }
    if let Ok(Some(text)) = storage.get_item(CASE_KEY) {
        match saved::read_case(&text, start.lang, start.units) {
            Ok(form) => start.form = Some(form),
            Err(error) => {
                let _ = storage.remove_item(CASE_KEY);
                start.problem = Some(format!(
                    "{}: {error}",
                    super::text::SAVED_CORRUPT.get(start.lang)
                ));
            }
        }
    }
    start
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Saves the case (as the form describes it) and the preferences. Err when the browser
/// refuses storage.
pub fn save(case: &Case, units: UnitSystem, lang: Lang) -> Result<(), ()> {
    let storage = local_storage().ok_or(())?;
    set_changed(&storage, PREFS_KEY, &saved::write_prefs(lang, units))?;
    set_changed(&storage, CASE_KEY, &saved::write_case_of(case))
}

/// Writes `value` unless it is already stored: every write tells the other tabs (a
/// `storage` event), and a tab that loaded this case must not tell the others it changed.
fn set_changed(storage: &web_sys::Storage, key: &str, value: &str) -> Result<(), ()> {
    if storage.get_item(key).ok().flatten().as_deref() == Some(value) {
        return Ok(());
    }
    storage.set_item(key, value).map_err(|_| ())
}

/// Tells `on_change` about what another tab of this app did to the remembered case (the
/// browser sends `storage` events to the other tabs only): saved a case, or turned
/// "remember" off (removed the preferences, or cleared the storage).
pub fn listen(on_change: impl Fn(OtherTab) + 'static) -> gloo::events::EventListener {
    let window = web_sys::window().expect("a browser window");
    gloo::events::EventListener::new(&window, "storage", move |event| {
        use wasm_bindgen::JsCast;
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        match (event.key().as_deref(), event.new_value()) {
            (Some(CASE_KEY), Some(text)) => on_change(OtherTab::Saved(text)),
            (Some(PREFS_KEY), None) | (None, _) => on_change(OtherTab::Forgot),
            _ => {}
        }
    })
}

/// What another tab did (see [`listen`]).
pub enum OtherTab {
    Saved(String),
    Forgot,
}

/// Removes everything this app stored.
pub fn forget() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(PREFS_KEY);
        let _ = storage.remove_item(CASE_KEY);
    }
}
