//! The top of the page: the title and the language, what the calculator is and is not,
//! and the choice between the calculator and the teaching cases.

use yew::prelude::*;

use super::fields::SelectField;
use super::state::{Action, State, View};
use super::text as t;
use crate::about::link_from_app;
use crate::core::i18n::{msg, Lang};

pub struct MastheadProps {
    pub view: View,
    pub lang: Lang,
    /// The language chosen: `lang`, or one whose words are still coming (`State::wanted_lang`).
    pub chosen: Lang,
    pub dispatcher: UseReducerDispatcher<State>,
}

/// A render function (no state of its own; see `banners`).
pub fn masthead(props: &MastheadProps) -> Html {
    let lang = props.lang;
    let on_lang = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |value: String| {
            dispatcher.dispatch(Action::Lang(Lang::from_id(&value).unwrap_or_default()))
        })
    };
    // Each language is named in its own words, whichever the page is in.
    let languages = vec![
        (AttrValue::from("en"), AttrValue::from("English")),
        (AttrValue::from("zh"), AttrValue::from("简体中文")),
    ];
    html! {
        <>
            <div class="title-row">
                <h1>{ t::TITLE.get(lang) }</h1>
                <SelectField id="lang" label={t::LANGUAGE.get(lang)} value={props.chosen.id()}
                    options={languages} onchange={on_lang} />
            </div>
            <p class="tagline">{ t::TAGLINE.get(lang) }</p>
            <a class="skip no-print" href="#results">{ t::JUMP_TO_RESULTS.get(lang) }</a>
            <p class="notice" role="note">{ t::NOTICE.get(lang) }</p>
            // The static page in this language (written at build time, beside index.html).
            <p class="about-link no-print"><a href={link_from_app(lang)} hreflang={lang.html_tag()}>{ msg::ui::ABOUT_LINK.get(lang) }</a></p>
            <nav class="views no-print" aria-label={t::VIEWS.get(lang)}>
                { for [(View::Calculator, t::CALCULATOR), (View::Teaching, t::TEACHING)].into_iter().map(|(view, label)| {
                    let current = props.view == view;
                    let dispatcher = props.dispatcher.clone();
                    let onclick = Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::View(view)));
                    html! {
                        <button type="button" class={classes!("view-tab", (!current).then_some("secondary"))}
                            aria-pressed={current.to_string()} {onclick}>{ label.get(lang) }</button>
                    }
                }) }
            </nav>
        </>
    }
}
