//! Writes the fuzzers' committed inputs from the catalogue and the example cases:
//! `fuzz/case.dict` (libFuzzer dictionary of the case format's keys and ids) and
//! `fuzz/corpus-seed/share_fragment/` (share links and zlib streams of the examples).
//! A maintainer's tool, run after the catalogue or the examples change:
//!
//!     cargo +nightly run --manifest-path fuzz/Cargo.toml --example seeds
//!
//! (`make fuzz` copies `examples/cases/*.json` into the JSON targets' corpora itself.)

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use calciphylaxis::core::case::{
    parse_case_text, Biopsy, CkdStage, Dialysis, Response, Route, Sex, CASE_FORMAT,
};
use calciphylaxis::core::findings::{Site, Therapy, FINDINGS};
use calciphylaxis::core::labs::{LabKind, LABS};
use calciphylaxis::share;

/// The keys of `calciphylaxis-case/1` and its visits extension.
const KEYS: &[&str] = &[
    "format",
    "label",
    "patient",
    "age_years",
    "sex",
    "weight_kg",
    "height_cm",
    "kidney",
    "ckd_stage",
    "dialysis",
    "dialysis_vintage_months",
    "kidney_transplant",
    "findings",
    "lesions",
    "count",
    "sites",
    "biopsy",
    "labs",
    "value",
    "unit",
    "result",
    "date",
    "reference_low",
    "reference_high",
    "therapies_tried",
    "weeks",
    "response",
    "visits",
    "wound_area_cm2",
    "wound_count",
    "pain_score",
    "qol_score",
    "qol_instrument",
    "treatments",
    "kind",
    "route",
    "dose",
    "note",
    "msc",
];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut words: BTreeSet<String> = BTreeSet::new();
    words.extend(KEYS.iter().map(|k| k.to_string()));
    words.insert(CASE_FORMAT.to_string());
    words.extend(Sex::ALL.iter().map(|v| v.id().to_string()));
    words.extend(CkdStage::ALL.iter().map(|v| v.id().to_string()));
    words.extend(Dialysis::ALL.iter().map(|v| v.id().to_string()));
    words.extend(Biopsy::ALL.iter().map(|v| v.id().to_string()));
    words.extend(Response::ALL.iter().map(|v| v.id().to_string()));
    words.extend(Route::ALL.iter().map(|v| v.id().to_string()));
    words.extend(Site::ALL.iter().map(|v| v.id().to_string()));
    words.extend(Therapy::ALL.iter().map(|v| v.id().to_string()));
    words.extend(FINDINGS.iter().map(|f| f.id.to_string()));
    for lab in LABS {
        words.insert(lab.id.to_string());
        match lab.kind {
            LabKind::Numeric { units, .. } => {
                for unit in units {
                    words.insert(unit.symbol.to_string());
                    words.extend(unit.aliases.iter().map(|a| a.to_string()));
                }
            }
            LabKind::Qualitative { results } => {
                words.extend(results.iter().map(|(id, _)| id.to_string()))
            }
        }
    }
    let mut dict = String::from(
        "# libFuzzer dictionary for the case format (written by fuzz/examples/seeds.rs).\n\
         # Each id as a JSON string, then JSON punctuation.\n",
    );
    for word in &words {
        let quoted = serde_json::to_string(word).unwrap();
        dict.push_str(&format!("\"{}\"\n", escape(&quoted)));
    }
    for token in [
        "{", "}", "[", "]", ":", ",", "true", "false", "null", "1e308", "-0", "0.5",
    ] {
        dict.push_str(&format!("\"{}\"\n", escape(token)));
    }
    fs::write(root.join("case.dict"), dict).unwrap();

    let out = root.join("corpus-seed/share_fragment");
    fs::create_dir_all(&out).unwrap();
    let examples = root.join("../examples/cases");
    let mut names: Vec<_> = fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    for path in names {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let case = parse_case_text(&fs::read_to_string(&path).unwrap())
            .unwrap()
            .case;
        // The link as the app writes it (input taken as the fragment's text).
        fs::write(out.join(format!("{stem}.link")), share::fragment(&case)).unwrap();
        // The zlib stream alone (first byte 0: the target encodes it as `1.…`).
        let json = serde_json::to_string(&case).unwrap();
        let mut zlib = vec![0u8];
        zlib.extend(miniz_oxide::deflate::compress_to_vec_zlib(
            json.as_bytes(),
            6,
        ));
        fs::write(out.join(format!("{stem}.zlib")), zlib).unwrap();
    }
    println!(
        "wrote {} and {}",
        root.join("case.dict").display(),
        out.display()
    );
}

/// libFuzzer's dictionary escapes: `\\`, `\"` and `\xNN` for anything not printable ASCII.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02X}")),
        }
    }
    out
}
