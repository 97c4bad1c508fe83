//! A pasted laboratory report's bytes (the app's "Paste from the record", the importer
//! worker): read in both languages, or refused with a message. The case is the same in both
//! languages, every value read has its provenance and a unit the lab accepts (never a
//! default one), every line is reported, and the case passes every check of a case file.
#![no_main]

mod common;

use calciphylaxis::core::labs::known_lab;
use calciphylaxis::core::paste::case_from_paste;
use calciphylaxis::core::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text_of(data);
    match (
        case_from_paste(&text, Lang::En),
        case_from_paste(&text, Lang::Zh),
    ) {
        (Ok((en, report)), Ok((zh, _))) => {
            assert_eq!(en, zh, "the case depends on the language");
            assert!(report.mapped.len() + report.skipped.len() >= report.lines_read);
            for mapped in &report.mapped {
                assert!(
                    en.provenance.contains_key(&mapped.field),
                    "{} has no provenance",
                    mapped.field
                );
            }
            for (id, entry) in &en.labs {
                let lab = known_lab(id).expect("a catalogue lab");
                if let Some(unit) = &entry.unit {
                    assert!(
                        lab.parse_unit(unit).is_some(),
                        "{id}: unit {unit} not accepted"
                    );
                }
            }
            let parsed = common::check_case_text(&en.to_json_pretty())
                .expect("a pasted case is a case file");
            assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        }
        (Err(en), Err(zh)) => {
            assert_eq!(en, zh);
            assert!(!en.message(Lang::En).is_empty() && !zh.message(Lang::Zh).is_empty());
        }
        (en, zh) => panic!("read in one language only: {en:?} / {zh:?}"),
    }
});
