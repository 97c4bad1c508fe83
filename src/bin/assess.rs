//! `assess FILE…` (or `-` for standard input): prints one assessment JSON per case file.
//! A file that is not a case is reported on standard error; the others are still assessed
//! and the exit status is then 1.

use std::io::Read;
use std::process::ExitCode;

use calciphylaxis::core::assess_json;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    if paths.is_empty() || paths.iter().any(|p| p == "-h" || p == "--help") {
        eprintln!(
            "usage: assess FILE… (a calciphylaxis-case/1 JSON file, or - for standard input)"
        );
        return if paths.is_empty() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let mut failed = false;
    for path in &paths {
        let text = if path == "-" {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).map(|_| text)
        } else {
            std::fs::read_to_string(path)
        };
        let outcome = text
            .map_err(|e| format!("cannot read: {e}"))
            .and_then(|text| assess_json(&text).map_err(|e| e.to_string()));
        match outcome {
            Ok(assessment) => match serde_json::to_string_pretty(&assessment) {
                Ok(json) => println!("{json}"),
                Err(e) => {
                    eprintln!("{path}: cannot write the assessment: {e}");
                    failed = true;
                }
            },
            Err(message) => {
                eprintln!("{path}: not a valid case file: {message}");
                failed = true;
            }
        }
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
