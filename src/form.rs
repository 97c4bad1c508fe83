//! The form as the user typed it, and its conversion to a [`Case`].
//!
//! Numbers are kept as the text typed, so a value that is not a number stays in its field
//! (with a message) and is simply left out of the case. No web dependency: tested natively.

use crate::core::i18n::msg;
use std::collections::BTreeMap;

use crate::core::case::{
    Biopsy, Case, CkdStage, Dialysis, Issue, LabEntry, Response, Route, Sex, TherapyTrial,
    Treatment, TreatmentKind, Visit,
};
use crate::core::field_path::{
    FieldPath, KidneyField, LabField, LesionField, PatientField, TherapyField, VisitField,
};
use crate::core::findings::{FindingId, Site, Therapy};
use crate::core::i18n::Lang;
use crate::core::inputs::{from_canonical, to_canonical};
use crate::core::labs::{fmt_number, known_lab, LabId, LabKind};

mod import;
pub mod sections;
pub use import::{RecordField, RecordImport};
pub use sections::{FormSection, SectionFill, MINERAL_LABS};

/// Which unit system new lab fields start in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnitSystem {
    #[default]
    Conventional,
    Si,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct LabInput {
    /// Numeric labs: the text typed, and the unit symbol chosen.
    pub text: String,
    pub unit: String,
    /// Qualitative labs: the result id, "" when not entered.
    pub result: String,
    /// The laboratory's own limits, as typed (same unit).
    pub upper_limit: String,
    pub lower_limit: String,
    /// The result's date (YYYY-MM-DD), kept from an imported case.
    pub date: String,
    /// Imported with a value but without a unit: shown as "no unit" and left out of the
    /// assessment until a unit is chosen. Never given a default unit, which would change
    /// what the number means.
    pub unit_missing: bool,
}

impl LabInput {
    /// The unit the field shows: the one chosen, else the preferred system's; "" for a
    /// value imported without a unit.
    pub fn shown_unit(&self, lab_id: &str, units: UnitSystem) -> String {
        if self.unit_missing {
            String::new()
        } else if self.unit.is_empty() {
            default_unit(lab_id, units)
        } else {
            self.unit.clone()
        }
    }

    /// The case entry for `value` typed in this field, in the unit shown; without a unit
    /// when it is missing (the engine then says "no unit given" at the field).
    fn numeric_entry(&self, lab_id: &str, value: f64, units: UnitSystem) -> LabEntry {
        let mut entry = LabEntry::numeric(value, &self.shown_unit(lab_id, units));
        if self.unit_missing {
            entry.unit = None;
        }
        entry
    }

    /// The field for a case's lab entry; the unit in the catalogue's spelling when known.
    fn from_entry(id: &str, entry: &LabEntry) -> Self {
        let text = |value: Option<f64>| value.map(exact_text).unwrap_or_default();
        LabInput {
            text: text(entry.value),
            unit: entry
                .unit
                .as_deref()
                .and_then(|u| known_lab(id).and_then(|l| l.parse_unit(u)))
                .map(|u| u.symbol.to_string())
                .or_else(|| entry.unit.clone())
                .unwrap_or_default(),
            result: entry.result.clone().unwrap_or_default(),
            upper_limit: text(entry.reference_high),
            lower_limit: text(entry.reference_low),
            date: entry.date.clone().unwrap_or_default(),
            unit_missing: unit_missing(id, entry),
        }
    }

    /// The case's entry for this field: a qualitative result, or a numeric value with the
    /// laboratory's limits; `None` when nothing (readable) was entered. Numbers that cannot
    /// be read are reported through `number`.
    fn to_entry(
        &self,
        id: &str,
        units: UnitSystem,
        number: &mut impl FnMut(FieldPath, &str) -> Option<f64>,
    ) -> Option<LabEntry> {
        let date = Some(self.date.clone()).filter(|d| !d.is_empty());
        match known_lab(id)?.kind {
            LabKind::Qualitative { .. } if !self.result.is_empty() => {
                let mut entry = LabEntry::qualitative(&self.result);
                entry.date = date;
                Some(entry)
            }
            LabKind::Qualitative { .. } => None,
            LabKind::Numeric { .. } => {
                let value = number(FieldPath::lab(id), &self.text);
                let high = FieldPath::lab_part(id, LabField::ReferenceHigh);
                let upper = number(high, &self.upper_limit);
                let low = FieldPath::lab_part(id, LabField::ReferenceLow);
                let lower = number(low, &self.lower_limit);
                let mut entry = self.numeric_entry(id, value?, units);
                entry.reference_high = upper;
                entry.reference_low = lower;
                entry.date = date;
                Some(entry)
            }
        }
    }
}

/// An imported numeric lab that has a value but no unit, where the unit matters (only a
/// dimensionless ratio, the INR, may omit it).
fn unit_missing(lab_id: &str, entry: &LabEntry) -> bool {
    let Some(lab) = known_lab(lab_id) else {
        return false;
    };
    let units = lab.units();
    let ratio_only = units.len() == 1 && units[0].symbol == "ratio";
    entry.value.is_some() && entry.unit.is_none() && !units.is_empty() && !ratio_only
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct TherapyInput {
    /// `None`: not recorded (unknown), which is not the same as not tried.
    pub choice: Option<TherapyChoice>,
    pub weeks: String,
}

impl TherapyInput {
    /// The fields for a therapy as the case records it.
    fn from_trial(trial: &TherapyTrial) -> Self {
        let weeks = match trial {
            TherapyTrial::Detail { weeks, .. } => weeks.map(exact_text).unwrap_or_default(),
            TherapyTrial::Tried | TherapyTrial::NotTried => String::new(),
        };
        TherapyInput {
            choice: Some(TherapyChoice::of_trial(trial)),
            weeks,
        }
    }
}

/// What the form says of a conventional therapy: recorded as not tried (`false` in the
/// file), or tried, with its response when one is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TherapyChoice {
    NotTried,
    Tried(Option<Response>),
}

impl TherapyChoice {
    /// The select's value: `not_tried`, `tried`, or the response id.
    pub fn id(self) -> &'static str {
        match self {
            TherapyChoice::NotTried => "not_tried",
            TherapyChoice::Tried(None) => "tried",
            TherapyChoice::Tried(Some(response)) => response.id(),
        }
    }

    /// The choice of a select's value; `None` for any other (unknown).
    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "not_tried" => Some(TherapyChoice::NotTried),
            "tried" => Some(TherapyChoice::Tried(None)),
            _ => Response::from_id(id).map(|r| TherapyChoice::Tried(Some(r))),
        }
    }

    /// Every choice, in the form's order.
    pub fn all() -> impl Iterator<Item = TherapyChoice> {
        [TherapyChoice::NotTried, TherapyChoice::Tried(None)]
            .into_iter()
            .chain(Response::ALL.iter().map(|r| TherapyChoice::Tried(Some(*r))))
    }

    /// The choice for a therapy as the case records it.
    fn of_trial(trial: &TherapyTrial) -> Self {
        match trial {
            TherapyTrial::NotTried => TherapyChoice::NotTried,
            TherapyTrial::Tried => TherapyChoice::Tried(None),
            TherapyTrial::Detail { response, .. } => TherapyChoice::Tried(*response),
        }
    }

    /// The case's record of the therapy, with the weeks typed (a response or a duration
    /// makes it a detailed trial; weeks are not recorded for a therapy not tried).
    fn trial(self, weeks: Option<f64>) -> TherapyTrial {
        match self {
            TherapyChoice::NotTried => TherapyTrial::NotTried,
            TherapyChoice::Tried(None) if weeks.is_none() => TherapyTrial::Tried,
            TherapyChoice::Tried(response) => TherapyTrial::Detail { weeks, response },
        }
    }
}

/// The labs a follow-up visit asks for: the markers the published hAMSC cases tracked.
pub const VISIT_LABS: &[LabId] = &[
    LabId::Platelets,
    LabId::DDimer,
    LabId::Fibrinogen,
    LabId::Plasminogen,
    LabId::CalciumTotal,
    LabId::Phosphate,
    LabId::PthIntact,
    LabId::Albumin,
];

/// An MSC treatment given at a visit, as the form's select says it: by a route, or with
/// the route not recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MscGiven {
    Route(Route),
    RouteNotRecorded,
}

impl MscGiven {
    /// The select's value: the route id, or `given` when the route is not recorded.
    pub fn id(self) -> &'static str {
        match self {
            MscGiven::Route(route) => route.id(),
            MscGiven::RouteNotRecorded => "given",
        }
    }

    /// The treatment of a select's value; `None` for any other (no MSC at this visit).
    pub fn from_id(id: &str) -> Option<Self> {
        match id {
            "given" => Some(MscGiven::RouteNotRecorded),
            _ => Route::from_id(id).map(MscGiven::Route),
        }
    }

    /// Every choice: route not recorded, then each route.
    pub fn all() -> impl Iterator<Item = MscGiven> {
        std::iter::once(MscGiven::RouteNotRecorded)
            .chain(Route::ALL.iter().map(|r| MscGiven::Route(*r)))
    }

    fn route(self) -> Option<Route> {
        match self {
            MscGiven::Route(route) => Some(route),
            MscGiven::RouteNotRecorded => None,
        }
    }
}

/// One follow-up visit as typed. `base` is the visit as imported: whatever the form does
/// not show (notes, other treatments, unknown keys) is given back unchanged.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct VisitInput {
    pub base: Visit,
    pub date: String,
    pub pain: String,
    pub wound_area: String,
    pub wound_count: String,
    pub qol: String,
    pub labs: BTreeMap<String, LabInput>,
    /// The MSC treatment given at this visit; `None` when none was.
    pub msc: Option<MscGiven>,
    /// Its dose, as the clinician writes it ("1×10^6 cells/kg").
    pub msc_dose: String,
    pub biopsy: Option<Biopsy>,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Form {
    pub label: String,
    pub age: String,
    pub sex: Option<Sex>,
    pub weight: String,
    pub height: String,
    pub ckd_stage: Option<CkdStage>,
    pub dialysis: Option<Dialysis>,
    pub vintage: String,
    pub transplant: Option<bool>,
    pub findings: BTreeMap<String, bool>,
    pub lesion_count: String,
    /// Hayashi (2) counts ulcers.
    pub ulcer_count: String,
    pub sites: Vec<Site>,
    pub biopsy: Option<Biopsy>,
    pub labs: BTreeMap<String, LabInput>,
    pub therapies: BTreeMap<String, TherapyInput>,
    pub visits: Vec<VisitInput>,
    pub units: UnitSystem,
    /// What an imported case carried that the form does not show, given back on export.
    pub carried: Case,
}

/// Why the text typed in a number field is not a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberError {
    /// A decimal comma: refused rather than guessed at.
    DecimalComma,
    /// Anything else that does not read as a finite number (the text, trimmed).
    NotANumber(String),
}

impl NumberError {
    /// What the field shows, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            NumberError::DecimalComma => msg::form::MESSAGE_USE_A_DECIMAL_POINT_NOT
                .get(lang)
                .to_string(),
            NumberError::NotANumber(text) => {
                crate::tr!(lang, msg::form::MESSAGE_TEXT_IS_NOT_A_NUMBER, text)
            }
        }
    }
}

impl std::fmt::Display for NumberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Parses a number as typed. A decimal comma is refused rather than guessed at: "1,005"
/// could be one thousand and five or one point zero zero five.
pub fn parse_number(text: &str) -> Result<Option<f64>, NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    if trimmed.contains(',') {
        return Err(NumberError::DecimalComma);
    }
    match trimmed.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(Some(value)),
        _ => Err(NumberError::NotANumber(trimmed.to_string())),
    }
}

impl Form {
    pub fn new(units: UnitSystem) -> Self {
        Form {
            units,
            ..Default::default()
        }
    }

    /// Nothing entered (the preferred unit system aside).
    pub fn is_blank(&self) -> bool {
        *self == Form::new(self.units)
    }

    /// The unit a lab field shows: the one chosen, else the preferred system's; "" for a
    /// value imported without a unit.
    pub fn unit_of(&self, lab_id: &str) -> String {
        self.labs.get(lab_id).map_or_else(
            || default_unit(lab_id, self.units),
            |input| input.shown_unit(lab_id, self.units),
        )
    }

    /// Switches a lab's unit, converting the value typed so nothing is lost.
    pub fn set_unit(&mut self, lab_id: &str, new_unit: &str) {
        let old_unit = self.unit_of(lab_id);
        let input = self.labs.entry(lab_id.to_string()).or_default();
        convert_unit(lab_id, input, &old_unit, new_unit);
    }

    /// The case the form describes, and the fields whose text could not be read (messages
    /// in English; see [`Form::to_case_in`]).
    pub fn to_case(&self) -> (Case, Vec<Issue>) {
        self.to_case_in(Lang::En)
    }

    /// [`Form::to_case`] with the messages in `lang`.
    pub fn to_case_in(&self, lang: Lang) -> (Case, Vec<Issue>) {
        let mut errors = Vec::new();
        let mut number = |field: FieldPath, text: &str| match parse_number(text) {
            Ok(value) => value,
            Err(error) => {
                errors.push(Issue::new(field, error.message(lang)));
                None
            }
        };
        let mut case = self.carried.clone();
        case.label = Some(self.label.trim().to_string()).filter(|l| !l.is_empty());
        case.patient.age_years = number(FieldPath::patient(PatientField::Age), &self.age);
        case.patient.sex = self.sex;
        case.patient.weight_kg = number(FieldPath::patient(PatientField::Weight), &self.weight);
        case.patient.height_cm = number(FieldPath::patient(PatientField::Height), &self.height);
        case.kidney.ckd_stage = self.ckd_stage;
        case.kidney.dialysis = self.dialysis;
        case.kidney.dialysis_vintage_months =
            number(FieldPath::kidney(KidneyField::Vintage), &self.vintage);
        case.kidney.kidney_transplant = self.transplant;
        case.findings = self.findings.clone();
        case.lesions.count = number(FieldPath::lesions(LesionField::Count), &self.lesion_count);
        case.lesions.ulcer_count = number(
            FieldPath::lesions(LesionField::UlcerCount),
            &self.ulcer_count,
        );
        case.lesions.sites = self.sites.clone();
        case.lesions.biopsy = self.biopsy;
        // `carried` holds only the labs the form cannot show; the form's own are added here.
        for (id, input) in &self.labs {
            if let Some(entry) = input.to_entry(id, self.units, &mut number) {
                case.labs.insert(id.clone(), entry);
            }
        }
        case.therapies_tried = self.therapies_tried(&mut number);
        case.visits = self
            .visits
            .iter()
            .enumerate()
            .map(|(index, input)| input.to_visit(index, self.units, &mut number))
            .collect();
        (case, errors)
    }

    /// The therapies recorded (tried or not tried); `None` when none is. Weeks that are
    /// not a number are reported even for a therapy left unknown.
    fn therapies_tried(
        &self,
        number: &mut impl FnMut(FieldPath, &str) -> Option<f64>,
    ) -> Option<BTreeMap<String, TherapyTrial>> {
        let mut therapies = BTreeMap::new();
        for (id, input) in &self.therapies {
            let weeks = number(
                FieldPath::therapy(id, Some(TherapyField::Weeks)),
                &input.weeks,
            );
            if let Some(choice) = input.choice {
                therapies.insert(id.clone(), choice.trial(weeks));
            }
        }
        (!therapies.is_empty()).then_some(therapies)
    }

    /// The form for a case (an import, an example or a saved case).
    pub fn from_case(case: &Case, units: UnitSystem) -> Self {
        let text = |value: Option<f64>| value.map(exact_text).unwrap_or_default();
        let mut form = Form::new(units);
        form.label = case.label.clone().unwrap_or_default();
        form.age = text(case.patient.age_years);
        form.sex = case.patient.sex;
        form.weight = text(case.patient.weight_kg);
        form.height = text(case.patient.height_cm);
        form.ckd_stage = case.kidney.ckd_stage;
        form.dialysis = case.kidney.dialysis;
        form.vintage = text(case.kidney.dialysis_vintage_months);
        form.transplant = case.kidney.kidney_transplant;
        form.findings = case.findings.clone();
        form.lesion_count = text(case.lesions.count);
        form.ulcer_count = text(case.lesions.ulcer_count);
        form.sites = case.lesions.sites.clone();
        form.biopsy = case.lesions.biopsy;
        form.labs = case
            .labs
            .iter()
            .map(|(id, entry)| (id.clone(), LabInput::from_entry(id, entry)))
            .collect();
        form.therapies = case
            .therapies_tried
            .iter()
            .flatten()
            .map(|(id, trial)| (id.clone(), TherapyInput::from_trial(trial)))
            .collect();
        form.visits = case.visits.iter().map(VisitInput::from_visit).collect();
        form.carried = not_shown(case);
        form
    }
}

/// What a case holds that the form has no field for, to give it back on export: unknown
/// keys, and labs the form cannot show (an id not in the catalogue, a qualitative lab given
/// only a number), which travel unchanged; the engine reports them as it reads them.
fn not_shown(case: &Case) -> Case {
    // Provenance travels unchanged; an edit of a field ends its source (`Form::apply`).
    let mut carried = Case {
        extra: case.extra.clone(),
        provenance: case.provenance.clone(),
        ..Case::default()
    };
    carried.patient.extra = case.patient.extra.clone();
    carried.kidney.extra = case.kidney.extra.clone();
    carried.lesions.extra = case.lesions.extra.clone();
    carried.labs = case
        .labs
        .iter()
        .filter(|(id, entry)| match known_lab(id).map(|l| &l.kind) {
            None => true,
            Some(LabKind::Qualitative { .. }) => entry.result.is_none(),
            Some(LabKind::Numeric { .. }) => false,
        })
        .map(|(id, entry)| (id.clone(), entry.clone()))
        .collect();
    carried
}

/// A text field of the case itself (not of a lab, a therapy or a visit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseText {
    Label,
    Age,
    Weight,
    Height,
    Vintage,
    LesionCount,
    UlcerCount,
}

/// A numeric lab's text fields: its value and the laboratory's own limits (same unit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabText {
    Value,
    UpperLimit,
    LowerLimit,
}

/// A text field of a follow-up visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitText {
    Date,
    Pain,
    WoundArea,
    WoundCount,
    Qol,
    MscDose,
}

/// Every edit the form makes, as data: the components send these, [`Form::apply`] performs
/// them, so typing can be tested and fuzzed without a browser. Text is kept as typed (a
/// value that is not a number stays in its field); lab and finding ids are catalogue ids.
#[derive(Debug, Clone, PartialEq)]
pub enum FormEdit {
    /// The unit system new lab fields start in.
    Units(UnitSystem),
    Text(CaseText, String),
    Sex(Option<Sex>),
    CkdStage(Option<CkdStage>),
    Dialysis(Option<Dialysis>),
    /// Kidney transplant: yes, no or unknown.
    Transplant(Option<bool>),
    Biopsy(Option<Biopsy>),
    /// A finding (`findings::FINDINGS` id): present, absent or unknown.
    Finding(FindingId, Option<bool>),
    /// A lesion site ticked (`true`) or not.
    Site(Site, bool),
    /// A numeric lab's value or limit, as typed.
    LabText(LabId, LabText, String),
    /// A numeric lab's unit: the numbers typed are converted, nothing is lost.
    LabUnit(LabId, String),
    /// A qualitative lab's result id; "" for unknown.
    LabResult(LabId, String),
    /// A therapy's choice; `None`: not recorded.
    TherapyResponse(Therapy, Option<TherapyChoice>),
    TherapyWeeks(Therapy, String),
    AddVisit,
    /// Removes the visit at this index (nothing when there is none).
    RemoveVisit(usize),
    /// An edit of the visit at this index (nothing when there is none).
    Visit(usize, VisitEdit),
}

/// An edit of one follow-up visit.
#[derive(Debug, Clone, PartialEq)]
pub enum VisitEdit {
    Text(VisitText, String),
    /// The MSC treatment given at this visit; `None`: no MSC at this visit.
    MscRoute(Option<MscGiven>),
    Biopsy(Option<Biopsy>),
    /// A visit lab's value (one of [`VISIT_LABS`]), as typed.
    LabText(LabId, String),
    /// A visit lab's unit: the value typed is converted.
    LabUnit(LabId, String),
}

impl Form {
    /// Performs one edit.
    pub fn apply(&mut self, edit: FormEdit) {
        // An edited value is the clinician's, no longer the record's.
        if let Some(path) = Form::edited_field(&edit) {
            self.carried.provenance.remove(&path.to_string());
        }
        match edit {
            FormEdit::Units(units) => self.units = units,
            FormEdit::Text(field, text) => *self.text_mut(field) = text,
            FormEdit::Sex(sex) => self.sex = sex,
            FormEdit::CkdStage(stage) => self.ckd_stage = stage,
            FormEdit::Dialysis(dialysis) => self.dialysis = dialysis,
            FormEdit::Transplant(transplant) => self.transplant = transplant,
            FormEdit::Biopsy(biopsy) => self.biopsy = biopsy,
            FormEdit::Finding(id, Some(value)) => {
                self.findings.insert(id.id().to_string(), value);
            }
            FormEdit::Finding(id, None) => {
                self.findings.remove(id.id());
            }
            FormEdit::Site(site, ticked) => {
                self.sites.retain(|s| *s != site);
                if ticked {
                    self.sites.push(site);
                    self.sites.sort();
                }
            }
            FormEdit::LabText(id, field, text) => self.set_lab_text(id.id(), field, text),
            FormEdit::LabUnit(id, unit) => self.set_unit(id.id(), &unit),
            FormEdit::LabResult(id, result) => {
                self.labs.entry(id.id().to_string()).or_default().result = result
            }
            FormEdit::TherapyResponse(therapy, choice) => self.therapy_mut(therapy).choice = choice,
            FormEdit::TherapyWeeks(therapy, weeks) => self.therapy_mut(therapy).weeks = weeks,
            FormEdit::AddVisit => self.visits.push(VisitInput::default()),
            FormEdit::RemoveVisit(index) => {
                if index < self.visits.len() {
                    self.visits.remove(index);
                }
            }
            FormEdit::Visit(index, edit) => {
                let units = self.units;
                if let Some(visit) = self.visits.get_mut(index) {
                    visit.apply(edit, units);
                }
            }
        }
    }

    fn text_mut(&mut self, field: CaseText) -> &mut String {
        match field {
            CaseText::Label => &mut self.label,
            CaseText::Age => &mut self.age,
            CaseText::Weight => &mut self.weight,
            CaseText::Height => &mut self.height,
            CaseText::Vintage => &mut self.vintage,
            CaseText::LesionCount => &mut self.lesion_count,
            CaseText::UlcerCount => &mut self.ulcer_count,
        }
    }

    fn therapy_mut(&mut self, therapy: Therapy) -> &mut TherapyInput {
        self.therapies.entry(therapy.id().to_string()).or_default()
    }

    /// Typing into a lab fixes the unit it was typed in: a later change of the preferred
    /// unit system must not change what the number means.
    fn set_lab_text(&mut self, id: &'static str, field: LabText, text: String) {
        let unit = self.unit_of(id);
        let input = self.labs.entry(id.to_string()).or_default();
        *match field {
            LabText::Value => &mut input.text,
            LabText::UpperLimit => &mut input.upper_limit,
            LabText::LowerLimit => &mut input.lower_limit,
        } = text;
        if input.unit.is_empty() {
            input.unit = unit;
        }
    }
}

impl VisitInput {
    /// Performs one edit of this visit; `units` is the form's preferred system.
    pub fn apply(&mut self, edit: VisitEdit, units: UnitSystem) {
        match edit {
            VisitEdit::Text(field, text) => {
                *match field {
                    VisitText::Date => &mut self.date,
                    VisitText::Pain => &mut self.pain,
                    VisitText::WoundArea => &mut self.wound_area,
                    VisitText::WoundCount => &mut self.wound_count,
                    VisitText::Qol => &mut self.qol,
                    VisitText::MscDose => &mut self.msc_dose,
                } = text
            }
            VisitEdit::MscRoute(msc) => self.msc = msc,
            VisitEdit::Biopsy(biopsy) => self.biopsy = biopsy,
            VisitEdit::LabText(lab, text) => {
                let id = lab.id();
                let input = self.labs.entry(id.to_string()).or_default();
                input.text = text;
                // As for the case's labs: the unit typed in is fixed (none for an import
                // without one, which stays "no unit" until one is chosen).
                if input.unit.is_empty() && !input.unit_missing {
                    input.unit = default_unit(id, units);
                }
            }
            VisitEdit::LabUnit(lab, new_unit) => {
                let id = lab.id();
                let input = self.labs.entry(id.to_string()).or_default();
                let old_unit = input.shown_unit(id, units);
                convert_unit(id, input, &old_unit, &new_unit);
            }
        }
    }
}

impl VisitInput {
    pub fn from_visit(visit: &Visit) -> Self {
        let text = |value: Option<f64>| value.map(exact_text).unwrap_or_default();
        let msc = visit
            .treatments
            .iter()
            .find(|t| t.kind == Some(TreatmentKind::Msc));
        VisitInput {
            base: visit.clone(),
            date: visit.date.clone().unwrap_or_default(),
            pain: text(visit.pain_score),
            wound_area: text(visit.wound_area_cm2),
            wound_count: text(visit.wound_count),
            qol: text(visit.qol_score),
            labs: visit
                .labs
                .iter()
                .filter(|(id, _)| VISIT_LABS.iter().any(|lab| lab.id() == id.as_str()))
                .map(|(id, entry)| {
                    let input = LabInput {
                        text: text(entry.value),
                        unit: entry.unit.clone().unwrap_or_default(),
                        unit_missing: unit_missing(id, entry),
                        ..Default::default()
                    };
                    (id.clone(), input)
                })
                .collect(),
            msc: msc.map(|t| t.route.map_or(MscGiven::RouteNotRecorded, MscGiven::Route)),
            msc_dose: msc.and_then(|t| t.dose.clone()).unwrap_or_default(),
            biopsy: visit.biopsy,
        }
    }

    /// The visit, with the numbers that could not be read reported through `number`.
    fn to_visit(
        &self,
        index: usize,
        units: UnitSystem,
        number: &mut impl FnMut(FieldPath, &str) -> Option<f64>,
    ) -> Visit {
        let field = |name: VisitField| FieldPath::visit(index, name);
        let mut visit = self.base.clone();
        visit.date = Some(self.date.trim().to_string()).filter(|d| !d.is_empty());
        visit.pain_score = number(field(VisitField::Pain), &self.pain);
        visit.wound_area_cm2 = number(field(VisitField::WoundArea), &self.wound_area);
        visit.wound_count = number(field(VisitField::WoundCount), &self.wound_count);
        visit.qol_score = number(field(VisitField::Qol), &self.qol);
        visit.biopsy = self.biopsy;
        if visit.qol_score.is_some() && visit.qol_instrument.is_none() {
            visit.qol_instrument = Some("Wound-QoL".to_string());
        }
        for id in VISIT_LABS.iter().map(|lab| lab.id()) {
            visit.labs.remove(id);
            let Some(input) = self.labs.get(id) else {
                continue;
            };
            if let Some(value) = number(FieldPath::visit_lab(index, id), &input.text) {
                visit
                    .labs
                    .insert(id.to_string(), input.numeric_entry(id, value, units));
            }
        }
        self.put_msc(&mut visit.treatments);
        visit
    }

    /// The MSC treatment of this visit, as chosen; its dose and other treatments are kept.
    fn put_msc(&self, treatments: &mut Vec<Treatment>) {
        let is_msc = |t: &Treatment| t.kind == Some(TreatmentKind::Msc);
        let Some(msc) = self.msc else {
            treatments.retain(|t| !is_msc(t));
            return;
        };
        let route = msc.route();
        let dose = Some(self.msc_dose.trim().to_string()).filter(|d| !d.is_empty());
        match treatments.iter_mut().find(|t| is_msc(t)) {
            Some(treatment) => {
                treatment.route = route;
                treatment.dose = dose;
            }
            None => treatments.insert(
                0,
                Treatment {
                    kind: Some(TreatmentKind::Msc),
                    route,
                    dose,
                    ..Default::default()
                },
            ),
        }
    }
}

/// A number from a case file as the form shows it: the shortest text that reads back as the
/// same number (never rounded: 0.0000004 stays 0.0000004, not 0).
fn exact_text(value: f64) -> String {
    value.to_string()
}

/// Changes `input`'s unit from `old_unit` to `new_unit`, converting every number typed
/// (text that is not a number, or a number too large to convert, is kept as it is). For a
/// value imported without a unit, choosing one says what the number is in: nothing is
/// converted.
pub fn convert_unit(lab_id: &str, input: &mut LabInput, old_unit: &str, new_unit: &str) {
    if input.unit_missing {
        input.unit_missing = false;
        input.unit = new_unit.to_string();
        return;
    }
    if let Some(lab) = known_lab(lab_id) {
        if let (Some(from), Some(to)) = (lab.parse_unit(old_unit), lab.parse_unit(new_unit)) {
            for text in [
                &mut input.text,
                &mut input.upper_limit,
                &mut input.lower_limit,
            ] {
                if let Ok(Some(value)) = parse_number(text) {
                    let converted = from_canonical(to_canonical(value, from), to);
                    // A value past f64 in the new unit would be shown as "inf", which is not
                    // a number: it is kept as typed (and stays implausible either way).
                    if converted.is_finite() {
                        *text = fmt_number(converted, significant_decimals(converted));
                    }
                }
            }
        }
    }
    input.unit = new_unit.to_string();
}

pub fn default_unit(lab_id: &str, units: UnitSystem) -> String {
    let Some(lab) = known_lab(lab_id) else {
        return String::new();
    };
    let units_of = lab.units();
    let chosen = match units {
        UnitSystem::Conventional => units_of.first(),
        UnitSystem::Si => units_of.iter().find(|u| u.si).or(units_of.first()),
    };
    chosen.map(|u| u.symbol.to_string()).unwrap_or_default()
}

fn significant_decimals(value: f64) -> usize {
    let magnitude = value.abs();
    if magnitude >= 100.0 {
        1
    } else if magnitude >= 1.0 {
        3
    } else {
        4
    }
}

/// Every therapy id, for the form's list.
pub fn therapies() -> &'static [Therapy] {
    Therapy::ALL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_strictly() {
        assert_eq!(parse_number(" 3.5 "), Ok(Some(3.5)));
        assert_eq!(parse_number(""), Ok(None));
        let comma = parse_number("3,5").unwrap_err();
        assert!(comma.message(Lang::En).contains("decimal point"));
        assert!(comma.message(Lang::Zh).contains("小数点"));
        let word = parse_number("abc").unwrap_err();
        assert_eq!(word.message(Lang::En), "\"abc\" is not a number");
        assert_eq!(word.message(Lang::Zh), "\"abc\" 不是数字");
        assert!(parse_number("inf").is_err());
        assert!(parse_number("NaN").is_err());
    }

    #[test]
    fn switching_unit_converts_and_back() {
        let mut form = Form::new(UnitSystem::Conventional);
        form.labs.entry("calcium_total".into()).or_default().text = "10".into();
        form.set_unit("calcium_total", "mmol/L");
        assert_eq!(form.labs["calcium_total"].text, "2.495");
        form.set_unit("calcium_total", "mg/dL");
        assert_eq!(form.labs["calcium_total"].text, "10");
        // Text that is not a number is kept as typed.
        form.labs.get_mut("calcium_total").unwrap().text = "9.x".into();
        form.set_unit("calcium_total", "mmol/L");
        assert_eq!(form.labs["calcium_total"].text, "9.x");
    }

    #[test]
    fn a_bad_number_is_an_error_and_left_out() {
        let mut form = Form::new(UnitSystem::Si);
        form.age = "sixty".into();
        form.vintage = "72".into();
        form.labs.entry("albumin".into()).or_default().text = "3,1".into();
        let (case, errors) = form.to_case();
        let fields: Vec<String> = errors.iter().map(|e| e.field.to_string()).collect();
        assert_eq!(fields, vec!["patient.age_years", "labs.albumin"]);
        assert_eq!(case.patient.age_years, None);
        assert_eq!(case.kidney.dialysis_vintage_months, Some(72.0));
        assert!(!case.labs.contains_key("albumin"));
    }

    #[test]
    fn every_example_survives_case_form_case() {
        for entry in std::fs::read_dir("examples/cases").unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let parsed = crate::core::case::parse_case_text(&text).unwrap();
            let form = Form::from_case(&parsed.case, UnitSystem::Conventional);
            let (back, errors) = form.to_case();
            assert!(errors.is_empty(), "{}: {errors:?}", path.display());
            assert_eq!(back, parsed.case, "{}", path.display());
        }
    }

    #[test]
    fn not_tried_and_unknown_are_separate_therapy_choices() {
        let text = r#"{"format":"calciphylaxis-case/1",
            "therapies_tried":{"wound_care":false,"stop_warfarin":true}}"#;
        let case = crate::core::case::parse_case_text(text).unwrap().case;
        let mut form = Form::from_case(&case, UnitSystem::Conventional);
        assert_eq!(
            form.therapies["wound_care"].choice,
            Some(TherapyChoice::NotTried)
        );
        assert_eq!(
            form.therapies["stop_warfarin"].choice,
            Some(TherapyChoice::Tried(None))
        );
        assert!(!form.therapies.contains_key("cinacalcet"));
        let (back, errors) = form.to_case();
        assert!(errors.is_empty());
        assert_eq!(back.therapies_tried, case.therapies_tried);

        // "Not tried" chosen for a therapy the case did not name is written as `false`.
        form.therapies
            .entry("cinacalcet".into())
            .or_default()
            .choice = Some(TherapyChoice::NotTried);
        let json: serde_json::Value =
            serde_json::from_str(&form.to_case().0.to_json_pretty()).unwrap();
        assert_eq!(json["therapies_tried"]["cinacalcet"], false);

        // "Unknown" removes the therapy from the file: not recorded.
        form.therapies.get_mut("wound_care").unwrap().choice = None;
        form.therapies.get_mut("cinacalcet").unwrap().choice = None;
        let therapies = form.to_case().0.therapies_tried.unwrap();
        assert_eq!(therapies.keys().collect::<Vec<_>>(), vec!["stop_warfarin"]);
    }

    #[test]
    fn every_select_value_reads_back_and_anything_else_is_unknown() {
        let choices: Vec<_> = TherapyChoice::all().collect();
        assert_eq!(choices.len(), 5, "not tried, tried, and three responses");
        for choice in choices {
            assert_eq!(TherapyChoice::from_id(choice.id()), Some(choice));
        }
        assert_eq!(MscGiven::all().count(), 1 + Route::ALL.len());
        for msc in MscGiven::all() {
            assert_eq!(MscGiven::from_id(msc.id()), Some(msc));
        }
        assert_eq!(TherapyChoice::from_id(""), None);
        assert_eq!(MscGiven::from_id(""), None);
        assert_eq!(MscGiven::from_id("msc"), None);
    }

    #[test]
    fn visits_and_unknown_keys_survive_the_form() {
        let text = r#"{"format":"calciphylaxis-case/1","ward":"7B",
            "kidney":{"dialysis":"hemodialysis"},
            "visits":[{"date":"2024-01-05","pain_score":8,"wound_area_cm2":40,
                       "treatments":[{"kind":"msc","route":"intravenous"}]},
                      {"date":"2024-03-01","pain_score":3}]}"#;
        let parsed = crate::core::case::parse_case_text(text).unwrap();
        assert_eq!(parsed.case.visits.len(), 2);
        let (back, errors) = Form::from_case(&parsed.case, UnitSystem::Si).to_case();
        assert!(errors.is_empty());
        assert_eq!(back, parsed.case);
    }

    #[test]
    fn visits_are_edited_without_losing_what_the_form_does_not_show() {
        let text = r#"{"format":"calciphylaxis-case/1",
            "visits":[{"date":"2024-01-05","pain_score":8,"note":"left thigh",
                       "labs":{"platelets":{"value":420,"unit":"10^9/L"},"crp":{"value":3,"unit":"mg/dL"}},
                       "treatments":[{"kind":"msc","route":"intravenous","dose":"1e6/kg"},
                                     {"kind":"sodium_thiosulfate"}]}]}"#;
        let parsed = crate::core::case::parse_case_text(text).unwrap();
        let mut form = Form::from_case(&parsed.case, UnitSystem::Conventional);
        form.visits[0].pain = "5".into();
        form.visits[0].msc = Some(MscGiven::Route(Route::Topical));
        form.visits.push(VisitInput {
            date: "2024-02-01".into(),
            pain: "x".into(),
            ..Default::default()
        });
        let (case, errors) = form.to_case();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].field, "visits[1].pain_score");
        let first = &case.visits[0];
        assert_eq!(first.pain_score, Some(5.0));
        assert_eq!(first.note.as_deref(), Some("left thigh"));
        assert!(first.labs.contains_key("crp") && first.labs.contains_key("platelets"));
        assert_eq!(first.treatments.len(), 2);
        assert_eq!(first.treatments[0].route, Route::from_id("topical"));
        assert_eq!(first.treatments[0].dose.as_deref(), Some("1e6/kg"));
        assert_eq!(case.visits[1].pain_score, None);
    }

    /// The edits a clinician makes typing a case, in order.
    fn typed_case() -> Vec<FormEdit> {
        use FormEdit::*;
        vec![
            Text(CaseText::Label, " Bed 12 ".into()),
            Text(CaseText::Age, "67".into()),
            Sex(Some(crate::core::case::Sex::Female)),
            CkdStage(Some(crate::core::case::CkdStage::G5D)),
            Dialysis(Some(crate::core::case::Dialysis::Hemodialysis)),
            Text(CaseText::Vintage, "48".into()),
            Transplant(Some(false)),
            Finding(FindingId::Warfarin, Some(true)),
            Finding(FindingId::Obesity, Some(false)),
            Finding(FindingId::Obesity, None),
            Site(crate::core::findings::Site::Thigh, true),
            Site(crate::core::findings::Site::Abdomen, true),
            Site(crate::core::findings::Site::Thigh, false),
            Biopsy(Some(crate::core::case::Biopsy::Consistent)),
            LabText(LabId::CalciumTotal, super::LabText::Value, "10".into()),
            LabText(
                LabId::CalciumTotal,
                super::LabText::UpperLimit,
                "10.5".into(),
            ),
            LabUnit(LabId::CalciumTotal, "mmol/L".into()),
            LabResult(LabId::LupusAnticoagulant, "positive".into()),
            TherapyResponse(
                Therapy::SodiumThiosulfate,
                Some(TherapyChoice::Tried(Some(Response::Partial))),
            ),
            TherapyWeeks(Therapy::SodiumThiosulfate, "6".into()),
            TherapyResponse(Therapy::WoundCare, Some(TherapyChoice::NotTried)),
            AddVisit,
            Visit(0, VisitEdit::Text(VisitText::Date, "2024-01-05".into())),
            Visit(0, VisitEdit::Text(VisitText::Pain, "8".into())),
            Visit(0, VisitEdit::LabText(LabId::Platelets, "420".into())),
            Visit(
                0,
                VisitEdit::MscRoute(Some(MscGiven::Route(Route::Intravenous))),
            ),
            Visit(0, VisitEdit::Text(VisitText::MscDose, " 1e6/kg ".into())),
            AddVisit,
            Visit(1, VisitEdit::Text(VisitText::Pain, "3".into())),
            AddVisit,
            RemoveVisit(2),
            // An edit of a visit that is not there changes nothing.
            Visit(7, VisitEdit::Text(VisitText::Pain, "1".into())),
        ]
    }

    fn typed(edits: Vec<FormEdit>) -> Form {
        let mut form = Form::new(UnitSystem::Conventional);
        for edit in edits {
            form.apply(edit);
        }
        form
    }

    #[test]
    fn a_case_typed_as_edits() {
        let (case, errors) = typed(typed_case()).to_case_in(Lang::En);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(case.label.as_deref(), Some("Bed 12"));
        assert_eq!(case.patient.age_years, Some(67.0));
        assert_eq!(case.patient.sex, Some(Sex::Female));
        assert_eq!(case.kidney.ckd_stage, Some(CkdStage::G5D));
        assert_eq!(case.kidney.dialysis, Some(Dialysis::Hemodialysis));
        assert_eq!(case.kidney.dialysis_vintage_months, Some(48.0));
        assert_eq!(case.kidney.kidney_transplant, Some(false));
        // Unknown is not absent: the finding set back to unknown is not in the case.
        assert_eq!(case.findings.get("warfarin"), Some(&true));
        assert!(!case.findings.contains_key("obesity"));
        assert_eq!(case.lesions.sites, vec![Site::Abdomen]);
        assert_eq!(case.lesions.biopsy, Some(Biopsy::Consistent));
        // Typed in mg/dL, then switched: the value and the limit are converted together.
        let calcium = &case.labs["calcium_total"];
        assert_eq!(calcium.unit.as_deref(), Some("mmol/L"));
        assert_eq!(calcium.value, Some(2.495));
        assert_eq!(calcium.reference_high, Some(2.62));
        assert_eq!(
            case.labs["lupus_anticoagulant"].result.as_deref(),
            Some("positive")
        );
        let therapies = case.therapies_tried.as_ref().unwrap();
        assert_eq!(
            therapies["sodium_thiosulfate"],
            TherapyTrial::Detail {
                weeks: Some(6.0),
                response: Some(Response::Partial)
            }
        );
        assert_eq!(therapies["wound_care"], TherapyTrial::NotTried);
        assert_eq!(case.visits.len(), 2);
        let first = &case.visits[0];
        assert_eq!(first.date.as_deref(), Some("2024-01-05"));
        assert_eq!(first.pain_score, Some(8.0));
        assert_eq!(first.labs["platelets"].value, Some(420.0));
        assert_eq!(first.labs["platelets"].unit.as_deref(), Some("10^3/µL"));
        assert_eq!(first.treatments[0].route, Route::from_id("intravenous"));
        assert_eq!(first.treatments[0].dose.as_deref(), Some("1e6/kg"));
        assert_eq!(case.visits[1].pain_score, Some(3.0));
    }

    #[test]
    fn text_that_is_not_a_number_is_kept_reported_and_undone() {
        let before = typed(typed_case());
        let mut form = before.clone();
        form.apply(FormEdit::Text(CaseText::Age, "6o".into()));
        form.apply(FormEdit::Visit(
            1,
            VisitEdit::LabText(LabId::DDimer, "1,5".into()),
        ));
        assert_eq!(form.age, "6o", "kept as typed");
        for lang in [Lang::En, Lang::Zh] {
            let (case, errors) = form.to_case_in(lang);
            let fields: Vec<String> = errors.iter().map(|e| e.field.to_string()).collect();
            assert_eq!(fields, vec!["patient.age_years", "visits[1].labs.d_dimer"]);
            assert_eq!(case.patient.age_years, None, "left out, not guessed");
            assert!(!case.visits[1].labs.contains_key("d_dimer"));
        }
        assert!(form.to_case_in(Lang::Zh).1[0].message.contains("不是数字"));
        // Typed back as it was, the case is the one before, with nothing reported.
        form.apply(FormEdit::Text(CaseText::Age, "67".into()));
        form.apply(FormEdit::Visit(
            1,
            VisitEdit::LabText(LabId::DDimer, String::new()),
        ));
        let (case, errors) = form.to_case();
        assert!(errors.is_empty());
        assert_eq!(case, before.to_case().0);
    }

    #[test]
    fn no_ckd_and_the_ulcer_count_round_trip() {
        let text = r#"{"format":"calciphylaxis-case/1","kidney":{"ckd_stage":"none"},
            "lesions":{"ulcer_count":3}}"#;
        let case = crate::core::case::parse_case_text(text).unwrap().case;
        let mut form = Form::from_case(&case, UnitSystem::Conventional);
        assert_eq!(form.ckd_stage, Some(CkdStage::None));
        assert_eq!(form.ulcer_count, "3");
        assert_eq!(form.to_case().0, case);
        form.apply(FormEdit::Text(CaseText::UlcerCount, "x".into()));
        let (_, errors) = form.to_case();
        assert_eq!(errors[0].field.to_string(), "lesions.ulcer_count");
    }

    #[test]
    fn an_imported_g3_stays_g3() {
        let text = r#"{"format":"calciphylaxis-case/1","kidney":{"ckd_stage":"G3"}}"#;
        let case = crate::core::case::parse_case_text(text).unwrap().case;
        let mut form = Form::from_case(&case, UnitSystem::Conventional);
        assert_eq!(form.ckd_stage, Some(CkdStage::G3));
        assert_eq!(form.to_case().0.kidney.ckd_stage, Some(CkdStage::G3));
        form.apply(FormEdit::CkdStage(None));
        assert_eq!(form.to_case().0.kidney.ckd_stage, None);
    }

    #[test]
    fn a_visit_lab_unit_switch_converts_from_the_unit_shown() {
        let mut form = Form::new(UnitSystem::Conventional);
        form.apply(FormEdit::AddVisit);
        form.apply(FormEdit::Visit(
            0,
            VisitEdit::LabText(LabId::CalciumTotal, "10".into()),
        ));
        form.apply(FormEdit::Visit(
            0,
            VisitEdit::LabUnit(LabId::CalciumTotal, "mmol/L".into()),
        ));
        assert_eq!(form.visits[0].labs["calcium_total"].text, "2.495");
        // The preferred system changing later does not change what was typed.
        form.apply(FormEdit::Units(UnitSystem::Si));
        form.apply(FormEdit::Visit(
            0,
            VisitEdit::LabUnit(LabId::CalciumTotal, "mg/dL".into()),
        ));
        assert_eq!(form.visits[0].labs["calcium_total"].text, "10");
    }

    #[test]
    fn si_preference_sets_default_units() {
        assert_eq!(default_unit("calcium_total", UnitSystem::Si), "mmol/L");
        assert_eq!(
            default_unit("calcium_total", UnitSystem::Conventional),
            "mg/dL"
        );
        assert_eq!(
            default_unit("d_dimer", UnitSystem::Conventional),
            "mg/L FEU"
        );
    }
}
