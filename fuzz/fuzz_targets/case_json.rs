//! A case file's bytes, read and assessed in both languages (the file import, the
//! examples, the command line). See `common::check_case_text` for the invariants.
#![no_main]

mod common;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = common::text_of(data);
    common::check_case_text(&text);
});
