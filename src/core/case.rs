//! The case model (`calciphylaxis-case/1`, `case-format.md`) and its tolerant parser.
//!
//! Every key is optional and a missing key means *unknown*. A wrong type or an unknown
//! enum value is an input error for that field only; unknown keys are kept (so an export
//! gives them back) and reported as warnings. Value ranges are checked by `assess`, so a
//! `Case` built in code (the UI, property tests) is validated the same way.

use crate::core::i18n::msg;
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::{Map, Value};

use super::field_path::{
    FieldPath, Key, LabField, LabPath, Section, TherapyField, TreatmentField, VisitPath,
};
use super::findings::{FindingId, Site, Therapy};
use super::i18n::{Lang, Text};
use crate::tr;

pub const CASE_FORMAT: &str = "calciphylaxis-case/1";
/// Larger files are refused before parsing: no real case comes near it.
pub const MAX_CASE_BYTES: usize = 1 << 20;

id_enum! {
    /// In words: form options, printed report.
    Sex {
        Female = "female" => msg::case::NAME_FEMALE,
        Male = "male" => msg::case::NAME_MALE,
    }
}

id_enum! {
    /// `none`: no chronic kidney disease (the non-uremic population, issue 14).
    CkdStage { None = "none", G1 = "G1", G2 = "G2", G3a = "G3a", G3b = "G3b", G3 = "G3", G4 = "G4", G5 = "G5", G5D = "G5D" }
}

id_enum! {
    /// In words: form options, printed report.
    Dialysis {
        None = "none" => msg::case::NAME_NONE,
        Hemodialysis = "hemodialysis" => msg::case::NAME_HAEMODIALYSIS,
        Peritoneal = "peritoneal" => msg::case::NAME_PERITONEAL,
    }
}

id_enum! {
    /// In words: form options, printed report.
    Biopsy {
        NotDone = "not_done" => msg::case::NAME_NOT_DONE,
        Consistent = "consistent" => msg::case::NAME_CONSISTENT_WITH_CALCIPHYLAXIS,
        NotConsistent = "not_consistent" => msg::case::NAME_NOT_CONSISTENT,
    }
}

id_enum! {
    /// In words: form options, printed report.
    Response {
        None = "none" => msg::case::NAME_NO_RESPONSE,
        Partial = "partial" => msg::case::NAME_PARTIAL_RESPONSE,
        Complete = "complete" => msg::case::NAME_COMPLETE_RESPONSE,
    }
}

/// One message tied to a field path such as `labs.calcium_total` (serialised as that text).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub field: FieldPath,
    pub message: String,
}

impl Issue {
    pub fn new(field: impl Into<FieldPath>, message: impl Into<String>) -> Self {
        Issue {
            field: field.into(),
            message: message.into(),
        }
    }

    /// "field name: message", the field named for a person (see [`FieldPath::label`]).
    pub fn describe(&self, lang: Lang) -> String {
        let (label, message) = (self.field.label(lang), &self.message);
        tr!(lang, msg::case::DESCRIBE_LABEL_MESSAGE, label, message)
    }
}

fn is_empty_map<K, V>(map: &BTreeMap<K, V>) -> bool {
    map.is_empty()
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Patient {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_years: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight_kg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub height_cm: Option<f64>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Kidney {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ckd_stage: Option<CkdStage>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dialysis: Option<Dialysis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dialysis_vintage_months: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kidney_transplant: Option<bool>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Lesions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<f64>,
    /// How many ulcers (Hayashi criterion (2) counts ulcers, not lesions).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ulcer_count: Option<f64>,
    /// Empty means unknown (no site recorded).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<Site>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub biopsy: Option<Biopsy>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// A lab result as entered: numeric (`value` + `unit`) or qualitative (`result`).
/// `reference_low` / `reference_high` (an extension of format 1, in the entry's unit) let a
/// laboratory's own interval replace the default one.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LabEntry {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub result: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_low: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference_high: Option<f64>,
}

impl LabEntry {
    pub fn numeric(value: f64, unit: &str) -> Self {
        LabEntry {
            value: Some(value),
            unit: Some(unit.to_string()),
            ..Default::default()
        }
    }

    pub fn qualitative(result: &str) -> Self {
        LabEntry {
            result: Some(result.to_string()),
            ..Default::default()
        }
    }
}

/// One conventional therapy as recorded: tried (`true` when only the fact is known, or
/// its details), or recorded as not tried (`false`). A therapy the file does not name is
/// not recorded: it has no entry at all.
#[derive(Debug, Clone, PartialEq)]
pub enum TherapyTrial {
    Tried,
    Detail {
        weeks: Option<f64>,
        response: Option<Response>,
    },
    NotTried,
}

impl TherapyTrial {
    pub fn response(&self) -> Option<Response> {
        match self {
            TherapyTrial::Tried | TherapyTrial::NotTried => None,
            TherapyTrial::Detail { response, .. } => *response,
        }
    }

    /// Whether the therapy was given (`false` only when recorded as not tried).
    pub fn was_tried(&self) -> bool {
        !matches!(self, TherapyTrial::NotTried)
    }
}

impl Serialize for TherapyTrial {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        match self {
            TherapyTrial::Tried => serializer.serialize_bool(true),
            TherapyTrial::NotTried => serializer.serialize_bool(false),
            TherapyTrial::Detail { weeks, response } => {
                let mut map = serializer.serialize_map(None)?;
                if let Some(weeks) = weeks {
                    map.serialize_entry("weeks", weeks)?;
                }
                if let Some(response) = response {
                    map.serialize_entry("response", response)?;
                }
                map.end()
            }
        }
    }
}

id_enum! {
    /// How a follow-up treatment was given (`visits[].treatments[].route`).
    Route {
        Intravenous = "intravenous",
        Intramuscular = "intramuscular",
        Subcutaneous = "subcutaneous",
        Intralesional = "intralesional",
        Intraperitoneal = "intraperitoneal",
        Topical = "topical",
        Oral = "oral",
        Other = "other",
    }
}

/// What a follow-up treatment was: mesenchymal stem cells (`msc`) or one of the
/// conventional therapies (the `therapies_tried` ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TreatmentKind {
    Msc,
    Conventional(Therapy),
}

impl TreatmentKind {
    pub fn id(self) -> &'static str {
        match self {
            TreatmentKind::Msc => "msc",
            TreatmentKind::Conventional(therapy) => therapy.id(),
        }
    }

    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "msc" => Some(TreatmentKind::Msc),
            other => Therapy::from_id(other).map(TreatmentKind::Conventional),
        }
    }

    /// The accepted ids, for error messages.
    pub fn ids() -> String {
        format!("\"msc\", {}", Therapy::ids())
    }

    /// The treatment's name in the chosen language.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            TreatmentKind::Msc => msg::case::NAME_MESENCHYMAL_STEM_CELLS_MSC.get(lang),
            TreatmentKind::Conventional(therapy) => therapy.name(lang),
        }
    }
}

impl Serialize for TreatmentKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id())
    }
}

/// One treatment given at a follow-up visit.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Treatment {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<TreatmentKind>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<Route>,
    /// Free text as the clinician wrote it ("1×10^6 cells/kg").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dose: Option<String>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One follow-up visit (an extension of format 1, `docs/case-format-visits.md`). Every key
/// is optional; ranges (pain 0–10, area ≥ 0, a real date) are checked by `assess` (in
/// [`super::followup::response_summary`]), like the rest of the case.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Visit {
    /// `YYYY-MM-DD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The same entries as the case's `labs`.
    #[serde(skip_serializing_if = "is_empty_map")]
    pub labs: BTreeMap<String, LabEntry>,
    /// Total wound area, cm².
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wound_area_cm2: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wound_count: Option<f64>,
    /// 0–10 (NRS or VAS).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pain_score: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qol_score: Option<f64>,
    /// e.g. `Wound-QoL`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qol_instrument: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub biopsy: Option<Biopsy>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub treatments: Vec<Treatment>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Where a case field came from (the `provenance` extension, `docs/case-format.md`): the
/// source record's resource, its date and the code that matched. Informative only: the
/// assessment never reads it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct FieldSource {
    /// `Observation/abc`, or the bundle entry's `fullUrl`.
    pub resource: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// `system|code`, e.g. `http://loinc.org|17861-6`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Case {
    pub format: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub patient: Patient,
    pub kidney: Kidney,
    /// true / false; a missing id is unknown. Unknown ids are kept and warned about.
    #[serde(skip_serializing_if = "is_empty_map")]
    pub findings: BTreeMap<String, bool>,
    pub lesions: Lesions,
    #[serde(skip_serializing_if = "is_empty_map")]
    pub labs: BTreeMap<String, LabEntry>,
    /// `None`: not recorded. `Some(empty)`: recorded as none tried.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub therapies_tried: Option<BTreeMap<String, TherapyTrial>>,
    /// Follow-up visits, in the file's order (an extension of format 1). Empty: none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub visits: Vec<Visit>,
    /// Field path (`labs.calcium_total`) → its source record (an extension of format 1).
    #[serde(skip_serializing_if = "is_empty_map")]
    pub provenance: BTreeMap<String, FieldSource>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

impl Default for Case {
    fn default() -> Self {
        Case {
            format: CASE_FORMAT.to_string(),
            label: None,
            patient: Patient::default(),
            kidney: Kidney::default(),
            findings: BTreeMap::new(),
            lesions: Lesions::default(),
            labs: BTreeMap::new(),
            therapies_tried: None,
            visits: Vec::new(),
            provenance: BTreeMap::new(),
            extra: BTreeMap::new(),
        }
    }
}

impl Case {
    /// true / false / None (unknown) for a finding id.
    pub fn finding(&self, id: FindingId) -> Option<bool> {
        self.findings.get(id.id()).copied()
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The result of reading a case file: the case (whatever could be read) and what was
/// wrong with it.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedCase {
    pub case: Case,
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
}

/// Why a file is not a case at all (nothing can be assessed).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFileError(pub String);

impl std::fmt::Display for CaseFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for CaseFileError {}

/// Reads a case file's text. Fails only when the text is not a case at all (too large,
/// not JSON, not an object, another format); field-level problems are in `errors`.
/// Messages in English; see [`parse_case_text_in`].
pub fn parse_case_text(text: &str) -> Result<ParsedCase, CaseFileError> {
    parse_case_text_in(text, Lang::En)
}

/// Refuses a case file larger than [`MAX_CASE_BYTES`]. The app calls it with the file's size
/// before reading the file, and [`parse_case_text_in`] with the text's length.
pub fn check_case_size(bytes: u64, lang: Lang) -> Result<(), CaseFileError> {
    if bytes > MAX_CASE_BYTES as u64 {
        return Err(CaseFileError(tr!(
            lang,
            msg::case::FILE_TOO_LARGE,
            limit = MAX_CASE_BYTES,
            bytes = bytes
        )));
    }
    Ok(())
}

/// [`parse_case_text`] with its messages in `lang`.
pub fn parse_case_text_in(text: &str, lang: Lang) -> Result<ParsedCase, CaseFileError> {
    check_case_size(text.len() as u64, lang)?;
    let value: Value = serde_json::from_str(text).map_err(|e| not_json(&e, lang))?;
    parse_case_value_in(&value, lang)
}

/// Where and why the text stops being JSON, in our words: serde_json's own message is
/// English only.
fn not_json(error: &serde_json::Error, lang: Lang) -> CaseFileError {
    let (line, column) = (error.line(), error.column());
    // serde_json exposes only the category; the depth limit is a syntax error by its text.
    let too_deep = error.to_string().starts_with("recursion limit exceeded");
    CaseFileError(if error.is_eof() {
        tr!(
            lang,
            msg::case::NOT_JSON_NOT_VALID_JSON_THE_TEXT,
            column,
            line
        )
    } else if too_deep {
        tr!(
            lang,
            msg::case::NOT_JSON_NOT_VALID_JSON_NESTED_TOO,
            column,
            line
        )
    } else {
        tr!(
            lang,
            msg::case::NOT_JSON_NOT_VALID_JSON_AT_LINE,
            column,
            line
        )
    })
}

/// Reads a case from parsed JSON; messages in English (see [`parse_case_value_in`]).
pub fn parse_case_value(value: &Value) -> Result<ParsedCase, CaseFileError> {
    parse_case_value_in(value, Lang::En)
}

/// [`parse_case_value`] with its messages in `lang`.
pub fn parse_case_value_in(value: &Value, lang: Lang) -> Result<ParsedCase, CaseFileError> {
    let object = value.as_object().ok_or_else(|| {
        let found = type_name(value, lang);
        CaseFileError(tr!(
            lang,
            msg::case::PARSE_CASE_VALUE_IN_A_CASE_FILE_MUST_BE,
            found
        ))
    })?;
    let mut reader = Reader {
        lang,
        errors: Vec::new(),
        warnings: Vec::new(),
    };
    reader.format(object.get("format"))?;
    let case = reader.sections(object);
    Ok(ParsedCase {
        case,
        errors: reader.errors,
        warnings: reader.warnings,
    })
}

impl Reader {
    /// The file's `format`: absent is read as this format (a warning); another format or a
    /// value that is not a string refuses the whole file.
    fn format(&mut self, format: Option<&Value>) -> Result<(), CaseFileError> {
        let lang = self.lang;
        match format {
            None => self.warn(
                FieldPath::Format,
                tr!(
                    lang,
                    msg::case::PARSE_CASE_VALUE_IN_NO_FORMAT_READ_AS_CASE,
                    CASE_FORMAT
                ),
            ),
            Some(Value::String(format)) if format == CASE_FORMAT => {}
            Some(Value::String(format)) => {
                return Err(CaseFileError(tr!(
                    lang,
                    msg::case::PARSE_CASE_VALUE_IN_FORMAT_IS_FORMAT_BUT_THIS,
                    CASE_FORMAT,
                    format
                )))
            }
            Some(other) => {
                let found = type_name(other, lang);
                return Err(CaseFileError(tr!(
                    lang,
                    msg::case::PARSE_CASE_VALUE_IN_FORMAT_MUST_BE_THE_STRING,
                    CASE_FORMAT,
                    found
                )));
            }
        }
        Ok(())
    }

    /// The case from the file's sections; an unknown section is kept, to be given back.
    fn sections(&mut self, object: &serde_json::Map<String, Value>) -> Case {
        let mut case = Case::default();
        for (key, value) in object {
            match key.as_str() {
                "format" => {}
                "label" => case.label = self.string(value, &FieldPath::CaseLabel),
                "patient" => case.patient = self.patient(value),
                "kidney" => case.kidney = self.kidney(value),
                "findings" => case.findings = self.findings(value),
                "lesions" => case.lesions = self.lesions(value),
                "labs" => case.labs = self.labs(value),
                "therapies_tried" => case.therapies_tried = self.therapies(value),
                "visits" => case.visits = self.visits(value),
                "provenance" => case.provenance = self.provenance(value),
                _ => {
                    self.warn(
                        FieldPath::UnknownSection(key.clone()),
                        msg::case::PARSE_CASE_VALUE_IN_UNKNOWN_SECTION_KEPT_IN_THE.get(self.lang),
                    );
                    case.extra.insert(key.clone(), value.clone());
                }
            }
        }
        case
    }
}

fn type_name(value: &Value, lang: Lang) -> &'static str {
    match value {
        Value::Null => msg::case::TYPE_NAME_NULL.get(lang),
        Value::Bool(_) => msg::case::TYPE_NAME_A_TRUE_FALSE_VALUE.get(lang),
        Value::Number(_) => msg::case::TYPE_NAME_A_NUMBER.get(lang),
        Value::String(_) => msg::case::TYPE_NAME_TEXT.get(lang),
        Value::Array(_) => msg::case::TYPE_NAME_A_LIST.get(lang),
        Value::Object(_) => msg::case::TYPE_NAME_AN_OBJECT.get(lang),
    }
}

struct Reader {
    lang: Lang,
    errors: Vec<Issue>,
    warnings: Vec<Issue>,
}

impl Reader {
    fn unknown_field(&mut self, field: FieldPath) {
        let message = msg::case::UNKNOWN_FIELD_UNKNOWN_FIELD_IGNORED.get(self.lang);
        self.warn(field, message);
    }

    /// "expected …, found …" in the reader's language.
    fn wrong_type(&mut self, field: &FieldPath, expected: Text, found: &Value) {
        let lang = self.lang;
        let found = type_name(found, lang);
        let expected = expected.get(lang);
        self.error(
            field.clone(),
            tr!(
                lang,
                msg::case::WRONG_TYPE_EXPECTED_EXPECTED_FOUND_FOUND,
                expected,
                found
            ),
        );
    }

    fn error(&mut self, field: FieldPath, message: impl Into<String>) {
        self.errors.push(Issue::new(field, message));
    }

    fn warn(&mut self, field: FieldPath, message: impl Into<String>) {
        self.warnings.push(Issue::new(field, message));
    }

    fn object<'a>(
        &mut self,
        value: &'a Value,
        field: &FieldPath,
    ) -> Option<&'a Map<String, Value>> {
        match value {
            Value::Object(map) => Some(map),
            Value::Null => None,
            other => {
                self.wrong_type(field, msg::case::EXPECTED_AN_OBJECT, other);
                None
            }
        }
    }

    fn number(&mut self, value: &Value, field: &FieldPath) -> Option<f64> {
        match value {
            Value::Number(n) => n.as_f64(),
            Value::Null => None,
            other => {
                self.wrong_type(field, msg::case::EXPECTED_A_NUMBER, other);
                None
            }
        }
    }

    fn string(&mut self, value: &Value, field: &FieldPath) -> Option<String> {
        match value {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            other => {
                self.wrong_type(field, msg::case::EXPECTED_TEXT, other);
                None
            }
        }
    }

    fn boolean(&mut self, value: &Value, field: &FieldPath) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            other => {
                self.wrong_type(field, msg::case::EXPECTED_TRUE_OR_FALSE, other);
                None
            }
        }
    }

    fn choice<T>(
        &mut self,
        value: &Value,
        field: &FieldPath,
        from_id: fn(&str) -> Option<T>,
        ids: fn() -> String,
    ) -> Option<T> {
        let text = self.string(value, field)?;
        let parsed = from_id(&text);
        if parsed.is_none() {
            let ids = ids();
            self.error(
                field.clone(),
                tr!(self.lang, msg::case::CHOICE_TEXT_IS_NOT_ONE_OF, ids, text),
            );
        }
        parsed
    }

    fn patient(&mut self, value: &Value) -> Patient {
        let mut patient = Patient::default();
        let Some(map) = self.object(value, &FieldPath::Section(Section::Patient)) else {
            return patient;
        };
        for (key, value) in map {
            let field = FieldPath::Patient(Key::of(key));
            match key.as_str() {
                "age_years" => patient.age_years = self.number(value, &field),
                "sex" => patient.sex = self.choice(value, &field, Sex::from_id, Sex::ids),
                "weight_kg" => patient.weight_kg = self.number(value, &field),
                "height_cm" => patient.height_cm = self.number(value, &field),
                _ => {
                    self.unknown_field(field);
                    patient.extra.insert(key.clone(), value.clone());
                }
            }
        }
        patient
    }

    fn kidney(&mut self, value: &Value) -> Kidney {
        let mut kidney = Kidney::default();
        let Some(map) = self.object(value, &FieldPath::Section(Section::Kidney)) else {
            return kidney;
        };
        for (key, value) in map {
            let field = FieldPath::Kidney(Key::of(key));
            match key.as_str() {
                "ckd_stage" => {
                    kidney.ckd_stage = self.choice(value, &field, CkdStage::from_id, CkdStage::ids)
                }
                "dialysis" => {
                    kidney.dialysis = self.choice(value, &field, Dialysis::from_id, Dialysis::ids)
                }
                "dialysis_vintage_months" => {
                    kidney.dialysis_vintage_months = self.number(value, &field)
                }
                "kidney_transplant" => kidney.kidney_transplant = self.boolean(value, &field),
                _ => {
                    self.unknown_field(field);
                    kidney.extra.insert(key.clone(), value.clone());
                }
            }
        }
        kidney
    }

    fn findings(&mut self, value: &Value) -> BTreeMap<String, bool> {
        let mut findings = BTreeMap::new();
        let Some(map) = self.object(value, &FieldPath::Section(Section::Findings)) else {
            return findings;
        };
        for (key, value) in map {
            // Unknown ids are kept here; `assess` warns about them.
            if let Some(known) = self.boolean(value, &FieldPath::finding(key)) {
                findings.insert(key.clone(), known);
            }
        }
        findings
    }

    fn lesions(&mut self, value: &Value) -> Lesions {
        let mut lesions = Lesions::default();
        let Some(map) = self.object(value, &FieldPath::Section(Section::Lesions)) else {
            return lesions;
        };
        for (key, value) in map {
            let field = FieldPath::Lesions(Key::of(key));
            match key.as_str() {
                "count" => lesions.count = self.number(value, &field),
                "ulcer_count" => lesions.ulcer_count = self.number(value, &field),
                "sites" => match value {
                    Value::Array(items) => {
                        for (index, item) in items.iter().enumerate() {
                            let item_field = FieldPath::LesionSite(index);
                            if let Some(site) =
                                self.choice(item, &item_field, Site::from_id, Site::ids)
                            {
                                if !lesions.sites.contains(&site) {
                                    lesions.sites.push(site);
                                }
                            }
                        }
                    }
                    Value::Null => {}
                    other => self.wrong_type(&field, msg::case::EXPECTED_A_LIST_OF_SITES, other),
                },
                "biopsy" => {
                    lesions.biopsy = self.choice(value, &field, Biopsy::from_id, Biopsy::ids)
                }
                _ => {
                    self.unknown_field(field);
                    lesions.extra.insert(key.clone(), value.clone());
                }
            }
        }
        lesions
    }

    fn labs(&mut self, value: &Value) -> BTreeMap<String, LabEntry> {
        self.labs_at(value, &FieldPath::Section(Section::Labs), FieldPath::Lab)
    }

    /// Lab entries under `path` (`labs`, `visits[0].labs`); `entry` gives an entry's path.
    fn labs_at(
        &mut self,
        value: &Value,
        path: &FieldPath,
        entry_path: impl Fn(LabPath) -> FieldPath,
    ) -> BTreeMap<String, LabEntry> {
        let mut labs = BTreeMap::new();
        let Some(map) = self.object(value, path) else {
            return labs;
        };
        for (id, value) in map {
            let field = entry_path(LabPath::entry(id));
            let Some(entry_map) = self.object(value, &field) else {
                continue;
            };
            let mut entry = LabEntry::default();
            for (key, value) in entry_map {
                let sub = entry_path(LabPath::entry(id).with(Key::<LabField>::of(key)));
                match key.as_str() {
                    "value" => entry.value = self.number(value, &sub),
                    "unit" => entry.unit = self.string(value, &sub),
                    "result" => entry.result = self.string(value, &sub),
                    "date" => entry.date = self.string(value, &sub),
                    "reference_low" => entry.reference_low = self.number(value, &sub),
                    "reference_high" => entry.reference_high = self.number(value, &sub),
                    _ => self.unknown_field(sub),
                }
            }
            labs.insert(id.clone(), entry);
        }
        labs
    }

    fn visits(&mut self, value: &Value) -> Vec<Visit> {
        let mut visits = Vec::new();
        match value {
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    if let Some(map) = self.object(item, &FieldPath::Visit(index, None)) {
                        visits.push(self.visit(map, index));
                    }
                }
            }
            Value::Null => {}
            other => self.wrong_type(
                &FieldPath::Section(Section::Visits),
                msg::case::EXPECTED_A_LIST_OF_VISITS,
                other,
            ),
        }
        visits
    }

    fn visit(&mut self, map: &Map<String, Value>, index: usize) -> Visit {
        let mut visit = Visit::default();
        for (key, value) in map {
            let field = FieldPath::Visit(index, Some(VisitPath::Field(Key::of(key))));
            match key.as_str() {
                "date" => visit.date = self.string(value, &field),
                "labs" => {
                    visit.labs = self.labs_at(value, &field, |lab| {
                        FieldPath::Visit(index, Some(VisitPath::Lab(lab)))
                    })
                }
                "wound_area_cm2" => visit.wound_area_cm2 = self.number(value, &field),
                "wound_count" => visit.wound_count = self.number(value, &field),
                "pain_score" => visit.pain_score = self.number(value, &field),
                "qol_score" => visit.qol_score = self.number(value, &field),
                "qol_instrument" => visit.qol_instrument = self.string(value, &field),
                "biopsy" => visit.biopsy = self.choice(value, &field, Biopsy::from_id, Biopsy::ids),
                "note" => visit.note = self.string(value, &field),
                "treatments" => match value {
                    Value::Array(items) => {
                        for (t, item) in items.iter().enumerate() {
                            let item_path =
                                FieldPath::Visit(index, Some(VisitPath::Treatment(t, None)));
                            if let Some(map) = self.object(item, &item_path) {
                                visit.treatments.push(self.treatment(map, index, t));
                            }
                        }
                    }
                    Value::Null => {}
                    other => {
                        self.wrong_type(&field, msg::case::EXPECTED_A_LIST_OF_TREATMENTS, other)
                    }
                },
                _ => {
                    self.unknown_field(field);
                    visit.extra.insert(key.clone(), value.clone());
                }
            }
        }
        visit
    }

    fn treatment(&mut self, map: &Map<String, Value>, visit: usize, t: usize) -> Treatment {
        let mut treatment = Treatment::default();
        for (key, value) in map {
            let part = Some(Key::<TreatmentField>::of(key));
            let field = FieldPath::Visit(visit, Some(VisitPath::Treatment(t, part)));
            match key.as_str() {
                "kind" => {
                    treatment.kind =
                        self.choice(value, &field, TreatmentKind::from_id, TreatmentKind::ids)
                }
                "route" => treatment.route = self.choice(value, &field, Route::from_id, Route::ids),
                "dose" => treatment.dose = self.string(value, &field),
                _ => {
                    self.unknown_field(field);
                    treatment.extra.insert(key.clone(), value.clone());
                }
            }
        }
        treatment
    }

    /// The `provenance` extension: field path → `{resource, date?, code?}`. An entry that
    /// is not such an object is a warning (it never changes the assessment) and is dropped.
    fn provenance(&mut self, value: &Value) -> BTreeMap<String, FieldSource> {
        let mut sources = BTreeMap::new();
        let section = FieldPath::UnknownSection("provenance".into());
        let Some(map) = self.object(value, &section) else {
            return sources;
        };
        for (field, entry) in map {
            let text = |key: &str| entry.get(key).and_then(Value::as_str).map(str::to_string);
            match (entry.is_object(), text("resource")) {
                (true, Some(resource)) => {
                    let (date, code) = (text("date"), text("code"));
                    sources.insert(
                        field.clone(),
                        FieldSource {
                            resource,
                            date,
                            code,
                        },
                    );
                }
                _ => {
                    let message = msg::case::PROVENANCE_ENTRY_IGNORED.get(self.lang);
                    let path = FieldPath::UnknownSection(format!("provenance.{field}"));
                    self.warn(path, message);
                }
            }
        }
        sources
    }

    fn therapies(&mut self, value: &Value) -> Option<BTreeMap<String, TherapyTrial>> {
        let map = self.object(value, &FieldPath::Section(Section::Therapies))?;
        let mut therapies = BTreeMap::new();
        for (id, value) in map {
            let field = FieldPath::Therapy {
                id: id.clone(),
                part: None,
            };
            if Therapy::from_id(id).is_none() {
                let known = Therapy::ids();
                let message = tr!(
                    self.lang,
                    msg::case::THERAPIES_UNKNOWN_THERAPY_IGNORED_KNOWN_KNOWN,
                    known
                );
                self.warn(field, message);
                continue;
            }
            match value {
                Value::Bool(true) => {
                    therapies.insert(id.clone(), TherapyTrial::Tried);
                }
                Value::Bool(false) => {
                    therapies.insert(id.clone(), TherapyTrial::NotTried);
                }
                // `null` says nothing: the therapy stays not recorded.
                Value::Null => {}
                Value::Object(detail) => {
                    let mut weeks = None;
                    let mut response = None;
                    for (key, value) in detail {
                        let sub = FieldPath::Therapy {
                            id: id.clone(),
                            part: Some(Key::<TherapyField>::of(key)),
                        };
                        match key.as_str() {
                            "weeks" => weeks = self.number(value, &sub),
                            "response" => {
                                response =
                                    self.choice(value, &sub, Response::from_id, Response::ids)
                            }
                            _ => self.unknown_field(sub),
                        }
                    }
                    therapies.insert(id.clone(), TherapyTrial::Detail { weeks, response });
                }
                other => self.wrong_type(
                    &field,
                    msg::case::EXPECTED_TRIED_NOT_TRIED_OR_DETAILS,
                    other,
                ),
            }
        }
        Some(therapies)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spec_example_reads_without_errors() {
        let text = r#"{
          "format": "calciphylaxis-case/1",
          "label": "optional free text, never required",
          "patient": { "age_years": 56, "sex": "female", "weight_kg": 95, "height_cm": 162 },
          "kidney": { "ckd_stage": "G5D", "dialysis": "hemodialysis", "dialysis_vintage_months": 60, "kidney_transplant": false },
          "findings": { "diabetes_mellitus": true, "warfarin": true, "painful_skin_ulcers": true },
          "lesions": { "count": 3, "sites": ["thigh", "abdomen"], "biopsy": "not_done" },
          "labs": {
            "calcium_total": { "value": 9.1, "unit": "mg/dL" },
            "phosphate": { "value": 2.1, "unit": "mmol/L" },
            "albumin": { "value": 2.8, "unit": "g/dL" },
            "lupus_anticoagulant": { "result": "positive" },
            "factor_v_leiden": { "result": "not_detected" }
          },
          "therapies_tried": { "sodium_thiosulfate": { "weeks": 8, "response": "none" } }
        }"#;
        let parsed = parse_case_text(text).unwrap();
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        assert!(parsed.warnings.is_empty(), "{:?}", parsed.warnings);
        assert_eq!(parsed.case.patient.sex, Some(Sex::Female));
        assert_eq!(parsed.case.kidney.ckd_stage, Some(CkdStage::G5D));
        assert_eq!(parsed.case.lesions.sites, vec![Site::Thigh, Site::Abdomen]);
        assert_eq!(parsed.case.finding(FindingId::Warfarin), Some(true));
        assert_eq!(parsed.case.finding(FindingId::Sepsis), None);
    }

    #[test]
    fn wrong_types_are_errors_for_that_field_only() {
        let text = r#"{"format":"calciphylaxis-case/1",
            "patient": {"age_years": "fifty", "sex": "f", "weight_kg": 80},
            "findings": {"warfarin": "yes", "diabetes_mellitus": true},
            "labs": {"albumin": {"value": "3.1", "unit": "g/dL"}, "calcium_total": 9},
            "lesions": {"sites": "thigh"}}"#;
        let parsed = parse_case_text(text).unwrap();
        let mut fields: Vec<String> = parsed.errors.iter().map(|e| e.field.to_string()).collect();
        fields.sort_unstable();
        assert_eq!(
            fields,
            vec![
                "findings.warfarin",
                "labs.albumin.value",
                "labs.calcium_total",
                "lesions.sites",
                "patient.age_years",
                "patient.sex",
            ]
        );
        assert_eq!(parsed.case.patient.weight_kg, Some(80.0));
        assert_eq!(parsed.case.finding(FindingId::DiabetesMellitus), Some(true));
        assert_eq!(parsed.case.finding(FindingId::Warfarin), None);
    }

    #[test]
    fn not_a_case_is_a_file_error() {
        assert!(parse_case_text("{not json")
            .unwrap_err()
            .0
            .contains("not valid JSON"));
        assert!(parse_case_text("[1,2]")
            .unwrap_err()
            .0
            .contains("JSON object"));
        let other = parse_case_text(r#"{"format":"calciphylaxis-assessment/1"}"#).unwrap_err();
        assert!(other.0.contains("calciphylaxis-case/1"), "{other}");
        let huge = format!("{{\"label\":\"{}\"}}", "x".repeat(MAX_CASE_BYTES));
        assert!(parse_case_text(&huge).unwrap_err().0.contains("at most"));
    }

    #[test]
    fn unknown_keys_are_kept_and_warned_about() {
        let text = r#"{"format":"calciphylaxis-case/1","ward":"7B","patient":{"mrn":"x"}}"#;
        let parsed = parse_case_text(text).unwrap();
        assert_eq!(parsed.warnings.len(), 2);
        let back = serde_json::to_value(&parsed.case).unwrap();
        assert_eq!(back["ward"], "7B");
        assert_eq!(back["patient"]["mrn"], "x");
    }

    #[test]
    fn export_then_import_gives_the_same_case() {
        let mut case = Case::default();
        case.patient.age_years = Some(61.0);
        case.patient.sex = Some(Sex::Male);
        case.kidney.dialysis = Some(Dialysis::Peritoneal);
        case.findings.insert("warfarin".into(), true);
        case.findings.insert("sepsis".into(), false);
        case.lesions.sites = vec![Site::Foot];
        case.labs
            .insert("pth_intact".into(), LabEntry::numeric(1200.0, "pg/mL"));
        case.labs.insert(
            "lupus_anticoagulant".into(),
            LabEntry::qualitative("negative"),
        );
        let mut therapies = BTreeMap::new();
        therapies.insert("cinacalcet".to_string(), TherapyTrial::Tried);
        therapies.insert("wound_care".to_string(), TherapyTrial::NotTried);
        therapies.insert(
            "sodium_thiosulfate".to_string(),
            TherapyTrial::Detail {
                weeks: Some(6.0),
                response: Some(Response::Partial),
            },
        );
        case.therapies_tried = Some(therapies);
        let parsed = parse_case_text(&case.to_json_pretty()).unwrap();
        assert!(parsed.errors.is_empty() && parsed.warnings.is_empty());
        assert_eq!(parsed.case, case);
    }

    #[test]
    fn a_therapy_is_tried_not_tried_or_not_recorded() {
        let text = r#"{"format":"calciphylaxis-case/1","therapies_tried":{
            "wound_care": false, "stop_warfarin": true, "cinacalcet": null,
            "sodium_thiosulfate": {"weeks": 8, "response": "none"},
            "bisphosphonate": "no", "hyperbaric_oxygen": 0}}"#;
        let parsed = parse_case_text(text).unwrap();
        let fields: Vec<String> = parsed.errors.iter().map(|e| e.field.to_string()).collect();
        assert_eq!(
            fields,
            vec![
                "therapies_tried.bisphosphonate",
                "therapies_tried.hyperbaric_oxygen"
            ]
        );
        let therapies = parsed.case.therapies_tried.clone().unwrap();
        assert_eq!(therapies["wound_care"], TherapyTrial::NotTried);
        assert!(!therapies["wound_care"].was_tried());
        assert_eq!(therapies["stop_warfarin"], TherapyTrial::Tried);
        assert!(therapies["sodium_thiosulfate"].was_tried());
        // `null` and the values in error leave the therapy not recorded.
        assert_eq!(therapies.len(), 3, "{therapies:?}");

        let exported: Value = serde_json::from_str(&parsed.case.to_json_pretty()).unwrap();
        assert_eq!(
            exported["therapies_tried"],
            serde_json::json!({
                "wound_care": false,
                "stop_warfarin": true,
                "sodium_thiosulfate": { "weeks": 8.0, "response": "none" }
            })
        );
        let again = parse_case_text(&parsed.case.to_json_pretty()).unwrap();
        assert!(again.errors.is_empty() && again.warnings.is_empty());
        assert_eq!(again.case, parsed.case);
    }
}
