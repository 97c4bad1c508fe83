//! Whether a Chinese text holds English: the ASCII words it may hold as they are (units,
//! test and drug abbreviations, authors of the cited studies), and a finder of the others.
//! Shared by tests/catalogue.rs and tests/about.rs (`#[path]`, not in common/).

#![allow(dead_code)]

/// ASCII words a Chinese text may hold as they are.
#[rustfmt::skip]
pub const ALLOWED_IN_CHINESE: &[&str] = &[
    // units and their parts
    "cm", "dL", "g", "kg", "L", "m", "mg", "min", "mL", "mmol", "mol", "ng", "nmol", "pg",
    "pmol", "s", "U", "kat",
    // tests, drugs, genes, scores, stages and bodies, as written in Chinese clinical text
    "A", "ACR", "EULAR", "GPI", "aCL", "aPTT", "BMI", "BWAT", "C", "c", "CI", "CKD", "D", "DDU", "DOAC", "dRVVT",
    "eGFR", "ESKD", "F2", "F5", "FEU", "G", "G1", "G2", "G3", "G3a", "G3b", "G4", "G5", "G5D",
    "G20210A", "GP1", "GPL", "HR", "I", "IgG", "IgM", "INR", "iPTH", "K", "KDIGO", "Leiden",
    "KDOQI", "MPL", "MSC", "hAMSC", "NRS", "OR", "P", "PTH", "S", "SI", "ULN", "V", "VAS", "VIII",
    "WHO", "Wound-QoL", "Xa", "a", "b",
    // first authors of the cited studies; identifiers of a publication
    "Brandenburg", "Clase", "Dobry", "El-Azhary", "Gabel", "Gaisne", "Gauci", "Hayashi", "Kalajian", "Liu",
    "Mazhar", "Nigwekar", "Payne", "Weenig", "DOI", "LOINC", "PMC", "PMID",
    // health-record standards and their code systems, named as they are (issue 17)
    "FHIR", "Bundle", "ICD-10-CM", "SNOMED", "CT", "RxNorm", "ATC",
    // what the page needs to run (the <noscript> text)
    "JavaScript", "WebAssembly",
    // file formats and JSON literals explained beside their Chinese name
    "JSON", "UTF-8", "YYYY-MM-DD", "true", "false", "null", "base64url",
    // the language switch names both languages; keys of the keyboard
    "Language", "Ctrl", "Mac", "Esc", "Page", "Up", "Down",
];

/// The ASCII words of a text outside `{placeholders}` and "quoted" names, and whether one
/// of them looks like an id (snake_case).
pub fn english_words(text: &str) -> Vec<String> {
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

pub fn not_allowed(text: &str) -> Vec<String> {
    english_words(text)
        .into_iter()
        .filter(|w| w.contains('_') || !ALLOWED_IN_CHINESE.contains(&w.trim_end_matches('-')))
        .collect()
}

pub fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c))
}
