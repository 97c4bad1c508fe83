//! The static "about" pages (`about/index.html` in English, `about/zh.html` in Chinese):
//! whom the calculator is for, what it does and does not do, every input and rule written
//! out from the core's own tables, how it was checked, its version, how to cite it, and
//! that no data leaves the device. Written at build time by `src/bin/site-pages.rs`, so the
//! app carries none of it (the `[about]` words are empty in the wasm build, see build.rs).
//!
//! The bar for the wording is that a clinician can review the basis of each result
//! independently: every rule is listed with its threshold and its sources.

use crate::core::citations::CITATIONS;
use crate::core::diagnosis::Diagnosis;
use crate::core::field_path::{KidneyField, LesionField, PatientField};
use crate::core::findings::{FindingGroup, FINDINGS};
use crate::core::i18n::{msg, Lang, Text};
use crate::core::inputs::describe_reference_of;
use crate::core::labs::{fmt_number, lab, LabKind, LABS, WORKUP_PANEL};
use crate::core::msc::{Kind, Msc};
use crate::core::risk::{RiskProfile, Tier};
use crate::core::workup::{confounder_rows, ConfounderRow, Pushes, Workup};
use crate::core::{assess_json_in, Assessment};
use crate::tr;

/// What the page says about the project that the core does not know: counted from the
/// repository by the page writer.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    pub version: String,
    pub rule_case_files: usize,
    pub rule_cases: usize,
    pub examples: usize,
    pub fuzz_targets: usize,
    pub browser_test_files: usize,
    /// CHANGELOG.md (English only), rendered on the English page.
    pub changelog: String,
    /// The app's hashed stylesheet (`app-<hash>.css`) beside index.html, when there is one.
    pub app_stylesheet: Option<String>,
}

/// The page of each language, relative to the app's index.html.
pub fn page_path(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "about/index.html",
        Lang::Zh => "about/zh.html",
    }
}

/// The link to `lang`'s about page from the app's page in that language: the Chinese app
/// is the `zh/` page (src/bin/prerender.rs; its address follows the language), one
/// directory below `about/`.
pub fn link_from_app(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "about/index.html",
        Lang::Zh => "../about/zh.html",
    }
}

/// The page's file name inside `about/` (links between the two pages are relative).
fn file_name(lang: Lang) -> &'static str {
    page_path(lang).trim_start_matches("about/")
}

/// The stylesheet of the pages' own layout, written beside them.
pub const STYLESHEET: &str = include_str!("../styles/about.css");
pub const STYLESHEET_NAME: &str = "about.css";

/// Like the app's policy, without scripts: the pages run none.
const CSP: &str = "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; \
                   connect-src 'none'; object-src 'none'; base-uri 'self'; form-action 'none'";

/// Text made safe for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

fn words(text: Text, lang: Lang) -> String {
    escape(text.get(lang))
}

/// The whole page in `lang`.
pub fn page(lang: Lang, facts: &Facts) -> String {
    let assessment = empty_assessment(lang);
    let body = [
        intro(lang),
        scope(lang),
        review(lang),
        inputs(lang),
        risk_section(&assessment.risk, lang),
        diagnosis_section(&assessment.diagnosis, lang),
        workup_section(&assessment.workup, lang),
        msc_section(&assessment.msc, lang),
        checked(facts, lang),
        version(facts, lang),
        privacy(lang),
        references(lang),
    ]
    .concat();
    let head = head(lang, facts);
    let tag = lang.html_tag();
    format!("<!doctype html>\n<html lang=\"{tag}\">\n{head}<body>\n<main class=\"about\">\n{body}</main>\n</body>\n</html>\n")
}

/// The assessment of a case with nothing recorded: every rule with its words, every
/// criterion unknown. The pages list what the engine itself says.
fn empty_assessment(lang: Lang) -> Assessment {
    assess_json_in(r#"{"format":"calciphylaxis-case/1"}"#, lang)
        .expect("an empty case is a valid case (tested)")
}

fn head(lang: Lang, facts: &Facts) -> String {
    let title = words(msg::about::PAGE_TITLE, lang);
    let app_css = facts
        .app_stylesheet
        .as_ref()
        .map(|css| format!("<link rel=\"stylesheet\" href=\"../{}\" />\n", escape(css)))
        .unwrap_or_default();
    let alternates: String = [Lang::En, Lang::Zh]
        .iter()
        .map(|&other| {
            let (tag, file) = (other.html_tag(), file_name(other));
            format!("<link rel=\"alternate\" hreflang=\"{tag}\" href=\"{file}\" />\n")
        })
        .collect();
    format!(
        "<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\" />\n\
         <meta name=\"referrer\" content=\"no-referrer\" />\n\
         <meta name=\"color-scheme\" content=\"light dark\" />\n\
         <title>{title}</title>\n<link rel=\"icon\" href=\"data:,\" />\n{alternates}\
         {app_css}<link rel=\"stylesheet\" href=\"{STYLESHEET_NAME}\" />\n</head>\n"
    )
}

/// The other language, named in its own words (as the app's language switch does).
fn other_language(lang: Lang) -> String {
    match lang {
        Lang::En => format!(
            "<a lang=\"zh-Hans\" hreflang=\"zh-Hans\" href=\"{}\">简体中文</a>",
            file_name(Lang::Zh)
        ),
        Lang::Zh => format!(
            "<a lang=\"en\" hreflang=\"en\" href=\"{}\">English</a>",
            file_name(Lang::En)
        ),
    }
}

fn intro(lang: Lang) -> String {
    let back = words(msg::about::BACK, lang);
    let title = words(msg::about::PAGE_TITLE, lang);
    let app = words(msg::ui::TITLE, lang);
    let intro = words(msg::about::INTRO, lang);
    let notice = words(msg::ui::NOTICE, lang);
    let other = other_language(lang);
    // Back to the calculator in the page's language (the Chinese app is `zh/`).
    let app_page = match lang {
        Lang::En => "../",
        Lang::Zh => "../zh/",
    };
    format!(
        "<nav class=\"about-nav\"><a href=\"{app_page}\">← {back}</a> · {other}</nav>\n\
         <header>\n<p class=\"tagline\">{app}</p>\n<h1>{title}</h1>\n<p>{intro}</p>\n\
         <p class=\"notice\" role=\"note\">{notice}</p>\n</header>\n"
    )
}

fn list(items: &[Text], lang: Lang) -> String {
    let items: String = items
        .iter()
        .map(|&item| format!("<li>{}</li>\n", words(item, lang)))
        .collect();
    format!("<ul>\n{items}</ul>\n")
}

fn section(id: &str, heading: Text, lang: Lang, content: &str) -> String {
    let heading = words(heading, lang);
    format!("<section id=\"{id}\">\n<h2>{heading}</h2>\n{content}</section>\n")
}

fn paragraph(text: Text, lang: Lang) -> String {
    format!("<p>{}</p>\n", words(text, lang))
}

fn scope(lang: Lang) -> String {
    use msg::about::*;
    let who = section("who", WHO_HEADING, lang, &paragraph(WHO_TEXT, lang));
    let does = [
        DOES_RISK,
        DOES_DIAGNOSIS,
        DOES_WORKUP,
        DOES_MSC,
        DOES_FOLLOWUP,
    ];
    let does = section("does", DOES_HEADING, lang, &list(&does, lang));
    let doesnt = [
        DOESNT_SCORE,
        DOESNT_DIAGNOSE,
        DOESNT_MSC,
        DOESNT_EMERGENCY,
        DOESNT_VALIDATED,
    ];
    let doesnt = section("does-not", DOESNT_HEADING, lang, &list(&doesnt, lang));
    [who, does, doesnt].concat()
}

fn review(lang: Lang) -> String {
    use msg::about::*;
    let unknown = format!(
        "<h3>{}</h3>\n{}",
        words(UNKNOWN_HEADING, lang),
        paragraph(UNKNOWN_TEXT, lang)
    );
    let content = paragraph(REVIEW_TEXT, lang) + &unknown;
    section("review", REVIEW_HEADING, lang, &content)
}

/// Source links: "[3]" to the numbered list at the end.
fn source_links(ids: &[&str]) -> String {
    ids.iter()
        .filter_map(|id| {
            let n = CITATIONS.iter().position(|c| c.id == *id)? + 1;
            Some(format!("<a href=\"#ref-{id}\">[{n}]</a>"))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn joined(items: impl IntoIterator<Item = String>, lang: Lang) -> String {
    items
        .into_iter()
        .collect::<Vec<_>>()
        .join(msg::about::LIST_SEPARATOR.get(lang))
}

fn inputs(lang: Lang) -> String {
    let fields = PatientField::ALL
        .iter()
        .map(|f| f.text())
        .chain(KidneyField::ALL.iter().map(|f| f.text()))
        .chain(LesionField::ALL.iter().map(|f| f.text()))
        .map(|text| text.get(lang).to_string());
    let fields = joined(fields, lang);
    let fields = escape(&tr!(lang, msg::about::FIELDS, fields));
    let content = format!(
        "<p>{fields}</p>\n{}{}",
        labs_table(lang),
        findings_list(lang)
    );
    section("inputs", msg::about::INPUTS_HEADING, lang, &content)
}

fn table(headers: &[Text], rows: &str, lang: Lang) -> String {
    let headers: String = headers
        .iter()
        .map(|&h| format!("<th scope=\"col\">{}</th>", words(h, lang)))
        .collect();
    format!("<div class=\"table-scroll\"><table>\n<thead><tr>{headers}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table></div>\n")
}

fn labs_table(lang: Lang) -> String {
    use msg::about::*;
    let rows: String = LABS
        .iter()
        .map(|lab| {
            let name = escape(lab.name(lang));
            let reference = escape(&describe_reference_of(lab, lang));
            let (units, plausible) = match lab.kind {
                LabKind::Numeric { plausible, .. } => {
                    let unit = lab.canonical_unit().map_or("", |u| u.shown());
                    let (low, high) = (fmt_number(plausible.0, 2), fmt_number(plausible.1, 2));
                    let units = lab.units().iter().map(|u| u.shown()).filter(|u| !u.is_empty());
                    let units = units.collect::<Vec<_>>().join(", ");
                    (escape(&units), escape(format!("{low}–{high} {unit}").trim_end()))
                }
                LabKind::Qualitative { .. } => (words(QUALITATIVE, lang), String::new()),
            };
            format!("<tr><th scope=\"row\">{name}</th><td>{units}</td><td>{reference}</td><td>{plausible}</td></tr>\n")
        })
        .collect();
    let headers = [TH_TEST, TH_UNITS, TH_REFERENCE, TH_PLAUSIBLE];
    let intro = paragraph(LABS_INTRO, lang);
    format!(
        "<h3>{}</h3>\n{intro}{}",
        words(LABS_HEADING, lang),
        table(&headers, &rows, lang)
    )
}

fn findings_list(lang: Lang) -> String {
    use msg::about::*;
    let groups = [
        (FindingGroup::Medication, GROUP_MEDICATION),
        (FindingGroup::Condition, GROUP_CONDITION),
        (FindingGroup::AcuteState, GROUP_ACUTE),
        (FindingGroup::Skin, GROUP_SKIN),
        (FindingGroup::MscCriterion, GROUP_MSC),
    ];
    let items: String = groups
        .iter()
        .map(|&(group, heading)| {
            let names = FINDINGS
                .iter()
                .filter(|f| f.group == group)
                .map(|f| f.label(lang).to_string());
            let names = escape(&joined(names, lang));
            format!("<dt>{}</dt><dd>{names}</dd>\n", words(heading, lang))
        })
        .collect();
    format!(
        "<h3>{}</h3>\n<dl>\n{items}</dl>\n",
        words(FINDINGS_HEADING, lang)
    )
}

fn risk_section(risk: &RiskProfile, lang: Lang) -> String {
    use msg::about::*;
    let tiers = [
        (Tier::Major, TIER_MAJOR),
        (Tier::Minor, TIER_MINOR),
        (Tier::Other, TIER_OTHER),
    ];
    let tables: String = tiers
        .iter()
        .map(|&(tier, heading)| {
            let rows: String = risk
                .factors
                .iter()
                .filter(|f| f.tier == tier)
                .map(|f| {
                    let threshold = f.threshold.as_deref().unwrap_or(AS_RECORDED.get(lang));
                    let (name, threshold) = (escape(f.name), escape(threshold));
                    let (evidence, sources) = (escape(f.evidence), source_links(&f.sources));
                    format!("<tr><th scope=\"row\">{name}</th><td>{threshold}</td><td>{evidence}</td><td>{sources}</td></tr>\n")
                })
                .collect();
            let headers = [TH_FACTOR, TH_THRESHOLD, TH_EVIDENCE, TH_SOURCES];
            format!("<h3>{}</h3>\n{}", words(heading, lang), table(&headers, &rows, lang))
        })
        .collect();
    let rule = risk.threshold.rule;
    let rule = escape(&tr!(lang, THRESHOLD_RULE, rule));
    let rule = format!("<p>{rule} {}</p>\n", source_links(&risk.threshold.sources));
    let content = paragraph(RISK_INTRO, lang) + &tables + &rule;
    section("risk", RISK_HEADING, lang, &content)
}

fn criteria_list<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let items: String = names.map(|n| format!("<li>{}</li>", escape(n))).collect();
    format!("<ul>{items}</ul>")
}

fn diagnosis_section(diagnosis: &Diagnosis, lang: Lang) -> String {
    use msg::about::*;
    let consensus = &diagnosis.consensus;
    let rows: String = consensus
        .tiers
        .iter()
        .map(|tier| {
            let name = words(tier.id.text(), lang);
            let criteria = criteria_list(tier.criteria.iter().map(|c| c.name));
            format!("<tr><th scope=\"row\">{name}</th><td>{criteria}</td></tr>\n")
        })
        .collect();
    let sources = source_links(&consensus.sources);
    let consensus = format!(
        "<p>{} {sources}</p>\n{}",
        words(CONSENSUS_INTRO, lang),
        table(&[TH_TIER, TH_CRITERIA], &rows, lang)
    );
    let hayashi = &diagnosis.hayashi;
    let rule = hayashi.rule;
    let intro = escape(&tr!(lang, HAYASHI_INTRO, rule));
    let hayashi = format!(
        "<p>{intro} {}</p>\n{}\n",
        source_links(&hayashi.sources),
        criteria_list(hayashi.criteria.iter().map(|c| c.name))
    );
    section(
        "diagnosis",
        DIAGNOSIS_HEADING,
        lang,
        &(consensus + &hayashi),
    )
}

fn pushes_words(pushes: Pushes) -> Text {
    match pushes {
        Pushes::Low => msg::about::PUSHES_LOW,
        Pushes::High => msg::about::PUSHES_HIGH,
        Pushes::Any => msg::about::PUSHES_ANY,
        Pushes::Note => msg::about::PUSHES_NOTE,
    }
}

fn confounder_item(row: &ConfounderRow, lang: Lang) -> String {
    let when = row.when.join(msg::about::OR.get(lang));
    let (reason, advice) = (row.reason, row.advice);
    let effect = pushes_words(row.pushes).get(lang);
    let text = if advice.is_empty() {
        tr!(lang, msg::about::CONFOUNDER, effect, reason, when)
    } else {
        tr!(
            lang,
            msg::about::CONFOUNDER_ADVICE,
            advice,
            effect,
            reason,
            when
        )
    };
    format!("<li>{} {}</li>", escape(&text), source_links(row.sources))
}

fn workup_section(workup: &Workup, lang: Lang) -> String {
    use msg::about::*;
    let confounders = confounder_rows(lang);
    let rows: String = WORKUP_PANEL
        .iter()
        .filter_map(|&test| workup.items.iter().find(|item| item.test == test))
        .map(|item| {
            let name = escape(lab(item.test).name(lang));
            let items: String = confounders
                .iter()
                .filter(|row| row.tests.contains(&item.test))
                .map(|row| confounder_item(row, lang))
                .collect();
            let notes = match items.is_empty() {
                true => words(NO_CONFOUNDER, lang),
                false => format!("<ul>{items}</ul>"),
            };
            let (reference, sources) = (escape(&item.reference), source_links(&item.sources));
            format!("<tr><th scope=\"row\">{name}</th><td>{reference}</td><td>{notes}</td><td>{sources}</td></tr>\n")
        })
        .collect();
    let headers = [TH_TEST, TH_REFERENCE, TH_CONFOUNDERS, TH_SOURCES];
    let content = paragraph(WORKUP_INTRO, lang) + &table(&headers, &rows, lang);
    section("workup", WORKUP_HEADING, lang, &content)
}

fn msc_section(msc: &Msc, lang: Lang) -> String {
    use msg::about::*;
    let tables: String = [
        (Kind::Inclusion, KIND_INCLUSION),
        (Kind::Exclusion, KIND_EXCLUSION),
    ]
    .iter()
    .map(|&(kind, heading)| {
        let rows: String = msc
            .criteria
            .iter()
            .filter(|c| c.kind == kind)
            .map(|c| {
                let needed = escape(c.needed.as_deref().unwrap_or_default());
                let (name, sources) = (escape(c.name), source_links(&c.sources));
                format!(
                    "<tr><th scope=\"row\">{name}</th><td>{needed}</td><td>{sources}</td></tr>\n"
                )
            })
            .collect();
        let headers = [TH_CRITERION, TH_TO_RECORD, TH_SOURCES];
        format!(
            "<h3>{}</h3>\n{}",
            words(heading, lang),
            table(&headers, &rows, lang)
        )
    })
    .collect();
    let notice = format!(
        "<p class=\"notice\" role=\"note\">{}</p>\n",
        escape(msc.notice)
    );
    let content = notice + &paragraph(MSC_RULE, lang) + &tables;
    section("msc", MSC_HEADING, lang, &content)
}

fn checked(facts: &Facts, lang: Lang) -> String {
    use msg::about::*;
    let (files, cases) = (facts.rule_case_files, facts.rule_cases);
    let examples = facts.examples;
    let targets = facts.fuzz_targets;
    let browser = facts.browser_test_files;
    let items = [
        tr!(lang, CHECKED_RULES, cases, files),
        tr!(lang, CHECKED_EXAMPLES, examples),
        tr!(lang, CHECKED_FUZZ, targets),
        tr!(lang, CHECKED_BROWSER, files = browser),
        CHECKED_WORDS.get(lang).to_string(),
    ];
    let items: String = items
        .iter()
        .map(|item| format!("<li>{}</li>\n", escape(item)))
        .collect();
    let limit = format!(
        "<p class=\"notice\" role=\"note\">{}</p>\n",
        words(CHECKED_LIMIT, lang)
    );
    section(
        "checked",
        CHECKED_HEADING,
        lang,
        &format!("<ul>\n{items}</ul>\n{limit}"),
    )
}

fn version(facts: &Facts, lang: Lang) -> String {
    use msg::about::*;
    let version = facts.version.as_str();
    let knowledge_base = crate::core::report::KNOWLEDGE_BASE_VERSION;
    let text = escape(&tr!(lang, VERSION_TEXT, version, knowledge_base));
    let cite = escape(&tr!(lang, CITE_TEXT, version));
    let changes = match lang {
        Lang::En => changelog_html(&facts.changelog),
        Lang::Zh => format!(
            "<p>{} <a lang=\"en\" hreflang=\"en\" href=\"{}#changes\">Change log</a></p>\n",
            words(CHANGES_ELSEWHERE, lang),
            file_name(Lang::En)
        ),
    };
    let changes = format!(
        "<h3 id=\"changes\">{}</h3>\n{changes}",
        words(CHANGES_HEADING, lang)
    );
    let cite = format!(
        "<h3>{}</h3>\n<p>{}</p>\n<blockquote class=\"citation\">{cite}</blockquote>\n",
        words(CITE_HEADING, lang),
        words(CITE_INTRO, lang)
    );
    section(
        "version",
        VERSION_HEADING,
        lang,
        &format!("<p>{text}</p>\n{changes}{cite}"),
    )
}

/// CHANGELOG.md's own small subset: `## heading` and `- item` lines; other lines are
/// paragraphs (the `# title` is the section's heading already).
pub fn changelog_html(markdown: &str) -> String {
    let mut out = String::new();
    let mut in_list = false;
    for line in markdown.lines().map(str::trim_end) {
        let item = line.strip_prefix("- ");
        if in_list && item.is_none() {
            out.push_str("</ul>\n");
            in_list = false;
        }
        if let Some(item) = item {
            if !in_list {
                out.push_str("<ul>\n");
                in_list = true;
            }
            out.push_str(&format!("<li>{}</li>\n", escape(item)));
        } else if let Some(heading) = line.strip_prefix("## ") {
            out.push_str(&format!("<h4>{}</h4>\n", escape(heading)));
        } else if !line.is_empty() && !line.starts_with("# ") {
            out.push_str(&format!("<p>{}</p>\n", escape(line)));
        }
    }
    if in_list {
        out.push_str("</ul>\n");
    }
    out
}

fn privacy(lang: Lang) -> String {
    use msg::about::*;
    section(
        "privacy",
        PRIVACY_HEADING,
        lang,
        &paragraph(PRIVACY_TEXT, lang),
    )
}

fn references(lang: Lang) -> String {
    let items: String = CITATIONS
        .iter()
        .map(|c| {
            let (id, full, used) = (c.id, escape(&c.full()), escape(c.used_for_in(lang)));
            format!("<li id=\"ref-{id}\"><cite lang=\"en\">{full}</cite><br />{used}</li>\n")
        })
        .collect();
    let content = paragraph(msg::about::REFS_INTRO, lang) + &format!("<ol>\n{items}</ol>\n");
    section("sources", msg::about::REFS_HEADING, lang, &content)
}
