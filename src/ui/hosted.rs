//! The root mounted by the embedding layer: the host's [`HostView`] (loading, failed, or
//! the calculator with its notices), with the program file picker when allowed.

#![cfg(target_arch = "wasm32")]

use yew::prelude::*;

use std::rc::Rc;

use crate::engine::Contact;
use crate::host_state::{HostAction, HostView, Theme};
use crate::i18n::{Language, Msg};
use crate::state::Action;
use crate::ui::components::contact_details::ContactDetails;
use crate::ui::components::notices::Notices;
use crate::ui::components::program_file::ProgramFile;
use crate::ui::styles::theme_class;
use crate::ui::texts::Texts;
use crate::ui::widget::Widget;

/// Properties of [`Hosted`].
#[derive(Properties, PartialEq)]
pub struct HostedProps {
    /// What to show.
    pub view: HostView,
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
    /// Whether the partner may load a program file.
    pub allow_program_file: bool,
    /// Whether the page asked to see its configuration problems (`debug`): a failed
    /// program's list of problems is shown only then.
    #[prop_or_default]
    pub debug: bool,
    /// The colour scheme the page asked for.
    #[prop_or_default]
    pub theme: Theme,
    /// Whom to ask when the program failed: the contact its document names.
    #[prop_or_default]
    pub contact: Option<Contact>,
    /// The language the widget speaks.
    #[prop_or_default]
    pub language: Language,
    /// Called with every change the partner makes to the calculator.
    pub on_action: Callback<Action>,
    /// Called when the partner switches presenter mode.
    pub on_toggle_presenter: Callback<()>,
    /// Called for what only the host can do.
    pub on_request: Callback<HostAction>,
    /// Called with the text of a program file the partner loaded.
    pub on_program_text: Callback<String>,
    /// Called once the settled figures numbered `seq` are on screen.
    pub on_shown: Callback<u64>,
    /// Called once the view drawn is more than "loading" (results or a failure).
    pub on_drawn: Callback<()>,
}

/// The widget as embedded in a host page.
#[function_component(Hosted)]
pub fn hosted(props: &HostedProps) -> Html {
    let settled_seq = match &props.view {
        HostView::Ready(ready) => Some(ready.settled_seq),
        HostView::Loading | HostView::Failed(_) => None,
    };
    // Effects run in this order: the view is revealed before the page hears it is shown
    // (a `ready` listener may focus something in it).
    {
        let on_drawn = props.on_drawn.clone();
        let loading = props.view == HostView::Loading;
        use_effect_with(loading, move |loading| {
            if !loading {
                on_drawn.emit(());
            }
        });
    }
    {
        let on_shown = props.on_shown.clone();
        use_effect_with(settled_seq, move |seq| {
            if let Some(seq) = seq {
                on_shown.emit(*seq);
            }
        });
    }
    let texts = use_memo(props.language, |language| Texts::new(*language));
    let (lang, dir) = (
        props.language.tag(),
        if props.language.is_rtl() {
            "rtl"
        } else {
            "ltr"
        },
    );
    let picker = props.allow_program_file.then(|| {
        html! { <ProgramFile id_prefix={props.id_prefix.clone()} on_text={props.on_program_text.clone()} /> }
    });
    let body = match &props.view {
        HostView::Loading => html! {
            <div class={classes!("partner-roi", "partner-roi-status", theme_class(props.theme))} role="status" {lang} {dir}>
                <p>{ texts.get(Msg::Loading) }</p>
            </div>
        },
        HostView::Failed(errors) => html! {
            <div class={classes!("partner-roi", "partner-roi-status", "partner-roi-failed", theme_class(props.theme))} role="alert" {lang} {dir}>
                <h2 class="program-name">{ texts.get(Msg::FailedTitle) }</h2>
                <p class="failure-text">{ texts.get(Msg::FailedText) }</p>
                if let Some(contact) = &props.contact {
                    <ContactDetails contact={contact.clone()} />
                }
                if props.debug {
                    <ul class="failure-list">
                        { for errors.iter().map(|error| html! { <li>{ error.said_in(texts.language()) }</li> }) }
                    </ul>
                }
            </div>
        },
        HostView::Ready(ready) => html! {
            <>
                <Notices notices={ready.notices.clone()} />
                <Widget
                    key={ready.generation}
                    tools={ready.tools}
                    theme={props.theme}
                    state={ready.calculator.clone()}
                    presenter={ready.presenter}
                    status={AttrValue::from(ready.status.clone())}
                    id_prefix={props.id_prefix.clone()}
                    on_action={props.on_action.clone()}
                    on_toggle_presenter={props.on_toggle_presenter.clone()}
                    on_request={props.on_request.clone()}
                    example_notice={ready.example_notice}
                    application={ready.application.clone()}
                    rep={ready.rep.clone()}
                    share_url={AttrValue::from(ready.share_url.clone())}
                    waiting={ready.waiting}
                />
            </>
        },
    };
    html! {
        <ContextProvider<Rc<Texts>> context={texts.clone()}>
            { body }{ for picker }
        </ContextProvider<Rc<Texts>>>
    }
}
