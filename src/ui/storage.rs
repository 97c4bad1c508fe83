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
    storage
        .set_item(PREFS_KEY, &saved::write_prefs(lang, units))
        .map_err(|_| ())?;
    storage
        .set_item(CASE_KEY, &saved::write_case_of(case))
        .map_err(|_| ())
}

/// Removes everything this app stored.
pub fn forget() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(PREFS_KEY);
        let _ = storage.remove_item(CASE_KEY);
    }
}
