//! Writes the static "about" pages into a built app directory (a Trunk post_build hook,
//! see Trunk.toml): `about/index.html` (English), `about/zh.html` (Chinese) and their
//! stylesheet. The words and rules come from the core (`calciphylaxis::about`); the counts
//! of tests and the change log from this repository.
//!
//!   site-pages DIR     # or, as a Trunk hook, $TRUNK_STAGING_DIR

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use calciphylaxis::about::{page, page_path, Facts, STYLESHEET, STYLESHEET_NAME};
use calciphylaxis::core::Lang;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The files of `dir` whose names end with `suffix`.
fn files(dir: &str, suffix: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(Path::new(ROOT).join(dir)) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    found.sort();
    found
}

/// The number of worked cases in one rule-case file (its `cases` array).
fn cases_in(path: &Path) -> Result<usize, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(value["cases"].as_array().map_or(0, Vec::len))
}

/// The app's hashed stylesheet in the built directory, e.g. `app-0123abcd.css`.
fn app_stylesheet(dist: &Path) -> Option<String> {
    std::fs::read_dir(dist).ok()?.flatten().find_map(|e| {
        let name = e.file_name().to_string_lossy().into_owned();
        let hash = name.strip_prefix("app-")?.strip_suffix(".css")?;
        hash.chars().all(|c| c.is_ascii_hexdigit()).then_some(name)
    })
}

fn facts(dist: &Path) -> Result<Facts, String> {
    let rule_files = files("tests/rule-cases", ".json");
    let rule_cases = rule_files
        .iter()
        .map(|p| cases_in(p))
        .sum::<Result<usize, _>>()?;
    let changelog = Path::new(ROOT).join("CHANGELOG.md");
    Ok(Facts {
        version: env!("CARGO_PKG_VERSION").to_string(),
        rule_case_files: rule_files.len(),
        rule_cases,
        examples: files("examples/cases", ".json").len(),
        fuzz_targets: files("fuzz/fuzz_targets", ".rs").len(),
        browser_test_files: files("tests/e2e", ".test.mjs").len(),
        changelog: std::fs::read_to_string(&changelog)
            .map_err(|e| format!("{}: {e}", changelog.display()))?,
        app_stylesheet: app_stylesheet(dist),
    })
}

fn write(dist: &Path) -> Result<(), String> {
    let facts = facts(dist)?;
    let about = dist.join("about");
    std::fs::create_dir_all(&about).map_err(|e| format!("{}: {e}", about.display()))?;
    let mut written = vec![about.join(STYLESHEET_NAME)];
    std::fs::write(&written[0], STYLESHEET).map_err(|e| e.to_string())?;
    for lang in [Lang::En, Lang::Zh] {
        let path = dist.join(page_path(lang));
        std::fs::write(&path, page(lang, &facts))
            .map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
    println!("site-pages: {}", names.join(", "));
    Ok(())
}

fn main() -> ExitCode {
    let dir = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("TRUNK_STAGING_DIR").ok());
    let Some(dir) = dir else {
        eprintln!("site-pages: ERROR: no directory given and TRUNK_STAGING_DIR is not set");
        return ExitCode::FAILURE;
    };
    match write(Path::new(&dir)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("site-pages: ERROR: {e}");
            ExitCode::FAILURE
        }
    }
}
