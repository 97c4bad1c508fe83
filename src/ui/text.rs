//! Every interface string in English and Simplified Chinese, in one place for review.
//! Clinical text (bases, notes, criteria) comes from the core in the chosen language.

use crate::core::case::{Biopsy, Dialysis, Response, Sex};
use crate::core::field_path::{KidneyField, LesionField, PatientField, Section, TherapyField};
use crate::core::i18n::msg;
use crate::core::i18n::{Lang, Text};

// The fields and values of the case: named once, in the core.
pub const PATIENT: Text = Section::Patient.text();
pub const AGE: Text = PatientField::Age.text();
pub const SEX: Text = PatientField::Sex.text();
pub const FEMALE: Text = Sex::Female.text();
pub const MALE: Text = Sex::Male.text();
pub const WEIGHT: Text = PatientField::Weight.text();
pub const HEIGHT: Text = PatientField::Height.text();
pub const KIDNEY: Text = Section::Kidney.text();
pub const CKD_STAGE: Text = KidneyField::CkdStage.text();
pub const DIALYSIS: Text = KidneyField::Dialysis.text();
pub const NONE: Text = Dialysis::None.text();
pub const HEMODIALYSIS: Text = Dialysis::Hemodialysis.text();
pub const PERITONEAL: Text = Dialysis::Peritoneal.text();
pub const VINTAGE: Text = KidneyField::Vintage.text();
pub const TRANSPLANT: Text = KidneyField::Transplant.text();
pub const SKIN: Text = Section::Lesions.text();
pub const LESION_COUNT: Text = LesionField::Count.text();
pub const ULCER_COUNT: Text = LesionField::UlcerCount.text();
pub const BIOPSY: Text = LesionField::Biopsy.text();
pub const NOT_DONE: Text = Biopsy::NotDone.text();
pub const CONSISTENT: Text = Biopsy::Consistent.text();
pub const NOT_CONSISTENT: Text = Biopsy::NotConsistent.text();
pub const SITES: Text = LesionField::Sites.text();
pub const THERAPIES: Text = Section::Therapies.text();
pub const NO_RESPONSE: Text = Response::None.text();
pub const PARTIAL: Text = Response::Partial.text();
pub const COMPLETE: Text = Response::Complete.text();
pub const WEEKS: Text = TherapyField::Weeks.text();
pub const LABS: Text = Section::Labs.text();
pub use crate::core::i18n::msg::ui::*;

/// The example cases' names.
pub fn example_name(index: usize, lang: Lang) -> &'static str {
    const NAMES: &[Text] = &[
        msg::ui::EXAMPLE_NAME_NANJING_HAMSC_PATIENT_SALVAGE_REPORT,
        msg::ui::EXAMPLE_NAME_NANJING_HAMSC_PATIENT_HYPERCOAGULABILITY_REPORT,
        msg::ui::EXAMPLE_NAME_NON_UREMIC_ENDOMETRIAL_CARCINOMA,
        msg::ui::EXAMPLE_NAME_ON_WARFARIN_LOW_PROTEIN_C,
        msg::ui::EXAMPLE_NAME_EXCLUDED_BY_ACTIVE_MALIGNANCY_ILLUSTRATIVE,
        msg::ui::EXAMPLE_NAME_MSC_CANDIDATE_ILLUSTRATIVE,
        msg::ui::EXAMPLE_NAME_ONLY_A_FEW_FIELDS_ILLUSTRATIVE,
    ];
    NAMES.get(index).map(|t| t.get(lang)).unwrap_or("")
}
