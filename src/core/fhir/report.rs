//! The import report: every resource mapped (what it became, its value, unit, date, code
//! and how it was matched), every one skipped with its reason, and the case fields the
//! record could not fill. Ids and codes are the same in every language; `message` is in
//! the language the report was made in.

use serde::Serialize;

pub use super::egfr::SuggestedCkdStage;
use crate::core::i18n::{msg, Lang};
use crate::tr;

pub const IMPORT_REPORT_FORMAT: &str = "calciphylaxis-fhir-import/1";

id_enum! {
    /// How a resource was recognised.
    MatchedBy {
        Loinc = "loinc" => msg::fhir::MATCHED_LOINC,
        AnswerCode = "answer_code" => msg::fhir::MATCHED_ANSWER_CODE,
        AnswerText = "answer_text" => msg::fhir::MATCHED_ANSWER_TEXT,
        Icd10 = "icd10" => msg::fhir::MATCHED_ICD10,
        Snomed = "snomed" => msg::fhir::MATCHED_SNOMED,
        RxnormIngredient = "rxnorm_ingredient" => msg::fhir::MATCHED_RXNORM,
        Atc = "atc" => msg::fhir::MATCHED_ATC,
        IngredientName = "ingredient_name" => msg::fhir::MATCHED_NAME,
        Gender = "gender" => msg::fhir::MATCHED_GENDER,
        BirthDate = "birth_date" => msg::fhir::MATCHED_BIRTH_DATE,
    }
}

id_enum! {
    /// Why a resource gave no case field.
    SkipReason {
        EnteredInError = "entered_in_error" => msg::fhir::SKIP_ENTERED_IN_ERROR,
        Cancelled = "cancelled" => msg::fhir::SKIP_CANCELLED,
        NotStarted = "not_started" => msg::fhir::SKIP_NOT_STARTED,
        NoCode = "no_code" => msg::fhir::SKIP_NO_CODE,
        UnknownCode = "unknown_code" => msg::fhir::SKIP_UNKNOWN_CODE,
        UnknownUnit = "unknown_unit" => msg::fhir::SKIP_UNKNOWN_UNIT,
        NoValue = "no_value" => msg::fhir::SKIP_NO_VALUE,
        UnknownAnswer = "unknown_answer" => msg::fhir::SKIP_UNKNOWN_ANSWER,
        Comparator = "comparator" => msg::fhir::SKIP_COMPARATOR,
        Superseded = "superseded" => msg::fhir::SKIP_SUPERSEDED,
        LaterStage = "later_stage" => msg::fhir::SKIP_LATER_STAGE,
        ReportOnly = "report_only" => msg::fhir::SKIP_REPORT_ONLY,
        EgfrNoDate = "egfr_no_date" => msg::fhir::SKIP_EGFR_NO_DATE,
        Unconfirmed = "unconfirmed" => msg::fhir::SKIP_UNCONFIRMED,
        ResolvedNoHistory = "resolved_no_history" => msg::fhir::SKIP_RESOLVED_NO_HISTORY,
        NotCurrent = "not_current" => msg::fhir::SKIP_NOT_CURRENT,
        NotUsed = "not_used" => msg::fhir::SKIP_NOT_USED,
        Invalid = "invalid" => msg::fhir::SKIP_INVALID,
        OtherPatient = "other_patient" => msg::fhir::SKIP_OTHER_PATIENT,
        NestedBundle = "nested_bundle" => msg::fhir::SKIP_NESTED_BUNDLE,
        UnresolvedMedication = "unresolved_medication" => msg::fhir::SKIP_UNRESOLVED_MEDICATION,
    }
}

id_enum! {
    /// Why a case field the record touches stays unknown.
    NotMappedReason {
        DoseUnknown = "dose_unknown" => msg::fhir::NOT_MAPPED_DOSE_UNKNOWN,
        HighDoseNotReadable = "high_dose_not_readable" => msg::fhir::NOT_MAPPED_HIGH_DOSE,
        RouteUnknown = "route_unknown" => msg::fhir::NOT_MAPPED_ROUTE_UNKNOWN,
        NoObservationDate = "no_observation_date" => msg::fhir::NOT_MAPPED_NO_DATE,
        PartialBirthDate = "partial_birth_date" => msg::fhir::NOT_MAPPED_PARTIAL_BIRTH_DATE,
        GenderNotSex = "gender_not_sex" => msg::fhir::NOT_MAPPED_GENDER,
        DialysisModality = "dialysis_modality" => msg::fhir::NOT_MAPPED_DIALYSIS_MODALITY,
        NotInRecord = "not_in_record" => msg::fhir::NOT_MAPPED_NOT_IN_RECORD,
        MalignancyUnconfirmed = "malignancy_unconfirmed" => msg::fhir::NOT_MAPPED_MALIGNANCY_UNCONFIRMED,
        NoAbatementDate = "no_abatement_date" => msg::fhir::NOT_MAPPED_NO_ABATEMENT_DATE,
        NoReferenceDate = "no_reference_date" => msg::fhir::NOT_MAPPED_NO_REFERENCE_DATE,
    }
}

/// One case field made from a resource.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mapped {
    /// `Observation/abc`, or the entry's `fullUrl` when the resource has no id.
    pub resource: String,
    /// The case field path (`labs.calcium_total`, `findings.warfarin`).
    pub field: String,
    pub value: serde_json::Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `system|code` of the code that matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub matched_by: MatchedBy,
    pub message: String,
}

/// One resource that gave nothing, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skipped {
    pub resource: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub reason: SkipReason,
    /// The value, unit or status concerned, as written in the resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub message: String,
}

/// A case field that stays unknown although the record touches it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotMapped {
    pub field: String,
    pub reason: NotMappedReason,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportReport {
    pub format: &'static str,
    /// `Bundle` or the single resource's type.
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bundle_type: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub patient: Option<String>,
    /// The date of the latest observation used: the patient's age is taken on it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub resources_read: usize,
    pub mapped: Vec<Mapped>,
    pub skipped: Vec<Skipped>,
    pub not_mapped: Vec<NotMapped>,
    /// A CKD stage suggested from eGFR values (KDIGO 2012), or none and why; never written
    /// into the case. Absent when the record has no usable eGFR.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggested_ckd_stage: Option<SuggestedCkdStage>,
    /// Skipped resources counted but not listed (bulk summaries keep counts only).
    #[serde(skip_serializing_if = "is_zero")]
    pub skipped_not_listed: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl ImportReport {
    pub fn new(source: &str) -> Self {
        ImportReport {
            format: IMPORT_REPORT_FORMAT,
            source: source.to_string(),
            bundle_type: None,
            patient: None,
            date: None,
            resources_read: 0,
            mapped: Vec::new(),
            skipped: Vec::new(),
            not_mapped: Vec::new(),
            suggested_ckd_stage: None,
            skipped_not_listed: 0,
        }
    }

    /// The report as lines for a person, in `lang`: a heading, then each entry's message.
    pub fn render(&self, lang: Lang) -> Vec<String> {
        let (mapped, skipped) = (
            self.mapped.len(),
            self.skipped.len() + self.skipped_not_listed,
        );
        let not_mapped = self.not_mapped.len();
        let mut lines = vec![tr!(
            lang,
            msg::fhir::REPORT_HEADING,
            mapped,
            skipped,
            not_mapped
        )];
        lines.extend(self.mapped.iter().map(|m| m.message.clone()));
        lines.extend(self.skipped.iter().map(|s| s.message.clone()));
        lines.extend(self.not_mapped.iter().map(|n| n.message.clone()));
        lines.extend(self.suggested_ckd_stage.iter().map(|s| s.message.clone()));
        lines
    }
}

impl Mapped {
    pub fn message_for(&mut self, lang: Lang) {
        let value = match &self.value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let unit = self.unit.as_deref().unwrap_or("");
        let date = self.date.as_deref().unwrap_or("–");
        let code = self.code.as_deref().unwrap_or("–");
        let how = self.matched_by.name(lang);
        let (resource, field) = (&self.resource, &self.field);
        self.message = tr!(
            lang,
            msg::fhir::MAPPED_LINE,
            resource,
            field,
            value,
            unit,
            date,
            code,
            how
        );
    }
}

impl Skipped {
    pub fn new(
        resource: &str,
        code: Option<String>,
        reason: SkipReason,
        detail: Option<String>,
        lang: Lang,
    ) -> Self {
        let why = reason.name(lang);
        let shown = detail
            .as_deref()
            .map_or(String::new(), |d| format!(" ({d})"));
        let message = tr!(lang, msg::fhir::SKIPPED_LINE, resource, why, detail = shown);
        Skipped {
            resource: resource.to_string(),
            code,
            reason,
            detail,
            message,
        }
    }
}

impl NotMapped {
    pub fn new(field: &str, reason: NotMappedReason, resources: Vec<String>, lang: Lang) -> Self {
        let why = reason.name(lang);
        NotMapped {
            field: field.to_string(),
            reason,
            resources,
            message: tr!(lang, msg::fhir::NOT_MAPPED_LINE, field, why),
        }
    }
}
