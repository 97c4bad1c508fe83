//! Component tests: Yew components rendered natively with the `ssr` feature, asserting on
//! the HTML a person would get. Run with `cargo test --features ssr --test components`.

use std::rc::Rc;

use calciphylaxis::core::{assess_json_in, Lang};
use calciphylaxis::form::{CaseText, Form, FormEdit, UnitSystem};
use calciphylaxis::ui::print::{case_summary, CaseSummaryProps};
use calciphylaxis::ui::results::{
    diagnosis_panel, ignored, msc_panel, risk_panel, workup_panel, AssessmentProps, IgnoredProps,
    Why, WhyProps,
};
use calciphylaxis::ui::{Action, App, AppProps, Banner, Startup, State};
use yew::{Reducible, ServerRenderer};

fn example(name: &str) -> AssessmentProps {
    example_in(name, Lang::En)
}

fn example_in(name: &str, lang: Lang) -> AssessmentProps {
    let text = std::fs::read_to_string(format!("examples/cases/{name}.json")).unwrap();
    AssessmentProps {
        assessment: Rc::new(assess_json_in(&text, lang).unwrap()),
        lang,
    }
}

/// A render function as a component of its own, so the renderer can render it alone.
macro_rules! view {
    ($name:ident, $props:ty, $render:path) => {
        #[yew::component]
        fn $name(props: &$props) -> yew::Html {
            $render(props)
        }
    };
}
view!(RiskPanel, AssessmentProps, risk_panel);
view!(DiagnosisPanel, AssessmentProps, diagnosis_panel);
view!(WorkupPanel, AssessmentProps, workup_panel);
view!(MscPanel, AssessmentProps, msc_panel);
view!(Ignored, IgnoredProps, ignored);
view!(CaseSummary, CaseSummaryProps, case_summary);

async fn render<C>(props: impl FnOnce() -> C::Properties + Send + 'static) -> String
where
    C: yew::BaseComponent,
{
    ServerRenderer::<C>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

#[tokio::test]
async fn app_shell_has_every_section_and_an_empty_state() {
    let html = ServerRenderer::<App>::new()
        .hydratable(false)
        .render()
        .await;
    assert!(html.contains("<h1>Calciphylaxis calculator</h1>"), "{html}");
    for heading in [
        "Risk profile",
        "Hypercoagulability workup",
        "MSC therapy eligibility",
        "Diagnosis",
    ] {
        assert!(
            html.contains(&format!(">{heading}</h2>")),
            "missing {heading}"
        );
    }
    assert!(html.contains("data-testid=\"empty-state\""));
    assert!(html.contains("not a diagnosis or a treatment recommendation"));
    // The header links to the about page; the printed report names it beside the sources.
    assert!(
        html.contains(
            r#"<a href="about/index.html" hreflang="en">About: intended use and limits</a>"#
        ),
        "{html}"
    );
    assert!(html.contains(r#"<p class="about-line"><a href="about/index.html">Intended use, limits and every rule in full: about/index.html"#));
    assert!(html.contains(r#"<label for="f-vintage">Dialysis vintage (months)</label>"#));
    // Every finding is a three-state control defaulting to unknown.
    let unknown_checked = html.matches(r#"-unknown" name="#).count();
    assert!(unknown_checked >= 38, "{unknown_checked}");
}

/// The first render depends only on the app's properties: the same HTML every time, in the
/// language and units given, and nothing of what a browser would hold (a remembered case,
/// a share link, the browser's language) can be in it. A page pre-rendered with the same
/// properties would match it exactly.
#[tokio::test]
async fn app_first_render_depends_only_on_its_properties() {
    let props = || AppProps {
        lang: Lang::Zh,
        units: UnitSystem::Si,
    };
    let first = render::<App>(props).await;
    let second = render::<App>(props).await;
    assert_eq!(first, second);
    assert!(first.contains("<h1>钙化防御计算器</h1>"), "{first}");
    assert!(
        first.contains(r#"<option value="si" selected="selected">"#),
        "{first}"
    );
    // No banner (remembered case, storage problem, link) and nothing to undo.
    assert!(!first.contains(r#"data-testid="banner""#));
    assert!(!first.contains(r#"data-testid="undo""#));
    assert!(first.contains(r#"data-testid="empty-state""#));
    // "Remember on this device" is off until the browser says the user opted in.
    let remember = first
        .split("<input")
        .find(|tag| tag.contains(r#"id="remember""#))
        .and_then(|tag| tag.split('>').next())
        .expect("the remember box");
    assert!(!remember.contains("checked"), "{remember}");
    assert!(
        first.contains("<input checked"),
        "checked boxes render as such"
    );

    // Other properties, another first render: English, conventional units.
    let english = render::<App>(|| AppProps {
        lang: Lang::En,
        units: UnitSystem::Conventional,
    })
    .await;
    assert!(english.contains("<h1>Calciphylaxis calculator</h1>"));
    assert!(english.contains(r#"<option value="conventional" selected="selected">"#));
}

fn with_age(age: &str) -> Form {
    let mut form = Form::new(UnitSystem::Si);
    form.apply(FormEdit::Text(CaseText::Age, age.to_string()));
    form
}

fn start(form: Option<Form>) -> Action {
    Action::Start(Box::new(Startup {
        lang: Lang::Zh,
        units: UnitSystem::Si,
        remember: true,
        form,
        problem: None,
    }))
}

/// After the first render: the browser's values replace the properties' without offering
/// anything back; a share link read after them wins over the remembered case, which
/// "Undo" gives back.
#[test]
fn start_up_values_then_a_link_keep_the_remembered_case_for_undo() {
    let first = Rc::new(State::first(Lang::En, UnitSystem::Conventional));
    let started = first.reduce(start(Some(with_age("44"))));
    assert_eq!((started.lang, started.remember), (Lang::Zh, true));
    assert_eq!(started.form.age, "44");
    assert!(started.undo.is_none() && started.banner.is_none() && started.started);

    let banner = Banner {
        text: "link".into(),
        is_error: false,
    };
    let linked = started.reduce(Action::Load(Box::new(with_age("61")), Some(banner)));
    assert_eq!(linked.form.age, "61");
    assert!(linked.banner.is_some());
    let undone = linked.reduce(Action::Undo);
    assert_eq!(undone.form.age, "44");

    // Nothing remembered: the browser's units, and still nothing to undo after a link.
    let blank = Rc::new(State::first(Lang::En, UnitSystem::Conventional)).reduce(start(None));
    assert_eq!(blank.form.units, UnitSystem::Si);
    let linked = blank.reduce(Action::Load(Box::new(with_age("61")), None));
    assert!(linked.undo.is_none());
}

/// Two tabs remembering: another tab's different case is held for the user's choice (this
/// tab's own case passed back is not); loading it keeps this one for Undo, keeping this one
/// drops the offer; "remember" turned off in the other tab turns it off here, case kept.
#[test]
fn another_tabs_case_waits_for_a_choice_and_its_opt_out_applies_here() {
    let saved = |form: &Form| calciphylaxis::saved::write_case(form);
    let first = Rc::new(State::first(Lang::En, UnitSystem::Conventional));
    let started = first.reduce(start(Some(with_age("44"))));
    let echo = started
        .clone()
        .reduce(Action::OtherTabSaved(saved(&with_age("44"))));
    assert!(echo.other_tab.is_none(), "the same case is no news");

    let offered = started
        .clone()
        .reduce(Action::OtherTabSaved(saved(&with_age("61"))));
    assert_eq!(
        offered.other_tab.as_ref().map(|f| f.age.as_str()),
        Some("61")
    );
    assert_eq!(
        offered.form.age, "44",
        "nothing is replaced before the user chooses"
    );
    let loaded = offered.clone().reduce(Action::OtherTabChoice(true));
    assert_eq!(
        (loaded.form.age.as_str(), loaded.other_tab.is_none()),
        ("61", true)
    );
    assert_eq!(loaded.reduce(Action::Undo).form.age, "44");
    let kept = offered.clone().reduce(Action::OtherTabChoice(false));
    assert_eq!(
        (kept.form.age.as_str(), kept.other_tab.is_none()),
        ("44", true)
    );

    let off = offered.reduce(Action::OtherTabForgot);
    assert!(!off.remember && off.other_tab.is_none());
    assert_eq!(off.form.age, "44");
    assert!(off
        .banner
        .as_ref()
        .is_some_and(|b| b.text.contains("另一个标签页")));
    // A tab that does not remember is not asked about another tab's case.
    let not_remembering = off.reduce(Action::OtherTabSaved(saved(&with_age("70"))));
    assert!(not_remembering.other_tab.is_none());
}

#[tokio::test]
async fn ckd_stage_offers_g3_as_well_as_g3a_and_g3b() {
    let html = ServerRenderer::<App>::new()
        .hydratable(false)
        .render()
        .await;
    let select = html
        .split(r#"<select id="f-ckd""#)
        .nth(1)
        .and_then(|rest| rest.split("</select>").next())
        .expect("the CKD stage select");
    let values: Vec<&str> = select
        .split(r#"value=""#)
        .skip(1)
        .filter_map(|option| option.split('"').next())
        .collect();
    assert_eq!(
        values,
        ["", "none", "G1", "G2", "G3", "G3a", "G3b", "G4", "G5", "G5D"],
        "{select}"
    );
}

#[tokio::test]
async fn risk_panel_shows_counts_statuses_and_full_citations() {
    let html = render::<RiskPanel>(|| example("warfarin-low-protein-c-s")).await;
    // Minor 5, not 6: hypercalcaemia is unknown (issue 14 item 7), since only Payne's slope
    // 1.0 (10.32 mg/dL) is above 10.2, not the headline 10.14.
    assert!(
        html.contains("Major: 1") && html.contains("Minor: 5"),
        "{html}"
    );
    assert!(html.contains(r#"data-factor="warfarin""#));
    // The threshold is met and says so in words, not only by colour.
    assert!(html.contains("✓</span> Met"));
    // The warfarin factor has its "Why?", closed (its body is rendered once opened).
    let warfarin = &html[html.find(r#"data-factor="warfarin""#).unwrap()..];
    let warfarin = &warfarin[..warfarin.find("</li>").unwrap()];
    assert!(
        warfarin.contains(r#"<details class="why"><summary>Why?</summary></details>"#),
        "{warfarin}"
    );
    assert!(html.contains("not a validated score"));

    // Opened, it gives the basis, rule, evidence and the sources in full: Hayashi 2012 with
    // its DOI and what it is used for.
    let props = example("warfarin-low-protein-c-s");
    let factor = props
        .assessment
        .risk
        .factors
        .iter()
        .find(|f| f.id.id() == "warfarin")
        .expect("the warfarin factor")
        .clone();
    let html = render::<Why>(move || WhyProps {
        basis: factor.basis.clone().into(),
        threshold: factor.threshold.map(Into::into),
        evidence: Some(factor.evidence.into()),
        sources: factor.sources.clone(),
        lang: Lang::En,
        open: true,
    })
    .await;
    assert!(
        html.contains(r#"<details open="open" class="why">"#),
        "{html}"
    );
    assert!(
        html.contains("Basis") && html.contains("Evidence"),
        "{html}"
    );
    assert!(html.contains("doi:10.1093/ndt/gfr658"), "{html}");
    assert!(html.contains("OR 11.4"), "{html}");
}

#[tokio::test]
async fn workup_panel_lists_the_panel_with_confounders() {
    let html = render::<WorkupPanel>(|| example("warfarin-low-protein-c-s")).await;
    assert_eq!(html.matches("<li data-test=").count(), 18);
    let protein_c = &html[html.find(r#"data-test="protein_c_activity""#).unwrap()..];
    let protein_c = &protein_c[..protein_c.find("</li>").unwrap()];
    assert!(protein_c.contains("Uninterpretable"), "{protein_c}");
    assert!(protein_c.contains("2 weeks"), "{protein_c}");
    assert!(
        protein_c.contains(r#"<details class="why">"#),
        "{protein_c}"
    );
    assert!(html.contains("Print order list"));
}

#[tokio::test]
async fn msc_panel_states_status_reason_and_notice() {
    let html = render::<MscPanel>(|| example("excluded-active-malignancy")).await;
    assert!(
        html.contains(r#"data-testid="msc-status">Not eligible"#),
        "{html}"
    );
    assert!(html.contains("active malignancy or malignancy within 5 years"));
    assert!(html.contains("not a treatment recommendation"));
    // The context cites the MSC trial (NCT05999656 is a cord-blood cell trial, cited only
    // in the criteria's sources) and the seed report's registration.
    assert!(html.contains("NCT04464213") && html.contains("NCT04592640"));
    for exclusion in [
        "Age under 18 years",
        "Severe heart failure (NYHA class III–IV)",
    ] {
        assert!(html.contains(exclusion), "{exclusion}");
    }

    let html = render::<MscPanel>(|| example("sparse-few-fields")).await;
    assert!(html.contains(r#"data-testid="msc-status">Incomplete"#));
    assert!(
        html.contains("Still needed")
            && html.contains("record yes or no: informed consent for hAMSC therapy")
    );
}

#[tokio::test]
async fn diagnosis_panel_shows_tier_and_hayashi() {
    let html = render::<DiagnosisPanel>(|| example("excluded-active-malignancy")).await;
    assert!(html.contains("Consensus diagnosis: confirmed."), "{html}");
    assert!(html.contains("Hayashi criteria: Met"));
    assert!(html.contains("Lesion distribution: central"));
    // Each output's basis and sources (here the distribution's HR 0.34) are rendered only
    // once its "Why?" is opened (keyboard.test.mjs opens one in the browser).
    assert!(html.contains(r#"<details class="why"><summary>Why?</summary></details>"#));
    assert!(!html.contains("HR 0.34"));
}

/// Issue 14 item 6: the population and "not applicable" are shown in words.
#[tokio::test]
async fn diagnosis_panel_shows_a_non_uremic_population_in_words() {
    let html = render::<DiagnosisPanel>(|| example("non-uremic-endometrial-carcinoma")).await;
    assert!(html.contains("Population: non-uremic"), "{html}");
    assert!(html.contains("Hayashi criteria: not applicable (biopsy decides)"));
    assert!(html.contains("biopsy decides"), "{html}");
}

#[tokio::test]
async fn panels_render_in_chinese_with_chinese_clinical_text() {
    let html = render::<RiskPanel>(|| example_in("warfarin-low-protein-c-s", Lang::Zh)).await;
    assert!(html.contains(">风险评估</h2>"), "{html}");
    assert!(html.contains("主要危险因素（共识）"));
    assert!(html.contains("依据？"));
    assert!(!html.contains(">Why?<"));
    let html = render::<WorkupPanel>(|| example_in("warfarin-low-protein-c-s", Lang::Zh)).await;
    assert!(html.contains("无法判读"), "{html}");
    assert!(html.contains("华法林"));
    let html = render::<MscPanel>(|| example_in("excluded-active-malignancy", Lang::Zh)).await;
    assert!(
        html.contains(r#"data-testid="msc-status">不适合"#),
        "{html}"
    );
}

/// The text a person sees: the HTML without its tags (attributes included).
fn visible_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

#[tokio::test]
async fn inputs_left_out_are_named_for_a_person_with_the_path_in_an_attribute() {
    use calciphylaxis::core::assess_parsed_in;
    use calciphylaxis::core::case::parse_case_text_in;
    use calciphylaxis::ui::results::LabelledIssue;
    let text = r#"{"format":"calciphylaxis-case/1","patient":{"sex":"x"},"kidney":{"ckd_stage":"G9"},
        "lesions":{"sites":["elbow"]},"labs":{"albumin":{"value":3,"unit":"furlongs"}},
        "visits":[{"date":"2024-01-05","pain_score":14}],"ward":"7B"}"#;
    for (lang, expected) in [
        (
            Lang::En,
            [
                "Sex: ",
                "CKD stage: ",
                "Skin lesion site 1: ",
                "Albumin: ",
                "Visit 1 · Pain score",
            ],
        ),
        (
            Lang::Zh,
            [
                "性别：",
                "CKD 分期：",
                "皮损部位 1：",
                "白蛋白：",
                "第 1 次随访 · 疼痛评分",
            ],
        ),
    ] {
        let parsed = parse_case_text_in(text, lang).unwrap();
        let assessment = assess_parsed_in(&parsed, lang);
        // The visits' errors are among the assessment's own.
        let errors = assessment.input_errors.clone();
        let props = IgnoredProps {
            errors: LabelledIssue::all(&errors, lang),
            warnings: LabelledIssue::all(&assessment.warnings, lang),
            lang,
        };
        let html = render::<Ignored>(move || props).await;
        let shown = visible_text(&html);
        for label in expected {
            assert!(shown.contains(label), "{label} in {shown}");
        }
        for path in [
            "patient.sex",
            "kidney.ckd_stage",
            "lesions.sites[0]",
            "labs.albumin",
            "visits[0].pain_score",
        ] {
            assert!(!shown.contains(path), "{path} visible in {shown}");
            assert!(
                html.contains(&format!("data-field=\"{path}\"")),
                "{path} kept in an attribute"
            );
        }
        assert!(
            shown.contains("\"ward\""),
            "the unknown key is quoted: {shown}"
        );
    }
}

#[tokio::test]
async fn printed_case_summary_shows_recorded_values_in_words_in_chinese() {
    use calciphylaxis::core::case::parse_case_text;
    let text = std::fs::read_to_string("examples/cases/spec-example.json").unwrap();
    let html = render::<CaseSummary>(move || CaseSummaryProps {
        case: Rc::new(parse_case_text(&text).unwrap().case),
        lang: Lang::Zh,
        on_screen: true,
    })
    .await;
    let shown = visible_text(&html);
    for words in [
        "女",
        "透析：血液透析",
        "皮肤活检：未做",
        "硫代硫酸钠 8 周：无效",
        "大腿、腹部",
    ] {
        assert!(shown.contains(words), "{words} in {shown}");
    }
    for id in ["female", "hemodialysis", "not_done", ": none"] {
        assert!(!shown.contains(id), "{id} in {shown}");
    }
}
/// The case summary (print and teaching) names a therapy recorded as not tried as such,
/// and leaves out one not recorded.
#[tokio::test]
async fn case_summary_shows_a_therapy_not_tried() {
    for (lang, not_tried, tried) in [
        (Lang::En, "Specialist wound care: not tried", "Cinacalcet"),
        (Lang::Zh, "专业伤口护理：未尝试", "西那卡塞"),
    ] {
        let html = render::<CaseSummary>(move || {
            let text = r#"{"format":"calciphylaxis-case/1",
                "therapies_tried":{"wound_care":false,"cinacalcet":true}}"#;
            let case = calciphylaxis::core::parse_case_text(text).unwrap().case;
            CaseSummaryProps {
                case: Rc::new(case),
                lang,
                on_screen: true,
            }
        })
        .await;
        assert!(html.contains(not_tried), "{html}");
        assert!(html.contains(tried), "{html}");
        assert!(
            !html.contains(calciphylaxis::core::findings::Therapy::SodiumThiosulfate.name(lang)),
            "{html}"
        );
    }
}
