//! Writes the fuzzers' committed inputs from the catalogue and the example cases:
//! `fuzz/case.dict` (libFuzzer dictionary of the case format's keys and ids),
//! `fuzz/corpus-seed/share_fragment/` (share links and zlib streams of the examples) and
//! `fuzz/corpus-seed/form_inputs/edits-of-every-kind-*` (inputs whose edit lists reach
//! every kind of form edit, found by a fixed-seed search: the same files on every run).
//! A maintainer's tool, run after the catalogue or the examples change:
//!
//!     cargo +nightly run --manifest-path fuzz/Cargo.toml --example seeds
//!
//! (`make fuzz` copies `examples/cases/*.json` into the JSON targets' corpora itself.)

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use calciphylaxis::core::case::{
    parse_case_text, Biopsy, CkdStage, Dialysis, Response, Route, Sex, CASE_FORMAT,
};
use calciphylaxis::core::findings::{Site, Therapy, FINDINGS};
use calciphylaxis::core::labs::{LabKind, LABS};
use calciphylaxis::share;

#[path = "../fuzz_targets/form_edits.rs"]
mod form_edits;

/// The keys of `calciphylaxis-case/1` and its visits extension.
const KEYS: &[&str] = &[
    "format",
    "label",
    "patient",
    "age_years",
    "sex",
    "weight_kg",
    "height_cm",
    "kidney",
    "ckd_stage",
    "dialysis",
    "dialysis_vintage_months",
    "kidney_transplant",
    "findings",
    "lesions",
    "count",
    "sites",
    "biopsy",
    "labs",
    "value",
    "unit",
    "result",
    "date",
    "reference_low",
    "reference_high",
    "therapies_tried",
    "weeks",
    "response",
    "visits",
    "wound_area_cm2",
    "wound_count",
    "pain_score",
    "qol_score",
    "qol_instrument",
    "treatments",
    "kind",
    "route",
    "dose",
    "note",
    "msc",
];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut words: BTreeSet<String> = BTreeSet::new();
    words.extend(KEYS.iter().map(|k| k.to_string()));
    words.insert(CASE_FORMAT.to_string());
    words.extend(Sex::ALL.iter().map(|v| v.id().to_string()));
    words.extend(CkdStage::ALL.iter().map(|v| v.id().to_string()));
    words.extend(Dialysis::ALL.iter().map(|v| v.id().to_string()));
    words.extend(Biopsy::ALL.iter().map(|v| v.id().to_string()));
    words.extend(Response::ALL.iter().map(|v| v.id().to_string()));
    words.extend(Route::ALL.iter().map(|v| v.id().to_string()));
    words.extend(Site::ALL.iter().map(|v| v.id().to_string()));
    words.extend(Therapy::ALL.iter().map(|v| v.id().to_string()));
    words.extend(FINDINGS.iter().map(|f| f.id.id().to_string()));
    for lab in LABS {
        words.insert(lab.id.id().to_string());
        match lab.kind {
            LabKind::Numeric { units, .. } => {
                for unit in units {
                    words.insert(unit.symbol.to_string());
                    words.extend(unit.aliases.iter().map(|a| a.to_string()));
                }
            }
            LabKind::Qualitative { results } => {
                words.extend(results.iter().map(|(id, _)| id.to_string()))
            }
        }
    }
    let mut dict = String::from(
        "# libFuzzer dictionary for the case format (written by fuzz/examples/seeds.rs).\n\
         # Each id as a JSON string, then JSON punctuation.\n",
    );
    for word in &words {
        let quoted = serde_json::to_string(word).unwrap();
        dict.push_str(&format!("\"{}\"\n", escape(&quoted)));
    }
    for token in [
        "{", "}", "[", "]", ":", ",", "true", "false", "null", "1e308", "-0", "0.5",
    ] {
        dict.push_str(&format!("\"{}\"\n", escape(token)));
    }
    fs::write(root.join("case.dict"), dict).unwrap();

    let out = root.join("corpus-seed/share_fragment");
    fs::create_dir_all(&out).unwrap();
    let examples = root.join("../examples/cases");
    let mut names: Vec<_> = fs::read_dir(&examples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    for path in names {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let case = parse_case_text(&fs::read_to_string(&path).unwrap())
            .unwrap()
            .case;
        // The link as the app writes it (input taken as the fragment's text).
        fs::write(out.join(format!("{stem}.link")), share::fragment(&case)).unwrap();
        // The zlib stream alone (first byte 0: the target encodes it as `1.…`).
        let json = serde_json::to_string(&case).unwrap();
        let mut zlib = vec![0u8];
        zlib.extend(miniz_oxide::deflate::compress_to_vec_zlib(
            json.as_bytes(),
            6,
        ));
        fs::write(out.join(format!("{stem}.zlib")), zlib).unwrap();
    }
    println!(
        "wrote {} and {}",
        root.join("case.dict").display(),
        out.display()
    );
    write_form_seeds(&root.join("corpus-seed/form_inputs"));
}

/// Seeds for `form_inputs`: designed edit lists (a case typed as a clinician would, every
/// choice set back to unknown, extreme numbers and unit switches, every choice of each
/// select), encoded as the bytes the target decodes, and each checked by decoding it.
fn write_form_seeds(out: &Path) {
    use arbitrary::{Arbitrary, Unstructured};
    use form_edits::{encode, kinds_reached, Edit, Input, Typed, UnitText, EDIT_KINDS};
    fs::create_dir_all(out).unwrap();
    let seeds = [
        ("edits-a-typed-case", typed_case()),
        ("edits-back-to-unknown", back_to_unknown()),
        ("edits-extreme-numbers", extreme_numbers()),
        ("edits-every-choice", every_choice()),
    ];
    let mut reached = BTreeSet::new();
    for (name, edits) in seeds {
        let input = Input {
            lab: 0,
            text: Typed::Plain(1.5),
            upper: Typed::Plain(10.0),
            lower: Typed::Exponent(1e-3),
            from: UnitText::Accepted(0),
            to: UnitText::Alias(1, 0),
            value: 2.5,
            result: None,
            reference_low: Some(1.0),
            reference_high: None,
            edits,
        };
        let bytes = encode(&input);
        assert!(bytes.len() <= 1024, "{name}: past the target's -max_len");
        let decoded = Input::arbitrary_take_rest(Unstructured::new(&bytes)).unwrap();
        assert_eq!(format!("{decoded:?}"), format!("{input:?}"), "{name}");
        assert!(input.edits.len() <= form_edits::EDITS_APPLIED, "{name}");
        reached.extend(kinds_reached(&input.edits));
        fs::write(out.join(name), &bytes).unwrap();
    }
    let missing: Vec<_> = EDIT_KINDS
        .iter()
        .filter(|k| !reached.contains(*k))
        .collect();
    assert!(missing.is_empty(), "no seed reaches {missing:?}");
    println!("wrote the form edit seeds to {}", out.display());

    fn at<T: PartialEq>(all: &[T], value: &T) -> u8 {
        all.iter().position(|v| v == value).unwrap() as u8
    }
    fn lab_at(id: &str) -> u8 {
        LABS.iter().position(|l| l.id.id() == id).unwrap() as u8
    }
    fn visit_lab_at(id: &str) -> u8 {
        calciphylaxis::form::VISIT_LABS
            .iter()
            .position(|l| l.id() == id)
            .unwrap() as u8
    }
    fn finding_at(id: &str) -> u8 {
        FINDINGS.iter().position(|f| f.id.id() == id).unwrap() as u8
    }

    /// The edits of a clinician typing a case with two visits (the form's own test case).
    fn typed_case() -> Vec<Edit> {
        use calciphylaxis::form::{CaseText, LabText, VisitText};
        use Typed::Plain;
        let (case_text, lab_text, visit_text) = (
            |t| at(form_edits::CASE_TEXTS, &t),
            |t| at(form_edits::LAB_TEXTS, &t),
            |t| at(form_edits::VISIT_TEXTS, &t),
        );
        let choices: Vec<_> = calciphylaxis::form::TherapyChoice::all().collect();
        let routes: Vec<_> = calciphylaxis::form::MscGiven::all().collect();
        let partial = calciphylaxis::form::TherapyChoice::Tried(Some(
            calciphylaxis::core::case::Response::Partial,
        ));
        let iv = calciphylaxis::form::MscGiven::Route(Route::Intravenous);
        vec![
            Edit::Text(case_text(CaseText::Age), Plain(67.0)),
            Edit::Sex(at(Sex::ALL, &Sex::Female)),
            Edit::CkdStage(at(CkdStage::ALL, &CkdStage::G5D)),
            Edit::Dialysis(at(Dialysis::ALL, &Dialysis::Hemodialysis)),
            Edit::Text(case_text(CaseText::Vintage), Plain(48.0)),
            Edit::Transplant(Some(false)),
            Edit::Finding(finding_at("warfarin"), Some(true)),
            Edit::Finding(finding_at("obesity"), Some(false)),
            Edit::Site(at(Site::ALL, &Site::Thigh), true),
            Edit::Site(at(Site::ALL, &Site::Abdomen), true),
            Edit::Text(case_text(CaseText::LesionCount), Plain(3.0)),
            Edit::Biopsy(at(Biopsy::ALL, &Biopsy::Consistent)),
            Edit::LabText(
                lab_at("calcium_total"),
                lab_text(LabText::Value),
                Plain(10.0),
            ),
            Edit::LabText(
                lab_at("calcium_total"),
                lab_text(LabText::UpperLimit),
                Plain(10.5),
            ),
            Edit::LabUnit(lab_at("calcium_total"), UnitText::Accepted(1)),
            Edit::LabText(lab_at("albumin"), lab_text(LabText::Value), Plain(2.9)),
            Edit::LabResult(lab_at("lupus_anticoagulant"), 0),
            Edit::TherapyResponse(
                at(Therapy::ALL, &Therapy::SodiumThiosulfate),
                at(&choices, &partial),
            ),
            Edit::TherapyWeeks(at(Therapy::ALL, &Therapy::SodiumThiosulfate), Plain(6.0)),
            Edit::TherapyResponse(at(Therapy::ALL, &Therapy::WoundCare), 0),
            Edit::AddVisit,
            Edit::VisitText(0, visit_text(VisitText::Pain), Plain(8.0)),
            Edit::VisitText(0, visit_text(VisitText::WoundArea), Plain(40.0)),
            Edit::VisitLabText(0, visit_lab_at("platelets"), Plain(420.0)),
            Edit::VisitLabUnit(0, visit_lab_at("platelets"), UnitText::Accepted(1)),
            Edit::VisitRoute(0, at(&routes, &iv)),
            Edit::VisitBiopsy(0, at(Biopsy::ALL, &Biopsy::NotDone)),
            Edit::AddVisit,
            Edit::VisitText(1, visit_text(VisitText::Pain), Plain(3.0)),
            Edit::VisitText(1, visit_text(VisitText::Qol), Plain(20.0)),
            Edit::AddVisit,
            Edit::RemoveVisit(2),
            Edit::Units(true),
            Edit::LabText(lab_at("phosphate"), lab_text(LabText::Value), Plain(2.1)),
        ]
    }

    /// Choices made, then set back to unknown (the index past the end of each list).
    fn back_to_unknown() -> Vec<Edit> {
        let choices = calciphylaxis::form::TherapyChoice::all().count() as u8;
        let routes = calciphylaxis::form::MscGiven::all().count() as u8;
        let len = |n: usize| n as u8;
        let lupus = lab_at("lupus_anticoagulant");
        let results = match LABS[lupus as usize].kind {
            LabKind::Qualitative { results } => results.len() as u8,
            LabKind::Numeric { .. } => unreachable!("a qualitative lab"),
        };
        vec![
            Edit::Sex(0),
            Edit::Sex(len(Sex::ALL.len())),
            Edit::CkdStage(0),
            Edit::CkdStage(len(CkdStage::ALL.len())),
            Edit::Dialysis(1),
            Edit::Dialysis(len(Dialysis::ALL.len())),
            Edit::Biopsy(0),
            Edit::Biopsy(len(Biopsy::ALL.len())),
            Edit::Transplant(Some(true)),
            Edit::Transplant(None),
            Edit::Finding(finding_at("warfarin"), Some(false)),
            Edit::Finding(finding_at("warfarin"), None),
            Edit::LabResult(lupus, 1),
            Edit::LabResult(lupus, results),
            Edit::TherapyResponse(0, 2),
            Edit::TherapyResponse(0, choices),
            Edit::AddVisit,
            Edit::VisitRoute(0, 0),
            Edit::VisitRoute(0, routes),
            Edit::VisitBiopsy(0, 1),
            Edit::VisitBiopsy(0, len(Biopsy::ALL.len())),
            Edit::RemoveVisit(0),
            // Edits of a visit that is no longer there change nothing.
            Edit::VisitText(0, 1, Typed::Plain(5.0)),
        ]
    }

    /// Numbers at the edges of f64 and of the plausible ranges, through unit switches.
    fn extreme_numbers() -> Vec<Edit> {
        use Typed::{Exponent, Plain};
        let calcium = lab_at("calcium_total");
        vec![
            Edit::LabText(calcium, 0, Exponent(1e308)),
            Edit::LabUnit(calcium, UnitText::Accepted(1)),
            Edit::LabUnit(calcium, UnitText::Accepted(0)),
            Edit::LabText(calcium, 1, Plain(f64::MIN_POSITIVE)),
            Edit::LabText(calcium, 2, Plain(-0.0)),
            Edit::LabUnit(calcium, UnitText::Alias(1, 0)),
            Edit::LabText(lab_at("pth_intact"), 0, Plain(-5.0)),
            Edit::LabUnit(lab_at("pth_intact"), UnitText::Accepted(1)),
            Edit::Text(1, Exponent(-1e-300)),
            Edit::Text(2, Plain(f64::MAX)),
            Edit::Text(3, Plain(0.0)),
            Edit::TherapyWeeks(1, Exponent(1e20)),
            Edit::AddVisit,
            Edit::VisitText(0, 1, Plain(10.5)),
            Edit::VisitText(0, 3, Plain(2.5)),
            Edit::VisitLabText(0, 0, Exponent(1e300)),
            Edit::VisitLabUnit(0, 0, UnitText::Accepted(1)),
            Edit::VisitLabUnit(0, 0, UnitText::Accepted(0)),
            Edit::Units(true),
            Edit::VisitLabText(0, 4, Plain(2.6)),
            Edit::VisitLabUnit(0, 4, UnitText::Accepted(0)),
        ]
    }

    /// Every choice of each select, one after the other.
    fn every_choice() -> Vec<Edit> {
        let choices = calciphylaxis::form::TherapyChoice::all().count() as u8;
        let routes = calciphylaxis::form::MscGiven::all().count() as u8;
        let mut edits = vec![Edit::AddVisit];
        edits.extend((0..=choices).map(|i| Edit::TherapyResponse(2, i)));
        edits.extend((0..=routes).map(|i| Edit::VisitRoute(0, i)));
        edits.extend((0..=CkdStage::ALL.len() as u8).map(Edit::CkdStage));
        edits.extend((0..=Dialysis::ALL.len() as u8).map(Edit::Dialysis));
        edits.extend((0..=Sex::ALL.len() as u8).map(Edit::Sex));
        edits.extend((0..Site::ALL.len() as u8).map(|i| Edit::Site(i, true)));
        edits.extend((0..=Biopsy::ALL.len() as u8).map(|i| Edit::VisitBiopsy(0, i)));
        edits
    }
}

/// libFuzzer's dictionary escapes: `\\`, `\"` and `\xNN` for anything not printable ASCII.
fn escape(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02X}")),
        }
    }
    out
}
