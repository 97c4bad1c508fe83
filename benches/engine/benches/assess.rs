//! Throughput of the clinical engine on the example cases, natively (`make bench` runs
//! `cargo bench -p calciphylaxis-bench` and reads criterion's estimates).
//!
//! Three figures per language: `parse` (case file text → case), `assess` (case →
//! assessment) and `json` (text → assessment, what the CLI and the JS API do). Each
//! iteration runs every example once, so one element is one case.

use std::fs;
use std::hint::black_box;
use std::path::Path;

use calciphylaxis::core::{assess_json_in, assess_parsed_in, parse_case_text_in, Lang};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn example_cases() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/cases");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| fs::read_to_string(path).expect("example case"))
        .collect()
}

fn engine(c: &mut Criterion) {
    let texts = example_cases();
    assert!(!texts.is_empty(), "no example cases");
    for lang in [Lang::En, Lang::Zh] {
        let parsed: Vec<_> = texts
            .iter()
            .map(|text| parse_case_text_in(text, lang).expect("examples parse"))
            .collect();
        let mut group = c.benchmark_group(format!("engine-{}", lang.id()));
        group.throughput(Throughput::Elements(texts.len() as u64));
        group.bench_function("parse", |b| {
            b.iter(|| {
                for text in &texts {
                    black_box(parse_case_text_in(black_box(text), lang).ok());
                }
            })
        });
        group.bench_function("assess", |b| {
            b.iter(|| {
                for case in &parsed {
                    black_box(assess_parsed_in(black_box(case), lang));
                }
            })
        });
        group.bench_function("json", |b| {
            b.iter(|| {
                for text in &texts {
                    black_box(assess_json_in(black_box(text), lang).ok());
                }
            })
        });
        group.finish();
    }
}

criterion_group!(benches, engine);
criterion_main!(benches);
