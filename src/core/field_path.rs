//! Where in a case an input error or warning is: a typed field path.
//!
//! A [`FieldPath`] serialises to the published path text (`patient.sex`, `labs.albumin.unit`,
//! `lesions.sites[1]`, `visits[2].pain_score`: the decision goldens and the end-to-end tests
//! pin it) and gives a person's words for it in each language with [`FieldPath::label`].
//! A key of the user's own file that the app does not know is kept as typed and shown
//! quoted, as unknown.

use crate::core::i18n::msg;
use std::fmt;

use serde::Serialize;

use super::findings::{known_finding, Therapy};
use super::followup::ClinicalMarker;
use super::i18n::{Lang, Text};
use super::labs::known_lab;
use crate::tr;

/// A key of a section: one the format defines, or one the app does not know (kept as typed).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Key<K> {
    Known(K),
    Unknown(String),
}

/// The keys of one section of the format.
pub trait Keyed: Copy + 'static {
    const ALL: &'static [Self];
    fn id(self) -> &'static str;
    fn words(self) -> Text;
}

impl<K: Keyed> Key<K> {
    /// The key `id` of the file: known, or kept as unknown.
    pub fn of(id: &str) -> Self {
        K::ALL
            .iter()
            .find(|k| k.id() == id)
            .map_or_else(|| Key::Unknown(id.to_string()), |k| Key::Known(*k))
    }

    /// The key as written in the file.
    pub fn id(&self) -> &str {
        match self {
            Key::Known(key) => key.id(),
            Key::Unknown(key) => key,
        }
    }
}

/// A closed set of keys with their id in the file and their name in each language.
macro_rules! keys {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal => $text:expr;)+ }) => {
        id_enum! { $(#[$meta])* $name { $($variant = $id => $text),+ } }

        impl Keyed for $name {
            const ALL: &'static [$name] = $name::ALL;

            fn id(self) -> &'static str {
                $name::id(self)
            }

            fn words(self) -> Text {
                $name::text(self)
            }
        }
    };
}

keys! {
    /// The sections of a case file, as a whole (a section of the wrong type).
    Section {
        Patient = "patient" => msg::field_path::NAME_PATIENT;
        Kidney = "kidney" => msg::field_path::NAME_KIDNEY;
        Findings = "findings" => msg::field_path::NAME_FINDINGS;
        Lesions = "lesions" => msg::field_path::NAME_SKIN_LESIONS;
        Labs = "labs" => msg::field_path::NAME_LABS;
        Therapies = "therapies_tried" => msg::field_path::NAME_THERAPIES_TRIED;
        Visits = "visits" => msg::field_path::NAME_FOLLOW_UP_VISITS;
    }
}

keys! {
    PatientField {
        Age = "age_years" => msg::field_path::NAME_AGE_YEARS;
        Sex = "sex" => msg::field_path::NAME_SEX;
        Weight = "weight_kg" => msg::field_path::NAME_WEIGHT_KG;
        Height = "height_cm" => msg::field_path::NAME_HEIGHT_CM;
    }
}

keys! {
    KidneyField {
        CkdStage = "ckd_stage" => msg::field_path::NAME_CKD_STAGE;
        Dialysis = "dialysis" => msg::field_path::NAME_DIALYSIS;
        Vintage = "dialysis_vintage_months" => msg::field_path::NAME_DIALYSIS_VINTAGE_MONTHS;
        Transplant = "kidney_transplant" => msg::field_path::NAME_KIDNEY_TRANSPLANT;
    }
}

keys! {
    LesionField {
        Count = "count" => msg::field_path::NAME_NUMBER_OF_LESIONS;
        UlcerCount = "ulcer_count" => msg::field_path::NAME_NUMBER_OF_ULCERS;
        Sites = "sites" => msg::field_path::NAME_LESION_SITES;
        Biopsy = "biopsy" => msg::field_path::NAME_SKIN_BIOPSY;
    }
}

keys! {
    /// The keys of one lab entry.
    LabField {
        Value = "value" => msg::field_path::NAME_VALUE;
        Unit = "unit" => msg::field_path::NAME_UNIT;
        Result = "result" => msg::field_path::NAME_RESULT;
        Date = "date" => msg::field_path::NAME_DATE;
        ReferenceLow = "reference_low" => msg::field_path::NAME_LOWER_REFERENCE_LIMIT;
        ReferenceHigh = "reference_high" => msg::field_path::NAME_UPPER_REFERENCE_LIMIT;
    }
}

keys! {
    TherapyField {
        Weeks = "weeks" => msg::field_path::NAME_WEEKS;
        Response = "response" => msg::field_path::NAME_RESPONSE;
    }
}

keys! {
    /// The keys of a visit; the markers are named as in the response to treatment.
    VisitField {
        Date = "date" => msg::field_path::NAME_DATE;
        Labs = "labs" => msg::field_path::NAME_LABS_2;
        WoundArea = "wound_area_cm2" => ClinicalMarker::WoundArea.text();
        WoundCount = "wound_count" => ClinicalMarker::WoundCount.text();
        Pain = "pain_score" => ClinicalMarker::PainScore.text();
        Qol = "qol_score" => ClinicalMarker::QolScore.text();
        QolInstrument = "qol_instrument" => msg::field_path::NAME_QUALITY_OF_LIFE_INSTRUMENT;
        Biopsy = "biopsy" => msg::field_path::NAME_SKIN_BIOPSY_2;
        Note = "note" => msg::field_path::NAME_NOTE;
        Treatments = "treatments" => msg::field_path::NAME_TREATMENTS;
    }
}

keys! {
    TreatmentField {
        Kind = "kind" => msg::field_path::NAME_KIND;
        Route = "route" => msg::field_path::NAME_ROUTE;
        Dose = "dose" => msg::field_path::NAME_DOSE;
    }
}

/// A lab entry (`labs.<id>`, `visits[i].labs.<id>`) or one of its keys.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LabPath {
    /// The lab's id as written in the file (known to the catalogue or not).
    pub id: String,
    pub part: Option<Key<LabField>>,
}

/// Inside one visit.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum VisitPath {
    Field(Key<VisitField>),
    Lab(LabPath),
    /// `treatments[t]`, or one of its keys.
    Treatment(usize, Option<Key<TreatmentField>>),
}

/// Where in the case a message belongs (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum FieldPath {
    /// `format`.
    Format,
    /// `label`.
    CaseLabel,
    /// A whole section (`patient`, `visits` …).
    Section(Section),
    /// A top-level key the format does not define (serialised `""` when empty).
    UnknownSection(String),
    Patient(Key<PatientField>),
    Kidney(Key<KidneyField>),
    /// `findings.<id>`, the id as written (in the catalogue or not).
    Finding(String),
    Lesions(Key<LesionField>),
    /// `lesions.sites[i]`.
    LesionSite(usize),
    Lab(LabPath),
    /// `therapies_tried.<id>`, or one of its keys.
    Therapy {
        id: String,
        part: Option<Key<TherapyField>>,
    },
    /// `visits[i]`, or a path inside that visit.
    Visit(usize, Option<VisitPath>),
}

impl FieldPath {
    pub fn patient(field: PatientField) -> Self {
        FieldPath::Patient(Key::Known(field))
    }

    pub fn kidney(field: KidneyField) -> Self {
        FieldPath::Kidney(Key::Known(field))
    }

    pub fn lesions(field: LesionField) -> Self {
        FieldPath::Lesions(Key::Known(field))
    }

    pub fn finding(id: &str) -> Self {
        FieldPath::Finding(id.to_string())
    }

    /// `labs.<id>`.
    pub fn lab(id: &str) -> Self {
        FieldPath::Lab(LabPath::entry(id))
    }

    /// `labs.<id>.<part>`.
    pub fn lab_part(id: &str, part: LabField) -> Self {
        FieldPath::Lab(LabPath::entry(id).with(Key::Known(part)))
    }

    pub fn therapy(id: &str, part: Option<TherapyField>) -> Self {
        FieldPath::Therapy {
            id: id.to_string(),
            part: part.map(Key::Known),
        }
    }

    /// `visits[index].<field>`.
    pub fn visit(index: usize, field: VisitField) -> Self {
        FieldPath::Visit(index, Some(VisitPath::Field(Key::Known(field))))
    }

    /// `visits[index].labs.<id>`.
    pub fn visit_lab(index: usize, id: &str) -> Self {
        FieldPath::Visit(index, Some(VisitPath::Lab(LabPath::entry(id))))
    }

    /// The key `part` of this lab entry (`labs.<id>` → `labs.<id>.<part>`); a path that is
    /// not a lab entry is returned unchanged.
    pub fn lab_key(mut self, part: LabField) -> Self {
        if let FieldPath::Lab(lab) | FieldPath::Visit(_, Some(VisitPath::Lab(lab))) = &mut self {
            lab.part = Some(Key::Known(part));
        }
        self
    }

    /// Reads a path text back (the inverse of `Display` for every path the app reports;
    /// an unknown key containing `.` or `[` may read back differently).
    pub fn parse(text: &str) -> Option<FieldPath> {
        parse::path(text)
    }

    /// What a person calls this field, in `lang`: never an id of the app (a key of the
    /// user's file that the app does not know is quoted as unknown).
    pub fn label(&self, lang: Lang) -> String {
        match self {
            FieldPath::Format => msg::field_path::LABEL_FILE_FORMAT.get(lang).to_string(),
            FieldPath::CaseLabel => msg::field_path::LABEL_CASE_LABEL.get(lang).to_string(),
            FieldPath::Section(section) => section.name(lang).to_string(),
            FieldPath::UnknownSection(key) => unknown_key(key, lang),
            FieldPath::Patient(key) => key_label(Section::Patient, key, lang),
            FieldPath::Kidney(key) => key_label(Section::Kidney, key, lang),
            FieldPath::Finding(id) => finding_label(id, lang),
            FieldPath::Lesions(key) => key_label(Section::Lesions, key, lang),
            FieldPath::LesionSite(index) => {
                let n = index + 1;
                tr!(lang, msg::field_path::LABEL_SKIN_LESION_SITE_N, n)
            }
            FieldPath::Lab(lab) => lab.label(lang),
            FieldPath::Therapy { id, part } => therapy_label(id, part.as_ref(), lang),
            FieldPath::Visit(index, inner) => visit_label(*index, inner.as_ref(), lang),
        }
    }
}

impl LabPath {
    pub fn entry(id: &str) -> Self {
        LabPath {
            id: id.to_string(),
            part: None,
        }
    }

    pub fn with(mut self, part: Key<LabField>) -> Self {
        self.part = Some(part);
        self
    }

    /// The lab's catalogue name (or the id quoted as unknown), then the key.
    pub fn label(&self, lang: Lang) -> String {
        let name = match known_lab(&self.id) {
            Some(known) => known.name(lang).to_string(),
            None => {
                let id = &self.id;
                tr!(lang, msg::field_path::LABEL_UNKNOWN_LAB_ID, id)
            }
        };
        part_label(&name, self.part.as_ref(), lang)
    }
}

/// `{whole} · {part}`, or `{whole}: unknown field "key"`.
fn part_label<K: Keyed>(whole: &str, part: Option<&Key<K>>, lang: Lang) -> String {
    match part {
        None => whole.to_string(),
        Some(Key::Known(key)) => {
            let part = key.words().get(lang);
            tr!(lang, msg::field_path::PART_LABEL_WHOLE_PART, part, whole)
        }
        Some(Key::Unknown(key)) => {
            let unknown = unknown_key(key, lang);
            tr!(
                lang,
                msg::field_path::PART_LABEL_WHOLE_UNKNOWN,
                unknown,
                whole
            )
        }
    }
}

fn unknown_key(key: &str, lang: Lang) -> String {
    tr!(lang, msg::field_path::UNKNOWN_KEY_UNKNOWN_FIELD_KEY, key)
}

/// A key of the patient, kidney or lesions section: its name, or the section's name and
/// the key quoted as unknown.
fn key_label<K: Keyed>(section: Section, key: &Key<K>, lang: Lang) -> String {
    match key {
        Key::Known(known) => known.words().get(lang).to_string(),
        Key::Unknown(_) => part_label(section.name(lang), Some(key), lang),
    }
}

fn finding_label(id: &str, lang: Lang) -> String {
    match known_finding(id) {
        Some(finding) => {
            let name = finding.label(lang);
            tr!(lang, msg::field_path::FINDING_LABEL_FINDING_NAME, name)
        }
        None => tr!(lang, msg::field_path::FINDING_LABEL_UNKNOWN_FINDING_ID, id),
    }
}

fn therapy_label(id: &str, part: Option<&Key<TherapyField>>, lang: Lang) -> String {
    let name = match Therapy::from_id(id) {
        Some(therapy) => therapy.name(lang).to_string(),
        None => tr!(lang, msg::field_path::THERAPY_LABEL_UNKNOWN_THERAPY_ID, id),
    };
    part_label(&name, part, lang)
}

fn visit_label(index: usize, inner: Option<&VisitPath>, lang: Lang) -> String {
    let n = index + 1;
    let visit = tr!(lang, msg::field_path::VISIT_LABEL_VISIT_N, n);
    match inner {
        None => visit,
        Some(VisitPath::Field(key)) => part_label(&visit, Some(key), lang),
        Some(VisitPath::Lab(lab)) => {
            let part = lab.label(lang);
            tr!(lang, msg::field_path::VISIT_LABEL_VISIT_PART, part, visit)
        }
        Some(VisitPath::Treatment(t, part)) => {
            let m = t + 1;
            let treatment = tr!(
                lang,
                msg::field_path::VISIT_LABEL_VISIT_TREATMENT_M,
                m,
                visit
            );
            part_label(&treatment, part.as_ref(), lang)
        }
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Format => f.write_str("format"),
            FieldPath::CaseLabel => f.write_str("label"),
            FieldPath::Section(section) => f.write_str(section.id()),
            // An empty key still names a field the user can find: `""`.
            FieldPath::UnknownSection(key) if key.is_empty() => f.write_str("\"\""),
            FieldPath::UnknownSection(key) => f.write_str(key),
            FieldPath::Patient(key) => write!(f, "patient.{}", key.id()),
            FieldPath::Kidney(key) => write!(f, "kidney.{}", key.id()),
            FieldPath::Finding(id) => write!(f, "findings.{id}"),
            FieldPath::Lesions(key) => write!(f, "lesions.{}", key.id()),
            FieldPath::LesionSite(index) => write!(f, "lesions.sites[{index}]"),
            FieldPath::Lab(lab) => write!(f, "labs.{lab}"),
            FieldPath::Therapy { id, part: None } => write!(f, "therapies_tried.{id}"),
            FieldPath::Therapy { id, part: Some(k) } => {
                write!(f, "therapies_tried.{id}.{}", k.id())
            }
            FieldPath::Visit(index, None) => write!(f, "visits[{index}]"),
            FieldPath::Visit(index, Some(inner)) => write!(f, "visits[{index}].{inner}"),
        }
    }
}

impl fmt::Display for LabPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.part {
            None => f.write_str(&self.id),
            Some(part) => write!(f, "{}.{}", self.id, part.id()),
        }
    }
}

impl fmt::Display for VisitPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VisitPath::Field(key) => f.write_str(key.id()),
            VisitPath::Lab(lab) => write!(f, "labs.{lab}"),
            VisitPath::Treatment(t, None) => write!(f, "treatments[{t}]"),
            VisitPath::Treatment(t, Some(key)) => write!(f, "treatments[{t}].{}", key.id()),
        }
    }
}

impl Serialize for FieldPath {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Compares the published text (tests and the form's field lookup).
impl PartialEq<str> for FieldPath {
    fn eq(&self, other: &str) -> bool {
        self.to_string().as_str() == other
    }
}

impl PartialEq<&str> for FieldPath {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

mod parse {
    use super::*;

    /// `name[index]` → (name, index).
    fn indexed(text: &str) -> Option<(&str, usize)> {
        let (name, rest) = text.split_once('[')?;
        let index = rest.strip_suffix(']')?.parse().ok()?;
        Some((name, index))
    }

    fn lab(text: &str) -> LabPath {
        match text.split_once('.') {
            None => LabPath::entry(text),
            Some((id, part)) => LabPath::entry(id).with(Key::of(part)),
        }
    }

    pub(super) fn path(text: &str) -> Option<FieldPath> {
        if text == "\"\"" {
            return Some(FieldPath::UnknownSection(String::new()));
        }
        if let Some(rest) = text.strip_prefix("visits[") {
            let (index, rest) = rest.split_once(']')?;
            let index = index.parse().ok()?;
            return match rest {
                "" => Some(FieldPath::Visit(index, None)),
                _ => Some(FieldPath::Visit(
                    index,
                    Some(visit(rest.strip_prefix('.')?)?),
                )),
            };
        }
        let (head, rest) = match text.split_once('.') {
            Some((head, rest)) => (head, Some(rest)),
            None => (text, None),
        };
        Some(match (head, rest) {
            ("format", None) => FieldPath::Format,
            ("label", None) => FieldPath::CaseLabel,
            (head, None) => match Key::<Section>::of(head) {
                Key::Known(section) => FieldPath::Section(section),
                Key::Unknown(key) => FieldPath::UnknownSection(key),
            },
            ("patient", Some(key)) => FieldPath::Patient(Key::of(key)),
            ("kidney", Some(key)) => FieldPath::Kidney(Key::of(key)),
            ("findings", Some(id)) => FieldPath::Finding(id.to_string()),
            ("lesions", Some(key)) => match indexed(key) {
                Some(("sites", index)) => FieldPath::LesionSite(index),
                _ => FieldPath::Lesions(Key::of(key)),
            },
            ("labs", Some(rest)) => FieldPath::Lab(lab(rest)),
            ("therapies_tried", Some(rest)) => match rest.split_once('.') {
                None => FieldPath::Therapy {
                    id: rest.to_string(),
                    part: None,
                },
                Some((id, key)) => FieldPath::Therapy {
                    id: id.to_string(),
                    part: Some(Key::of(key)),
                },
            },
            _ => return None,
        })
    }

    fn visit(text: &str) -> Option<VisitPath> {
        if let Some(rest) = text.strip_prefix("labs.") {
            return Some(VisitPath::Lab(lab(rest)));
        }
        if text.starts_with("treatments[") {
            let (head, key) = match text.split_once("].") {
                Some((head, key)) => (format!("{head}]"), Some(key)),
                None => (text.to_string(), None),
            };
            let (_, index) = indexed(&head)?;
            return Some(VisitPath::Treatment(index, key.map(Key::of)));
        }
        Some(VisitPath::Field(Key::of(text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One path of every kind, with the text it is published as.
    fn every_kind() -> Vec<(FieldPath, &'static str)> {
        [case_paths(), lab_and_therapy_paths(), visit_paths()].concat()
    }

    /// The case's own sections and fields: patient, kidney, findings, lesions.
    fn case_paths() -> Vec<(FieldPath, &'static str)> {
        vec![
            (FieldPath::Format, "format"),
            (FieldPath::CaseLabel, "label"),
            (FieldPath::Section(Section::Therapies), "therapies_tried"),
            (FieldPath::Section(Section::Visits), "visits"),
            (FieldPath::UnknownSection("ward".into()), "ward"),
            (FieldPath::UnknownSection(String::new()), "\"\""),
            (FieldPath::patient(PatientField::Sex), "patient.sex"),
            (
                FieldPath::Patient(Key::Unknown("mrn".into())),
                "patient.mrn",
            ),
            (FieldPath::kidney(KidneyField::CkdStage), "kidney.ckd_stage"),
            (
                FieldPath::kidney(KidneyField::Vintage),
                "kidney.dialysis_vintage_months",
            ),
            (FieldPath::finding("warfarin"), "findings.warfarin"),
            (FieldPath::finding("mystery"), "findings.mystery"),
            (FieldPath::lesions(LesionField::Count), "lesions.count"),
            (FieldPath::LesionSite(2), "lesions.sites[2]"),
        ]
    }

    /// A lab's entry and its parts; a therapy and its details.
    fn lab_and_therapy_paths() -> Vec<(FieldPath, &'static str)> {
        vec![
            (FieldPath::lab("albumin"), "labs.albumin"),
            (FieldPath::lab("mystery"), "labs.mystery"),
            (
                FieldPath::lab_part("albumin", LabField::Unit),
                "labs.albumin.unit",
            ),
            (
                FieldPath::lab_part("pth_intact", LabField::ReferenceHigh),
                "labs.pth_intact.reference_high",
            ),
            (
                FieldPath::Lab(LabPath::entry("albumin").with(Key::Unknown("flag".into()))),
                "labs.albumin.flag",
            ),
            (
                FieldPath::therapy("sodium_thiosulfate", None),
                "therapies_tried.sodium_thiosulfate",
            ),
            (
                FieldPath::therapy("sodium_thiosulfate", Some(TherapyField::Weeks)),
                "therapies_tried.sodium_thiosulfate.weeks",
            ),
        ]
    }

    /// A visit, its fields, its labs and its treatments.
    fn visit_paths() -> Vec<(FieldPath, &'static str)> {
        let treatment = |t, part| FieldPath::Visit(1, Some(VisitPath::Treatment(t, part)));
        vec![
            (FieldPath::Visit(0, None), "visits[0]"),
            (
                FieldPath::visit(2, VisitField::Pain),
                "visits[2].pain_score",
            ),
            (FieldPath::visit(0, VisitField::Date), "visits[0].date"),
            (
                FieldPath::Visit(0, Some(VisitPath::Field(Key::Unknown("ward".into())))),
                "visits[0].ward",
            ),
            (FieldPath::visit_lab(1, "albumin"), "visits[1].labs.albumin"),
            (
                FieldPath::visit_lab(1, "albumin").lab_key(LabField::Date),
                "visits[1].labs.albumin.date",
            ),
            (treatment(0, None), "visits[1].treatments[0]"),
            (
                treatment(3, Some(Key::Known(TreatmentField::Kind))),
                "visits[1].treatments[3].kind",
            ),
        ]
    }

    #[test]
    fn every_kind_serialises_to_its_published_text_and_reads_back() {
        for (path, text) in every_kind() {
            assert_eq!(path.to_string(), text);
            assert_eq!(
                serde_json::to_value(&path).unwrap(),
                serde_json::json!(text)
            );
            assert_eq!(FieldPath::parse(text), Some(path.clone()), "{text}");
            assert_eq!(path, text);
        }
    }

    #[test]
    fn labels_are_words_in_both_languages_never_ids() {
        let snake = |s: &str| {
            // What the user wrote in the file is quoted; only our own words are checked.
            let ours: String = s.split('"').step_by(2).collect();
            ours.split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .any(|word| word.contains('_'))
        };
        for (path, text) in every_kind() {
            for lang in [Lang::En, Lang::Zh] {
                let label = path.label(lang);
                assert!(!label.is_empty(), "{text}");
                assert!(!snake(&label), "{text} in {lang:?}: {label}");
                assert!(!label.contains('['), "{text} in {lang:?}: {label}");
                assert_ne!(label, text, "{text} in {lang:?}");
            }
        }
    }

    #[test]
    fn labels_name_the_field_as_a_clinician_would() {
        let pain = FieldPath::visit(2, VisitField::Pain);
        assert_eq!(pain.label(Lang::En), "Visit 3 · Pain score (NRS/VAS)");
        assert_eq!(pain.label(Lang::Zh), "第 3 次随访 · 疼痛评分（NRS/VAS）");
        assert_eq!(
            FieldPath::LesionSite(0).label(Lang::En),
            "Skin lesion site 1"
        );
        assert_eq!(FieldPath::LesionSite(0).label(Lang::Zh), "皮损部位 1");
        let warfarin = FieldPath::finding("warfarin");
        assert!(warfarin.label(Lang::En).starts_with("Finding: Warfarin"));
        assert!(warfarin.label(Lang::Zh).starts_with("临床表现：华法林"));
        assert_eq!(
            FieldPath::lab_part("albumin", LabField::Unit).label(Lang::Zh),
            "白蛋白 · 单位"
        );
        assert_eq!(
            FieldPath::patient(PatientField::Sex).label(Lang::Zh),
            "性别"
        );
        let unknown = FieldPath::UnknownSection("foo".into());
        assert_eq!(unknown.label(Lang::En), "unknown field \"foo\"");
        assert_eq!(unknown.label(Lang::Zh), "未知字段 \"foo\"");
        let nested = FieldPath::Patient(Key::Unknown("mrn".into()));
        assert_eq!(nested.label(Lang::En), "Patient: unknown field \"mrn\"");
        assert_eq!(nested.label(Lang::Zh), "患者：未知字段 \"mrn\"");
    }
}
