//! What the app reads from localStorage at start-up (`saved::read_prefs`,
//! `saved::read_case`; `ui::storage::startup` only fetches the texts).
//!
//! Invariants: preferences that are read are written back as the same preferences; a
//! saved case is read the same in either language, in each unit system; the form it gives
//! holds every number, and saving it then restoring gives the same form and the same
//! saved text (a reload changes nothing after the first).
#![no_main]

mod common;

use calciphylaxis::core::i18n::Lang;
use calciphylaxis::saved::{read_case, read_prefs, write_case, write_prefs, SavedPrefs};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text_of(data);

    if let Some(prefs) = read_prefs(&text) {
        let lang = prefs.lang.unwrap_or(Lang::En);
        let again = read_prefs(&write_prefs(lang, prefs.units));
        assert_eq!(
            again,
            Some(SavedPrefs {
                lang: Some(lang),
                units: prefs.units
            })
        );
    }

    for units in common::UNITS {
        let en = read_case(&text, Lang::En, units);
        let zh = read_case(&text, Lang::Zh, units);
        let form = match (en, zh) {
            (Ok(en), Ok(zh)) => {
                assert_eq!(en, zh, "the restored form depends on the language");
                en
            }
            (Err(en), Err(zh)) => {
                assert!(!en.0.is_empty() && !zh.0.is_empty());
                continue;
            }
            (en, zh) => panic!("read in one language only: {en:?} / {zh:?}"),
        };
        assert_eq!(form.units, units);
        let (_, errors) = form.to_case();
        assert!(
            errors.is_empty(),
            "the restored form has unreadable numbers: {errors:?}"
        );

        let saved = write_case(&form);
        let restored = read_case(&saved, Lang::En, units).expect("a saved case reads back");
        let saved_again = write_case(&restored);
        assert_eq!(
            saved_again, saved,
            "save, restore, save changed the saved case"
        );
        let restored_again = read_case(&saved_again, Lang::Zh, units).expect("reads back");
        assert_eq!(restored_again, restored, "restoring twice changed the form");
    }
});
