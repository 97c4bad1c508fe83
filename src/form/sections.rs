//! How much of each section of the form is filled in, for the section index: a long form
//! on a phone is easier to move through when each section says what it still lacks.
//! Counted from the form as typed (a value that is not a number still counts as typed:
//! the field is not empty, and its message says what is wrong).

use super::{therapies, Form};
use crate::core::findings::{FindingGroup, FINDINGS};
use crate::core::labs::{LabId, WORKUP_PANEL};

/// The mineral and general labs, in the form's order (the coagulation panel is
/// [`WORKUP_PANEL`]).
pub const MINERAL_LABS: &[LabId] = &[
    LabId::CalciumTotal,
    LabId::CalciumIonized,
    LabId::Phosphate,
    LabId::Albumin,
    LabId::PthIntact,
    LabId::AlkalinePhosphatase,
    LabId::VitaminD25oh,
    LabId::Creatinine,
    LabId::Crp,
];

/// The form's sections, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormSection {
    Patient,
    Kidney,
    Medications,
    Conditions,
    Skin,
    MineralLabs,
    CoagulationLabs,
    Therapies,
    MscCriteria,
    FollowUp,
}

impl FormSection {
    pub const ALL: [FormSection; 10] = [
        FormSection::Patient,
        FormSection::Kidney,
        FormSection::Medications,
        FormSection::Conditions,
        FormSection::Skin,
        FormSection::MineralLabs,
        FormSection::CoagulationLabs,
        FormSection::Therapies,
        FormSection::MscCriteria,
        FormSection::FollowUp,
    ];

    /// The id of the section's element on the page (the index links to `#` + this).
    pub fn anchor(self) -> &'static str {
        match self {
            FormSection::Patient => "section-patient",
            FormSection::Kidney => "section-kidney",
            FormSection::Medications => "section-medications",
            FormSection::Conditions => "section-conditions",
            FormSection::Skin => "section-skin",
            FormSection::MineralLabs => "section-mineral-labs",
            FormSection::CoagulationLabs => "section-coagulation-labs",
            FormSection::Therapies => "section-therapies",
            FormSection::MscCriteria => "section-msc-criteria",
            FormSection::FollowUp => "section-follow-up",
        }
    }
}

/// How much of one section is filled: `filled` of `total` fields; follow-up visits have
/// no fixed number (`total` is `None`, `filled` is the number of visits).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionFill {
    pub section: FormSection,
    pub filled: usize,
    pub total: Option<usize>,
}

impl Form {
    /// Every section's fill, in the form's order.
    pub fn section_fill(&self) -> Vec<SectionFill> {
        FormSection::ALL
            .iter()
            .map(|&section| self.fill_of(section))
            .collect()
    }

    fn fill_of(&self, section: FormSection) -> SectionFill {
        let text = |s: &str| usize::from(!s.trim().is_empty());
        let some = |filled: bool| usize::from(filled);
        let (filled, total) = match section {
            FormSection::Patient => (
                text(&self.age)
                    + some(self.sex.is_some())
                    + text(&self.weight)
                    + text(&self.height),
                4,
            ),
            FormSection::Kidney => (
                some(self.ckd_stage.is_some())
                    + some(self.dialysis.is_some())
                    + text(&self.vintage)
                    + some(self.transplant.is_some()),
                4,
            ),
            FormSection::Medications => self.findings_fill(&[FindingGroup::Medication]),
            FormSection::Conditions => {
                self.findings_fill(&[FindingGroup::Condition, FindingGroup::AcuteState])
            }
            FormSection::Skin => {
                let (findings, of) = self.findings_fill(&[FindingGroup::Skin]);
                let fields = text(&self.lesion_count)
                    + text(&self.ulcer_count)
                    + some(self.biopsy.is_some())
                    + some(!self.sites.is_empty());
                (findings + fields, of + 4)
            }
            FormSection::MineralLabs => self.labs_fill(MINERAL_LABS),
            FormSection::CoagulationLabs => self.labs_fill(WORKUP_PANEL),
            FormSection::Therapies => {
                let all = therapies();
                let tried = all
                    .iter()
                    .filter(|t| {
                        self.therapies
                            .get(t.id())
                            .is_some_and(|i| i.choice.is_some())
                    })
                    .count();
                (tried, all.len())
            }
            FormSection::MscCriteria => self.findings_fill(&[FindingGroup::MscCriterion]),
            FormSection::FollowUp => {
                return SectionFill {
                    section,
                    filled: self.visits.len(),
                    total: None,
                }
            }
        };
        SectionFill {
            section,
            filled,
            total: Some(total),
        }
    }

    /// Answered (yes or no) findings of `groups`, and how many there are.
    fn findings_fill(&self, groups: &[FindingGroup]) -> (usize, usize) {
        let of_groups = FINDINGS.iter().filter(|f| groups.contains(&f.group));
        let answered = of_groups
            .clone()
            .filter(|f| self.findings.contains_key(f.id.id()))
            .count();
        (answered, of_groups.count())
    }

    /// Labs of `ids` with a value typed or a result chosen.
    fn labs_fill(&self, ids: &[LabId]) -> (usize, usize) {
        let entered = ids
            .iter()
            .filter(|id| {
                self.labs
                    .get(id.id())
                    .is_some_and(|input| !input.text.trim().is_empty() || !input.result.is_empty())
            })
            .count();
        (entered, ids.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::case::Sex;
    use crate::core::findings::{FindingId, Site};
    use crate::form::{FormEdit, LabText, UnitSystem};

    fn fill(form: &Form, section: FormSection) -> (usize, Option<usize>) {
        let fill = form.section_fill();
        let found = fill.iter().find(|f| f.section == section).unwrap();
        (found.filled, found.total)
    }

    #[test]
    fn an_empty_form_has_nothing_filled_and_every_section_listed_in_order() {
        let form = Form::new(UnitSystem::Conventional);
        let fill = form.section_fill();
        let sections: Vec<_> = fill.iter().map(|f| f.section).collect();
        assert_eq!(sections, FormSection::ALL);
        assert!(fill.iter().all(|f| f.filled == 0));
        assert_eq!(fill[0].total, Some(4));
        assert_eq!(fill[6].total, Some(WORKUP_PANEL.len()));
        assert_eq!(fill[9].total, None);
    }

    #[test]
    fn each_field_counts_once_in_its_own_section() {
        let mut form = Form::new(UnitSystem::Conventional);
        form.sex = Some(Sex::Female);
        form.age = "  ".into(); // blank text is not filled
        form.weight = "8o".into(); // typed, even if not a number
        assert_eq!(fill(&form, FormSection::Patient), (2, Some(4)));
        assert_eq!(fill(&form, FormSection::Kidney).0, 0);

        form.apply(FormEdit::Finding(FindingId::Warfarin, Some(false)));
        assert_eq!(
            fill(&form, FormSection::Medications).0,
            1,
            "no counts as answered"
        );
        form.apply(FormEdit::Finding(FindingId::Warfarin, None));
        assert_eq!(fill(&form, FormSection::Medications).0, 0, "unknown again");

        form.apply(FormEdit::LabText(
            LabId::Albumin,
            LabText::Value,
            "3.1".into(),
        ));
        assert_eq!(fill(&form, FormSection::MineralLabs).0, 1);
        assert_eq!(fill(&form, FormSection::CoagulationLabs).0, 0);
        form.apply(FormEdit::LabText(
            LabId::Albumin,
            LabText::Value,
            String::new(),
        ));
        assert_eq!(fill(&form, FormSection::MineralLabs).0, 0);
    }

    #[test]
    fn skin_counts_its_findings_and_its_fields_and_follow_up_counts_visits() {
        let mut form = Form::new(UnitSystem::Conventional);
        let (_, Some(total)) = fill(&form, FormSection::Skin) else {
            panic!("skin has a total");
        };
        form.lesion_count = "2".into();
        form.sites.push(Site::Thigh);
        assert_eq!(fill(&form, FormSection::Skin), (2, Some(total)));
        form.visits.push(Default::default());
        assert_eq!(fill(&form, FormSection::FollowUp), (1, None));
    }
}
