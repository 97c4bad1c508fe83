//! The Yew app: the case form beside the live assessment. Components render; the core
//! decides (`crate::core::assess_in`), and `crate::form` turns typing into a case.

pub mod case_form;
pub mod fields;
#[cfg(feature = "csr")]
mod files;
pub mod followup;
pub mod print;
pub mod results;
pub mod share;
#[cfg(feature = "csr")]
mod storage;
pub mod teaching;
pub mod text;
pub mod trends;

use std::rc::Rc;

use yew::prelude::*;

use crate::core::assess_in;
use crate::core::case::{check_case_size, parse_case_text_in, Issue};
use crate::core::i18n::Lang;
use crate::form::{Form, FormEdit, UnitSystem};
use case_form::CaseForm;
use fields::SelectField;
use results::{
    DerivedPanel, DiagnosisPanel, Ignored, LabelledIssue, MscPanel, RiskPanel, SummaryBar,
    WorkupPanel,
};
use text as t;

pub use results::{Sources, Why};

/// Example cases shipped with the app (the same files the tests assess).
pub const EXAMPLES: &[&str] = &[
    include_str!("../../examples/cases/nanjing-hamsc-salvage.json"),
    include_str!("../../examples/cases/nanjing-hamsc-hypercoagulability.json"),
    include_str!("../../examples/cases/non-uremic-endometrial-carcinoma.json"),
    include_str!("../../examples/cases/warfarin-low-protein-c-s.json"),
    include_str!("../../examples/cases/excluded-active-malignancy.json"),
    include_str!("../../examples/cases/msc-candidate-illustrative.json"),
    include_str!("../../examples/cases/sparse-few-fields.json"),
];

/// A message across the top: an import's outcome, a storage problem.
#[derive(Clone, PartialEq)]
pub struct Banner {
    pub text: String,
    pub is_error: bool,
}

/// What the page shows: the calculator, or the teaching cases.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Calculator,
    Teaching,
}

#[derive(Clone, PartialEq, Default)]
pub struct State {
    pub view: View,
    /// Shared with the components and the undo slot; an edit copies it only when shared.
    pub form: Rc<Form>,
    pub lang: Lang,
    pub remember: bool,
    pub banner: Option<Banner>,
    /// The case that a load (example, file, link) or "New case" replaced, offered back by
    /// "Undo" until the next edit: choosing an example with the arrow keys, or by mistake,
    /// must not lose what was typed.
    pub undo: Option<Rc<Form>>,
    /// The form is as the last load or reset left it (no edit since): a further load keeps
    /// the case already kept for undo instead of the example it replaces.
    pub fresh_load: bool,
}

impl State {
    /// The browser's language and, if the user opted in earlier, the saved case.
    fn initial() -> State {
        #[cfg(feature = "csr")]
        {
            let start = storage::startup();
            let state = State {
                view: View::Calculator,
                form: Rc::new(start.form.unwrap_or_else(|| Form::new(start.units))),
                lang: start.lang,
                remember: start.remember,
                banner: start.problem.map(|text| Banner {
                    text,
                    is_error: true,
                }),
                undo: None,
                fresh_load: false,
            };
            // A case in the address (#case=…) takes precedence over a remembered one.
            match share::from_address(start.units, start.lang, false) {
                Some((Some(form), banner)) => State {
                    undo: (!state.form.is_blank()).then(|| state.form.clone()),
                    fresh_load: true,
                    form: Rc::new(form),
                    banner: Some(banner),
                    ..state
                },
                _ => state,
            }
        }
        #[cfg(not(feature = "csr"))]
        State::default()
    }
}

pub enum Action {
    Edit(FormEdit),
    Load(Box<Form>, Option<Banner>),
    Lang(Lang),
    View(View),
    Remember(bool),
    Banner(Option<Banner>),
    Reset,
    /// Back to the case the last load or reset replaced.
    Undo,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::Edit(edit) => {
                Rc::make_mut(&mut state.form).apply(edit);
                state.undo = None;
                state.fresh_load = false;
            }
            Action::Load(form, banner) => {
                state.replace_form(*form);
                state.banner = banner;
            }
            Action::Lang(lang) => state.lang = lang,
            Action::View(view) => state.view = view,
            Action::Remember(on) => state.remember = on,
            Action::Banner(banner) => state.banner = banner,
            Action::Reset => {
                state.replace_form(Form::new(state.form.units));
                state.banner = None;
            }
            Action::Undo => {
                if let Some(form) = state.undo.take() {
                    state.form = form;
                    state.fresh_load = false;
                    state.banner = None;
                }
            }
        }
        Rc::new(state)
    }
}

impl State {
    /// Puts `form` in place of the current one, keeping what it replaces for "Undo" (see
    /// [`State::undo`]).
    fn replace_form(&mut self, form: Form) {
        let replaced = std::mem::replace(&mut self.form, Rc::new(form));
        if !self.fresh_load && !replaced.is_blank() {
            self.undo = Some(replaced);
        }
        self.fresh_load = true;
    }
}

/// Today's date for the printed report (empty when rendered outside a browser).
fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::Date::new_0().to_iso_string())
            .chars()
            .take(10)
            .collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(State::initial);
    let lang = state.lang;
    let computed = use_memo((state.form.clone(), lang), |(form, lang)| {
        let (case, form_errors) = form.to_case_in(*lang);
        // The visits' response summary and errors come with it (`follow_up`).
        let assessment = Rc::new(assess_in(&case, *lang));
        (assessment, Rc::new(form_errors), Rc::new(case))
    });
    let (assessment, form_errors, case) = &*computed;
    let mut all_errors: Vec<Issue> = form_errors.to_vec();
    all_errors.extend(assessment.input_errors.iter().cloned());
    let all_errors = Rc::new(all_errors);

    // Keep the document's language (screen readers, CJK fonts) and title in step.
    use_effect_with(lang, |lang| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = document.document_element() {
                let _ = root.set_attribute("lang", lang.html_tag());
            }
            document.set_title(t::TITLE.get(*lang));
        }
    });

    // Saved only when the user opted in; turning it off deletes what was saved.
    #[cfg(feature = "csr")]
    {
        let dispatcher = state.dispatcher();
        use_effect_with(
            (state.form.clone(), lang, state.remember),
            move |(form, lang, remember)| {
                if *remember {
                    if storage::save(form, *lang).is_err() {
                        storage::forget();
                        dispatcher.dispatch(Action::Remember(false));
                        dispatcher.dispatch(Action::Banner(Some(Banner {
                            text: t::STORAGE_UNAVAILABLE.get(*lang).to_string(),
                            is_error: true,
                        })));
                    }
                } else {
                    storage::forget();
                }
            },
        );
    }

    // A share link opened in a tab that already runs the app changes only the fragment.
    #[cfg(feature = "csr")]
    {
        let dispatcher = state.dispatcher();
        use_effect_with((state.form.units, lang), move |&(units, lang)| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    match share::from_address(units, lang, true) {
                        Some((Some(form), banner)) => {
                            dispatcher.dispatch(Action::Load(Box::new(form), Some(banner)))
                        }
                        Some((None, banner)) => dispatcher.dispatch(Action::Banner(Some(banner))),
                        None => {}
                    }
                });
            move || drop(listener)
        });
    }

    let on_example = {
        let state = state.clone();
        Callback::from(move |value: String| {
            let Some(json) = value.parse::<usize>().ok().and_then(|i| EXAMPLES.get(i)) else {
                return;
            };
            if let Ok(parsed) = parse_case_text_in(json, state.lang) {
                let form = Form::from_case(&parsed.case, state.form.units);
                state.dispatch(Action::Load(Box::new(form), None));
            }
        })
    };
    let on_units = {
        let state = state.clone();
        Callback::from(move |value: String| {
            let units = if value == "si" {
                UnitSystem::Si
            } else {
                UnitSystem::Conventional
            };
            state.dispatch(Action::Edit(FormEdit::Units(units)));
        })
    };
    let on_lang = {
        let state = state.clone();
        Callback::from(move |value: String| {
            state.dispatch(Action::Lang(Lang::from_id(&value).unwrap_or_default()))
        })
    };
    let on_reset = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Reset))
    };
    let on_remember = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            state.dispatch(Action::Remember(on));
        })
    };
    let on_dismiss = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Banner(None)))
    };
    let on_undo = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| state.dispatch(Action::Undo))
    };
    let on_export = {
        let form = state.form.clone();
        Callback::from(move |_: MouseEvent| {
            let (case, _) = form.to_case();
            #[cfg(feature = "csr")]
            files::download("calciphylaxis-case.json", &case.to_json_pretty());
            #[cfg(not(feature = "csr"))]
            let _ = case;
        })
    };
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let on_import = {
        let state = state.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            input.set_value("");
            let file = gloo::file::File::from(file);
            let name = file.name();
            let state = state.clone();
            let lang = state.lang;
            let refuse = {
                let state = state.clone();
                let name = name.clone();
                move |reason: String| {
                    state.dispatch(Action::Banner(Some(Banner {
                        text: format!(
                            "{} {name}: {reason}. {}",
                            t::IMPORT_FAILED.get(lang),
                            t::CASE_UNCHANGED.get(lang)
                        ),
                        is_error: true,
                    })))
                }
            };
            // A file too large for a case is refused before it is read into memory.
            if let Err(e) = check_case_size(file.size(), lang) {
                return refuse(e.to_string());
            }
            *reader.borrow_mut() =
                Some(gloo::file::callbacks::read_as_text(&file, move |result| {
                    let outcome = result.map_err(|e| e.to_string()).and_then(|text| {
                        parse_case_text_in(&text, lang).map_err(|e| e.to_string())
                    });
                    match outcome {
                        Ok(parsed) => {
                            let notes: Vec<String> = parsed
                                .errors
                                .iter()
                                .chain(&parsed.warnings)
                                .map(|issue| issue.describe(lang))
                                .collect();
                            let text = if notes.is_empty() {
                                format!("{} {name}.", t::IMPORTED.get(lang))
                            } else {
                                format!("{} {name}. {}", t::IMPORTED.get(lang), notes.join("; "))
                            };
                            let form = Form::from_case(&parsed.case, state.form.units);
                            let banner = Banner {
                                text,
                                is_error: !parsed.errors.is_empty(),
                            };
                            state.dispatch(Action::Load(Box::new(form), Some(banner)));
                        }
                        Err(reason) => refuse(reason),
                    }
                }));
        })
    };

    let example_options =
        std::iter::once((AttrValue::from(""), AttrValue::from(t::CHOOSE.get(lang))))
            .chain((0..EXAMPLES.len()).map(|i| {
                (
                    AttrValue::from(i.to_string()),
                    AttrValue::from(t::example_name(i, lang)),
                )
            }))
            .collect::<Vec<_>>();
    let form = &state.form;
    // From the memoised case: no second conversion of the form on each render.
    let nothing_entered = form_errors.is_empty() && **case == crate::core::Case::default();
    let errors = LabelledIssue::all(&all_errors, lang);
    let warnings = LabelledIssue::all(&assessment.warnings, lang);

    html! {
        <div class="app">
            <header class="app-header">
                <div class="title-row">
                    <h1>{ t::TITLE.get(lang) }</h1>
                    <SelectField id="lang" label={t::LANGUAGE.get(lang)} value={lang.id()}
                        options={vec![(AttrValue::from("en"), AttrValue::from("English")), (AttrValue::from("zh"), AttrValue::from("简体中文"))]}
                        onchange={on_lang} />
                </div>
                <p class="tagline">{ t::TAGLINE.get(lang) }</p>
                <a class="skip no-print" href="#results">{ t::JUMP_TO_RESULTS.get(lang) }</a>
                <p class="notice" role="note">{ t::NOTICE.get(lang) }</p>
                <nav class="views no-print" aria-label={t::VIEWS.get(lang)}>
                    { for [(View::Calculator, t::CALCULATOR), (View::Teaching, t::TEACHING)].into_iter().map(|(view, label)| {
                        let current = state.view == view;
                        let dispatcher = state.dispatcher();
                        let onclick = Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::View(view)));
                        html! {
                            <button type="button" class={classes!("view-tab", (!current).then_some("secondary"))}
                                aria-pressed={current.to_string()} {onclick}>{ label.get(lang) }</button>
                        }
                    }) }
                </nav>
                if state.view == View::Calculator {
                <div class="toolbar no-print">
                    <SelectField id="example" label={t::EXAMPLE.get(lang)} value="" options={example_options} onchange={on_example} />
                    <SelectField id="units" label={t::DEFAULT_UNITS.get(lang)} value={if form.units == UnitSystem::Si { "si" } else { "conventional" }}
                        options={vec![(AttrValue::from("conventional"), AttrValue::from(t::CONVENTIONAL.get(lang))), (AttrValue::from("si"), AttrValue::from(t::SI.get(lang)))]}
                        onchange={on_units} />
                    <button type="button" class="secondary" onclick={on_reset}>{ t::NEW_CASE.get(lang) }</button>
                    <button type="button" class="secondary" onclick={on_export}>{ t::EXPORT.get(lang) }</button>
                    <share::ShareButton case={case.clone()} {lang} />
                    <label class="button secondary" for="import-file">{ t::IMPORT.get(lang) }</label>
                    <input type="file" id="import-file" class="file-input" accept=".json,application/json" onchange={on_import} />
                    <label class="check remember" for="remember" title={t::REMEMBER_HINT.get(lang)}>
                        <input type="checkbox" id="remember" checked={state.remember} onchange={on_remember} aria-describedby="remember-hint" />
                        { t::REMEMBER.get(lang) }
                    </label>
                    <p id="remember-hint" class="hint">{ t::REMEMBER_HINT.get(lang) }</p>
                </div>
                }
                if let Some(banner) = &state.banner {
                    <div class={classes!("banner", banner.is_error.then_some("error"))} role="status" data-testid="banner">
                        <span>{ banner.text.clone() }</span>
                        <button type="button" class="secondary" onclick={on_dismiss}>{ t::DISMISS.get(lang) }</button>
                    </div>
                }
                if state.undo.is_some() {
                    <div class="banner undo" role="status" data-testid="undo">
                        <span>{ t::CASE_REPLACED.get(lang) }</span>
                        <button type="button" class="secondary" onclick={on_undo}>{ t::UNDO.get(lang) }</button>
                    </div>
                }
            </header>
            if state.view == View::Teaching {
                <teaching::TeachingView {lang} />
            } else {
            <div class="layout">
                <CaseForm form={form.clone()} {lang} errors={all_errors.clone()} dispatcher={state.dispatcher()} />
                <main class="results" id="results" aria-label={t::RESULTS.get(lang)}>
                    if nothing_entered {
                        <p class="empty-state" data-testid="empty-state">{ t::EMPTY_STATE.get(lang) }</p>
                    }
                    <print::CaseSummary case={case.clone()} {lang} />
                    <SummaryBar assessment={assessment.clone()} {lang} />
                    <Ignored {errors} {warnings} {lang} />
                    <RiskPanel assessment={assessment.clone()} {lang} />
                    <DiagnosisPanel assessment={assessment.clone()} {lang} />
                    <WorkupPanel assessment={assessment.clone()} {lang} />
                    <MscPanel assessment={assessment.clone()} {lang} />
                    if assessment.follow_up.is_some() {
                        <followup::FollowUpPanel assessment={assessment.clone()} {lang} />
                    }
                    <DerivedPanel assessment={assessment.clone()} {lang} />
                    <print::Citations assessment={assessment.clone()} {lang} />
                    <p class="print-date">{ format!("{} {}", t::PRINTED.get(lang), today()) }</p>
                </main>
            </div>
            }
        </div>
    }
}
