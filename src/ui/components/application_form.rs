//! The application form a call to action opens when the program has a `lead` section:
//! the fields the program asks for, what will be sent, the consent box, and where the
//! application stands. The answers are view state; checking and sending are the host's.

use std::rc::Rc;
use yew::prelude::*;

use crate::application::{field_label, ApplicationDraft, FormProblem};
use crate::engine::lead::{Lead, LeadField};
use crate::host_state::{ApplicationStatus, Delivered, HostAction, SendFailure};
use crate::i18n::Msg;
use crate::state::CalculatorState;
use crate::ui::format::Formatter;
use crate::ui::summary::{summary_text, Handout};
use crate::ui::texts::{payback_text, program_text, use_texts, Texts};

/// Properties of [`ApplicationForm`].
#[derive(Properties, PartialEq)]
pub struct ApplicationFormProps {
    /// The program's `lead` section.
    pub lead: Lead,
    /// The calculator: the tier applied for and its figures.
    pub state: Rc<CalculatorState>,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
    /// Where the application stands.
    pub status: ApplicationStatus,
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
    /// Called with the application to send.
    pub on_request: Callback<HostAction>,
    /// Called when the partner closes the form.
    pub on_close: Callback<()>,
}

/// The form, opened in place below the call to action.
#[function_component(ApplicationForm)]
pub fn application_form(props: &ApplicationFormProps) -> Html {
    let texts = use_texts();
    let answers = use_state(Vec::<(LeadField, String)>::new);
    let consent = use_state(|| false);
    let heading = use_node_ref();
    let form = use_node_ref();
    // Opened: the heading takes focus; refused: the first field with a problem does.
    {
        let heading = heading.clone();
        use_effect_with((), move |()| {
            if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let _ = heading.focus();
            }
        });
    }
    {
        let form = form.clone();
        use_effect_with(props.status.clone(), move |status| {
            if matches!(status, ApplicationStatus::Invalid(_)) {
                let invalid = form
                    .cast::<web_sys::Element>()
                    .and_then(|form| form.query_selector("[aria-invalid=true]").ok().flatten())
                    .and_then(|field| {
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(field).ok()
                    });
                if let Some(field) = invalid {
                    let _ = field.focus();
                }
            }
        });
    }
    let state = &props.state;
    let tier_name = state.program.tier_name(state.selected_tier).to_owned();
    let id = |name: &str| format!("{}-lead-{name}", props.id_prefix); // not text
    let title_id = id("title");
    let title = texts.fill(Msg::LeadTitle, &[("tier", &tier_name)]);
    let done = match &props.status {
        ApplicationStatus::Sent(Delivered::Posted) => {
            Some(texts.fill(Msg::LeadSent, &[("tier", &tier_name)]))
        }
        ApplicationStatus::Sent(Delivered::ByPage) => {
            Some(texts.fill(Msg::LeadByPage, &[("tier", &tier_name)]))
        }
        ApplicationStatus::Sent(Delivered::MailOpened) => {
            Some(texts.get(Msg::LeadMailOpened).to_owned())
        }
        ApplicationStatus::Kept => Some(texts.get(Msg::LeadKept).to_owned()),
        _ => None,
    };
    if let Some(message) = done {
        return html! {
            <section class="application" aria-labelledby={title_id.clone()}>
                <h4 id={title_id} class="application-title" tabindex="-1" ref={heading}>{ title }</h4>
                <p class="application-done" role="status">{ message }</p>
            </section>
        };
    }
    let problems: &[FormProblem] = match &props.status {
        ApplicationStatus::Invalid(problems) => problems,
        _ => &[],
    };
    let problem_of = |field: Option<LeadField>| {
        problems
            .iter()
            .find(|problem| problem.field == field)
            .map(|problem| texts.get(problem.message).to_owned())
    };
    let sending = props.status == ApplicationStatus::Sending;
    let onsubmit = {
        let answers = answers.clone();
        let consent = consent.clone();
        let on_request = props.on_request.clone();
        let state = state.clone();
        let formatter = props.formatter.clone();
        let texts = texts.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let summary = state
                .projection
                .as_ref()
                .map_or(String::new(), |projection| {
                    summary_text(
                        &state.program,
                        &state.inputs,
                        projection,
                        &formatter,
                        &texts,
                        &Handout::default(),
                    )
                });
            on_request.emit(HostAction::Apply(ApplicationDraft {
                answers: (*answers).clone(),
                consent: *consent,
                summary,
            }));
        })
    };
    let fields = props.lead.fields.iter().map(|asked| {
        let field = asked.field;
        let value = answers
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(String::new(), |(_, text)| text.clone());
        let oninput = {
            let answers = answers.clone();
            Callback::from(move |event: InputEvent| {
                let text = input_text(&event);
                let mut next = (*answers).clone();
                match next.iter_mut().find(|(f, _)| *f == field) {
                    Some(entry) => entry.1 = text,
                    None => next.push((field, text)),
                }
                answers.set(next);
            })
        };
        let field_id = id(field.key());
        let problem_id = id(&format!("{}-problem", field.key())); // not text
        let problem = problem_of(Some(field));
        html! {
            <div class={classes!("field", "application-field", problem.is_some().then_some("field-invalid"))}>
                <label class="field-label" for={field_id.clone()}>
                    { texts.get(field_label(field)) }
                    if !asked.required {
                        <span class="application-optional">{ texts.get(Msg::LeadOptional) }</span>
                    }
                </label>
                { field_control(field, &field_id, &value, asked.required, problem.as_ref().map(|_| problem_id.clone()), oninput) }
                if let Some(problem) = problem {
                    <p id={problem_id} class="field-problem">{ problem }</p>
                }
            </div>
        }
    });
    let consent_id = id("consent");
    let consent_problem_id = id("consent-problem");
    let consent_problem = problem_of(None);
    let on_consent = {
        let consent = consent.clone();
        Callback::from(move |_: Event| consent.set(!*consent))
    };
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <section class="application" aria-labelledby={title_id.clone()}>
            <h4 id={title_id} class="application-title" tabindex="-1" ref={heading}>{ title }</h4>
            <p class="application-intro">{ texts.fill(Msg::LeadIntro, &[("vendor", state.program.vendor.as_deref().unwrap_or(&state.program.name))]) }</p>
            if !problems.is_empty() {
                <p class="application-problems" role="alert">{ texts.get(Msg::LeadProblems) }</p>
            }
            if let ApplicationStatus::Failed(failure) = &props.status {
                <p class="application-failed" role="alert">{ failure_text(&texts, *failure) }</p>
            }
            <form class="application-form" novalidate=true {onsubmit} ref={form}>
                { for fields }
                { what_is_sent(&texts, state, &props.formatter) }
                <div class={classes!("application-consent", consent_problem.is_some().then_some("field-invalid"))}>
                    <input
                        type="checkbox"
                        id={consent_id.clone()}
                        checked={*consent}
                        onchange={on_consent}
                        aria-invalid={consent_problem.is_some().then_some("true")}
                        aria-describedby={consent_problem.is_some().then(|| consent_problem_id.clone())}
                    />
                    <label for={consent_id}>{ program_text(&props.lead.consent_text) }</label>
                    <a class="application-privacy" href={props.lead.privacy_url.clone()} target="_blank" rel="noopener noreferrer">{ texts.get(Msg::LeadPrivacy) }</a>
                    if let Some(problem) = consent_problem {
                        <p id={consent_problem_id} class="field-problem">{ problem }</p>
                    }
                </div>
                <div class="application-actions">
                    <button type="submit" class="cta-button" disabled={sending}>
                        { texts.get(submit_label(&props.status)) }
                    </button>
                    <button type="button" class="button-secondary" onclick={on_close}>{ texts.get(Msg::LeadClose) }</button>
                </div>
            </form>
        </section>
    }
}

/// The text of the input `event` happened in.
fn input_text(event: &InputEvent) -> String {
    event
        .target_dyn_into::<web_sys::HtmlInputElement>()
        .map(|input| input.value())
        .or_else(|| {
            event
                .target_dyn_into::<web_sys::HtmlTextAreaElement>()
                .map(|area| area.value())
        })
        .unwrap_or_default()
}

/// The box for `field`: a text area for the message, else an input of the field's type.
fn field_control(
    field: LeadField,
    id: &str,
    value: &str,
    required: bool,
    problem_id: Option<String>,
    oninput: Callback<InputEvent>,
) -> Html {
    let invalid = problem_id.is_some().then_some("true");
    let limit = field.limit().to_string();
    if field == LeadField::Message {
        return html! {
            <textarea class="application-input application-message" id={id.to_owned()} value={value.to_owned()} maxlength={limit} rows="4"
                required={required} aria-invalid={invalid} aria-describedby={problem_id} {oninput} />
        };
    }
    let (kind, autocomplete) = match field {
        LeadField::Name => ("text", "name"),
        LeadField::Email => ("email", "email"),
        LeadField::Company => ("text", "organization"),
        LeadField::Phone => ("tel", "tel"),
        LeadField::Country => ("text", "country-name"),
        LeadField::PartnerType | LeadField::Message => ("text", "off"),
    };
    html! {
        <input class="application-input" type={kind} id={id.to_owned()} value={value.to_owned()} maxlength={limit}
            autocomplete={autocomplete} required={required} aria-invalid={invalid} aria-describedby={problem_id} {oninput} />
    }
}

/// What will be sent, in words: the details, the tier and its figures, the inputs.
fn what_is_sent(texts: &Texts, state: &CalculatorState, formatter: &Formatter) -> Html {
    let tier_name = state.program.tier_name(state.selected_tier);
    let figures = state.projection.as_ref().and_then(|projection| {
        Some((
            projection.tiers.get(state.selected_tier)?,
            projection.horizon_years,
        ))
    });
    let line = |label: &str, value: &str| {
        texts.fill(Msg::LabelValue, &[("label", label), ("value", value)])
    };
    let figure_lines = figures.map(|(tier, years)| {
        let net_label = texts.plural(Msg::NetProfitOver, ("years", years.into()), formatter, &[]);
        let roi = tier
            .roi
            .map_or("—".to_owned(), |roi| formatter.percent(roi));
        let payback = payback_text(texts, formatter, tier.payback_months, years);
        [
            line(&net_label, &formatter.money_whole(tier.net)),
            line(texts.get(Msg::Roi), &roi),
            line(texts.get(Msg::Payback), &payback),
        ]
    });
    html! {
        <div class="application-what">
            <p class="application-what-title">{ texts.get(Msg::LeadWhatIsSent) }</p>
            <ul>
                <li>{ texts.get(Msg::LeadSentContact) }</li>
                <li>{ texts.fill(Msg::LeadSentTier, &[("tier", tier_name)]) }</li>
                { for figure_lines.into_iter().flatten().map(|text| html! { <li>{ text }</li> }) }
                <li>{ texts.get(Msg::LeadSentInputs) }</li>
            </ul>
        </div>
    }
}

/// The submit button's words: sending, after a failure, or at first.
fn submit_label(status: &ApplicationStatus) -> Msg {
    match status {
        ApplicationStatus::Sending => Msg::LeadSending,
        ApplicationStatus::Failed(_) => Msg::LeadTryAgain,
        _ => Msg::LeadSend,
    }
}

/// Why it did not go, and that nothing typed is lost.
fn failure_text(texts: &Texts, failure: SendFailure) -> String {
    match failure {
        SendFailure::Status(status) => {
            texts.fill(Msg::LeadFailedStatus, &[("status", &status.to_string())])
        }
        SendFailure::Unreachable => texts.get(Msg::LeadFailedUnreachable).to_owned(),
    }
}
