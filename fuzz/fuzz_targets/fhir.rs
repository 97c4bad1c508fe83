//! A FHIR record's bytes (the command line, the JavaScript API): read as a case in both
//! languages, or refused with a message. A case that is made is the same in both
//! languages, every mapped field has its provenance, and the case passes every check of a
//! case file (`common::check_case_text`: export, import, assessment, form).
#![no_main]

mod common;

use calciphylaxis::core::fhir::{case_from_fhir_with, Options};
use calciphylaxis::core::Lang;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text_of(data);
    let read = |lang| {
        let options = Options {
            lang,
            earlier_draws_as_visits: data.first().is_some_and(|b| b % 2 == 1),
            ..Options::default()
        };
        case_from_fhir_with(&text, options)
    };
    match (read(Lang::En), read(Lang::Zh)) {
        (Ok((en, report)), Ok((zh, _))) => {
            assert_eq!(en, zh, "the case depends on the language");
            for mapped in &report.mapped {
                assert!(
                    en.provenance.contains_key(&mapped.field),
                    "{} has no provenance",
                    mapped.field
                );
            }
            let parsed = common::check_case_text(&en.to_json_pretty())
                .expect("a mapped case is a case file");
            assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        }
        (Err(en), Err(zh)) => {
            assert_eq!(en, zh);
            assert!(!en.message(Lang::En).is_empty() && !zh.message(Lang::Zh).is_empty());
        }
        (en, zh) => panic!("read in one language only: {en:?} / {zh:?}"),
    }
});
