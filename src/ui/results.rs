//! The result panels. They render the assessment the core produced; every output has a
//! "Why" that opens its basis and its sources in full.

use crate::core::i18n::msg;
use crate::tr;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::case::Issue;
use crate::core::citations::citation;
use crate::core::diagnosis::{
    Consensus, Criterion, CriterionId, DiagnosticTier, Differential, Distribution, HayashiStatus,
    Population,
};
use crate::core::i18n::Lang;
use crate::core::logic::{Presence, Status};
use crate::core::msc::{Kind, MscStatus};
use crate::core::report;
use crate::core::risk::{RiskFactor, Tier};
use crate::core::workup::{Direction, WorkupItem, WorkupStatus};
use crate::core::Assessment;

use super::text as t;

#[derive(Properties, PartialEq, Clone)]
pub struct AssessmentProps {
    pub assessment: Rc<Assessment>,
    #[prop_or_default]
    pub lang: Lang,
}

#[derive(Properties, PartialEq)]
pub struct WhyProps {
    pub basis: AttrValue,
    #[prop_or_default]
    pub threshold: Option<AttrValue>,
    #[prop_or_default]
    pub evidence: Option<AttrValue>,
    pub sources: Vec<&'static str>,
    #[prop_or_default]
    pub lang: Lang,
    /// Opened from the start (closed by default).
    #[prop_or_default]
    pub open: bool,
}

/// The basis of one output, and its citations in full.
///
/// The body is rendered only while the details are open: there are some seventy of these
/// on the page, and rendering them all closed was most of the first render and of every
/// re-render after a keystroke. (Print hides them anyway; the report lists all sources.)
#[component]
pub fn Why(props: &WhyProps) -> Html {
    let open = use_state_eq(|| props.open);
    let ontoggle = {
        let open = open.setter();
        Callback::from(move |event: Event| {
            open.set(
                event
                    .target_unchecked_into::<web_sys::Element>()
                    .has_attribute("open"),
            )
        })
    };
    html! {
        <details class="why" open={*open} {ontoggle}>
            <summary>{ t::WHY.get(props.lang) }</summary>
            if *open {
                <dl>
                    <dt>{ t::BASIS.get(props.lang) }</dt><dd>{ props.basis.clone() }</dd>
                    if let Some(threshold) = &props.threshold {
                        <dt>{ t::RULE.get(props.lang) }</dt><dd>{ threshold.clone() }</dd>
                    }
                    if let Some(evidence) = &props.evidence {
                        <dt>{ t::EVIDENCE.get(props.lang) }</dt><dd>{ evidence.clone() }</dd>
                    }
                </dl>
                { sources(&SourcesProps { ids: props.sources.clone(), lang: props.lang }) }
            }
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    pub ids: Vec<&'static str>,
    #[prop_or_default]
    pub lang: Lang,
}

/// A render function, no state: a component's machinery costs wasm bytes.
pub fn sources(props: &SourcesProps) -> Html {
    html! {
        <ul class="sources" aria-label={t::SOURCES.get(props.lang)}>
            { for props.ids.iter().filter_map(|id| citation(id)).map(|c| html! {
                <li data-source={c.id}>
                    <cite>{ c.full() }</cite>
                    <span class="used-for">{ format!(" — {}", c.used_for_in(props.lang)) }</span>
                </li>
            }) }
        </ul>
    }
}

fn presence_badge(status: Presence, lang: Lang) -> Html {
    let (class, symbol, text) = match status {
        Presence::Present => ("badge present", "●", t::PRESENT.get(lang)),
        Presence::Absent => ("badge absent", "○", t::ABSENT.get(lang)),
        Presence::Unknown => ("badge unknown", "?", t::UNKNOWN.get(lang)),
    };
    html! { <span class={class}><span aria-hidden="true">{ symbol }</span>{ format!(" {text}") }</span> }
}

fn status_badge(status: Status, lang: Lang) -> Html {
    let (class, symbol, text) = match status {
        Status::Met => ("badge met", "✓", t::MET.get(lang)),
        Status::NotMet => ("badge not-met", "✗", t::NOT_MET.get(lang)),
        Status::Unknown => ("badge unknown", "?", t::UNKNOWN.get(lang)),
    };
    html! { <span class={class}><span aria-hidden="true">{ symbol }</span>{ format!(" {text}") }</span> }
}

/// The state at a glance, at the top of the results: (heading, value) for the risk, the
/// diagnosis, the workup and MSC, each with what is still unknown.
pub fn summary_rows(a: &Assessment, lang: Lang) -> [(&'static str, String); 4] {
    let threshold = report::threshold_text(a.risk.threshold.status).get(lang);
    let r = &a.risk;
    let (major, minor) = (
        tr!(
            lang,
            msg::ui_mobile::MAJOR_UNKNOWN,
            n = r.major_present,
            unknown = r.major_unknown
        ),
        tr!(
            lang,
            msg::ui_mobile::MINOR_UNKNOWN,
            n = r.minor_present,
            unknown = r.minor_unknown
        ),
    );
    let dx = &a.diagnosis;
    let population = population_short(dx.population, lang);
    let count = |status: WorkupStatus| a.workup.items.iter().filter(|i| i.status == status).count();
    [
        (
            t::RISK.get(lang),
            format!("{major} · {minor} — {threshold}"),
        ),
        (
            t::DIAGNOSIS.get(lang),
            format!(
                "{population} · {}: {} · {}: {}",
                t::CONSENSUS_SHORT.get(lang),
                consensus_text(&dx.consensus, lang),
                t::HAYASHI_SHORT.get(lang),
                hayashi_text(dx.hayashi.status, lang)
            ),
        ),
        (
            t::WORKUP.get(lang),
            format!(
                "{} {} · {} {} · {} {}",
                count(WorkupStatus::ToOrder),
                t::TO_ORDER_SHORT.get(lang),
                count(WorkupStatus::Abnormal),
                t::ABNORMAL_SHORT.get(lang),
                count(WorkupStatus::Uninterpretable),
                t::UNINTERPRETABLE_SHORT.get(lang)
            ),
        ),
        (
            t::MSC.get(lang),
            msc_status_text(a.msc.status, lang).to_string(),
        ),
    ]
}

fn population_short(population: Population, lang: Lang) -> &'static str {
    match population {
        Population::Uremic => t::POPULATION_UREMIC,
        Population::Transplant => t::POPULATION_TRANSPLANT,
        Population::NonUremic => t::POPULATION_NON_UREMIC,
        Population::Unknown => msg::ui_mobile::POPULATION_UNKNOWN,
    }
    .get(lang)
}

/// The rows of [`summary_rows`]. Not a live region: the words change at every keystroke,
/// and a screen reader hears them once the typing stops (`glance::LiveSummary`).
///
/// A render function, no state: a component's machinery costs wasm bytes.
pub fn summary_bar(props: &AssessmentProps) -> Html {
    let rows = summary_rows(&props.assessment, props.lang);
    html! {
        <section class="summary-bar" aria-label={t::AT_A_GLANCE.get(props.lang)} data-testid="summary">
            { for rows.into_iter().enumerate().map(|(index, (heading, value))| html! {
                <div><span class="k">{ heading }</span>
                    <span class="v" data-testid={(index == 3).then_some("msc-status-short")}>{ value }</span></div>
            }) }
        </section>
    }
}

fn msc_status_text(status: MscStatus, lang: Lang) -> &'static str {
    report::msc_status_text(status).get(lang)
}

/// The tier met; when none, why not where the differential is the reason.
fn consensus_text(consensus: &Consensus, lang: Lang) -> &'static str {
    match (consensus.highest, consensus.differential) {
        (DiagnosticTier::None, Differential::AlternativeFound) => {
            t::TIER_NONE_ALTERNATIVE_FOUND.get(lang)
        }
        (DiagnosticTier::None, Differential::ExclusionPending) => {
            t::TIER_NONE_EXCLUSION_PENDING.get(lang)
        }
        (tier, _) => tier_text(tier, lang),
    }
}

fn tier_text(tier: DiagnosticTier, lang: Lang) -> &'static str {
    report::tier_text(tier).get(lang)
}

fn hayashi_text(status: HayashiStatus, lang: Lang) -> &'static str {
    report::hayashi_text(status).get(lang)
}

/// A render function, no state: a component's machinery costs wasm bytes.
pub fn derived_panel(props: &AssessmentProps) -> Html {
    let (d, lang) = (&props.assessment.derived, props.lang);
    let rows = [
        (t::CORRECTED_CALCIUM, &d.corrected_calcium),
        (t::CA_X_P, &d.calcium_phosphate_product),
        (t::BMI, &d.bmi),
        (t::PTH_ULN, &d.pth_multiple_of_uln),
    ];
    let shown: Vec<_> = rows
        .iter()
        .filter_map(|(name, v)| v.as_ref().map(|v| (name.get(lang), v)))
        .collect();
    html! {
        <section class="panel" aria-labelledby="derived-h" id="derived">
            <h2 id="derived-h">{ t::DERIVED.get(lang) }</h2>
            if shown.is_empty() {
                <p class="muted">{ t::DERIVED_NONE.get(lang) }</p>
            }
            <ul class="rows">
                { for shown.into_iter().map(|(name, v)| html! {
                    <li>
                        <span class="row-name">{ name }</span>
                        <span class="row-value">{ format!("{} {}", v.value, pretty_unit(&v.unit)) }</span>
                        <Why basis={v.basis.clone()} sources={vec![v.source]} {lang} />
                    </li>
                }) }
            </ul>
        </section>
    }
}

fn pretty_unit(unit: &str) -> String {
    unit.replace("mg2/dL2", "mg²/dL²").replace("kg/m2", "kg/m²")
}

/// A render function, no state: a component's machinery costs wasm bytes.
pub fn risk_panel(props: &AssessmentProps) -> Html {
    let (risk, lang) = (&props.assessment.risk, props.lang);
    let group = |tier: Tier, title: &'static str| {
        let factors: Vec<&RiskFactor> = risk.factors.iter().filter(|f| f.tier == tier).collect();
        html! {
            <>
                <h3>{ title }</h3>
                <ul class="rows factors">
                    { for factors.into_iter().map(|f| html! {
                        <li data-factor={f.id.id()}>
                            <span class="row-name">{ f.name.to_string() }</span>
                            { presence_badge(f.status, lang) }
                            <Why basis={f.basis.clone()} threshold={f.threshold.as_ref().map(|t| AttrValue::from(t.to_string()))}
                                evidence={Some(AttrValue::from(f.evidence.to_string()))} sources={f.sources.clone()} {lang} />
                        </li>
                    }) }
                </ul>
            </>
        }
    };
    html! {
        <section class="panel" aria-labelledby="risk-h" id="risk">
            <h2 id="risk-h">{ t::RISK_PROFILE.get(lang) }</h2>
            <p class="panel-summary" data-testid="risk-summary">{ risk.summary.clone() }</p>
            <p class="counts">
                <span data-testid="major-count">{ format!("{}: {}", t::MAJOR.get(lang), risk.major_present) }</span>
                <span data-testid="minor-count">{ format!("{}: {}", t::MINOR.get(lang), risk.minor_present) }</span>
                <span>{ format!("{}: ", t::CONSENSUS_THRESHOLD.get(lang)) }{ status_badge(risk.threshold.status, lang) }</span>
            </p>
            <Why basis={risk.threshold.basis.clone()} threshold={Some(AttrValue::from(risk.threshold.rule.to_string()))}
                sources={risk.threshold.sources.clone()} {lang} />
            { group(Tier::Major, t::MAJOR_FACTORS.get(lang)) }
            { group(Tier::Minor, t::MINOR_FACTORS.get(lang)) }
            { group(Tier::Other, t::OTHER_FACTORS.get(lang)) }
        </section>
    }
}

fn criteria_list<Id: CriterionId>(
    criteria: &[Criterion<Id>],
    sources: &[&'static str],
    lang: Lang,
) -> Html {
    html! {
        <ul class="rows">
            { for criteria.iter().map(|c| html! {
                <li data-criterion={c.id.id()}>
                    <span class="row-name">{ criterion_name(c) }</span>
                    { status_badge(c.status, lang) }
                    <Why basis={c.basis.clone()} sources={sources.to_vec()} {lang} />
                </li>
            }) }
        </ul>
    }
}

fn criterion_name<Id>(c: &Criterion<Id>) -> String {
    c.name.to_string()
}

/// A render function, no state: a component's machinery costs wasm bytes.
pub fn diagnosis_panel(props: &AssessmentProps) -> Html {
    let (dx, lang) = (&props.assessment.diagnosis, props.lang);
    let distribution = match dx.lesion_distribution {
        Distribution::Penile => t::PENILE_DIST,
        Distribution::Central => t::CENTRAL_DIST,
        Distribution::Peripheral => t::PERIPHERAL_DIST,
        Distribution::Mixed => t::MIXED_DIST,
        Distribution::Unknown => t::UNKNOWN,
    }
    .get(lang);
    let population = report::population_text(dx.population).get(lang);
    html! {
        <section class="panel" aria-labelledby="dx-h" id="diagnosis">
            <h2 id="dx-h">{ t::DIAGNOSIS.get(lang) }</h2>
            <p class="panel-summary" data-testid="consensus-summary">{ dx.consensus.summary.clone() }</p>
            <p data-testid="population">{ format!("{}: {population}", t::POPULATION.get(lang)) }</p>
            <Why basis={dx.population_basis.clone()} sources={dx.population_sources.clone()} {lang} />
            { for dx.consensus.tiers.iter().map(|tier| html! {
                <details class="tier">
                    <summary>{ format!("{}: {} ", t::CONSENSUS.get(lang), tier_text(tier.id, lang)) }{ status_badge(tier.status, lang) }</summary>
                    { criteria_list(&tier.criteria, &dx.consensus.sources, lang) }
                </details>
            }) }
            <details class="tier">
                <summary>{ format!("{}: {}", t::HAYASHI.get(lang), hayashi_text(dx.hayashi.status, lang)) }</summary>
                <p class="muted">{ format!("{}: {}", t::RULE.get(lang), dx.hayashi.rule) }</p>
                { criteria_list(&dx.hayashi.criteria, &dx.hayashi.sources, lang) }
            </details>
            <p>{ format!("{}: {distribution}", t::DISTRIBUTION.get(lang)) }</p>
            <Why basis={dx.lesion_distribution_basis.clone()} sources={dx.lesion_distribution_sources.clone()} {lang} />
        </section>
    }
}

/// A render function, no state: a component's machinery costs wasm bytes.
pub fn workup_panel(props: &AssessmentProps) -> Html {
    let (workup, lang) = (&props.assessment.workup, props.lang);
    html! {
        <section class="panel" aria-labelledby="workup-h" id="workup">
            <h2 id="workup-h">{ t::WORKUP_TITLE.get(lang) }</h2>
            <h2 class="print-orders-only">{ t::ORDER_LIST.get(lang) }</h2>
            <p class="panel-summary" data-testid="workup-summary">{ workup.summary.clone() }</p>
            <button type="button" class="secondary no-print" onclick={Callback::from(print_orders)}>{ t::PRINT_ORDERS.get(lang) }</button>
            <ol class="rows checklist">
                { for workup.items.iter().map(|item| workup_row(item, lang)) }
            </ol>
        </section>
    }
}

/// Prints only the tests to order or repeat: the body's class narrows the print stylesheet
/// for this one print.
fn print_orders(_: MouseEvent) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let body = window.document().and_then(|d| d.body());
    if let Some(body) = &body {
        let _ = body.class_list().add_1("print-orders");
    }
    let _ = window.print();
    if let Some(body) = &body {
        let _ = body.class_list().remove_1("print-orders");
    }
}

/// One test of the workup: its status, its result and what applies to this patient.
fn workup_row(item: &WorkupItem, lang: Lang) -> Html {
    let (class, symbol, text) = match (item.status, item.direction) {
        (WorkupStatus::ToOrder, _) => ("badge unknown", "☐", t::TO_ORDER),
        (WorkupStatus::Normal, _) => ("badge absent", "✓", t::NORMAL),
        (WorkupStatus::Abnormal, Some(Direction::Low)) => ("badge present", "↓", t::LOW),
        (WorkupStatus::Abnormal, Some(Direction::High)) => ("badge present", "↑", t::HIGH),
        (WorkupStatus::Abnormal, _) => ("badge present", "+", t::POSITIVE),
        (WorkupStatus::Uninterpretable, _) => ("badge warn", "!", t::UNINTERPRETABLE),
    };
    let basis = format!(
        "{}; {} {}{}",
        item.result
            .clone()
            .unwrap_or_else(|| t::NO_RESULT.get(lang).to_string()),
        t::REFERENCE.get(lang),
        item.reference,
        item.about
            .map(|about| format!(". {about}"))
            .unwrap_or_default()
    );
    let status_class = match item.status {
        WorkupStatus::ToOrder => "status-to-order",
        WorkupStatus::Normal => "status-normal",
        WorkupStatus::Abnormal => "status-abnormal",
        WorkupStatus::Uninterpretable => "status-uninterpretable",
    };
    html! {
        <li data-test={item.test.id()} class={status_class}>
            <span class="row-name">{ item.name.to_string() }</span>
            <span class={class}><span aria-hidden="true">{ symbol }</span>{ format!(" {}", text.get(lang)) }</span>
            if let Some(result) = &item.result { <span class="result">{ result.clone() }</span> }
            // What applies to this patient is shown; the assay's general note is under "Why?".
            { for item.notes.iter().map(|n| html! { <p class="note">{ n.clone() }</p> }) }
            <Why {basis} sources={item.sources.clone()} {lang} />
        </li>
    }
}

/// A render function, no state: a component's machinery costs wasm bytes.
pub fn msc_panel(props: &AssessmentProps) -> Html {
    let (msc, lang) = (&props.assessment.msc, props.lang);
    let group = |kind: Kind, title: &'static str| {
        html! {
            <>
                <h3>{ title }</h3>
                <ul class="rows">
                    { for msc.criteria.iter().filter(|c| c.kind == kind).map(|c| html! {
                        <li data-criterion={c.id}>
                            <span class="row-name">{ c.name.to_string() }</span>
                            { status_badge(c.status, lang) }
                            <Why basis={c.basis.clone()} sources={c.sources.clone()} {lang} />
                        </li>
                    }) }
                </ul>
            </>
        }
    };
    html! {
        <section class="panel" aria-labelledby="msc-h" id="msc">
            <h2 id="msc-h">{ t::MSC_TITLE.get(lang) }</h2>
            <p class="notice">{ msc.notice.to_string() }</p>
            <p class="panel-summary"><strong data-testid="msc-status">{ msc_status_text(msc.status, lang) }</strong>{ format!(". {}", msc.summary) }</p>
            if !msc.missing.is_empty() {
                <h3 class="missing-title">{ t::STILL_NEEDED.get(lang) }</h3>
                <ul class="missing">{ for msc.missing.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
            }
            { group(Kind::Inclusion, t::INCLUSION.get(lang)) }
            { group(Kind::Exclusion, t::EXCLUSION.get(lang)) }
            <details class="context">
                <summary>{ t::CONTEXT.get(lang) }</summary>
                <ul>{ for msc.context.iter().map(|c| html! {
                    <li>{ c.text.to_string() }{ sources(&SourcesProps { ids: vec![c.source], lang }) }</li>
                }) }</ul>
            </details>
        </section>
    }
}

/// An input error or warning as shown: the field's name for a person, with its path kept
/// for maintainers in an attribute.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledIssue {
    pub label: String,
    pub path: String,
    pub message: String,
}

impl LabelledIssue {
    /// Each issue as the results show it: what the field is called, its path, what is wrong.
    pub fn all(issues: &[Issue], lang: Lang) -> Vec<LabelledIssue> {
        issues
            .iter()
            .map(|issue| LabelledIssue {
                label: issue.field.label(lang),
                path: issue.field.to_string(),
                message: issue.message.clone(),
            })
            .collect()
    }
}

#[derive(Properties, PartialEq)]
pub struct IgnoredProps {
    pub errors: Vec<LabelledIssue>,
    pub warnings: Vec<LabelledIssue>,
    #[prop_or_default]
    pub lang: Lang,
}

fn ignored_item(issue: &LabelledIssue, class: &'static str, lang: Lang) -> Html {
    let (label, message) = (&issue.label, &issue.message);
    html! {
        <li {class} data-field={issue.path.clone()}>{ crate::tr!(lang, msg::ui_results::IGNORED_ITEM_LABEL_MESSAGE, label, message) }</li>
    }
}

/// The inputs left out of the assessment, and why.
///
/// A render function, no state: a component's machinery costs wasm bytes.
pub fn ignored(props: &IgnoredProps) -> Html {
    if props.errors.is_empty() && props.warnings.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel ignored" aria-labelledby="ignored-h" data-testid="ignored">
            <h2 id="ignored-h">{ t::LEFT_OUT.get(props.lang) }</h2>
            <ul>
                { for props.errors.iter().map(|issue| ignored_item(issue, "field-error", props.lang)) }
                { for props.warnings.iter().map(|issue| ignored_item(issue, "field-warning", props.lang)) }
            </ul>
        </section>
    }
}
