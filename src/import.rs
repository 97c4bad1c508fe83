//! The messages between the app and the importer worker (`src/bin/importer.rs`), in one
//! place, and what the worker does with them.
//!
//! The importer is a second wasm module, built by Trunk as a web worker: the FHIR reader,
//! its code tables and the pasted-report parser live there, so the app's own module (the
//! first visit) does not carry them. The page starts the worker on the first import or
//! paste; the service worker has precached its files, so it also works offline.
//!
//! Every message is JSON text (`postMessage` of a string):
//! - worker → app, once started: `{ "kind": "ready" }`;
//! - app → worker: [`ImportRequest`] `{ "id": 1, "text": "…", "lang": "en" }` (with
//!   `"only": "fhir"`, anything but a FHIR record is an error, not a pasted report);
//! - worker → app: [`ImportReply`], `{ "kind": "imported", "id", "source": "fhir" | "paste",
//!   "case": <calciphylaxis-case/1>, "report": <import report> }` or
//!   `{ "kind": "error", "id", "error": "<message in lang>" }`.
//!
//! [`answer`] is the worker's whole job, plain Rust, tested natively.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::core::case::CaseFileError;
use crate::core::fhir::{self, Options};
use crate::core::i18n::{msg, Lang};
use crate::core::paste;
use crate::tr;

/// What the app asks: read `text` (a FHIR record, or a pasted laboratory report) in `lang`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportRequest<'a> {
    /// Given back in the reply, so that a late answer to an earlier paste is recognised.
    pub id: u32,
    /// Borrowed where it can be: a record may be many megabytes, and is not copied to be sent.
    #[serde(borrow)]
    pub text: Cow<'a, str>,
    /// `"en"` or `"zh"`; anything else is English.
    #[serde(default)]
    pub lang: String,
    /// `"fhir"`: only a FHIR record is read (`caseFromFhir`); anything else is an error
    /// rather than a pasted report. Absent: told apart by `resourceType`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only: Option<ImportSource>,
}

/// What the text was read as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportSource {
    /// A FHIR R4 record (told apart by its `resourceType`).
    Fhir,
    /// A pasted laboratory report.
    Paste,
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ImportReply {
    /// The worker has started and reads requests from now on.
    Ready,
    Imported {
        id: u32,
        source: ImportSource,
        /// A `calciphylaxis-case/1` with its `provenance`.
        case: serde_json::Value,
        /// The import report (FHIR: `calciphylaxis-fhir-import/1`; paste: its own format),
        /// whose `skipped`, `not_mapped` and `suggested_ckd_stage` read as [`ReportView`].
        report: serde_json::Value,
    },
    Error {
        id: u32,
        error: String,
    },
}

/// A reply as the app reads it: the case and the report stay JSON text (the app reads the
/// case with its own case reader). A plain struct read borrowing the text, rather than the
/// tagged [`ImportReply`] with `serde_json::Value`s, keeps a second JSON model out of the
/// app's module (the first visit).
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Ready,
    Imported {
        id: u32,
        source: ImportSource,
        /// A `calciphylaxis-case/1`, as JSON text.
        case: String,
        /// The import report, as JSON text (reads as [`ReportView`]).
        report: String,
    },
    Error {
        id: u32,
        error: String,
    },
}

impl Answer {
    /// The worker's reply text read; `None` when it is not one.
    pub fn read(text: &str) -> Option<Answer> {
        #[derive(Deserialize)]
        struct Envelope<'a> {
            kind: String,
            #[serde(default)]
            id: u32,
            #[serde(default)]
            source: Option<ImportSource>,
            #[serde(default, borrow)]
            case: Option<&'a serde_json::value::RawValue>,
            #[serde(default, borrow)]
            report: Option<&'a serde_json::value::RawValue>,
            #[serde(default)]
            error: Option<String>,
        }
        let reply: Envelope = serde_json::from_str(text).ok()?;
        let id = reply.id;
        match reply.kind.as_str() {
            "ready" => Some(Answer::Ready),
            "imported" => Some(Answer::Imported {
                id,
                source: reply.source?,
                case: reply.case?.get().to_string(),
                report: reply
                    .report
                    .map_or_else(String::new, |r| r.get().to_string()),
            }),
            "error" => Some(Answer::Error {
                id,
                error: reply.error.unwrap_or_default(),
            }),
            _ => None,
        }
    }

    /// The request it answers (`None`: "ready").
    pub fn id(&self) -> Option<u32> {
        match self {
            Answer::Ready => None,
            Answer::Imported { id, .. } | Answer::Error { id, .. } => Some(*id),
        }
    }
}

/// The part of either report the review shows beside the values (which it takes from the
/// case's `provenance`): what was not used, and why.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct ReportView {
    #[serde(default)]
    pub skipped: Vec<SkippedView>,
    /// FHIR: case fields the record touches that stay unknown, and why.
    #[serde(default)]
    pub not_mapped: Vec<NotMappedView>,
    /// FHIR: the CKD stage that two eGFR values suggest (or why none), for the clinician to
    /// confirm; never filled into the form.
    #[serde(default)]
    pub suggested_ckd_stage: Option<SuggestionView>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SuggestionView {
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct NotMappedView {
    pub field: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SkippedView {
    /// `Observation/abc`, or `line 3` of a pasted report.
    pub resource: String,
    /// Why, with the value, unit or status concerned.
    pub message: String,
}

/// A FHIR resource rather than a case: a top-level `resourceType` and no case `format`
/// (the reader's own test, without the reader: the app tells an import apart with it).
pub fn looks_like_fhir(text: &str) -> bool {
    #[derive(Deserialize)]
    struct Peek {
        #[serde(rename = "resourceType")]
        resource_type: Option<serde::de::IgnoredAny>,
        format: Option<serde::de::IgnoredAny>,
    }
    serde_json::from_str::<Peek>(text)
        .map(|p| p.resource_type.is_some() && p.format.is_none())
        .unwrap_or(false)
}

/// Refuses a file larger than any record the app reads (a FHIR export, [`fhir::MAX_FHIR_BYTES`])
/// before it is read into memory; a case file's own, smaller limit applies when it is parsed.
pub fn check_record_size(bytes: u64, lang: Lang) -> Result<(), CaseFileError> {
    if bytes > fhir::MAX_FHIR_BYTES as u64 {
        let limit = fhir::MAX_FHIR_BYTES;
        return Err(CaseFileError(tr!(
            lang,
            msg::ui_import::FILE_TOO_LARGE,
            bytes,
            limit
        )));
    }
    Ok(())
}

fn lang_of(id: &str) -> Lang {
    Lang::from_id(id).unwrap_or(Lang::En)
}

/// Reads one request (JSON text) and gives the reply. Never panics on any input.
pub fn answer(request: &str) -> ImportReply {
    let request: ImportRequest = match serde_json::from_str(request) {
        Ok(request) => request,
        Err(e) => {
            return ImportReply::Error {
                id: 0,
                error: e.to_string(),
            }
        }
    };
    let lang = lang_of(&request.lang);
    let id = request.id;
    if request.only == Some(ImportSource::Fhir) || fhir::is_fhir(&request.text) {
        return from_fhir(id, &request.text, lang);
    }
    from_paste(id, &request.text, lang)
}

fn from_paste(id: u32, text: &str, lang: Lang) -> ImportReply {
    match paste::case_from_paste(text, lang) {
        Ok((case, report)) => ImportReply::Imported {
            id,
            source: ImportSource::Paste,
            case: serde_json::to_value(&case).unwrap_or_default(),
            report: serde_json::to_value(&report).unwrap_or_default(),
        },
        Err(e) => ImportReply::Error {
            id,
            error: e.message(lang),
        },
    }
}

fn from_fhir(id: u32, text: &str, lang: Lang) -> ImportReply {
    let options = Options {
        lang,
        ..Options::default()
    };
    match fhir::case_from_fhir_with(text, options) {
        Ok((case, report)) => ImportReply::Imported {
            id,
            source: ImportSource::Fhir,
            case: serde_json::to_value(&case).unwrap_or_default(),
            report: serde_json::to_value(&report).unwrap_or_default(),
        },
        Err(e) => ImportReply::Error {
            id,
            error: e.message(lang),
        },
    }
}

/// [`answer`] as the JSON text the worker posts.
pub fn answer_text(request: &str) -> String {
    serde_json::to_string(&answer(request)).unwrap_or_default()
}
