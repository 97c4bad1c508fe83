//! What is typed into the form: numbers as text (`form::parse_number`), a lab's unit
//! switched (`form::convert_unit`), and one lab entry validated against the catalogue
//! (`core::inputs::validate_lab`, `to_canonical` / `from_canonical`).
//!
//! Invariants: a number that is read is finite and never from text with a comma; a unit
//! switch and back gives the value typed to the rounding the form shows (1 decimal from
//! 100 up, 3 from 1, 4 below), and text that is not a number (or a number too large for
//! the new unit) stays as typed; a lab value that is accepted is finite, in its plausible
//! range, with local limits in order, and is the same canonical value whichever accepted
//! unit it is written in. A sequence of form edits (`Form::apply`) keeps every text as
//! typed, reports the same fields in either language, and gives a case that exports and
//! reads back unchanged and that the form shows as text it can read.
#![no_main]

mod common;
mod form_edits;

use calciphylaxis::core::case::LabEntry;
use calciphylaxis::core::i18n::Lang;
use calciphylaxis::core::inputs::{from_canonical, to_canonical, validate_lab, LabValue};
use calciphylaxis::core::labs::{Lab, LabKind, Unit, LABS};
use calciphylaxis::form::{
    convert_unit, parse_number, CaseText, Form, FormEdit, LabInput, UnitSystem,
};
use form_edits::{unit_text, Edit, Input};
use libfuzzer_sys::fuzz_target;

/// The text a case field holds, to check that an edit keeps it exactly as typed.
fn case_text(form: &Form, field: CaseText) -> &str {
    match field {
        CaseText::Label => &form.label,
        CaseText::Age => &form.age,
        CaseText::Weight => &form.weight,
        CaseText::Height => &form.height,
        CaseText::Vintage => &form.vintage,
        CaseText::LesionCount => &form.lesion_count,
        CaseText::UlcerCount => &form.ulcer_count,
    }
}

fn check_edits(edits: &[Edit]) {
    let mut form = Form::new(UnitSystem::Conventional);
    for edit in edits.iter().take(form_edits::EDITS_APPLIED) {
        let edit = edit.form_edit();
        form.apply(edit.clone());
        if let FormEdit::Text(field, text) = &edit {
            assert_eq!(case_text(&form, *field), text, "text not kept as typed");
        }
    }
    let (case, errors) = form.to_case_in(Lang::En);
    let (case_zh, errors_zh) = form.to_case_in(Lang::Zh);
    assert_eq!(case, case_zh, "the case depends on the language");
    let fields = |issues: &[calciphylaxis::core::case::Issue]| {
        issues
            .iter()
            .map(|i| i.field.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(fields(&errors), fields(&errors_zh));
    common::assert_issues_named(&errors, "form error");
    common::assert_issues_named(&errors_zh, "form error");
    // The case exports and reads back unchanged, and the form shows it as text it can
    // read (the assessment of any case is `case_json`'s: too slow to repeat per edit list).
    let back = calciphylaxis::core::case::parse_case_text_in(&case.to_json_pretty(), Lang::En)
        .expect("the form's case reads as a file");
    assert_eq!(
        back.case, case,
        "export then import changed the form's case"
    );
    assert!(back.errors.is_empty(), "{:?}", back.errors);
    let (again, errors) = Form::from_case(&case, form.units).to_case();
    assert!(
        errors.is_empty(),
        "the form cannot read its own numbers: {errors:?}"
    );
    assert_eq!(Form::from_case(&again, form.units).to_case().0, again);
}

/// How far a value may move when shown with the form's decimals in `unit`.
fn shown_error(value: f64) -> f64 {
    let decimals = if value.abs() >= 100.0 {
        1
    } else if value.abs() >= 1.0 {
        3
    } else {
        4
    };
    0.5 * 10f64.powi(-decimals)
}

fn check_number(text: &str) -> Option<f64> {
    let parsed = parse_number(text);
    match &parsed {
        Ok(Some(value)) => {
            assert!(value.is_finite(), "{text:?} read as {value}");
            assert!(!text.contains(','), "{text:?} with a comma read as {value}");
        }
        Ok(None) => assert!(text.trim().is_empty(), "{text:?} read as empty"),
        Err(error) => {
            assert!(!error.message(Lang::En).is_empty());
            assert!(!error.message(Lang::Zh).is_empty());
        }
    }
    parsed.ok().flatten()
}

fn check_switch(lab: &'static Lab, input: &Input) {
    let (from_text, to_text) = (unit_text(lab, &input.from), unit_text(lab, &input.to));
    let typed = LabInput {
        text: input.text.text(),
        unit: from_text.clone(),
        upper_limit: input.upper.text(),
        lower_limit: input.lower.text(),
        ..Default::default()
    };
    let mut switched = typed.clone();
    convert_unit(lab.id.id(), &mut switched, &from_text, &to_text);
    assert_eq!(switched.unit, to_text);
    let units = (lab.parse_unit(&from_text), lab.parse_unit(&to_text));
    let mut back = switched.clone();
    convert_unit(lab.id.id(), &mut back, &to_text, &from_text);
    for (before, after, there) in [
        (&typed.text, &back.text, &switched.text),
        (&typed.upper_limit, &back.upper_limit, &switched.upper_limit),
        (&typed.lower_limit, &back.lower_limit, &switched.lower_limit),
    ] {
        let Ok(Some(value)) = parse_number(before) else {
            // Not a number (or empty): kept exactly as typed, both ways.
            assert_eq!(there, before, "text that is not a number was changed");
            assert_eq!(after, before);
            continue;
        };
        let (Some(from), Some(to)) = units else {
            assert_eq!(there, before, "converted without two known units");
            continue;
        };
        if !from_canonical(to_canonical(value, from), to).is_finite() {
            // Past f64 in the new unit: kept as typed rather than shown as "inf".
            assert_eq!(there, before, "a value too large to convert was changed");
            continue;
        }
        let converted = parse_number(there)
            .unwrap_or_else(|e| panic!("{value} {} became {there:?}: {e}", from.symbol))
            .expect("a number stays a number");
        if !from_canonical(to_canonical(converted, to), from).is_finite() {
            // Past f64 on the way back (the value shown was rounded up): kept as typed.
            assert_eq!(
                after, there,
                "a value too large to convert back was changed"
            );
            continue;
        }
        let returned = parse_number(after)
            .unwrap_or_else(|e| panic!("{there} {} became {after:?}: {e}", to.symbol))
            .expect("a number stays a number");
        let exact = value * from.to_canonical / to.to_canonical;
        // Rounding in the new unit, carried back, then rounding in the old one; plus the
        // 12-significant-digit rounding of the conversions.
        let tolerance = shown_error(exact) * (to.to_canonical / from.to_canonical)
            + shown_error(value)
            + 1e-9 * value.abs().max(1.0);
        assert!(
            (returned - value).abs() <= tolerance,
            "{value} {} -> {converted} {} -> {returned}",
            from.symbol,
            to.symbol
        );
    }
}

fn check_lab(lab: &'static Lab, input: &Input) {
    let unit = unit_text(lab, &input.from);
    let entry = LabEntry {
        value: Some(input.value),
        unit: Some(unit.clone()).filter(|u| !u.is_empty()),
        result: input.result.clone(),
        date: None,
        reference_low: input.reference_low,
        reference_high: input.reference_high,
    };
    for lang in common::LANGS {
        let outcome = validate_lab(lab, &entry, lang);
        let Ok(value) = outcome else {
            assert!(!outcome.unwrap_err().is_empty());
            continue;
        };
        assert!(!value.describe(lang).is_empty());
        assert!(!value.describe_reference(lang).is_empty());
        let LabValue::Numeric {
            canonical,
            entered,
            unit,
            reference,
            ..
        } = value
        else {
            continue;
        };
        let LabKind::Numeric { plausible, .. } = lab.kind else {
            panic!("a numeric value of a qualitative lab");
        };
        assert!(canonical.is_finite() && entered.is_finite());
        assert!(
            plausible.0 <= canonical && canonical <= plausible.1,
            "{canonical}"
        );
        for limit in [reference.low, reference.high].into_iter().flatten() {
            assert!(limit.is_finite(), "a reference limit {limit}");
        }
        if let (Some(low), Some(high)) = (reference.low, reference.high) {
            if entry.reference_low.is_some() && entry.reference_high.is_some() {
                assert!(low < high, "local limits {low} >= {high}");
            }
        }
        // The same value in every other accepted unit reads as the same canonical value.
        for other in lab.units() {
            check_same_in(lab, &entry, unit, other, canonical, lang);
        }
    }
}

fn check_same_in(
    lab: &'static Lab,
    entry: &LabEntry,
    unit: &Unit,
    other: &'static Unit,
    canonical: f64,
    lang: calciphylaxis::core::i18n::Lang,
) {
    let value = from_canonical(canonical, other);
    let back = to_canonical(value, other);
    assert!(
        (back - canonical).abs() <= 1e-9 * canonical.abs().max(1.0),
        "{canonical} {} -> {value} {} -> {back}",
        unit.symbol,
        other.symbol
    );
    let moved = LabEntry {
        value: Some(value),
        unit: Some(other.symbol.to_string()),
        reference_low: None,
        reference_high: None,
        ..entry.clone()
    };
    if let Ok(LabValue::Numeric { canonical: c, .. }) = validate_lab(lab, &moved, lang) {
        assert!((c - canonical).abs() <= 1e-9 * canonical.abs().max(1.0));
    }
}

fuzz_target!(|input: Input| {
    for typed in [&input.text, &input.upper, &input.lower] {
        check_number(&typed.text());
    }
    let lab = &LABS[input.lab as usize % LABS.len()];
    check_switch(lab, &input);
    check_lab(lab, &input);
    check_edits(&input.edits);
});
