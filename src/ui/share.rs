//! "Share as link": a button that opens a small dialog warning that the link carries the
//! case's data, offering to leave out identifying free text, and showing the link with a
//! Copy button. And, at start-up, reading a case from the address (`#case=1.…`). The
//! encoding is `crate::share`; nothing here makes a network request.

use std::rc::Rc;

use yew::prelude::*;

use super::text as t;
use crate::core::case::Case;
use crate::core::i18n::Lang;
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

/// The toolbar button and its dialog.
#[component]
pub fn ShareButton(props: &ShareButtonProps) -> Html {
    let lang = props.lang;
    let open = use_state(|| false);
    let strip = use_state(|| true);
    // None: not copied yet; Some(true): copied; Some(false): selected for copying by hand.
    let copied = use_state(|| None::<bool>);
    let button = use_node_ref();
    let dialog = use_node_ref();
    let field = use_node_ref();

    let link = use_memo(
        (props.case.clone(), *strip, *open),
        |(case, strip, open)| {
            if !*open {
                return String::new();
            }
            let case = if *strip {
                share::without_free_text(case)
            } else {
                (**case).clone()
            };
            share::link(&page_address(), &case)
        },
    );

    // Focus moves into the dialog when it opens.
    {
        let dialog = dialog.clone();
        use_effect_with(*open, move |open| {
            if *open {
                if let Some(element) = dialog.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
        });
    }

    let on_open = {
        let open = open.clone();
        let copied = copied.clone();
        Callback::from(move |_: MouseEvent| {
            copied.set(None);
            open.set(true);
        })
    };
    let close = {
        let open = open.clone();
        let button = button.clone();
        Callback::from(move |()| {
            open.set(false);
            if let Some(element) = button.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        })
    };
    let on_close = close.reform(|_: MouseEvent| ());
    let on_keydown = {
        let close = close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                close.emit(());
            }
        })
    };
    let on_strip = {
        let strip = strip.clone();
        let copied = copied.clone();
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            copied.set(None);
            strip.set(on);
        })
    };
    let on_copy = {
        let field = field.clone();
        let copied = copied.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(input) = field.cast::<web_sys::HtmlInputElement>() else {
                return;
            };
            let copied = copied.clone();
            copy(
                &link,
                &input,
                Callback::from(move |ok| copied.set(Some(ok))),
            );
        })
    };
    let on_focus_field = Callback::from(|e: FocusEvent| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .select();
    });

    html! {
        <>
            <button type="button" class="secondary" ref={button} onclick={on_open}
                aria-haspopup="dialog" aria-expanded={open.to_string()}>
                { t::SHARE.get(lang) }
            </button>
            if *open {
                <div class="share-dialog no-print" role="dialog" aria-labelledby="share-title"
                    aria-describedby="share-warning" tabindex="-1" ref={dialog} onkeydown={on_keydown}
                    data-testid="share-dialog">
                    <h2 id="share-title">{ t::SHARE_TITLE.get(lang) }</h2>
                    <p id="share-warning" class="share-warning" role="note">{ t::SHARE_WARNING.get(lang) }</p>
                    <label class="check" for="share-strip">
                        <input type="checkbox" id="share-strip" checked={*strip} onchange={on_strip}
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
                    <p class="share-status" role="status" aria-live="polite">
                        { match *copied {
                            Some(true) => t::COPIED.get(lang),
                            Some(false) => t::COPY_BY_HAND.get(lang),
                            None => "",
                        } }
                    </p>
                    <div class="share-actions">
                        <button type="button" class="secondary" onclick={on_close}>{ t::CLOSE.get(lang) }</button>
                    </div>
                </div>
            }
        </>
    }
}

/// Copies `text` with `navigator.clipboard.writeText`; when that is missing or refused,
/// selects the field's text for copying by hand. `done(true)` once copied.
fn copy(text: &str, input: &web_sys::HtmlInputElement, done: Callback<bool>) {
    let select = {
        let input = input.clone();
        move || {
            let _ = input.focus();
            input.select();
        }
    };
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

/// The case in the address's fragment, if there is one, as a form and a banner: at start-up,
/// and when a link is opened in a tab that already runs the app (`hashchange`). The
/// fragment is removed from the address bar at once (a reload does not import again, and
/// the data does not stay in the visible URL). A link that cannot be read is never part of
/// a case: at start-up it gives an empty case (`Some` form), in a running tab
/// (`keep_current`) no form, and the current case stays; an error banner either way.
#[cfg(feature = "csr")]
pub fn from_address(
    units: crate::form::UnitSystem,
    lang: Lang,
    keep_current: bool,
) -> Option<(Option<crate::form::Form>, super::Banner)> {
    use crate::form::Form;
    let location = gloo::utils::window().location();
    let hash = location.hash().ok()?;
    let outcome = share::read_fragment(&hash, lang)?;
    let clean = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let _ = gloo::utils::history().replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(&clean),
    );
    Some(match outcome {
        Ok(parsed) => {
            let mut text = t::LINK_LOADED.get(lang).to_string();
            for warning in &parsed.warnings {
                text.push_str(&format!(" {}.", warning.describe(lang)));
            }
            let banner = super::Banner {
                text,
                is_error: false,
            };
            (Some(Form::from_case(&parsed.case, units)), banner)
        }
        Err(error) => {
            let banner = super::Banner {
                text: format!(
                    "{}: {error}. {}",
                    t::LINK_FAILED.get(lang),
                    if keep_current {
                        t::CASE_UNCHANGED.get(lang)
                    } else {
                        t::LINK_EMPTY_CASE.get(lang)
                    }
                ),
                is_error: true,
            };
            ((!keep_current).then(|| Form::new(units)), banner)
        }
    })
}
