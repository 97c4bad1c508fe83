//! A record read for the form (a FHIR export or a pasted laboratory report), before and
//! after the clinician reviews it: which form fields it would fill, each with its source,
//! and the form once the ticked ones are filled.
//!
//! A filled field keeps its source in the case's `provenance` (shown beside the field as
//! "from the record, <date>") until the clinician edits it: an edited value is theirs.

use std::cmp::Ordering;

use super::{Form, FormEdit};
use crate::core::case::{Case, FieldSource};
use crate::core::field_path::{FieldPath, Key, LabPath};
use crate::core::findings::FINDINGS;
use crate::core::labs::WORKUP_PANEL;

use super::{UnitSystem, MINERAL_LABS};

/// One form field a record would fill, and where its value came from.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordField {
    pub path: FieldPath,
    pub source: FieldSource,
}

/// A record read as a form, not yet applied.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordImport {
    /// The record as a form of its own: the values each field would take.
    pub record: Form,
    /// The fields it fills, in the form's order (patient, kidney, findings, labs, therapies).
    pub fields: Vec<RecordField>,
}

impl RecordImport {
    /// `case` as read from a record (every value it holds has a `provenance` entry): the
    /// fields the form can show. A value without a source, or somewhere the form has no
    /// field for (a follow-up visit), is not offered.
    pub fn new(case: &Case, units: UnitSystem) -> Self {
        let record = Form::from_case(case, units);
        let mut fields: Vec<RecordField> = case
            .provenance
            .iter()
            .filter_map(|(path, source)| {
                let path = FieldPath::parse(path).filter(|p| record.holds(p))?;
                Some(RecordField {
                    path,
                    source: source.clone(),
                })
            })
            .collect();
        fields.sort_by(|a, b| form_order(&a.path, &b.path));
        RecordImport { record, fields }
    }

    /// `form` with the fields for which `ticked(i)` holds filled from the record (each with
    /// its source); every other field as it was.
    pub fn fill(&self, form: &Form, ticked: impl Fn(usize) -> bool) -> Form {
        let mut filled = form.clone();
        for (index, field) in self.fields.iter().enumerate() {
            if ticked(index) {
                filled.take_field(&self.record, &field.path);
                let key = field.path.to_string();
                filled.carried.provenance.insert(key, field.source.clone());
            }
        }
        filled
    }
}

/// Patient, kidney, findings in the form's order, labs, therapies.
fn form_order(a: &FieldPath, b: &FieldPath) -> Ordering {
    fn rank(path: &FieldPath) -> (u8, usize) {
        match path {
            FieldPath::Patient(_) => (0, 0),
            FieldPath::Kidney(_) => (1, 0),
            FieldPath::Finding(id) => (
                2,
                FINDINGS.iter().position(|f| f.id.id() == id).unwrap_or(0),
            ),
            FieldPath::Lab(lab) => (3, lab_position(&lab.id)),
            _ => (4, 0),
        }
    }
    rank(a)
        .cmp(&rank(b))
        .then_with(|| a.to_string().cmp(&b.to_string()))
}

/// Where the form shows a lab: the mineral labs, then the coagulation panel.
fn lab_position(id: &str) -> usize {
    MINERAL_LABS
        .iter()
        .chain(WORKUP_PANEL)
        .position(|lab| lab.id() == id)
        .unwrap_or(usize::MAX)
}

impl Form {
    /// The form has a field at `path` (a whole field, not a part of one) and a value in it.
    pub fn holds(&self, path: &FieldPath) -> bool {
        use crate::core::field_path::{KidneyField as K, PatientField as P};
        match path {
            FieldPath::Patient(Key::Known(field)) => match field {
                P::Age => !self.age.is_empty(),
                P::Sex => self.sex.is_some(),
                P::Weight => !self.weight.is_empty(),
                P::Height => !self.height.is_empty(),
            },
            FieldPath::Kidney(Key::Known(field)) => match field {
                K::CkdStage => self.ckd_stage.is_some(),
                K::Dialysis => self.dialysis.is_some(),
                K::Vintage => !self.vintage.is_empty(),
                K::Transplant => self.transplant.is_some(),
            },
            FieldPath::Finding(id) => self.findings.contains_key(id),
            FieldPath::Lab(LabPath { id, part: None }) => self.labs.contains_key(id),
            FieldPath::Therapy { id, part: None } => self.therapies.contains_key(id),
            _ => false,
        }
    }

    /// Sets the field at `path` to its value in `from` (see [`Form::holds`]).
    fn take_field(&mut self, from: &Form, path: &FieldPath) {
        use crate::core::field_path::{KidneyField as K, PatientField as P};
        match path {
            FieldPath::Patient(Key::Known(field)) => match field {
                P::Age => self.age.clone_from(&from.age),
                P::Sex => self.sex = from.sex,
                P::Weight => self.weight.clone_from(&from.weight),
                P::Height => self.height.clone_from(&from.height),
            },
            FieldPath::Kidney(Key::Known(field)) => match field {
                K::CkdStage => self.ckd_stage = from.ckd_stage,
                K::Dialysis => self.dialysis = from.dialysis,
                K::Vintage => self.vintage.clone_from(&from.vintage),
                K::Transplant => self.transplant = from.transplant,
            },
            FieldPath::Finding(id) => copy_entry(&mut self.findings, &from.findings, id),
            FieldPath::Lab(LabPath { id, part: None }) => {
                copy_entry(&mut self.labs, &from.labs, id)
            }
            FieldPath::Therapy { id, part: None } => {
                copy_entry(&mut self.therapies, &from.therapies, id)
            }
            _ => {}
        }
    }

    /// The field an edit changes the value of, whose record source it ends. A unit change
    /// converts the same measurement, so the value is still the record's.
    pub(super) fn edited_field(edit: &FormEdit) -> Option<FieldPath> {
        use super::CaseText;
        use crate::core::field_path::{KidneyField as K, PatientField as P};
        Some(match edit {
            FormEdit::Text(CaseText::Age, _) => FieldPath::patient(P::Age),
            FormEdit::Text(CaseText::Weight, _) => FieldPath::patient(P::Weight),
            FormEdit::Text(CaseText::Height, _) => FieldPath::patient(P::Height),
            FormEdit::Text(CaseText::Vintage, _) => FieldPath::kidney(K::Vintage),
            FormEdit::Sex(_) => FieldPath::patient(P::Sex),
            FormEdit::CkdStage(_) => FieldPath::kidney(K::CkdStage),
            FormEdit::Dialysis(_) => FieldPath::kidney(K::Dialysis),
            FormEdit::Transplant(_) => FieldPath::kidney(K::Transplant),
            FormEdit::Finding(id, _) => FieldPath::finding(id.id()),
            FormEdit::LabText(id, _, _) | FormEdit::LabResult(id, _) => FieldPath::lab(id.id()),
            FormEdit::TherapyResponse(therapy, _) | FormEdit::TherapyWeeks(therapy, _) => {
                FieldPath::therapy(therapy.id(), None)
            }
            _ => return None,
        })
    }

    /// The record source of the field at `path`, while its value is still the record's.
    pub fn record_source(&self, path: &str) -> Option<&FieldSource> {
        self.carried.provenance.get(path)
    }
}

fn copy_entry<V: Clone>(
    to: &mut std::collections::BTreeMap<String, V>,
    from: &std::collections::BTreeMap<String, V>,
    id: &str,
) {
    match from.get(id) {
        Some(value) => {
            to.insert(id.to_string(), value.clone());
        }
        None => {
            to.remove(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::case::{LabEntry, Sex};
    use crate::core::findings::FindingId;
    use crate::core::labs::LabId;
    use crate::form::LabText;

    fn source(resource: &str, date: &str) -> FieldSource {
        FieldSource {
            resource: resource.into(),
            date: Some(date.into()),
            code: None,
        }
    }

    /// A record with a calcium, warfarin, sex, and a value without a source.
    fn record() -> Case {
        let mut case = Case::default();
        let mut calcium = LabEntry::numeric(9.8, "mg/dL");
        calcium.reference_low = Some(8.5);
        calcium.reference_high = Some(10.5);
        case.labs.insert("calcium_total".into(), calcium);
        case.labs
            .insert("albumin".into(), LabEntry::numeric(3.1, "g/dL"));
        case.findings.insert("warfarin".into(), true);
        case.patient.sex = Some(Sex::Female);
        for (path, resource) in [
            ("labs.calcium_total", "Observation/ca"),
            ("findings.warfarin", "MedicationRequest/w"),
            ("patient.sex", "Patient/p"),
            ("visits[0].labs.phosphate", "Observation/old"),
        ] {
            case.provenance
                .insert(path.into(), source(resource, "2026-11-20"));
        }
        case
    }

    #[test]
    fn only_values_with_a_source_and_a_form_field_are_offered_in_the_forms_order() {
        let import = RecordImport::new(&record(), UnitSystem::Conventional);
        let paths: Vec<String> = import.fields.iter().map(|f| f.path.to_string()).collect();
        // The albumin has no source; the visit lab has no field in the form's top level.
        assert_eq!(
            paths,
            ["patient.sex", "findings.warfarin", "labs.calcium_total"]
        );
        assert_eq!(import.fields[2].source.resource, "Observation/ca");
    }

    #[test]
    fn filling_takes_only_the_ticked_fields_with_their_source_and_keeps_the_rest() {
        let import = RecordImport::new(&record(), UnitSystem::Conventional);
        let mut form = Form::new(UnitSystem::Conventional);
        form.apply(FormEdit::Finding(FindingId::Warfarin, Some(false)));
        form.apply(FormEdit::LabText(
            LabId::Phosphate,
            LabText::Value,
            "5.9".into(),
        ));
        // Untick the warfarin (index 1): the form's own "no" stays.
        let filled = import.fill(&form, |i| i != 1);
        assert_eq!(filled.sex, Some(Sex::Female));
        assert_eq!(filled.findings.get("warfarin"), Some(&false));
        let calcium = &filled.labs["calcium_total"];
        assert_eq!(
            (calcium.text.as_str(), calcium.unit.as_str()),
            ("9.8", "mg/dL")
        );
        assert_eq!(
            (calcium.lower_limit.as_str(), calcium.upper_limit.as_str()),
            ("8.5", "10.5")
        );
        assert_eq!(filled.labs["phosphate"].text, "5.9");
        assert!(!filled.labs.contains_key("albumin"));
        assert_eq!(
            filled
                .record_source("labs.calcium_total")
                .map(|s| s.resource.as_str()),
            Some("Observation/ca")
        );
        assert!(filled.record_source("findings.warfarin").is_none());
        // The case the filled form describes carries the sources, for export and sharing.
        assert!(filled.to_case().0.provenance.contains_key("patient.sex"));
    }

    #[test]
    fn editing_a_filled_value_ends_its_source_but_a_unit_change_does_not() {
        let import = RecordImport::new(&record(), UnitSystem::Conventional);
        let mut form = import.fill(&Form::new(UnitSystem::Conventional), |_| true);
        form.apply(FormEdit::LabUnit(LabId::CalciumTotal, "mmol/L".into()));
        assert!(form.record_source("labs.calcium_total").is_some());
        form.apply(FormEdit::LabText(
            LabId::CalciumTotal,
            LabText::Value,
            "2.5".into(),
        ));
        assert!(form.record_source("labs.calcium_total").is_none());
        form.apply(FormEdit::Sex(Some(Sex::Male)));
        assert!(form.record_source("patient.sex").is_none());
        form.apply(FormEdit::Finding(FindingId::Warfarin, None));
        assert!(form.record_source("findings.warfarin").is_none());
        assert!(form.to_case().0.provenance.is_empty());
    }

    #[test]
    fn a_record_value_of_unknown_is_not_offered_as_a_value() {
        // A provenance entry for a field the record left empty fills nothing.
        let mut case = Case::default();
        case.provenance.insert(
            "patient.age_years".into(),
            source("Patient/p", "2026-11-20"),
        );
        let import = RecordImport::new(&case, UnitSystem::Si);
        assert!(import.fields.is_empty());
    }
}
