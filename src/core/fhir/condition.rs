//! `Condition` (ICD-10-CM, SNOMED CT) → findings and kidney fields. `verificationStatus`
//! refuted → `false`; unconfirmed, provisional or differential → unknown (skipped);
//! `clinicalStatus` inactive, remission or resolved → the history field where the case has
//! one (malignancy), else skipped. A finding recorded both ways is `true`.

use super::codes::{icd10_target, snomed_condition, ConditionTarget, ICD10, ICD10CM, SNOMED};
use super::importer::{Importer, Output};
use super::model::{CodeableConcept, Condition};
use super::report::{MatchedBy, NotMappedReason, SkipReason};
use crate::core::case::CkdStage;
use crate::core::findings::FindingId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum State {
    Present,
    Resolved,
    Refuted,
    /// Unconfirmed, provisional or differential: skipped, but kept for a malignancy, whose
    /// timing it leaves unknown ([`super::malignancy`]).
    Unconfirmed,
}

#[derive(Debug, Clone)]
pub(super) struct ConditionFact {
    pub resource: String,
    pub target: ConditionTarget,
    pub state: State,
    pub code: String,
    pub matched_by: MatchedBy,
    /// `onsetDateTime`, else `recordedDate`.
    pub date: Option<String>,
    pub abatement: Option<String>,
}

fn status(concept: Option<&CodeableConcept>) -> Option<&str> {
    concept.and_then(|c| c.coding.iter().find_map(|coding| coding.code.as_deref()))
}

fn target_of(code: &CodeableConcept) -> Option<(ConditionTarget, String, MatchedBy)> {
    code.codes().find_map(|(system, c)| match system {
        ICD10CM | ICD10 => icd10_target(c).map(|t| (t, format!("{system}|{c}"), MatchedBy::Icd10)),
        SNOMED => snomed_condition(c).map(|t| (t, format!("{system}|{c}"), MatchedBy::Snomed)),
        _ => None,
    })
}

impl Importer {
    pub(super) fn read_condition(&mut self, text: &str, name: &str) {
        let Ok(condition) = serde_json::from_str::<Condition>(text) else {
            return self.skip(name, None, SkipReason::Invalid, None);
        };
        if self.other_patient(condition.subject.as_ref()) {
            return self.skip(name, None, SkipReason::OtherPatient, None);
        }
        let Some(code) = &condition.code else {
            return self.skip(name, None, SkipReason::NoCode, None);
        };
        let Some((target, matched_code, matched_by)) = target_of(code) else {
            let first = code.codes().next().map(|(s, c)| format!("{s}|{c}"));
            let reason = if first.is_some() {
                SkipReason::UnknownCode
            } else {
                SkipReason::NoCode
            };
            return self.skip(name, first, reason, None);
        };
        let code = Some(matched_code.clone());
        let verification = status(condition.verification_status.as_ref());
        let state = match verification {
            Some("entered-in-error") => {
                return self.skip(name, code, SkipReason::EnteredInError, None)
            }
            Some(v @ ("unconfirmed" | "provisional" | "differential")) => {
                if super::malignancy::is_malignancy(target) {
                    let fact = fact(name, target, State::Unconfirmed, &matched_code, matched_by);
                    self.conditions.push(fact);
                }
                return self.skip(name, code, SkipReason::Unconfirmed, Some(v.to_string()));
            }
            Some("refuted") => State::Refuted,
            _ => match status(condition.clinical_status.as_ref()) {
                Some("inactive" | "remission" | "resolved") => State::Resolved,
                _ => State::Present,
            },
        };
        let resolved_without_history = state == State::Resolved
            && !matches!(
                target,
                ConditionTarget::Finding {
                    history: Some(_),
                    ..
                } | ConditionTarget::History(_)
            );
        if resolved_without_history {
            let detail = status(condition.clinical_status.as_ref()).map(str::to_string);
            return self.skip(name, code, SkipReason::ResolvedNoHistory, detail);
        }
        let mut fact = fact(name, target, state, &matched_code, matched_by);
        fact.date = condition.onset_date_time.or(condition.recorded_date);
        fact.abatement = condition.abatement_date_time;
        self.conditions.push(fact);
    }
}

fn fact(
    name: &str,
    target: ConditionTarget,
    state: State,
    code: &str,
    matched_by: MatchedBy,
) -> ConditionFact {
    ConditionFact {
        resource: name.to_string(),
        target,
        state,
        code: code.to_string(),
        matched_by,
        date: None,
        abatement: None,
    }
}

/// Rank of a stage: the more advanced (and the more specific, G3a over G3) wins.
fn rank(stage: CkdStage) -> u8 {
    match stage {
        CkdStage::None => 0,
        CkdStage::G1 => 1,
        CkdStage::G2 => 2,
        CkdStage::G3 => 3,
        CkdStage::G3a => 4,
        CkdStage::G3b => 5,
        CkdStage::G4 => 6,
        CkdStage::G5 => 7,
        CkdStage::G5D => 8,
    }
}

/// Writes the findings and kidney fields: `true` facts first, so a `false` never
/// overrides one.
pub(super) fn finish(facts: &[ConditionFact], out: &mut Output) {
    let mut ordered: Vec<&ConditionFact> = facts.iter().collect();
    ordered.sort_by_key(|f| f.state == State::Refuted);
    let mut stage: Option<(CkdStage, &ConditionFact)> = None;
    for fact in ordered {
        if fact.state == State::Unconfirmed {
            continue;
        }
        let value = fact.state != State::Refuted;
        match fact.target {
            ConditionTarget::Finding { finding, history } => {
                let id = match (fact.state, history) {
                    (State::Resolved, Some(history)) => history,
                    _ => finding,
                };
                set_finding(out, id, value, fact);
            }
            ConditionTarget::History(id) => set_finding(out, id, value, fact),
            ConditionTarget::Ckd(s) if value => stage = most_advanced(out, stage, s, fact),
            ConditionTarget::DialysisDependence if value => {
                stage = most_advanced(out, stage, CkdStage::G5D, fact)
            }
            ConditionTarget::KidneyTransplant => {
                if out.case.kidney.kidney_transplant != Some(true) {
                    out.case.kidney.kidney_transplant = Some(value);
                    let v = serde_json::Value::from(value);
                    record(out, "kidney.kidney_transplant".into(), v, fact);
                }
            }
            _ => out.skip(
                &fact.resource,
                Some(fact.code.clone()),
                SkipReason::NotUsed,
                None,
            ),
        }
    }
    if let Some((stage, fact)) = stage {
        out.case.kidney.ckd_stage = Some(stage);
        record(
            out,
            "kidney.ckd_stage".into(),
            serde_json::Value::from(stage.id()),
            fact,
        );
        if stage == CkdStage::G5D {
            let resources = vec![fact.resource.clone()];
            out.not_mapped(
                "kidney.dialysis",
                NotMappedReason::DialysisModality,
                resources,
            );
        }
    }
}

/// The more advanced of the stage so far and `s`; the other is reported as superseded.
fn most_advanced<'a>(
    out: &mut Output,
    best: Option<(CkdStage, &'a ConditionFact)>,
    s: CkdStage,
    fact: &'a ConditionFact,
) -> Option<(CkdStage, &'a ConditionFact)> {
    let (kept, dropped) = match best {
        Some((b, f)) if rank(b) >= rank(s) => ((b, f), Some(fact)),
        Some((_, f)) => ((s, fact), Some(f)),
        None => ((s, fact), None),
    };
    if let Some(dropped) = dropped {
        let detail = Some(kept.1.resource.clone());
        let code = Some(dropped.code.clone());
        out.skip(&dropped.resource, code, SkipReason::LaterStage, detail);
    }
    Some(kept)
}

fn set_finding(out: &mut Output, id: FindingId, value: bool, fact: &ConditionFact) {
    if !out.set_finding_once(id, value) {
        return;
    }
    record(
        out,
        format!("findings.{}", id.id()),
        serde_json::Value::from(value),
        fact,
    );
}

pub(super) fn record(
    out: &mut Output,
    field: String,
    value: serde_json::Value,
    fact: &ConditionFact,
) {
    let (date, code) = (fact.date.clone(), Some(fact.code.clone()));
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
