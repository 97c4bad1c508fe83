//! A pasted laboratory report → the case's labs, with a report of every line.
//!
//! The lines a laboratory system prints, or a clinician copies into a note: a test's name,
//! its value, unit, the laboratory's reference range and a flag (`H` / `L`, `↑` / `↓`,
//! `偏高` / `偏低`), separated by tabs or spaces, one result per line or several side by
//! side (two columns of a printout). The names (English, Chinese and the usual
//! abbreviations) are data in the word catalogue (`[paste_names]`, one `|`-separated list
//! per lab in each language; both lists are searched whatever the app's language).
//!
//! Nothing is guessed: a value whose unit is missing or not one of the lab's units is not
//! used (never given a default unit), a `<` / `>` value is not an exact value, and a lab
//! named twice keeps its first line. The range printed on a line becomes the laboratory's
//! limits (`reference_low` / `reference_high`, in the line's unit).

use serde::Serialize;

use crate::core::case::{Case, FieldSource, LabEntry};
use crate::core::date::Date;
use crate::core::i18n::{msg, Lang, Text};
use crate::core::labs::{lab, Lab, LabId, LabKind};
use crate::tr;

pub const PASTE_REPORT_FORMAT: &str = "calciphylaxis-paste-import/1";
/// Longer pastes are refused: a laboratory report is a few kilobytes.
pub const MAX_PASTE_BYTES: usize = 256 << 10;

/// The names of each lab in the catalogue, `|`-separated.
const NAMES: &[(LabId, Text)] = &[
    (LabId::CalciumTotal, msg::paste_names::CALCIUM_TOTAL),
    (LabId::CalciumIonized, msg::paste_names::CALCIUM_IONIZED),
    (LabId::Phosphate, msg::paste_names::PHOSPHATE),
    (LabId::Albumin, msg::paste_names::ALBUMIN),
    (LabId::PthIntact, msg::paste_names::PTH_INTACT),
    (
        LabId::AlkalinePhosphatase,
        msg::paste_names::ALKALINE_PHOSPHATASE,
    ),
    (LabId::VitaminD25oh, msg::paste_names::VITAMIN_D_25OH),
    (LabId::Creatinine, msg::paste_names::CREATININE),
    (LabId::Crp, msg::paste_names::CRP),
    (LabId::Platelets, msg::paste_names::PLATELETS),
    (LabId::DDimer, msg::paste_names::D_DIMER),
    (LabId::Fibrinogen, msg::paste_names::FIBRINOGEN),
    (LabId::Plasminogen, msg::paste_names::PLASMINOGEN),
    (LabId::PtInr, msg::paste_names::PT_INR),
    (LabId::Aptt, msg::paste_names::APTT),
    (
        LabId::ProteinCActivity,
        msg::paste_names::PROTEIN_C_ACTIVITY,
    ),
    (LabId::ProteinSFree, msg::paste_names::PROTEIN_S_FREE),
    (
        LabId::AntithrombinActivity,
        msg::paste_names::ANTITHROMBIN_ACTIVITY,
    ),
    (
        LabId::LupusAnticoagulant,
        msg::paste_names::LUPUS_ANTICOAGULANT,
    ),
    (
        LabId::AnticardiolipinIgg,
        msg::paste_names::ANTICARDIOLIPIN_IGG,
    ),
    (
        LabId::AnticardiolipinIgm,
        msg::paste_names::ANTICARDIOLIPIN_IGM,
    ),
    (LabId::AntiB2gp1Igg, msg::paste_names::ANTI_B2GP1_IGG),
    (LabId::AntiB2gp1Igm, msg::paste_names::ANTI_B2GP1_IGM),
    (LabId::Homocysteine, msg::paste_names::HOMOCYSTEINE),
    (
        LabId::FactorViiiActivity,
        msg::paste_names::FACTOR_VIII_ACTIVITY,
    ),
];

id_enum! {
    /// Why a line gave no lab value.
    PasteSkip {
        NotAResult = "not_a_result" => msg::paste::SKIP_NOT_A_RESULT,
        UnknownName = "unknown_name" => msg::paste::SKIP_UNKNOWN_NAME,
        NoUnit = "no_unit" => msg::paste::SKIP_NO_UNIT,
        UnknownUnit = "unknown_unit" => msg::paste::SKIP_UNKNOWN_UNIT,
        Comparator = "comparator" => msg::paste::SKIP_COMPARATOR,
        UnknownAnswer = "unknown_answer" => msg::paste::SKIP_UNKNOWN_ANSWER,
        Duplicate = "duplicate" => msg::paste::SKIP_DUPLICATE,
    }
}

/// The flag printed beside a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    High,
    Low,
}

/// One lab value read from a line.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PasteMapped {
    /// `line 3` (1-based): where the value came from.
    pub resource: String,
    pub line: usize,
    /// The case field path (`labs.calcium_total`).
    pub field: String,
    pub value: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_high: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flag: Option<Flag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The name as printed.
    pub name: String,
    pub message: String,
}

/// One line (or part of a line) that gave nothing, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PasteSkipped {
    pub resource: String,
    pub line: usize,
    pub reason: PasteSkip,
    /// The text concerned, as pasted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PasteReport {
    pub format: &'static str,
    pub lines_read: usize,
    /// The first date printed on the report (the sample's, as a rule): every value's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub mapped: Vec<PasteMapped>,
    pub skipped: Vec<PasteSkipped>,
}

/// Why a paste is refused as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PasteError {
    TooLarge { bytes: usize },
    Empty,
}

impl PasteError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            PasteError::TooLarge { bytes } => {
                let limit = MAX_PASTE_BYTES;
                tr!(lang, msg::paste::ERROR_TOO_LARGE, bytes, limit)
            }
            PasteError::Empty => tr!(lang, msg::paste::ERROR_EMPTY),
        }
    }
}

/// A pasted report as a case (its labs, with provenance) and the report of every line.
pub fn case_from_paste(text: &str, lang: Lang) -> Result<(Case, PasteReport), PasteError> {
    if text.len() > MAX_PASTE_BYTES {
        return Err(PasteError::TooLarge { bytes: text.len() });
    }
    let text = fold_width(text);
    if text.trim().is_empty() {
        return Err(PasteError::Empty);
    }
    // The sample's date, not the patient's birth date printed above it.
    let date = text
        .lines()
        .filter(|line| !is_birth_line(line))
        .find_map(find_date);
    let mut out = Output {
        case: Case::default(),
        report: PasteReport {
            format: PASTE_REPORT_FORMAT,
            lines_read: 0,
            date: date.map(|d| d.to_string()),
            mapped: Vec::new(),
            skipped: Vec::new(),
        },
        lang,
    };
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        out.report.lines_read += 1;
        read_line(&mut out, index + 1, line);
    }
    Ok((out.case, out.report))
}

struct Output {
    case: Case,
    report: PasteReport,
    lang: Lang,
}

impl Output {
    fn skip(&mut self, line: usize, reason: PasteSkip, detail: &str) {
        let message = tr!(self.lang, reason.text(), detail);
        self.report.skipped.push(PasteSkipped {
            resource: line_ref(line),
            line,
            reason,
            detail: Some(detail.to_string()),
            message,
        });
    }
}

fn line_ref(line: usize) -> String {
    format!("line {line}")
}

/// Full-width digits, letters and punctuation (a Chinese printout's `２．１０`, `（`,
/// `～`) as ASCII, and the ideographic space as a space.
fn fold_width(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn is_birth_line(line: &str) -> bool {
    let line = line.to_lowercase();
    [Lang::En, Lang::Zh]
        .iter()
        .flat_map(|lang| msg::paste::BIRTH_WORDS.get(*lang).split('|'))
        .any(|word| line.contains(&word.to_lowercase()))
}

/// A `YYYY-MM-DD` (or `/`, `.`, `年月日`) date anywhere in the line.
fn find_date(line: &str) -> Option<Date> {
    let chars: Vec<char> = line.chars().collect();
    (0..chars.len()).find_map(|start| {
        let rest: String = chars[start..].iter().take(11).collect();
        let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
        let year = rest.get(0..4).filter(|y| digits(y))?;
        if start > 0 && chars[start - 1].is_ascii_digit() {
            return None;
        }
        let parts: Vec<&str> = rest[4..]
            .split(['-', '/', '.', '年', '月', '日'])
            .filter(|p| !p.is_empty())
            .take(2)
            .collect();
        let (month, day) = (parts.first()?, parts.get(1)?);
        let day: String = day.chars().take_while(|c| c.is_ascii_digit()).collect();
        let (month, day) = (month.parse::<u32>().ok()?, day.parse::<u32>().ok()?);
        Date::parse(&format!("{year}-{month:02}-{day:02}"))
    })
}

/// The line's tokens: tab-separated cells when it has tabs, else words; a cell of a
/// tabbed line may hold spaces (`Calcium total`, `mg/L FEU`).
fn tokens(line: &str) -> Vec<String> {
    let cells: Vec<&str> = if line.contains('\t') {
        line.split('\t').collect()
    } else {
        line.split(' ').collect()
    };
    cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

fn read_line(out: &mut Output, number: usize, line: &str) {
    let tokens = tokens(line);
    let mut at = 0;
    let mut read_any = false;
    while at < tokens.len() {
        match read_result(out, number, &tokens, at) {
            Some(next) => {
                read_any = true;
                at = next;
            }
            None => break,
        }
    }
    if !read_any {
        out.skip(number, PasteSkip::NotAResult, line.trim());
    }
}

/// One result from `tokens[at..]`: its name (the words before the first value), value,
/// flag, unit and range. Gives the index after it, or `None` when there is no value.
fn read_result(out: &mut Output, number: usize, tokens: &[String], at: usize) -> Option<usize> {
    // A leading row number ("1  Ca  2.10 …") is not part of the name.
    let start = if tokens.len() > at + 2 && is_integer(&tokens[at]) {
        at + 1
    } else {
        at
    };
    let value_at = (start + 1..tokens.len()).find(|&i| starts_value(&tokens[i]))?;
    let name = tokens[start..value_at].join(" ");
    let found = find_lab(&name);
    let mut result = Reading::new(&tokens[value_at]);
    let mut next = value_at + 1;
    while next < tokens.len() && !(next + 1 < tokens.len() && starts_name(tokens, next)) {
        if !result.take(&tokens[next..], found) {
            break;
        }
        next += result.taken;
    }
    let Some(id) = found else {
        out.skip(number, PasteSkip::UnknownName, &name);
        return Some(next);
    };
    let detail = tokens[start..next].join(" ");
    write(out, number, id, &name, &result, &detail);
    Some(next)
}

/// A new result starts at `tokens[i]`: a known name followed (within two words) by a value.
fn starts_name(tokens: &[String], i: usize) -> bool {
    (i + 1..tokens.len().min(i + 4))
        .find(|&j| starts_value(&tokens[j]))
        .is_some_and(|j| find_lab(&tokens[i..j].join(" ")).is_some())
}

fn is_integer(token: &str) -> bool {
    !token.is_empty() && token.chars().all(|c| c.is_ascii_digit())
}

/// A value: a number, maybe after a comparator or an arrow, or a qualitative answer.
fn starts_value(token: &str) -> bool {
    let bare = token.trim_start_matches(['<', '>', '≤', '≥', '=', '↑', '↓']);
    bare.chars().next().is_some_and(|c| c.is_ascii_digit())
        && parse_number(strip_flag(bare).0).is_some()
        || answer(token).is_some()
}

/// The value without an attached arrow or `H` / `L`, and that flag.
fn strip_flag(token: &str) -> (&str, Option<Flag>) {
    for (mark, flag) in [("↑", Flag::High), ("↓", Flag::Low)] {
        if let Some(rest) = token
            .strip_suffix(mark)
            .or_else(|| token.strip_prefix(mark))
        {
            return (rest.trim(), Some(flag));
        }
    }
    (token.trim(), None)
}

fn parse_number(text: &str) -> Option<f64> {
    let text = text.trim_start_matches('=');
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    text.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn flag_of(token: &str) -> Option<Flag> {
    match token.trim_matches(['(', ')', '[', ']']) {
        "H" | "HH" | "h" | "↑" | "偏高" | "高" | "升高" | "H↑" => Some(Flag::High),
        "L" | "LL" | "l" | "↓" | "偏低" | "低" | "降低" | "L↓" => Some(Flag::Low),
        _ => None,
    }
}

/// A qualitative answer as printed, as the catalogue's result id.
fn answer(token: &str) -> Option<&'static str> {
    match token {
        "(-)" | "阴性(-)" => return Some("negative"),
        "(+)" | "阳性(+)" => return Some("positive"),
        _ => {}
    }
    match token.trim_matches(['(', ')']).to_lowercase().as_str() {
        "阴性" | "negative" | "neg" => Some("negative"),
        "阳性" | "positive" | "pos" => Some("positive"),
        "弱阳性" | "可疑" | "indeterminate" | "borderline" => Some("indeterminate"),
        _ => None,
    }
}

/// A range as printed: `2.11-2.52`, `2.11~2.52`, `[2.11-2.52]`, `<5`, `≤5`, `>30`.
fn parse_range(token: &str) -> Option<(Option<f64>, Option<f64>)> {
    let t = token.trim_matches(['(', ')', '[', ']']);
    if let Some(high) = t
        .strip_prefix("<=")
        .or(t.strip_prefix('<'))
        .or(t.strip_prefix('≤'))
    {
        return parse_number(high).map(|h| (None, Some(h)));
    }
    if let Some(low) = t
        .strip_prefix(">=")
        .or(t.strip_prefix('>'))
        .or(t.strip_prefix('≥'))
    {
        return parse_number(low).map(|l| (Some(l), None));
    }
    let (low, high) = t.split_once(['-', '~', '–', '—', '〜'])?;
    let (low, high) = (parse_number(low)?, parse_number(high)?);
    (low <= high).then_some((Some(low), Some(high)))
}

/// Finds the lab a printed name stands for: the whole name, then the part outside or inside
/// parentheses (`钙(Ca)`), in either language's list.
pub fn find_lab(name: &str) -> Option<LabId> {
    let folded = fold_name(name);
    let mut candidates = vec![folded.clone()];
    if let Some((outside, inside)) = folded.split_once('(') {
        candidates.push(outside.to_string());
        candidates.push(inside.trim_end_matches(')').to_string());
    }
    candidates
        .iter()
        .filter(|c| !c.is_empty())
        .find_map(|candidate| {
            NAMES.iter().find_map(|(id, names)| {
                [Lang::En, Lang::Zh]
                    .iter()
                    .flat_map(|lang| names.get(*lang).split('|'))
                    .any(|known| fold_name(known) == *candidate)
                    .then_some(*id)
            })
        })
}

/// Lower case, no spaces or trailing colon, `β` as `b`, `μ` as `u`.
fn fold_name(name: &str) -> String {
    name.trim()
        .trim_end_matches([':', '：', '*'])
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'β' | 'ß' => 'b',
            '（' => '(',
            '）' => ')',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// What follows a value: its flag, unit and range, in any order.
struct Reading {
    value: String,
    flag: Option<Flag>,
    unit: Option<String>,
    low: Option<f64>,
    high: Option<f64>,
    /// Tokens the last [`Reading::take`] used.
    taken: usize,
}

impl Reading {
    fn new(value: &str) -> Reading {
        let (bare, flag) = strip_flag(value);
        Reading {
            value: bare.to_string(),
            flag,
            unit: None,
            low: None,
            high: None,
            taken: 0,
        }
    }

    /// Takes the flag, range or unit at the start of `rest`; `false` when it is none.
    fn take(&mut self, rest: &[String], lab_id: Option<LabId>) -> bool {
        self.taken = 1;
        let token = rest[0].as_str();
        if let Some(flag) = flag_of(token) {
            self.flag = self.flag.or(Some(flag));
            return true;
        }
        if let Some((low, high)) = parse_range(token) {
            (self.low, self.high) = (low, high);
            return true;
        }
        // `2.11 - 2.52`, printed as three words.
        if rest.len() >= 3 && rest[1] == "-" {
            if let (Some(low), Some(high)) = (parse_number(token), parse_number(&rest[2])) {
                (self.low, self.high, self.taken) = (Some(low), Some(high), 3);
                return true;
            }
        }
        if self.unit.is_some() || starts_value(token) {
            return false;
        }
        // A unit of two words (`mg/L FEU`) when the lab knows it so.
        let known = |text: &str| lab_id.is_some_and(|id| lab(id).parse_unit(text).is_some());
        if rest.len() >= 2 && known(&format!("{token} {}", rest[1])) {
            self.unit = Some(format!("{token} {}", rest[1]));
            self.taken = 2;
        } else {
            self.unit = Some(token.to_string());
        }
        true
    }
}

fn write(out: &mut Output, number: usize, id: LabId, name: &str, reading: &Reading, detail: &str) {
    let lab = lab(id);
    let field = format!("labs.{}", id.id());
    if out.case.labs.contains_key(id.id()) {
        return out.skip(number, PasteSkip::Duplicate, detail);
    }
    let entry = match entry_of(lab, reading) {
        Ok(entry) => entry,
        Err(reason) => return out.skip(number, reason, detail),
    };
    let entry = LabEntry {
        date: out.report.date.clone(),
        ..entry
    };
    let value = match (&entry.value, &entry.result) {
        (Some(v), _) => serde_json::Value::from(*v),
        (None, Some(r)) => serde_json::Value::from(r.as_str()),
        _ => serde_json::Value::Null,
    };
    let message = mapped_message(out.lang, lab, &entry, reading.flag);
    out.case.provenance.insert(
        field.clone(),
        FieldSource {
            resource: line_ref(number),
            date: entry.date.clone(),
            code: None,
        },
    );
    out.report.mapped.push(PasteMapped {
        resource: line_ref(number),
        line: number,
        field,
        value,
        unit: entry.unit.clone(),
        reference_low: entry.reference_low,
        reference_high: entry.reference_high,
        flag: reading.flag,
        date: entry.date.clone(),
        name: name.to_string(),
        message,
    });
    out.case.labs.insert(id.id().to_string(), entry);
}

/// The case entry a reading gives, or why it gives none.
fn entry_of(lab: &Lab, reading: &Reading) -> Result<LabEntry, PasteSkip> {
    if let LabKind::Qualitative { results } = &lab.kind {
        let result = answer(&reading.value).filter(|r| results.iter().any(|(id, _)| id == r));
        return result
            .map(LabEntry::qualitative)
            .ok_or(PasteSkip::UnknownAnswer);
    }
    if reading.value.starts_with(['<', '>', '≤', '≥']) {
        return Err(PasteSkip::Comparator);
    }
    let value = parse_number(&reading.value).ok_or(PasteSkip::UnknownAnswer)?;
    let unit = match &reading.unit {
        Some(unit) => lab.parse_unit(unit).ok_or(PasteSkip::UnknownUnit)?,
        // Only a lab whose unit may be left out (the INR) reads a bare number.
        None => lab.parse_unit("").ok_or(PasteSkip::NoUnit)?,
    };
    Ok(LabEntry {
        reference_low: reading.low,
        reference_high: reading.high,
        ..LabEntry::numeric(value, unit.symbol)
    })
}

fn mapped_message(lang: Lang, lab: &Lab, entry: &LabEntry, flag: Option<Flag>) -> String {
    let name = lab.name(lang);
    let value = match (&entry.value, &entry.result) {
        (Some(v), _) => format!("{v} {}", entry.unit.as_deref().unwrap_or("")),
        (None, Some(r)) => crate::core::labs::result_label(r, lang),
        _ => String::new(),
    };
    let value = value.trim().to_string();
    let mut message = tr!(lang, msg::paste::MAPPED, name, value);
    if entry.reference_low.is_some() || entry.reference_high.is_some() {
        let fmt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        let (low, high) = (fmt(entry.reference_low), fmt(entry.reference_high));
        message.push_str(&tr!(lang, msg::paste::MAPPED_RANGE, low, high));
    }
    if let Some(flag) = flag {
        message.push_str(match flag {
            Flag::High => msg::paste::FLAG_HIGH.get(lang),
            Flag::Low => msg::paste::FLAG_LOW.get(lang),
        });
    }
    message
}
