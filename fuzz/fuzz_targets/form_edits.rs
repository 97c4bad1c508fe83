//! The input of the `form_inputs` target, decoded from libFuzzer's bytes by `arbitrary`:
//! numbers typed, units, one lab entry, and a list of form edits. Shared with
//! `fuzz/examples/seeds.rs`, which writes the committed inputs that reach every edit.
#![allow(dead_code)]

use arbitrary::Arbitrary;
use calciphylaxis::core::case::{Biopsy, CkdStage, Dialysis, Sex};
use calciphylaxis::core::findings::{Site, Therapy, FINDINGS};
use calciphylaxis::core::labs::{Lab, LabKind, LABS};
use calciphylaxis::form::{
    CaseText, FormEdit, LabText, MscGiven, TherapyChoice, UnitSystem, VisitEdit, VisitText,
    VISIT_LABS,
};

/// A unit: one of the lab's accepted symbols (or aliases), or any text.
#[derive(Debug, Arbitrary)]
pub enum UnitText {
    Accepted(u8),
    Alias(u8, u8),
    Any(String),
}

/// Text typed into a number field: anything, or a number written out (so that huge,
/// tiny and negative values are reached quickly).
#[derive(Debug, Arbitrary)]
pub enum Typed {
    Text(String),
    Plain(f64),
    Exponent(f64),
}

impl Typed {
    pub fn text(&self) -> String {
        match self {
            Typed::Text(text) => text.clone(),
            Typed::Plain(value) => format!("{value}"),
            Typed::Exponent(value) => format!("{value:e}"),
        }
    }
}

#[derive(Debug, Arbitrary)]
pub struct Input {
    pub lab: u8,
    pub text: Typed,
    pub upper: Typed,
    pub lower: Typed,
    pub from: UnitText,
    pub to: UnitText,
    pub value: f64,
    pub result: Option<String>,
    pub reference_low: Option<f64>,
    pub reference_high: Option<f64>,
    pub edits: Vec<Edit>,
}

/// One form edit, from bytes: ids and choices are picked from the catalogues (index past
/// the end: unknown), text is anything.
#[derive(Debug, Arbitrary)]
pub enum Edit {
    Units(bool),
    Text(u8, Typed),
    Sex(u8),
    CkdStage(u8),
    Dialysis(u8),
    Transplant(Option<bool>),
    Biopsy(u8),
    Finding(u8, Option<bool>),
    Site(u8, bool),
    LabText(u8, u8, Typed),
    LabUnit(u8, UnitText),
    LabResult(u8, u8),
    TherapyResponse(u8, u8),
    TherapyWeeks(u8, Typed),
    AddVisit,
    RemoveVisit(u8),
    VisitText(u8, u8, Typed),
    VisitRoute(u8, u8),
    VisitBiopsy(u8, u8),
    VisitLabText(u8, u8, Typed),
    VisitLabUnit(u8, u8, UnitText),
}

/// `all[i]`, or `None` for the one index past the end (the "unknown" choice).
pub fn pick<T: Copy>(all: &[T], i: u8) -> Option<T> {
    all.get(i as usize % (all.len() + 1)).copied()
}

pub fn any<T: Copy>(all: &[T], i: u8) -> T {
    all[i as usize % all.len()]
}

pub const CASE_TEXTS: &[CaseText] = &[
    CaseText::Label,
    CaseText::Age,
    CaseText::Weight,
    CaseText::Height,
    CaseText::Vintage,
    CaseText::LesionCount,
    CaseText::UlcerCount,
];
pub const LAB_TEXTS: &[LabText] = &[LabText::Value, LabText::UpperLimit, LabText::LowerLimit];
pub const VISIT_TEXTS: &[VisitText] = &[
    VisitText::Date,
    VisitText::Pain,
    VisitText::WoundArea,
    VisitText::WoundCount,
    VisitText::Qol,
    VisitText::MscDose,
];

impl Edit {
    /// The form edit; visit indexes may be past the last visit (nothing happens).
    pub fn form_edit(&self) -> FormEdit {
        let lab = |i: u8| &LABS[i as usize % LABS.len()];
        let visit_lab = |i: u8| any(VISIT_LABS, i);
        match self {
            Edit::Units(si) => FormEdit::Units(if *si {
                UnitSystem::Si
            } else {
                UnitSystem::Conventional
            }),
            Edit::Text(f, text) => FormEdit::Text(any(CASE_TEXTS, *f), text.text()),
            Edit::Sex(i) => FormEdit::Sex(pick(Sex::ALL, *i)),
            Edit::CkdStage(i) => FormEdit::CkdStage(pick(CkdStage::ALL, *i)),
            Edit::Dialysis(i) => FormEdit::Dialysis(pick(Dialysis::ALL, *i)),
            Edit::Transplant(value) => FormEdit::Transplant(*value),
            Edit::Biopsy(i) => FormEdit::Biopsy(pick(Biopsy::ALL, *i)),
            Edit::Finding(i, value) => FormEdit::Finding(any(FINDINGS, *i).id, *value),
            Edit::Site(i, ticked) => FormEdit::Site(any(Site::ALL, *i), *ticked),
            Edit::LabText(i, f, text) => {
                FormEdit::LabText(lab(*i).id, any(LAB_TEXTS, *f), text.text())
            }
            Edit::LabUnit(i, unit) => FormEdit::LabUnit(lab(*i).id, unit_text(lab(*i), unit)),
            Edit::LabResult(i, r) => {
                let results = match lab(*i).kind {
                    LabKind::Qualitative { results } => results.iter().map(|r| r.0).collect(),
                    LabKind::Numeric { .. } => vec![],
                };
                FormEdit::LabResult(lab(*i).id, pick(&results, *r).unwrap_or_default().into())
            }
            Edit::TherapyResponse(t, r) => {
                let choices: Vec<_> = TherapyChoice::all().collect();
                FormEdit::TherapyResponse(any(Therapy::ALL, *t), pick(&choices, *r))
            }
            Edit::TherapyWeeks(t, text) => {
                FormEdit::TherapyWeeks(any(Therapy::ALL, *t), text.text())
            }
            Edit::AddVisit => FormEdit::AddVisit,
            Edit::RemoveVisit(v) => FormEdit::RemoveVisit(*v as usize % 4),
            Edit::VisitText(v, f, text) => {
                visit(*v, VisitEdit::Text(any(VISIT_TEXTS, *f), text.text()))
            }
            Edit::VisitRoute(v, r) => {
                let choices: Vec<_> = MscGiven::all().collect();
                visit(*v, VisitEdit::MscRoute(pick(&choices, *r)))
            }
            Edit::VisitBiopsy(v, i) => visit(*v, VisitEdit::Biopsy(pick(Biopsy::ALL, *i))),
            Edit::VisitLabText(v, i, text) => {
                visit(*v, VisitEdit::LabText(visit_lab(*i), text.text()))
            }
            Edit::VisitLabUnit(v, i, unit) => {
                let id = visit_lab(*i);
                let lab = LABS
                    .iter()
                    .find(|l| l.id == id)
                    .expect("a visit lab is in the catalogue");
                visit(*v, VisitEdit::LabUnit(id, unit_text(lab, unit)))
            }
        }
    }
}

pub fn visit(index: u8, edit: VisitEdit) -> FormEdit {
    FormEdit::Visit(index as usize % 4, edit)
}

pub fn unit_text(lab: &Lab, unit: &UnitText) -> String {
    let units = lab.units();
    match unit {
        UnitText::Accepted(i) if !units.is_empty() => {
            units[*i as usize % units.len()].symbol.to_string()
        }
        UnitText::Alias(i, j) if !units.is_empty() => {
            let unit = &units[*i as usize % units.len()];
            match unit.aliases {
                [] => unit.symbol.to_string(),
                aliases => aliases[*j as usize % aliases.len()].to_string(),
            }
        }
        UnitText::Any(text) => text.clone(),
        _ => String::new(),
    }
}

impl Edit {
    /// The kind of edit (its variant), to tell which kinds an input reaches.
    pub fn kind(&self) -> &'static str {
        match self {
            Edit::Units(..) => "Units",
            Edit::Text(..) => "Text",
            Edit::Sex(..) => "Sex",
            Edit::CkdStage(..) => "CkdStage",
            Edit::Dialysis(..) => "Dialysis",
            Edit::Transplant(..) => "Transplant",
            Edit::Biopsy(..) => "Biopsy",
            Edit::Finding(..) => "Finding",
            Edit::Site(..) => "Site",
            Edit::LabText(..) => "LabText",
            Edit::LabUnit(..) => "LabUnit",
            Edit::LabResult(..) => "LabResult",
            Edit::TherapyResponse(..) => "TherapyResponse",
            Edit::TherapyWeeks(..) => "TherapyWeeks",
            Edit::AddVisit => "AddVisit",
            Edit::RemoveVisit(..) => "RemoveVisit",
            Edit::VisitText(..) => "VisitText",
            Edit::VisitRoute(..) => "VisitRoute",
            Edit::VisitBiopsy(..) => "VisitBiopsy",
            Edit::VisitLabText(..) => "VisitLabText",
            Edit::VisitLabUnit(..) => "VisitLabUnit",
        }
    }

    /// The visit index this edit names, for edits of a visit.
    fn visit_index(&self) -> Option<usize> {
        match self {
            Edit::RemoveVisit(v)
            | Edit::VisitText(v, ..)
            | Edit::VisitRoute(v, _)
            | Edit::VisitBiopsy(v, _)
            | Edit::VisitLabText(v, ..)
            | Edit::VisitLabUnit(v, ..) => Some(*v as usize % 4),
            _ => None,
        }
    }
}

/// Every kind of edit.
pub const EDIT_KINDS: &[&str] = &[
    "Units",
    "Text",
    "Sex",
    "CkdStage",
    "Dialysis",
    "Transplant",
    "Biopsy",
    "Finding",
    "Site",
    "LabText",
    "LabUnit",
    "LabResult",
    "TherapyResponse",
    "TherapyWeeks",
    "AddVisit",
    "RemoveVisit",
    "VisitText",
    "VisitRoute",
    "VisitBiopsy",
    "VisitLabText",
    "VisitLabUnit",
];

/// The kinds of edit that change the form among the edits the target applies (the first
/// [`EDITS_APPLIED`]): an edit of a visit counts only when that visit exists then.
pub fn kinds_reached(edits: &[Edit]) -> std::collections::BTreeSet<&'static str> {
    let mut visits = 0;
    let mut reached = std::collections::BTreeSet::new();
    for edit in edits.iter().take(EDITS_APPLIED) {
        match (edit, edit.visit_index()) {
            (Edit::AddVisit, _) => visits += 1,
            (_, Some(index)) if index >= visits => continue,
            (Edit::RemoveVisit(_), _) => visits -= 1,
            _ => {}
        }
        reached.insert(edit.kind());
    }
    reached
}

/// How many edits of an input the target applies.
pub const EDITS_APPLIED: usize = 64;

/// The bytes `arbitrary` (1.x) decodes as `input`: the inverse of the derived decoders, for
/// inputs without free text (a `String` takes its length from the end of the data, which
/// this writer does not do; it panics on one). `fuzz/examples/seeds.rs` checks each
/// encoding by decoding it.
pub fn encode(input: &Input) -> Vec<u8> {
    let mut out = Bytes(Vec::new());
    out.u8(input.lab);
    for typed in [&input.text, &input.upper, &input.lower] {
        out.typed(typed);
    }
    out.unit(&input.from);
    out.unit(&input.to);
    out.f64(input.value);
    assert!(input.result.is_none(), "free text is not encoded");
    out.bool(false); // no qualitative result
    out.option_f64(input.reference_low);
    out.option_f64(input.reference_high);
    for edit in &input.edits {
        out.bool(true); // one more element of the list
        out.edit(edit);
    }
    out.bool(false);
    out.0
}

struct Bytes(Vec<u8>);

impl Bytes {
    fn u8(&mut self, value: u8) {
        self.0.push(value);
    }

    fn bool(&mut self, value: bool) {
        self.0.push(value as u8);
    }

    fn f64(&mut self, value: f64) {
        self.0.extend(value.to_bits().to_le_bytes());
    }

    fn option_bool(&mut self, value: Option<bool>) {
        self.bool(value.is_some());
        if let Some(value) = value {
            self.bool(value);
        }
    }

    fn option_f64(&mut self, value: Option<f64>) {
        self.bool(value.is_some());
        if let Some(value) = value {
            self.f64(value);
        }
    }

    /// Variant `index` of `count`: the derive picks `(u32 × count) >> 32`.
    fn variant(&mut self, index: u64, count: u64) {
        let x = ((index << 32) + count - 1) / count;
        assert_eq!((x * count) >> 32, index);
        self.0.extend((x as u32).to_le_bytes());
    }

    fn typed(&mut self, typed: &Typed) {
        match typed {
            Typed::Text(_) => panic!("free text is not encoded"),
            Typed::Plain(value) => {
                self.variant(1, 3);
                self.f64(*value);
            }
            Typed::Exponent(value) => {
                self.variant(2, 3);
                self.f64(*value);
            }
        }
    }

    fn unit(&mut self, unit: &UnitText) {
        match unit {
            UnitText::Accepted(i) => {
                self.variant(0, 3);
                self.u8(*i);
            }
            UnitText::Alias(i, j) => {
                self.variant(1, 3);
                self.u8(*i);
                self.u8(*j);
            }
            UnitText::Any(_) => panic!("free text is not encoded"),
        }
    }

    fn edit(&mut self, edit: &Edit) {
        let index = EDIT_KINDS.iter().position(|k| *k == edit.kind()).unwrap();
        self.variant(index as u64, EDIT_KINDS.len() as u64);
        match edit {
            Edit::AddVisit => {}
            Edit::Units(b) => self.bool(*b),
            Edit::Transplant(value) => self.option_bool(*value),
            Edit::Sex(i)
            | Edit::CkdStage(i)
            | Edit::Dialysis(i)
            | Edit::Biopsy(i)
            | Edit::RemoveVisit(i) => self.u8(*i),
            Edit::Finding(i, value) => {
                self.u8(*i);
                self.option_bool(*value);
            }
            Edit::Site(i, ticked) => {
                self.u8(*i);
                self.bool(*ticked);
            }
            Edit::Text(i, typed) | Edit::TherapyWeeks(i, typed) => {
                self.u8(*i);
                self.typed(typed);
            }
            Edit::LabText(i, j, typed)
            | Edit::VisitText(i, j, typed)
            | Edit::VisitLabText(i, j, typed) => {
                self.u8(*i);
                self.u8(*j);
                self.typed(typed);
            }
            Edit::LabUnit(i, unit) => {
                self.u8(*i);
                self.unit(unit);
            }
            Edit::LabResult(i, j)
            | Edit::TherapyResponse(i, j)
            | Edit::VisitRoute(i, j)
            | Edit::VisitBiopsy(i, j) => {
                self.u8(*i);
                self.u8(*j);
            }
            Edit::VisitLabUnit(v, i, unit) => {
                self.u8(*v);
                self.u8(*i);
                self.unit(unit);
            }
        }
    }
}
