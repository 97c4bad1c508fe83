//! What "Remember on this device" stores (`src/saved.rs`): preferences and the case as
//! text, read back exactly as `ui::storage::startup` does.

use std::path::Path;

use calciphylaxis::core::i18n::Lang;
use calciphylaxis::form::{TherapyChoice, UnitSystem};
use calciphylaxis::saved::{
    other_tab_case, read_case, read_prefs, write_case, write_prefs, SavedPrefs,
};

#[test]
fn preferences_round_trip() {
    for lang in [Lang::En, Lang::Zh] {
        for units in [UnitSystem::Conventional, UnitSystem::Si] {
            let text = write_prefs(lang, units);
            let back = read_prefs(&text).unwrap();
            assert_eq!(
                back,
                SavedPrefs {
                    lang: Some(lang),
                    units
                },
                "{text}"
            );
        }
    }
    assert_eq!(
        write_prefs(Lang::Zh, UnitSystem::Si),
        r#"{"lang":"zh","units":"si"}"#
    );
}

#[test]
fn unreadable_or_unknown_preferences() {
    for bad in [
        "",
        "null",
        "{}",
        r#"{"lang":"en"}"#,
        "[1]",
        r#"{"lang":1,"units":"si"}"#,
    ] {
        assert_eq!(read_prefs(bad), None, "{bad}");
    }
    // An unknown language keeps the browser's; any unit system but "si" is conventional.
    let prefs = read_prefs(r#"{"lang":"fr","units":"imperial"}"#).unwrap();
    assert_eq!(prefs.lang, None);
    assert_eq!(prefs.units, UnitSystem::Conventional);
}

#[test]
fn every_example_is_restored_as_saved() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cases");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for units in [UnitSystem::Conventional, UnitSystem::Si] {
            let form = read_case(&text, Lang::En, units).unwrap();
            assert_eq!(form.units, units);
            let saved = write_case(&form);
            let again = read_case(&saved, Lang::Zh, units).unwrap();
            assert_eq!(again, form, "{}", path.display());
            assert_eq!(write_case(&again), saved, "{}", path.display());
        }
    }
}

/// A therapy recorded as not tried is saved as `false` and restored as not tried; one
/// not recorded stays absent.
#[test]
fn a_therapy_not_tried_is_saved_and_restored() {
    let text = r#"{"format":"calciphylaxis-case/1",
        "therapies_tried":{"wound_care":false,"stop_warfarin":false,"cinacalcet":true}}"#;
    let form = read_case(text, Lang::En, UnitSystem::Si).unwrap();
    let saved = write_case(&form);
    let json: serde_json::Value = serde_json::from_str(&saved).unwrap();
    assert_eq!(
        json["therapies_tried"],
        serde_json::json!({ "wound_care": false, "stop_warfarin": false, "cinacalcet": true }),
        "{saved}"
    );
    let restored = read_case(&saved, Lang::Zh, UnitSystem::Si).unwrap();
    assert_eq!(restored, form);
    assert_eq!(
        restored.therapies["wound_care"].choice,
        Some(TherapyChoice::NotTried)
    );
    assert!(!restored.therapies.contains_key("sodium_thiosulfate"));
}

#[test]
fn a_saved_text_that_is_not_a_case_is_refused_with_a_message() {
    let error = read_case("{not json", Lang::En, UnitSystem::Si).unwrap_err();
    assert!(error.0.contains("JSON"), "{error}");
    let error = read_case("[]", Lang::Zh, UnitSystem::Si).unwrap_err();
    assert!(error.0.contains("JSON"), "{error}");
}

/// Found by fuzzing (`saved_case`): serde_json's default float parser is not correctly
/// rounded, so a long number was read as one f64, saved as the shortest text of it, and
/// that text read back as the next f64: every save and restore moved it by one ulp.
#[test]
fn a_long_number_is_saved_and_restored_exactly() {
    let long = "9999999999999999999999999999999999999999999999961";
    let text = format!(
        r#"{{"format":"calciphylaxis-case/1","patient":{{"age_years":{long}}},"ward":{{"bed":{long}}}}}"#
    );
    let case = calciphylaxis::core::parse_case_text(&text).unwrap().case;
    let exported = case.to_json_pretty();
    let back = calciphylaxis::core::parse_case_text(&exported)
        .unwrap()
        .case;
    assert_eq!(back, case, "{exported}");

    let form = read_case(&text, Lang::En, UnitSystem::Si).unwrap();
    let saved = write_case(&form);
    let restored = read_case(&saved, Lang::En, UnitSystem::Si).unwrap();
    assert_eq!(write_case(&restored), saved);
}

/// Two tabs remembering: a case another tab saved is offered only when it differs from this
/// tab's, never for the same case passed back (this tab's own save, or the other tab having
/// loaded it), and an unreadable text offers nothing.
#[test]
fn another_tabs_case_is_offered_only_when_it_differs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/cases");
    let text = std::fs::read_to_string(dir.join("warfarin-low-protein-c-s.json")).unwrap();
    for units in [UnitSystem::Conventional, UnitSystem::Si] {
        let mine = read_case(&text, Lang::En, units).unwrap();
        // The same case, as the other tab would save it after loading it.
        let same = write_case(&read_case(&write_case(&mine), Lang::Zh, units).unwrap());
        assert_eq!(other_tab_case(&mine, &same, Lang::En, units), None);
        assert_eq!(other_tab_case(&mine, &text, Lang::En, units), None);
        let mut theirs = mine.clone();
        theirs.age = "71".into();
        let offered = other_tab_case(&mine, &write_case(&theirs), Lang::En, units).unwrap();
        assert_eq!(offered.age, "71");
        assert_eq!(other_tab_case(&mine, "{ corrupt", Lang::En, units), None);
    }
}
