//! Turns the word catalogue (`locales/en.toml`, `locales/zh.toml`) into keyed Rust data.
//!
//! Every key becomes a constant `msg::<table>::<KEY>` of type `Text`; the texts become one
//! array per language in key order. The build fails, naming the key, when a key is missing
//! from a language, when the two languages use different `{placeholders}`, or when a text
//! has a brace that is not a placeholder, so a message can never be missing at run time.
//!
//! The `[about]` table holds the words of the static pages only (`src/about.rs`, written at
//! build time by `src/bin/site-pages.rs`): in the wasm build its texts are left empty, so
//! those pages cost the app no bytes. Likewise the app's wasm (feature `csr` without
//! `importer`) leaves empty the tables only the importer worker uses (`[fhir]`, `[paste]`,
//! `[paste_names]`), and the importer's wasm leaves empty the app's screen words (`[ui*]`):
//! each module carries only its own words.
//!
//! The app's wasm carries no Chinese at all: the Chinese words, in the app's layout, are
//! written to `$OUT_DIR/catalogue-zh.txt` (the pre-render step copies it beside the app's
//! script as `ZH_FILE`, named by a hash of its keys and words), and the app reads them at run
//! time (`core::i18n::load_catalogue`) when Chinese is chosen. Natively, and in the importer,
//! both languages are built in.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

const LANGUAGES: &[&str] = &["en", "zh"];

fn main() {
    println!("cargo::rerun-if-changed=locales");
    let catalogues: Vec<BTreeMap<String, String>> = LANGUAGES
        .iter()
        .map(|lang| {
            let path = format!("locales/{lang}.toml");
            println!("cargo::rerun-if-changed={path}");
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
            let table: toml::Table =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{path} is not valid TOML: {e}"));
            let mut flat = BTreeMap::new();
            flatten(&path, "", &table, &mut flat);
            flat
        })
        .collect();
    let errors = check(&catalogues);
    if !errors.is_empty() {
        panic!(
            "the word catalogue is inconsistent:\n  {}",
            errors.join("\n  ")
        );
    }
    let out_dir = std::env::var("OUT_DIR").unwrap();
    let words = on_demand_file(&catalogues, 1);
    let out = Path::new(&out_dir).join("catalogue.rs");
    std::fs::write(out, generate(&catalogues, &words)).unwrap();
    std::fs::write(Path::new(&out_dir).join(ON_DEMAND_FILE), &words.file).unwrap();
}

/// The languages the app's wasm does not carry: fetched from the app's own origin when
/// chosen (`core::i18n::load_catalogue`). English, the default, is always in the module.
const ON_DEMAND_FILE: &str = "catalogue-zh.txt";
/// Separates two messages in that file: a control character no message may contain.
const SEPARATOR: char = '\u{1e}';
/// The first word of its header line.
const FORMAT: &str = "calciphylaxis-catalogue/1";
/// Tables the app never shows (the static pages', the importer's): empty in its words.
const APP_LEAVES_OUT: [&str; 4] = ["about.", "fhir.", "paste.", "paste_names."];

/// What this build of the crate is, for the words it carries.
#[derive(PartialEq)]
enum Module {
    /// The command line, the tests, the pre-render: every word.
    Native,
    /// The app's wasm (`csr`): no static pages' or importer's words, no Chinese.
    App,
    /// The importer worker's wasm (`importer`): no screen words.
    Importer,
    /// Any other wasm build: no static pages' words.
    OtherWasm,
}

fn module() -> Module {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|arch| arch == "wasm32");
    let feature = |name: &str| std::env::var(format!("CARGO_FEATURE_{name}")).is_ok();
    match (wasm, feature("CSR"), feature("IMPORTER")) {
        (false, _, _) => Module::Native,
        (true, true, false) => Module::App,
        (true, false, true) => Module::Importer,
        (true, _, _) => Module::OtherWasm,
    }
}

fn app_unused(key: &str) -> bool {
    APP_LEAVES_OUT.iter().any(|t| key.starts_with(t))
}

/// A language's file for the app, with what the module checks it by.
struct WordsFile {
    /// FNV-1a of the keys and the words: the file's name, and its header's build.
    build: String,
    /// FNV-1a of what follows the header line: a body changed or cut short is refused.
    body_hash: u64,
    file: String,
}

fn fnv1a(hash: u64, bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(hash, |h, byte| {
        (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}
const FNV_START: u64 = 0xcbf2_9ce4_8422_2325;

/// The Chinese words in the app's layout, as a file: a header line
/// `calciphylaxis-catalogue/1 zh <build> <count>`, then the messages in key order, one
/// separator between two. `<build>` (FNV-1a of the keys and the words) ties the file to the
/// module built with it, so a file from another build is refused rather than misread.
fn on_demand_file(catalogues: &[BTreeMap<String, String>], lang: usize) -> WordsFile {
    let mut words = Vec::new();
    let mut hash = FNV_START;
    for (key, text) in &catalogues[lang] {
        assert!(
            !text.contains(SEPARATOR),
            "{key}: a message may not hold U+001E"
        );
        let text = if app_unused(key) { "" } else { text.as_str() };
        hash = fnv1a(hash, key.bytes().chain([0]).chain(text.bytes()).chain([0]));
        words.push(text);
    }
    let build = format!("{hash:016x}");
    let body = words.join(&SEPARATOR.to_string());
    let header = format!("{FORMAT} {} {build} {}", LANGUAGES[lang], words.len());
    WordsFile {
        body_hash: fnv1a(FNV_START, body.bytes()),
        file: format!("{header}\n{body}"),
        build,
    }
}

/// `[risk] warfarin.name = "…"` becomes the key `risk.warfarin.name`.
fn flatten(path: &str, prefix: &str, table: &toml::Table, flat: &mut BTreeMap<String, String>) {
    for (key, value) in table {
        let full = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::String(text) => {
                flat.insert(full, text.clone());
            }
            toml::Value::Table(inner) => flatten(path, &full, inner, flat),
            other => panic!("{path}: {full} must be a string, not {}", other.type_str()),
        }
    }
}

/// The `{name}` placeholders of a text, or an error for a stray brace.
fn placeholders(text: &str) -> Result<BTreeSet<String>, String> {
    let mut names = BTreeSet::new();
    let mut rest = text;
    while let Some(open) = rest.find(['{', '}']) {
        if rest[open..].starts_with('}') {
            return Err("a '}' without '{'".into());
        }
        let close = rest[open..].find('}').ok_or("a '{' without '}'")? + open;
        let name = &rest[open + 1..close];
        let valid = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid {
            return Err(format!("'{{{name}}}' is not a placeholder"));
        }
        names.insert(name.to_string());
        rest = &rest[close + 1..];
    }
    Ok(names)
}

fn check(catalogues: &[BTreeMap<String, String>]) -> Vec<String> {
    let all_keys: BTreeSet<&String> = catalogues.iter().flat_map(|c| c.keys()).collect();
    let mut errors = Vec::new();
    for key in all_keys {
        let mut seen: Option<BTreeSet<String>> = None;
        for (lang, catalogue) in LANGUAGES.iter().zip(catalogues) {
            let Some(text) = catalogue.get(key) else {
                errors.push(format!("{key}: missing from locales/{lang}.toml"));
                continue;
            };
            match placeholders(text) {
                Err(e) => errors.push(format!("{key} ({lang}): {e}")),
                Ok(names) => match &seen {
                    Some(first) if *first != names => errors.push(format!(
                        "{key}: placeholders differ between languages ({first:?} vs {lang} {names:?})"
                    )),
                    _ => seen = Some(names),
                },
            }
        }
    }
    errors
}

/// `risk.warfarin.name` → module `risk`, constant `WARFARIN_NAME`.
fn split_key(key: &str) -> (String, String) {
    let (table, rest) = key
        .split_once('.')
        .unwrap_or_else(|| panic!("{key}: a key needs a [table]"));
    (
        table.to_string(),
        rest.replace('.', "_").to_ascii_uppercase(),
    )
}

fn generate(catalogues: &[BTreeMap<String, String>], words: &WordsFile) -> String {
    let keys: Vec<&String> = catalogues[0].keys().collect();
    let mut modules: BTreeMap<String, Vec<(String, usize)>> = BTreeMap::new();
    for (index, key) in keys.iter().enumerate() {
        let (table, name) = split_key(key);
        let names = modules.entry(table).or_default();
        assert!(
            !names.iter().any(|(n, _)| *n == name),
            "{key}: two keys make the constant {name}"
        );
        names.push((name, index));
    }
    // Tables a module never shows: their texts are left empty in that module's wasm.
    let module = module();
    let unused = |key: &str| match module {
        Module::Native => false,
        Module::App => app_unused(key),
        Module::Importer => key.starts_with("about.") || key.starts_with("ui"),
        Module::OtherWasm => key.starts_with("about."),
    };
    let mut out =
        String::from("// Generated by build.rs from locales/*.toml: edit those files.\n\n");
    out.push_str("/// Every message of the catalogue, by table.\npub mod msg {\n");
    for (table, names) in &modules {
        writeln!(
            out,
            "    pub mod {table} {{\n        use crate::core::i18n::Text;"
        )
        .unwrap();
        for (name, index) in names {
            writeln!(out, "        pub const {name}: Text = Text({index});").unwrap();
        }
        out.push_str("    }\n");
    }
    out.push_str("}\n\n");
    writeln!(
        out,
        "/// The catalogue's keys, in message order.\npub static KEYS: [&str; {}] = {keys:?};",
        keys.len()
    )
    .unwrap();
    // One string per language and the end of each message in it: half the bytes of an
    // array of string slices in the wasm.
    let build = &words.build;
    writeln!(
        out,
        "/// The Chinese words' file, beside the app's script (written by the build's pre-render).\n\
         pub const ZH_FILE: &str = \"calciphylaxis-zh-{build}.txt\";\n\
         const ZH_BUILD: &str = \"{build}\";\n\
         const ZH_BODY_HASH: u64 = {:#x};\n\
         const CATALOGUE_FORMAT: &str = {FORMAT:?};\n\
         const CATALOGUE_SEPARATOR: char = {SEPARATOR:?};\n\
         /// The tables the app never shows, empty in its words.\n\
         pub const APP_LEAVES_OUT: [&str; {}] = {APP_LEAVES_OUT:?};",
        words.body_hash,
        APP_LEAVES_OUT.len()
    )
    .unwrap();
    for (lang, catalogue) in LANGUAGES.iter().zip(catalogues) {
        if *lang == "zh" && module == Module::App {
            out.push_str("const ZH_BUILTIN: Option<Catalogue> = None;\n");
            continue;
        }
        let mut all = String::new();
        let mut ends = Vec::new();
        for key in &keys {
            if !unused(key) {
                all.push_str(&catalogue[*key]);
            }
            ends.push(all.len() as u32);
        }
        let upper = lang.to_ascii_uppercase();
        writeln!(out, "const {upper}_TEXT: &str = {all:?};").unwrap();
        writeln!(out, "const {upper}_ENDS: [u32; {}] = {ends:?};", ends.len()).unwrap();
        if *lang == "zh" {
            out.push_str(
                "const ZH_BUILTIN: Option<Catalogue> = Some(Catalogue { text: ZH_TEXT, ends: &ZH_ENDS });\n",
            );
        }
    }
    out
}
