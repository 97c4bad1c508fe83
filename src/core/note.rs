//! The chart note: the assessment as plain text to paste into a record system's text box,
//! in the chosen language. It says what the printed report says (the same groups of
//! inputs, `core::report`, and the same sentences of the assessment), in a fixed line
//! structure: a heading line per section (`== … ==`), then one item per line.
//!
//! Made to survive any text box: every line at most [`WIDTH`] display columns (a CJK
//! character counts 2), longer items wrapped with a two-space indent; units and symbols
//! in ASCII (`mcg`, `>=`, `m2`: [`ascii_safe`]). The free-text case label is never in it
//! (it may hold a name), and a factor that was not recorded is listed as not recorded,
//! never as absent.

use super::assess::Assessment;
use super::case::Case;
use super::citations::citation;
use super::field_path::FieldPath;
use super::i18n::{msg, Lang, Text};
use super::logic::Presence;
use super::report::{
    case_inputs, field, hayashi_text, population_text, status_text, threshold_text, tier_text,
    APP_VERSION, KNOWLEDGE_BASE_VERSION,
};
use super::risk::{RiskFactor, Tier};
use super::workup::{Direction, WorkupItem, WorkupStatus};
use crate::tr;

/// The widest line of the note, in display columns.
pub const WIDTH: usize = 100;

/// The chart note for `case` and its `assessment` (assessed in `lang`), dated `today`
/// (`YYYY-MM-DD`).
pub fn chart_note(case: &Case, assessment: &Assessment, lang: Lang, today: &str) -> String {
    let mut note = Note::default();
    header(&mut note, lang, today);
    inputs(&mut note, case, assessment, lang);
    risk(&mut note, assessment, lang);
    diagnosis(&mut note, assessment, lang);
    workup(&mut note, assessment, lang);
    msc(&mut note, assessment, lang);
    references(&mut note, assessment, lang);
    note.blank();
    note.line(msg::ui::NOTICE.get(lang));
    note.finish()
}

/// The lines written so far, each already ASCII-safe and wrapped.
#[derive(Default)]
struct Note {
    lines: Vec<String>,
}

impl Note {
    /// A line of its own, wrapped with a two-space indent.
    fn line(&mut self, text: &str) {
        self.lines.extend(wrap(&ascii_safe(text), "", "  ", WIDTH));
    }

    /// One item of a list: `- item`, wrapped under its text.
    fn item(&mut self, text: &str) {
        self.lines
            .extend(wrap(&ascii_safe(text), "- ", "  ", WIDTH));
    }

    /// The items, or "- none" when there are none (so every group has a line).
    fn items(&mut self, items: impl IntoIterator<Item = String>, lang: Lang) {
        let before = self.lines.len();
        items.into_iter().for_each(|item| self.item(&item));
        if self.lines.len() == before {
            self.item(msg::note::NONE.get(lang));
        }
    }

    /// A group's title with its count, then its items.
    fn group(&mut self, title: Text, items: Vec<String>, lang: Lang) {
        let n = items.len();
        self.line(&tr!(lang, title, n));
        self.items(items, lang);
    }

    /// "Title:", then its items.
    fn titled(&mut self, title: Text, items: Vec<String>, lang: Lang) {
        let title = title.get(lang);
        self.line(&tr!(lang, msg::note::GROUP, title));
        self.items(items, lang);
    }

    fn heading(&mut self, title: Text, lang: Lang) {
        self.blank();
        let title = title.get(lang);
        self.line(&format!("== {title} =="));
    }

    fn blank(&mut self) {
        self.lines.push(String::new());
    }

    fn finish(self) -> String {
        let mut text = self.lines.join("\n");
        text.push('\n');
        text
    }
}

/// The title, the date and the versions.
fn header(note: &mut Note, lang: Lang, date: &str) {
    note.line(msg::note::TITLE.get(lang));
    note.line(&tr!(lang, msg::note::DATE, date));
    let (app, knowledge_base) = (APP_VERSION, KNOWLEDGE_BASE_VERSION);
    note.line(&tr!(lang, msg::note::VERSION, app, knowledge_base));
}

/// What was recorded, the values computed from it, and what was left out and why.
fn inputs(note: &mut Note, case: &Case, a: &Assessment, lang: Lang) {
    note.heading(msg::note::INPUTS, lang);
    let groups = case_inputs(case, lang);
    if groups.is_empty() {
        note.line(msg::note::NOTHING_RECORDED.get(lang));
    }
    for group in groups {
        note.titled(group.title, group.items, lang);
    }
    let d = &a.derived;
    let derived: Vec<String> = [
        (msg::ui::CORRECTED_CALCIUM, &d.corrected_calcium),
        (msg::ui::CA_X_P, &d.calcium_phosphate_product),
        (msg::ui::BMI, &d.bmi),
        (msg::ui::PTH_ULN, &d.pth_multiple_of_uln),
    ]
    .into_iter()
    .filter_map(|(name, v)| v.as_ref().map(|v| (name, v)))
    .map(|(name, v)| field(name, &format!("{} {}", v.value, v.unit), lang))
    .collect();
    if !derived.is_empty() {
        note.titled(msg::ui::DERIVED, derived, lang);
    }
    // An issue about the label could quote it: left out with the label.
    let left_out: Vec<String> = a
        .input_errors
        .iter()
        .chain(&a.warnings)
        .filter(|issue| issue.field != FieldPath::CaseLabel)
        .map(|issue| issue.describe(lang))
        .collect();
    if !left_out.is_empty() {
        note.titled(msg::ui::LEFT_OUT, left_out, lang);
    }
}

/// The consensus threshold, then every factor: present (with the value that met its
/// threshold), not recorded or not decidable (named, never counted as absent), absent.
fn risk(note: &mut Note, a: &Assessment, lang: Lang) {
    let risk = &a.risk;
    note.heading(msg::ui::RISK_PROFILE, lang);
    let (rule, basis) = (risk.threshold.rule, &risk.threshold.basis);
    let status = threshold_text(risk.threshold.status).get(lang);
    note.line(&tr!(lang, msg::note::THRESHOLD, rule, status, basis));
    let (major, minor) = (risk.major_present, risk.minor_present);
    let (major_unknown, minor_unknown) = (risk.major_unknown, risk.minor_unknown);
    note.line(&tr!(
        lang,
        msg::note::COUNTS,
        major,
        minor,
        major_unknown,
        minor_unknown
    ));
    let factors = |status: Presence| -> Vec<String> {
        let chosen = risk.factors.iter().filter(|f| f.status == status);
        chosen.map(|f| factor_item(f, lang)).collect()
    };
    note.group(msg::note::PRESENT, factors(Presence::Present), lang);
    note.group(msg::note::UNKNOWN, factors(Presence::Unknown), lang);
    note.group(msg::note::ABSENT, factors(Presence::Absent), lang);
}

/// "Name [major]: basis".
fn factor_item(factor: &RiskFactor, lang: Lang) -> String {
    let tier = match factor.tier {
        Tier::Major => msg::ui::MAJOR_SHORT,
        Tier::Minor => msg::ui::MINOR_SHORT,
        Tier::Other => msg::note::OTHER_SHORT,
    }
    .get(lang);
    let (name, basis) = (factor.name, &factor.basis);
    tr!(lang, msg::note::FACTOR, name, tier, basis)
}

/// The population, the highest consensus tier and the Hayashi criteria, each criterion
/// with its status and basis.
fn diagnosis(note: &mut Note, a: &Assessment, lang: Lang) {
    let dx = &a.diagnosis;
    note.heading(msg::ui::DIAGNOSIS, lang);
    let population = population_text(dx.population).get(lang);
    note.line(&field(msg::ui::POPULATION, population, lang));
    let tier = tier_text(dx.consensus.highest).get(lang);
    let summary = &dx.consensus.summary;
    note.line(&tr!(lang, msg::note::CONSENSUS, tier, summary));
    let (rule, status) = (dx.hayashi.rule, hayashi_text(dx.hayashi.status).get(lang));
    note.line(&tr!(lang, msg::note::HAYASHI, rule, status));
    note.items(
        dx.hayashi.criteria.iter().map(|c| {
            let (name, basis) = (c.name, &c.basis);
            let status = status_text(c.status).get(lang);
            tr!(lang, msg::note::CRITERION, name, status, basis)
        }),
        lang,
    );
}

/// The panel by status: to order, abnormal, uninterpretable (each with its reason), then
/// normal.
fn workup(note: &mut Note, a: &Assessment, lang: Lang) {
    note.heading(msg::ui::WORKUP_TITLE, lang);
    let tests = |status: WorkupStatus| -> Vec<String> {
        let chosen = a.workup.items.iter().filter(|i| i.status == status);
        chosen.map(|i| workup_item(i, lang)).collect()
    };
    note.group(msg::note::TO_ORDER, tests(WorkupStatus::ToOrder), lang);
    note.group(msg::note::ABNORMAL, tests(WorkupStatus::Abnormal), lang);
    let uninterpretable = tests(WorkupStatus::Uninterpretable);
    note.group(msg::note::UNINTERPRETABLE, uninterpretable, lang);
    note.group(msg::note::NORMAL, tests(WorkupStatus::Normal), lang);
}

/// "Test: result, high (reference …); what applies to this patient".
fn workup_item(item: &WorkupItem, lang: Lang) -> String {
    let result = match (&item.result, item.direction) {
        (None, _) => msg::ui::NO_RESULT.get(lang).to_string(),
        (Some(result), direction) => {
            let direction = match (item.status, direction) {
                (WorkupStatus::Abnormal, Some(Direction::Low)) => Some(msg::note::LOW),
                (WorkupStatus::Abnormal, Some(Direction::High)) => Some(msg::note::HIGH),
                (WorkupStatus::Abnormal, None) => Some(msg::note::POSITIVE),
                _ => None,
            };
            match direction {
                Some(direction) => {
                    let direction = direction.get(lang);
                    tr!(lang, msg::note::RESULT_DIRECTION, result, direction)
                }
                None => result.clone(),
            }
        }
    };
    let (name, reference) = (item.name, &item.reference);
    let mut text = tr!(lang, msg::note::TEST, name, result, reference);
    for note in &item.notes {
        text.push_str(msg::ui_print::CASESUMMARY_TEXT_2.get(lang));
        text.push_str(note);
    }
    text
}

/// The MSC status and its summary, what is still needed, and the notice.
fn msc(note: &mut Note, a: &Assessment, lang: Lang) {
    let msc = &a.msc;
    note.heading(msg::ui::MSC_TITLE, lang);
    // The summary opens with the status ("Not eligible: …", "Incomplete: …").
    let summary = &msc.summary;
    note.line(&tr!(lang, msg::note::MSC_STATUS, summary));
    note.group(msg::note::STILL_NEEDED, msc.missing.clone(), lang);
    note.line(msc.notice);
}

/// The short form of every source the assessment cites.
fn references(note: &mut Note, a: &Assessment, lang: Lang) {
    note.heading(msg::note::REFERENCES, lang);
    let mut short: Vec<String> = a
        .citations
        .keys()
        .filter_map(|id| citation(id))
        .map(|c| c.short_form())
        .collect();
    short.sort();
    note.items(short, lang);
}

/// The text with its non-ASCII symbols and units spelled in ASCII (`µg` → `mcg`, `≥` →
/// `>=`, `m²` → `m2`), so a record system that mangles them cannot change a value.
/// Letters of other scripts (Chinese) are kept.
pub fn ascii_safe(text: &str) -> String {
    let text = text.replace("µg", "mcg").replace("μg", "mcg");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        out.push_str(match c {
            'µ' | 'μ' => "u",
            '≥' => ">=",
            '≤' => "<=",
            '≠' => "!=",
            '²' => "2",
            '³' => "3",
            '×' => "x",
            '÷' => "/",
            '−' | '–' | '—' | '‑' => "-",
            '…' => "...",
            '→' => "->",
            '↑' => "up",
            '↓' => "down",
            '±' => "+/-",
            '≈' => "~",
            '·' => "-",
            '°' => " deg",
            '‘' | '’' => "'",
            '“' | '”' => "\"",
            // Authors' names in a cited basis (Gubenšek 2016).
            'š' => "s",
            'č' | 'ć' => "c",
            'ž' => "z",
            'é' | 'è' => "e",
            'ü' => "u",
            'ö' => "o",
            'ä' => "a",
            'α' => "alpha",
            'β' => "beta",
            'γ' => "gamma",
            // Roman numerals (NYHA class Ⅲ–Ⅳ in Chinese text).
            'Ⅰ' => "I",
            'Ⅱ' => "II",
            'Ⅲ' => "III",
            'Ⅳ' => "IV",
            'Ⅴ' => "V",
            'Ⅵ' => "VI",
            'Ⅶ' => "VII",
            'Ⅷ' => "VIII",
            'κ' => "kappa",
            '\u{a0}' | '\u{2009}' | '\u{202f}' => " ",
            _ => {
                out.push(c);
                continue;
            }
        });
    }
    out
}

/// Display columns: 2 for East Asian wide and fullwidth characters, 1 otherwise.
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

/// Closing punctuation a line should not start with: it stays with the text before it.
fn closes(c: char) -> bool {
    "，。、；：！？）》」』】,.;:!?)".contains(c)
}

/// Opening punctuation a line should not end with: it stays with the text after it.
fn opens(c: char) -> bool {
    "（《「『【".contains(c)
}

/// The pieces a line may break between: words (runs without spaces), and single wide
/// characters (Chinese breaks between any two), each with whether a space came before it.
fn pieces(text: &str) -> Vec<(String, bool)> {
    let mut pieces: Vec<(String, bool)> = Vec::new();
    // `open`: the last piece is an ASCII word still being read; `glued`: it ends with an
    // opening bracket, so the next character joins it.
    let (mut space, mut open, mut glued) = (false, false, false);
    for c in text.chars() {
        let narrow = char_width(c) == 1;
        if c.is_whitespace() {
            (space, open, glued) = (true, false, false);
            continue;
        }
        let join = !space && (glued || closes(c) || (open && narrow));
        match pieces.last_mut() {
            Some(last) if join => last.0.push(c),
            _ => pieces.push((c.to_string(), space)),
        }
        (space, open, glued) = (false, narrow, opens(c));
    }
    pieces
}

/// `text` in lines of at most `width` columns: the first after `first`, the rest after
/// `rest`. A piece wider than a line is cut where it must be.
pub fn wrap(text: &str, first: &str, rest: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut empty = true;
    for (piece, space) in pieces(text) {
        let gap = if space && !empty { " " } else { "" };
        if !empty && display_width(&line) + gap.len() + display_width(&piece) > width {
            lines.push(std::mem::replace(&mut line, rest.to_string()));
            empty = true;
        }
        if !empty {
            line.push_str(gap);
        }
        for c in piece.chars() {
            if display_width(&line) + char_width(c) > width {
                lines.push(std::mem::replace(&mut line, rest.to_string()));
            }
            line.push(c);
        }
        empty = false;
    }
    lines.push(line);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chinese_character_is_two_columns_and_ascii_one() {
        assert_eq!(display_width("abc"), 3);
        assert_eq!(display_width("钙化防御"), 8);
        assert_eq!(display_width("钙（Ca）"), 2 + 2 + 2 + 2);
    }

    #[test]
    fn wrapping_keeps_every_line_within_the_width_and_every_word() {
        let text = "one two three four five six seven eight nine ten";
        let lines = wrap(text, "- ", "  ", 16);
        assert!(lines.iter().all(|l| display_width(l) <= 16), "{lines:?}");
        assert_eq!(lines[0], "- one two three");
        assert!(lines[1..].iter().all(|l| l.starts_with("  ")));
        let words: Vec<&str> = lines.iter().flat_map(|l| l.split_whitespace()).collect();
        assert_eq!(words.join(" "), format!("- {text}"));
    }

    #[test]
    fn chinese_wraps_between_characters_but_not_before_a_comma() {
        let lines = wrap("钙化防御钙化防御，钙化防御", "", "", 16);
        assert_eq!(lines, ["钙化防御钙化防", "御，钙化防御"]);
        let lines = wrap("钙化防御钙化（防御）", "", "", 12);
        assert_eq!(lines, ["钙化防御钙化", "（防御）"]);
        let long = "甲".repeat(60);
        assert!(wrap(&long, "- ", "  ", 100)
            .iter()
            .all(|l| display_width(l) <= 100));
    }

    #[test]
    fn a_word_longer_than_the_line_is_cut() {
        let lines = wrap(&"x".repeat(25), "", "", 10);
        assert_eq!(lines, ["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
    }

    #[test]
    fn units_and_symbols_become_ascii() {
        assert_eq!(ascii_safe("> 0.5 µg/day"), "> 0.5 mcg/day");
        assert_eq!(ascii_safe("BMI ≥ 30 kg/m²"), "BMI >= 30 kg/m2");
        assert_eq!(ascii_safe("5–15 µmol/L ≤ 10 × 2"), "5-15 umol/L <= 10 x 2");
        assert_eq!(ascii_safe("抗β2糖蛋白"), "抗beta2糖蛋白");
        assert_eq!(ascii_safe("心功能Ⅲ–Ⅳ级"), "心功能III-IV级");
    }
}
