//! From the record to the review: the "Paste from the record" box, and what the importer
//! worker's answer becomes (a review of the values, or the reason nothing was read). The
//! worker (`ui::importer`) starts on the first paste or FHIR file, never before.

use std::rc::Rc;

use yew::prelude::*;

use super::state::{Action, Banner, Review, State};
use super::text as t;
use crate::core::case::parse_case_text_in;
use crate::core::i18n::{msg, Lang};
use crate::form::{RecordImport, UnitSystem};
use crate::import::{Answer, ReportView};
use crate::tr;

/// A text sent to the importer, and what its answer needs.
#[derive(Clone)]
pub struct Reading {
    pub text: Rc<str>,
    /// The file's name; none for a paste.
    pub name: Option<String>,
    pub units: UnitSystem,
    pub lang: Lang,
}

/// What a reply of the importer becomes: the review of what it read, or a banner saying
/// why nothing was. The form is unchanged.
pub fn reply_action(reply: Answer, reading: &Reading) -> Action {
    let lang = reading.lang;
    let refused = |reason: &str| match &reading.name {
        Some(name) => refused_file(name, reason, lang),
        None => {
            let reason = without_full_stop(reason);
            let text = tr!(lang, msg::ui_import::READ_FAILED, reason);
            Action::Banner(Some(Banner::error(text)))
        }
    };
    match reply {
        Answer::Imported {
            source,
            case,
            report,
            ..
        } => match parse_case_text_in(&case, lang) {
            Ok(parsed) => {
                let import = RecordImport::new(&parsed.case, reading.units);
                let report: ReportView = serde_json::from_str(&report).unwrap_or_default();
                let text = reading.text.clone();
                let review = Review::new(text, lang, import, source, report);
                Action::Review(Some(Box::new(review)))
            }
            Err(e) => refused(&e.to_string()),
        },
        Answer::Error { error, .. } => refused(&error),
        Answer::Ready => Action::Banner(None),
    }
}

/// A file that could not be imported: its name and why, and that the case is unchanged.
pub fn refused_file(name: &str, reason: &str, lang: Lang) -> Action {
    let reason = without_full_stop(reason);
    Action::Banner(Some(Banner::error(format!(
        "{} {name}: {reason}. {}",
        t::IMPORT_FAILED.get(lang),
        t::CASE_UNCHANGED.get(lang)
    ))))
}

/// A reason is a sentence of its own; the message that quotes it ends it.
fn without_full_stop(reason: &str) -> &str {
    reason.trim_end_matches(['.', '。'])
}

/// Sends the text to the importer; its answer is dispatched as [`reply_action`]. `done` is
/// told when the answer came.
pub fn read_record(reading: Reading, dispatcher: UseReducerDispatcher<State>, done: Callback<()>) {
    let (text, lang) = (reading.text.clone(), reading.lang);
    let on_reply = Callback::from(move |reply: Answer| {
        done.emit(());
        dispatcher.dispatch(reply_action(reply, &reading));
    });
    #[cfg(feature = "csr")]
    super::importer::import(&text, lang, on_reply);
    #[cfg(not(feature = "csr"))]
    let _ = (text, lang, on_reply);
}

/// While a review is open, a change of language reads its text again, so that its reasons
/// are in the language the page shows (the ticks stay: `State::show_review`).
#[hook]
pub fn use_review_language(state: &UseReducerHandle<State>) {
    let lang = state.lang;
    let stale = state
        .review
        .as_ref()
        .filter(|r| r.lang != lang)
        .map(|r| r.text.clone());
    let dispatcher = state.dispatcher();
    let units = state.form.units;
    use_effect_with((lang, stale), move |(lang, stale)| {
        if let Some(text) = stale.clone() {
            let reading = Reading {
                text,
                name: None,
                units,
                lang: *lang,
            };
            read_record(reading, dispatcher, Callback::noop());
        }
    });
}

#[derive(Properties, PartialEq)]
pub struct PasteBoxProps {
    pub units: UnitSystem,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<State>,
}

/// A text box for pasted FHIR JSON or a laboratory report, and "Read". What was pasted
/// stays in the box, so a paste read wrongly can be corrected and read again.
#[component]
pub fn PasteBox(props: &PasteBoxProps) -> Html {
    let PasteBoxProps {
        units,
        lang,
        dispatcher,
    } = props;
    let (units, lang) = (*units, *lang);
    let text_area = use_node_ref();
    let reading = use_state(|| false);
    let on_read = {
        let (text_area, reading, dispatcher) =
            (text_area.clone(), reading.clone(), dispatcher.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(area) = text_area.cast::<web_sys::HtmlTextAreaElement>() else {
                return;
            };
            reading.set(true);
            let done = {
                let reading = reading.clone();
                Callback::from(move |()| reading.set(false))
            };
            let reading = Reading {
                text: area.value().into(),
                name: None,
                units,
                lang,
            };
            read_record(reading, dispatcher.clone(), done);
        })
    };
    html! {
        <details class="paste-box no-print" data-testid="paste-box">
            <summary>{ msg::ui_import::PASTE_HEADING.get(lang) }</summary>
            <div class="field">
                <label for="paste-text">{ msg::ui_import::PASTE_LABEL.get(lang) }</label>
                <textarea id="paste-text" rows="6" spellcheck="false" autocomplete="off" ref={text_area}
                    aria-describedby="paste-hint" />
                <p id="paste-hint" class="hint">{ msg::ui_import::PASTE_HINT.get(lang) }</p>
            </div>
            <button type="button" data-testid="paste-read" onclick={on_read} disabled={*reading}>
                { if *reading { msg::ui_import::READING.get(lang) } else { msg::ui_import::READ.get(lang) } }
            </button>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::field_path::FieldPath;
    use crate::import::{answer_text, ImportRequest, ImportSource};

    fn reading(text: &str, name: Option<&str>, units: UnitSystem, lang: Lang) -> Reading {
        Reading {
            text: text.into(),
            name: name.map(str::to_string),
            units,
            lang,
        }
    }

    /// What the worker answers, as the app reads its text.
    fn read(text: &str, lang: Lang) -> Answer {
        let request = ImportRequest {
            id: 1,
            text: text.into(),
            lang: lang.id().into(),
            only: None,
        };
        let reply = answer_text(&serde_json::to_string(&request).unwrap());
        Answer::read(&reply).expect("a reply the app reads")
    }

    #[test]
    fn a_pasted_printout_becomes_a_review_of_its_values_with_what_was_not_used() {
        let printout = include_str!("../../tests/paste/zh-printout.txt");
        let action = reply_action(
            read(printout, Lang::Zh),
            &reading(printout, None, UnitSystem::Si, Lang::Zh),
        );
        let Action::Review(Some(review)) = action else {
            panic!("not a review");
        };
        assert_eq!(review.source, ImportSource::Paste);
        let fields: Vec<String> = review
            .import
            .fields
            .iter()
            .map(|f| f.path.to_string())
            .collect();
        assert!(
            fields.contains(&"labs.calcium_total".to_string()),
            "{fields:?}"
        );
        assert!(
            !fields.contains(&"labs.homocysteine".to_string()),
            "unknown unit: {fields:?}"
        );
        assert!(review
            .report
            .skipped
            .iter()
            .any(|s| s.resource == "line 16"));
        let calcium = &review.import.record.labs["calcium_total"];
        assert_eq!(
            (calcium.text.as_str(), calcium.lower_limit.as_str()),
            ("2.05", "2.11")
        );
    }

    #[test]
    fn a_fhir_export_becomes_a_review_with_each_values_source() {
        let bundle = include_str!("../../tests/fhir/calciphylaxis-dialysis.json");
        let action = reply_action(
            read(bundle, Lang::En),
            &reading(bundle, Some("a.json"), UnitSystem::Conventional, Lang::En),
        );
        let Action::Review(Some(review)) = action else {
            panic!("not a review");
        };
        assert_eq!(review.source, ImportSource::Fhir);
        let warfarin = review
            .import
            .fields
            .iter()
            .find(|f| f.path == FieldPath::finding("warfarin"));
        assert!(warfarin.is_some_and(|f| f.source.resource.starts_with("Medication")));
    }

    #[test]
    fn a_ckd_stage_suggested_by_two_egfr_values_is_shown_for_review_and_not_filled() {
        let egfr = |id: &str, date: &str| {
            serde_json::json!({ "resource": { "resourceType": "Observation", "id": id, "status": "final",
                "code": { "coding": [{ "system": "http://loinc.org", "code": "98979-8" }] },
                "effectiveDateTime": date, "valueQuantity": { "value": 40, "code": "mL/min/{1.73_m2}" } } })
        };
        let bundle = serde_json::json!({ "resourceType": "Bundle", "type": "collection",
            "entry": [egfr("a", "2026-01-02"), egfr("b", "2026-04-30")] });
        let text = bundle.to_string();
        let reply = read(&text, Lang::En);
        let Action::Review(Some(review)) =
            reply_action(reply, &reading(&text, None, UnitSystem::Si, Lang::En))
        else {
            panic!("not a review");
        };
        let suggestion = review
            .report
            .suggested_ckd_stage
            .as_ref()
            .expect("a suggestion");
        assert!(suggestion.message.contains("G3b"), "{}", suggestion.message);
        assert!(review.import.record.ckd_stage.is_none());
        assert!(!review
            .import
            .fields
            .iter()
            .any(|f| f.path == FieldPath::kidney(crate::core::field_path::KidneyField::CkdStage)));
    }

    /// The review of the English printout, read in `lang`.
    fn printout_review(lang: Lang) -> Box<Review> {
        let printout = include_str!("../../tests/paste/en-printout.txt");
        let reading = reading(printout, None, UnitSystem::Conventional, lang);
        match reply_action(read(printout, lang), &reading) {
            Action::Review(Some(review)) => review,
            _ => panic!("not a review"),
        }
    }

    fn reduce(state: State, action: Action) -> State {
        (*yew::Reducible::reduce(std::rc::Rc::new(state), action)).clone()
    }

    #[test]
    fn a_review_closes_when_another_case_replaces_the_form_and_applies_only_the_ticked_values() {
        let state = reduce(
            State::first(Lang::En, UnitSystem::Conventional),
            Action::Review(Some(printout_review(Lang::En))),
        );
        for replace in [Action::Reset, Action::Load(Box::default(), None)] {
            let closed = reduce(state.clone(), replace);
            assert!(
                closed.review.is_none(),
                "a record reviewed for one case never fills the next"
            );
        }
        let untick = reduce(state, Action::ReviewTick(0, false));
        let first = untick.review.as_ref().unwrap().import.fields[0]
            .path
            .to_string();
        let applied = reduce(untick, Action::ReviewApply);
        assert!(applied.review.is_none());
        assert!(
            applied.form.record_source(&first).is_none(),
            "{first} was unticked"
        );
        assert!(applied.form.record_source("labs.phosphate").is_some());
        assert!(
            applied.undo.as_ref().is_some_and(|form| form.is_blank()),
            "Undo gives back the empty form"
        );
    }

    #[test]
    fn the_same_text_read_again_in_another_language_keeps_the_ticks() {
        let state = reduce(
            State::first(Lang::En, UnitSystem::Conventional),
            Action::Review(Some(printout_review(Lang::En))),
        );
        let phosphate =
            |s: &State| s.review.as_ref().unwrap().ticked[state_index(s, "labs.phosphate")];
        let index = state_index(&state, "labs.phosphate");
        let state = reduce(state, Action::ReviewTick(index, false));
        let state = reduce(state, Action::Lang(Lang::Zh));
        let state = reduce(state, Action::Review(Some(printout_review(Lang::Zh))));
        let review = state.review.as_ref().unwrap();
        assert_eq!(review.lang, Lang::Zh);
        assert!(
            review
                .report
                .skipped
                .iter()
                .any(|s| s.message.contains("未")),
            "{:?}",
            review.report.skipped
        );
        assert!(!phosphate(&state), "the cleared tick stays cleared");
        assert_eq!(review.ticked.iter().filter(|t| !**t).count(), 1);
    }

    fn state_index(state: &State, path: &str) -> usize {
        let review = state.review.as_ref().unwrap();
        review
            .import
            .fields
            .iter()
            .position(|f| FieldPath::parse(path).is_some_and(|p| p == f.path))
            .unwrap()
    }

    #[test]
    fn a_refusal_says_why_and_that_nothing_changed_in_the_users_language() {
        let Action::Banner(Some(banner)) = reply_action(
            read("  ", Lang::Zh),
            &reading("  ", None, UnitSystem::Si, Lang::Zh),
        ) else {
            panic!("not a banner");
        };
        assert!(banner.is_error);
        assert!(banner.text.contains("表单未改变"), "{}", banner.text);
        assert!(!banner.text.contains("。。"), "{}", banner.text);
        let reply = Answer::Error {
            id: 1,
            error: "not JSON.".into(),
        };
        let Action::Banner(Some(banner)) = reply_action(
            reply,
            &reading("", Some("x.json"), UnitSystem::Si, Lang::En),
        ) else {
            panic!("not a banner");
        };
        assert!(
            banner
                .text
                .contains("x.json: not JSON. The current case is unchanged."),
            "{}",
            banner.text
        );
    }
}
