//! The case form, grouped as a clinician thinks: patient, kidney, medications, conditions,
//! skin lesions, labs, therapies tried, MSC criteria. Every yes/no has three states.

use crate::core::i18n::msg;
use std::rc::Rc;

use yew::prelude::*;

use super::fields::{FieldMessage, LabField, NumberField, SelectField, TriState};
use super::followup::VisitsForm;
use super::text as t;
use super::{Action, State};
use crate::core::case::{Biopsy, CkdStage, Dialysis, Issue, Sex};
use crate::core::findings::{FindingGroup, Site, FINDINGS};
use crate::core::i18n::{Lang, Text};
use crate::core::labs::{lab, result_label, LabId, LabKind, WORKUP_PANEL};
use crate::form::{therapies, CaseText, Form, FormEdit, LabText, NOT_TRIED};

const MINERAL_LABS: &[LabId] = &[
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

#[derive(Properties, PartialEq)]
pub struct CaseFormProps {
    pub form: Rc<Form>,
    pub lang: Lang,
    /// Form and assessment errors, by field path.
    pub errors: Rc<Vec<Issue>>,
    pub dispatcher: UseReducerDispatcher<State>,
}

fn options(lang: Lang, pairs: &[(&'static str, Text)]) -> Vec<(AttrValue, AttrValue)> {
    pairs
        .iter()
        .map(|(value, label)| (AttrValue::from(*value), AttrValue::from(label.get(lang))))
        .collect()
}

#[component]
pub fn CaseForm(props: &CaseFormProps) -> Html {
    let CaseFormProps {
        form,
        lang,
        errors,
        dispatcher,
    } = props;
    let lang = *lang;
    let message = |field: &str| -> Option<FieldMessage> {
        errors
            .iter()
            .find(|e| {
                let path = e.field.to_string();
                path == field || path.starts_with(&format!("{field}."))
            })
            .map(|e| FieldMessage {
                text: e.message.clone(),
                is_error: true,
            })
    };
    // A callback that sends the edit `make(value)`.
    let on = |make: fn(String) -> FormEdit| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |value: String| dispatcher.dispatch(Action::Edit(make(value))))
    };
    let on_text = |field: CaseText| {
        let dispatcher = dispatcher.clone();
        Callback::from(move |text: String| {
            dispatcher.dispatch(Action::Edit(FormEdit::Text(field, text)))
        })
    };

    let findings = |group: FindingGroup| {
        html! {
            <div class="tri-grid">
                { for FINDINGS.iter().filter(|f| f.group == group).map(|f| {
                    let dispatcher = dispatcher.clone();
                    let id = f.id;
                    let onchange = Callback::from(move |value: Option<bool>| {
                        dispatcher.dispatch(Action::Edit(FormEdit::Finding(id, value)))
                    });
                    html! {
                        <TriState id={format!("finding-{}", id.id())} label={f.label(lang)} value={form.findings.get(id.id()).copied()} {lang} {onchange} />
                    }
                }) }
            </div>
        }
    };

    let lab_fields = |ids: &[LabId]| {
        html! {
            <div class="lab-grid">
                { for ids.iter().map(|&id| lab(id)).map(|lab| {
                    let (lab_id, id) = (lab.id, lab.id.id());
                    let input = form.labs.get(id).cloned().unwrap_or_default();
                    let name = lab.name(lang);
                    match lab.kind {
                        LabKind::Numeric { units, .. } => {
                            let on_text = {
                                let dispatcher = dispatcher.clone();
                                Callback::from(move |text: String| dispatcher.dispatch(Action::Edit(FormEdit::LabText(lab_id, LabText::Value, text))))
                            };
                            let on_unit = {
                                let dispatcher = dispatcher.clone();
                                Callback::from(move |unit: String| dispatcher.dispatch(Action::Edit(FormEdit::LabUnit(lab_id, unit))))
                            };
                            html! {
                                <LabField lab_id={id} label={name} unit_label={format!("{name} {}", t::UNIT_OF.get(lang))}
                                    text={input.text.clone()} unit={form.unit_of(id)}
                                    units={units.iter().map(|u| AttrValue::from(u.symbol)).collect::<Vec<_>>()}
                                    message={message(&format!("labs.{id}"))} oninput={on_text} onunit={on_unit} {lang} />
                            }
                        }
                        LabKind::Qualitative { results } => {
                            let dispatcher = dispatcher.clone();
                            let on_result = Callback::from(move |result: String| {
                                dispatcher.dispatch(Action::Edit(FormEdit::LabResult(lab_id, result)))
                            });
                            let mut choices = vec![(AttrValue::from(""), AttrValue::from(t::QUALITATIVE_UNKNOWN.get(lang)))];
                            choices.extend(results.iter().map(|(r, _)| (AttrValue::from(*r), AttrValue::from(result_label(r, lang)))));
                            html! {
                                <SelectField id={format!("lab-{id}")} label={name} value={input.result.clone()} options={choices} onchange={on_result} />
                            }
                        }
                    }
                }) }
            </div>
        }
    };

    let transplant = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |value: Option<bool>| {
            dispatcher.dispatch(Action::Edit(FormEdit::Transplant(value)))
        })
    };

    html! {
        <form class="inputs" aria-label={t::CASE_FORM.get(lang)} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
            <details open=true class="group">
                <summary><h2>{ t::PATIENT.get(lang) }</h2></summary>
                <div class="field">
                    <label for="f-label">{ t::LABEL.get(lang) }</label>
                    <input id="f-label" type="text" autocomplete="off" value={form.label.clone()}
                        oninput={{
                            let set = on_text(CaseText::Label);
                            Callback::from(move |e: InputEvent| set.emit(e.target_unchecked_into::<web_sys::HtmlInputElement>().value()))
                        }} />
                </div>
                <div class="grid">
                    <NumberField id="f-age" label={t::AGE.get(lang)} value={form.age.clone()} message={message("patient.age_years")} oninput={on_text(CaseText::Age)} />
                    <SelectField id="f-sex" label={t::SEX.get(lang)} value={form.sex.map_or("", Sex::id)}
                        options={options(lang, &[("", t::UNKNOWN), ("female", t::FEMALE), ("male", t::MALE)])} onchange={on(|v| FormEdit::Sex(Sex::from_id(&v)))} />
                    <NumberField id="f-weight" label={t::WEIGHT.get(lang)} value={form.weight.clone()} message={message("patient.weight_kg")} oninput={on_text(CaseText::Weight)} />
                    <NumberField id="f-height" label={t::HEIGHT.get(lang)} value={form.height.clone()} message={message("patient.height_cm")} oninput={on_text(CaseText::Height)} />
                </div>
            </details>
            <details open=true class="group">
                <summary><h2>{ t::KIDNEY.get(lang) }</h2></summary>
                <div class="grid">
                    <SelectField id="f-ckd" label={t::CKD_STAGE.get(lang)} value={form.ckd_stage.map_or("", CkdStage::id)}
                        options={options(lang, &[("", t::UNKNOWN), ("none", msg::ui_case_form::CASEFORM_NO_CKD), ("G1", msg::ui_case_form::CASEFORM_G1), ("G2", msg::ui_case_form::CASEFORM_G2), ("G3", msg::ui_case_form::CASEFORM_G3), ("G3a", msg::ui_case_form::CASEFORM_G3A),
                            ("G3b", msg::ui_case_form::CASEFORM_G3B), ("G4", msg::ui_case_form::CASEFORM_G4), ("G5", msg::ui_case_form::CASEFORM_G5), ("G5D", t::G5D)])}
                        onchange={on(|v| FormEdit::CkdStage(CkdStage::from_id(&v)))} />
                    <SelectField id="f-dialysis" label={t::DIALYSIS.get(lang)} value={form.dialysis.map_or("", Dialysis::id)}
                        options={options(lang, &[("", t::UNKNOWN), ("none", t::NONE), ("hemodialysis", t::HEMODIALYSIS), ("peritoneal", t::PERITONEAL)])}
                        onchange={on(|v| FormEdit::Dialysis(Dialysis::from_id(&v)))} />
                    <NumberField id="f-vintage" label={t::VINTAGE.get(lang)} value={form.vintage.clone()} message={message("kidney.dialysis_vintage_months")} oninput={on_text(CaseText::Vintage)} />
                    <TriState id="f-transplant" label={t::TRANSPLANT.get(lang)} value={form.transplant} {lang} onchange={transplant} />
                </div>
            </details>
            <details open=true class="group">
                <summary><h2>{ t::MEDICATIONS.get(lang) }</h2></summary>
                { findings(FindingGroup::Medication) }
            </details>
            <details open=true class="group">
                <summary><h2>{ t::CONDITIONS.get(lang) }</h2></summary>
                { findings(FindingGroup::Condition) }
                <h3>{ t::ACUTE.get(lang) }</h3>
                { findings(FindingGroup::AcuteState) }
            </details>
            <details open=true class="group">
                <summary><h2>{ t::SKIN.get(lang) }</h2></summary>
                { findings(FindingGroup::Skin) }
                <div class="grid">
                    <NumberField id="f-lesions" label={t::LESION_COUNT.get(lang)} value={form.lesion_count.clone()} message={message("lesions.count")} oninput={on_text(CaseText::LesionCount)} />
                    <NumberField id="f-ulcers" label={t::ULCER_COUNT.get(lang)} value={form.ulcer_count.clone()} message={message("lesions.ulcer_count")} oninput={on_text(CaseText::UlcerCount)} />
                    <SelectField id="f-biopsy" label={t::BIOPSY.get(lang)} value={form.biopsy.map_or("", Biopsy::id)}
                        options={options(lang, &[("", t::UNKNOWN), ("not_done", t::NOT_DONE), ("consistent", t::CONSISTENT), ("not_consistent", t::NOT_CONSISTENT)])}
                        onchange={on(|v| FormEdit::Biopsy(Biopsy::from_id(&v)))} />
                </div>
                <fieldset class="sites">
                    <legend>{ t::SITES.get(lang) }</legend>
                    { for Site::ALL.iter().map(|site| {
                        let site = *site;
                        let dispatcher = dispatcher.clone();
                        let id = format!("site-{}", site.id());
                        let onchange = Callback::from(move |e: Event| {
                            let on = e.target_unchecked_into::<web_sys::HtmlInputElement>().checked();
                            dispatcher.dispatch(Action::Edit(FormEdit::Site(site, on)))
                        });
                        html! {
                            <label class="check" for={id.clone()}>
                                <input type="checkbox" id={id} checked={form.sites.contains(&site)} {onchange} />
                                { site.name(lang) }
                                if site.is_central() { <span class="muted">{ format!(" ({})", t::CENTRAL.get(lang)) }</span> }
                            </label>
                        }
                    }) }
                </fieldset>
            </details>
            <details open=true class="group">
                <summary><h2>{ t::LABS_MINERAL.get(lang) }</h2></summary>
                { lab_fields(MINERAL_LABS) }
            </details>
            <details open=true class="group">
                <summary><h2>{ t::LABS_COAG.get(lang) }</h2></summary>
                { lab_fields(WORKUP_PANEL) }
            </details>
            <details open=true class="group">
                <summary><h2>{ t::THERAPIES.get(lang) }</h2></summary>
                <div class="grid">
                    { for therapies().iter().map(|therapy| {
                        let therapy = *therapy;
                        let id = therapy.id();
                        let name = therapy.name(lang);
                        let input = form.therapies.get(id).cloned().unwrap_or_default();
                        let on_response = {
                            let dispatcher = dispatcher.clone();
                            Callback::from(move |v: String| dispatcher.dispatch(Action::Edit(FormEdit::TherapyResponse(therapy, v))))
                        };
                        let on_weeks = {
                            let dispatcher = dispatcher.clone();
                            Callback::from(move |v: String| dispatcher.dispatch(Action::Edit(FormEdit::TherapyWeeks(therapy, v))))
                        };
                        html! {
                            <div class="therapy">
                                <SelectField id={format!("therapy-{id}")} label={name} value={input.response.clone()}
                                    options={options(lang, &[("", t::UNKNOWN), (NOT_TRIED, t::NOT_TRIED), ("tried", t::TRIED), ("none", t::NO_RESPONSE), ("partial", t::PARTIAL), ("complete", t::COMPLETE)])}
                                    onchange={on_response} />
                                <NumberField id={format!("therapy-{id}-weeks")} label={format!("{name}: {}", t::WEEKS.get(lang))} value={input.weeks.clone()}
                                    message={message(&format!("therapies_tried.{id}.weeks"))} oninput={on_weeks} />
                            </div>
                        }
                    }) }
                </div>
            </details>
            <details open=true class="group">
                <summary><h2>{ t::MSC_CRITERIA.get(lang) }</h2></summary>
                { findings(FindingGroup::MscCriterion) }
            </details>
            <VisitsForm visits={Rc::new(form.visits.clone())} units={form.units} {lang}
                errors={errors.clone()} dispatcher={dispatcher.clone()} />
        </form>
    }
}
