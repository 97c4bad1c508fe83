//! The word catalogue (`locales/*.toml`): every message exists in both languages (the build
//! refuses a catalogue where it does not), each Chinese message is written in Chinese, and
//! what the engine renders in Chinese holds no English word and no id, only the words a
//! Chinese clinician reads as they are (units, test and drug abbreviations, authors of the
//! cited studies, keys of the user's own file shown quoted).

mod common;
use common::examples;

use calciphylaxis::core::i18n::Text;
use calciphylaxis::core::{assess_json_in, Lang};
use serde_json::Value;

/// ASCII words a Chinese text may hold as they are.
#[rustfmt::skip]
const ALLOWED_IN_CHINESE: &[&str] = &[
    // units and their parts
    "cm", "dL", "g", "kg", "L", "m", "mg", "min", "mL", "mmol", "mol", "ng", "nmol", "pg",
    "pmol", "s", "U",
    // tests, drugs, genes, scores, stages and bodies, as written in Chinese clinical text
    "A", "aCL", "aPTT", "BMI", "BWAT", "C", "c", "CI", "CKD", "D", "DDU", "DOAC", "dRVVT",
    "eGFR", "ESKD", "F2", "F5", "FEU", "G", "G1", "G2", "G3", "G3a", "G3b", "G4", "G5", "G5D",
    "G20210A", "GP1", "GPL", "HR", "I", "IgG", "IgM", "INR", "iPTH", "K", "KDIGO", "Leiden",
    "KDOQI", "MPL", "MSC", "hAMSC", "NRS", "OR", "P", "PTH", "S", "SI", "ULN", "V", "VAS", "VIII",
    "WHO", "Wound-QoL", "Xa", "a", "b",
    // first authors of the cited studies; identifiers of a publication
    "Brandenburg", "Clase", "Dobry", "El-Azhary", "Gabel", "Gaisne", "Gauci", "Hayashi", "Kalajian", "Liu",
    "Mazhar", "Nigwekar", "Payne", "Weenig", "DOI", "LOINC", "PMC", "PMID",
    // file formats and JSON literals explained beside their Chinese name
    "JSON", "UTF-8", "YYYY-MM-DD", "true", "false", "null", "base64url",
    // what the page needs to run (the <noscript> text)
    "JavaScript", "WebAssembly",
    // the language switch names both languages; keys of the keyboard
    "Language", "Ctrl", "Mac", "Esc", "Page", "Up", "Down",
];

/// The ASCII words of a text outside `{placeholders}` and "quoted" names, and whether one
/// of them looks like an id (snake_case).
fn english_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut quoted = false;
    let mut placeholder = false;
    let mut word = String::new();
    for c in text.chars().chain(std::iter::once(' ')) {
        let part_of_word = c.is_ascii_alphabetic()
            || (!word.is_empty() && (c.is_ascii_digit() || c == '_' || c == '-'));
        if part_of_word && !quoted && !placeholder {
            word.push(c);
            continue;
        }
        if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        match c {
            '"' => quoted = !quoted,
            '{' => placeholder = true,
            '}' => placeholder = false,
            _ => {}
        }
    }
    words
}

fn not_allowed(text: &str) -> Vec<String> {
    english_words(text)
        .into_iter()
        .filter(|w| w.contains('_') || !ALLOWED_IN_CHINESE.contains(&w.trim_end_matches('-')))
        .collect()
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}

#[test]
fn the_word_finder_sees_ids_and_english_but_not_quoted_keys() {
    assert_eq!(not_allowed("钙 mg/dL（Liu 2022）"), Vec::<String>::new());
    assert_eq!(
        not_allowed("请填写 \"value\" 和 {name}"),
        Vec::<String>::new()
    );
    assert_eq!(not_allowed("参考下限 reference_low"), vec!["reference_low"]);
    assert_eq!(not_allowed("疼痛评分 pain score"), vec!["pain", "score"]);
}

#[test]
fn every_chinese_message_is_written_in_chinese() {
    let mut problems = Vec::new();
    for message in Text::all() {
        let zh = message.get(Lang::Zh);
        let bad = not_allowed(zh);
        if !bad.is_empty() {
            problems.push(format!("{}: {bad:?} in {zh:?}", message.key()));
        }
    }
    assert!(
        problems.is_empty(),
        "English in the Chinese catalogue:\n{}",
        problems.join("\n")
    );
}

#[test]
fn no_english_message_holds_chinese_except_the_language_names() {
    for message in Text::all() {
        let en = message.get(Lang::En);
        let named_languages = en.contains("简体中文") || en.contains("语言");
        assert!(!has_cjk(en) || named_languages, "{}: {en}", message.key());
    }
}

/// Every string a person reads in an assessment (citation texts are references and stay
/// as published).
fn readable_strings<'a>(value: &'a Value, key: &str, out: &mut Vec<(String, &'a str)>) {
    match value {
        Value::String(text) if key != "citations" => out.push((key.to_string(), text)),
        Value::Array(items) => items.iter().for_each(|v| readable_strings(v, key, out)),
        Value::Object(map) if key != "citations" => {
            for (k, v) in map {
                readable_strings(v, k, out);
            }
        }
        _ => {}
    }
}

/// Keys whose values are ids, statuses, units or sources, not words.
const ID_KEYS: &[&str] = &[
    "id",
    "status",
    "tier",
    "test",
    "kind",
    "source",
    "sources",
    "unit",
    "format",
    "field",
    "present",
    "absent",
    "unknown",
    "lesion_distribution",
    "direction",
    "marker",
    "lab",
    "population",
    "treatment",
    "route",
    "date",
    "first",
    "latest",
    "start",
];

#[test]
fn rendered_chinese_holds_no_english_word_and_no_id() {
    let bad_fields = r#"{"format":"calciphylaxis-case/1","patient":{"sex":"other","age_years":"old"},
        "kidney":{"ckd_stage":"G9"},"labs":{"calcium":{"value":9,"unit":"furlongs"}},
        "lesions":{"sites":["elbow"]},"findings":{"warfarin":"yes"},"my_own_key":1}"#;
    let mut cases: Vec<(String, String)> = examples()
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    cases.push(("a case with bad fields".into(), bad_fields.into()));
    let mut problems = Vec::new();
    for (name, text) in cases {
        let assessment = serde_json::to_value(assess_json_in(&text, Lang::Zh).unwrap()).unwrap();
        let mut strings = Vec::new();
        readable_strings(&assessment, "", &mut strings);
        for (key, text) in strings {
            if ID_KEYS.contains(&key.as_str()) || key.ends_with("sources") {
                continue;
            }
            let bad = not_allowed(text);
            if !bad.is_empty() {
                problems.push(format!("{name}: {key}: {bad:?} in {text:?}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "English or ids in Chinese output:\n{}",
        problems.join("\n")
    );
}
