//! The FHIR R4 (4.0.1) elements the reader uses, as plain serde structs. Every other
//! element is skipped by serde without being kept (no `serde_json::Value` of a file): a
//! resource is first held as its raw JSON text (`RawValue`, a slice of the input), its
//! `resourceType` read, and only then parsed as the one struct of its type.

use serde::de::{Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use serde_json::value::RawValue;

/// Any resource: only its type and id, to choose the struct that reads the rest.
#[derive(Debug, Deserialize)]
pub struct Peek {
    #[serde(rename = "resourceType")]
    pub resource_type: Option<String>,
    pub id: Option<String>,
    /// `calciphylaxis-case/1` files have `format` instead of `resourceType`.
    pub format: Option<String>,
    /// Whose resource it is (bulk export lines are grouped by it).
    pub subject: Option<Reference>,
    pub patient: Option<Reference>,
    /// An Observation's status and code: one not mapped is skipped without a second read.
    pub status: Option<String>,
    pub code: Option<CodeableConcept>,
}

#[derive(Debug, Deserialize)]
pub struct Bundle<'a> {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    #[serde(default, borrow)]
    pub entry: Vec<Entry<'a>>,
}

#[derive(Debug, Deserialize)]
pub struct Entry<'a> {
    #[serde(rename = "fullUrl")]
    pub full_url: Option<String>,
    #[serde(borrow)]
    pub resource: Option<&'a RawValue>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct Coding {
    pub system: Option<String>,
    pub code: Option<String>,
    pub display: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct CodeableConcept {
    #[serde(default)]
    pub coding: Vec<Coding>,
    pub text: Option<String>,
}

impl CodeableConcept {
    /// The code of the first coding in `system`.
    pub fn code_in(&self, system: &str) -> Option<&str> {
        self.coding
            .iter()
            .find(|c| c.system.as_deref() == Some(system))
            .and_then(|c| c.code.as_deref())
    }

    /// Every code of every coding, with its system (`""` when absent).
    pub fn codes(&self) -> impl Iterator<Item = (&str, &str)> {
        self.coding.iter().filter_map(|c| {
            c.code
                .as_deref()
                .map(|code| (c.system.as_deref().unwrap_or(""), code))
        })
    }

    /// The texts a person wrote: `text` and every `display`.
    pub fn texts(&self) -> impl Iterator<Item = &str> {
        self.text
            .as_deref()
            .into_iter()
            .chain(self.coding.iter().filter_map(|c| c.display.as_deref()))
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct Quantity {
    pub value: Option<f64>,
    pub comparator: Option<String>,
    pub unit: Option<String>,
    pub system: Option<String>,
    pub code: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct Reference {
    pub reference: Option<String>,
    pub display: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct Period {
    pub start: Option<String>,
    pub end: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Patient {
    pub gender: Option<String>,
    #[serde(rename = "birthDate")]
    pub birth_date: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct ReferenceRange {
    pub low: Option<Quantity>,
    pub high: Option<Quantity>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Observation {
    pub status: Option<String>,
    pub code: Option<CodeableConcept>,
    pub subject: Option<Reference>,
    #[serde(rename = "effectiveDateTime")]
    pub effective_date_time: Option<String>,
    #[serde(rename = "effectiveInstant")]
    pub effective_instant: Option<String>,
    #[serde(rename = "effectivePeriod")]
    pub effective_period: Option<Period>,
    #[serde(rename = "valueQuantity")]
    pub value_quantity: Option<Quantity>,
    #[serde(rename = "valueCodeableConcept")]
    pub value_codeable_concept: Option<CodeableConcept>,
    #[serde(rename = "valueString")]
    pub value_string: Option<String>,
    #[serde(rename = "referenceRange", default)]
    pub reference_range: Vec<ReferenceRange>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Condition {
    #[serde(rename = "clinicalStatus")]
    pub clinical_status: Option<CodeableConcept>,
    #[serde(rename = "verificationStatus")]
    pub verification_status: Option<CodeableConcept>,
    pub code: Option<CodeableConcept>,
    pub subject: Option<Reference>,
    #[serde(rename = "onsetDateTime")]
    pub onset_date_time: Option<String>,
    #[serde(rename = "abatementDateTime")]
    pub abatement_date_time: Option<String>,
    #[serde(rename = "recordedDate")]
    pub recorded_date: Option<String>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct Repeat {
    pub frequency: Option<f64>,
    pub period: Option<f64>,
    #[serde(rename = "periodUnit")]
    pub period_unit: Option<String>,
    #[serde(rename = "boundsPeriod")]
    pub bounds_period: Option<Period>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct Timing {
    pub repeat: Option<Repeat>,
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct DoseAndRate {
    #[serde(rename = "doseQuantity")]
    pub dose_quantity: Option<Quantity>,
}

/// R4 `Dosage` (requests and statements) and `MedicationAdministration.dosage` in one: the
/// second has `dose` where the first has `doseAndRate`.
#[derive(Debug, Default, Clone, Deserialize)]
pub struct Dosage {
    pub text: Option<String>,
    pub timing: Option<Timing>,
    pub route: Option<CodeableConcept>,
    #[serde(rename = "doseAndRate", default)]
    pub dose_and_rate: Vec<DoseAndRate>,
    pub dose: Option<Quantity>,
}

/// `MedicationRequest`, `MedicationStatement` and `MedicationAdministration`.
#[derive(Debug, Default, Deserialize)]
pub struct MedicationUse<'a> {
    pub status: Option<String>,
    #[serde(rename = "medicationCodeableConcept")]
    pub medication_codeable_concept: Option<CodeableConcept>,
    #[serde(rename = "medicationReference")]
    pub medication_reference: Option<Reference>,
    pub subject: Option<Reference>,
    #[serde(default, borrow)]
    pub contained: Vec<&'a RawValue>,
    #[serde(rename = "authoredOn")]
    pub authored_on: Option<String>,
    #[serde(rename = "effectiveDateTime")]
    pub effective_date_time: Option<String>,
    #[serde(rename = "effectivePeriod")]
    pub effective_period: Option<Period>,
    #[serde(rename = "dosageInstruction", default)]
    pub dosage_instruction: Vec<Dosage>,
    /// A list in `MedicationStatement`, one object in `MedicationAdministration`.
    #[serde(default, deserialize_with = "one_or_many")]
    pub dosage: Vec<Dosage>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Ingredient {
    #[serde(rename = "itemCodeableConcept")]
    pub item_codeable_concept: Option<CodeableConcept>,
}

#[derive(Debug, Default, Deserialize)]
pub struct Medication {
    pub id: Option<String>,
    #[serde(rename = "resourceType")]
    pub resource_type: Option<String>,
    pub code: Option<CodeableConcept>,
    #[serde(default)]
    pub ingredient: Vec<Ingredient>,
}

fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Dosage>, D::Error> {
    struct OneOrMany;
    impl<'de> Visitor<'de> for OneOrMany {
        type Value = Vec<Dosage>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a Dosage or a list of them")
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            let mut all = Vec::new();
            while let Some(dosage) = seq.next_element()? {
                all.push(dosage);
            }
            Ok(all)
        }
        fn visit_map<M: MapAccess<'de>>(self, map: M) -> Result<Self::Value, M::Error> {
            let one = Dosage::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
            Ok(vec![one])
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
    }
    deserializer.deserialize_any(OneOrMany)
}
