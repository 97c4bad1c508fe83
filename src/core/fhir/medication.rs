//! `MedicationRequest` / `MedicationStatement` / `MedicationAdministration` (with
//! `medicationReference` to a bundle's or a `contained` Medication) → findings and
//! `therapies_tried`. A medicine is matched by its RxNorm ingredient code, then its ATC
//! code, then an ingredient's name (English or Chinese) in its text; the report says which.
//! A finding that carries a dose or a route (active vitamin D > 0.5 µg/day, a high-dose
//! calcium binder for > 6 months, subcutaneous injections) is set only from
//! `dosageInstruction` / `dosage`; otherwise it stays unknown and is listed.

use std::collections::BTreeMap;

use super::codes::{
    MedicineClass, ATC, ATC_CLASSES, INGREDIENT_NAMES, RXNORM, RXNORM_INGREDIENTS,
    SUBCUTANEOUS_ROUTE_CODES, SUBCUTANEOUS_ROUTE_WORDS,
};
use super::importer::{Importer, Output};
use super::model::{CodeableConcept, Dosage, Medication, MedicationUse};
use super::report::{MatchedBy, NotMappedReason, SkipReason};
use crate::core::case::TherapyTrial;
use crate::core::date::Date;
use crate::core::findings::FindingId;

/// What a Medication resource says about its medicine: its concepts (code and
/// ingredients).
#[derive(Debug, Clone, Default)]
pub struct MedicationInfo {
    concepts: Vec<CodeableConcept>,
}

impl From<&Medication> for MedicationInfo {
    fn from(medication: &Medication) -> Self {
        let ingredients = medication
            .ingredient
            .iter()
            .filter_map(|i| i.item_codeable_concept.clone());
        MedicationInfo {
            concepts: medication
                .code
                .clone()
                .into_iter()
                .chain(ingredients)
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Use {
    Current,
    Past,
    NotTaken,
}

#[derive(Debug, Clone)]
pub(super) struct MedicineFact {
    resource: String,
    class: MedicineClass,
    state: Use,
    code: String,
    matched_by: MatchedBy,
    start: Option<Date>,
    end: Option<Date>,
    dose_ug_per_day: Option<f64>,
    subcutaneous: bool,
}

/// The use a status means, or why the resource is skipped.
fn use_of(resource_type: &str, status: Option<&str>) -> Result<Use, SkipReason> {
    match (resource_type, status) {
        (_, Some("entered-in-error")) => Err(SkipReason::EnteredInError),
        (_, Some("cancelled")) => Err(SkipReason::Cancelled),
        ("MedicationStatement", Some("not-taken")) => Ok(Use::NotTaken),
        ("MedicationAdministration", Some("not-done")) => Err(SkipReason::NotStarted),
        (_, Some("active" | "on-hold" | "in-progress")) => Ok(Use::Current),
        (_, Some("completed" | "stopped")) => Ok(Use::Past),
        _ => Err(SkipReason::NotStarted),
    }
}

/// The medicine's class, the code that matched and how: ingredient codes, then ATC, then
/// names in the texts.
fn classify(concepts: &[&CodeableConcept]) -> Option<(MedicineClass, String, MatchedBy)> {
    let codes = || concepts.iter().flat_map(|c| c.codes());
    let by_rxnorm = codes().find_map(|(system, code)| {
        (system == RXNORM).then_some(())?;
        let (_, class) = RXNORM_INGREDIENTS.iter().find(|(c, _)| *c == code)?;
        Some((
            *class,
            format!("{system}|{code}"),
            MatchedBy::RxnormIngredient,
        ))
    });
    let by_atc = || {
        codes().find_map(|(system, code)| {
            (system == ATC).then_some(())?;
            let (_, class) = ATC_CLASSES.iter().find(|(p, _)| code.starts_with(p))?;
            Some((*class, format!("{system}|{code}"), MatchedBy::Atc))
        })
    };
    let by_name = || {
        concepts.iter().flat_map(|c| c.texts()).find_map(|text| {
            let folded = text.to_lowercase();
            let (name, class) = INGREDIENT_NAMES.iter().find(|(n, _)| folded.contains(n))?;
            Some((*class, (*name).to_string(), MatchedBy::IngredientName))
        })
    };
    by_rxnorm.or_else(by_atc).or_else(by_name)
}

/// µg per day from a dose quantity (µg or mg) and its timing (per d, wk or h).
fn dose_per_day(dosage: &Dosage) -> Option<f64> {
    let quantity = dosage
        .dose_and_rate
        .iter()
        .find_map(|d| d.dose_quantity.as_ref())
        .or(dosage.dose.as_ref())?;
    if quantity.comparator.is_some() {
        return None;
    }
    let unit = quantity.code.as_deref().or(quantity.unit.as_deref())?;
    let micrograms = match unit {
        "ug" | "mcg" | "µg" => quantity.value?,
        "mg" => quantity.value? * 1000.0,
        _ => return None,
    };
    let repeat = dosage.timing.as_ref()?.repeat.as_ref()?;
    let days = match repeat.period_unit.as_deref()? {
        "d" => 1.0,
        "wk" => 7.0,
        "h" => 1.0 / 24.0,
        _ => return None,
    } * repeat.period?;
    (days > 0.0).then(|| micrograms * repeat.frequency.unwrap_or(1.0) / days)
}

fn is_subcutaneous(dosage: &Dosage) -> bool {
    let Some(route) = &dosage.route else {
        return false;
    };
    route
        .codes()
        .any(|(_, c)| SUBCUTANEOUS_ROUTE_CODES.contains(&c))
        || route.texts().any(|t| {
            let folded = t.to_lowercase();
            SUBCUTANEOUS_ROUTE_WORDS.iter().any(|w| folded.contains(w))
        })
}

impl Importer {
    pub(super) fn read_medicine(&mut self, text: &str, name: &str, resource_type: &str) {
        let Ok(medicine) = serde_json::from_str::<MedicationUse>(text) else {
            return self.skip(name, None, SkipReason::Invalid, None);
        };
        if self.other_patient(medicine.subject.as_ref()) {
            return self.skip(name, None, SkipReason::OtherPatient, None);
        }
        let infos = self.medication_infos(&medicine);
        let mut concepts: Vec<&CodeableConcept> =
            medicine.medication_codeable_concept.iter().collect();
        concepts.extend(infos.iter().flat_map(|i| i.concepts.iter()));
        if concepts.is_empty() {
            let detail = medicine.medication_reference.and_then(|r| r.reference);
            let reason = if detail.is_some() {
                SkipReason::UnresolvedMedication
            } else {
                SkipReason::NoCode
            };
            return self.skip(name, None, reason, detail);
        }
        let Some((class, code, matched_by)) = classify(&concepts) else {
            let first = concepts
                .iter()
                .flat_map(|c| c.codes())
                .next()
                .map(|(s, c)| format!("{s}|{c}"));
            let detail = concepts
                .iter()
                .flat_map(|c| c.texts())
                .next()
                .map(str::to_string);
            return self.skip(name, first, SkipReason::UnknownCode, detail);
        };
        let state = match use_of(resource_type, medicine.status.as_deref()) {
            Ok(state) => state,
            Err(reason) => return self.skip(name, Some(code), reason, medicine.status.clone()),
        };
        let (start, end, dosages) = course(&medicine);
        self.medicines.push(MedicineFact {
            resource: name.to_string(),
            class,
            state,
            code,
            matched_by,
            start,
            end,
            dose_ug_per_day: dosages.iter().find_map(|d| dose_per_day(d)),
            subcutaneous: dosages.iter().any(|d| is_subcutaneous(d)),
        });
    }
}

impl Importer {
    /// The Medication resources an order names: `contained` (`#id`), then the bundle's.
    fn medication_infos(&self, medicine: &MedicationUse) -> Vec<MedicationInfo> {
        let wanted = medicine
            .medication_reference
            .as_ref()
            .and_then(|r| r.reference.as_deref());
        let contained = medicine
            .contained
            .iter()
            .filter_map(|raw| serde_json::from_str::<Medication>(raw.get()).ok())
            .filter(|m| m.resource_type.as_deref() == Some("Medication"))
            .filter(|m| {
                let id = m.id.as_deref().unwrap_or_default();
                wanted == Some(format!("#{id}").as_str())
            })
            .map(|m| MedicationInfo::from(&m));
        let referenced = wanted.and_then(|r| self.medication_of(r).cloned());
        contained.chain(referenced).collect()
    }
}

/// The start and end dates of a use (its period, the dosage's bounds, else its date) and
/// its dosages.
fn course<'m>(medicine: &'m MedicationUse) -> (Option<Date>, Option<Date>, Vec<&'m Dosage>) {
    let dosages: Vec<&Dosage> = medicine
        .dosage_instruction
        .iter()
        .chain(&medicine.dosage)
        .collect();
    let bounds = dosages
        .iter()
        .find_map(|d| d.timing.as_ref()?.repeat.as_ref()?.bounds_period.clone());
    let period = medicine.effective_period.clone().or(bounds);
    let day = |t: Option<&String>| t.and_then(|t| Date::of_date_time(t));
    let start = day(period.as_ref().and_then(|p| p.start.as_ref()))
        .or_else(|| day(medicine.effective_date_time.as_ref()))
        .or_else(|| day(medicine.authored_on.as_ref()));
    let end = day(period.as_ref().and_then(|p| p.end.as_ref()));
    (start, end, dosages)
}

/// Findings and therapies from the medicine facts. `date`: the latest observation's date
/// (the sample date a stop is counted back from).
pub(super) fn finish(facts: &[MedicineFact], out: &mut Output, date: Option<Date>) {
    let mut findings: BTreeMap<FindingId, (bool, &MedicineFact)> = BTreeMap::new();
    let mut pending: Vec<(FindingId, bool, &MedicineFact)> = Vec::new();
    let mut unknown: BTreeMap<(&'static str, NotMappedReason), Vec<String>> = BTreeMap::new();
    for fact in facts {
        finding_of(fact, &mut pending, &mut unknown);
    }
    pending.sort_by_key(|(_, value, _)| !*value);
    for (id, value, fact) in pending {
        findings.entry(id).or_insert((value, fact));
    }
    for (id, (value, fact)) in findings {
        if !out.set_finding_once(id, value) {
            continue;
        }
        record(
            out,
            format!("findings.{}", id.id()),
            serde_json::Value::from(value),
            fact,
        );
    }
    for ((field, reason), resources) in unknown {
        let known = field
            .strip_prefix("findings.")
            .is_some_and(|id| out.case.findings.contains_key(id));
        if !known {
            out.not_mapped(field, reason, resources);
        }
    }
    therapies(facts, out, date);
}

type Pending<'a> = Vec<(FindingId, bool, &'a MedicineFact)>;
type Unknown = BTreeMap<(&'static str, NotMappedReason), Vec<String>>;

/// The findings one fact gives, and the qualified findings it leaves unknown.
fn finding_of<'a>(fact: &'a MedicineFact, pending: &mut Pending<'a>, unknown: &mut Unknown) {
    use MedicineClass as M;
    let current = fact.state == Use::Current;
    let not_taken = fact.state == Use::NotTaken;
    let mut push = |id: FindingId, value: bool| pending.push((id, value, fact));
    let mut unknown_at = |field: &'static str, reason: NotMappedReason| {
        unknown
            .entry((field, reason))
            .or_default()
            .push(fact.resource.clone())
    };
    match fact.class {
        // The exposure: past use counts (a stop is a therapy, below).
        M::VitaminKAntagonist => push(FindingId::Warfarin, !not_taken),
        M::Doac if current || not_taken => push(FindingId::Doac, current),
        M::Heparin if current || not_taken => {
            push(FindingId::Heparin, current);
            if current && fact.subcutaneous {
                push(FindingId::SubcutaneousInsulinOrHeparin, true);
            }
        }
        M::ActiveVitaminD if not_taken => push(FindingId::ActiveVitaminDHighDose, false),
        M::ActiveVitaminD if current => match fact.dose_ug_per_day {
            Some(dose) => push(FindingId::ActiveVitaminDHighDose, dose > 0.5),
            None => unknown_at(
                "findings.active_vitamin_d_high_dose",
                NotMappedReason::DoseUnknown,
            ),
        },
        M::CalciumBinder if not_taken => push(FindingId::HighDoseCalciumBinder, false),
        M::CalciumBinder => unknown_at(
            "findings.high_dose_calcium_binder",
            NotMappedReason::HighDoseNotReadable,
        ),
        M::Glucocorticoid | M::Immunosuppressant if current => {
            push(FindingId::ImmunosuppressantsOrGlucocorticoids, true)
        }
        M::Insulin if current && fact.subcutaneous => {
            push(FindingId::SubcutaneousInsulinOrHeparin, true)
        }
        M::Insulin if current => unknown_at(
            "findings.subcutaneous_insulin_or_heparin",
            NotMappedReason::RouteUnknown,
        ),
        M::IvIron if !not_taken => push(FindingId::IvIron, true),
        M::Oestrogen if current || not_taken => push(FindingId::OestrogenTherapy, current),
        M::Conventional(_) => {}
        _ => unknown_at(current_field(fact.class), NotMappedReason::NotInRecord),
    }
}

/// The finding a medicine class would set when current (for the "not current" listing).
fn current_field(class: MedicineClass) -> &'static str {
    use MedicineClass as M;
    match class {
        M::Doac => "findings.doac",
        M::Heparin => "findings.heparin",
        M::Glucocorticoid | M::Immunosuppressant => {
            "findings.immunosuppressants_or_glucocorticoids"
        }
        M::Oestrogen => "findings.oestrogen_therapy",
        _ => "findings",
    }
}

fn record(out: &mut Output, field: String, value: serde_json::Value, fact: &MedicineFact) {
    let date = fact.start.map(|d| d.to_string());
    let code = Some(fact.code.clone());
    out.mapped(
        field,
        value,
        None,
        date,
        code,
        &fact.resource,
        fact.matched_by,
    );
}

/// `therapies_tried`: conventional therapies given (weeks from the dates when both are
/// known), and a VKA stopped before the sample (`stop_warfarin`, weeks from the stop to
/// the latest observation) when no VKA is current.
fn therapies(facts: &[MedicineFact], out: &mut Output, date: Option<Date>) {
    let mut tried: BTreeMap<&'static str, (TherapyTrial, &MedicineFact)> = BTreeMap::new();
    for fact in facts {
        let MedicineClass::Conventional(therapy) = fact.class else {
            continue;
        };
        let trial = match (fact.state, fact.start, fact.end) {
            (Use::NotTaken, _, _) => TherapyTrial::NotTried,
            (_, Some(start), Some(end)) if end >= start => TherapyTrial::Detail {
                weeks: Some(tenths(
                    f64::from(end.day_number() - start.day_number()) / 7.0,
                )),
                response: None,
            },
            _ => TherapyTrial::Tried,
        };
        let keep = tried.get(therapy.id()).is_none_or(|(t, _)| !t.was_tried());
        if keep {
            tried.insert(therapy.id(), (trial, fact));
        }
    }
    let vka = |state: Use| {
        facts
            .iter()
            .find(|f| f.class == MedicineClass::VitaminKAntagonist && f.state == state)
    };
    if let (None, Some(stopped)) = (vka(Use::Current), vka(Use::Past)) {
        let weeks = match (stopped.end, date) {
            (Some(end), Some(sample)) if sample >= end => {
                Some(f64::from(sample.day_number() - end.day_number()) / 7.0)
            }
            _ => None,
        };
        let trial = weeks.map_or(TherapyTrial::Tried, |w| TherapyTrial::Detail {
            weeks: Some(tenths(w)),
            response: None,
        });
        tried.insert("stop_warfarin", (trial, stopped));
    }
    if tried.is_empty() {
        return;
    }
    let therapies = out.case.therapies_tried.get_or_insert_with(BTreeMap::new);
    let mut written = Vec::new();
    for (id, (trial, fact)) in tried {
        let value = serde_json::to_value(&trial).unwrap_or_default();
        therapies.insert(id.to_string(), trial);
        written.push((format!("therapies_tried.{id}"), value, fact));
    }
    for (field, value, fact) in written {
        record(out, field, value, fact);
    }
}

/// Weeks to one decimal, rounded down (a course is not made longer than it was).
fn tenths(weeks: f64) -> f64 {
    (weeks * 10.0).floor() / 10.0
}
