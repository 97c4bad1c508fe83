//! "Share as link": a button that opens a small dialog warning that the link carries the
//! case's data, offering to leave out identifying free text, and showing the link with a
//! Copy button. The encoding is `crate::share`, reading a link at start-up
//! `ui::hooks::use_share_link`; nothing here makes a network request.

use std::rc::Rc;

use yew::prelude::*;

use super::text as t;
use crate::core::case::Case;
use crate::core::i18n::{Lang, Text};
use crate::share;

#[derive(Properties, PartialEq)]
pub struct ShareButtonProps {
    /// The case as the form describes it.
    pub case: Rc<Case>,
    pub lang: Lang,
}

/// The page's address without its fragment (empty outside a browser).
fn page_address() -> String {
    #[cfg(feature = "csr")]
    {
        gloo::utils::window().location().href().unwrap_or_default()
    }
    #[cfg(not(feature = "csr"))]
    String::new()
}

/// The toolbar button; the dialog while it is open.
#[component]
pub fn ShareButton(props: &ShareButtonProps) -> Html {
    let lang = props.lang;
    let open = use_state(|| false);
    // Kept while the dialog is closed: the choice holds for the next link.
    let strip = use_state(|| true);
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
    let on_strip = {
        let strip = strip.clone();
        Callback::from(move |on: bool| strip.set(on))
    };
    html! {
        <>
            <button type="button" class="secondary" ref={button} onclick={on_open}
                aria-haspopup="dialog" aria-expanded={open.to_string()}>
                { t::SHARE.get(lang) }
            </button>
            if *open {
                <ShareDialog case={props.case.clone()} {lang} strip={*strip} {on_strip} {on_close} />
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ShareDialogProps {
    case: Rc<Case>,
    lang: Lang,
    /// Leave out identifying free text.
    strip: bool,
    on_strip: Callback<bool>,
    on_close: Callback<()>,
}

/// The dialog: the warning, the choice to leave out free text, the link and Copy.
#[component]
fn ShareDialog(props: &ShareDialogProps) -> Html {
    let lang = props.lang;
    // None: not copied yet; Some(true): copied; Some(false): selected for copying by hand.
    let copied = use_state(|| None::<bool>);
    let dialog = use_node_ref();
    let field = use_node_ref();
    let link = use_link(props.case.clone(), props.strip);
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
    let on_strip = {
        let copied = copied.clone();
        props.on_strip.reform(move |e: Event| {
            copied.set(None);
            e.target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked()
        })
    };
    let on_copy = copy_from_field(&field, &copied, &link, select_input);
    let on_focus_field = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .select();
    });
    html! {
        <div class="share-dialog no-print" role="dialog" aria-labelledby="share-title"
            aria-describedby="share-warning" tabindex="-1" ref={dialog} onkeydown={on_keydown}
            data-testid="share-dialog">
            <h2 id="share-title">{ t::SHARE_TITLE.get(lang) }</h2>
            <p id="share-warning" class="share-warning" role="note">{ t::SHARE_WARNING.get(lang) }</p>
            <label class="check" for="share-strip">
                <input type="checkbox" id="share-strip" checked={props.strip} onchange={on_strip}
                    aria-describedby="share-strip-hint" />
                { t::SHARE_STRIP.get(lang) }
            </label>
            <p id="share-strip-hint" class="hint share-hint">{ t::SHARE_STRIP_HINT.get(lang) }</p>
            <label for="share-link">{ t::SHARE_LINK.get(lang) }</label>
            <div class="share-row">
                <input type="text" id="share-link" readonly=true ref={field} value={(*link).clone()}
                    autocomplete="off" spellcheck="false" onfocus={on_focus_field}
                    aria-describedby="share-length" data-testid="share-link" />
                <button type="button" onclick={on_copy}>{ t::COPY.get(lang) }</button>
            </div>
            <p id="share-length" class="hint share-hint">{ format!("{} {}", link.chars().count(), t::SHARE_LENGTH.get(lang)) }</p>
            <p class="share-status" role="status" aria-live="polite">{ copy_status(*copied, lang) }</p>
            <div class="share-actions">
                <button type="button" class="secondary" onclick={on_close}>{ t::CLOSE.get(lang) }</button>
            </div>
        </div>
    }
}

/// The link for the case, without its free text when `strip`.
#[hook]
fn use_link(case: Rc<Case>, strip: bool) -> Rc<String> {
    use_memo((case, strip), |(case, strip)| {
        let case = if *strip {
            share::without_free_text(case)
        } else {
            (**case).clone()
        };
        share::link(&page_address(), &case)
    })
}

/// Escape closes a dialog.
pub(super) fn close_on_escape(close: &Callback<()>) -> Callback<KeyboardEvent> {
    let close = close.clone();
    Callback::from(move |e: KeyboardEvent| {
        if e.key() == "Escape" {
            e.prevent_default();
            close.emit(());
        }
    })
}

/// What Copy did: `Some(true)` copied, `Some(false)` selected for copying by hand.
fn copy_status(copied: Option<bool>, lang: Lang) -> &'static str {
    copy_status_with(copied, t::COPY_BY_HAND, lang)
}

/// What Copy did, with the dialog's own words for the text selected by hand.
pub(super) fn copy_status_with(copied: Option<bool>, by_hand: Text, lang: Lang) -> &'static str {
    match copied {
        Some(true) => t::COPIED.get(lang),
        Some(false) => by_hand.get(lang),
        None => "",
    }
}

/// Copy: `text` to the clipboard, or selected in its field (`select_all`) for copying by
/// hand. The share link's input and the chart note's text area both copy this way.
pub(super) fn copy_from_field<E>(
    field: &NodeRef,
    copied: &UseStateHandle<Option<bool>>,
    text: &Rc<String>,
    select_all: fn(&E),
) -> Callback<MouseEvent>
where
    E: wasm_bindgen::JsCast + From<wasm_bindgen::JsValue> + AsRef<web_sys::Node> + 'static,
{
    let (field, copied, text) = (field.clone(), copied.clone(), text.clone());
    Callback::from(move |_: MouseEvent| {
        let Some(element) = field.cast::<E>() else {
            return;
        };
        let copied = copied.clone();
        copy(
            &text,
            move || select_all(&element),
            Callback::from(move |ok| copied.set(Some(ok))),
        );
    })
}

fn select_input(input: &web_sys::HtmlInputElement) {
    let _ = input.focus();
    input.select();
}

/// Copies `text` with `navigator.clipboard.writeText`; when that is missing or refused,
/// calls `select` (which selects the text on the page for copying by hand).
/// `done(true)` once copied, `done(false)` once selected.
pub(super) fn copy(text: &str, select: impl FnOnce() + 'static, done: Callback<bool>) {
    #[cfg(feature = "csr")]
    {
        use wasm_bindgen::{closure::Closure, JsCast, JsValue};
        let get = |target: &JsValue, key: &str| {
            js_sys::Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
        };
        let navigator: JsValue = gloo::utils::window().navigator().into();
        let clipboard = get(&navigator, "clipboard");
        let write = get(&clipboard, "writeText").dyn_into::<js_sys::Function>();
        let promise = write
            .ok()
            .and_then(|write| write.call1(&clipboard, &JsValue::from_str(text)).ok())
            .filter(|p| p.is_instance_of::<js_sys::Promise>());
        if let Some(promise) = promise {
            let ok = {
                let done = done.clone();
                Closure::once_into_js(move |_: JsValue| done.emit(true))
            };
            let refused = Closure::once_into_js(move |_: JsValue| {
                select();
                done.emit(false);
            });
            if let Ok(then) = get(&promise, "then").dyn_into::<js_sys::Function>() {
                let _ = then.call2(&promise, &ok, &refused);
            }
            return;
        }
    }
    let _ = text;
    select();
    done.emit(false);
}
