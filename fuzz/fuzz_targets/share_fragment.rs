//! The share link: a URL fragment read with `share::read_fragment` / `share::decode`.
//!
//! The input is the fragment as text, except when its first byte is 0x00 (the rest is a
//! zlib stream, sent base64url-encoded as `1.…`, so the inflater is reached) or 0x01 (the
//! rest is a case file, compressed and encoded as the app would, so the case reader is
//! reached through the link). Invariants: no single allocation past the case size limit
//! (zip bombs are stopped); a link that is read holds a case without field errors, which
//! encodes to a link that reads back as the same case; the form opened from it holds
//! every number.
#![no_main]

mod common;

use calciphylaxis::core::case::MAX_CASE_BYTES;
use calciphylaxis::core::i18n::Lang;
use calciphylaxis::form::Form;
use calciphylaxis::share::{self, base64url_encode};
use libfuzzer_sys::fuzz_target;

#[global_allocator]
static ALLOCATOR: common::Peak = common::Peak;

/// What decoding may allocate at once: the case limit and some slack for the parser.
const ALLOCATION_LIMIT: usize = MAX_CASE_BYTES + 64 * 1024;

fuzz_target!(|data: &[u8]| {
    let fragment = match data.split_first() {
        Some((0, zlib)) => format!("#case=1.{}", base64url_encode(zlib)),
        Some((1, json)) => {
            let compressed = miniz_oxide::deflate::compress_to_vec_zlib(json, 6);
            format!("#case=1.{}", base64url_encode(&compressed))
        }
        _ => common::text_of(data),
    };
    for lang in common::LANGS {
        let (outcome, largest) =
            common::largest_allocation(|| share::read_fragment(&fragment, lang));
        assert!(
            largest <= ALLOCATION_LIMIT,
            "decoding allocated {largest} bytes at once"
        );
        let Some(outcome) = outcome else {
            assert!(share::case_data(&fragment).is_none());
            continue;
        };
        let data = share::case_data(&fragment).expect("a fragment that was read holds a case");
        match outcome {
            Ok(parsed) => {
                assert!(
                    parsed.errors.is_empty(),
                    "a link with field errors was read"
                );
                common::assert_issues_named(&parsed.warnings, "link warning");
                // encode(decode(x)) decodes to the same case.
                let again = share::encode(&parsed.case);
                let back = share::decode(&again, lang).expect("an encoded case decodes");
                assert_eq!(back.case, parsed.case, "the link does not round-trip");
                assert_eq!(
                    share::decode(data, lang).map(|p| p.case),
                    Ok(parsed.case.clone())
                );
                for units in common::UNITS {
                    let (_, errors) = Form::from_case(&parsed.case, units).to_case();
                    assert!(errors.is_empty(), "{errors:?}");
                }
                let stripped = share::without_free_text(&parsed.case);
                let back = share::decode(&share::encode(&stripped), lang).expect("stripped");
                assert_eq!(back.case, stripped);
            }
            Err(error) => {
                assert!(!error.0.is_empty(), "a link refused without a message");
                if lang == Lang::En {
                    assert!(
                        share::decode(data, Lang::Zh).is_err(),
                        "read in Chinese only"
                    );
                }
            }
        }
    }
});
