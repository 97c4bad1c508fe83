//! Worked cases at the edge of each diagnostic rule: the rule met, one criterion short (not
//! met), one criterion unknown (not decidable; never read as not met).
//!
//! cn_consensus_2023: Chinese expert consensus on calciphylaxis in dialysis patients,
//! Table 3, PMC10557543. hayashi_2013: Hayashi M, Clin Exp Nephrol 2013;17:498–503.

use calciphylaxis::core::case::{Biopsy, Case, CkdStage, Dialysis, LabEntry};
use calciphylaxis::core::diagnosis::{
    ConsensusCriterion, DiagnosticTier, HayashiCriterion, HayashiStatus, Population,
};
use calciphylaxis::core::findings::Site;
use calciphylaxis::core::logic::Status;
use calciphylaxis::core::{assess, Assessment};

fn finding(mut case: Case, id: &str, value: bool) -> Case {
    case.findings.insert(id.to_string(), value);
    case
}

fn tier(a: &Assessment, id: DiagnosticTier) -> Status {
    let tier = a.diagnosis.consensus.tiers.iter().find(|t| t.id == id);
    tier.unwrap_or_else(|| panic!("no tier {}", id.id())).status
}

fn consensus_criterion(a: &Assessment, tier: DiagnosticTier, id: ConsensusCriterion) -> Status {
    let tier = a.diagnosis.consensus.tiers.iter().find(|t| t.id == tier);
    let criterion = tier.and_then(|t| t.criteria.iter().find(|c| c.id == id));
    criterion.unwrap_or_else(|| panic!("no {}", id.id())).status
}

fn hayashi_criterion(a: &Assessment, id: HayashiCriterion) -> Status {
    let criterion = a.diagnosis.hayashi.criteria.iter().find(|c| c.id == id);
    criterion.unwrap_or_else(|| panic!("no {}", id.id())).status
}

/// Two major factors (warfarin, intact PTH 1200 pg/mL > 1000): the consensus threshold met.
fn two_major_factors() -> Case {
    let mut case = finding(Case::default(), "warfarin", true);
    case.labs
        .insert("pth_intact".to_string(), LabEntry::numeric(1200.0, "pg/mL"));
    case
}

#[test]
fn cn_consensus_2023_suspected_threshold_plus_early_changes_plus_differential() {
    let met = finding(
        finding(two_major_factors(), "early_skin_changes", true),
        "differential_excluded",
        true,
    );
    let a = assess(&met);
    assert_eq!(tier(&a, DiagnosticTier::Suspected), Status::Met);
    assert_eq!(a.diagnosis.consensus.highest, DiagnosticTier::Suspected);

    // One short: early changes recorded absent.
    let short = finding(met.clone(), "early_skin_changes", false);
    let a = assess(&short);
    assert_eq!(tier(&a, DiagnosticTier::Suspected), Status::NotMet);
    assert_eq!(a.diagnosis.consensus.highest, DiagnosticTier::None);

    // One unknown: the differential not recorded.
    let mut unknown = met;
    unknown.findings.remove("differential_excluded");
    let a = assess(&unknown);
    assert_eq!(tier(&a, DiagnosticTier::Suspected), Status::Unknown);
    assert_eq!(a.diagnosis.consensus.highest, DiagnosticTier::None);
    let summary = &a.diagnosis.consensus.summary;
    assert!(summary.contains("Not yet decidable") && summary.contains("suspected"));
    assert!(
        summary.contains("Every tier requires the differential"),
        "{summary}"
    );
}

#[test]
fn cn_consensus_2023_suspected_needs_the_risk_threshold() {
    // One major factor only, every other factor unrecorded: the threshold is unknown, so
    // the tier is unknown too, not "not met".
    let one_major = finding(
        finding(
            finding(Case::default(), "warfarin", true),
            "early_skin_changes",
            true,
        ),
        "differential_excluded",
        true,
    );
    let a = assess(&one_major);
    assert_eq!(
        consensus_criterion(
            &a,
            DiagnosticTier::Suspected,
            ConsensusCriterion::RiskThreshold
        ),
        Status::Unknown
    );
    assert_eq!(tier(&a, DiagnosticTier::Suspected), Status::Unknown);
}

#[test]
fn cn_consensus_2023_clinical_one_factor_plus_typical_lesion_plus_differential() {
    let met = finding(
        finding(
            finding(Case::default(), "warfarin", true),
            "necrotic_eschar",
            true,
        ),
        "differential_excluded",
        true,
    );
    let a = assess(&met);
    assert_eq!(tier(&a, DiagnosticTier::Clinical), Status::Met);
    assert_eq!(a.diagnosis.consensus.highest, DiagnosticTier::Clinical);
    // The biopsy is not recorded: confirmed is still open.
    assert_eq!(tier(&a, DiagnosticTier::Confirmed), Status::Unknown);

    // One short: every typical lesion recorded absent.
    let mut short = met.clone();
    for lesion in [
        "livedo_reticularis",
        "painful_purpura",
        "violaceous_plaques_or_induration",
        "painful_skin_ulcers",
        "necrotic_eschar",
    ] {
        short = finding(short, lesion, false);
    }
    let a = assess(&short);
    assert_eq!(
        consensus_criterion(
            &a,
            DiagnosticTier::Clinical,
            ConsensusCriterion::TypicalLesions
        ),
        Status::NotMet
    );
    assert_eq!(tier(&a, DiagnosticTier::Clinical), Status::NotMet);

    // One unknown: no factor present and most unrecorded.
    let mut unknown = met;
    unknown.findings.remove("warfarin");
    let a = assess(&unknown);
    assert_eq!(
        consensus_criterion(
            &a,
            DiagnosticTier::Clinical,
            ConsensusCriterion::RiskFactorPresent
        ),
        Status::Unknown
    );
    assert_eq!(tier(&a, DiagnosticTier::Clinical), Status::Unknown);
    assert_eq!(a.diagnosis.consensus.highest, DiagnosticTier::None);
}

#[test]
fn cn_consensus_2023_confirmed_biopsy_plus_lesions_plus_differential() {
    let mut met = finding(
        finding(Case::default(), "early_skin_changes", true),
        "differential_excluded",
        true,
    );
    met.lesions.biopsy = Some(Biopsy::Consistent);
    let a = assess(&met);
    assert_eq!(
        consensus_criterion(
            &a,
            DiagnosticTier::Confirmed,
            ConsensusCriterion::SkinLesions
        ),
        Status::Met
    );
    assert_eq!(tier(&a, DiagnosticTier::Confirmed), Status::Met);
    assert_eq!(a.diagnosis.consensus.highest, DiagnosticTier::Confirmed);

    // One short: the biopsy not consistent.
    let mut short = met.clone();
    short.lesions.biopsy = Some(Biopsy::NotConsistent);
    let a = assess(&short);
    assert_eq!(tier(&a, DiagnosticTier::Confirmed), Status::NotMet);
    assert_ne!(a.diagnosis.consensus.highest, DiagnosticTier::Confirmed);

    // One unknown: the biopsy not recorded.
    let mut unknown = met;
    unknown.lesions.biopsy = None;
    let a = assess(&unknown);
    assert_eq!(tier(&a, DiagnosticTier::Confirmed), Status::Unknown);
    assert_ne!(a.diagnosis.consensus.highest, DiagnosticTier::Confirmed);
}

/// On haemodialysis, painful ulcers and painful purpura recorded.
fn ulcerated_on_dialysis(count: Option<f64>, sites: Vec<Site>) -> Case {
    let mut case = finding(
        finding(Case::default(), "painful_skin_ulcers", true),
        "painful_purpura",
        true,
    );
    case.kidney.dialysis = Some(Dialysis::Hemodialysis);
    case.kidney.ckd_stage = Some(CkdStage::G5D);
    case.lesions.ulcer_count = count;
    case.lesions.sites = sites;
    case
}

#[test]
fn hayashi_2013_criteria_1_2_3_without_histology() {
    let met = ulcerated_on_dialysis(Some(3.0), vec![Site::Thigh]);
    let a = assess(&met);
    assert_eq!(a.diagnosis.hayashi.status, HayashiStatus::Met);
    // The biopsy is not recorded and not needed on this route.
    assert_eq!(
        hayashi_criterion(&a, HayashiCriterion::Histology),
        Status::Unknown
    );

    // One short: two ulcers, and no biopsy to take the other route.
    let mut short = ulcerated_on_dialysis(Some(2.0), vec![Site::Thigh]);
    short.lesions.biopsy = Some(Biopsy::NotDone);
    let a = assess(&short);
    assert_eq!(
        hayashi_criterion(&a, HayashiCriterion::MoreThanTwoUlcers),
        Status::NotMet
    );
    assert_eq!(a.diagnosis.hayashi.status, HayashiStatus::NotMet);

    // One unknown: the ulcer count not recorded.
    let mut unknown = ulcerated_on_dialysis(None, vec![Site::Thigh]);
    unknown.lesions.biopsy = Some(Biopsy::NotDone);
    let a = assess(&unknown);
    assert_eq!(
        hayashi_criterion(&a, HayashiCriterion::MoreThanTwoUlcers),
        Status::Unknown
    );
    assert_eq!(a.diagnosis.hayashi.status, HayashiStatus::Incomplete);
}

#[test]
fn hayashi_2013_criteria_1_and_2_or_3_with_histology() {
    // (3) not met (site "other"), (2) met, (4) met.
    let mut met = ulcerated_on_dialysis(Some(3.0), vec![Site::Other]);
    met.lesions.biopsy = Some(Biopsy::Consistent);
    let a = assess(&met);
    assert_eq!(
        hayashi_criterion(&a, HayashiCriterion::UlcersAtTypicalSite),
        Status::NotMet
    );
    assert_eq!(a.diagnosis.hayashi.status, HayashiStatus::Met);

    // (3) met, (2) unknown, (4) met: "2 or 3" already holds.
    let mut either = ulcerated_on_dialysis(None, vec![Site::Foot]);
    either.lesions.biopsy = Some(Biopsy::Consistent);
    assert_eq!(assess(&either).diagnosis.hayashi.status, HayashiStatus::Met);

    // One short: not kidney failure (CKD G3b, not on dialysis).
    let mut short = met.clone();
    short.kidney.dialysis = Some(Dialysis::None);
    short.kidney.ckd_stage = Some(CkdStage::G3b);
    let a = assess(&short);
    assert_eq!(
        hayashi_criterion(&a, HayashiCriterion::KidneyFailure),
        Status::NotMet
    );
    assert_eq!(a.diagnosis.hayashi.status, HayashiStatus::NotMet);

    // One unknown: dialysis and CKD stage not recorded.
    let mut unknown = met;
    unknown.kidney.dialysis = None;
    unknown.kidney.ckd_stage = None;
    let a = assess(&unknown);
    assert_eq!(
        hayashi_criterion(&a, HayashiCriterion::KidneyFailure),
        Status::Unknown
    );
    assert_eq!(a.diagnosis.hayashi.status, HayashiStatus::Incomplete);
}

/// Issue 14 item 6 (Nigwekar 2008; Hayashi 2013): outside kidney failure Hayashi does not
/// apply and both summaries say biopsy decides; a failed graft is uremic again.
#[test]
fn non_uremic_and_transplant_patients_are_left_to_the_biopsy() {
    let mut met = ulcerated_on_dialysis(Some(3.0), vec![Site::Thigh]);
    met.kidney.kidney_transplant = Some(true);
    // Failed graft, back on haemodialysis (G5D): uremic, Hayashi applies and is met.
    let a = assess(&met);
    assert_eq!(a.diagnosis.population, Population::Uremic);
    assert_eq!(a.diagnosis.hayashi.status, HayashiStatus::Met);
    assert!(!a.diagnosis.consensus.summary.contains("biopsy decides"));

    // A working graft (G3b, off dialysis): transplant, not applicable, criteria kept.
    let mut working = met.clone();
    working.kidney.dialysis = Some(Dialysis::None);
    working.kidney.ckd_stage = Some(CkdStage::G3b);
    let a = assess(&working);
    assert_eq!(a.diagnosis.population, Population::Transplant);
    assert_eq!(a.diagnosis.hayashi.status, HayashiStatus::NotApplicable);
    assert_eq!(a.diagnosis.hayashi.criteria.len(), 4);
    for summary in [&a.diagnosis.consensus.summary, &a.risk.summary] {
        assert!(summary.contains("kidney failure"), "{summary}");
        assert!(summary.contains("biopsy decides"), "{summary}");
    }

    // No CKD: non-uremic.
    let mut none = working;
    none.kidney.kidney_transplant = Some(false);
    none.kidney.ckd_stage = Some(CkdStage::None);
    let a = assess(&none);
    assert_eq!(a.diagnosis.population, Population::NonUremic);
    assert_eq!(a.diagnosis.hayashi.status, HayashiStatus::NotApplicable);
    assert!(a.risk.summary.contains("biopsy decides"));
}

#[test]
fn tiers_and_criteria_serialise_as_their_ids() {
    let a = assess(&two_major_factors());
    let json = serde_json::to_value(&a.diagnosis).unwrap();
    assert_eq!(json["consensus"]["tier"], "none");
    let tiers: Vec<&str> = json["consensus"]["tiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["tier"].as_str().unwrap())
        .collect();
    assert_eq!(tiers, ["confirmed", "clinical", "suspected"]);
    assert_eq!(
        json["consensus"]["tiers"][0]["criteria"][0]["id"],
        "positive_biopsy"
    );
    assert_eq!(
        json["hayashi"]["criteria"][0]["id"],
        "ckd_on_dialysis_or_egfr_under_15"
    );
}
