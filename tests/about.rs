//! The static about pages (src/about.rs): every risk factor, lab, finding, workup
//! confounder, MSC criterion and source is on the page of each language, in that
//! language's words; the Chinese page holds no English word outside what is marked
//! `lang="en"` (the references as published, the English page's name); the pages link to
//! each other and back to the calculator, with no script.

use calciphylaxis::about::{changelog_html, link_from_app, page, page_path, Facts};
use calciphylaxis::core::citations::CITATIONS;
use calciphylaxis::core::findings::FINDINGS;
use calciphylaxis::core::labs::LABS;
use calciphylaxis::core::risk::RiskFactorId;
use calciphylaxis::core::workup::confounder_rows;
use calciphylaxis::core::{assess_json_in, Lang};

#[path = "common/chinese.rs"]
mod chinese;
use chinese::not_allowed;

fn facts() -> Facts {
    Facts {
        version: "9.8.7".into(),
        rule_case_files: 15,
        rule_cases: 123,
        examples: 8,
        fuzz_targets: 4,
        browser_test_files: 13,
        changelog: std::fs::read_to_string("CHANGELOG.md").unwrap(),
        app_stylesheet: Some("app-0123abcd.css".into()),
    }
}

/// What a reader sees: tags dropped, entities decoded, white space collapsed.
fn visible(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Plain text with its white space collapsed, as [`visible`] gives it.
fn spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The page without the elements marked English (`<tag lang="en">…</tag>`, none nested).
fn without_english(html: &str) -> String {
    let mut rest = html;
    let mut out = String::new();
    while let Some(at) = rest.find(" lang=\"en\"") {
        let open = rest[..at].rfind('<').unwrap();
        let tag: String = rest[open + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        out.push_str(&rest[..open]);
        let close = format!("</{tag}>");
        let end = rest[at..].find(&close).expect("a marked element is closed") + at;
        rest = &rest[end + close.len()..];
    }
    out + rest
}

fn missing(text: &str, expected: impl IntoIterator<Item = String>) -> Vec<String> {
    let text = visible(text);
    expected
        .into_iter()
        .filter(|e| !text.contains(&spaced(e)))
        .collect()
}

#[test]
fn each_page_lists_every_factor_lab_finding_confounder_criterion_and_source() {
    for lang in [Lang::En, Lang::Zh] {
        let html = page(lang, &facts());
        let assessment = assess_json_in(r#"{"format":"calciphylaxis-case/1"}"#, lang).unwrap();
        let expected = RiskFactorId::ALL
            .iter()
            .map(|f| f.name(lang).to_string())
            .chain(LABS.iter().map(|l| l.name(lang).to_string()))
            .chain(FINDINGS.iter().map(|f| f.label(lang).to_string()))
            .chain(
                confounder_rows(lang)
                    .into_iter()
                    .map(|row| row.reason.to_string()),
            )
            .chain(assessment.msc.criteria.iter().map(|c| c.name.to_string()))
            .chain(
                assessment
                    .diagnosis
                    .hayashi
                    .criteria
                    .iter()
                    .map(|c| c.name.to_string()),
            )
            .chain(CITATIONS.iter().map(|c| c.full()))
            .chain(CITATIONS.iter().map(|c| c.used_for_in(lang).to_string()));
        let gone = missing(&html, expected);
        assert!(gone.is_empty(), "{lang:?} page lacks:\n{}", gone.join("\n"));
        for threshold in assessment
            .risk
            .factors
            .iter()
            .filter_map(|f| f.threshold.clone())
        {
            assert!(
                visible(&html).contains(&spaced(&threshold)),
                "{lang:?}: {threshold}"
            );
        }
        assert!(html.contains("9.8.7"), "{lang:?}: the version");
    }
}

#[test]
fn the_chinese_page_holds_no_english_outside_what_is_marked_english() {
    let html = page(Lang::Zh, &facts());
    let text = visible(&without_english(&html));
    let bad = not_allowed(&text);
    assert!(bad.is_empty(), "English in the Chinese page: {bad:?}");
    // The marked parts are the references and the English page's names only.
    assert!(without_english(&html).len() < html.len());
    assert!(
        !not_allowed(&visible(&html)).is_empty(),
        "the checker sees the references"
    );
}

#[test]
fn the_pages_name_their_language_link_each_other_and_run_no_script() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh-Hans")] {
        let html = page(lang, &facts());
        assert!(
            html.starts_with("<!doctype html>\n<html lang=\""),
            "{lang:?}"
        );
        assert!(html.contains(&format!("<html lang=\"{tag}\">")), "{lang:?}");
        assert!(
            html.contains("hreflang=\"en\" href=\"index.html\""),
            "{lang:?}"
        );
        assert!(
            html.contains("hreflang=\"zh-Hans\" href=\"zh.html\""),
            "{lang:?}"
        );
        // Back to the calculator in the page's language: the Chinese app is zh/.
        let back = match lang {
            Lang::En => "<a href=\"../\">",
            Lang::Zh => "<a href=\"../zh/\">",
        };
        assert!(html.contains(back), "{lang:?}: back to the calculator");
        assert!(
            html.contains("href=\"../app-0123abcd.css\""),
            "{lang:?}: the app's stylesheet"
        );
        assert!(html.contains("Content-Security-Policy"), "{lang:?}");
        for forbidden in ["<script", "style=", "http://", "https://"] {
            assert!(!html.contains(forbidden), "{lang:?}: {forbidden}");
        }
        // Every in-page source link has its target.
        for id in html
            .split("href=\"#ref-")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
        {
            assert!(
                html.contains(&format!("id=\"ref-{id}\"")),
                "{lang:?}: #ref-{id}"
            );
        }
    }
    assert_eq!(page_path(Lang::En), "about/index.html");
    assert_eq!(page_path(Lang::Zh), "about/zh.html");
    // From the app's page in each language (the Chinese app is zh/).
    assert_eq!(link_from_app(Lang::En), "about/index.html");
    assert_eq!(link_from_app(Lang::Zh), "../about/zh.html");
}

#[test]
fn the_english_page_renders_the_change_log() {
    let html = page(Lang::En, &facts());
    let changelog = std::fs::read_to_string("CHANGELOG.md").unwrap();
    let items: Vec<String> = changelog
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .map(String::from)
        .collect();
    assert!(items.len() >= 5);
    let gone = missing(&html, items);
    assert!(gone.is_empty(), "change log items missing: {gone:?}");
    assert_eq!(
        changelog_html("# T\n\n## 1.0\n- a <b>\n- c\ntext"),
        "<h4>1.0</h4>\n<ul>\n<li>a &lt;b&gt;</li>\n<li>c</li>\n</ul>\n<p>text</p>\n"
    );
}
