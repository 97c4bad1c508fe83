//! The result panels. They render the assessment the core produced; every output has a
//! "Why" that opens its basis and its sources in full.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::case::Issue;
use crate::core::citations::citation;
use crate::core::diagnosis::{Criterion, Distribution, HayashiStatus};
use crate::core::logic::{Presence, Status};
use crate::core::msc::{Kind, MscStatus};
use crate::core::risk::{RiskFactor, Tier};
use crate::core::workup::{Direction, WorkupStatus};
use crate::core::Assessment;

#[derive(Properties, PartialEq)]
pub struct AssessmentProps {
    pub assessment: Rc<Assessment>,
}

#[derive(Properties, PartialEq)]
pub struct WhyProps {
    pub basis: AttrValue,
    #[prop_or_default]
    pub threshold: Option<AttrValue>,
    #[prop_or_default]
    pub evidence: Option<AttrValue>,
    pub sources: Vec<&'static str>,
}

/// The basis of one output, and its citations in full.
#[component]
pub fn Why(props: &WhyProps) -> Html {
    html! {
        <details class="why">
            <summary>{ "Why?" }</summary>
            <dl>
                <dt>{ "Basis" }</dt><dd>{ props.basis.clone() }</dd>
                if let Some(threshold) = &props.threshold {
                    <dt>{ "Rule" }</dt><dd>{ threshold.clone() }</dd>
                }
                if let Some(evidence) = &props.evidence {
                    <dt>{ "Evidence" }</dt><dd>{ evidence.clone() }</dd>
                }
            </dl>
            <Sources ids={props.sources.clone()} />
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub ids: Vec<&'static str>,
}

#[component]
pub fn Sources(props: &SourcesProps) -> Html {
    html! {
        <ul class="sources" aria-label="Sources">
            { for props.ids.iter().filter_map(|id| citation(id)).map(|c| html! {
                <li data-source={c.id}>
                    <cite>{ c.full() }</cite>
                    <span class="used-for">{ format!(" — {}", c.used_for) }</span>
                </li>
            }) }
        </ul>
    }
}

fn presence_badge(status: Presence) -> Html {
    let (class, symbol, text) = match status {
        Presence::Present => ("badge present", "●", "Present"),
        Presence::Absent => ("badge absent", "○", "Absent"),
        Presence::Unknown => ("badge unknown", "?", "Unknown"),
    };
    html! { <span class={class}><span aria-hidden="true">{ symbol }</span>{ format!(" {text}") }</span> }
}

fn status_badge(status: Status) -> Html {
    let (class, symbol, text) = match status {
        Status::Met => ("badge met", "✓", "Met"),
        Status::NotMet => ("badge not-met", "✗", "Not met"),
        Status::Unknown => ("badge unknown", "?", "Unknown"),
    };
    html! { <span class={class}><span aria-hidden="true">{ symbol }</span>{ format!(" {text}") }</span> }
}

/// The state at a glance, at the top of the results.
#[component]
pub fn SummaryBar(props: &AssessmentProps) -> Html {
    let a = &props.assessment;
    let threshold = match a.risk.threshold.status {
        Status::Met => "threshold met",
        Status::NotMet => "threshold not met",
        Status::Unknown => "threshold undecided",
    };
    let count = |status: WorkupStatus| a.workup.items.iter().filter(|i| i.status == status).count();
    let msc = match a.msc.status {
        MscStatus::Candidate => "candidate",
        MscStatus::NotEligible => "not eligible",
        MscStatus::Incomplete => "incomplete",
    };
    html! {
        <section class="summary-bar" aria-label="At a glance" aria-live="polite" data-testid="summary">
            <div><span class="k">{ "Risk" }</span>
                <span class="v">{ format!("{} major · {} minor — {threshold}", a.risk.major_present, a.risk.minor_present) }</span></div>
            <div><span class="k">{ "Diagnosis" }</span>
                <span class="v">{ format!("consensus: {} · Hayashi: {}", a.diagnosis.consensus.tier, hayashi_text(a.diagnosis.hayashi.status)) }</span></div>
            <div><span class="k">{ "Workup" }</span>
                <span class="v">{ format!("{} to order · {} abnormal · {} uninterpretable",
                    count(WorkupStatus::ToOrder), count(WorkupStatus::Abnormal), count(WorkupStatus::Uninterpretable)) }</span></div>
            <div><span class="k">{ "MSC" }</span><span class="v" data-testid="msc-status-short">{ msc }</span></div>
        </section>
    }
}

fn hayashi_text(status: HayashiStatus) -> &'static str {
    match status {
        HayashiStatus::Met => "met",
        HayashiStatus::NotMet => "not met",
        HayashiStatus::Incomplete => "incomplete",
    }
}

#[component]
pub fn DerivedPanel(props: &AssessmentProps) -> Html {
    let d = &props.assessment.derived;
    let rows = [
        ("Corrected calcium", &d.corrected_calcium),
        ("Calcium × phosphate", &d.calcium_phosphate_product),
        ("BMI", &d.bmi),
        ("PTH ÷ upper limit", &d.pth_multiple_of_uln),
    ];
    let shown: Vec<_> = rows
        .iter()
        .filter_map(|(name, v)| v.as_ref().map(|v| (name, v)))
        .collect();
    html! {
        <section class="panel" aria-labelledby="derived-h">
            <h2 id="derived-h">{ "Derived values" }</h2>
            if shown.is_empty() {
                <p class="muted">{ "None yet: enter calcium and albumin, phosphate, weight and height, or PTH." }</p>
            }
            <ul class="rows">
                { for shown.into_iter().map(|(name, v)| html! {
                    <li>
                        <span class="row-name">{ *name }</span>
                        <span class="row-value">{ format!("{} {}", v.value, pretty_unit(&v.unit)) }</span>
                        <Why basis={v.basis.clone()} sources={vec![v.source]} />
                    </li>
                }) }
            </ul>
        </section>
    }
}

fn pretty_unit(unit: &str) -> String {
    unit.replace("mg2/dL2", "mg²/dL²").replace("kg/m2", "kg/m²")
}

#[component]
pub fn RiskPanel(props: &AssessmentProps) -> Html {
    let risk = &props.assessment.risk;
    let group = |tier: Tier, title: &'static str| {
        let factors: Vec<&RiskFactor> = risk.factors.iter().filter(|f| f.tier == tier).collect();
        html! {
            <>
                <h3>{ title }</h3>
                <ul class="rows factors">
                    { for factors.into_iter().map(|f| html! {
                        <li data-factor={f.id}>
                            <span class="row-name">{ f.name }</span>
                            { presence_badge(f.status) }
                            <Why basis={f.basis.clone()} threshold={f.threshold.map(AttrValue::from)}
                                evidence={Some(AttrValue::from(f.evidence))} sources={f.sources.clone()} />
                        </li>
                    }) }
                </ul>
            </>
        }
    };
    html! {
        <section class="panel" aria-labelledby="risk-h" id="risk">
            <h2 id="risk-h">{ "Risk profile" }</h2>
            <p class="panel-summary" data-testid="risk-summary">{ risk.summary.clone() }</p>
            <p class="counts">
                <span data-testid="major-count">{ format!("Major: {}", risk.major_present) }</span>
                <span data-testid="minor-count">{ format!("Minor: {}", risk.minor_present) }</span>
                <span>{ "Consensus threshold: " }{ status_badge(risk.threshold.status) }</span>
            </p>
            <Why basis={risk.threshold.basis.clone()} threshold={Some(AttrValue::from(risk.threshold.rule))}
                sources={risk.threshold.sources.clone()} />
            { group(Tier::Major, "Major factors (consensus)") }
            { group(Tier::Minor, "Minor factors (consensus)") }
            { group(Tier::Other, "Other published risk factors") }
        </section>
    }
}

fn criteria_list(criteria: &[Criterion], sources: &[&'static str]) -> Html {
    html! {
        <ul class="rows">
            { for criteria.iter().map(|c| html! {
                <li>
                    <span class="row-name">{ c.id.replace('_', " ") }</span>
                    { status_badge(c.status) }
                    <Why basis={c.basis.clone()} sources={sources.to_vec()} />
                </li>
            }) }
        </ul>
    }
}

#[component]
pub fn DiagnosisPanel(props: &AssessmentProps) -> Html {
    let dx = &props.assessment.diagnosis;
    let distribution = match dx.lesion_distribution {
        Distribution::Central => "central",
        Distribution::Peripheral => "peripheral",
        Distribution::Mixed => "mixed",
        Distribution::Unknown => "unknown",
    };
    html! {
        <section class="panel" aria-labelledby="dx-h" id="diagnosis">
            <h2 id="dx-h">{ "Diagnosis" }</h2>
            <p class="panel-summary" data-testid="consensus-summary">{ dx.consensus.summary.clone() }</p>
            { for dx.consensus.tiers.iter().map(|tier| html! {
                <details class="tier">
                    <summary>{ format!("Consensus: {} ", tier.tier) }{ status_badge(tier.status) }</summary>
                    { criteria_list(&tier.criteria, &dx.consensus.sources) }
                </details>
            }) }
            <details class="tier">
                <summary>{ format!("Hayashi criteria: {} ", hayashi_text(dx.hayashi.status)) }</summary>
                <p class="muted">{ format!("Rule: {}", dx.hayashi.rule) }</p>
                { criteria_list(&dx.hayashi.criteria, &dx.hayashi.sources) }
            </details>
            <p>{ format!("Lesion distribution: {distribution}") }</p>
            <Why basis={dx.lesion_distribution_basis.clone()} sources={dx.lesion_distribution_sources.clone()} />
        </section>
    }
}

#[component]
pub fn WorkupPanel(props: &AssessmentProps) -> Html {
    let workup = &props.assessment.workup;
    let print = Callback::from(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
    html! {
        <section class="panel" aria-labelledby="workup-h" id="workup">
            <h2 id="workup-h">{ "Hypercoagulability workup" }</h2>
            <p class="panel-summary" data-testid="workup-summary">{ workup.summary.clone() }</p>
            <button type="button" class="secondary no-print" onclick={print}>{ "Print order list" }</button>
            <ol class="rows checklist">
                { for workup.items.iter().map(|item| {
                    let (class, symbol, text) = match (item.status, item.direction) {
                        (WorkupStatus::ToOrder, _) => ("badge unknown", "☐", "To order".to_string()),
                        (WorkupStatus::Normal, _) => ("badge absent", "✓", "Normal".to_string()),
                        (WorkupStatus::Abnormal, Some(Direction::Low)) => ("badge present", "↓", "Abnormal, low".to_string()),
                        (WorkupStatus::Abnormal, Some(Direction::High)) => ("badge present", "↑", "Abnormal, high".to_string()),
                        (WorkupStatus::Abnormal, _) => ("badge present", "+", "Abnormal, positive".to_string()),
                        (WorkupStatus::Uninterpretable, _) => ("badge warn", "!", "Uninterpretable".to_string()),
                    };
                    let basis = format!(
                        "{}; reference {}{}",
                        item.result.clone().unwrap_or_else(|| "no result entered".into()),
                        item.reference,
                        if item.notes.is_empty() { String::new() } else { format!(". {}", item.notes.join(". ")) }
                    );
                    html! {
                        <li data-test={item.test} class={format!("status-{}", match item.status {
                            WorkupStatus::ToOrder => "to-order", WorkupStatus::Normal => "normal",
                            WorkupStatus::Abnormal => "abnormal", WorkupStatus::Uninterpretable => "uninterpretable" })}>
                            <span class="row-name">{ item.name }</span>
                            <span class={class}><span aria-hidden="true">{ symbol }</span>{ format!(" {text}") }</span>
                            if let Some(result) = &item.result { <span class="result">{ result.clone() }</span> }
                            { for item.notes.iter().filter(|n| n.contains(':')).map(|n| html! { <p class="note">{ n.clone() }</p> }) }
                            <Why {basis} sources={item.sources.clone()} />
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

#[component]
pub fn MscPanel(props: &AssessmentProps) -> Html {
    let msc = &props.assessment.msc;
    let status = match msc.status {
        MscStatus::Candidate => "Candidate for specialist discussion",
        MscStatus::NotEligible => "Not eligible",
        MscStatus::Incomplete => "Incomplete",
    };
    let group = |kind: Kind, title: &'static str| {
        html! {
            <>
                <h3>{ title }</h3>
                <ul class="rows">
                    { for msc.criteria.iter().filter(|c| c.kind == kind).map(|c| html! {
                        <li data-criterion={c.id}>
                            <span class="row-name">{ c.name }</span>
                            { status_badge(c.status) }
                            <Why basis={c.basis.clone()} sources={c.sources.clone()} />
                        </li>
                    }) }
                </ul>
            </>
        }
    };
    html! {
        <section class="panel" aria-labelledby="msc-h" id="msc">
            <h2 id="msc-h">{ "MSC therapy eligibility" }</h2>
            <p class="notice">{ msc.notice }</p>
            <p class="panel-summary"><strong data-testid="msc-status">{ status }</strong>{ format!(". {}", msc.summary) }</p>
            if !msc.missing.is_empty() {
                <h3>{ "Still needed" }</h3>
                <ul class="missing">{ for msc.missing.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
            }
            { group(Kind::Inclusion, "Inclusion criteria") }
            { group(Kind::Exclusion, "Exclusion criteria") }
            <details class="context">
                <summary>{ "Context from the published hAMSC cases" }</summary>
                <ul>{ for msc.context.iter().map(|c| html! {
                    <li>{ c.text }<Sources ids={vec![c.source]} /></li>
                }) }</ul>
            </details>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct IgnoredProps {
    pub errors: Vec<Issue>,
    pub warnings: Vec<Issue>,
}

/// The inputs left out of the assessment, and why.
#[component]
pub fn Ignored(props: &IgnoredProps) -> Html {
    if props.errors.is_empty() && props.warnings.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel ignored" aria-labelledby="ignored-h" data-testid="ignored">
            <h2 id="ignored-h">{ "Inputs left out" }</h2>
            <ul>
                { for props.errors.iter().map(|e| html! { <li class="field-error">{ format!("{}: {}", e.field, e.message) }</li> }) }
                { for props.warnings.iter().map(|w| html! { <li class="field-warning">{ format!("{}: {}", w.field, w.message) }</li> }) }
            </ul>
        </section>
    }
}
