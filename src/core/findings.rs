//! Finding ids (`clinical.md` §7), conventional-therapy ids (§6) and lesion sites
//! (`case-format.md`), with their labels in English and Chinese. Ids are never renamed.

use super::i18n::Lang;
use crate::core::i18n::msg;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingGroup {
    Medication,
    Condition,
    AcuteState,
    Skin,
    MscCriterion,
}

id_enum! {
    /// The findings of `clinical.md` §7, in the form's order; each names its finding.
    FindingId {
        Warfarin = "warfarin" => msg::findings::WARFARIN_NAME,
        Doac = "doac" => msg::findings::DOAC_NAME,
        Heparin = "heparin" => msg::findings::HEPARIN_NAME,
        HighDoseCalciumBinder = "high_dose_calcium_binder" => msg::findings::HIGH_DOSE_CALCIUM_BINDER_NAME,
        ActiveVitaminDHighDose = "active_vitamin_d_high_dose" => msg::findings::ACTIVE_VITAMIN_D_HIGH_DOSE_NAME,
        ImmunosuppressantsOrGlucocorticoids = "immunosuppressants_or_glucocorticoids" => msg::findings::IMMUNOSUPPRESSANTS_OR_GLUCOCORTICOIDS_NAME,
        SubcutaneousInsulinOrHeparin = "subcutaneous_insulin_or_heparin" => msg::findings::SUBCUTANEOUS_INSULIN_OR_HEPARIN_NAME,
        IvIron = "iv_iron" => msg::findings::IV_IRON_NAME,
        IronOverload = "iron_overload" => msg::findings::IRON_OVERLOAD_NAME,
        DiabetesMellitus = "diabetes_mellitus" => msg::findings::DIABETES_MELLITUS_NAME,
        Obesity = "obesity" => msg::findings::OBESITY_NAME,
        VitaminKDeficiency = "vitamin_k_deficiency" => msg::findings::VITAMIN_K_DEFICIENCY_NAME,
        ProteinCOrSDeficiency = "protein_c_or_s_deficiency" => msg::findings::PROTEIN_C_OR_S_DEFICIENCY_NAME,
        HypercoagulableStateKnown = "hypercoagulable_state_known" => msg::findings::HYPERCOAGULABLE_STATE_KNOWN_NAME,
        MalignancyHistory = "malignancy_history" => msg::findings::MALIGNANCY_HISTORY_NAME,
        ActiveMalignancy = "active_malignancy" => msg::findings::ACTIVE_MALIGNANCY_NAME,
        LiverDisease = "liver_disease" => msg::findings::LIVER_DISEASE_NAME,
        AutoimmuneDisease = "autoimmune_disease" => msg::findings::AUTOIMMUNE_DISEASE_NAME,
        NephroticSyndrome = "nephrotic_syndrome" => msg::findings::NEPHROTIC_SYNDROME_NAME,
        PrimaryHyperparathyroidism = "primary_hyperparathyroidism" => msg::findings::PRIMARY_HYPERPARATHYROIDISM_NAME,
        RapidWeightLoss = "rapid_weight_loss" => msg::findings::RAPID_WEIGHT_LOSS_NAME,
        AcuteThrombosis = "acute_thrombosis" => msg::findings::ACUTE_THROMBOSIS_NAME,
        Sepsis = "sepsis" => msg::findings::SEPSIS_NAME,
        AcuteInflammation = "acute_inflammation" => msg::findings::ACUTE_INFLAMMATION_NAME,
        EarlySkinChanges = "early_skin_changes" => msg::findings::EARLY_SKIN_CHANGES_NAME,
        LivedoReticularis = "livedo_reticularis" => msg::findings::LIVEDO_RETICULARIS_NAME,
        PainfulPurpura = "painful_purpura" => msg::findings::PAINFUL_PURPURA_NAME,
        PainfulSkinUlcers = "painful_skin_ulcers" => msg::findings::PAINFUL_SKIN_ULCERS_NAME,
        ViolaceousPlaquesOrInduration = "violaceous_plaques_or_induration" => msg::findings::VIOLACEOUS_PLAQUES_OR_INDURATION_NAME,
        NecroticEschar = "necrotic_eschar" => msg::findings::NECROTIC_ESCHAR_NAME,
        DifferentialExcluded = "differential_excluded" => msg::findings::DIFFERENTIAL_EXCLUDED_NAME,
        InformedConsent = "informed_consent" => msg::findings::INFORMED_CONSENT_NAME,
        EthicsApproval = "ethics_approval" => msg::findings::ETHICS_APPROVAL_NAME,
        PregnancyOrLactation = "pregnancy_or_lactation" => msg::findings::PREGNANCY_OR_LACTATION_NAME,
        KnownAllergyToProduct = "known_allergy_to_product" => msg::findings::KNOWN_ALLERGY_TO_PRODUCT_NAME,
        UncontrolledBleeding = "uncontrolled_bleeding" => msg::findings::UNCONTROLLED_BLEEDING_NAME,
        LifeExpectancyTooShort = "life_expectancy_too_short" => msg::findings::LIFE_EXPECTANCY_TOO_SHORT_NAME,
        ActiveUncontrolledInfection = "active_uncontrolled_infection" => msg::findings::ACTIVE_UNCONTROLLED_INFECTION_NAME,
        SodiumThiosulfateContraindicated = "sodium_thiosulfate_contraindicated" => msg::findings::SODIUM_THIOSULFATE_CONTRAINDICATED_NAME,
        MalignancyOver5YearsAgo = "malignancy_over_5_years_ago" => msg::findings::MALIGNANCY_OVER_5_YEARS_AGO_NAME,
        RecentMiOrStroke = "recent_mi_or_stroke" => msg::findings::RECENT_MI_OR_STROKE_NAME,
        SevereHeartFailure = "severe_heart_failure" => msg::findings::SEVERE_HEART_FAILURE_NAME,
        ChronicViralInfection = "chronic_viral_infection" => msg::findings::CHRONIC_VIRAL_INFECTION_NAME,
        PriorCellTherapy = "prior_cell_therapy" => msg::findings::PRIOR_CELL_THERAPY_NAME,
        HepaticFailure = "hepatic_failure" => msg::findings::HEPATIC_FAILURE_NAME,
        OestrogenTherapy = "oestrogen_therapy" => msg::findings::OESTROGEN_THERAPY_NAME,
        AlternativeDiagnosisFound = "alternative_diagnosis_found" => msg::findings::ALTERNATIVE_DIAGNOSIS_FOUND_NAME,
    }
}

/// A finding of the catalogue and the form group it is asked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    pub id: FindingId,
    pub group: FindingGroup,
}

use FindingGroup::*;
use FindingId as F;

/// In `FindingId` order (tested), so [`finding_def`] is an index.
pub const FINDINGS: &[Finding] = &[
    Finding {
        id: F::Warfarin,
        group: Medication,
    },
    Finding {
        id: F::Doac,
        group: Medication,
    },
    Finding {
        id: F::Heparin,
        group: Medication,
    },
    Finding {
        id: F::HighDoseCalciumBinder,
        group: Medication,
    },
    Finding {
        id: F::ActiveVitaminDHighDose,
        group: Medication,
    },
    Finding {
        id: F::ImmunosuppressantsOrGlucocorticoids,
        group: Medication,
    },
    Finding {
        id: F::SubcutaneousInsulinOrHeparin,
        group: Medication,
    },
    Finding {
        id: F::IvIron,
        group: Medication,
    },
    Finding {
        id: F::IronOverload,
        group: Condition,
    },
    Finding {
        id: F::DiabetesMellitus,
        group: Condition,
    },
    Finding {
        id: F::Obesity,
        group: Condition,
    },
    Finding {
        id: F::VitaminKDeficiency,
        group: Condition,
    },
    Finding {
        id: F::ProteinCOrSDeficiency,
        group: Condition,
    },
    Finding {
        id: F::HypercoagulableStateKnown,
        group: Condition,
    },
    Finding {
        id: F::MalignancyHistory,
        group: Condition,
    },
    Finding {
        id: F::ActiveMalignancy,
        group: Condition,
    },
    Finding {
        id: F::LiverDisease,
        group: Condition,
    },
    Finding {
        id: F::AutoimmuneDisease,
        group: Condition,
    },
    Finding {
        id: F::NephroticSyndrome,
        group: Condition,
    },
    Finding {
        id: F::PrimaryHyperparathyroidism,
        group: Condition,
    },
    Finding {
        id: F::RapidWeightLoss,
        group: Condition,
    },
    Finding {
        id: F::AcuteThrombosis,
        group: AcuteState,
    },
    Finding {
        id: F::Sepsis,
        group: AcuteState,
    },
    Finding {
        id: F::AcuteInflammation,
        group: AcuteState,
    },
    Finding {
        id: F::EarlySkinChanges,
        group: Skin,
    },
    Finding {
        id: F::LivedoReticularis,
        group: Skin,
    },
    Finding {
        id: F::PainfulPurpura,
        group: Skin,
    },
    Finding {
        id: F::PainfulSkinUlcers,
        group: Skin,
    },
    Finding {
        id: F::ViolaceousPlaquesOrInduration,
        group: Skin,
    },
    Finding {
        id: F::NecroticEschar,
        group: Skin,
    },
    Finding {
        id: F::DifferentialExcluded,
        group: Skin,
    },
    Finding {
        id: F::InformedConsent,
        group: MscCriterion,
    },
    Finding {
        id: F::EthicsApproval,
        group: MscCriterion,
    },
    Finding {
        id: F::PregnancyOrLactation,
        group: MscCriterion,
    },
    Finding {
        id: F::KnownAllergyToProduct,
        group: MscCriterion,
    },
    Finding {
        id: F::UncontrolledBleeding,
        group: MscCriterion,
    },
    Finding {
        id: F::LifeExpectancyTooShort,
        group: MscCriterion,
    },
    Finding {
        id: F::ActiveUncontrolledInfection,
        group: MscCriterion,
    },
    Finding {
        id: F::SodiumThiosulfateContraindicated,
        group: MscCriterion,
    },
    Finding {
        id: F::MalignancyOver5YearsAgo,
        group: MscCriterion,
    },
    Finding {
        id: F::RecentMiOrStroke,
        group: MscCriterion,
    },
    Finding {
        id: F::SevereHeartFailure,
        group: MscCriterion,
    },
    Finding {
        id: F::ChronicViralInfection,
        group: MscCriterion,
    },
    Finding {
        id: F::PriorCellTherapy,
        group: MscCriterion,
    },
    Finding {
        id: F::HepaticFailure,
        group: MscCriterion,
    },
    Finding {
        id: F::OestrogenTherapy,
        group: Medication,
    },
    Finding {
        id: F::AlternativeDiagnosisFound,
        group: Skin,
    },
];

impl Finding {
    /// The clinical label in the chosen language.
    pub fn label(&self, lang: Lang) -> &'static str {
        self.id.name(lang)
    }
}

pub fn finding_def(id: FindingId) -> &'static Finding {
    &FINDINGS[id as usize]
}

/// The catalogue's finding for an id read from a case file, when the catalogue knows it.
pub fn known_finding(id: &str) -> Option<&'static Finding> {
    FindingId::from_id(id).map(finding_def)
}

id_enum! {
    /// Conventional therapies (`therapies_tried` keys).
    Therapy {
        SodiumThiosulfate = "sodium_thiosulfate" => msg::findings::THERAPY_SODIUM_THIOSULFATE,
        Parathyroidectomy = "parathyroidectomy" => msg::findings::THERAPY_PARATHYROIDECTOMY,
        Cinacalcet = "cinacalcet" => msg::findings::THERAPY_CINACALCET,
        StopWarfarin = "stop_warfarin" => msg::findings::THERAPY_STOP_WARFARIN,
        StopCalciumVitaminD = "stop_calcium_vitamin_d" => msg::findings::THERAPY_STOP_CALCIUM_VITAMIN_D,
        IntensifiedDialysis = "intensified_dialysis" => msg::findings::THERAPY_INTENSIFIED_DIALYSIS,
        HyperbaricOxygen = "hyperbaric_oxygen" => msg::findings::THERAPY_HYPERBARIC_OXYGEN,
        Bisphosphonate = "bisphosphonate" => msg::findings::THERAPY_BISPHOSPHONATE,
        WoundCare = "wound_care" => msg::findings::THERAPY_WOUND_CARE,
    }
}

id_enum! {
    /// Lesion sites. Central (adipose-rich) sites carry a worse prognosis.
    Site {
        Abdomen = "abdomen" => msg::findings::SITE_ABDOMEN,
        Thigh = "thigh" => msg::findings::SITE_THIGH,
        Buttock = "buttock" => msg::findings::SITE_BUTTOCK,
        Breast = "breast" => msg::findings::SITE_BREAST,
        TrunkOther = "trunk_other" => msg::findings::SITE_TRUNK_OTHER,
        UpperArm = "upper_arm" => msg::findings::SITE_UPPER_ARM,
        LowerLeg = "lower_leg" => msg::findings::SITE_LOWER_LEG,
        Foot = "foot" => msg::findings::SITE_FOOT,
        Hand = "hand" => msg::findings::SITE_HAND,
        Penis = "penis" => msg::findings::SITE_PENIS,
        Other = "other" => msg::findings::SITE_OTHER,
    }
}

impl Site {
    /// Central (adipose-rich) per `case-format.md`: abdomen, thigh, buttock, breast,
    /// other trunk, upper arm. Peripheral: the rest.
    pub fn is_central(self) -> bool {
        matches!(
            self,
            Site::Abdomen
                | Site::Thigh
                | Site::Buttock
                | Site::Breast
                | Site::TrunkOther
                | Site::UpperArm
        )
    }

    /// Hayashi criterion 3 names the trunk, the extremities and the penis.
    pub fn is_trunk_extremity_or_penis(self) -> bool {
        self != Site::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_in_finding_id_order() {
        assert_eq!(FINDINGS.len(), FindingId::ALL.len());
        for (row, id) in FINDINGS.iter().zip(FindingId::ALL) {
            assert_eq!(row.id, *id);
        }
        assert_eq!(known_finding("warfarin").map(|f| f.id), Some(F::Warfarin));
        assert!(known_finding("mystery").is_none());
    }
}
