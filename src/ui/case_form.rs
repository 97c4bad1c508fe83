//! The case form, grouped as a clinician thinks: patient, kidney, medications, conditions,
//! skin lesions, labs, therapies tried, MSC criteria, follow-up visits. Every yes/no has
//! three states.
//!
//! Each section is a component of its own (`case_form/*.rs`) given only its part of the
//! form, its own errors and one edit callback that stays the same across renders: typing
//! in one section renders that section again, not the others.

mod findings;
mod kidney;
mod labs;
mod lesions;
mod patient;
mod therapies;
mod visits;

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::prelude::*;

use super::fields::Messages;
use super::text as t;
use super::{Action, State};
use crate::core::case::Issue;
use crate::core::findings::{FindingGroup, FINDINGS};
use crate::core::i18n::msg;
use crate::core::i18n::{Lang, Text};
use crate::core::labs::{LabId, WORKUP_PANEL};
use crate::form::{Form, FormEdit, FormSection, LabInput, SectionFill, MINERAL_LABS};
use crate::tr;
use findings::FindingsGrid;
use kidney::KidneySection;
use labs::LabGrid;
use lesions::LesionsSection;
use patient::PatientSection;
use therapies::TherapiesSection;
use visits::VisitsForm;

pub(crate) use kidney::CKD_STAGES;
pub(crate) use therapies::CHOICES as THERAPY_CHOICES;

#[derive(Properties, PartialEq)]
pub struct CaseFormProps {
    pub form: Rc<Form>,
    pub lang: Lang,
    /// Form and assessment errors, by field path.
    pub errors: Rc<Vec<Issue>>,
    /// What to record to interpret a lab's result (from the workup), by lab.
    pub prompts: Rc<Vec<(LabId, String)>>,
    pub dispatcher: UseReducerDispatcher<State>,
}

/// The options of a select: (value, words in `lang`).
fn options(lang: Lang, pairs: &[(&'static str, Text)]) -> Vec<(AttrValue, AttrValue)> {
    pairs
        .iter()
        .map(|(value, label)| (AttrValue::from(*value), AttrValue::from(label.get(lang))))
        .collect()
}

/// The options of a select of typed choices: "unknown" (`None`) has the empty value, every
/// other choice its own id (`id`), so the value read back is the same choice.
fn typed_options<T: Copy>(
    lang: Lang,
    pairs: &[(Option<T>, Text)],
    id: fn(T) -> &'static str,
) -> Vec<(AttrValue, AttrValue)> {
    pairs
        .iter()
        .map(|(choice, label)| {
            let value = choice.map_or("", id);
            (AttrValue::from(value), AttrValue::from(label.get(lang)))
        })
        .collect()
}

/// The answers recorded for the findings of `group`.
fn group_findings(form: &Form, group: FindingGroup) -> BTreeMap<String, bool> {
    FINDINGS
        .iter()
        .filter(|f| f.group == group)
        .filter_map(|f| Some((f.id.id().to_string(), *form.findings.get(f.id.id())?)))
        .collect()
}

/// What was typed for the labs `ids`.
fn lab_inputs(form: &Form, ids: &[LabId]) -> BTreeMap<String, LabInput> {
    ids.iter()
        .filter_map(|id| Some((id.id().to_string(), form.labs.get(id.id())?.clone())))
        .collect()
}

/// The errors at the labs `ids`, and their record notes.
fn lab_messages(errors: &[Issue], form: &Form, ids: &[LabId], lang: Lang) -> Messages {
    let fields: Vec<String> = ids.iter().map(|id| format!("labs.{}", id.id())).collect();
    Messages::under_any(errors, &fields)
        .with_record_notes(form, lang, |path| fields.iter().any(|field| field == path))
}

/// The errors under `section` (`patient`), with the record notes of its fields.
fn section_messages(errors: &[Issue], form: &Form, section: &str, lang: Lang) -> Messages {
    let prefix = format!("{section}.");
    Messages::under(errors, section).with_record_notes(form, lang, |path| path.starts_with(&prefix))
}

/// The errors under `lesions`, with the record notes of the skin findings.
fn lesion_messages(errors: &[Issue], form: &Form, lang: Lang) -> Messages {
    Messages::under(errors, "lesions")
        .with_record_notes(form, lang, |path| is_finding_of(path, FindingGroup::Skin))
}

/// The record notes of the findings of `group`.
fn finding_notes(form: &Form, group: FindingGroup, lang: Lang) -> Messages {
    Messages::default().with_record_notes(form, lang, |path| is_finding_of(path, group))
}

/// `path` is `findings.<id>` of a finding of `group`.
fn is_finding_of(path: &str, group: FindingGroup) -> bool {
    path.strip_prefix("findings.")
        .and_then(|id| FINDINGS.iter().find(|f| f.id.id() == id))
        .is_some_and(|f| f.group == group)
}

/// The prompts of the labs `ids`.
fn lab_prompts(prompts: &[(LabId, String)], ids: &[LabId]) -> Vec<(LabId, String)> {
    prompts
        .iter()
        .filter(|(id, _)| ids.contains(id))
        .cloned()
        .collect()
}

#[component]
pub fn CaseForm(props: &CaseFormProps) -> Html {
    let CaseFormProps {
        form,
        lang,
        errors,
        prompts,
        dispatcher,
    } = props;
    let lang = *lang;
    // The same callback on every render, so that it never makes a section's props differ.
    let on_edit = use_callback(dispatcher.clone(), |edit: FormEdit, dispatcher| {
        dispatcher.dispatch(Action::Edit(edit))
    });
    let grid = |group: FindingGroup| {
        html! { <FindingsGrid {group} values={group_findings(form, group)} notes={finding_notes(form, group, lang)} {lang} on_edit={on_edit.clone()} /> }
    };
    let labs = |ids: &'static [LabId]| {
        html! { <LabGrid {ids} inputs={lab_inputs(form, ids)} units={form.units} messages={lab_messages(errors, form, ids, lang)} prompts={lab_prompts(prompts, ids)} {lang} on_edit={on_edit.clone()} /> }
    };
    let group = |section: FormSection, title: Text, body: Html| {
        html! {
            <details open=true class="group" id={section.anchor()}>
                <summary><h2>{ title.get(lang) }</h2></summary>
                { body }
            </details>
        }
    };

    html! {
        <form class="inputs" aria-label={t::CASE_FORM.get(lang)} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            { section_index(&form.section_fill(), lang) }
            <PatientSection label={form.label.clone()} age={form.age.clone()} sex={form.sex} weight={form.weight.clone()}
                height={form.height.clone()} messages={section_messages(errors, form, "patient", lang)} {lang} on_edit={on_edit.clone()} />
            <KidneySection ckd_stage={form.ckd_stage} dialysis={form.dialysis} vintage={form.vintage.clone()} transplant={form.transplant}
                messages={section_messages(errors, form, "kidney", lang)} {lang} on_edit={on_edit.clone()} />
            { group(FormSection::Medications, t::MEDICATIONS, grid(FindingGroup::Medication)) }
            { group(FormSection::Conditions, t::CONDITIONS, html! {
                <>{ grid(FindingGroup::Condition) }<h3>{ t::ACUTE.get(lang) }</h3>{ grid(FindingGroup::AcuteState) }</>
            }) }
            <LesionsSection findings={group_findings(form, FindingGroup::Skin)} count={form.lesion_count.clone()} ulcer_count={form.ulcer_count.clone()} biopsy={form.biopsy}
                sites={form.sites.clone()} messages={lesion_messages(errors, form, lang)} {lang} on_edit={on_edit.clone()} />
            { group(FormSection::MineralLabs, t::LABS_MINERAL, labs(MINERAL_LABS)) }
            { group(FormSection::CoagulationLabs, t::LABS_COAG, labs(WORKUP_PANEL)) }
            <TherapiesSection therapies={form.therapies.clone()} messages={section_messages(errors, form, "therapies_tried", lang)} {lang} on_edit={on_edit.clone()} />
            { group(FormSection::MscCriteria, t::MSC_CRITERIA, grid(FindingGroup::MscCriterion)) }
            <VisitsForm visits={form.visits.clone()} units={form.units} messages={visits::visit_messages(errors)} {lang} {on_edit} />
        </form>
    }
}

/// The section's title, as its heading says it.
fn section_title(section: FormSection) -> Text {
    match section {
        FormSection::Patient => t::PATIENT,
        FormSection::Kidney => t::KIDNEY,
        FormSection::Medications => t::MEDICATIONS,
        FormSection::Conditions => t::CONDITIONS,
        FormSection::Skin => t::SKIN,
        FormSection::MineralLabs => t::LABS_MINERAL,
        FormSection::CoagulationLabs => t::LABS_COAG,
        FormSection::Therapies => t::THERAPIES,
        FormSection::MscCriteria => t::MSC_CRITERIA,
        FormSection::FollowUp => msg::ui_followup::FOLLOW_UP,
    }
}

/// The index of the form's sections, each with how much of it is filled: a link to each,
/// so any section is two taps away on a phone (the summary's "Sections", then the link).
fn section_index(fill: &[SectionFill], lang: Lang) -> Html {
    let entry = |f: &SectionFill| {
        let (shown, words) = match f.total {
            Some(total) => {
                let filled = f.filled;
                (
                    tr!(lang, msg::ui_mobile::FILLED_OF, filled, total),
                    tr!(lang, msg::ui_mobile::FILLED_OF_WORDS, filled, total),
                )
            }
            None => {
                let n = f.filled;
                let visits = tr!(lang, msg::ui_mobile::VISITS_N, n);
                (n.to_string(), visits)
            }
        };
        html! {
            <li><a href={format!("#{}", f.section.anchor())} data-section={f.section.anchor()}>
                <span class="section-name">{ section_title(f.section).get(lang) }</span>
                <span class="fill" aria-hidden="true">{ shown }</span>
                <span class="visually-hidden">{ format!(" ({words})") }</span>
            </a></li>
        }
    };
    html! {
        <nav class="section-index no-print" id="section-index" aria-label={msg::ui_mobile::SECTION_INDEX.get(lang)} data-testid="section-index">
            <ul>{ for fill.iter().map(entry) }</ul>
        </nav>
    }
}
