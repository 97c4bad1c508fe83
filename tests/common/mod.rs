//! Shared by the integration tests.

use std::path::PathBuf;

/// Every `.json` file of a folder, sorted by name.
fn case_files(dir: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
}

/// Every example case file, sorted by name.
#[allow(dead_code)]
pub fn examples() -> Vec<PathBuf> {
    case_files("examples/cases")
}

/// Every case file of the tests (`tests/cases/`, cases that the examples do not cover, such
/// as follow-up visits), sorted by name.
#[allow(dead_code)]
pub fn test_cases() -> Vec<PathBuf> {
    case_files("tests/cases")
}

/// The first place where two JSON values differ, as a JSON pointer with both values, or
/// `None` when they are equal. Golden tests print this instead of two whole documents.
#[allow(dead_code)]
pub fn first_difference(expected: &serde_json::Value, got: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    fn walk(pointer: String, a: &Value, b: &Value) -> Option<String> {
        match (a, b) {
            (Value::Object(x), Value::Object(y)) => {
                let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
                keys.into_iter().find_map(|k| {
                    let p = format!("{pointer}/{}", k.replace('~', "~0").replace('/', "~1"));
                    match (x.get(k), y.get(k)) {
                        (Some(a), Some(b)) => walk(p, a, b),
                        (a, b) => Some(format!("{p}: expected {}, got {}", show(a), show(b))),
                    }
                })
            }
            (Value::Array(x), Value::Array(y)) => x
                .iter()
                .zip(y)
                .enumerate()
                .find_map(|(i, (a, b))| walk(format!("{pointer}/{i}"), a, b))
                .or_else(|| {
                    (x.len() != y.len())
                        .then(|| format!("{pointer}: expected {} items, got {}", x.len(), y.len()))
                }),
            _ if a == b => None,
            _ => Some(format!(
                "{}: expected {a}, got {b}",
                if pointer.is_empty() { "/" } else { &pointer }
            )),
        }
    }
    fn show(v: Option<&Value>) -> String {
        v.map_or_else(|| "nothing".to_string(), Value::to_string)
    }
    walk(String::new(), expected, got)
}

/// The proptest settings every property runs with: `cases` inputs from a fixed seed, so one
/// commit gets one verdict (`make test` decides a landing). `PROPERTY_SEED=random` (or a
/// number) explores further by hand; a failure prints the seed it ran with.
#[allow(dead_code)]
pub fn property_config(cases: u32) -> proptest::test_runner::Config {
    use proptest::test_runner::{Config, RngSeed};
    let seed = match std::env::var("PROPERTY_SEED").as_deref() {
        Err(_) => 1,
        Ok("random") => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |t| t.as_nanos() as u64),
        Ok(number) => number
            .parse()
            .expect("PROPERTY_SEED must be unset, \"random\" or a number"),
    };
    eprintln!("PROPERTY_SEED={seed}");
    Config {
        cases,
        rng_seed: RngSeed::Fixed(seed),
        ..Config::default()
    }
}
