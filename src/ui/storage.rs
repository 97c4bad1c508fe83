//! "Remember on this device": opt-in, off by default. Only when the user turns it on are
//! the case and the preferences written to this browser's localStorage; turning it off
//! deletes them. A saved case that cannot be read is reported and discarded.

use serde::{Deserialize, Serialize};

use crate::core::case::parse_case_text_in;
use crate::core::i18n::Lang;
use crate::form::{Form, UnitSystem};

pub const PREFS_KEY: &str = "calciphylaxis.prefs.v1";
pub const CASE_KEY: &str = "calciphylaxis.case.v1";

#[derive(Serialize, Deserialize)]
struct Prefs {
    lang: String,
    units: String,
}

/// What the app starts with.
pub struct Startup {
    pub lang: Lang,
    pub units: UnitSystem,
    pub remember: bool,
    pub form: Option<Form>,
    /// A problem to tell the user about (corrupt saved case, storage refused).
    pub problem: Option<String>,
}

/// Reads the saved preferences and case, falling back to the browser's language and to
/// conventional units (SI when the browser's language is Chinese).
pub fn startup() -> Startup {
    let browser_lang = web_sys::window()
        .and_then(|w| w.navigator().language())
        .map(|tag| Lang::from_browser(&tag))
        .unwrap_or_default();
    let default_units = if browser_lang == Lang::Zh {
        UnitSystem::Si
    } else {
        UnitSystem::Conventional
    };
    let mut start = Startup {
        lang: browser_lang,
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
    match serde_json::from_str::<Prefs>(&prefs) {
        Ok(prefs) => {
            start.lang = Lang::from_id(&prefs.lang).unwrap_or(start.lang);
            start.units = if prefs.units == "si" {
                UnitSystem::Si
            } else {
                UnitSystem::Conventional
            };
        }
        Err(_) => {
            let _ = storage.remove_item(PREFS_KEY);
        }
    }
    if let Ok(Some(saved)) = storage.get_item(CASE_KEY) {
        match parse_case_text_in(&saved, start.lang) {
            Ok(parsed) => start.form = Some(Form::from_case(&parsed.case, start.units)),
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

/// Saves the case and preferences. Err when the browser refuses storage.
pub fn save(form: &Form, lang: Lang) -> Result<(), ()> {
    let storage = local_storage().ok_or(())?;
    let prefs = Prefs {
        lang: lang.id().to_string(),
        units: if form.units == UnitSystem::Si {
            "si"
        } else {
            "conventional"
        }
        .to_string(),
    };
    let prefs = serde_json::to_string(&prefs).map_err(|_| ())?;
    storage.set_item(PREFS_KEY, &prefs).map_err(|_| ())?;
    let (case, _) = form.to_case();
    storage
        .set_item(CASE_KEY, &case.to_json_pretty())
        .map_err(|_| ())
}

/// Removes everything this app stored.
pub fn forget() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(PREFS_KEY);
        let _ = storage.remove_item(CASE_KEY);
    }
}
