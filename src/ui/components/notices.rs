//! Problems with the host's configuration that did not stop the widget (an ignored
//! attribute, an input out of range), listed above it in plain words.

use std::rc::Rc;
use yew::prelude::*;

use crate::engine::FieldError;
use crate::i18n::Msg;
use crate::ui::texts::use_texts;

/// Properties of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// What was ignored and why.
    pub notices: Rc<Vec<FieldError>>,
}

/// A polite list of ignored settings; nothing when there are none.
#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let texts = use_texts();
    if props.notices.is_empty() {
        return Html::default();
    }
    html! {
        <div class="notices" role="status">
            <p class="notices-title">{ texts.get(Msg::NoticesTitle) }</p>
            <ul>
                { for props.notices.iter().map(|notice| html! { <li>{ notice.said_in(texts.language()) }</li> }) }
            </ul>
        </div>
    }
}
