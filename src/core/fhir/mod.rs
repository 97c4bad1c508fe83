//! FHIR R4 (4.0.1) → `calciphylaxis-case/1`, with an import report.
//!
//! [`case_from_fhir`] reads a `Bundle` of any type, or a single resource, as JSON text.
//! The file is refused, with a message in both languages, when it is larger than
//! [`MAX_FHIR_BYTES`], not JSON, nested deeper than serde_json's limit (128), not a FHIR
//! resource, or a bundle of more than [`MAX_ENTRIES`] entries or of several patients.
//! Every resource is then mapped or skipped with its reason ([`report`]); the codes are
//! data in [`codes`]. [`bulk`] groups a Bulk Data export (NDJSON) by patient.

pub mod bulk;
pub mod codes;
mod condition;
pub mod egfr;
mod importer;
mod malignancy;
mod medication;
pub mod model;
mod observation;
mod patient;
pub mod report;

use serde_json::value::RawValue;

use crate::core::case::Case;
use crate::core::i18n::{msg, Lang};
use crate::tr;

pub use importer::Importer;
pub use report::ImportReport;

/// Larger FHIR files are refused before parsing (a single patient's record is far
/// smaller; a cohort belongs in a Bulk Data export).
pub const MAX_FHIR_BYTES: usize = 32 << 20;
/// Entries in one bundle: more is refused, not truncated.
pub const MAX_ENTRIES: usize = 50_000;
/// Arrays and objects nested deeper are refused before parsing. FHIR R4 resources in a
/// bundle nest about 10 deep (extensions of extensions a few more); serde_json skips
/// ignored elements without a limit, so the reader sets its own.
pub const MAX_DEPTH: usize = 64;

/// How to read: the language of the report and whether earlier draws become visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub lang: Lang,
    /// Earlier dated values of a lab become follow-up visits (one per date) instead of
    /// being reported only as superseded.
    pub earlier_draws_as_visits: bool,
    /// List every skipped resource (`false`: count them only, for bulk summaries).
    pub list_skipped: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lang: Lang::En,
            earlier_draws_as_visits: false,
            list_skipped: true,
        }
    }
}

/// Why a text is not a FHIR record this reader can use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FhirError {
    TooLarge {
        bytes: usize,
    },
    NotJson {
        line: usize,
        column: usize,
    },
    TooDeep {
        line: usize,
        column: usize,
    },
    /// JSON, but not a FHIR resource (no `resourceType`).
    NotFhir,
    /// A resource of a type that is neither a Bundle nor one the reader maps.
    UnsupportedResource(String),
    /// The bundle's own structure (`entry`, `type`) is not valid.
    InvalidBundle {
        line: usize,
        column: usize,
    },
    TooManyEntries {
        count: usize,
    },
    SeveralPatients {
        count: usize,
    },
}

impl FhirError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            FhirError::TooLarge { bytes } => {
                let limit = MAX_FHIR_BYTES;
                tr!(lang, msg::fhir::ERROR_TOO_LARGE, bytes, limit)
            }
            FhirError::NotJson { line, column } => {
                tr!(lang, msg::fhir::ERROR_NOT_JSON, line, column)
            }
            FhirError::TooDeep { line, column } => {
                tr!(lang, msg::fhir::ERROR_TOO_DEEP, line, column)
            }
            FhirError::NotFhir => tr!(lang, msg::fhir::ERROR_NOT_FHIR),
            FhirError::UnsupportedResource(found) => {
                tr!(lang, msg::fhir::ERROR_UNSUPPORTED_RESOURCE, found)
            }
            FhirError::InvalidBundle { line, column } => {
                tr!(lang, msg::fhir::ERROR_INVALID_BUNDLE, line, column)
            }
            FhirError::TooManyEntries { count } => {
                let limit = MAX_ENTRIES;
                tr!(lang, msg::fhir::ERROR_TOO_MANY_ENTRIES, count, limit)
            }
            FhirError::SeveralPatients { count } => {
                tr!(lang, msg::fhir::ERROR_SEVERAL_PATIENTS, count)
            }
        }
    }
}

impl std::fmt::Display for FhirError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for FhirError {}

/// Whether a JSON text is a FHIR resource (it has a top-level `resourceType` and no case
/// `format`), read without building the document.
pub fn is_fhir(text: &str) -> bool {
    serde_json::from_str::<model::Peek>(text)
        .map(|peek| peek.resource_type.is_some() && peek.format.is_none())
        .unwrap_or(false)
}

/// A FHIR record as a case, with its import report (English, no visits).
pub fn case_from_fhir(text: &str) -> Result<(Case, ImportReport), FhirError> {
    case_from_fhir_with(text, Options::default())
}

/// [`case_from_fhir`] with its options.
pub fn case_from_fhir_with(
    text: &str,
    options: Options,
) -> Result<(Case, ImportReport), FhirError> {
    if text.len() > MAX_FHIR_BYTES {
        return Err(FhirError::TooLarge { bytes: text.len() });
    }
    check_depth(text)?;
    let peek: model::Peek = serde_json::from_str(text).map_err(json_error)?;
    let resource_type = match (&peek.resource_type, &peek.format) {
        (Some(t), None) => t.as_str(),
        _ => return Err(FhirError::NotFhir),
    };
    let mut importer = Importer::new(resource_type, options);
    if resource_type == "Bundle" {
        let bundle: model::Bundle = serde_json::from_str(text).map_err(|e| {
            if is_depth(&e) {
                json_error(e)
            } else {
                FhirError::InvalidBundle {
                    line: e.line(),
                    column: e.column(),
                }
            }
        })?;
        read_bundle(&mut importer, &bundle)?;
    } else if importer::is_mapped_type(resource_type) {
        let raw: &RawValue = serde_json::from_str(text).map_err(json_error)?;
        importer.add_resource(raw, None);
    } else {
        return Err(FhirError::UnsupportedResource(resource_type.to_string()));
    }
    Ok(importer.finish())
}

/// A FHIR record's assessment in `lang`, with its `import_report` (an addition to
/// `calciphylaxis-assessment/1`), as JSON: what the command line prints and the JavaScript
/// API returns.
pub fn assess_fhir_in(text: &str, options: Options) -> Result<serde_json::Value, FhirError> {
    let (case, report) = case_from_fhir_with(text, options)?;
    let assessment = crate::core::assess_in(&case, options.lang);
    Ok(with_import_report(&assessment, &report))
}

/// An assessment as JSON with `import_report` added.
pub fn with_import_report(
    assessment: &crate::core::Assessment,
    report: &ImportReport,
) -> serde_json::Value {
    let mut value = serde_json::to_value(assessment).unwrap_or_default();
    if let Some(object) = value.as_object_mut() {
        let report = serde_json::to_value(report).unwrap_or_default();
        object.insert("import_report".into(), report);
    }
    value
}

fn read_bundle(importer: &mut Importer, bundle: &model::Bundle) -> Result<(), FhirError> {
    if bundle.entry.len() > MAX_ENTRIES {
        return Err(FhirError::TooManyEntries {
            count: bundle.entry.len(),
        });
    }
    importer.set_bundle_type(bundle.kind.clone());
    let resources: Vec<(&RawValue, Option<&str>)> = bundle
        .entry
        .iter()
        .filter_map(|e| e.resource.map(|r| (r, e.full_url.as_deref())))
        .collect();
    let patients = importer.index(&resources);
    if patients > 1 {
        return Err(FhirError::SeveralPatients { count: patients });
    }
    for (raw, full_url) in resources {
        importer.add_resource(raw, full_url);
    }
    Ok(())
}

/// Refuses a text whose arrays and objects nest deeper than [`MAX_DEPTH`], naming where
/// (strings are skipped, so a bracket inside one does not count).
pub fn check_depth(text: &str) -> Result<(), FhirError> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut line, mut column) = (1, 0);
    for byte in text.bytes() {
        column += 1;
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'\n' => (line, column) = (line + 1, 0),
            _ => {}
        }
        if depth > MAX_DEPTH {
            return Err(FhirError::TooDeep { line, column });
        }
    }
    Ok(())
}

fn is_depth(error: &serde_json::Error) -> bool {
    error.to_string().starts_with("recursion limit exceeded")
}

fn json_error(error: serde_json::Error) -> FhirError {
    let (line, column) = (error.line(), error.column());
    if is_depth(&error) {
        FhirError::TooDeep { line, column }
    } else if error.is_data() {
        FhirError::NotFhir
    } else {
        FhirError::NotJson { line, column }
    }
}
