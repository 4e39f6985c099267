//! "What moves your profit": a closed-by-default panel with a tornado chart of the selected
//! tier's net profit as each of the partner's figures moves 10% down and up, with a data
//! table for assistive technology. The levers come from the state (`Action::ToggleLevers`,
//! `Action::RefreshLevers`); this component only asks for them once changes settle.

use gloo::timers::callback::Timeout;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

use crate::engine::levers::Lever;
use crate::engine::{InputKey, Program};
use crate::i18n::Msg;
use crate::state::calculator::LeverSet;
use crate::state::CalculatorState;
use crate::ui::chart_scale::{nice_ticks, LinearScale};
use crate::ui::format::Formatter;
use crate::ui::texts::{input_label, use_texts, Texts};

/// Properties of [`LeversPanel`].
#[derive(Properties, PartialEq)]
pub struct LeversPanelProps {
    /// The calculator state: whether the panel is open, the levers and what they are for.
    pub state: Rc<CalculatorState>,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
    /// Unique prefix for element ids.
    pub id_prefix: AttrValue,
    /// The header was pressed: send `Action::ToggleLevers`.
    pub on_toggle: Callback<()>,
    /// The panel is open and its levers stale 300 ms after the last change: send
    /// `Action::RefreshLevers`.
    pub on_refresh: Callback<()>,
}

/// How many levers the chart shows.
const SHOWN: usize = 6;
/// How long changes must settle before the levers are refreshed.
const SETTLE_MS: u32 = 300;

// Geometry in SVG units; text is at most 32 units high (styles/charts.css).
const WIDTH: i64 = 640;
const PLOT_LEFT: i64 = 144;
const PLOT_RIGHT: i64 = 496;
const TOP: i64 = 48;
const ROW: i64 = 88;
const LABEL_BASELINE: i64 = 30;
const BAR_TOP: i64 = 42;
const BAR_HEIGHT: i64 = 32;
const VALUE_GAP: i64 = 8;

/// The "What moves your profit" panel.
#[function_component(LeversPanel)]
pub fn levers_panel(props: &LeversPanelProps) -> Html {
    let state = &props.state;
    let open = state.levers_open;
    let stale = open && state.levers_stale();
    {
        let on_refresh = props.on_refresh.clone();
        use_effect_with(
            (stale, state.revision, state.selected_tier),
            move |&(stale, ..)| {
                let timer = stale.then(|| Timeout::new(SETTLE_MS, move || on_refresh.emit(())));
                move || drop(timer)
            },
        );
    }
    let texts = use_texts();
    let body_id = format!("{}-levers", props.id_prefix);
    let on_toggle = props.on_toggle.reform(|_: MouseEvent| ());
    html! {
        <section class="levers">
            <h4 class="levers-title">
                <button type="button" class="button-secondary levers-toggle"
                    aria-expanded={open.to_string()} aria-controls={body_id.clone()} onclick={on_toggle}>
                    { texts.get(Msg::LeversTitle) }
                </button>
            </h4>
            <div id={body_id} class="levers-body" hidden={!open}>
                if open {
                    { body(&texts, state, &props.formatter, &props.id_prefix, stale) }
                }
            </div>
        </section>
    }
}

/// The open panel: the explanation and the chart, dimmed while stale, or why there is none.
fn body(
    texts: &Texts,
    state: &CalculatorState,
    formatter: &Formatter,
    id_prefix: &str,
    stale: bool,
) -> Html {
    let Some(set) = state.levers.as_deref() else {
        return html! {
            <p class="levers-note">{ texts.get(Msg::LeversWaiting) }</p>
        };
    };
    let levers = match &set.levers {
        Ok(levers) => levers,
        Err(error) => {
            let message = texts.say(&error.message_for(&state.program));
            return html! { <p class="levers-note">{ message }</p> };
        }
    };
    let tier_name = state.program.tier_name(set.tier);
    let years = state.inputs.get(InputKey::HorizonYears);
    let explanation = texts.plural(
        Msg::LeversExplanation,
        ("years", years),
        formatter,
        &[("tier", tier_name)],
    );
    html! {
        <>
            <p class="levers-explanation">
                { explanation }
            </p>
            <div class={classes!("levers-chart", stale.then_some("results-stale"))}
                aria-busy={stale.to_string()}>
                { tornado(texts, &state.program, tier_name, set, levers, formatter, id_prefix) }
            </div>
        </>
    }
}

/// The tornado chart of the widest `SHOWN` levers around the tier's net.
fn tornado(
    texts: &Texts,
    program: &Program,
    tier_name: &str,
    set: &LeverSet,
    levers: &[Lever],
    formatter: &Formatter,
    id_prefix: &str,
) -> Html {
    let levers = &levers[..levers.len().min(SHOWN)];
    let caption = texts.fill(Msg::LeversChartLabel, &[("tier", tier_name)]);
    let title_id = format!("{id_prefix}-levers-title");
    let desc_id = format!("{id_prefix}-levers-desc");
    let nets = levers
        .iter()
        .flat_map(|lever| [lever.low_net, lever.high_net]);
    let lowest = nets.clone().fold(set.net, Decimal::min);
    let highest = nets.fold(set.net, Decimal::max);
    let x = LinearScale::over_ticks(&nice_ticks(lowest, highest, 5), PLOT_LEFT, PLOT_RIGHT);
    let centre = x.map(set.net);
    let rows = i64::try_from(levers.len()).unwrap_or_default();
    let height = TOP + rows * ROW;
    let label = |key: InputKey| input_label(texts, program, key);

    let row = |(index, lever): (usize, &Lever)| {
        let top = TOP + ROW * i64::try_from(index).unwrap_or_default();
        let bar_y = (top + BAR_TOP).to_string();
        let segment = |class: &'static str, to: Decimal| {
            let (left, width) = x.extent(set.net, to);
            html! {
                <rect class={classes!("chart-bar", class)} x={left.to_string()} y={bar_y.clone()}
                    width={width.to_string()} height={BAR_HEIGHT.to_string()} />
            }
        };
        let (left_net, right_net) = (
            lever.low_net.min(lever.high_net),
            lever.low_net.max(lever.high_net),
        );
        let value_y = (top + BAR_TOP + BAR_HEIGHT / 2).to_string();
        html! {
            <g key={index}>
                <text class="chart-lever-label" x="0" y={(top + LABEL_BASELINE).to_string()}>
                    { label(lever.input) }
                </text>
                { segment("lever-lower", lever.low_net) }
                { segment("lever-higher", lever.high_net) }
                <text class="chart-axis-label" x={(x.map(left_net.min(set.net)) - VALUE_GAP).to_string()}
                    y={value_y.clone()} dy="0.35em" text-anchor="end">
                    { formatter.money_compact(left_net) }
                </text>
                <text class="chart-axis-label" x={(x.map(right_net.max(set.net)) + VALUE_GAP).to_string()}
                    y={value_y} dy="0.35em" text-anchor="start">
                    { formatter.money_compact(right_net) }
                </text>
            </g>
        }
    };
    let description = texts.sentences(
        std::iter::once(texts.fill(
            Msg::LeversNetNow,
            &[("amount", &formatter.money_whole(set.net))],
        ))
        .chain(levers.iter().map(|lever| {
            texts.fill(
                Msg::LeversRow,
                &[
                    ("input", &label(lever.input)),
                    ("low", &formatter.money_whole(lever.low_net)),
                    ("high", &formatter.money_whole(lever.high_net)),
                ],
            )
        }))
        .collect(),
    );

    html! {
        <figure class="chart chart-levers">
            <figcaption>{ caption.clone() }</figcaption>
            <svg class="chart-svg" viewBox={format!("0 0 {WIDTH} {height}")} width="100%" role="img" // not text: the SVG box
                aria-labelledby={format!("{title_id} {desc_id}")}> // not text: ids
                <title id={title_id}>
                    { texts.get(Msg::LeversChartTitle) }
                </title>
                <desc id={desc_id}>{ description }</desc>
                { for levers.iter().enumerate().map(row) }
                <line class="chart-baseline" x1={centre.to_string()} x2={centre.to_string()}
                    y1={(TOP - 8).to_string()} y2={height.to_string()} />
                <text class="chart-zero-label" x={centre.to_string()} y={(TOP - 16).to_string()}
                    text-anchor="middle">
                    { formatter.money_compact(set.net) }
                </text>
            </svg>
            <ul class="chart-legend" aria-hidden="true">
                <li class="lever-lower"><span class="chart-swatch"></span>{ texts.get(Msg::LeversLower) }</li>
                <li class="lever-higher"><span class="chart-swatch"></span>{ texts.get(Msg::LeversHigher) }</li>
                <li class="chart-legend-note">
                    { texts.fill(Msg::LeversLine, &[("amount", &formatter.money_whole(set.net))]) }
                </li>
            </ul>
            <div class="visually-hidden">
                <table>
                    <caption>{ caption }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ texts.get(Msg::LeversInput) }</th>
                            <th scope="col">{ texts.get(Msg::LeversValueLower) }</th>
                            <th scope="col">{ texts.get(Msg::NetProfit) }</th>
                            <th scope="col">{ texts.get(Msg::LeversValueHigher) }</th>
                            <th scope="col">{ texts.get(Msg::NetProfit) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for levers.iter().map(|lever| {
                            let unit = lever.input.unit();
                            html! {
                                <tr>
                                    <th scope="row">{ label(lever.input) }</th>
                                    <td>{ formatter.input_value(unit, lever.low_value) }</td>
                                    <td>{ formatter.money_whole(lever.low_net) }</td>
                                    <td>{ formatter.input_value(unit, lever.high_value) }</td>
                                    <td>{ formatter.money_whole(lever.high_net) }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </figure>
    }
}
