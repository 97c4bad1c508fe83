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
    pub en: &'static str,
    pub zh: &'static str,
}

const fn finding(
    id: &'static str,
    group: FindingGroup,
    en: &'static str,
    zh: &'static str,
) -> Finding {
    Finding { id, group, en, zh }
}

use FindingGroup::*;

pub const FINDINGS: &[Finding] = &[
    finding("warfarin", Medication, "Warfarin or another vitamin K antagonist (long-term)", "华法林或其他维生素K拮抗剂（长期）"),
    finding("doac", Medication, "Direct oral anticoagulant (DOAC)", "直接口服抗凝药（DOAC）"),
    finding("heparin", Medication, "Heparin (current, therapeutic or prophylactic)", "肝素（目前使用，治疗或预防剂量）"),
    finding("high_dose_calcium_binder", Medication, "High-dose calcium-based phosphate binder (> 6 months)", "大剂量含钙磷结合剂（> 6个月）"),
    finding("active_vitamin_d_high_dose", Medication, "Active vitamin D > 0.5 µg/day", "活性维生素D > 0.5 µg/天"),
    finding("immunosuppressants_or_glucocorticoids", Medication, "Immunosuppressants or glucocorticoids", "免疫抑制剂或糖皮质激素"),
    finding("subcutaneous_insulin_or_heparin", Medication, "Subcutaneous insulin or heparin injections", "皮下注射胰岛素或肝素"),
    finding("iv_iron", Medication, "Intravenous iron therapy", "静脉铁剂治疗"),
    finding("iron_overload", Condition, "Iron overload", "铁过载"),
    finding("diabetes_mellitus", Condition, "Diabetes mellitus", "糖尿病"),
    finding("obesity", Condition, "Obesity (used only when BMI cannot be computed)", "肥胖（仅在无法计算BMI时使用）"),
    finding("vitamin_k_deficiency", Condition, "Vitamin K deficiency", "维生素K缺乏"),
    finding("protein_c_or_s_deficiency", Condition, "Protein C or S deficiency (documented)", "蛋白C或蛋白S缺乏（已证实）"),
    finding("hypercoagulable_state_known", Condition, "Known hypercoagulable state", "已知高凝状态"),
    finding("malignancy_history", Condition, "History of malignancy", "恶性肿瘤病史"),
    finding("active_malignancy", Condition, "Active malignancy", "活动性恶性肿瘤"),
    finding("liver_disease", Condition, "Liver disease", "肝病"),
    finding("autoimmune_disease", Condition, "Autoimmune disease", "自身免疫性疾病"),
    finding("nephrotic_syndrome", Condition, "Nephrotic syndrome", "肾病综合征"),
    finding("primary_hyperparathyroidism", Condition, "Primary hyperparathyroidism", "原发性甲状旁腺功能亢进"),
    finding("rapid_weight_loss", Condition, "Rapid weight loss", "体重快速下降"),
    finding("acute_thrombosis", AcuteState, "Acute thrombosis (current)", "急性血栓形成（目前）"),
    finding("sepsis", AcuteState, "Sepsis", "脓毒症"),
    finding("acute_inflammation", AcuteState, "Acute inflammation or acute illness", "急性炎症或急性疾病"),
    finding("early_skin_changes", Skin, "Early suspicious skin changes (diffuse rash, purpura, subcutaneous induration, painful papules, cellulitis-like erythema)", "早期可疑皮肤改变（弥漫性皮疹、紫癜、皮下硬结、痛性丘疹、蜂窝织炎样红斑）"),
    finding("livedo_reticularis", Skin, "Livedo reticularis", "网状青斑"),
    finding("painful_purpura", Skin, "Painful purpura", "痛性紫癜"),
    finding("painful_skin_ulcers", Skin, "Painful, non-healing skin ulcers", "疼痛性、不愈合的皮肤溃疡"),
    finding("violaceous_plaques_or_induration", Skin, "Painful or haemorrhagic violaceous plaques or induration", "疼痛或出血性紫罗兰色斑块或硬结"),
    finding("necrotic_eschar", Skin, "Necrotic ulcer or black eschar", "坏死性溃疡或黑色焦痂"),
    finding("differential_excluded", Skin, "Differential diagnosis excluded", "已排除鉴别诊断"),
    finding("informed_consent", MscCriterion, "Informed consent for hAMSC therapy", "已签署hAMSC治疗知情同意"),
    finding("ethics_approval", MscCriterion, "Ethics committee approval", "伦理委员会批准"),
    finding("pregnancy_or_lactation", MscCriterion, "Pregnancy or lactation", "妊娠或哺乳"),
    finding("known_allergy_to_product", MscCriterion, "Known allergy to the cell product or its excipients", "对细胞制品或其辅料过敏"),
    finding("uncontrolled_bleeding", MscCriterion, "Uncontrolled bleeding", "未控制的出血"),
    finding("life_expectancy_too_short", MscCriterion, "Life expectancy too short to benefit (clinician judgement)", "预期寿命过短难以获益（临床判断）"),
    finding("active_uncontrolled_infection", MscCriterion, "Active uncontrolled infection", "活动性未控制感染"),
];

impl Finding {
    /// The clinical label in the chosen language.
    pub fn label(&self, lang: Lang) -> &'static str {
        lang.pick(self.en, self.zh)
    }
}

pub fn finding_def(id: &str) -> Option<&'static Finding> {
    FINDINGS.iter().find(|f| f.id == id)
}

id_enum! {
    /// Conventional therapies (`therapies_tried` keys).
    Therapy {
        SodiumThiosulfate = "sodium_thiosulfate",
        Parathyroidectomy = "parathyroidectomy",
        Cinacalcet = "cinacalcet",
        StopWarfarin = "stop_warfarin",
        StopCalciumVitaminD = "stop_calcium_vitamin_d",
        IntensifiedDialysis = "intensified_dialysis",
        HyperbaricOxygen = "hyperbaric_oxygen",
        Bisphosphonate = "bisphosphonate",
        WoundCare = "wound_care",
    }
}

impl Therapy {
    /// The therapy's name in the chosen language.
    pub fn name(self, lang: Lang) -> &'static str {
        self.label().get(lang)
    }

    pub fn label(self) -> Text {
        use Therapy::*;
        match self {
            SodiumThiosulfate => msg::findings::THERAPY_SODIUM_THIOSULFATE,
            Parathyroidectomy => msg::findings::THERAPY_PARATHYROIDECTOMY,
            Cinacalcet => msg::findings::THERAPY_CINACALCET,
            StopWarfarin => msg::findings::THERAPY_STOP_WARFARIN,
            StopCalciumVitaminD => msg::findings::THERAPY_STOP_CALCIUM_VITAMIN_D,
            IntensifiedDialysis => msg::findings::THERAPY_INTENSIFIED_DIALYSIS,
            HyperbaricOxygen => msg::findings::THERAPY_HYPERBARIC_OXYGEN,
            Bisphosphonate => msg::findings::THERAPY_BISPHOSPHONATE,
            WoundCare => msg::findings::THERAPY_WOUND_CARE,
        }
    }
}

id_enum! {
    /// Lesion sites. Central (adipose-rich) sites carry a worse prognosis.
    Site {
        Abdomen = "abdomen",
        Thigh = "thigh",
        Buttock = "buttock",
        Breast = "breast",
        TrunkOther = "trunk_other",
        UpperArm = "upper_arm",
        LowerLeg = "lower_leg",
        Foot = "foot",
        Hand = "hand",
        Penis = "penis",
        Other = "other",
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

    /// The site's name in the chosen language.
    pub fn name(self, lang: Lang) -> &'static str {
        self.label().get(lang)
    }

    pub fn label(self) -> Text {
        use Site::*;
        match self {
            Abdomen => msg::findings::SITE_ABDOMEN,
            Thigh => msg::findings::SITE_THIGH,
            Buttock => msg::findings::SITE_BUTTOCK,
            Breast => msg::findings::SITE_BREAST,
            TrunkOther => msg::findings::SITE_TRUNK_OTHER,
            UpperArm => msg::findings::SITE_UPPER_ARM,
            LowerLeg => msg::findings::SITE_LOWER_LEG,
            Foot => msg::findings::SITE_FOOT,
            Hand => msg::findings::SITE_HAND,
            Penis => msg::findings::SITE_PENIS,
            Other => msg::findings::SITE_OTHER,
        }
    }
}
