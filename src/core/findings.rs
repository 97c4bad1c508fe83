//! Finding ids (`clinical.md` §7), conventional-therapy ids (§6) and lesion sites
//! (`case-format.md`), with their labels in English and Chinese. Ids are never renamed.

use super::i18n::Lang;
use crate::core::i18n::msg;
use crate::core::i18n::Text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingGroup {
    Medication,
    Condition,
    AcuteState,
    Skin,
    MscCriterion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Finding {
    pub id: &'static str,
    pub group: FindingGroup,
    pub name: Text,
}

const fn finding(id: &'static str, group: FindingGroup, name: Text) -> Finding {
    Finding { id, group, name }
}

use FindingGroup::*;

pub const FINDINGS: &[Finding] = &[
    finding("warfarin", Medication, msg::findings::WARFARIN_NAME),
    finding("doac", Medication, msg::findings::DOAC_NAME),
    finding("heparin", Medication, msg::findings::HEPARIN_NAME),
    finding(
        "high_dose_calcium_binder",
        Medication,
        msg::findings::HIGH_DOSE_CALCIUM_BINDER_NAME,
    ),
    finding(
        "active_vitamin_d_high_dose",
        Medication,
        msg::findings::ACTIVE_VITAMIN_D_HIGH_DOSE_NAME,
    ),
    finding(
        "immunosuppressants_or_glucocorticoids",
        Medication,
        msg::findings::IMMUNOSUPPRESSANTS_OR_GLUCOCORTICOIDS_NAME,
    ),
    finding(
        "subcutaneous_insulin_or_heparin",
        Medication,
        msg::findings::SUBCUTANEOUS_INSULIN_OR_HEPARIN_NAME,
    ),
    finding("iv_iron", Medication, msg::findings::IV_IRON_NAME),
    finding(
        "iron_overload",
        Condition,
        msg::findings::IRON_OVERLOAD_NAME,
    ),
    finding(
        "diabetes_mellitus",
        Condition,
        msg::findings::DIABETES_MELLITUS_NAME,
    ),
    finding("obesity", Condition, msg::findings::OBESITY_NAME),
    finding(
        "vitamin_k_deficiency",
        Condition,
        msg::findings::VITAMIN_K_DEFICIENCY_NAME,
    ),
    finding(
        "protein_c_or_s_deficiency",
        Condition,
        msg::findings::PROTEIN_C_OR_S_DEFICIENCY_NAME,
    ),
    finding(
        "hypercoagulable_state_known",
        Condition,
        msg::findings::HYPERCOAGULABLE_STATE_KNOWN_NAME,
    ),
    finding(
        "malignancy_history",
        Condition,
        msg::findings::MALIGNANCY_HISTORY_NAME,
    ),
    finding(
        "active_malignancy",
        Condition,
        msg::findings::ACTIVE_MALIGNANCY_NAME,
    ),
    finding(
        "liver_disease",
        Condition,
        msg::findings::LIVER_DISEASE_NAME,
    ),
    finding(
        "autoimmune_disease",
        Condition,
        msg::findings::AUTOIMMUNE_DISEASE_NAME,
    ),
    finding(
        "nephrotic_syndrome",
        Condition,
        msg::findings::NEPHROTIC_SYNDROME_NAME,
    ),
    finding(
        "primary_hyperparathyroidism",
        Condition,
        msg::findings::PRIMARY_HYPERPARATHYROIDISM_NAME,
    ),
    finding(
        "rapid_weight_loss",
        Condition,
        msg::findings::RAPID_WEIGHT_LOSS_NAME,
    ),
    finding(
        "acute_thrombosis",
        AcuteState,
        msg::findings::ACUTE_THROMBOSIS_NAME,
    ),
    finding("sepsis", AcuteState, msg::findings::SEPSIS_NAME),
    finding(
        "acute_inflammation",
        AcuteState,
        msg::findings::ACUTE_INFLAMMATION_NAME,
    ),
    finding(
        "early_skin_changes",
        Skin,
        msg::findings::EARLY_SKIN_CHANGES_NAME,
    ),
    finding(
        "livedo_reticularis",
        Skin,
        msg::findings::LIVEDO_RETICULARIS_NAME,
    ),
    finding("painful_purpura", Skin, msg::findings::PAINFUL_PURPURA_NAME),
    finding(
        "painful_skin_ulcers",
        Skin,
        msg::findings::PAINFUL_SKIN_ULCERS_NAME,
    ),
    finding(
        "violaceous_plaques_or_induration",
        Skin,
        msg::findings::VIOLACEOUS_PLAQUES_OR_INDURATION_NAME,
    ),
    finding("necrotic_eschar", Skin, msg::findings::NECROTIC_ESCHAR_NAME),
    finding(
        "differential_excluded",
        Skin,
        msg::findings::DIFFERENTIAL_EXCLUDED_NAME,
    ),
    finding(
        "informed_consent",
        MscCriterion,
        msg::findings::INFORMED_CONSENT_NAME,
    ),
    finding(
        "ethics_approval",
        MscCriterion,
        msg::findings::ETHICS_APPROVAL_NAME,
    ),
    finding(
        "pregnancy_or_lactation",
        MscCriterion,
        msg::findings::PREGNANCY_OR_LACTATION_NAME,
    ),
    finding(
        "known_allergy_to_product",
        MscCriterion,
        msg::findings::KNOWN_ALLERGY_TO_PRODUCT_NAME,
    ),
    finding(
        "uncontrolled_bleeding",
        MscCriterion,
        msg::findings::UNCONTROLLED_BLEEDING_NAME,
    ),
    finding(
        "life_expectancy_too_short",
        MscCriterion,
        msg::findings::LIFE_EXPECTANCY_TOO_SHORT_NAME,
    ),
    finding(
        "active_uncontrolled_infection",
        MscCriterion,
        msg::findings::ACTIVE_UNCONTROLLED_INFECTION_NAME,
    ),
];

impl Finding {
    /// The clinical label in the chosen language.
    pub fn label(&self, lang: Lang) -> &'static str {
        self.name.get(lang)
    }
}

pub fn finding_def(id: &str) -> Option<&'static Finding> {
    FINDINGS.iter().find(|f| f.id == id)
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
