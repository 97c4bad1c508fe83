//! "Copy for chart note": a button that opens a small dialog showing the chart note
//! (`core::note::chart_note`) exactly as it will be copied, with Copy. The copy goes through
//! the share dialog's clipboard path (`share::copy`): the clipboard, or the text selected
//! for copying by hand when the browser refuses.

use std::rc::Rc;

use yew::prelude::*;

use super::share::{close_on_escape, copy_from_field, copy_status_with};
use super::text as t;
use crate::core::case::Case;
use crate::core::i18n::{msg, Lang};
use crate::core::note::chart_note;
use crate::core::Assessment;

#[derive(Properties, PartialEq)]
pub struct NoteButtonProps {
    /// The case and its assessment, as the results show them.
    pub case: Rc<Case>,
    pub assessment: Rc<Assessment>,
    pub lang: Lang,
}

/// The toolbar button; the dialog while it is open.
#[component]
pub fn NoteButton(props: &NoteButtonProps) -> Html {
    let lang = props.lang;
    let open = use_state(|| false);
    let button = use_node_ref();
    let on_open = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    // Focus goes back to the button that opened the dialog.
    let on_close = {
        let open = open.clone();
        let button = button.clone();
        Callback::from(move |()| {
            open.set(false);
            if let Some(element) = button.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        })
    };
    html! {
        <>
            <button type="button" class="secondary" ref={button} onclick={on_open}
                aria-haspopup="dialog" aria-expanded={open.to_string()} data-testid="note-button">
                { msg::note::BUTTON.get(lang) }
            </button>
            if *open {
                <NoteDialog case={props.case.clone()} assessment={props.assessment.clone()} {lang} {on_close} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct NoteDialogProps {
    case: Rc<Case>,
    assessment: Rc<Assessment>,
    lang: Lang,
    on_close: Callback<()>,
}

/// The dialog: the note in a read-only field, Copy, what Copy did, Close.
#[component]
fn NoteDialog(props: &NoteDialogProps) -> Html {
    let lang = props.lang;
    // None: not copied yet; Some(true): copied; Some(false): selected for copying by hand.
    let copied = use_state(|| None::<bool>);
    let dialog = use_node_ref();
    let field = use_node_ref();
    let note = use_memo(
        (props.case.clone(), props.assessment.clone(), lang),
        |(case, assessment, lang)| chart_note(case, assessment, *lang, &super::today()),
    );
    // Focus moves into the dialog when it opens.
    {
        let dialog = dialog.clone();
        use_effect_with((), move |()| {
            if let Some(element) = dialog.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    let on_keydown = close_on_escape(&props.on_close);
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    let on_copy = copy_from_field(&field, &copied, &note, select_area);
    html! {
        <div class="share-dialog note-dialog no-print" role="dialog" aria-labelledby="note-title"
            aria-describedby="note-hint" tabindex="-1" ref={dialog} onkeydown={on_keydown}
            data-testid="note-dialog">
            <h2 id="note-title">{ msg::note::DIALOG_TITLE.get(lang) }</h2>
            <p id="note-hint" class="share-hint">{ msg::note::HINT.get(lang) }</p>
            <label for="note-text">{ msg::note::PREVIEW.get(lang) }</label>
            <textarea id="note-text" class="note-text" readonly=true wrap="off" spellcheck="false"
                ref={field} value={(*note).clone()} data-testid="note-text" />
            <p class="share-status" role="status" aria-live="polite">
                { copy_status_with(*copied, msg::note::COPY_BY_HAND, lang) }
            </p>
            <div class="share-actions">
                <button type="button" onclick={on_copy}>{ t::COPY.get(lang) }</button>
                <button type="button" class="secondary" onclick={on_close}>{ t::CLOSE.get(lang) }</button>
            </div>
        </div>
    }
}

fn select_area(area: &web_sys::HtmlTextAreaElement) {
    let _ = area.focus();
    area.select();
}
