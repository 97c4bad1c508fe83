//! The accumulator of one patient's resources: each resource is read as it comes (a
//! bundle entry, an NDJSON line) into small facts; [`Importer::finish`] then decides
//! (the latest draw per lab, true before false for a finding) and writes the case, its
//! provenance and the report.

use std::collections::HashMap;
use std::sync::Arc;

use serde_json::value::RawValue;

use super::condition::ConditionFact;
use super::medication::{MedicationInfo, MedicineFact};
use super::model::{Medication, Peek, Reference};
use super::observation::Observations;
use super::patient::PatientFacts;
use super::report::{
    ImportReport, Mapped, MatchedBy, NotMapped, NotMappedReason, SkipReason, Skipped,
};
use super::Options;
use crate::core::case::{Case, FieldSource};
use crate::core::findings::FindingId;
use crate::core::i18n::Lang;

/// The resource types whose content is mapped.
const MAPPED_TYPES: &[&str] = &[
    "Patient",
    "Observation",
    "Condition",
    "MedicationRequest",
    "MedicationStatement",
    "MedicationAdministration",
    "Medication",
];

pub fn is_mapped_type(resource_type: &str) -> bool {
    MAPPED_TYPES.contains(&resource_type)
}

/// Case fields a FHIR record does not carry in a form this reader maps: the skin, the
/// lesions, the MSC consent and judgement items, the dialysis vintage and the response to
/// each therapy.
const NOT_IN_RECORD: &[&str] = &[
    "lesions",
    "kidney.dialysis_vintage_months",
    "findings.early_skin_changes",
    "findings.livedo_reticularis",
    "findings.painful_purpura",
    "findings.painful_skin_ulcers",
    "findings.violaceous_plaques_or_induration",
    "findings.necrotic_eschar",
    "findings.differential_excluded",
    "findings.informed_consent",
    "findings.ethics_approval",
    "findings.life_expectancy_too_short",
    "findings.sodium_thiosulfate_contraindicated",
    // Read from the dates of malignancy Conditions when there are any (`malignancy.rs`).
    "findings.malignancy_over_5_years_ago",
    "therapies_tried.*.response",
];

/// Medication resources by the references orders use (`Medication/id`, a `fullUrl`).
pub(super) type Medications = HashMap<String, MedicationInfo>;

pub struct Importer {
    pub(super) options: Options,
    pub(super) report: ImportReport,
    patient_refs: Vec<String>,
    medications: Arc<Medications>,
    pub(super) patient: PatientFacts,
    pub(super) observations: Observations,
    pub(super) conditions: Vec<ConditionFact>,
    pub(super) medicines: Vec<MedicineFact>,
    unnamed: usize,
}

/// The case being written and the report's entries, in the report's language.
pub(super) struct Output {
    pub case: Case,
    pub report: ImportReport,
    pub lang: Lang,
}

impl Output {
    /// Sets a finding the record has not set yet, and says whether it did: the first
    /// resource to map a finding wins (conditions come before medicines).
    pub fn set_finding_once(&mut self, id: FindingId, value: bool) -> bool {
        if self.case.findings.contains_key(id.id()) {
            return false;
        }
        self.case.findings.insert(id.id().to_string(), value);
        true
    }

    /// Records a case field made from a resource: in the report and in the provenance.
    #[allow(clippy::too_many_arguments)]
    pub fn mapped(
        &mut self,
        field: String,
        value: serde_json::Value,
        unit: Option<String>,
        date: Option<String>,
        code: Option<String>,
        resource: &str,
        matched_by: MatchedBy,
    ) {
        self.case.provenance.insert(
            field.clone(),
            FieldSource {
                resource: resource.to_string(),
                date: date.clone(),
                code: code.clone(),
            },
        );
        let mut entry = Mapped {
            resource: resource.to_string(),
            field,
            value,
            unit,
            date,
            code,
            matched_by,
            message: String::new(),
        };
        entry.message_for(self.lang);
        self.report.mapped.push(entry);
    }

    pub fn skip(
        &mut self,
        resource: &str,
        code: Option<String>,
        reason: SkipReason,
        detail: Option<String>,
    ) {
        let entry = Skipped::new(resource, code, reason, detail, self.lang);
        self.report.skipped.push(entry);
    }

    pub fn not_mapped(&mut self, field: &str, reason: NotMappedReason, resources: Vec<String>) {
        let entry = NotMapped::new(field, reason, resources, self.lang);
        self.report.not_mapped.push(entry);
    }
}

impl Importer {
    pub fn new(source: &str, options: Options) -> Self {
        Importer {
            options,
            report: ImportReport::new(source),
            patient_refs: Vec::new(),
            medications: Arc::default(),
            patient: PatientFacts::default(),
            observations: Observations::default(),
            conditions: Vec::new(),
            medicines: Vec::new(),
            unnamed: 0,
        }
    }

    pub fn set_bundle_type(&mut self, kind: Option<String>) {
        self.report.bundle_type = kind;
    }

    /// First pass over a bundle: the patients (their number is returned) and the
    /// Medication resources that orders refer to.
    pub fn index(&mut self, resources: &[(&RawValue, Option<&str>)]) -> usize {
        let mut patients = 0;
        for (raw, full_url) in resources {
            let Ok(peek) = serde_json::from_str::<Peek>(raw.get()) else {
                continue;
            };
            match peek.resource_type.as_deref() {
                Some("Patient") => {
                    patients += 1;
                    self.add_patient_ref(peek.id.as_deref(), *full_url);
                }
                Some("Medication") => self.add_medication(raw, *full_url),
                _ => {}
            }
        }
        patients
    }

    /// Names the patient of this importer: resources whose subject names another are
    /// skipped.
    pub fn add_patient_ref(&mut self, id: Option<&str>, full_url: Option<&str>) {
        if let Some(id) = id {
            self.patient_refs.push(format!("Patient/{id}"));
            self.report
                .patient
                .get_or_insert_with(|| format!("Patient/{id}"));
        }
        if let Some(url) = full_url {
            self.patient_refs.push(url.to_string());
        }
    }

    /// A Medication resource that orders may refer to (`Medication/id` or its `fullUrl`).
    pub fn add_medication(&mut self, raw: &RawValue, full_url: Option<&str>) {
        add_medication(Arc::make_mut(&mut self.medications), raw, full_url);
    }

    /// Shares one index of Medication resources (a bulk export's) with this importer.
    pub(super) fn share_medications(&mut self, medications: Arc<Medications>) {
        self.medications = medications;
    }

    pub(super) fn medication_of(&self, reference: &str) -> Option<&MedicationInfo> {
        self.medications.get(reference)
    }

    /// Whether `subject` names a patient other than this importer's.
    pub(super) fn other_patient(&self, subject: Option<&Reference>) -> bool {
        let reference = subject.and_then(|s| s.reference.as_deref());
        match reference {
            Some(r) if !self.patient_refs.is_empty() => !self.patient_refs.iter().any(|p| p == r),
            _ => false,
        }
    }

    /// Reads one resource (its raw JSON text).
    pub fn add_resource(&mut self, raw: &RawValue, full_url: Option<&str>) {
        match serde_json::from_str::<Peek>(raw.get()) {
            Ok(peek) => self.add_peeked(raw.get(), &peek, full_url),
            Err(_) => {
                self.report.resources_read += 1;
                let name = self.unnamed_name("?", full_url);
                self.skip(&name, None, SkipReason::Invalid, None);
            }
        }
    }

    /// Reads one resource whose type and id are already read (`peek`), from its text.
    pub fn add_peeked(&mut self, text: &str, peek: &Peek, full_url: Option<&str>) {
        self.report.resources_read += 1;
        let resource_type = peek.resource_type.as_deref().unwrap_or("?");
        let name = match (&peek.id, full_url) {
            (Some(id), _) => format!("{resource_type}/{id}"),
            (None, url) => self.unnamed_name(resource_type, url),
        };
        if let Some(code) = super::observation::unmapped_loinc(resource_type, peek) {
            return self.skip(&name, Some(code), SkipReason::UnknownCode, None);
        }
        match resource_type {
            "Patient" => self.read_patient(text, &name),
            "Observation" => self.read_observation(text, &name),
            "Condition" => self.read_condition(text, &name),
            "MedicationRequest" | "MedicationStatement" | "MedicationAdministration" => {
                self.read_medicine(text, &name, resource_type)
            }
            // Read through the orders that name them.
            "Medication" => self.report.resources_read -= 1,
            "Bundle" => self.skip(&name, None, SkipReason::NestedBundle, None),
            _ => self.skip(&name, None, SkipReason::NotUsed, None),
        }
    }

    fn unnamed_name(&mut self, resource_type: &str, full_url: Option<&str>) -> String {
        self.unnamed += 1;
        full_url.map_or_else(
            || format!("{resource_type}#{}", self.unnamed),
            str::to_string,
        )
    }

    /// A skipped resource, listed (or only counted, for bulk summaries).
    pub(super) fn skip(
        &mut self,
        resource: &str,
        code: Option<String>,
        reason: SkipReason,
        detail: Option<String>,
    ) {
        if self.options.list_skipped {
            let entry = Skipped::new(resource, code, reason, detail, self.options.lang);
            self.report.skipped.push(entry);
        } else {
            self.report.skipped_not_listed += 1;
        }
    }

    /// Decides and writes the case and the report.
    pub fn finish(self) -> (Case, ImportReport) {
        let Importer {
            options,
            report,
            patient,
            mut observations,
            conditions,
            medicines,
            ..
        } = self;
        let egfr = std::mem::take(&mut observations.egfr);
        let mut out = Output {
            case: Case::default(),
            report,
            lang: options.lang,
        };
        let date = observations.finish(&mut out, options);
        out.report.date = date.map(|d| d.to_string());
        patient.finish(&mut out, date);
        super::condition::finish(&conditions, &mut out);
        super::malignancy::finish(&conditions, &mut out, date);
        super::medication::finish(&medicines, &mut out, date);
        out.report.suggested_ckd_stage = super::egfr::suggest(egfr, &out.case, options.lang);
        // Bulk summaries (counts only) leave out the list that is the same for everyone.
        if options.list_skipped {
            for field in NOT_IN_RECORD {
                let decided = out.case.provenance.contains_key(*field)
                    || out.report.not_mapped.iter().any(|n| n.field == *field);
                if !decided {
                    out.not_mapped(field, NotMappedReason::NotInRecord, Vec::new());
                }
            }
        }
        if !options.list_skipped {
            out.report.skipped_not_listed += out.report.skipped.len();
            out.report.skipped.clear();
        }
        (out.case, out.report)
    }
}

pub(super) fn add_medication(index: &mut Medications, raw: &RawValue, full_url: Option<&str>) {
    if let Ok(medication) = serde_json::from_str::<Medication>(raw.get()) {
        let info = MedicationInfo::from(&medication);
        if let Some(id) = &medication.id {
            index.insert(format!("Medication/{id}"), info.clone());
        }
        if let Some(url) = full_url {
            index.insert(url.to_string(), info);
        }
    }
}
