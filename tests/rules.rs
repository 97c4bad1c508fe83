//! Every rule at its threshold and either side of it, and the confounders of the workup.
//! Values are checked in both unit systems where the rule is stated in both.

use calciphylaxis::core::case::{
    Biopsy, Case, CkdStage, Dialysis, LabEntry, Response, Sex, TherapyTrial,
};
use calciphylaxis::core::diagnosis::{DiagnosticTier, Distribution, HayashiStatus};
use calciphylaxis::core::findings::Site;
use calciphylaxis::core::logic::{Presence, Status};
use calciphylaxis::core::msc::MscStatus;
use calciphylaxis::core::workup::{Direction, WorkupStatus};
use calciphylaxis::core::{assess, Assessment};

fn case() -> Case {
    Case::default()
}

fn lab(mut case: Case, id: &str, value: f64, unit: &str) -> Case {
    case.labs
        .insert(id.to_string(), LabEntry::numeric(value, unit));
    case
}

fn result(mut case: Case, id: &str, result: &str) -> Case {
    case.labs
        .insert(id.to_string(), LabEntry::qualitative(result));
    case
}

fn finding(mut case: Case, id: &str, value: bool) -> Case {
    case.findings.insert(id.to_string(), value);
    case
}

fn factor(assessment: &Assessment, id: &str) -> Presence {
    assessment
        .risk
        .factors
        .iter()
        .find(|f| f.id.id() == id)
        .unwrap_or_else(|| panic!("no factor {id}"))
        .status
}

fn item(assessment: &Assessment, test: &str) -> (WorkupStatus, Option<Direction>) {
    let item = assessment
        .workup
        .items
        .iter()
        .find(|i| i.test.id() == test)
        .unwrap_or_else(|| panic!("no workup item {test}"));
    (item.status, item.direction)
}

fn on_hd(months: Option<f64>) -> Case {
    let mut case = case();
    case.kidney.dialysis = Some(Dialysis::Hemodialysis);
    case.kidney.ckd_stage = Some(CkdStage::G5D);
    case.kidney.dialysis_vintage_months = months;
    case
}

#[test]
fn dialysis_vintage_splits_at_60_months() {
    for (months, major, minor) in [
        (59.0, Presence::Absent, Presence::Present),
        (60.0, Presence::Absent, Presence::Present),
        (60.5, Presence::Present, Presence::Absent),
        (61.0, Presence::Present, Presence::Absent),
    ] {
        let a = assess(&on_hd(Some(months)));
        assert_eq!(factor(&a, "dialysis_over_5_years"), major, "{months}");
        assert_eq!(factor(&a, "dialysis_under_5_years"), minor, "{months}");
    }
    let unknown = assess(&on_hd(None));
    assert_eq!(factor(&unknown, "dialysis_over_5_years"), Presence::Unknown);
    assert_eq!(
        factor(&unknown, "dialysis_under_5_years"),
        Presence::Unknown
    );
    let mut not_on_dialysis = case();
    not_on_dialysis.kidney.dialysis = Some(Dialysis::None);
    let a = assess(&not_on_dialysis);
    assert_eq!(factor(&a, "dialysis_over_5_years"), Presence::Absent);
    assert_eq!(factor(&a, "dialysis_under_5_years"), Presence::Absent);
    assert_eq!(
        factor(&assess(&case()), "dialysis_over_5_years"),
        Presence::Unknown
    );
}

#[test]
fn pth_thresholds_in_both_units() {
    let check = |value: f64, unit: &str, over_1000: Presence, under_300: Presence| {
        let a = assess(&lab(case(), "pth_intact", value, unit));
        assert_eq!(factor(&a, "pth_over_1000"), over_1000, "{value} {unit}");
        assert_eq!(factor(&a, "pth_under_300"), under_300, "{value} {unit}");
    };
    check(1000.0, "pg/mL", Presence::Absent, Presence::Absent);
    check(1000.5, "pg/mL", Presence::Present, Presence::Absent);
    check(300.0, "pg/mL", Presence::Absent, Presence::Absent);
    check(299.5, "pg/mL", Presence::Absent, Presence::Present);
    // 106 pmol/L is exactly 1000 pg/mL by the spec's factor (× 0.106): not above it.
    check(106.0, "pmol/L", Presence::Absent, Presence::Absent);
    check(106.1, "pmol/L", Presence::Present, Presence::Absent);
    check(31.8, "pmol/L", Presence::Absent, Presence::Absent);
    check(31.7, "pmol/L", Presence::Absent, Presence::Present);
    let a = assess(&case());
    assert_eq!(factor(&a, "pth_over_1000"), Presence::Unknown);
}

#[test]
fn hypoalbuminemia_below_3_5_g_dl() {
    for (value, unit, expected) in [
        (3.5, "g/dL", Presence::Absent),
        (3.49, "g/dL", Presence::Present),
        (3.6, "g/dL", Presence::Absent),
        (35.0, "g/L", Presence::Absent),
        (34.9, "g/L", Presence::Present),
    ] {
        let a = assess(&lab(case(), "albumin", value, unit));
        assert_eq!(factor(&a, "hypoalbuminemia"), expected, "{value} {unit}");
    }
}

#[test]
fn hyperphosphatemia_above_4_5_mg_dl() {
    for (value, unit, expected) in [
        (4.5, "mg/dL", Presence::Absent),
        (4.51, "mg/dL", Presence::Present),
        (4.4, "mg/dL", Presence::Absent),
        // 1.45 mmol/L = 4.49 mg/dL; 1.46 mmol/L = 4.52 mg/dL.
        (1.45, "mmol/L", Presence::Absent),
        (1.46, "mmol/L", Presence::Present),
    ] {
        let a = assess(&lab(case(), "phosphate", value, unit));
        assert_eq!(factor(&a, "hyperphosphatemia"), expected, "{value} {unit}");
    }
}

#[test]
fn hypercalcemia_uses_ionized_then_corrected_then_measured() {
    let total = |value: f64| lab(case(), "calcium_total", value, "mg/dL");
    // Albumin 4.0: no correction; the limit is 10.2 mg/dL.
    let at = assess(&lab(total(10.2), "albumin", 4.0, "g/dL"));
    assert_eq!(factor(&at, "hypercalcemia"), Presence::Absent);
    let above = assess(&lab(total(10.3), "albumin", 4.0, "g/dL"));
    assert_eq!(factor(&above, "hypercalcemia"), Presence::Present);
    // 9.9 + 0.8 × 0.4 = 10.22 > 10.2: present, only through the correction, so the basis
    // says it over-calls in CKD and ionized calcium should confirm.
    let corrected = assess(&lab(total(9.9), "albumin", 3.6, "g/dL"));
    assert_eq!(factor(&corrected, "hypercalcemia"), Presence::Present);
    let basis = |a: &Assessment| {
        a.risk
            .factors
            .iter()
            .find(|f| f.id.id() == "hypercalcemia")
            .unwrap()
            .basis
            .clone()
    };
    assert!(
        basis(&corrected).contains("over-calls"),
        "{}",
        basis(&corrected)
    );
    // 9.4 + 0.8 × 1.0 = 10.2 (not above) but Payne 9.4 − 3.0 + 4.0 = 10.4: unknown.
    let disagree = assess(&lab(total(9.4), "albumin", 3.0, "g/dL"));
    assert_eq!(factor(&disagree, "hypercalcemia"), Presence::Unknown);
    assert!(basis(&disagree).contains("ionized"), "{}", basis(&disagree));
    // 9.7 + 0.32 = 10.02 and Payne 10.1: both at or below: absent.
    let corrected_below = assess(&lab(total(9.7), "albumin", 3.6, "g/dL"));
    assert_eq!(factor(&corrected_below, "hypercalcemia"), Presence::Absent);
    // A measured value above the limit needs no albumin; one below it does.
    assert_eq!(
        factor(&assess(&total(10.5)), "hypercalcemia"),
        Presence::Present
    );
    assert_eq!(
        factor(&assess(&total(9.5)), "hypercalcemia"),
        Presence::Unknown
    );
    // SI: 2.55 mmol/L = 10.22 mg/dL, above 10.2.
    let si = lab(
        lab(case(), "calcium_total", 2.55, "mmol/L"),
        "albumin",
        40.0,
        "g/L",
    );
    assert_eq!(factor(&assess(&si), "hypercalcemia"), Presence::Present);
    // Ionized calcium decides when given, whatever the total.
    let ionized_at = lab(total(11.0), "calcium_ionized", 1.32, "mmol/L");
    assert_eq!(
        factor(&assess(&ionized_at), "hypercalcemia"),
        Presence::Absent
    );
    let ionized_above = lab(total(8.0), "calcium_ionized", 1.33, "mmol/L");
    let a = assess(&ionized_above);
    assert_eq!(factor(&a, "hypercalcemia"), Presence::Present);
    let basis = &a
        .risk
        .factors
        .iter()
        .find(|f| f.id.id() == "hypercalcemia")
        .unwrap()
        .basis;
    assert!(basis.contains("ionized"), "{basis}");
    let ionized_mg = lab(case(), "calcium_ionized", 5.4, "mg/dL");
    assert_eq!(
        factor(&assess(&ionized_mg), "hypercalcemia"),
        Presence::Present
    );
}

#[test]
fn alkaline_phosphatase_against_default_or_laboratory_limit() {
    for (value, expected) in [(120.0, Presence::Absent), (121.0, Presence::Present)] {
        let a = assess(&lab(case(), "alkaline_phosphatase", value, "U/L"));
        assert_eq!(factor(&a, "high_alkaline_phosphatase"), expected, "{value}");
    }
    let mut local = case();
    local.labs.insert(
        "alkaline_phosphatase".into(),
        LabEntry {
            value: Some(110.0),
            unit: Some("U/L".into()),
            reference_high: Some(100.0),
            ..Default::default()
        },
    );
    assert_eq!(
        factor(&assess(&local), "high_alkaline_phosphatase"),
        Presence::Present
    );
}

#[test]
fn obesity_from_bmi_else_from_the_finding() {
    let person = |weight: f64, height: f64| {
        let mut c = case();
        c.patient.weight_kg = Some(weight);
        c.patient.height_cm = Some(height);
        c
    };
    // 30 kg/m² exactly: 76.8 kg at 160 cm.
    assert_eq!(
        factor(&assess(&person(76.8, 160.0)), "obesity"),
        Presence::Present
    );
    assert_eq!(
        factor(&assess(&person(76.5, 160.0)), "obesity"),
        Presence::Absent
    );
    let chinese = assess(&person(73.0, 160.0)); // 28.5
    assert_eq!(factor(&chinese, "obesity"), Presence::Absent);
    let basis = &chinese
        .risk
        .factors
        .iter()
        .find(|f| f.id.id() == "obesity")
        .unwrap()
        .basis;
    assert!(basis.contains("Chinese"), "{basis}");
    // BMI cannot be computed: the finding decides, and the basis says so.
    let mut weight_only = case();
    weight_only.patient.weight_kg = Some(120.0);
    let weight_only = finding(weight_only, "obesity", true);
    assert_eq!(factor(&assess(&weight_only), "obesity"), Presence::Present);
    // The finding is ignored when BMI exists.
    let thin_but_flagged = finding(person(50.0, 170.0), "obesity", true);
    assert_eq!(
        factor(&assess(&thin_but_flagged), "obesity"),
        Presence::Absent
    );
}

#[test]
fn protein_c_low_is_a_major_factor_only_when_interpretable() {
    let low_pc = lab(case(), "protein_c_activity", 50.0, "%");
    let a = assess(&low_pc);
    assert_eq!(
        item(&a, "protein_c_activity"),
        (WorkupStatus::Abnormal, Some(Direction::Low))
    );
    // Its acquired causes are not recorded: low, but not yet a deficiency.
    assert_eq!(factor(&a, "protein_c_or_s_deficiency"), Presence::Unknown);
    let causes = [
        "warfarin",
        "vitamin_k_deficiency",
        "liver_disease",
        "acute_thrombosis",
        "sepsis",
        "acute_inflammation",
    ];
    let cleared = causes
        .iter()
        .fold(low_pc.clone(), |case, id| finding(case, id, false));
    let a = assess(&cleared);
    assert_eq!(factor(&a, "protein_c_or_s_deficiency"), Presence::Present);

    let on_warfarin = finding(low_pc.clone(), "warfarin", true);
    let a = assess(&on_warfarin);
    assert_eq!(
        item(&a, "protein_c_activity"),
        (WorkupStatus::Uninterpretable, None)
    );
    assert_eq!(factor(&a, "protein_c_or_s_deficiency"), Presence::Unknown);
    let notes = &a
        .workup
        .items
        .iter()
        .find(|i| i.test.id() == "protein_c_activity")
        .unwrap()
        .notes;
    assert!(notes.iter().any(|n| n.contains("2 weeks")), "{notes:?}");

    let acute = finding(low_pc, "acute_thrombosis", true);
    assert_eq!(
        item(&assess(&acute), "protein_c_activity").0,
        WorkupStatus::Uninterpretable
    );

    // A normal result on warfarin is not caused by the drug: it stays normal.
    let normal = finding(
        lab(case(), "protein_c_activity", 90.0, "%"),
        "warfarin",
        true,
    );
    assert_eq!(
        item(&assess(&normal), "protein_c_activity").0,
        WorkupStatus::Normal
    );

    let both_normal = lab(
        lab(case(), "protein_c_activity", 90.0, "%"),
        "protein_s_free",
        80.0,
        "%",
    );
    assert_eq!(
        factor(&assess(&both_normal), "protein_c_or_s_deficiency"),
        Presence::Absent
    );
    // At the lower limit is not below it.
    let at_limit = lab(case(), "protein_c_activity", 70.0, "%");
    assert_eq!(
        item(&assess(&at_limit), "protein_c_activity").0,
        WorkupStatus::Normal
    );
    let documented = finding(case(), "protein_c_or_s_deficiency", true);
    assert_eq!(
        factor(&assess(&documented), "protein_c_or_s_deficiency"),
        Presence::Present
    );
}

#[test]
fn anticoagulants_and_acute_illness_confound_the_right_tests() {
    let la_positive = result(case(), "lupus_anticoagulant", "positive");
    assert_eq!(
        item(&assess(&la_positive), "lupus_anticoagulant"),
        (WorkupStatus::Abnormal, Some(Direction::Positive))
    );
    // A DOAC or a current VKA: false positives and false negatives, any result.
    for drug in ["doac", "warfarin"] {
        for la in ["positive", "negative"] {
            let case = result(case(), "lupus_anticoagulant", la);
            let a = assess(&finding(case, drug, true));
            assert_eq!(
                item(&a, "lupus_anticoagulant").0,
                WorkupStatus::Uninterpretable,
                "{drug} {la}"
            );
        }
    }
    // Heparin: the result stands, with a note on the reagent's neutraliser.
    let on_heparin = assess(&finding(la_positive.clone(), "heparin", true));
    assert_eq!(
        item(&on_heparin, "lupus_anticoagulant"),
        (WorkupStatus::Abnormal, Some(Direction::Positive))
    );
    let la_negative = finding(
        result(case(), "lupus_anticoagulant", "negative"),
        "heparin",
        true,
    );
    assert_eq!(
        item(&assess(&la_negative), "lupus_anticoagulant").0,
        WorkupStatus::Normal
    );

    let at_low = lab(case(), "antithrombin_activity", 60.0, "%");
    assert_eq!(
        item(
            &assess(&finding(at_low.clone(), "heparin", true)),
            "antithrombin_activity"
        )
        .0,
        WorkupStatus::Uninterpretable
    );
    assert_eq!(
        item(
            &assess(&finding(at_low.clone(), "nephrotic_syndrome", true)),
            "antithrombin_activity"
        )
        .0,
        WorkupStatus::Uninterpretable
    );
    assert_eq!(
        item(
            &assess(&finding(at_low, "liver_disease", true)),
            "antithrombin_activity"
        )
        .0,
        WorkupStatus::Uninterpretable
    );
    // A DOAC interferes with the assay: even a normal antithrombin is not reassuring.
    let at_normal = finding(
        lab(case(), "antithrombin_activity", 100.0, "%"),
        "doac",
        true,
    );
    assert_eq!(
        item(&assess(&at_normal), "antithrombin_activity").0,
        WorkupStatus::Uninterpretable
    );
    // Nephrotic syndrome does not confound protein C.
    let pc = finding(
        lab(case(), "protein_c_activity", 50.0, "%"),
        "nephrotic_syndrome",
        true,
    );
    assert_eq!(
        item(&assess(&pc), "protein_c_activity").0,
        WorkupStatus::Abnormal
    );

    let fviii_high = lab(case(), "factor_viii_activity", 220.0, "%");
    assert_eq!(
        item(&assess(&fviii_high), "factor_viii_activity"),
        (WorkupStatus::Abnormal, Some(Direction::High))
    );
    assert_eq!(
        item(
            &assess(&finding(fviii_high, "sepsis", true)),
            "factor_viii_activity"
        )
        .0,
        WorkupStatus::Uninterpretable
    );
    let fibrinogen = finding(
        lab(case(), "fibrinogen", 6.0, "g/L"),
        "acute_inflammation",
        true,
    );
    assert_eq!(
        item(&assess(&fibrinogen), "fibrinogen").0,
        WorkupStatus::Uninterpretable
    );

    let indeterminate = result(case(), "lupus_anticoagulant", "indeterminate");
    assert_eq!(
        item(&assess(&indeterminate), "lupus_anticoagulant").0,
        WorkupStatus::Uninterpretable
    );
}

#[test]
fn antiphospholipid_titres_and_persistence_note() {
    let below = assess(&lab(case(), "anticardiolipin_igg", 39.0, "GPL U/mL"));
    assert_eq!(item(&below, "anticardiolipin_igg").0, WorkupStatus::Normal);
    // 40 units is the criteria's moderate titre (2023 ACR/EULAR), even where the
    // laboratory's interval ends at 40.
    let at = assess(&lab(case(), "anticardiolipin_igg", 40.0, "GPL U/mL"));
    assert_eq!(item(&at, "anticardiolipin_igg").0, WorkupStatus::Abnormal);
    let notes = &at
        .workup
        .items
        .iter()
        .find(|i| i.test.id() == "anticardiolipin_igg")
        .unwrap()
        .notes;
    assert!(notes.iter().any(|n| n.contains("12 weeks")), "{notes:?}");
    // One undated positive: persistence unconfirmed, so not yet a hypercoagulable state.
    assert_eq!(
        factor(&at, "hypercoagulable_state_known"),
        Presence::Unknown
    );
}

#[test]
fn workup_lists_the_whole_panel_in_order() {
    let a = assess(&lab(case(), "d_dimer", 800.0, "ng/mL FEU"));
    let tests: Vec<_> = a.workup.items.iter().map(|i| i.test).collect();
    assert_eq!(tests, calciphylaxis::core::labs::WORKUP_PANEL);
    assert_eq!(
        item(&a, "d_dimer"),
        (WorkupStatus::Abnormal, Some(Direction::High))
    );
    assert_eq!(item(&a, "platelets").0, WorkupStatus::ToOrder);
    assert!(
        a.workup.summary.contains("To order"),
        "{}",
        a.workup.summary
    );
    // 0.5 mg/L FEU is the limit; 250 ng/mL DDU ≈ 0.5 mg/L FEU.
    assert_eq!(
        item(&assess(&lab(case(), "d_dimer", 0.5, "mg/L FEU")), "d_dimer").0,
        WorkupStatus::Normal
    );
    assert_eq!(
        item(
            &assess(&lab(case(), "d_dimer", 260.0, "ng/mL DDU")),
            "d_dimer"
        )
        .0,
        WorkupStatus::Abnormal
    );
}

#[test]
fn consensus_threshold_and_tiers() {
    // 2 major (warfarin, PTH > 1000) → threshold met; + early changes + differential → suspected.
    let base = lab(
        finding(case(), "warfarin", true),
        "pth_intact",
        1200.0,
        "pg/mL",
    );
    let a = assess(&base);
    assert_eq!(a.risk.threshold.status, Status::Met);
    assert_eq!(a.diagnosis.consensus.highest, DiagnosticTier::None);
    let suspected = finding(
        finding(base.clone(), "early_skin_changes", true),
        "differential_excluded",
        true,
    );
    assert_eq!(
        assess(&suspected).diagnosis.consensus.highest,
        DiagnosticTier::Suspected
    );
    let clinical = finding(
        finding(base.clone(), "necrotic_eschar", true),
        "differential_excluded",
        true,
    );
    assert_eq!(
        assess(&clinical).diagnosis.consensus.highest,
        DiagnosticTier::Clinical
    );
    let mut confirmed = finding(
        finding(case(), "early_skin_changes", true),
        "differential_excluded",
        true,
    );
    confirmed.lesions.biopsy = Some(Biopsy::Consistent);
    assert_eq!(
        assess(&confirmed).diagnosis.consensus.highest,
        DiagnosticTier::Confirmed
    );
    // Without the differential excluded no tier can be met.
    let pending = finding(base, "necrotic_eschar", true);
    let a = assess(&pending);
    assert_eq!(a.diagnosis.consensus.highest, DiagnosticTier::None);
    assert!(
        a.diagnosis.consensus.summary.contains("clinical"),
        "{}",
        a.diagnosis.consensus.summary
    );
}

#[test]
fn hayashi_routes() {
    let mut clinical_route = on_hd(Some(24.0));
    clinical_route.lesions.ulcer_count = Some(3.0);
    clinical_route.lesions.sites = vec![Site::Thigh];
    let clinical_route = finding(
        finding(clinical_route, "painful_skin_ulcers", true),
        "painful_purpura",
        true,
    );
    assert_eq!(
        assess(&clinical_route).diagnosis.hayashi.status,
        HayashiStatus::Met
    );

    // Two ulcers: (2) not met; (3) met; needs histology (4).
    let mut two = clinical_route.clone();
    two.lesions.ulcer_count = Some(2.0);
    two.lesions.biopsy = Some(Biopsy::NotDone);
    assert_eq!(assess(&two).diagnosis.hayashi.status, HayashiStatus::NotMet);
    two.lesions.biopsy = Some(Biopsy::Consistent);
    assert_eq!(assess(&two).diagnosis.hayashi.status, HayashiStatus::Met);
    two.lesions.biopsy = None;
    assert_eq!(
        assess(&two).diagnosis.hayashi.status,
        HayashiStatus::Incomplete
    );

    let mut ckd3 = clinical_route.clone();
    ckd3.kidney.dialysis = Some(Dialysis::None);
    ckd3.kidney.ckd_stage = Some(CkdStage::G3b);
    assert_eq!(
        assess(&ckd3).diagnosis.hayashi.status,
        HayashiStatus::NotMet
    );
    assert_eq!(
        assess(&case()).diagnosis.hayashi.status,
        HayashiStatus::Incomplete
    );
}

#[test]
fn lesion_distribution() {
    let with_sites = |sites: Vec<Site>| {
        let mut c = case();
        c.lesions.sites = sites;
        assess(&c).diagnosis.lesion_distribution
    };
    assert_eq!(
        with_sites(vec![Site::Abdomen, Site::Thigh]),
        Distribution::Central
    );
    assert_eq!(with_sites(vec![Site::Foot]), Distribution::Peripheral);
    assert_eq!(
        with_sites(vec![Site::Breast, Site::LowerLeg]),
        Distribution::Mixed
    );
    assert_eq!(with_sites(vec![]), Distribution::Unknown);
}

fn msc_ready() -> Case {
    let mut c = on_hd(Some(72.0));
    c.patient.sex = Some(Sex::Female);
    c.lesions.biopsy = Some(Biopsy::Consistent);
    let mut therapies = std::collections::BTreeMap::new();
    therapies.insert(
        "sodium_thiosulfate".to_string(),
        TherapyTrial::Detail {
            weeks: Some(8.0),
            response: Some(Response::None),
        },
    );
    therapies.insert(
        "wound_care".to_string(),
        TherapyTrial::Detail {
            weeks: None,
            response: Some(Response::None),
        },
    );
    c.therapies_tried = Some(therapies);
    c.patient.age_years = Some(50.0);
    for (id, value) in [
        ("warfarin", false),
        ("high_dose_calcium_binder", false),
        ("active_vitamin_d_high_dose", false),
        ("recent_mi_or_stroke", false),
        ("severe_heart_failure", false),
        ("chronic_viral_infection", false),
        ("prior_cell_therapy", false),
        ("hepatic_failure", false),
        ("necrotic_eschar", true),
        ("differential_excluded", true),
        ("informed_consent", true),
        ("ethics_approval", true),
        ("active_malignancy", false),
        ("active_uncontrolled_infection", false),
        ("sepsis", false),
        ("pregnancy_or_lactation", false),
        ("known_allergy_to_product", false),
        ("uncontrolled_bleeding", false),
        ("life_expectancy_too_short", false),
    ] {
        c = finding(c, id, value);
    }
    c
}

#[test]
fn msc_status_rule() {
    let a = assess(&msc_ready());
    assert_eq!(a.msc.status, MscStatus::Candidate, "{:#?}", a.msc.criteria);
    assert!(a.msc.missing.is_empty());

    let cancer = finding(msc_ready(), "active_malignancy", true);
    let a = assess(&cancer);
    assert_eq!(a.msc.status, MscStatus::NotEligible);
    assert!(
        a.msc.summary.to_lowercase().contains("malignancy"),
        "{}",
        a.msc.summary
    );

    let mut no_consent = msc_ready();
    no_consent.findings.remove("informed_consent");
    let a = assess(&no_consent);
    assert_eq!(a.msc.status, MscStatus::Incomplete);
    assert_eq!(
        a.msc.missing,
        vec!["record yes or no: informed consent for hAMSC therapy".to_string()]
    );

    let sepsis = finding(msc_ready(), "sepsis", true);
    assert_eq!(assess(&sepsis).msc.status, MscStatus::NotEligible);

    let mut healed = msc_ready();
    healed.therapies_tried.as_mut().unwrap().insert(
        "parathyroidectomy".into(),
        TherapyTrial::Detail {
            weeks: None,
            response: Some(Response::Complete),
        },
    );
    assert_eq!(assess(&healed).msc.status, MscStatus::NotEligible);

    // A man needs no pregnancy answer.
    let mut man = msc_ready();
    man.patient.sex = Some(Sex::Male);
    man.findings.remove("pregnancy_or_lactation");
    assert_eq!(assess(&man).msc.status, MscStatus::Candidate);

    // An exclusion met settles it even with everything else unknown.
    let only_exclusion = finding(case(), "uncontrolled_bleeding", true);
    assert_eq!(assess(&only_exclusion).msc.status, MscStatus::NotEligible);
    assert_eq!(assess(&case()).msc.status, MscStatus::Incomplete);
}

#[test]
fn derived_values_are_absent_without_their_inputs() {
    let a = assess(&case());
    assert!(a.derived.corrected_calcium.is_none());
    assert!(a.derived.calcium_phosphate_product.is_none());
    assert!(a.derived.bmi.is_none());
    assert!(a.derived.pth_multiple_of_uln.is_none());

    let c = lab(
        lab(
            lab(case(), "calcium_total", 9.1, "mg/dL"),
            "albumin",
            2.8,
            "g/dL",
        ),
        "phosphate",
        2.1,
        "mmol/L",
    );
    let a = assess(&c);
    let corrected = a.derived.corrected_calcium.as_ref().unwrap();
    // 9.1 + 0.8 × (4.0 − 2.8) = 10.06; Payne's 10.3 beside it.
    assert_eq!((corrected.value, corrected.unit.as_str()), (10.1, "mg/dL"));
    assert!(corrected.basis.contains("0.8"), "{}", corrected.basis);
    assert!(
        corrected.basis.contains("10.3 mg/dL"),
        "{}",
        corrected.basis
    );
    assert_eq!(corrected.source, "kdoqi_2003_bone");
    // Ca×P from the same corrected calcium: 10.06 × (2.1 / 0.3229 = 6.5036) = 65.4.
    let product = a.derived.calcium_phosphate_product.as_ref().unwrap();
    assert_eq!(product.value, 65.4);
    assert!(product.basis.contains("corrected"), "{}", product.basis);

    // Albumin ≥ 4.0: present, the measured value, no correction.
    let high_albumin = lab(
        lab(case(), "calcium_total", 9.1, "mg/dL"),
        "albumin",
        4.2,
        "g/dL",
    );
    let a = assess(&high_albumin);
    let corrected = a.derived.corrected_calcium.as_ref().unwrap();
    assert_eq!(corrected.value, 9.1);
    assert!(
        corrected.basis.contains("no correction"),
        "{}",
        corrected.basis
    );

    let mut pth = case();
    pth.labs.insert(
        "pth_intact".into(),
        LabEntry {
            value: Some(650.0),
            unit: Some("pg/mL".into()),
            reference_high: Some(65.0),
            ..Default::default()
        },
    );
    assert_eq!(
        assess(&pth).derived.pth_multiple_of_uln.unwrap().value,
        10.0
    );
    let pth_default_uln = lab(case(), "pth_intact", 130.0, "pg/mL");
    assert_eq!(
        assess(&pth_default_uln)
            .derived
            .pth_multiple_of_uln
            .unwrap()
            .value,
        2.0
    );
}

#[test]
fn bad_values_are_input_errors_naming_the_field_and_are_left_out() {
    let c = lab(case(), "calcium_total", 60.0, "mg/dL");
    let a = assess(&c);
    assert_eq!(a.input_errors.len(), 1);
    assert_eq!(a.input_errors[0].field, "labs.calcium_total");
    assert!(
        a.input_errors[0].message.contains("plausible range"),
        "{}",
        a.input_errors[0].message
    );
    assert_eq!(factor(&a, "hypercalcemia"), Presence::Unknown);

    let wrong_unit = assess(&lab(case(), "calcium_total", 2.4, "mEq/L"));
    assert!(
        wrong_unit.input_errors[0].message.contains("mg/dL, mmol/L"),
        "{:?}",
        wrong_unit.input_errors
    );

    let ambiguous = assess(&lab(case(), "d_dimer", 800.0, "ng/mL"));
    assert!(
        ambiguous.input_errors[0].message.contains("FEU"),
        "{:?}",
        ambiguous.input_errors
    );
    assert_eq!(item(&ambiguous, "d_dimer").0, WorkupStatus::ToOrder);

    let nan = assess(&lab(case(), "albumin", f64::NAN, "g/dL"));
    assert_eq!(nan.input_errors[0].field, "labs.albumin");

    let mut patient = case();
    patient.patient.height_cm = Some(1.7); // metres typed into centimetres
    patient.patient.weight_kg = Some(70.0);
    let a = assess(&patient);
    assert_eq!(a.input_errors[0].field, "patient.height_cm");
    assert!(a.derived.bmi.is_none());

    // A laboratory limit that is not plausible is an error for that lab, never a division by 0.
    let mut zero_uln = case();
    zero_uln.labs.insert(
        "pth_intact".into(),
        LabEntry {
            value: Some(300.0),
            unit: Some("pg/mL".into()),
            reference_high: Some(0.0),
            ..Default::default()
        },
    );
    let a = assess(&zero_uln);
    assert_eq!(a.input_errors[0].field, "labs.pth_intact");
    assert!(
        a.input_errors[0].message.contains("upper reference limit"),
        "{}",
        a.input_errors[0].message
    );
    assert!(a.derived.pth_multiple_of_uln.is_none());

    let qualitative_as_number = assess(&lab(case(), "lupus_anticoagulant", 1.0, "ratio"));
    assert_eq!(
        qualitative_as_number.input_errors[0].field,
        "labs.lupus_anticoagulant"
    );
    let unknown_result = assess(&result(case(), "factor_v_leiden", "maybe"));
    assert!(unknown_result.input_errors[0]
        .message
        .contains("heterozygous"));

    let unknown_ids = assess(&finding(lab(case(), "troponin", 1.0, "ng/L"), "gout", true));
    let fields: Vec<String> = unknown_ids
        .warnings
        .iter()
        .map(|w| w.field.to_string())
        .collect();
    assert_eq!(fields, vec!["findings.gout", "labs.troponin"]);
}

fn basis_of(assessment: &Assessment, id: &str) -> String {
    let factor = assessment.risk.factors.iter().find(|f| f.id.id() == id);
    factor
        .unwrap_or_else(|| panic!("no factor {id}"))
        .basis
        .clone()
}

/// Each lab cutoff at its limit and just either side, in the unit it is written in and at
/// the other unit's number that its threshold wording prints.
#[test]
fn lab_cutoffs_at_and_either_side_of_the_printed_limits() {
    let cases: &[(&str, &str, f64, &str, Presence)] = &[
        // "intact PTH > 1000 pg/mL (106 pmol/L)", "intact PTH < 300 pg/mL (31.8 pmol/L)".
        (
            "pth_intact",
            "pth_over_1000",
            999.9,
            "pg/mL",
            Presence::Absent,
        ),
        (
            "pth_intact",
            "pth_over_1000",
            1000.0,
            "pg/mL",
            Presence::Absent,
        ),
        (
            "pth_intact",
            "pth_over_1000",
            1000.1,
            "pg/mL",
            Presence::Present,
        ),
        (
            "pth_intact",
            "pth_over_1000",
            105.9,
            "pmol/L",
            Presence::Absent,
        ),
        (
            "pth_intact",
            "pth_over_1000",
            106.0,
            "pmol/L",
            Presence::Absent,
        ),
        (
            "pth_intact",
            "pth_over_1000",
            106.01,
            "pmol/L",
            Presence::Present,
        ),
        (
            "pth_intact",
            "pth_under_300",
            299.9,
            "pg/mL",
            Presence::Present,
        ),
        (
            "pth_intact",
            "pth_under_300",
            300.0,
            "pg/mL",
            Presence::Absent,
        ),
        (
            "pth_intact",
            "pth_under_300",
            300.1,
            "pg/mL",
            Presence::Absent,
        ),
        (
            "pth_intact",
            "pth_under_300",
            31.79,
            "pmol/L",
            Presence::Present,
        ),
        (
            "pth_intact",
            "pth_under_300",
            31.8,
            "pmol/L",
            Presence::Absent,
        ),
        (
            "pth_intact",
            "pth_under_300",
            31.9,
            "pmol/L",
            Presence::Absent,
        ),
        // "albumin < 3.5 g/dL (35 g/L)".
        (
            "albumin",
            "hypoalbuminemia",
            3.49,
            "g/dL",
            Presence::Present,
        ),
        ("albumin", "hypoalbuminemia", 3.5, "g/dL", Presence::Absent),
        ("albumin", "hypoalbuminemia", 3.51, "g/dL", Presence::Absent),
        ("albumin", "hypoalbuminemia", 34.9, "g/L", Presence::Present),
        ("albumin", "hypoalbuminemia", 35.0, "g/L", Presence::Absent),
        ("albumin", "hypoalbuminemia", 35.1, "g/L", Presence::Absent),
        // "phosphate > 4.5 mg/dL (1.45 mmol/L)": 1.45 mmol/L is 4.49 mg/dL, 1.454 is 4.503.
        (
            "phosphate",
            "hyperphosphatemia",
            4.49,
            "mg/dL",
            Presence::Absent,
        ),
        (
            "phosphate",
            "hyperphosphatemia",
            4.5,
            "mg/dL",
            Presence::Absent,
        ),
        (
            "phosphate",
            "hyperphosphatemia",
            4.501,
            "mg/dL",
            Presence::Present,
        ),
        (
            "phosphate",
            "hyperphosphatemia",
            1.44,
            "mmol/L",
            Presence::Absent,
        ),
        (
            "phosphate",
            "hyperphosphatemia",
            1.45,
            "mmol/L",
            Presence::Absent,
        ),
        (
            "phosphate",
            "hyperphosphatemia",
            1.454,
            "mmol/L",
            Presence::Present,
        ),
        // "ionized calcium > 1.32 mmol/L (5.3 mg/dL)": 5.3 mg/dL is 1.322 mmol/L.
        (
            "calcium_ionized",
            "hypercalcemia",
            1.31,
            "mmol/L",
            Presence::Absent,
        ),
        (
            "calcium_ionized",
            "hypercalcemia",
            1.32,
            "mmol/L",
            Presence::Absent,
        ),
        (
            "calcium_ionized",
            "hypercalcemia",
            1.321,
            "mmol/L",
            Presence::Present,
        ),
        (
            "calcium_ionized",
            "hypercalcemia",
            5.29,
            "mg/dL",
            Presence::Absent,
        ),
        (
            "calcium_ionized",
            "hypercalcemia",
            5.3,
            "mg/dL",
            Presence::Present,
        ),
        // "ALP above the laboratory's upper limit (default 120 U/L)"; 2 µkat/L = 120 U/L.
        (
            "alkaline_phosphatase",
            "high_alkaline_phosphatase",
            119.9,
            "U/L",
            Presence::Absent,
        ),
        (
            "alkaline_phosphatase",
            "high_alkaline_phosphatase",
            120.0,
            "U/L",
            Presence::Absent,
        ),
        (
            "alkaline_phosphatase",
            "high_alkaline_phosphatase",
            120.1,
            "U/L",
            Presence::Present,
        ),
        (
            "alkaline_phosphatase",
            "high_alkaline_phosphatase",
            2.0,
            "µkat/L",
            Presence::Absent,
        ),
        (
            "alkaline_phosphatase",
            "high_alkaline_phosphatase",
            2.01,
            "µkat/L",
            Presence::Present,
        ),
    ];
    for &(id, factor_id, value, unit, expected) in cases {
        let a = assess(&lab(case(), id, value, unit));
        assert_eq!(factor(&a, factor_id), expected, "{id} {value} {unit}");
    }
}

#[test]
fn total_calcium_cutoff_at_and_either_side_in_both_units() {
    // "albumin-corrected total calcium > 10.2 mg/dL (2.54 mmol/L)", albumin 4.0 g/dL (no
    // correction): 2.54 mmol/L is 10.18 mg/dL, 2.545 is 10.2004.
    for (value, unit, expected) in [
        (10.19, "mg/dL", Presence::Absent),
        (10.2, "mg/dL", Presence::Absent),
        (10.21, "mg/dL", Presence::Present),
        (2.54, "mmol/L", Presence::Absent),
        (2.545, "mmol/L", Presence::Present),
        (2.55, "mmol/L", Presence::Present),
    ] {
        let a = assess(&lab(
            lab(case(), "calcium_total", value, unit),
            "albumin",
            4.0,
            "g/dL",
        ));
        assert_eq!(factor(&a, "hypercalcemia"), expected, "{value} {unit}");
    }
    // The reasoning names the compared limit in its unit.
    let a = assess(&lab(
        lab(case(), "calcium_total", 10.2, "mg/dL"),
        "albumin",
        4.0,
        "g/dL",
    ));
    let basis = basis_of(&a, "hypercalcemia");
    assert!(basis.ends_with("10.2 mg/dL ≤ 10.2 mg/dL"), "{basis}");
    // Below the limit with albumin missing: unknown, and the basis says albumin is needed.
    let a = assess(&lab(case(), "calcium_total", 10.2, "mg/dL"));
    assert_eq!(factor(&a, "hypercalcemia"), Presence::Unknown);
    assert!(basis_of(&a, "hypercalcemia").contains("albumin is needed"));
}

#[test]
fn bmi_cutoffs_and_the_chinese_note_at_their_limits() {
    let person = |weight: f64| {
        let mut c = case();
        c.patient.weight_kg = Some(weight);
        c.patient.height_cm = Some(160.0);
        assess(&c)
    };
    // At 160 cm: 76.65 kg → 29.94 (29.9), 76.8 → 30.0, 77.0 → 30.08 (30.1).
    assert_eq!(factor(&person(76.65), "obesity"), Presence::Absent);
    assert_eq!(factor(&person(76.8), "obesity"), Presence::Present);
    assert_eq!(factor(&person(77.0), "obesity"), Presence::Present);
    assert_eq!(
        basis_of(&person(76.8), "obesity"),
        "BMI 30 kg/m² ≥ 30 kg/m²"
    );
    // The Chinese cut-off 28 is a note only: 71.68 kg → 28.0, 71.5 kg → 27.9.
    let at_28 = person(71.68);
    assert_eq!(factor(&at_28, "obesity"), Presence::Absent);
    assert!(basis_of(&at_28, "obesity").contains("Chinese"));
    assert!(!basis_of(&person(71.5), "obesity").contains("Chinese"));
}
