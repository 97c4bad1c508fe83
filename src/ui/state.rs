//! The app's one reducer: what the page shows (`State`) and every change to it, as data
//! (`Action`). Components and hooks dispatch actions; nothing else changes the state.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::i18n::{msg, Lang};
use crate::form::{Form, FormEdit, RecordImport, UnitSystem};
use crate::import::{ImportSource, ReportView};
use crate::tr;

/// A message across the top: an import's outcome, a storage problem.
#[derive(Clone, PartialEq)]
pub struct Banner {
    pub text: String,
    pub is_error: bool,
}

impl Banner {
    pub fn error(text: String) -> Banner {
        Banner {
            text,
            is_error: true,
        }
    }
}

/// A record read (a FHIR export, a pasted report) and shown for review: nothing in the form
/// changes until the clinician applies the values left ticked.
#[derive(Clone, PartialEq)]
pub struct Review {
    /// What was read (a file's text, a paste), to read again in another language.
    pub text: Rc<str>,
    /// The language the report's reasons are in.
    pub lang: Lang,
    pub import: RecordImport,
    /// One per field of `import`, ticked at first.
    pub ticked: Vec<bool>,
    pub source: ImportSource,
    /// What the record held that gave no value, and why.
    pub report: ReportView,
}

impl Review {
    pub fn new(
        text: Rc<str>,
        lang: Lang,
        import: RecordImport,
        source: ImportSource,
        report: ReportView,
    ) -> Review {
        Review {
            text,
            lang,
            ticked: vec![true; import.fields.len()],
            import,
            source,
            report,
        }
    }
}

/// What the page shows: the calculator, or the teaching cases.
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Calculator,
    Teaching,
}

/// What the browser tells the app once it has started: its language and, if the user
/// opted in earlier, the remembered preferences and case (`ui::storage::startup`).
#[derive(Clone, PartialEq)]
pub struct Startup {
    pub lang: Lang,
    pub units: UnitSystem,
    pub remember: bool,
    pub form: Option<Form>,
    /// A problem to tell the user about (corrupt saved case, storage refused).
    pub problem: Option<String>,
}

#[derive(Clone, PartialEq, Default)]
pub struct State {
    pub view: View,
    /// Shared with the components and the undo slot; an edit copies it only when shared.
    pub form: Rc<Form>,
    /// The language shown: its words are in the module (`Lang::is_loaded`).
    pub lang: Lang,
    /// A language chosen whose words are still being fetched (`ui::hooks::use_language`);
    /// `lang` becomes it when they arrive, and stays when they cannot be had.
    pub wanted_lang: Option<Lang>,
    pub remember: bool,
    pub banner: Option<Banner>,
    /// The case that a load (example, file, link) or "New case" replaced, offered back by
    /// "Undo" until the next edit: choosing an example with the arrow keys, or by mistake,
    /// must not lose what was typed.
    pub undo: Option<Rc<Form>>,
    /// The form is as the last load or reset left it (no edit since): a further load keeps
    /// the case already kept for undo instead of the example it replaces.
    pub fresh_load: bool,
    /// The browser's start-up values (`Action::Start`) are applied. Until then nothing is
    /// saved or deleted on the device, and the share link waits (it comes after them).
    pub started: bool,
    /// Another tab saved a different case while both remember it: offered here, and until
    /// the user loads it or keeps this one, this tab saves nothing (neither overwrites the
    /// other silently).
    pub other_tab: Option<Rc<Form>>,
    /// A record waiting for review before it fills the form.
    pub review: Option<Rc<Review>>,
}

impl State {
    /// The first render's state: only the app's properties, nothing read from a browser,
    /// so the same on every render (and on a page pre-rendered with the same properties).
    /// A language whose words are not here (the Chinese page when they could not be had)
    /// starts in English and is asked for, like any choice (`choose_lang`).
    pub fn first(lang: Lang, units: UnitSystem) -> State {
        let mut state = State {
            form: Rc::new(Form::new(units)),
            ..State::default()
        };
        state.choose_lang(lang);
        state
    }

    /// Puts `form` in place of the current one, keeping what it replaces for "Undo" (see
    /// [`State::undo`]).
    fn replace_form(&mut self, form: Form) {
        // A record reviewed for the case being replaced must not fill the next one.
        self.review = None;
        let replaced = std::mem::replace(&mut self.form, Rc::new(form));
        if !self.fresh_load && !replaced.is_blank() {
            self.undo = Some(replaced);
        }
        self.fresh_load = true;
    }

    /// The review's ticked values in the form. What it replaces is always kept for "Undo"
    /// (a record applied by mistake, even to an empty form, must come out again whole).
    fn apply_review(&mut self) {
        let Some(review) = self.review.take() else {
            return;
        };
        let ticked = |i: usize| review.ticked.get(i).copied().unwrap_or(false);
        let filled = review.import.fill(&self.form, ticked);
        self.undo = Some(std::mem::replace(&mut self.form, Rc::new(filled)));
        self.fresh_load = false;
        let count = review.ticked.iter().filter(|t| **t).count();
        self.banner = Some(Banner {
            text: tr!(self.lang, msg::ui_import::APPLIED, count),
            is_error: false,
        });
    }

    /// Another tab saved `text`: offered only while this tab remembers too, and only when
    /// it is a different case (see [`crate::saved::other_tab_case`]).
    fn other_tab_saved(&mut self, text: &str) {
        if !(self.started && self.remember) {
            return;
        }
        let theirs = crate::saved::other_tab_case(&self.form, text, self.lang, self.form.units);
        // The same case again (it went back to what this tab has): nothing to choose.
        self.other_tab = theirs.map(Rc::new);
    }

    /// The browser's language and the remembered case, in place of the first render's
    /// defaults: not a load, so nothing is offered back by "Undo".
    fn start(&mut self, start: Startup) {
        self.choose_lang(start.lang);
        self.remember = start.remember;
        self.form = Rc::new(start.form.unwrap_or_else(|| Form::new(start.units)));
        // A banner from before the start (the page's words could not be had) stays, unless
        // the start has a problem of its own to report.
        self.banner = start.problem.map(Banner::error).or(self.banner.take());
        self.started = true;
        self.review = None;
    }

    /// Shows `lang` if its words are here, or else asks for them and shows the language
    /// it was in until they arrive.
    fn choose_lang(&mut self, lang: Lang) {
        if lang.is_loaded() {
            self.lang = lang;
            self.wanted_lang = None;
        } else {
            self.wanted_lang = Some(lang);
        }
    }

    /// Another tab turned "remember on this device" off: so does this one, and says so.
    fn other_tab_forgot(&mut self) {
        if self.remember {
            self.remember = false;
            self.other_tab = None;
            let text = msg::ui_mobile::OTHER_TAB_OFF.get(self.lang).to_string();
            self.banner = Some(Banner::error(text));
        }
    }

    /// The words of `lang` are here: shown if it is still the language wanted.
    fn lang_arrived(&mut self, lang: Lang) {
        if self.wanted_lang == Some(lang) {
            self.choose_lang(lang);
        }
    }

    /// The words of `lang` cannot be had: the language shown stays, and a banner says why.
    /// A choice made since (another language) stands, without a banner.
    fn lang_unavailable(&mut self, lang: Lang, reason: String) {
        if self.wanted_lang == Some(lang) {
            self.wanted_lang = None;
            let text = tr!(self.lang, msg::ui::LANGUAGE_UNAVAILABLE, reason);
            self.banner = Some(Banner::error(text));
        }
    }

    /// A record to review; the same text read again in another language keeps the ticks
    /// the clinician set, field by field.
    fn show_review(&mut self, review: Option<Box<Review>>) {
        let Some(mut review) = review else {
            self.review = None;
            return;
        };
        if let Some(old) = self.review.as_ref().filter(|old| old.text == review.text) {
            let tick_of = |path| {
                let index = old.import.fields.iter().position(|f| &f.path == path)?;
                old.ticked.get(index).copied()
            };
            for (field, tick) in review.import.fields.iter().zip(review.ticked.iter_mut()) {
                *tick = tick_of(&field.path).unwrap_or(*tick);
            }
        }
        self.review = Some(Rc::new(*review));
    }
}

pub enum Action {
    /// Once, after the first render (see [`State::started`]).
    Start(Box<Startup>),
    Edit(FormEdit),
    Load(Box<Form>, Option<Banner>),
    /// The language chosen (the switch); shown once its words are here.
    Lang(Lang),
    /// The words of a language asked for arrived (`wanted_lang`).
    LangArrived(Lang),
    /// The words of a language asked for cannot be had: why, for the banner.
    LangUnavailable(Lang, String),
    View(View),
    Remember(bool),
    Banner(Option<Banner>),
    Reset,
    /// Back to the case the last load or reset replaced.
    Undo,
    /// Another tab saved this text as the remembered case.
    OtherTabSaved(String),
    /// Another tab turned "remember on this device" off.
    OtherTabForgot,
    /// The user's choice about another tab's case: load it (`true`) or keep this one.
    OtherTabChoice(bool),
    /// A record read for review (`None`: the review closed without applying).
    Review(Option<Box<Review>>),
    /// The tick of the review's field at this index.
    ReviewTick(usize, bool),
    /// Fills the form with the review's ticked values; "Undo" puts the form back.
    ReviewApply,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::Start(start) => state.start(*start),
            Action::Edit(edit) => {
                Rc::make_mut(&mut state.form).apply(edit);
                state.undo = None;
                state.fresh_load = false;
            }
            Action::Load(form, banner) => {
                state.replace_form(*form);
                state.banner = banner;
            }
            Action::Lang(lang) => state.choose_lang(lang),
            Action::LangArrived(lang) => state.lang_arrived(lang),
            Action::LangUnavailable(lang, reason) => state.lang_unavailable(lang, reason),
            Action::View(view) => state.view = view,
            Action::Remember(on) => {
                state.remember = on;
                state.other_tab = state.other_tab.take().filter(|_| on);
            }
            Action::Banner(banner) => state.banner = banner,
            Action::Reset => {
                state.replace_form(Form::new(state.form.units));
                state.banner = None;
            }
            Action::OtherTabSaved(text) => state.other_tab_saved(&text),
            Action::OtherTabForgot => state.other_tab_forgot(),
            Action::OtherTabChoice(load) => {
                if let Some(theirs) = state.other_tab.take() {
                    if load {
                        state.replace_form((*theirs).clone());
                    }
                }
            }
            Action::Review(review) => state.show_review(review),
            Action::ReviewTick(index, on) => {
                if let Some(review) = state.review.as_mut() {
                    if let Some(tick) = Rc::make_mut(review).ticked.get_mut(index) {
                        *tick = on;
                    }
                }
            }
            Action::ReviewApply => state.apply_review(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    /// English shown, Chinese asked for and its words still coming.
    fn waiting_for_chinese() -> State {
        State {
            wanted_lang: Some(Lang::Zh),
            ..State::first(Lang::En, UnitSystem::Conventional)
        }
    }

    #[test]
    fn the_words_arriving_show_the_language_asked_for() {
        let state = reduce(waiting_for_chinese(), Action::LangArrived(Lang::Zh));
        assert_eq!((state.lang, state.wanted_lang), (Lang::Zh, None));
    }

    #[test]
    fn words_that_cannot_be_had_keep_the_language_shown_and_say_why() {
        let state = reduce(
            waiting_for_chinese(),
            Action::LangUnavailable(Lang::Zh, "offline".into()),
        );
        assert_eq!((state.lang, state.wanted_lang), (Lang::En, None));
        let banner = state.banner.expect("a banner says why");
        assert!(
            banner.is_error && banner.text.contains("(offline)"),
            "{}",
            banner.text
        );
    }

    #[test]
    fn the_start_keeps_a_banner_from_before_it_unless_it_has_a_problem_to_report() {
        let unavailable = reduce(
            waiting_for_chinese(),
            Action::LangUnavailable(Lang::Zh, "offline".into()),
        );
        let start = |problem: Option<&str>| Startup {
            lang: Lang::En,
            units: UnitSystem::Conventional,
            remember: false,
            form: None,
            problem: problem.map(String::from),
        };
        let kept = reduce(unavailable.clone(), Action::Start(Box::new(start(None))));
        assert!(kept.banner.is_some_and(|b| b.text.contains("(offline)")));
        let replaced = reduce(unavailable, Action::Start(Box::new(start(Some("corrupt")))));
        assert_eq!(replaced.banner.map(|b| b.text).as_deref(), Some("corrupt"));
    }

    #[test]
    fn a_choice_made_since_stands_when_an_earlier_fetch_ends() {
        // Chinese asked for, then English chosen before the words came.
        let state = reduce(waiting_for_chinese(), Action::Lang(Lang::En));
        assert_eq!((state.lang, state.wanted_lang), (Lang::En, None));
        let failed = reduce(
            state.clone(),
            Action::LangUnavailable(Lang::Zh, "offline".into()),
        );
        assert!(failed.banner.is_none(), "no banner for a choice withdrawn");
        let arrived = reduce(state, Action::LangArrived(Lang::Zh));
        assert_eq!(arrived.lang, Lang::En, "late words do not switch the page");
    }
}
