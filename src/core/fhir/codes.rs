//! Every code the FHIR reader knows, as data, in one place for a clinician to review:
//! LOINC → lab (the catalogue's own codes in `labs.rs` first, then the alternates here),
//! UCUM → the catalogue's unit spellings, qualitative answers, ICD-10-CM / SNOMED CT →
//! findings and kidney fields, RxNorm / ATC / ingredient names → medicine classes.
//!
//! Nothing outside these tables is guessed: a code not listed is reported as not mapped.

use crate::core::case::CkdStage;
use crate::core::findings::{FindingId, Therapy};
use crate::core::labs::{LabId, LABS};

pub const LOINC: &str = "http://loinc.org";
pub const UCUM: &str = "http://unitsofmeasure.org";
pub const SNOMED: &str = "http://snomed.info/sct";
pub const ICD10CM: &str = "http://hl7.org/fhir/sid/icd-10-cm";
/// WHO ICD-10 (the codes used here mean the same in both).
pub const ICD10: &str = "http://hl7.org/fhir/sid/icd-10";
pub const RXNORM: &str = "http://www.nlm.nih.gov/research/umls/rxnorm";
pub const ATC: &str = "http://www.whocc.no/atc";

/// What an Observation's LOINC code becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObservationTarget {
    Lab(LabId),
    BodyWeight,
    BodyHeight,
    /// Reported only (a suggested stage), never a case field.
    Egfr,
}

/// LOINC codes beyond the catalogue's own (`labs.rs`), each checked with the mod-10 check
/// digit.
pub const LOINC_ALTERNATES: &[(&str, ObservationTarget)] = &[
    ("26515-7", ObservationTarget::Lab(LabId::Platelets)),
    ("34714-6", ObservationTarget::Lab(LabId::PtInr)),
    ("3173-2", ObservationTarget::Lab(LabId::Aptt)),
    // High-sensitivity CRP is the same analyte in a lower-range assay (mg/L).
    ("30522-7", ObservationTarget::Lab(LabId::Crp)),
    ("29463-7", ObservationTarget::BodyWeight),
    ("3141-9", ObservationTarget::BodyWeight),
    ("8302-2", ObservationTarget::BodyHeight),
    // Estimated GFR per 1.73 m², each name read in the HL7 CPG CKD example's value set
    // "eGFR Lab Results" (33914-3, 69405-9) and HL7 Switzerland's CH LAB-Report eGFR value
    // sets and profiles (the others): MDRD 33914-3, among non-blacks 48642-3, among blacks
    // 48643-1; method not stated 69405-9; CKD-EPI 62238-1, among blacks 88293-6, among
    // non-blacks 88294-4; CKD-EPI 2021 creatinine 98979-8, creatinine and cystatin C
    // 98980-6. The race-specific pairs come as two values of one draw: when they fall in
    // different GFR categories no stage is suggested (`egfr.rs`).
    ("33914-3", ObservationTarget::Egfr),
    ("48642-3", ObservationTarget::Egfr),
    ("48643-1", ObservationTarget::Egfr),
    ("69405-9", ObservationTarget::Egfr),
    ("62238-1", ObservationTarget::Egfr),
    ("88293-6", ObservationTarget::Egfr),
    ("88294-4", ObservationTarget::Egfr),
    ("98979-8", ObservationTarget::Egfr),
    ("98980-6", ObservationTarget::Egfr),
];

/// The unit of an eGFR, as [`egfr_unit_is_per_1_73_m2`] folds it: UCUM `mL/min/{1.73_m2}`
/// and the written forms `mL/min/1.73 m2`, `ml/min/1.73m^2`, `mL/min/1.73 m²`. A plain
/// `mL/min` is not taken: it is the unit of a clearance, not normalised to body surface.
const EGFR_UNIT_FOLDED: &str = "ml/min/1.73m2";

/// Whether a unit (UCUM code or written) is mL/min per 1.73 m²: compared in lower case
/// without spaces, braces, underscores or `^`, with `²` read as `2`.
pub fn egfr_unit_is_per_1_73_m2(unit: &str) -> bool {
    let folded: String = unit
        .chars()
        .filter(|c| !matches!(c, ' ' | '{' | '}' | '_' | '^'))
        .map(|c| {
            if c == '²' {
                '2'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    folded == EGFR_UNIT_FOLDED
}

/// The target of a LOINC code: the catalogue first, then the alternates.
pub fn observation_target(loinc: &str) -> Option<ObservationTarget> {
    LABS.iter()
        .find(|lab| lab.loinc.contains(&loinc))
        .map(|lab| ObservationTarget::Lab(lab.id))
        .or_else(|| {
            LOINC_ALTERNATES
                .iter()
                .find(|(code, _)| *code == loinc)
                .map(|(_, target)| *target)
        })
}

/// UCUM codes whose catalogue spelling differs (the others are read by the catalogue's own
/// unit parser, e.g. `mg/dL`, `mmol/L`, `g/L`, `pg/mL`, `%`, `s`, `U/mL`). A D-dimer in
/// plain `mg/L` or `ug/mL` is not mapped: FEU or DDU must be stated.
pub const UCUM_SPELLINGS: &[(&str, &str)] = &[
    ("umol/L", "µmol/L"),
    ("10*3/uL", "10^3/µL"),
    ("10*9/L", "10^9/L"),
    ("10*3/mm3", "10^3/mm3"),
    ("mg/L{FEU}", "mg/L FEU"),
    ("ug/mL{FEU}", "µg/mL FEU"),
    ("ng/mL{FEU}", "ng/mL FEU"),
    ("ug/L{FEU}", "µg/L FEU"),
    ("ng/mL{DDU}", "ng/mL DDU"),
    ("{INR}", "ratio"),
    ("{ratio}", "ratio"),
    ("1", "ratio"),
    ("[IU]/L", "IU/L"),
    ("ukat/L", "µkat/L"),
    ("[GPL'U]/mL", "GPL U/mL"),
    ("[MPL'U]/mL", "MPL U/mL"),
    ("[arb'U]/mL", "U/mL"),
    ("[IU]/dL", "IU/dL"),
];

/// Body weight and height: UCUM code → factor to kg or cm (exact by definition).
pub const WEIGHT_UNITS: &[(&str, f64)] = &[("kg", 1.0), ("g", 0.001), ("[lb_av]", 0.453_592_37)];
pub const HEIGHT_UNITS: &[(&str, f64)] = &[("cm", 1.0), ("m", 100.0), ("[in_i]", 2.54)];

/// Qualitative answers (LOINC answer codes, SNOMED CT) → the catalogue's result ids,
/// checked against published value sets (HL7 SMART Health Cards "Qualitative lab results -
/// LOINC", IPS "Results Presence/Absence"). "Detected" (LA11882-0, SNOMED 260373001) is
/// not mapped: for a gene variant it does not say heterozygous or homozygous.
pub const QUALITATIVE_CODES: &[(&str, &str, &str)] = &[
    (LOINC, "LA6576-8", "positive"),
    (LOINC, "LA6577-6", "negative"),
    (LOINC, "LA11883-8", "not_detected"),
    (SNOMED, "10828004", "positive"),
    (SNOMED, "260385009", "negative"),
    (SNOMED, "260415000", "not_detected"),
];

/// Written answers (`valueString`, a concept's text), compared in lower case.
pub const QUALITATIVE_WORDS: &[(&str, &str)] = &[
    ("positive", "positive"),
    ("negative", "negative"),
    ("not detected", "not_detected"),
    ("heterozygous", "heterozygous"),
    ("homozygous", "homozygous"),
    ("indeterminate", "indeterminate"),
    ("阳性", "positive"),
    ("阴性", "negative"),
    ("未检出", "not_detected"),
    ("杂合", "heterozygous"),
    ("纯合", "homozygous"),
];

/// What a Condition's code becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConditionTarget {
    /// A finding; when the condition is resolved, `history` (if any) is set instead.
    Finding {
        finding: FindingId,
        history: Option<FindingId>,
    },
    /// A personal history code (ICD-10 Z85): the history finding itself.
    History(FindingId),
    Ckd(CkdStage),
    /// ICD-10-CM Z99.2, dependence on renal dialysis: stage G5D.
    DialysisDependence,
    /// ICD-10-CM Z94.0, kidney transplant status.
    KidneyTransplant,
}

const fn finding(finding: FindingId) -> ConditionTarget {
    ConditionTarget::Finding {
        finding,
        history: None,
    }
}

use FindingId as F;

/// ICD-10-CM codes, matched as prefixes of the code without its dot (`E11` matches
/// `E11.9`); the longest prefix wins (`N18.31` before `N18.3`).
pub const ICD10_CONDITIONS: &[(&str, ConditionTarget)] = &[
    ("E08", finding(F::DiabetesMellitus)),
    ("E09", finding(F::DiabetesMellitus)),
    ("E10", finding(F::DiabetesMellitus)),
    ("E11", finding(F::DiabetesMellitus)),
    ("E13", finding(F::DiabetesMellitus)),
    ("E66", finding(F::Obesity)),
    ("N181", ConditionTarget::Ckd(CkdStage::G1)),
    ("N182", ConditionTarget::Ckd(CkdStage::G2)),
    ("N183", ConditionTarget::Ckd(CkdStage::G3)),
    ("N1831", ConditionTarget::Ckd(CkdStage::G3a)),
    ("N1832", ConditionTarget::Ckd(CkdStage::G3b)),
    ("N184", ConditionTarget::Ckd(CkdStage::G4)),
    ("N185", ConditionTarget::Ckd(CkdStage::G5)),
    // End-stage renal disease: stage 5; Z99.2 adds dialysis dependence (G5D).
    ("N186", ConditionTarget::Ckd(CkdStage::G5)),
    ("Z992", ConditionTarget::DialysisDependence),
    ("Z940", ConditionTarget::KidneyTransplant),
    ("K70", finding(F::LiverDisease)),
    ("K71", finding(F::LiverDisease)),
    ("K72", finding(F::HepaticFailure)),
    ("K73", finding(F::LiverDisease)),
    ("K74", finding(F::LiverDisease)),
    ("K75", finding(F::LiverDisease)),
    ("K76", finding(F::LiverDisease)),
    ("K77", finding(F::LiverDisease)),
    ("Z85", ConditionTarget::History(F::MalignancyHistory)),
    ("M05", finding(F::AutoimmuneDisease)),
    ("M06", finding(F::AutoimmuneDisease)),
    ("M32", finding(F::AutoimmuneDisease)),
    ("M33", finding(F::AutoimmuneDisease)),
    ("M34", finding(F::AutoimmuneDisease)),
    ("M350", finding(F::AutoimmuneDisease)),
    ("E210", finding(F::PrimaryHyperparathyroidism)),
    ("N04", finding(F::NephroticSyndrome)),
    ("A40", finding(F::Sepsis)),
    ("A41", finding(F::Sepsis)),
    ("R652", finding(F::Sepsis)),
    ("Z331", finding(F::PregnancyOrLactation)),
    ("Z391", finding(F::PregnancyOrLactation)),
    ("E561", finding(F::VitaminKDeficiency)),
    // Primary thrombophilias (D68.5-) and other thrombophilias (D68.6-, antiphospholipid
    // syndrome, lupus anticoagulant syndrome).
    ("D685", finding(F::HypercoagulableStateKnown)),
    ("D686", finding(F::HypercoagulableStateKnown)),
    ("E8311", finding(F::IronOverload)),
    ("B18", finding(F::ChronicViralInfection)),
    ("B20", finding(F::ChronicViralInfection)),
];

/// ICD-10-CM chapter ranges matched by their first letter and number (C00–C96 malignant
/// neoplasms; O00–O9A pregnancy).
pub const ICD10_RANGES: &[(char, u8, u8, ConditionTarget)] = &[
    (
        'C',
        0,
        96,
        ConditionTarget::Finding {
            finding: F::ActiveMalignancy,
            history: Some(F::MalignancyHistory),
        },
    ),
    ('O', 0, 99, finding(F::PregnancyOrLactation)),
];

/// SNOMED CT concepts (exact codes).
pub const SNOMED_CONDITIONS: &[(&str, ConditionTarget)] = &[
    ("73211009", finding(F::DiabetesMellitus)),
    ("44054006", finding(F::DiabetesMellitus)),
    ("46635009", finding(F::DiabetesMellitus)),
    ("414916001", finding(F::Obesity)),
    ("431855005", ConditionTarget::Ckd(CkdStage::G1)),
    ("431856006", ConditionTarget::Ckd(CkdStage::G2)),
    ("433144002", ConditionTarget::Ckd(CkdStage::G3)),
    ("700378005", ConditionTarget::Ckd(CkdStage::G3a)),
    ("700379002", ConditionTarget::Ckd(CkdStage::G3b)),
    ("431857002", ConditionTarget::Ckd(CkdStage::G4)),
    ("433146000", ConditionTarget::Ckd(CkdStage::G5)),
    ("46177005", ConditionTarget::Ckd(CkdStage::G5)),
    ("69896004", finding(F::AutoimmuneDisease)),
    ("55464009", finding(F::AutoimmuneDisease)),
    ("91302008", finding(F::Sepsis)),
    ("77386006", finding(F::PregnancyOrLactation)),
];

/// Medicine classes the findings and `therapies_tried` are made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum MedicineClass {
    VitaminKAntagonist,
    Doac,
    Heparin,
    ActiveVitaminD,
    CalciumBinder,
    Glucocorticoid,
    Immunosuppressant,
    Insulin,
    IvIron,
    Oestrogen,
    Conventional(Therapy),
}

use MedicineClass as M;

/// RxNorm ingredient concepts (RXCUI). A product code (SCD, SBD) is not an ingredient:
/// such an order is matched by ATC or by the ingredient's name in its text.
/// Checked, code and ingredient name, in the HL7 PDDI CDS implementation guide's value
/// sets (RxNorm of 02-Jul-2018): warfarin, cyclosporine, prednisone, prednisolone,
/// methylprednisolone, dexamethasone, hydrocortisone. The others, marked "to review", were
/// written from memory and not found in a source read here (RxNav); the ATC codes and names
/// below back them up.
pub const RXNORM_INGREDIENTS: &[(&str, MedicineClass)] = &[
    ("11289", M::VitaminKAntagonist),                    // warfarin
    ("1364430", M::Doac),                                // apixaban, to review
    ("1114195", M::Doac),                                // rivaroxaban, to review
    ("1546356", M::Doac),                                // dabigatran, to review
    ("1599538", M::Doac),                                // edoxaban, to review
    ("5224", M::Heparin),                                // heparin, to review
    ("67108", M::Heparin),                               // enoxaparin, to review
    ("67109", M::Heparin),                               // dalteparin, to review
    ("1894", M::ActiveVitaminD),                         // calcitriol, to review
    ("73710", M::ActiveVitaminD),                        // paricalcitol, to review
    ("8640", M::Glucocorticoid),                         // prednisone
    ("8638", M::Glucocorticoid),                         // prednisolone
    ("6902", M::Glucocorticoid),                         // methylprednisolone
    ("3264", M::Glucocorticoid),                         // dexamethasone
    ("5492", M::Glucocorticoid),                         // hydrocortisone
    ("42316", M::Immunosuppressant),                     // tacrolimus, to review
    ("3008", M::Immunosuppressant),                      // cyclosporine
    ("68149", M::Immunosuppressant),                     // mycophenolate mofetil, to review
    ("1256", M::Immunosuppressant),                      // azathioprine, to review
    ("35302", M::Immunosuppressant),                     // sirolimus, to review
    ("274783", M::Insulin),                              // insulin glargine, to review
    ("46041", M::Conventional(Therapy::Bisphosphonate)), // alendronate, to review
    ("77655", M::Conventional(Therapy::Bisphosphonate)), // zoledronic acid, to review
    ("4083", M::Oestrogen),                              // estradiol, to review
];

/// ATC codes, matched as prefixes (`B01AA` is every vitamin K antagonist). Only active
/// vitamin D (calcitriol A11CC04, alfacalcidol A11CC03, paricalcitol H05BX02,
/// doxercalciferol H05BX03), never colecalciferol or ergocalciferol.
pub const ATC_CLASSES: &[(&str, MedicineClass)] = &[
    ("B01AA", M::VitaminKAntagonist),
    ("B01AF", M::Doac),
    ("B01AE07", M::Doac),
    ("B01AB", M::Heparin),
    ("A11CC03", M::ActiveVitaminD),
    ("A11CC04", M::ActiveVitaminD),
    ("H05BX02", M::ActiveVitaminD),
    ("H05BX03", M::ActiveVitaminD),
    ("V03AE07", M::CalciumBinder),
    ("A12AA04", M::CalciumBinder),
    ("H02AB", M::Glucocorticoid),
    ("L04A", M::Immunosuppressant),
    ("A10A", M::Insulin),
    ("B03AC", M::IvIron),
    ("G03C", M::Oestrogen),
    ("V03AB06", M::Conventional(Therapy::SodiumThiosulfate)),
    ("H05BX01", M::Conventional(Therapy::Cinacalcet)),
    ("M05BA", M::Conventional(Therapy::Bisphosphonate)),
];

/// Ingredient names, English and Chinese, found in a medicine's text (lower case).
pub const INGREDIENT_NAMES: &[(&str, MedicineClass)] = &[
    ("warfarin", M::VitaminKAntagonist),
    ("华法林", M::VitaminKAntagonist),
    ("phenprocoumon", M::VitaminKAntagonist),
    ("acenocoumarol", M::VitaminKAntagonist),
    ("醋硝香豆素", M::VitaminKAntagonist),
    ("apixaban", M::Doac),
    ("阿哌沙班", M::Doac),
    ("rivaroxaban", M::Doac),
    ("利伐沙班", M::Doac),
    ("edoxaban", M::Doac),
    ("依度沙班", M::Doac),
    ("dabigatran", M::Doac),
    ("达比加群", M::Doac),
    ("heparin", M::Heparin),
    ("enoxaparin", M::Heparin),
    ("dalteparin", M::Heparin),
    ("tinzaparin", M::Heparin),
    ("肝素", M::Heparin),
    ("calcitriol", M::ActiveVitaminD),
    ("骨化三醇", M::ActiveVitaminD),
    ("alfacalcidol", M::ActiveVitaminD),
    ("阿法骨化醇", M::ActiveVitaminD),
    ("paricalcitol", M::ActiveVitaminD),
    ("帕立骨化醇", M::ActiveVitaminD),
    ("doxercalciferol", M::ActiveVitaminD),
    ("calcium acetate", M::CalciumBinder),
    ("醋酸钙", M::CalciumBinder),
    ("calcium carbonate", M::CalciumBinder),
    ("碳酸钙", M::CalciumBinder),
    ("prednisone", M::Glucocorticoid),
    ("prednisolone", M::Glucocorticoid),
    ("泼尼松", M::Glucocorticoid),
    ("甲泼尼龙", M::Glucocorticoid),
    ("dexamethasone", M::Glucocorticoid),
    ("地塞米松", M::Glucocorticoid),
    ("hydrocortisone", M::Glucocorticoid),
    ("氢化可的松", M::Glucocorticoid),
    ("tacrolimus", M::Immunosuppressant),
    ("他克莫司", M::Immunosuppressant),
    ("cyclosporine", M::Immunosuppressant),
    ("ciclosporin", M::Immunosuppressant),
    ("环孢素", M::Immunosuppressant),
    ("mycophenol", M::Immunosuppressant),
    ("麦考酚", M::Immunosuppressant),
    ("azathioprine", M::Immunosuppressant),
    ("硫唑嘌呤", M::Immunosuppressant),
    ("sirolimus", M::Immunosuppressant),
    ("西罗莫司", M::Immunosuppressant),
    ("everolimus", M::Immunosuppressant),
    ("依维莫司", M::Immunosuppressant),
    ("insulin", M::Insulin),
    ("胰岛素", M::Insulin),
    ("iron sucrose", M::IvIron),
    ("蔗糖铁", M::IvIron),
    ("ferric carboxymaltose", M::IvIron),
    ("羧基麦芽糖铁", M::IvIron),
    ("iron dextran", M::IvIron),
    ("右旋糖酐铁", M::IvIron),
    ("ferumoxytol", M::IvIron),
    ("ferric derisomaltose", M::IvIron),
    ("sodium ferric gluconate", M::IvIron),
    ("estradiol", M::Oestrogen),
    ("雌二醇", M::Oestrogen),
    ("conjugated estrogens", M::Oestrogen),
    (
        "sodium thiosulfate",
        M::Conventional(Therapy::SodiumThiosulfate),
    ),
    ("硫代硫酸钠", M::Conventional(Therapy::SodiumThiosulfate)),
    ("cinacalcet", M::Conventional(Therapy::Cinacalcet)),
    ("西那卡塞", M::Conventional(Therapy::Cinacalcet)),
    ("alendron", M::Conventional(Therapy::Bisphosphonate)),
    ("阿仑膦酸", M::Conventional(Therapy::Bisphosphonate)),
    ("zoledron", M::Conventional(Therapy::Bisphosphonate)),
    ("唑来膦酸", M::Conventional(Therapy::Bisphosphonate)),
    ("pamidron", M::Conventional(Therapy::Bisphosphonate)),
    ("帕米膦酸", M::Conventional(Therapy::Bisphosphonate)),
    ("ibandron", M::Conventional(Therapy::Bisphosphonate)),
    ("伊班膦酸", M::Conventional(Therapy::Bisphosphonate)),
    ("risedron", M::Conventional(Therapy::Bisphosphonate)),
    ("利塞膦酸", M::Conventional(Therapy::Bisphosphonate)),
];

/// SNOMED CT route "subcutaneous route" and its written forms.
pub const SUBCUTANEOUS_ROUTE_CODES: &[&str] = &["34206005"];
pub const SUBCUTANEOUS_ROUTE_WORDS: &[&str] = &["subcutaneous", "皮下"];

/// The one ICD-10-CM code of a condition target: the longest matching prefix, then the
/// chapter ranges.
pub fn icd10_target(code: &str) -> Option<ConditionTarget> {
    let folded: String = code
        .chars()
        .filter(|c| *c != '.')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let by_prefix = ICD10_CONDITIONS
        .iter()
        .filter(|(prefix, _)| folded.starts_with(prefix))
        .max_by_key(|(prefix, _)| prefix.len())
        .map(|(_, target)| *target);
    by_prefix.or_else(|| {
        let mut chars = folded.chars();
        let letter = chars.next()?;
        let number: u8 = folded.get(1..3)?.parse().ok()?;
        ICD10_RANGES
            .iter()
            .find(|(l, low, high, _)| *l == letter && (*low..=*high).contains(&number))
            .map(|(_, _, _, target)| *target)
    })
}

pub fn snomed_condition(code: &str) -> Option<ConditionTarget> {
    SNOMED_CONDITIONS
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, t)| *t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// LOINC's mod-10 check digit (the last digit after the dash).
    fn loinc_check_digit_is_right(code: &str) -> bool {
        let Some((body, check)) = code.split_once('-') else {
            return false;
        };
        let digits: Vec<u32> = body.chars().filter_map(|c| c.to_digit(10)).collect();
        let mut sum = 0;
        for (i, d) in digits.iter().rev().enumerate() {
            sum += if i % 2 == 0 {
                let twice = d * 2;
                twice / 10 + twice % 10
            } else {
                *d
            };
        }
        check.parse::<u32>().ok() == Some((10 - sum % 10) % 10)
    }

    #[test]
    fn every_alternate_loinc_code_has_a_right_check_digit() {
        for (code, _) in LOINC_ALTERNATES {
            assert!(loinc_check_digit_is_right(code), "{code}");
        }
        assert!(!loinc_check_digit_is_right("27818-8"));
    }

    #[test]
    fn an_egfr_unit_is_per_1_73_m2_in_its_usual_spellings_only() {
        for unit in [
            "mL/min/{1.73_m2}",
            "mL/min/1.73 m2",
            "ml/min/1.73m^2",
            "mL/min/1.73 m²",
        ] {
            assert!(egfr_unit_is_per_1_73_m2(unit), "{unit}");
        }
        for unit in ["mL/min", "mL/s/{1.73_m2}", "mL/min/1.73", ""] {
            assert!(!egfr_unit_is_per_1_73_m2(unit), "{unit}");
        }
    }

    #[test]
    fn the_longest_icd10_prefix_wins_and_ranges_cover_the_chapters() {
        assert_eq!(
            icd10_target("N18.31"),
            Some(ConditionTarget::Ckd(CkdStage::G3a))
        );
        assert_eq!(
            icd10_target("N18.3"),
            Some(ConditionTarget::Ckd(CkdStage::G3))
        );
        assert_eq!(icd10_target("N18.9"), None);
        assert_eq!(icd10_target("e11.9"), Some(finding(F::DiabetesMellitus)));
        assert!(matches!(
            icd10_target("C50.911"),
            Some(ConditionTarget::Finding {
                finding: F::ActiveMalignancy,
                ..
            })
        ));
        assert_eq!(icd10_target("D97"), None);
        assert_eq!(
            icd10_target("Z99.2"),
            Some(ConditionTarget::DialysisDependence)
        );
    }

    #[test]
    fn colecalciferol_is_not_active_vitamin_d() {
        assert!(!ATC_CLASSES
            .iter()
            .any(|(code, _)| "A11CC05".starts_with(code)));
        assert!(!INGREDIENT_NAMES
            .iter()
            .any(|(name, _)| "cholecalciferol".contains(name)));
    }
}
