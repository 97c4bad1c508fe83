//! The findings of one group (medications, conditions, skin …) as yes / no / unknown.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::core::findings::{FindingGroup, FINDINGS};
use crate::core::i18n::Lang;
use crate::form::FormEdit;
use crate::ui::fields::{Messages, TriState};

#[derive(Properties, PartialEq)]
pub struct FindingsProps {
    pub group: FindingGroup,
    /// The answers recorded for this group's findings (a finding not here is unknown).
    pub values: BTreeMap<String, bool>,
    /// Where an answer came from (a record), by `findings.<id>`.
    #[prop_or_default]
    pub notes: Messages,
    pub lang: Lang,
    pub on_edit: Callback<FormEdit>,
}

#[component]
pub fn FindingsGrid(props: &FindingsProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="tri-grid">
            { for FINDINGS.iter().filter(|f| f.group == props.group).map(|f| {
                let id = f.id;
                let onchange = props.on_edit.reform(move |value| FormEdit::Finding(id, value));
                let note = props.notes.note_at(&format!("findings.{}", id.id()));
                html! {
                    <TriState id={format!("finding-{}", id.id())} label={f.label(lang)} value={props.values.get(id.id()).copied()} {lang} {onchange} {note} />
                }
            }) }
        </div>
    }
}
