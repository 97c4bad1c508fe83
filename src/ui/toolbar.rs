//! The calculator's toolbar: load an example, the default units, a new case, export,
//! share, copy for a chart note, import, and "Remember on this device".

use std::rc::Rc;

use yew::prelude::*;

use super::fields::SelectField;
use super::note::NoteButton;
use super::record_import::{read_record, refused_file, Reading};
use super::share::ShareButton;
use super::state::{Action, Banner, State};
use super::text as t;
use super::EXAMPLES;
use crate::core::case::{parse_case_text_in, Case, ParsedCase};
use crate::core::i18n::Lang;
use crate::core::Assessment;
use crate::form::{Form, FormEdit, UnitSystem};
use crate::import::{check_record_size, looks_like_fhir};

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    /// The case as computed for the results: the one exported and shared.
    pub case: Rc<Case>,
    /// Its assessment, for the chart note.
    pub assessment: Rc<Assessment>,
    pub units: UnitSystem,
    pub remember: bool,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<State>,
}

#[component]
pub fn Toolbar(props: &ToolbarProps) -> Html {
    let ToolbarProps {
        case,
        assessment,
        units,
        remember,
        lang,
        dispatcher,
    } = props;
    let (units, lang) = (*units, *lang);
    let on_example = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |value: String| {
            if let Some(load) = example(&value, units, lang) {
                dispatcher.dispatch(load);
            }
        })
    };
    let on_units = dispatcher.to_callback().reform(|value: String| {
        Action::Edit(FormEdit::Units(if value == "si" {
            UnitSystem::Si
        } else {
            UnitSystem::Conventional
        }))
    });
    let on_reset = dispatcher
        .to_callback()
        .reform(|_: MouseEvent| Action::Reset);
    let on_remember = dispatcher.to_callback().reform(|e: Event| {
        Action::Remember(
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked(),
        )
    });
    let on_export = {
        let case = case.clone();
        Callback::from(move |_: MouseEvent| export(&case))
    };
    let on_import = use_import(dispatcher, units, lang);
    html! {
        <div class="toolbar no-print">
            <SelectField id="example" label={t::EXAMPLE.get(lang)} value="" options={example_options(lang)} onchange={on_example} />
            <SelectField id="units" label={t::DEFAULT_UNITS.get(lang)} value={if units == UnitSystem::Si { "si" } else { "conventional" }}
                options={unit_options(lang)} onchange={on_units} />
            <button type="button" class="secondary" onclick={on_reset}>{ t::NEW_CASE.get(lang) }</button>
            <button type="button" class="secondary" onclick={on_export}>{ t::EXPORT.get(lang) }</button>
            <ShareButton case={case.clone()} {lang} />
            <NoteButton case={case.clone()} assessment={assessment.clone()} {lang} />
            <label class="button secondary" for="import-file">{ t::IMPORT.get(lang) }</label>
            <input type="file" id="import-file" class="file-input" accept=".json,application/json,application/fhir+json" onchange={on_import} />
            <label class="check remember" for="remember" title={t::REMEMBER_HINT.get(lang)}>
                <input type="checkbox" id="remember" checked={*remember} onchange={on_remember} aria-describedby="remember-hint" />
                { t::REMEMBER.get(lang) }
            </label>
            <p id="remember-hint" class="hint">{ t::REMEMBER_HINT.get(lang) }</p>
        </div>
    }
}

fn unit_options(lang: Lang) -> Vec<(AttrValue, AttrValue)> {
    vec![
        (
            AttrValue::from("conventional"),
            AttrValue::from(t::CONVENTIONAL.get(lang)),
        ),
        (AttrValue::from("si"), AttrValue::from(t::SI.get(lang))),
    ]
}

fn example_options(lang: Lang) -> Vec<(AttrValue, AttrValue)> {
    std::iter::once((AttrValue::from(""), AttrValue::from(t::CHOOSE.get(lang))))
        .chain((0..EXAMPLES.len()).map(|i| {
            (
                AttrValue::from(i.to_string()),
                AttrValue::from(t::example_name(i, lang)),
            )
        }))
        .collect()
}

/// The example chosen (its index in [`EXAMPLES`]) as a load; "Choose…" loads nothing.
fn example(value: &str, units: UnitSystem, lang: Lang) -> Option<Action> {
    let json = value.parse::<usize>().ok().and_then(|i| EXAMPLES.get(i))?;
    let parsed = parse_case_text_in(json, lang).ok()?;
    let form = Form::from_case(&parsed.case, units);
    Some(Action::Load(Box::new(form), None))
}

/// Downloads the case as a `calciphylaxis-case/1` file.
fn export(case: &Case) {
    #[cfg(feature = "csr")]
    super::files::download("calciphylaxis-case.json", &case.to_json_pretty());
    #[cfg(not(feature = "csr"))]
    let _ = case;
}

/// The file input's change: a FHIR export is read by the importer and reviewed; a case
/// file is loaded with a banner saying what was imported and what was left out; either is
/// refused with the reason (the case stays).
#[hook]
fn use_import(
    dispatcher: &UseReducerDispatcher<State>,
    units: UnitSystem,
    lang: Lang,
) -> Callback<Event> {
    // The read in progress (dropping it would cancel it).
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);
    let dispatcher = dispatcher.clone();
    Callback::from(move |e: Event| {
        let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        let file = gloo::file::File::from(file);
        let name = file.name();
        let dispatcher = dispatcher.clone();
        // A file too large for any record is refused before it is read into memory.
        if let Err(e) = check_record_size(file.size(), lang) {
            return dispatcher.dispatch(refused_file(&name, &e.to_string(), lang));
        }
        *reader.borrow_mut() = Some(gloo::file::callbacks::read_as_text(&file, move |result| {
            let text = match result {
                Ok(text) => text,
                Err(e) => return dispatcher.dispatch(refused_file(&name, &e.to_string(), lang)),
            };
            // A FHIR export goes to the importer and is reviewed before it fills the form.
            if looks_like_fhir(&text) {
                let reading = Reading {
                    text: text.into(),
                    name: Some(name),
                    units,
                    lang,
                };
                return read_record(reading, dispatcher, Callback::noop());
            }
            dispatcher.dispatch(match parse_case_text_in(&text, lang) {
                Ok(parsed) => imported(&name, &parsed, units, lang),
                Err(e) => refused_file(&name, &e.to_string(), lang),
            })
        }));
    })
}

fn imported(name: &str, parsed: &ParsedCase, units: UnitSystem, lang: Lang) -> Action {
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
    let banner = Banner {
        text,
        is_error: !parsed.errors.is_empty(),
    };
    Action::Load(Box::new(Form::from_case(&parsed.case, units)), Some(banner))
}
