//! The Yew app: the form on one side, the live assessment on the other. Components render;
//! the core decides (`crate::core::assess`), and `crate::form` turns typing into a case.

pub mod fields;
pub mod results;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::case::{parse_case_text, Issue};
use crate::core::findings::{FindingGroup, Site, FINDINGS};
use crate::core::labs::{LabKind, LABS};
use crate::core::{assess, Assessment};
use crate::form::{Form, UnitSystem};
use fields::{FieldMessage, LabField, NumberField, SelectField, TriState};
use results::{
    DerivedPanel, DiagnosisPanel, Ignored, MscPanel, RiskPanel, SummaryBar, WorkupPanel,
};

pub use results::{Sources, Why};

/// Example cases shipped with the app (the same files the tests assess).
pub const EXAMPLES: &[(&str, &str)] = &[
    (
        "Nanjing hAMSC patient (salvage report)",
        include_str!("../../examples/cases/nanjing-hamsc-salvage.json"),
    ),
    (
        "Nanjing hAMSC patient (hypercoagulability report)",
        include_str!("../../examples/cases/nanjing-hamsc-hypercoagulability.json"),
    ),
    (
        "Non-uremic: endometrial carcinoma",
        include_str!("../../examples/cases/non-uremic-endometrial-carcinoma.json"),
    ),
    (
        "On warfarin, low protein C and S (illustrative)",
        include_str!("../../examples/cases/warfarin-low-protein-c-s.json"),
    ),
    (
        "Excluded by active malignancy (illustrative)",
        include_str!("../../examples/cases/excluded-active-malignancy.json"),
    ),
    (
        "MSC candidate (illustrative)",
        include_str!("../../examples/cases/msc-candidate-illustrative.json"),
    ),
    (
        "Only a few fields (illustrative)",
        include_str!("../../examples/cases/sparse-few-fields.json"),
    ),
];

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TextField {
    Age,
    Weight,
    Height,
    Vintage,
    LesionCount,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Sex,
    CkdStage,
    Dialysis,
    Biopsy,
}

pub enum Action {
    Text(TextField, String),
    Choose(Choice, String),
    Transplant(Option<bool>),
    Finding(&'static str, Option<bool>),
    Site(Site, bool),
    LabText(&'static str, String),
    LabUnit(&'static str, String),
    LabResult(&'static str, String),
    Therapy(&'static str, String),
    TherapyWeeks(&'static str, String),
    Units(UnitSystem),
    Load(Box<Form>),
    Reset,
}

#[derive(Clone, PartialEq, Default)]
pub struct State {
    pub form: Form,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut form = self.form.clone();
        match action {
            Action::Text(field, text) => {
                let slot = match field {
                    TextField::Age => &mut form.age,
                    TextField::Weight => &mut form.weight,
                    TextField::Height => &mut form.height,
                    TextField::Vintage => &mut form.vintage,
                    TextField::LesionCount => &mut form.lesion_count,
                };
                *slot = text;
            }
            Action::Choose(choice, value) => {
                let slot = match choice {
                    Choice::Sex => &mut form.sex,
                    Choice::CkdStage => &mut form.ckd_stage,
                    Choice::Dialysis => &mut form.dialysis,
                    Choice::Biopsy => &mut form.biopsy,
                };
                *slot = value;
            }
            Action::Transplant(value) => form.transplant = value,
            Action::Finding(id, value) => match value {
                Some(value) => {
                    form.findings.insert(id.to_string(), value);
                }
                None => {
                    form.findings.remove(id);
                }
            },
            Action::Site(site, on) => {
                form.sites.retain(|s| *s != site);
                if on {
                    form.sites.push(site);
                    form.sites.sort();
                }
            }
            Action::LabText(id, text) => {
                let unit = form.unit_of(id);
                let input = form.labs.entry(id.to_string()).or_default();
                input.text = text;
                if input.unit.is_empty() {
                    input.unit = unit;
                }
            }
            Action::LabUnit(id, unit) => form.set_unit(id, &unit),
            Action::LabResult(id, result) => {
                form.labs.entry(id.to_string()).or_default().result = result
            }
            Action::Therapy(id, response) => {
                form.therapies.entry(id.to_string()).or_default().response = response
            }
            Action::TherapyWeeks(id, weeks) => {
                form.therapies.entry(id.to_string()).or_default().weeks = weeks
            }
            Action::Units(units) => form.units = units,
            Action::Load(loaded) => form = *loaded,
            Action::Reset => form = Form::new(form.units),
        }
        Rc::new(State { form })
    }
}

/// What the form and the assessment say about each field.
fn messages(errors: &[Issue]) -> impl Fn(&str) -> Option<FieldMessage> + '_ {
    move |field: &str| {
        errors
            .iter()
            .find(|e| e.field == field || e.field.starts_with(&format!("{field}.")))
            .map(|e| FieldMessage {
                text: e.message.clone(),
                is_error: true,
            })
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::default);
    let computed = use_memo(state.form.clone(), |form| {
        let (case, form_errors) = form.to_case();
        (Rc::new(assess(&case)), form_errors)
    });
    let (assessment, form_errors): &(Rc<Assessment>, Vec<Issue>) = &computed;
    let mut all_errors = form_errors.clone();
    all_errors.extend(assessment.input_errors.iter().cloned());
    let message = messages(&all_errors);
    let form = &state.form;
    let text = |field: TextField| {
        let state = state.clone();
        Callback::from(move |value: String| state.dispatch(Action::Text(field, value)))
    };
    let choose = |choice: Choice| {
        let state = state.clone();
        Callback::from(move |value: String| state.dispatch(Action::Choose(choice, value)))
    };
    let on_example = {
        let state = state.clone();
        Callback::from(move |value: String| {
            if let Some((_, json)) = value.parse::<usize>().ok().and_then(|i| EXAMPLES.get(i)) {
                if let Ok(parsed) = parse_case_text(json) {
                    let units = state.form.units;
                    state.dispatch(Action::Load(Box::new(Form::from_case(&parsed.case, units))));
                }
            }
        })
    };
    let on_units = {
        let state = state.clone();
        Callback::from(move |value: String| {
            state.dispatch(Action::Units(if value == "si" {
                UnitSystem::Si
            } else {
                UnitSystem::Conventional
            }))
        })
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Reset))
    };

    let finding_group = |group: FindingGroup| {
        html! {
            <div class="tri-grid">
                { for FINDINGS.iter().filter(|f| f.group == group).map(|f| {
                    let state = state.clone();
                    let id = f.id;
                    html! {
                        <TriState id={format!("finding-{id}")} label={f.en} value={form.findings.get(id).copied()}
                            onchange={Callback::from(move |v| state.dispatch(Action::Finding(id, v)))} />
                    }
                }) }
            </div>
        }
    };

    let lab_fields = |ids: &[&'static str]| {
        html! {
            <div class="lab-grid">
                { for ids.iter().filter_map(|id| LABS.iter().find(|l| l.id == *id)).map(|lab| {
                    let id = lab.id;
                    let input = form.labs.get(id).cloned().unwrap_or_default();
                    match lab.kind {
                        LabKind::Numeric { units, .. } => {
                            let on_text = { let state = state.clone(); Callback::from(move |v| state.dispatch(Action::LabText(id, v))) };
                            let on_unit = { let state = state.clone(); Callback::from(move |v| state.dispatch(Action::LabUnit(id, v))) };
                            html! {
                                <LabField lab_id={id} label={lab.name_en} text={input.text.clone()} unit={form.unit_of(id)}
                                    units={units.iter().map(|u| AttrValue::from(u.symbol)).collect::<Vec<_>>()}
                                    message={message(&format!("labs.{id}"))} oninput={on_text} onunit={on_unit} />
                            }
                        }
                        LabKind::Qualitative { results } => {
                            let on_result = { let state = state.clone(); Callback::from(move |v| state.dispatch(Action::LabResult(id, v))) };
                            let mut options = vec![(AttrValue::from(""), AttrValue::from("Not done / unknown"))];
                            options.extend(results.iter().map(|(r, _)| (AttrValue::from(*r), AttrValue::from(r.replace('_', " ")))));
                            html! {
                                <SelectField id={format!("lab-{id}")} label={lab.name_en} value={input.result.clone()}
                                    {options} onchange={on_result} />
                            }
                        }
                    }
                }) }
            </div>
        }
    };

    let options = |pairs: &[(&'static str, &'static str)]| {
        pairs
            .iter()
            .map(|(v, l)| (AttrValue::from(*v), AttrValue::from(*l)))
            .collect::<Vec<_>>()
    };
    let transplant = {
        let state = state.clone();
        Callback::from(move |v| state.dispatch(Action::Transplant(v)))
    };

    html! {
        <div class="app">
            <header class="app-header">
                <h1>{ "Calciphylaxis calculator" }</h1>
                <p class="tagline">{ "Risk profile, hypercoagulability workup and MSC eligibility. Runs on this device only: nothing you enter leaves it." }</p>
                <a class="skip no-print" href="#results">{ "Jump to results" }</a>
                <p class="notice" role="note">{ "Decision support for clinicians, not a diagnosis or a treatment recommendation. Every result shows its basis and sources." }</p>
                <div class="toolbar no-print">
                    <SelectField id="example" label="Load an example case" value=""
                        options={std::iter::once((AttrValue::from(""), AttrValue::from("Choose…")))
                            .chain(EXAMPLES.iter().enumerate().map(|(i, (name, _))| (AttrValue::from(i.to_string()), AttrValue::from(*name))))
                            .collect::<Vec<_>>()}
                        onchange={on_example} />
                    <SelectField id="units" label="Default units" value={if form.units == UnitSystem::Si { "si" } else { "conventional" }}
                        options={options(&[("conventional", "US conventional"), ("si", "SI")])} onchange={on_units} />
                    <button type="button" class="secondary" onclick={on_reset}>{ "New case" }</button>
                </div>
            </header>
            <div class="layout">
                <form class="inputs" aria-label="Case" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <details open=true class="group">
                        <summary><h2>{ "Patient" }</h2></summary>
                        <div class="grid">
                            <NumberField id="f-age" label="Age (years)" value={form.age.clone()} message={message("patient.age_years")} oninput={text(TextField::Age)} />
                            <SelectField id="f-sex" label="Sex" value={form.sex.clone()} options={options(&[("", "Unknown"), ("female", "Female"), ("male", "Male")])} onchange={choose(Choice::Sex)} />
                            <NumberField id="f-weight" label="Weight (kg)" value={form.weight.clone()} message={message("patient.weight_kg")} oninput={text(TextField::Weight)} />
                            <NumberField id="f-height" label="Height (cm)" value={form.height.clone()} message={message("patient.height_cm")} oninput={text(TextField::Height)} />
                        </div>
                    </details>
                    <details open=true class="group">
                        <summary><h2>{ "Kidney" }</h2></summary>
                        <div class="grid">
                            <SelectField id="f-ckd" label="CKD stage" value={form.ckd_stage.clone()}
                                options={options(&[("", "Unknown"), ("G1", "G1"), ("G2", "G2"), ("G3a", "G3a"), ("G3b", "G3b"), ("G4", "G4"), ("G5", "G5"), ("G5D", "G5D (on dialysis)")])}
                                onchange={choose(Choice::CkdStage)} />
                            <SelectField id="f-dialysis" label="Dialysis" value={form.dialysis.clone()}
                                options={options(&[("", "Unknown"), ("none", "None"), ("hemodialysis", "Haemodialysis"), ("peritoneal", "Peritoneal")])}
                                onchange={choose(Choice::Dialysis)} />
                            <NumberField id="f-vintage" label="Dialysis vintage (months)" value={form.vintage.clone()} message={message("kidney.dialysis_vintage_months")} oninput={text(TextField::Vintage)} />
                            <TriState id="f-transplant" label="Kidney transplant" value={form.transplant} onchange={transplant} />
                        </div>
                    </details>
                    <details open=true class="group">
                        <summary><h2>{ "Medications and exposures" }</h2></summary>
                        { finding_group(FindingGroup::Medication) }
                    </details>
                    <details open=true class="group">
                        <summary><h2>{ "Conditions" }</h2></summary>
                        { finding_group(FindingGroup::Condition) }
                        { finding_group(FindingGroup::AcuteState) }
                    </details>
                    <details open=true class="group">
                        <summary><h2>{ "Skin lesions" }</h2></summary>
                        { finding_group(FindingGroup::Skin) }
                        <div class="grid">
                            <NumberField id="f-lesions" label="Number of lesions" value={form.lesion_count.clone()} message={message("lesions.count")} oninput={text(TextField::LesionCount)} />
                            <SelectField id="f-biopsy" label="Skin biopsy" value={form.biopsy.clone()}
                                options={options(&[("", "Unknown"), ("not_done", "Not done"), ("consistent", "Consistent with calciphylaxis"), ("not_consistent", "Not consistent")])}
                                onchange={choose(Choice::Biopsy)} />
                        </div>
                        <fieldset class="sites">
                            <legend>{ "Lesion sites" }</legend>
                            { for Site::ALL.iter().map(|site| {
                                let site = *site;
                                let state = state.clone();
                                let checked = form.sites.contains(&site);
                                let id = format!("site-{}", site.id());
                                html! {
                                    <label class="check" for={id.clone()}>
                                        <input type="checkbox" id={id} {checked}
                                            onchange={Callback::from(move |e: Event| state.dispatch(Action::Site(site, e.target_unchecked_into::<web_sys::HtmlInputElement>().checked())))} />
                                        { format!("{}{}", site.label(false), if site.is_central() { " (central)" } else { "" }) }
                                    </label>
                                }
                            }) }
                        </fieldset>
                    </details>
                    <details open=true class="group">
                        <summary><h2>{ "Labs: mineral metabolism" }</h2></summary>
                        { lab_fields(&["calcium_total", "calcium_ionized", "phosphate", "albumin", "pth_intact", "alkaline_phosphatase", "vitamin_d_25oh", "creatinine", "crp"]) }
                    </details>
                    <details open=true class="group">
                        <summary><h2>{ "Labs: coagulation and thrombophilia" }</h2></summary>
                        { lab_fields(crate::core::labs::WORKUP_PANEL) }
                    </details>
                    <details open=true class="group">
                        <summary><h2>{ "Therapies tried" }</h2></summary>
                        <div class="grid">
                            { for crate::form::therapies().iter().map(|therapy| {
                                let id = therapy.id();
                                let input = form.therapies.get(id).cloned().unwrap_or_default();
                                let on_response = { let state = state.clone(); Callback::from(move |v| state.dispatch(Action::Therapy(id, v))) };
                                let on_weeks = { let state = state.clone(); Callback::from(move |v| state.dispatch(Action::TherapyWeeks(id, v))) };
                                html! {
                                    <div class="therapy">
                                        <SelectField id={format!("therapy-{id}")} label={therapy.label(false)} value={input.response.clone()}
                                            options={options(&[("", "Not tried / unknown"), ("tried", "Tried, response unknown"), ("none", "No response"), ("partial", "Partial response"), ("complete", "Complete response")])}
                                            onchange={on_response} />
                                        <NumberField id={format!("therapy-{id}-weeks")} label={format!("{} weeks", therapy.label(false))} value={input.weeks.clone()}
                                            message={message(&format!("therapies_tried.{id}.weeks"))} oninput={on_weeks} />
                                    </div>
                                }
                            }) }
                        </div>
                    </details>
                    <details open=true class="group">
                        <summary><h2>{ "MSC criteria" }</h2></summary>
                        { finding_group(FindingGroup::MscCriterion) }
                    </details>
                </form>
                <main class="results" id="results" aria-label="Assessment">
                    if form.is_empty() {
                        <p class="empty-state" data-testid="empty-state">{ "Nothing entered yet. Every factor below is unknown until you record it: start with the kidney and lab sections, or load an example case." }</p>
                    }
                    <SummaryBar assessment={assessment.clone()} />
                    <Ignored errors={all_errors.clone()} warnings={assessment.warnings.clone()} />
                    <RiskPanel assessment={assessment.clone()} />
                    <DiagnosisPanel assessment={assessment.clone()} />
                    <WorkupPanel assessment={assessment.clone()} />
                    <MscPanel assessment={assessment.clone()} />
                    <DerivedPanel assessment={assessment.clone()} />
                    <p class="print-date muted">{ "Assessment printed from the calciphylaxis calculator; sources as listed under each result." }</p>
                </main>
            </div>
        </div>
    }
}
