//! The chart note (`core::note`): two example cases in both languages against the reviewed
//! text in tests/golden/notes/ (section by section; regenerate with UPDATE_GOLDEN=1 and
//! review the diff line by line), and over every example in both languages: lines within
//! 100 columns, ASCII units and symbols, never the case label, and every factor not
//! recorded named as such, never as absent.

mod common;
use common::examples;

use calciphylaxis::core::case::Case;
use calciphylaxis::core::logic::Presence;
use calciphylaxis::core::note::{chart_note, display_width, WIDTH};
use calciphylaxis::core::{assess_parsed_in, parse_case_text_in, Assessment, Lang};

const DATE: &str = "2026-12-05";
/// A label holding a patient's name, as a careless user might type it.
const NAMED: &str = "Qiaomu Lanfang 乔兰芳, bed 12";

fn note_of(text: &str, lang: Lang) -> (String, Assessment) {
    let mut parsed = parse_case_text_in(text, lang).unwrap();
    parsed.case.label = Some(NAMED.to_string());
    let assessment = assess_parsed_in(&parsed, lang);
    (
        chart_note(&parsed.case, &assessment, lang, DATE),
        assessment,
    )
}

fn every_note() -> Vec<(String, Lang, String, Assessment)> {
    let mut notes = Vec::new();
    for path in examples() {
        let text = std::fs::read_to_string(&path).unwrap();
        for lang in [Lang::En, Lang::Zh] {
            let (note, assessment) = note_of(&text, lang);
            notes.push((path.display().to_string(), lang, note, assessment));
        }
    }
    notes
}

/// The note cut at its section headings (`== … ==`): (heading, text).
fn sections(note: &str) -> Vec<(String, String)> {
    let mut sections = vec![("(header)".to_string(), String::new())];
    for line in note.lines() {
        if line.starts_with("== ") {
            sections.push((line.to_string(), String::new()));
        }
        let last = sections.last_mut().unwrap();
        last.1.push_str(line);
        last.1.push('\n');
    }
    sections
}

#[test]
fn the_notes_of_two_examples_match_the_reviewed_text_section_by_section() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for name in ["warfarin-low-protein-c-s", "sparse-few-fields"] {
        let text = std::fs::read_to_string(format!("examples/cases/{name}.json")).unwrap();
        for lang in [Lang::En, Lang::Zh] {
            let (note, _) = note_of(&text, lang);
            let golden = format!("tests/golden/notes/{name}.{}.txt", lang.id());
            if update {
                std::fs::write(&golden, &note).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&golden).unwrap();
            let (want, got) = (sections(&expected), sections(&note));
            let headings =
                |s: &[(String, String)]| s.iter().map(|x| x.0.clone()).collect::<Vec<_>>();
            assert_eq!(headings(&want), headings(&got), "{golden}: the sections");
            for ((heading, want), (_, got)) in want.iter().zip(&got) {
                assert_eq!(want, got, "{golden}: section {heading} differs");
            }
        }
    }
}

#[test]
fn every_line_of_every_note_fits_in_100_columns() {
    for (path, lang, note, _) in every_note() {
        for line in note.lines() {
            let width = display_width(line);
            assert!(width <= WIDTH, "{path} {lang:?}: {width} columns: {line}");
        }
    }
}

#[test]
fn units_and_symbols_are_ascii_and_chinese_is_only_wide_characters() {
    for (path, lang, note, _) in every_note() {
        for c in note.chars() {
            let ok = match lang {
                Lang::En => c.is_ascii(),
                // Chinese letters and fullwidth punctuation, which take two columns.
                Lang::Zh => c.is_ascii() || display_width(&c.to_string()) == 2,
            };
            assert!(ok, "{path} {lang:?}: {c:?} ({:04X}) in the note", c as u32);
        }
        for symbol in ["µ", "μ", "≥", "≤", "²", "×", "−"] {
            assert!(!note.contains(symbol), "{path} {lang:?}: {symbol}");
        }
    }
}

#[test]
fn the_case_label_is_never_in_the_note() {
    for (path, lang, note, _) in every_note() {
        for part in ["Qiaomu", "Lanfang", "乔兰芳", "bed 12"] {
            assert!(!note.contains(part), "{path} {lang:?}: {part}");
        }
    }
}

/// The items (`- …` lines and their continuations) under the line that starts with
/// `title`, up to the next group or section.
fn group<'a>(note: &'a str, title: &str) -> Vec<&'a str> {
    let mut lines = note.lines().skip_while(|l| !l.starts_with(title)).skip(1);
    let mut items = Vec::new();
    for line in lines.by_ref() {
        match line.strip_prefix("- ") {
            Some(item) => items.push(item),
            None if line.starts_with("  ") => {}
            None => break,
        }
    }
    items
}

#[test]
fn every_factor_not_recorded_is_named_under_unknown_and_none_under_absent() {
    for (path, lang, note, a) in every_note() {
        let (unknown, absent) = match lang {
            Lang::En => ("Not recorded or undecided (", "Absent ("),
            Lang::Zh => ("未记录或无法判断（", "不存在（"),
        };
        let unknown_items = group(&note, unknown);
        let absent_items = group(&note, absent);
        let named = |items: &[&str], name: &str| items.iter().any(|i| i.starts_with(name));
        for factor in &a.risk.factors {
            let name = calciphylaxis::core::note::ascii_safe(factor.name);
            let (under_unknown, under_absent) =
                (named(&unknown_items, &name), named(&absent_items, &name));
            match factor.status {
                Presence::Unknown => assert!(under_unknown && !under_absent, "{path}: {name}"),
                Presence::Absent => assert!(under_absent && !under_unknown, "{path}: {name}"),
                Presence::Present => assert!(!under_absent && !under_unknown, "{path}: {name}"),
            }
        }
        let count = a.risk.unknown.len();
        assert!(
            note.lines()
                .any(|l| l.starts_with(&format!("{unknown}{count}"))),
            "{path} {lang:?}: the count of factors not recorded"
        );
    }
}

#[test]
fn an_empty_case_says_nothing_was_recorded_and_every_factor_is_unknown() {
    let case = Case::default();
    let a = calciphylaxis::core::assess_in(&case, Lang::En);
    let note = chart_note(&case, &a, Lang::En, DATE);
    assert!(note.contains("Nothing recorded"), "{note}");
    assert!(
        group(&note, "Absent (").iter().all(|i| *i == "none"),
        "{note}"
    );
    assert_eq!(
        group(&note, "Not recorded or undecided (").len(),
        a.risk.factors.len()
    );
    assert!(note.contains(&format!("Date: {DATE}")));
    let last = note.trim_end().rsplit("\n\n").next().unwrap();
    assert!(
        last.starts_with("Decision support for clinicians"),
        "{last}"
    );
}

#[test]
fn assess_note_prints_the_same_note() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(["--note", "--lang", "zh", "--date", DATE])
        .arg("examples/cases/sparse-few-fields.json")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let expected = std::fs::read_to_string("tests/golden/notes/sparse-few-fields.zh.txt").unwrap();
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);
    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
        .args([
            "--note",
            "--date",
            "2026-13-01",
            "examples/cases/sparse-few-fields.json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        refused.status.code(),
        Some(2),
        "a date that does not exist is refused"
    );
}
