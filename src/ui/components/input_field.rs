//! One partner input: label, number box, linked slider (`slider_scale.rs`: curved for wide
//! ranges), unit, help and problem message.

use rust_decimal::Decimal;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::{InputKey, Unit};
use crate::i18n::Msg;
use crate::state::number_entry::typed_text;
use crate::state::FieldProblem;
use crate::ui::format::Formatter;
use crate::ui::slider_scale::SliderScale;
use crate::ui::texts::{program_text, use_texts, Texts};

/// Properties of [`InputField`].
#[derive(Properties, PartialEq)]
pub struct InputFieldProps {
    /// Which input this is.
    pub key_: InputKey,
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
    /// Visible label.
    pub label: AttrValue,
    /// Help text.
    pub help: AttrValue,
    /// Whether the label is the program's own (isolated for bidi), not the catalogue's.
    #[prop_or_default]
    pub own_label: bool,
    /// Whether the help is the program's own.
    #[prop_or_default]
    pub own_help: bool,
    /// Text currently in the box.
    pub text: AttrValue,
    /// Last valid value (drives the slider).
    pub value: Decimal,
    /// Program default, shown in the help.
    pub default: Decimal,
    /// Smallest accepted value.
    pub min: Decimal,
    /// Largest accepted value.
    pub max: Decimal,
    /// Why the text is not used, if it is not.
    pub problem: Option<FieldProblem>,
    /// Number formatting for the locale.
    pub formatter: Rc<Formatter>,
    /// Called with the new text on every keystroke.
    pub on_type: Callback<(InputKey, String)>,
    /// Called with the slider's new value.
    pub on_slide: Callback<(InputKey, Decimal)>,
}

/// A labelled number box with a slider.
#[function_component(InputField)]
pub fn input_field(props: &InputFieldProps) -> Html {
    let key = props.key_;
    let id = format!("{}-{}", props.id_prefix, key.name());
    let help_id = format!("{id}-help");
    let problem_id = format!("{id}-problem");
    let described_by = if props.problem.is_some() {
        format!("{help_id} {problem_id}") // not text: ids
    } else {
        help_id.clone()
    };
    let on_type = {
        let callback = props.on_type.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            callback.emit((key, input.value()));
        })
    };
    let scale = SliderScale::for_input(key.unit(), props.min, props.max);
    let on_slide = {
        let callback = props.on_slide.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(value) = scale.value_from_slider(&input.value()) {
                callback.emit((key, value));
            }
        })
    };
    let slider = scale.attributes(props.value);
    let formatter = &props.formatter;
    let show = |value: Decimal| formatter.input_value(key.unit(), value);
    let texts = use_texts();
    let unit = unit_text(&texts, key.unit(), formatter.currency());
    html! {
        <div class={classes!("field", props.problem.is_some().then_some("field-invalid"))}>
            <label class="field-label" for={id.clone()}>{ own_or_catalogue(&props.label, props.own_label) }</label>
            <div class="field-controls">
                <div class="field-box">
                    <input
                        id={id.clone()}
                        class="field-input"
                        type="text"
                        inputmode="decimal"
                        autocomplete="off"
                        value={props.text.clone()}
                        aria-invalid={props.problem.is_some().then_some("true")}
                        aria-describedby={described_by}
                        oninput={on_type}
                    />
                    <span class="field-unit" aria-hidden="true">{ unit }</span>
                </div>
                <input
                    class="field-slider"
                    type="range"
                    tabindex="-1"
                    aria-hidden="true"
                    min={slider.min}
                    max={slider.max}
                    step={slider.step}
                    value={slider.value}
                    oninput={on_slide}
                />
            </div>
            <p id={help_id} class="field-help">
                { own_or_catalogue(&props.help, props.own_help) }
                { " " }
                { texts.fill(Msg::FieldRange, &[("default", &show(props.default)), ("min", &show(props.min)), ("max", &show(props.max))]) }
            </p>
            if let Some(problem) = &props.problem {
                <p id={problem_id} class="field-problem">
                    { problem_message(&texts, problem, &props.formatter, key.unit(), props.default) }
                </p>
            }
        </div>
    }
}

/// The plain-words message for a field problem.
pub fn problem_message(
    texts: &Texts,
    problem: &FieldProblem,
    formatter: &Formatter,
    unit: Unit,
    example: Decimal,
) -> String {
    match problem {
        FieldProblem::NotANumber => texts.fill(
            Msg::ProblemNotANumber,
            &[(
                "example",
                &typed_text(example, formatter.decimal_separator()),
            )],
        ),
        FieldProblem::OutOfRange { min, max } => texts.fill(
            Msg::ProblemOutOfRange,
            &[
                ("min", &formatter.input_value(unit, *min)),
                ("max", &formatter.input_value(unit, *max)),
            ],
        ),
        FieldProblem::NotWhole => texts.get(Msg::ProblemNotWhole).to_owned(),
    }
}

fn unit_text(texts: &Texts, unit: Unit, currency: &str) -> String {
    match unit {
        Unit::Money => currency.to_owned(),
        Unit::Percent => "%".to_owned(),
        Unit::Clients => texts.get(Msg::UnitClients).to_owned(),
        Unit::People => texts.get(Msg::UnitPeople).to_owned(),
        Unit::Years => texts.get(Msg::UnitYears).to_owned(),
        Unit::Months => texts.get(Msg::UnitMonths).to_owned(),
    }
}

/// A program's own text isolated, a catalogue's as it is.
fn own_or_catalogue(text: &str, own: bool) -> Html {
    if own {
        program_text(text)
    } else {
        html! { text.to_owned() }
    }
}
