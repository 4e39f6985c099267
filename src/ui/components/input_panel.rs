//! The grouped inputs, basic ones first and the rest behind "More assumptions".

use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

use super::input_field::InputField;
use crate::engine::InputKey;
use crate::i18n::Msg;
use crate::state::input_layout::{is_basic, INPUT_GROUPS};
use crate::state::CalculatorState;
use crate::ui::format::Formatter;
use crate::ui::texts::{input_help, input_label, use_texts};

/// Properties of [`InputPanel`].
#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The calculator state.
    pub state: Rc<CalculatorState>,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
    /// Presenter mode: only the basic inputs, no way to show more.
    #[prop_or_default]
    pub presenter: bool,
    /// Text typed into a box.
    pub on_type: Callback<(InputKey, String)>,
    /// Slider moved.
    pub on_slide: Callback<(InputKey, Decimal)>,
    /// "More assumptions" toggled.
    pub on_toggle_all: Callback<()>,
    /// "Reset to defaults" pressed.
    pub on_reset: Callback<()>,
}

/// Every visible input, grouped.
#[function_component(InputPanel)]
pub fn input_panel(props: &InputPanelProps) -> Html {
    let texts = use_texts();
    let state = &props.state;
    let program = &state.program;
    let show_all = state.show_all_inputs && !props.presenter;
    let visible =
        |key: &&InputKey| !program.input_spec(**key).hidden && (show_all || is_basic(**key));
    let more_id = format!("{}-more", props.id_prefix);
    let field = |key: InputKey| {
        let spec = program.input_spec(key);
        html! {
            <InputField
                key={key.name()}
                key_={key}
                id_prefix={props.id_prefix.clone()}
                label={input_label(&texts, program, key)}
                help={input_help(&texts, program, key)}
                own_label={spec.label.is_some()}
                own_help={spec.help.is_some()}
                text={state.texts[key.index()].clone()}
                value={state.inputs.get(key)}
                default={spec.default}
                min={spec.min}
                max={spec.max}
                problem={state.problem(key).cloned()}
                formatter={props.formatter.clone()}
                on_type={props.on_type.clone()}
                on_slide={props.on_slide.clone()}
            />
        }
    };
    let on_toggle = props.on_toggle_all.reform(|_: MouseEvent| ());
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <form class="inputs" aria-label={texts.get(Msg::YourFigures)} onsubmit={Callback::from(|event: SubmitEvent| event.prevent_default())}>
            <h3 class="section-title">{ texts.get(Msg::YourFigures) }</h3>
            <div id={more_id.clone()} class="input-groups">
                { for INPUT_GROUPS.iter().filter_map(|group| {
                    let keys: Vec<&InputKey> = group.keys.iter().filter(visible).collect();
                    (!keys.is_empty()).then(|| html! {
                        <fieldset class="input-group" key={group.title.key()}>
                            <legend>{ texts.get(group.title) }</legend>
                            { for keys.into_iter().map(|key| field(*key)) }
                        </fieldset>
                    })
                }) }
            </div>
            <div class="input-actions">
                if !props.presenter {
                    <button type="button" class="button-secondary" aria-expanded={show_all.to_string()} aria-controls={more_id} onclick={on_toggle}>
                        { texts.get(if show_all { Msg::FewerAssumptions } else { Msg::MoreAssumptions }) }
                    </button>
                }
                <button type="button" class="button-secondary" onclick={on_reset}>{ texts.get(Msg::ResetToDefaults) }</button>
            </div>
        </form>
    }
}
