//! The messages under the toolbar: the last load's or storage's outcome (dismissable), and
//! "Undo" while a load or "New case" has replaced a case.

use yew::prelude::*;

use super::state::{Action, Banner, State};
use super::text as t;
use crate::core::i18n::{msg, Lang};

pub struct BannersProps {
    pub banner: Option<Banner>,
    /// A replaced case can be brought back.
    pub can_undo: bool,
    /// Another tab saved a different case (`State::other_tab`): load it or keep this one.
    pub other_tab: bool,
    pub lang: Lang,
    pub dispatcher: UseReducerDispatcher<State>,
}

/// A render function, not a component: it has no state, and a component's machinery costs
/// wasm bytes for nothing here.
pub fn banners(props: &BannersProps) -> Html {
    let lang = props.lang;
    let on_dismiss = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Banner(None)))
    };
    let on_undo = {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::Undo))
    };
    let choose = |load: bool| {
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::OtherTabChoice(load)))
    };
    html! {
        <>
            if props.other_tab {
                <div class="banner error" role="alert" data-testid="other-tab">
                    <span>{ msg::ui_mobile::OTHER_TAB_CHANGED.get(lang) }</span>
                    <span class="banner-actions">
                        <button type="button" class="secondary" onclick={choose(true)}>{ msg::ui_mobile::LOAD_NEWER.get(lang) }</button>
                        <button type="button" class="secondary" onclick={choose(false)}>{ msg::ui_mobile::KEEP_THIS.get(lang) }</button>
                    </span>
                </div>
            }
            if let Some(banner) = &props.banner {
                <div class={classes!("banner", banner.is_error.then_some("error"))} role="status" data-testid="banner">
                    <span>{ banner.text.clone() }</span>
                    <button type="button" class="secondary" onclick={on_dismiss}>{ t::DISMISS.get(lang) }</button>
                </div>
            }
            if props.can_undo {
                <div class="banner undo" role="status" data-testid="undo">
                    <span>{ t::CASE_REPLACED.get(lang) }</span>
                    <button type="button" class="secondary" onclick={on_undo}>{ t::UNDO.get(lang) }</button>
                </div>
            }
        </>
    }
}
