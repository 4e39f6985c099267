//! The printed handout's line under the program's name: who it was prepared for (typed
//! before printing), by whom, and the date. It shows only on paper.

use std::rc::Rc;
use yew::prelude::*;

use crate::i18n::Msg;
use crate::ui::format::Formatter;
use crate::ui::texts::use_texts;

/// Properties of [`HandoutMeta`].
#[derive(Properties, PartialEq)]
pub struct HandoutMetaProps {
    /// "Prepared for", as typed; empty for none.
    pub prepared_for: AttrValue,
    /// "Prepared by": the rep, if one typed their name or the link named one.
    #[prop_or_default]
    pub prepared_by: Option<AttrValue>,
    /// Date formatting.
    pub formatter: Rc<Formatter>,
}

/// "Prepared for Acme GmbH · 6 December 2026".
#[function_component(HandoutMeta)]
pub fn handout_meta(props: &HandoutMetaProps) -> Html {
    let texts = use_texts();
    let prepared_for = props.prepared_for.trim();
    html! {
        <p class="handout-meta">
            if !prepared_for.is_empty() {
                <span class="handout-prepared-for">{ texts.fill(Msg::PreparedFor, &[("name", prepared_for)]) }</span>
            }
            if let Some(rep) = &props.prepared_by {
                <span class="handout-prepared-by">{ texts.fill(Msg::PreparedBy, &[("name", rep)]) }</span>
            }
            <span class="handout-date">{ props.formatter.today() }</span>
        </p>
    }
}
