//! MSC (hAMSC) therapy eligibility (`clinical.md` §6). No guideline exists: the criteria
//! mirror the seeds' compassionate-use path and the exclusions of registered MSC trials.
//! The output is for discussion with a specialist team, not a treatment recommendation.
//!
//! The criteria are data ([`CRITERIA`]); each rule returns a status and a typed [`Reason`],
//! and [`render`] and [`to_record`] are the one place a reason becomes words.

use serde::Serialize;

use super::case::{Response, Sex, TherapyTrial};
use super::diagnosis::{Diagnosis, DiagnosticTier, HayashiStatus};
use super::findings::{FindingId, Therapy};
use super::i18n::{msg, Lang, Text};
use super::inputs::Inputs;
use super::logic::Status;
use super::risk::finding_label;
use crate::tr;

id_enum! {
    /// The MSC criteria, in the order they are shown.
    CriterionId {
        DiagnosisEstablished = "diagnosis_established",
        RefractoryToConventional = "refractory_to_conventional",
        InformedConsent = "informed_consent",
        EthicsApproval = "ethics_approval",
        ActiveMalignancy = "active_malignancy",
        ActiveUncontrolledInfection = "active_uncontrolled_infection",
        PregnancyOrLactation = "pregnancy_or_lactation",
        KnownAllergyToProduct = "known_allergy_to_product",
        UncontrolledBleeding = "uncontrolled_bleeding",
        LifeExpectancyTooShort = "life_expectancy_too_short",
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Inclusion,
    Exclusion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MscStatus {
    Candidate,
    NotEligible,
    Incomplete,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MscCriterion {
    pub id: &'static str,
    pub kind: Kind,
    pub name: &'static str,
    pub status: Status,
    pub basis: String,
    /// What to record to settle it, when unknown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed: Option<String>,
    pub sources: Vec<&'static str>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Msc {
    pub status: MscStatus,
    pub criteria: Vec<MscCriterion>,
    /// The `needed` of every unknown criterion, in order.
    pub missing: Vec<String>,
    pub summary: String,
    pub notice: &'static str,
    /// The seeds' protocol and findings, shown as context, never as a prescription.
    pub context: Vec<Context>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Context {
    pub text: &'static str,
    pub source: &'static str,
}

pub const NOTICE_TEXT: Text = msg::msc::NOTICE_TEXT;

const SEEDS: &[&str] = &["seed_hamsc_salvage", "seed_hamsc_hypercoag_2023"];

const CONTEXT: &[(Text, &str)] = &[
    (
        msg::msc::PUBLISHED_PROTOCOL_SINGLE_PATIENTS_NANJING,
        "seed_hamsc_salvage",
    ),
    (
        msg::msc::FOLLOW_UP_MARKERS_USED_PAIN,
        "seed_hamsc_hypercoag_2023",
    ),
    (
        msg::msc::THE_FIRST_TREATED_PATIENT_DIED,
        "seed_hamsc_histopath",
    ),
    (msg::msc::MOST_REGISTERED_MSC_WOUND_TRIALS, "nct05999656"),
];

/// Everything a rule may read.
struct Facts<'a> {
    inputs: &'a Inputs<'a>,
    diagnosis: &'a Diagnosis,
}

enum Rule {
    /// One yes/no finding: "yes" meets the criterion (for an exclusion: the exclusion
    /// applies), "no" leaves it not met, not recorded leaves it unknown.
    Finding(FindingId),
    Custom(for<'a> fn(&Facts<'a>) -> Judgement<'a>),
}

struct CriterionDef {
    id: CriterionId,
    kind: Kind,
    name: Text,
    sources: &'static [&'static str],
    rule: Rule,
}

/// The knowledge base of MSC criteria: inclusions, then exclusions.
const CRITERIA: &[CriterionDef] = &[
    CriterionDef {
        id: CriterionId::DiagnosisEstablished,
        kind: Kind::Inclusion,
        name: msg::msc::DIAGNOSIS_ESTABLISHED_NAME,
        sources: &["cn_consensus_2023", "hayashi_2013"],
        rule: Rule::Custom(diagnosis_established),
    },
    CriterionDef {
        id: CriterionId::RefractoryToConventional,
        kind: Kind::Inclusion,
        name: msg::msc::REFRACTORY_TO_CONVENTIONAL_NAME,
        sources: SEEDS,
        rule: Rule::Custom(refractory_to_conventional),
    },
    CriterionDef {
        id: CriterionId::InformedConsent,
        kind: Kind::Inclusion,
        name: msg::msc::INFORMED_CONSENT_NAME,
        sources: SEEDS,
        rule: Rule::Finding(FindingId::InformedConsent),
    },
    CriterionDef {
        id: CriterionId::EthicsApproval,
        kind: Kind::Inclusion,
        name: msg::msc::ETHICS_APPROVAL_NAME,
        sources: SEEDS,
        rule: Rule::Finding(FindingId::EthicsApproval),
    },
    CriterionDef {
        id: CriterionId::ActiveMalignancy,
        kind: Kind::Exclusion,
        name: msg::msc::ACTIVE_MALIGNANCY_NAME,
        sources: &["nct05999656", "nct04464213"],
        rule: Rule::Custom(active_malignancy),
    },
    CriterionDef {
        id: CriterionId::ActiveUncontrolledInfection,
        kind: Kind::Exclusion,
        name: msg::msc::ACTIVE_UNCONTROLLED_INFECTION_NAME,
        sources: &["nct04464213"],
        rule: Rule::Custom(active_uncontrolled_infection),
    },
    CriterionDef {
        id: CriterionId::PregnancyOrLactation,
        kind: Kind::Exclusion,
        name: msg::msc::PREGNANCY_OR_LACTATION_NAME,
        sources: &["nct05999656", "nct04464213"],
        rule: Rule::Custom(pregnancy_or_lactation),
    },
    CriterionDef {
        id: CriterionId::KnownAllergyToProduct,
        kind: Kind::Exclusion,
        name: msg::msc::KNOWN_ALLERGY_TO_PRODUCT_NAME,
        sources: &["nct04464213"],
        rule: Rule::Finding(FindingId::KnownAllergyToProduct),
    },
    CriterionDef {
        id: CriterionId::UncontrolledBleeding,
        kind: Kind::Exclusion,
        name: msg::msc::UNCONTROLLED_BLEEDING_NAME,
        sources: &["nct05999656"],
        rule: Rule::Finding(FindingId::UncontrolledBleeding),
    },
    CriterionDef {
        id: CriterionId::LifeExpectancyTooShort,
        kind: Kind::Exclusion,
        name: msg::msc::LIFE_EXPECTANCY_TOO_SHORT_NAME,
        sources: SEEDS,
        rule: Rule::Finding(FindingId::LifeExpectancyTooShort),
    },
];

/// What a rule decided, and why (in data: [`render`] puts it into words).
struct Judgement<'a> {
    status: Status,
    reason: Reason<'a>,
}

fn judged(status: Status, reason: Reason) -> Judgement {
    Judgement { status, reason }
}

/// How the conventional therapies tried settle the refractory criterion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Course {
    /// At least one complete response: not refractory.
    CompleteResponse,
    /// No or a partial response to at least one, complete to none: refractory.
    Failed,
    NoneTried,
    /// Tried, but no response recorded.
    ResponsesNeeded,
}

/// Why a rule decided what it did.
enum Reason<'a> {
    /// Findings recorded, all with this value ("recorded: sepsis").
    Recorded {
        findings: Vec<FindingId>,
        value: bool,
    },
    /// Findings the rule needs, not recorded: also what to record.
    NotRecorded { findings: Vec<FindingId> },
    /// Pregnancy not recorded, for a man.
    MalePatient,
    /// A malignancy history, recorded as not active: whether within 5 years is a
    /// specialist's call.
    PastMalignancy,
    /// A malignancy history, activity not recorded.
    MalignancyActivityNotRecorded,
    /// The consensus tier reached and the Hayashi criteria's status.
    FromDiagnosis {
        tier: DiagnosticTier,
        hayashi: HayashiStatus,
    },
    /// `therapies_tried` absent from the case.
    TherapiesNotRecorded,
    /// The therapies tried (`therapies_tried` order) and the ones not tried.
    Therapies {
        tried: Vec<(&'a str, &'a TherapyTrial)>,
        untried: Vec<Therapy>,
        course: Course,
    },
}

fn finding_rule<'a>(inputs: &Inputs, finding: FindingId) -> Judgement<'a> {
    let findings = vec![finding];
    match inputs.finding(finding) {
        Some(value) => judged(Some(value).into(), Reason::Recorded { findings, value }),
        None => judged(Status::Unknown, Reason::NotRecorded { findings }),
    }
}

/// Established by the consensus's clinical or confirmed tier or by the Hayashi criteria;
/// not established only when neither can still be met.
fn diagnosis_established<'a>(facts: &Facts<'a>) -> Judgement<'a> {
    let consensus = &facts.diagnosis.consensus;
    let establishes =
        |tier: DiagnosticTier| matches!(tier, DiagnosticTier::Clinical | DiagnosticTier::Confirmed);
    let consensus_met = establishes(consensus.highest);
    let consensus_open = !consensus_met
        && consensus
            .tiers
            .iter()
            .any(|t| establishes(t.id) && t.status == Status::Unknown);
    let hayashi = facts.diagnosis.hayashi.status;
    let established = if consensus_met || hayashi == HayashiStatus::Met {
        Some(true)
    } else if !consensus_open
        && matches!(
            hayashi,
            HayashiStatus::NotMet | HayashiStatus::NotApplicable
        )
    {
        Some(false)
    } else {
        None
    };
    let reason = Reason::FromDiagnosis {
        tier: consensus.highest,
        hayashi,
    };
    judged(established.into(), reason)
}

/// Refractory: at least one conventional therapy tried without a complete response, and
/// none with a complete response.
fn refractory_to_conventional<'a>(facts: &Facts<'a>) -> Judgement<'a> {
    let inputs: &'a Inputs<'a> = facts.inputs;
    let Some(recorded) = &inputs.case.therapies_tried else {
        return judged(Status::Unknown, Reason::TherapiesNotRecorded);
    };
    // For now a therapy recorded as not tried counts exactly as one not recorded.
    let tried: Vec<(&str, &TherapyTrial)> = recorded
        .iter()
        .filter(|(_, trial)| trial.was_tried())
        .map(|(id, trial)| (id.as_str(), trial))
        .collect();
    let any_response = |responses: &[Response]| {
        tried
            .iter()
            .any(|(_, t)| t.response().is_some_and(|r| responses.contains(&r)))
    };
    let (status, course) = if any_response(&[Response::Complete]) {
        (Status::NotMet, Course::CompleteResponse)
    } else if any_response(&[Response::None, Response::Partial]) {
        (Status::Met, Course::Failed)
    } else if tried.is_empty() {
        (Status::NotMet, Course::NoneTried)
    } else {
        (Status::Unknown, Course::ResponsesNeeded)
    };
    let untried = Therapy::ALL
        .iter()
        .copied()
        .filter(|t| tried.iter().all(|(id, _)| *id != t.id()))
        .collect();
    let reason = Reason::Therapies {
        tried,
        untried,
        course,
    };
    judged(status, reason)
}

/// Registered trials exclude malignancy within 5 years: a history recorded as not active
/// still needs a specialist's judgement.
fn active_malignancy<'a>(facts: &Facts<'a>) -> Judgement<'a> {
    const ACTIVE: FindingId = FindingId::ActiveMalignancy;
    let history = facts.inputs.finding(FindingId::MalignancyHistory);
    match (facts.inputs.finding(ACTIVE), history) {
        (Some(false), Some(true)) => judged(Status::Unknown, Reason::PastMalignancy),
        (None, Some(true)) => judged(Status::Unknown, Reason::MalignancyActivityNotRecorded),
        _ => finding_rule(facts.inputs, ACTIVE),
    }
}

/// Met by an active uncontrolled infection or by sepsis (Kleene OR).
fn active_uncontrolled_infection<'a>(facts: &Facts<'a>) -> Judgement<'a> {
    const INFECTION: FindingId = FindingId::ActiveUncontrolledInfection;
    const SEPSIS: FindingId = FindingId::Sepsis;
    let recorded = |finding: FindingId| facts.inputs.finding(finding);
    // Sepsis first: the graver one is named when both are recorded.
    if let Some(present) = [SEPSIS, INFECTION]
        .into_iter()
        .find(|&f| recorded(f) == Some(true))
    {
        let findings = vec![present];
        return judged(
            Status::Met,
            Reason::Recorded {
                findings,
                value: true,
            },
        );
    }
    let findings: Vec<FindingId> = [INFECTION, SEPSIS]
        .into_iter()
        .filter(|&f| recorded(f).is_none())
        .collect();
    if findings.is_empty() {
        let findings = vec![INFECTION, SEPSIS];
        judged(
            Status::NotMet,
            Reason::Recorded {
                findings,
                value: false,
            },
        )
    } else {
        judged(Status::Unknown, Reason::NotRecorded { findings })
    }
}

/// A man needs no pregnancy answer.
fn pregnancy_or_lactation<'a>(facts: &Facts<'a>) -> Judgement<'a> {
    const FINDING: FindingId = FindingId::PregnancyOrLactation;
    let male = facts.inputs.case.patient.sex == Some(Sex::Male);
    if male && facts.inputs.finding(FINDING).is_none() {
        return judged(Status::NotMet, Reason::MalePatient);
    }
    finding_rule(facts.inputs, FINDING)
}

/// The findings' labels as a list inside a sentence.
fn finding_labels(findings: &[FindingId], lang: Lang) -> String {
    let labels: Vec<String> = findings.iter().map(|&f| finding_label(f, lang)).collect();
    labels.join(msg::common::LIST_SEPARATOR.get(lang))
}

/// A name inside a sentence: lower-cased in English.
fn in_sentence(name: &str, lang: Lang) -> String {
    match lang {
        Lang::En => name.to_lowercase(),
        Lang::Zh => name.to_string(),
    }
}

/// The one renderer of a criterion's `basis`.
fn render(reason: &Reason, lang: Lang) -> String {
    match reason {
        Reason::Recorded { findings, value } => {
            let findings = finding_labels(findings, lang);
            if *value {
                tr!(lang, msg::msc::BASIS_RECORDED, findings)
            } else {
                tr!(lang, msg::msc::BASIS_RECORDED_AS_ABSENT, findings)
            }
        }
        Reason::NotRecorded { findings } => {
            let findings = finding_labels(findings, lang);
            tr!(lang, msg::msc::BASIS_NOT_RECORDED, findings)
        }
        Reason::MalePatient => tr!(lang, msg::msc::BASIS_MALE_PATIENT),
        Reason::PastMalignancy => tr!(lang, msg::msc::BASIS_PAST_MALIGNANCY),
        Reason::MalignancyActivityNotRecorded => {
            tr!(lang, msg::msc::BASIS_MALIGNANCY_ACTIVITY_NOT_RECORDED)
        }
        Reason::FromDiagnosis { tier, hayashi } => {
            let tier = tier.text().get(lang);
            let hayashi = match hayashi {
                HayashiStatus::Met => msg::msc::BASIS_HAYASHI_MET,
                HayashiStatus::NotMet => msg::msc::BASIS_HAYASHI_NOT_MET,
                HayashiStatus::Incomplete => msg::msc::BASIS_HAYASHI_INCOMPLETE,
                HayashiStatus::NotApplicable => msg::msc::BASIS_HAYASHI_NOT_APPLICABLE,
            }
            .get(lang);
            tr!(lang, msg::msc::BASIS_DIAGNOSIS, tier, hayashi)
        }
        Reason::TherapiesNotRecorded => tr!(lang, msg::msc::BASIS_THERAPIES_NOT_RECORDED),
        Reason::Therapies {
            tried,
            untried,
            course,
        } => render_therapies(tried, untried, *course, lang),
    }
}

/// "tried: sodium thiosulfate for 8 weeks: none; not tried: cinacalcet, …".
fn render_therapies(
    tried: &[(&str, &TherapyTrial)],
    untried: &[Therapy],
    course: Course,
    lang: Lang,
) -> String {
    let not_tried = if untried.is_empty() {
        String::new()
    } else {
        let names: Vec<String> = untried
            .iter()
            .map(|t| in_sentence(t.name(lang), lang))
            .collect();
        let therapies = names.join(msg::common::LIST_SEPARATOR.get(lang));
        tr!(lang, msg::msc::BASIS_NOT_TRIED, therapies)
    };
    let described = |pick: &dyn Fn(&TherapyTrial) -> bool, separator: Text| {
        let trials: Vec<String> = tried
            .iter()
            .filter(|(_, trial)| pick(trial))
            .map(|(id, trial)| describe_trial(id, trial, lang))
            .collect();
        trials.join(separator.get(lang))
    };
    let all = |_: &TherapyTrial| true;
    match course {
        Course::NoneTried => tr!(lang, msg::msc::BASIS_NO_THERAPY_TRIED),
        Course::CompleteResponse => {
            let complete = described(
                &|t| t.response() == Some(Response::Complete),
                msg::common::LIST_SEPARATOR,
            );
            tr!(lang, msg::msc::BASIS_COMPLETE_RESPONSE, complete, not_tried)
        }
        Course::Failed => {
            let tried = described(&all, msg::msc::ITEM_SEPARATOR);
            tr!(lang, msg::msc::BASIS_TRIED, tried, not_tried)
        }
        Course::ResponsesNeeded => {
            let tried = described(&all, msg::msc::ITEM_SEPARATOR);
            tr!(
                lang,
                msg::msc::BASIS_TRIED_RESPONSES_NEEDED,
                tried,
                not_tried
            )
        }
    }
}

/// "Sodium thiosulfate for 8 weeks: none", or "Cinacalcet (response not recorded)".
fn describe_trial(id: &str, trial: &TherapyTrial, lang: Lang) -> String {
    // The case reader drops unknown therapy ids; "?" never reaches a person.
    let name = Therapy::from_id(id).map(|t| t.name(lang)).unwrap_or("?");
    let not_recorded = msg::msc::BASIS_RESPONSE_NOT_RECORDED.get(lang);
    match trial {
        // (`NotTried` never reaches here: the rule leaves it out.)
        TherapyTrial::Tried | TherapyTrial::NotTried => {
            tr!(lang, msg::msc::BASIS_TRIAL_NO_DETAIL, name, not_recorded)
        }
        TherapyTrial::Detail { weeks, response } => {
            let weeks = weeks
                .filter(|w| w.is_finite())
                .map(|weeks| tr!(lang, msg::msc::BASIS_TRIAL_WEEKS, weeks))
                .unwrap_or_default();
            let response = response
                .map(|r| response_word(r).get(lang))
                .unwrap_or(not_recorded);
            tr!(lang, msg::msc::BASIS_TRIAL, name, weeks, response)
        }
    }
}

fn response_word(response: Response) -> Text {
    match response {
        Response::None => msg::msc::RESPONSE_NONE,
        Response::Partial => msg::msc::RESPONSE_PARTIAL,
        Response::Complete => msg::msc::RESPONSE_COMPLETE,
    }
}

/// What to record to settle a criterion the reason leaves unknown (`None` for a reason
/// that settles it).
fn to_record(reason: &Reason, lang: Lang) -> Option<String> {
    let words = match reason {
        Reason::NotRecorded { findings } => {
            let findings = finding_labels(findings, lang);
            tr!(lang, msg::msc::TO_RECORD_FINDINGS, findings)
        }
        Reason::PastMalignancy | Reason::MalignancyActivityNotRecorded => {
            tr!(lang, msg::msc::TO_RECORD_MALIGNANCY)
        }
        Reason::FromDiagnosis { .. } => tr!(lang, msg::msc::TO_RECORD_DIAGNOSIS),
        Reason::TherapiesNotRecorded => tr!(lang, msg::msc::TO_RECORD_THERAPIES),
        Reason::Therapies {
            tried,
            course: Course::ResponsesNeeded,
            ..
        } => {
            let names: Vec<String> = tried
                .iter()
                .filter_map(|(id, _)| Therapy::from_id(id))
                .map(|t| in_sentence(t.name(lang), lang))
                .collect();
            let therapies = names.join(msg::common::LIST_SEPARATOR.get(lang));
            tr!(lang, msg::msc::TO_RECORD_RESPONSES, therapies)
        }
        Reason::Recorded { .. } | Reason::MalePatient | Reason::Therapies { .. } => return None,
    };
    Some(words)
}

fn judge<'a>(def: &CriterionDef, facts: &Facts<'a>) -> Judgement<'a> {
    match def.rule {
        Rule::Finding(finding) => finding_rule(facts.inputs, finding),
        Rule::Custom(rule) => rule(facts),
    }
}

pub fn assess_msc(inputs: &Inputs, diagnosis: &Diagnosis, lang: Lang) -> Msc {
    let facts = Facts { inputs, diagnosis };
    let criteria: Vec<MscCriterion> = CRITERIA
        .iter()
        .map(|def| {
            let Judgement { status, reason } = judge(def, &facts);
            let needed = match status {
                Status::Unknown => to_record(&reason, lang),
                Status::Met | Status::NotMet => None,
            };
            MscCriterion {
                id: def.id.id(),
                kind: def.kind,
                name: def.name.get(lang),
                status,
                basis: render(&reason, lang),
                needed,
                sources: def.sources.to_vec(),
            }
        })
        .collect();
    let status = overall(&criteria);
    let missing = criteria.iter().filter_map(|c| c.needed.clone()).collect();
    let summary = summarise(status, &criteria, lang);
    Msc {
        status,
        criteria,
        missing,
        summary,
        notice: NOTICE_TEXT.get(lang),
        context: CONTEXT
            .iter()
            .map(|(text, source)| Context {
                text: text.get(lang),
                source,
            })
            .collect(),
    }
}

/// `case-format.md`: not eligible as soon as one exclusion is met or one inclusion is not
/// met; a candidate only when every inclusion is met and every exclusion known not met.
pub fn overall(criteria: &[MscCriterion]) -> MscStatus {
    let blocks = criteria.iter().any(blocks);
    let clear = criteria.iter().all(|c| match c.kind {
        Kind::Inclusion => c.status == Status::Met,
        Kind::Exclusion => c.status == Status::NotMet,
    });
    if blocks {
        MscStatus::NotEligible
    } else if clear {
        MscStatus::Candidate
    } else {
        MscStatus::Incomplete
    }
}

/// An inclusion not met or an exclusion met.
fn blocks(criterion: &MscCriterion) -> bool {
    match criterion.kind {
        Kind::Inclusion => criterion.status == Status::NotMet,
        Kind::Exclusion => criterion.status == Status::Met,
    }
}

fn summarise(status: MscStatus, criteria: &[MscCriterion], lang: Lang) -> String {
    let list = |pick: &dyn Fn(&MscCriterion) -> bool| {
        let names: Vec<String> = criteria
            .iter()
            .filter(|c| pick(c))
            .map(|c| in_sentence(c.name, lang))
            .collect();
        names.join(msg::msc::ITEM_SEPARATOR.get(lang))
    };
    match status {
        MscStatus::NotEligible => {
            let reasons = list(&blocks);
            tr!(lang, msg::msc::SUMMARY_NOT_ELIGIBLE, reasons)
        }
        MscStatus::Candidate => tr!(lang, msg::msc::SUMMARY_CANDIDATE),
        MscStatus::Incomplete => {
            let open = list(&|c| c.status == Status::Unknown);
            tr!(lang, msg::msc::SUMMARY_INCOMPLETE, open)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assess_in;
    use crate::core::case::Case;
    use crate::core::inputs::validate;
    use std::collections::BTreeMap;

    const LANGS: [Lang; 2] = [Lang::En, Lang::Zh];

    fn with_findings(findings: &[(FindingId, bool)]) -> Case {
        let mut case = Case::default();
        for (id, value) in findings {
            case.findings.insert(id.id().to_string(), *value);
        }
        case
    }

    /// The criterion as assessed for `case`, with the case's own diagnosis.
    fn criterion(case: &Case, id: CriterionId, lang: Lang) -> MscCriterion {
        let diagnosis = assess_in(case, lang).diagnosis;
        criterion_with(case, &diagnosis, id, lang)
    }

    fn criterion_with(
        case: &Case,
        diagnosis: &Diagnosis,
        id: CriterionId,
        lang: Lang,
    ) -> MscCriterion {
        let (inputs, _, _) = validate(case, lang);
        let msc = assess_msc(&inputs, diagnosis, lang);
        let needed: Vec<String> = msc
            .criteria
            .iter()
            .filter_map(|c| c.needed.clone())
            .collect();
        assert_eq!(msc.missing, needed, "missing is the criteria's `needed`");
        msc.criteria.into_iter().find(|c| c.id == id.id()).unwrap()
    }

    /// Status, and the finding named in the basis (and, when unknown, in what to record).
    fn assert_names(c: &MscCriterion, status: Status, findings: &[FindingId], lang: Lang) {
        assert_eq!(c.status, status, "{}: {}", c.id, c.basis);
        for finding in findings {
            let label = finding_label(*finding, lang);
            assert!(
                c.basis.contains(&label),
                "{lang:?} basis {:?} lacks {label:?}",
                c.basis
            );
            if status == Status::Unknown {
                let needed = c.needed.as_deref().unwrap_or_default();
                assert!(
                    needed.contains(&label),
                    "{lang:?} needed {needed:?} lacks {label:?}"
                );
            }
        }
        assert_eq!(c.needed.is_some(), status == Status::Unknown, "{}", c.id);
    }

    #[test]
    fn the_table_lists_every_criterion_once_in_the_shown_order() {
        let ids: Vec<CriterionId> = CRITERIA.iter().map(|c| c.id).collect();
        assert_eq!(ids, CriterionId::ALL);
        let json = serde_json::to_string(&CriterionId::ActiveUncontrolledInfection).unwrap();
        assert_eq!(json, "\"active_uncontrolled_infection\"");
    }

    #[test]
    fn a_finding_rule_is_met_not_met_or_unknown_as_recorded() {
        for (id, finding) in [
            (CriterionId::InformedConsent, FindingId::InformedConsent),
            (
                CriterionId::UncontrolledBleeding,
                FindingId::UncontrolledBleeding,
            ),
        ] {
            for lang in LANGS {
                for (recorded, status) in [
                    (Some(true), Status::Met),
                    (Some(false), Status::NotMet),
                    (None, Status::Unknown),
                ] {
                    let case = match recorded {
                        Some(value) => with_findings(&[(finding, value)]),
                        None => Case::default(),
                    };
                    assert_names(&criterion(&case, id, lang), status, &[finding], lang);
                }
            }
        }
    }

    #[test]
    fn pregnancy_is_not_met_for_a_man_without_an_answer() {
        const FINDING: FindingId = FindingId::PregnancyOrLactation;
        let id = CriterionId::PregnancyOrLactation;
        for lang in LANGS {
            let mut man = Case::default();
            man.patient.sex = Some(Sex::Male);
            let c = criterion(&man, id, lang);
            assert_eq!(c.basis, msg::msc::BASIS_MALE_PATIENT.get(lang));
            assert_names(&c, Status::NotMet, &[], lang);
            let mut woman = with_findings(&[(FINDING, true)]);
            woman.patient.sex = Some(Sex::Female);
            assert_names(&criterion(&woman, id, lang), Status::Met, &[FINDING], lang);
            let no = with_findings(&[(FINDING, false)]);
            assert_names(&criterion(&no, id, lang), Status::NotMet, &[FINDING], lang);
            let unknown = criterion(&Case::default(), id, lang);
            assert_names(&unknown, Status::Unknown, &[FINDING], lang);
        }
    }

    #[test]
    fn a_malignancy_history_needs_a_specialist_even_when_not_active() {
        const ACTIVE: FindingId = FindingId::ActiveMalignancy;
        const HISTORY: FindingId = FindingId::MalignancyHistory;
        let id = CriterionId::ActiveMalignancy;
        for lang in LANGS {
            for (findings, status, named) in [
                (&[(ACTIVE, true), (HISTORY, true)][..], Status::Met, ACTIVE),
                (&[(ACTIVE, false)][..], Status::NotMet, ACTIVE),
                (
                    &[(ACTIVE, false), (HISTORY, false)][..],
                    Status::NotMet,
                    ACTIVE,
                ),
                (
                    &[(ACTIVE, false), (HISTORY, true)][..],
                    Status::Unknown,
                    HISTORY,
                ),
                (&[(HISTORY, true)][..], Status::Unknown, HISTORY),
                (&[][..], Status::Unknown, ACTIVE),
            ] {
                let c = criterion(&with_findings(findings), id, lang);
                assert_eq!(c.status, status, "{findings:?}");
                let label = finding_label(named, lang);
                assert!(c.basis.contains(&label), "{:?} lacks {label:?}", c.basis);
                assert_eq!(c.needed.is_some(), status == Status::Unknown);
            }
        }
    }

    #[test]
    fn infection_or_sepsis_names_what_decided_or_what_is_missing() {
        const INFECTION: FindingId = FindingId::ActiveUncontrolledInfection;
        const SEPSIS: FindingId = FindingId::Sepsis;
        let id = CriterionId::ActiveUncontrolledInfection;
        for lang in LANGS {
            for (findings, status, named) in [
                (&[(SEPSIS, true)][..], Status::Met, &[SEPSIS][..]),
                (
                    &[(INFECTION, true), (SEPSIS, false)][..],
                    Status::Met,
                    &[INFECTION][..],
                ),
                (
                    &[(INFECTION, false), (SEPSIS, false)][..],
                    Status::NotMet,
                    &[INFECTION, SEPSIS][..],
                ),
                (&[(INFECTION, false)][..], Status::Unknown, &[SEPSIS][..]),
                (&[][..], Status::Unknown, &[INFECTION, SEPSIS][..]),
            ] {
                let c = criterion(&with_findings(findings), id, lang);
                assert_names(&c, status, named, lang);
            }
            // Only the finding still missing is asked for.
            let c = criterion(&with_findings(&[(INFECTION, false)]), id, lang);
            let infection = finding_label(INFECTION, lang);
            assert!(!c.needed.unwrap().contains(&infection));
        }
    }

    fn with_therapies(therapies: &[(Therapy, TherapyTrial)]) -> Case {
        let map: BTreeMap<String, TherapyTrial> = therapies
            .iter()
            .map(|(t, trial)| (t.id().to_string(), trial.clone()))
            .collect();
        Case {
            therapies_tried: Some(map),
            ..Case::default()
        }
    }

    fn trial(response: Option<Response>) -> TherapyTrial {
        TherapyTrial::Detail {
            weeks: Some(8.0),
            response,
        }
    }

    #[test]
    fn refractory_needs_a_failed_therapy_and_no_complete_response() {
        let id = CriterionId::RefractoryToConventional;
        let sts = Therapy::SodiumThiosulfate;
        let ptx = Therapy::Parathyroidectomy;
        for lang in LANGS {
            let name = |t: Therapy| in_sentence(t.name(lang), lang);
            let failed = with_therapies(&[(sts, trial(Some(Response::Partial)))]);
            let c = criterion(&failed, id, lang);
            assert_eq!(c.status, Status::Met);
            assert!(
                c.basis.contains(sts.name(lang)) && c.basis.contains(&name(ptx)),
                "{}",
                c.basis
            );

            let healed = with_therapies(&[
                (sts, trial(Some(Response::None))),
                (ptx, trial(Some(Response::Complete))),
            ]);
            let c = criterion(&healed, id, lang);
            assert_eq!(c.status, Status::NotMet);
            assert!(
                c.basis.contains(ptx.name(lang)) && !c.basis.contains(sts.name(lang)),
                "{}",
                c.basis
            );

            let no_response = with_therapies(&[(sts, TherapyTrial::Tried)]);
            let c = criterion(&no_response, id, lang);
            assert_eq!(c.status, Status::Unknown);
            assert!(c.basis.contains(sts.name(lang)), "{}", c.basis);
            assert!(c.needed.unwrap().contains(&name(sts)));

            let none_tried = with_therapies(&[(sts, TherapyTrial::NotTried)]);
            let c = criterion(&none_tried, id, lang);
            assert_eq!(c.status, Status::NotMet);
            assert_eq!(c.basis, msg::msc::BASIS_NO_THERAPY_TRIED.get(lang));

            let c = criterion(&Case::default(), id, lang);
            assert_eq!(c.status, Status::Unknown);
            assert_eq!(c.needed.unwrap(), msg::msc::TO_RECORD_THERAPIES.get(lang));
        }
    }

    #[test]
    fn the_diagnosis_is_established_by_either_rule_and_ruled_out_by_neither() {
        let id = CriterionId::DiagnosisEstablished;
        let case = Case::default();
        for lang in LANGS {
            let open = assess_in(&case, lang).diagnosis;
            let with_hayashi = |hayashi: HayashiStatus, tiers: Status| {
                let mut diagnosis = open.clone();
                diagnosis.hayashi.status = hayashi;
                for tier in &mut diagnosis.consensus.tiers {
                    tier.status = tiers;
                }
                criterion_with(&case, &diagnosis, id, lang)
            };
            for (hayashi, tiers, status) in [
                (HayashiStatus::Met, Status::Unknown, Status::Met),
                (HayashiStatus::NotMet, Status::NotMet, Status::NotMet),
                (HayashiStatus::NotMet, Status::Unknown, Status::Unknown),
                (HayashiStatus::Incomplete, Status::NotMet, Status::Unknown),
            ] {
                let c = with_hayashi(hayashi, tiers);
                assert_eq!(c.status, status, "{hayashi:?} {tiers:?}");
                let tier = open.consensus.highest.text().get(lang);
                assert!(
                    c.basis.contains(tier) && c.basis.contains("Hayashi"),
                    "{}",
                    c.basis
                );
                assert_eq!(c.needed.is_some(), status == Status::Unknown);
            }
        }
    }

    #[test]
    fn one_blocking_criterion_settles_the_overall_status() {
        let bleeding = with_findings(&[
            (FindingId::InformedConsent, true),
            (FindingId::UncontrolledBleeding, true),
        ]);
        let (inputs, _, _) = validate(&bleeding, Lang::En);
        let diagnosis = assess_in(&bleeding, Lang::En).diagnosis;
        let msc = assess_msc(&inputs, &diagnosis, Lang::En);
        assert_eq!(msc.status, MscStatus::NotEligible);
        assert!(
            msc.summary.contains("uncontrolled bleeding"),
            "{}",
            msc.summary
        );
        let open = assess_msc(
            &validate(&Case::default(), Lang::En).0,
            &diagnosis,
            Lang::En,
        );
        assert_eq!(open.status, MscStatus::Incomplete);
        assert_eq!(open.missing.len(), CRITERIA.len());
    }
}
