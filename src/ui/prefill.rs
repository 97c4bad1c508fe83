//! What was typed or ticked on the pre-rendered page (src/bin/prerender.rs) before the app
//! started: read from the page's controls before the app replaces them (`snapshot`, `keep`:
//! src/main.rs), and given back to the app's own controls once its start-up values are
//! applied (`give_back`, from the effect that follows `Action::Start` and a share link's
//! load: `hooks::use_typed_before_start`), as ordinary edits: each control the user changed is set and receives the
//! event the app listens to, so the reducer sees a person's edit and the typed values win
//! field by field. Then the focus and the text selection are put back.
//!
//! Yew 0.23's hydration would overwrite every typed value with the rendered one (and abort
//! on any mismatch); a fresh mount plus this is smaller (docs/architecture.md).

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// One control's state when it differs from what the page was rendered with.
#[derive(Debug, Clone, PartialEq)]
enum Changed {
    /// A text field: its text (the app listens to `input`).
    Text(String),
    /// A checkbox now (un)ticked, or a radio button now chosen (the app listens to `change`).
    Ticked(bool),
    /// A choice (the app listens to `change`).
    Chosen(String),
}

/// The controls changed before start, by id, in page order, and where the focus was.
#[derive(Debug, Default)]
pub struct Snapshot {
    changed: Vec<(String, Changed)>,
    focus: Option<Focus>,
}

#[derive(Debug)]
struct Focus {
    id: String,
    selection: Option<(u32, u32)>,
}

impl Snapshot {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.focus.is_none()
    }
}

thread_local! {
    /// What `src/main.rs` read before mounting, until the app gives it back.
    static KEPT: RefCell<Option<Snapshot>> = const { RefCell::new(None) };
}

/// Kept for [`give_back`] (called by the app once started, `hooks::use_typed_before_start`).
pub fn keep(snapshot: Snapshot) {
    KEPT.with(|kept| *kept.borrow_mut() = Some(snapshot));
}

/// Gives the kept snapshot back, once.
pub fn give_back() {
    let Some(snapshot) = KEPT.with(|kept| kept.borrow_mut().take()) else {
        return;
    };
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        restore(&document, &snapshot);
    }
}

/// The controls under `root` that differ from their rendered defaults, and the focus.
pub fn snapshot(document: &Document, root: &Element) -> Snapshot {
    let mut changed = Vec::new();
    if let Ok(list) = root.query_selector_all("input[id], select[id], textarea[id]") {
        for i in 0..list.length() {
            let Some(element) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else {
                continue;
            };
            if let Some(change) = changed_from_default(&element) {
                if let Some(unit) = unit_shown(root, &element.id(), &change) {
                    changed.push(unit);
                }
                changed.push((element.id(), change));
            }
        }
    }
    let focus = document
        .active_element()
        .filter(|e| root.contains(Some(e)) && !e.id().is_empty())
        .map(|e| Focus {
            selection: selection_of(&e),
            id: e.id(),
        });
    Snapshot { changed, focus }
}

fn changed_from_default(element: &Element) -> Option<Changed> {
    if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        return match input.type_().as_str() {
            "checkbox" => (input.checked() != input.default_checked())
                .then(|| Changed::Ticked(input.checked())),
            // A radio group's change shows on the button now chosen.
            "radio" => {
                (input.checked() && !input.default_checked()).then_some(Changed::Ticked(true))
            }
            "file" | "button" | "submit" | "reset" | "hidden" => None,
            _ => (input.value() != input.default_value()).then(|| Changed::Text(input.value())),
        };
    }
    if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        let typed = area
            .default_value()
            .is_ok_and(|rendered| rendered != area.value());
        return (typed && !area.read_only()).then(|| Changed::Text(area.value()));
    }
    let select = element.dyn_ref::<HtmlSelectElement>()?;
    let rendered = select
        .query_selector("option[selected]")
        .ok()
        .flatten()
        .or_else(|| select.query_selector("option").ok().flatten())
        .and_then(|o| o.get_attribute("value"));
    (rendered.as_deref() != Some(select.value().as_str())).then(|| Changed::Chosen(select.value()))
}

/// A lab value typed before start means the unit shown beside it then: that unit goes
/// back with it (a remembered case may have the lab in another unit).
fn unit_shown(root: &Element, id: &str, change: &Changed) -> Option<(String, Changed)> {
    if !matches!(change, Changed::Text(_)) || !id.starts_with("lab-") {
        return None;
    }
    let unit_id = format!("{id}-unit");
    let select = root
        .query_selector(&format!("select[id=\"{unit_id}\"]"))
        .ok()
        .flatten()?
        .dyn_into::<HtmlSelectElement>()
        .ok()?;
    Some((unit_id, Changed::Chosen(select.value())))
}

fn selection_of(element: &Element) -> Option<(u32, u32)> {
    let input = element.dyn_ref::<HtmlInputElement>()?;
    let start = input.selection_start().ok().flatten()?;
    Some((start, input.selection_end().ok().flatten().unwrap_or(start)))
}

/// Gives the snapshot back to the app's controls (found by id): choices first (the units a
/// lab value was typed in), then ticks, then text; then the focus and selection.
pub fn restore(document: &Document, snapshot: &Snapshot) {
    let rank = |c: &Changed| match c {
        Changed::Chosen(_) => 0,
        Changed::Ticked(_) => 1,
        Changed::Text(_) => 2,
    };
    let mut changed: Vec<&(String, Changed)> = snapshot.changed.iter().collect();
    changed.sort_by_key(|(_, c)| rank(c));
    for (id, change) in changed {
        if let Some(element) = document.get_element_by_id(id) {
            apply(&element, change);
        }
    }
    if let Some(focus) = &snapshot.focus {
        restore_focus(document, focus);
    }
}

/// Sets the control and sends it the event the app listens to, whatever it shows now: the
/// edit is queued behind the start-up values and a share link's load, which the DOM does
/// not show yet.
fn apply(element: &Element, change: &Changed) {
    match change {
        Changed::Text(text) => {
            if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
                input.set_value(text);
            } else if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
                area.set_value(text);
            }
            dispatch(element, "input");
        }
        Changed::Ticked(on) => {
            if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
                input.set_checked(*on);
                dispatch(element, "change");
            }
        }
        Changed::Chosen(value) => {
            if let Some(select) = element.dyn_ref::<HtmlSelectElement>() {
                select.set_value(value);
                dispatch(element, "change");
            }
        }
    }
}

/// An event as the browser sends it (bubbling: Yew listens at the root).
fn dispatch(element: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
        let _ = element.dispatch_event(&event);
    }
}

fn restore_focus(document: &Document, focus: &Focus) {
    let Some(element) = document.get_element_by_id(&focus.id) else {
        return;
    };
    if let Some(html) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
    if let (Some(input), Some((start, end))) =
        (element.dyn_ref::<HtmlInputElement>(), focus.selection)
    {
        let _ = input.set_selection_range(start, end);
    }
}
