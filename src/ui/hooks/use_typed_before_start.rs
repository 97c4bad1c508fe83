//! What was typed into the pre-rendered page before the app started (`ui::prefill`), given
//! back once the start-up values are applied. Called after `use_share_link`, so its edits
//! are queued behind a link's load: what was typed wins field by field.

use yew::prelude::*;

#[hook]
pub fn use_typed_before_start(started: bool) {
    use_effect_with(started, |&started| {
        #[cfg(feature = "csr")]
        if started {
            crate::ui::prefill::give_back();
        }
        #[cfg(not(feature = "csr"))]
        let _ = started;
    });
}
