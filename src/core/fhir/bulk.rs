//! A FHIR Bulk Data export (NDJSON, one file per resource type) grouped by patient.
//!
//! Memory: `Patient.ndjson` is read first and names the patients; `Medication.ndjson`
//! next (orders refer to it); every other line is parsed, reduced at once to the small
//! facts its patient's [`Importer`] keeps (a mapped lab draw, a condition, a medicine) and
//! dropped. What stays is one importer per patient holding only mapped facts (skipped
//! resources are counted, not kept, unless listed): memory grows with the patients and
//! their mapped facts, never with the size of the files.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::value::RawValue;

use super::importer::{add_medication, Medications};
use super::model::Peek;
use super::{Importer, Options};
use crate::core::case::Case;

use super::report::ImportReport;

/// The patients of an export, in `Patient.ndjson` order, each with its importer.
pub struct Cohort {
    options: Options,
    order: Vec<String>,
    patients: HashMap<String, Importer>,
    /// Medication resources, shared by every importer once the first other line comes.
    medications: Medications,
    shared: bool,
    /// Lines that are not JSON, name no known patient, or are not resources.
    pub unassigned: usize,
}

impl Cohort {
    pub fn new(options: Options) -> Self {
        Cohort {
            options,
            order: Vec::new(),
            patients: HashMap::new(),
            medications: Medications::new(),
            shared: false,
            unassigned: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.order.len()
    }

    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// One line of `Patient.ndjson`.
    pub fn add_patient_line(&mut self, line: &str) {
        if super::check_depth(line).is_err() {
            self.unassigned += 1;
            return;
        }
        let Ok(raw) = serde_json::from_str::<&RawValue>(line) else {
            self.unassigned += 1;
            return;
        };
        let Some(id) = serde_json::from_str::<Peek>(line).ok().and_then(|p| p.id) else {
            self.unassigned += 1;
            return;
        };
        let reference = format!("Patient/{id}");
        if self.patients.contains_key(&reference) {
            self.unassigned += 1;
            return;
        }
        let mut importer = Importer::new("Bundle", self.options);
        importer.set_bundle_type(Some("bulk-export".into()));
        importer.add_patient_ref(Some(&id), None);
        importer.add_resource(raw, None);
        self.order.push(reference.clone());
        self.patients.insert(reference, importer);
    }

    /// One line of `Medication.ndjson`: kept for the orders that refer to it.
    pub fn add_medication_line(&mut self, line: &str) {
        match serde_json::from_str::<&RawValue>(line) {
            Ok(raw) => add_medication(&mut self.medications, raw, None),
            Err(_) => self.unassigned += 1,
        }
    }

    /// One line of any other resource file, given to its patient (`subject` or `patient`).
    /// The line is read twice: its type and subject, then the struct of its type.
    pub fn add_line(&mut self, line: &str) {
        if !self.shared {
            let shared = Arc::new(std::mem::take(&mut self.medications));
            for importer in self.patients.values_mut() {
                importer.share_medications(Arc::clone(&shared));
            }
            self.shared = true;
        }
        // No depth check per line (it cost 15 % of a bulk run): serde_json skips ignored
        // elements without recursion and limits the recursion of the parsed ones.
        let Ok(peek) = serde_json::from_str::<Peek>(line) else {
            self.unassigned += 1;
            return;
        };
        let reference = peek
            .subject
            .as_ref()
            .or(peek.patient.as_ref())
            .and_then(|r| r.reference.as_deref());
        match reference.and_then(|r| self.patients.get_mut(r)) {
            Some(importer) => importer.add_peeked(line, &peek, None),
            None => self.unassigned += 1,
        }
    }

    /// Each patient's importer, in `Patient.ndjson` order (to finish them on several
    /// threads: an importer is `Send`).
    pub fn into_patients(mut self) -> Vec<(String, Importer)> {
        let order = std::mem::take(&mut self.order);
        order
            .into_iter()
            .filter_map(|reference| {
                let importer = self.patients.remove(&reference)?;
                Some((reference, importer))
            })
            .collect()
    }

    /// Each patient's case and report, in `Patient.ndjson` order (each importer is
    /// dropped as soon as its case is made).
    pub fn finish(mut self) -> impl Iterator<Item = (String, Case, ImportReport)> {
        let order = std::mem::take(&mut self.order);
        order.into_iter().filter_map(move |reference| {
            let importer = self.patients.remove(&reference)?;
            let (case, report) = importer.finish();
            Some((reference, case, report))
        })
    }
}
