//! What "Remember on this device" writes to localStorage and reads back at start-up, as
//! text in and out: no web dependency, so it is tested and fuzzed natively.
//! `ui::storage` only moves these texts to and from the browser's storage.

use serde::{Deserialize, Serialize};

use crate::core::case::{parse_case_text_in, Case, CaseFileError};
use crate::core::i18n::Lang;
use crate::form::{Form, UnitSystem};

/// The saved preferences, as stored (`{"lang":"en","units":"si"}`).
#[derive(Serialize, Deserialize)]
struct Prefs {
    lang: String,
    units: String,
}

/// Preferences read back: the language (`None` when the saved id is not one this app
/// knows) and the unit system (anything but `"si"` reads as conventional).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SavedPrefs {
    pub lang: Option<Lang>,
    pub units: UnitSystem,
}

/// Reads saved preferences; `None` when the text is not preferences at all (the caller
/// discards it).
pub fn read_prefs(text: &str) -> Option<SavedPrefs> {
    let prefs = serde_json::from_str::<Prefs>(text).ok()?;
    Some(SavedPrefs {
        lang: Lang::from_id(&prefs.lang),
        units: if prefs.units == "si" {
            UnitSystem::Si
        } else {
            UnitSystem::Conventional
        },
    })
}

/// The text saved for the preferences.
pub fn write_prefs(lang: Lang, units: UnitSystem) -> String {
    let prefs = Prefs {
        lang: lang.id().to_string(),
        units: if units == UnitSystem::Si {
            "si"
        } else {
            "conventional"
        }
        .to_string(),
    };
    serde_json::to_string(&prefs).unwrap_or_default()
}

/// Reads a saved case into the form (labs in `units` where the case has none), or why it
/// cannot be read (the caller discards it and tells the user, in `lang`).
pub fn read_case(text: &str, lang: Lang, units: UnitSystem) -> Result<Form, CaseFileError> {
    parse_case_text_in(text, lang).map(|parsed| Form::from_case(&parsed.case, units))
}

/// The text saved for the form: its case as a `calciphylaxis-case/1` file.
pub fn write_case(form: &Form) -> String {
    write_case_of(&form.to_case().0)
}

/// The text saved for a case already computed from the form (the app saves the case it
/// assesses, not a second conversion of the form).
pub fn write_case_of(case: &Case) -> String {
    case.to_json_pretty()
}

/// The case another tab saved (`text`), when it differs from this tab's `current` case;
/// `None` when it is the same case (this tab's own save, or a tab that loaded it) or cannot
/// be read (nothing to offer). Compared as saved, so a case that only went through the
/// form and back is the same case.
pub fn other_tab_case(current: &Form, text: &str, lang: Lang, units: UnitSystem) -> Option<Form> {
    let theirs = read_case(text, lang, units).ok()?;
    (write_case(&theirs) != write_case(current)).then_some(theirs)
}
