//! Component tests: the real widget mounted in headless Chromium.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use partner_roi::engine::default_program::default_program;
use partner_roi::engine::{project, InputKey, PartnerInputs, Program, Projection, Unit};
use partner_roi::state::number_entry::typed_text;
use partner_roi::state::{Action, CalculatorState};
use partner_roi::ui::components::levers_panel::LeversPanel;
use partner_roi::ui::format::Formatter;
use partner_roi::ui::slider_scale::SliderScale;
use partner_roi::ui::Widget;
use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const PREFIX: &str = "t";

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .unwrap()
}

/// Waits until Yew has rendered everything pending and run its effects.
async fn settle() {
    yew::scheduler::flush().await;
}

/// The page's clock in milliseconds (monotonic, unlike `Date.now`).
fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .expect("the test page has `performance`")
        .now()
}

/// Waits until every part drawn in a later task (`.deferred`) under `root` is drawn.
async fn until_drawn(root: &Element) {
    while root.query_selector(".deferred").ok().flatten().is_some() {
        yew::platform::time::sleep(std::time::Duration::ZERO).await;
        settle().await;
    }
}

/// The calculator reducer, as the host reducer keeps it for the widget on a page.
#[derive(PartialEq)]
struct Calculator(CalculatorState);

impl Reducible for Calculator {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Calculator(self.0.apply(action)))
    }
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    program: Rc<Program>,
    inputs: PartnerInputs,
    id_prefix: AttrValue,
}

/// The widget over its own calculator state: every action it emits is applied.
#[function_component(Harness)]
fn harness(props: &HarnessProps) -> Html {
    let calculator = {
        let (program, inputs) = (props.program.clone(), props.inputs.clone());
        let separator =
            Formatter::new(program.locale.as_deref(), &program.currency).decimal_separator();
        use_reducer(move || Calculator(CalculatorState::new(program, inputs, None, separator)))
    };
    let on_action = {
        let calculator = calculator.clone();
        Callback::from(move |action| calculator.dispatch(action))
    };
    html! {
        <Widget state={Rc::new(calculator.0.clone())} id_prefix={props.id_prefix.clone()} {on_action} />
    }
}

/// Mounts the widget in a fresh element and waits for the first render.
async fn mount_as(program: Program, inputs: PartnerInputs, id_prefix: &'static str) -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let props = yew::props!(HarnessProps {
        program: Rc::new(program),
        inputs,
        id_prefix,
    });
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    settle().await;
    until_drawn(&root).await;
    root
}

/// Mounts the widget, in the en-US locale, and waits for the first render.
async fn mount(mut program: Program, inputs: PartnerInputs) -> Element {
    program.locale = Some("en-US".into());
    mount_as(program, inputs, PREFIX).await
}

async fn mount_default() -> (Element, Program) {
    let program = default_program();
    let root = mount(program.clone(), program.default_inputs()).await;
    (root, program)
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|index| list.item(index))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

fn text(element: &Element) -> String {
    element.text_content().unwrap_or_default()
}

fn field(root: &Element, key: InputKey) -> HtmlInputElement {
    root.query_selector(&format!("#{PREFIX}-{}", key.name()))
        .unwrap()
        .unwrap_or_else(|| panic!("no field for {}", key.name()))
        .dyn_into()
        .unwrap()
}

async fn type_into(root: &Element, key: InputKey, value: &str) {
    let input = field(root, key);
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
    settle().await;
}

fn card_nets(root: &Element) -> Vec<String> {
    all(root, ".tier-card .tier-net-value")
        .iter()
        .map(text)
        .collect()
}

fn expected_nets(program: &Program, projection: &Projection) -> Vec<String> {
    let formatter = Formatter::new(Some("en-US"), &program.currency);
    projection
        .tiers
        .iter()
        .map(|tier| formatter.money_whole(tier.net))
        .collect()
}

#[wasm_bindgen_test]
async fn default_program_renders_four_cards_with_the_engine_figures() {
    let (root, program) = mount_default().await;
    let projection = project(&program, &program.default_inputs()).unwrap();
    let names: Vec<String> = all(&root, ".tier-card .tier-name")
        .iter()
        .map(text)
        .collect();
    assert_eq!(names, ["Registered", "Silver", "Gold", "Platinum"]);
    assert_eq!(card_nets(&root), expected_nets(&program, &projection));
    let recommended = all(&root, ".tier-card-recommended");
    assert_eq!(recommended.len(), 1);
    let recommended_name = &program.tiers[projection.recommended.unwrap()].name;
    assert!(text(&recommended[0]).contains(recommended_name.as_str()));
}

#[wasm_bindgen_test]
async fn typing_into_an_input_updates_every_card() {
    let (root, program) = mount_default().await;
    let before = card_nets(&root);
    type_into(&root, InputKey::DealValue, "30000").await;

    let mut inputs = program.default_inputs();
    inputs.set(InputKey::DealValue, Decimal::from(30_000));
    let projection = project(&program, &inputs).unwrap();
    let after = card_nets(&root);
    assert_eq!(after, expected_nets(&program, &projection));
    for (old, new) in before.iter().zip(&after) {
        assert_ne!(old, new, "every card must change");
    }
}

/// The slider next to `key`'s number box.
fn slider(root: &Element, key: InputKey) -> HtmlInputElement {
    field(root, key)
        .closest(".field")
        .unwrap()
        .unwrap()
        .query_selector(".field-slider")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

#[wasm_bindgen_test]
async fn a_wide_money_slider_is_curved_and_moves_the_box_and_the_cards() {
    let (root, program) = mount_default().await;
    let spec = program.input_spec(InputKey::DealValue);
    let SliderScale::Curved(curve) = SliderScale::for_input(Unit::Money, spec.min, spec.max) else {
        panic!("the deal value range is wide enough for a curved slider");
    };
    let track = slider(&root, InputKey::DealValue);
    assert_eq!(
        (track.min(), track.max(), track.step()),
        ("0".into(), "1000".into(), "1".into())
    );
    assert_eq!(track.value(), curve.position_of(spec.default).to_string());

    // A quarter along the track is a small, round deal value.
    track.set_value("250");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    track
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    settle().await;
    let value = curve.value_at(250);
    assert!(value < Decimal::from(10_000), "{value}");
    assert_eq!(
        field(&root, InputKey::DealValue).value(),
        typed_text(value, '.')
    );
    let mut inputs = program.default_inputs();
    inputs.set(InputKey::DealValue, value);
    assert_eq!(
        card_nets(&root),
        expected_nets(&program, &project(&program, &inputs).unwrap())
    );
    // The thumb stays at a position showing that value.
    assert_eq!(curve.value_at(track.value().parse().unwrap()), value);

    // A narrow range keeps a linear slider carrying the input's own range.
    let horizon = slider(&root, InputKey::HorizonYears);
    let spec = program.input_spec(InputKey::HorizonYears);
    assert_eq!(horizon.min(), spec.min.normalize().to_string());
    assert_eq!(horizon.max(), spec.max.normalize().to_string());
}

#[wasm_bindgen_test]
async fn an_invalid_value_shows_its_message_and_keeps_the_last_results() {
    let (root, _) = mount_default().await;
    let before = card_nets(&root);
    type_into(&root, InputKey::DealValue, "12k").await;

    let input = field(&root, InputKey::DealValue);
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let problem_id = format!("{PREFIX}-deal_value-problem");
    let described_by = input.get_attribute("aria-describedby").unwrap_or_default();
    assert!(
        described_by.split(' ').any(|id| id == problem_id),
        "{described_by}"
    );
    let problem = root
        .query_selector(&format!("#{problem_id}"))
        .unwrap()
        .unwrap();
    assert_eq!(text(&problem), "Enter a number, for example 12000.");

    assert_eq!(card_nets(&root), before);
    assert_eq!(all(&root, ".results-stale").len(), 1);
    assert_eq!(all(&root, ".results-stale-note").len(), 1);

    type_into(&root, InputKey::DealValue, "999999").await;
    let problem = root
        .query_selector(&format!("#{problem_id}"))
        .unwrap()
        .unwrap();
    assert_eq!(text(&problem), "Enter a value from $500 to $250,000.");
}

#[wasm_bindgen_test]
async fn selecting_a_tier_shows_its_yearly_table() {
    let (root, program) = mount_default().await;
    let buttons = all(&root, ".tier-card .tier-select");
    let last = program.tiers.len() - 1;
    buttons[last].dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;

    let caption = root.query_selector(".year-table caption").unwrap().unwrap();
    assert_eq!(
        text(&caption),
        format!("{}: year by year", program.tiers[last].name)
    );
    let projection = project(&program, &program.default_inputs()).unwrap();
    let formatter = Formatter::new(Some("en-US"), &program.currency);
    let net_row = all(&root, ".year-table tbody tr")
        .into_iter()
        .find(|row| text(row).starts_with("Net profit"))
        .unwrap();
    let cells: Vec<String> = all(&net_row, "td").iter().map(text).collect();
    let tier = &projection.tiers[last];
    assert_eq!(cells.len(), tier.years.len() + 2);
    assert_eq!(cells[1], formatter.money_whole(tier.years[0].net));
    assert_eq!(cells.last().unwrap(), &formatter.money_whole(tier.net));
    let pressed = buttons[last].get_attribute("aria-pressed");
    assert_eq!(pressed.as_deref(), Some("true"));
}

#[wasm_bindgen_test]
async fn a_program_that_hides_inputs_does_not_render_them() {
    let mut value: serde_json::Value =
        serde_json::from_str(&partner_roi::engine::default_program::default_program_json())
            .unwrap();
    value["inputs"]["resell_pct"]["hidden"] = true.into();
    value["inputs"]["deal_value"]["label"] = "Average subscription".into();
    let program = Program::from_json(&value).unwrap();
    let root = mount(program.clone(), program.default_inputs()).await;
    assert!(root
        .query_selector(&format!("#{PREFIX}-resell_pct"))
        .unwrap()
        .is_none());
    let labels: Vec<String> = all(&root, ".field-label").iter().map(text).collect();
    assert!(
        labels.iter().any(|label| label == "Average subscription"),
        "{labels:?}"
    );
    assert!(!labels
        .iter()
        .any(|label| label == InputKey::ResellPct.label()));
}

#[wasm_bindgen_test]
fn german_locale_with_euros_formats_as_german_money() {
    let formatter = Formatter::new(Some("de-DE"), "EUR");
    let formatted = formatter
        .money(Decimal::new(123_456, 2))
        .replace('\u{a0}', " ");
    assert_eq!(formatted, "1.234,56 €");
    assert_eq!(formatter.decimal_separator(), ',');
}

#[wasm_bindgen_test]
async fn german_program_renders_german_figures() {
    let mut value: serde_json::Value =
        serde_json::from_str(&partner_roi::engine::default_program::default_program_json())
            .unwrap();
    value["currency"] = "EUR".into();
    value["locale"] = "de-DE".into();
    let program = Program::from_json(&value).unwrap();
    let root = mount_as(program.clone(), program.default_inputs(), "de").await;
    let projection = project(&program, &program.default_inputs()).unwrap();
    let formatter = Formatter::new(Some("de-DE"), "EUR");
    let nets: Vec<String> = card_nets(&root);
    assert_eq!(nets[0], formatter.money_whole(projection.tiers[0].net));
    assert!(nets[0].ends_with('€'), "{}", nets[0]);
}

#[wasm_bindgen_test]
async fn every_chart_has_a_text_alternative_with_every_tier() {
    let (root, program) = mount_default().await;
    let charts = all(&root, "figure.chart");
    assert_eq!(charts.len(), 2);
    for chart in charts {
        let svg = chart.query_selector("svg").unwrap().unwrap();
        assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
        for id in svg
            .get_attribute("aria-labelledby")
            .unwrap_or_default()
            .split(' ')
        {
            let labelled = root.query_selector(&format!("#{id}")).unwrap();
            assert!(
                labelled.is_some_and(|node| !text(&node).is_empty()),
                "missing #{id}"
            );
        }
        let rows: Vec<String> = all(&chart, ".visually-hidden tbody th")
            .iter()
            .map(text)
            .collect();
        let names: Vec<&str> = program
            .tiers
            .iter()
            .map(|tier| tier.name.as_str())
            .collect();
        // The cumulative chart adds ", conservative" / ", optimistic" rows per tier, and one
        // for the partner's path when it moves between tiers.
        let tier_rows: Vec<&str> = rows
            .iter()
            .map(String::as_str)
            .filter(|row| !row.contains(", ") && *row != "Your path")
            .collect();
        assert_eq!(tier_rows, names);
    }
}

#[wasm_bindgen_test]
async fn every_card_shows_its_conservative_to_optimistic_range() {
    let (root, program) = mount_default().await;
    let range =
        partner_roi::engine::range::project_range(&program, &program.default_inputs()).unwrap();
    let formatter = Formatter::new(Some("en-US"), &program.currency);
    let ranges: Vec<String> = all(&root, ".tier-card .tier-range")
        .iter()
        .map(text)
        .collect();
    assert_eq!(ranges.len(), program.tiers.len());
    for (index, shown) in ranges.iter().enumerate() {
        let (low, high) = range.net_range(index).unwrap();
        assert!(shown.contains(&formatter.money_whole(low)), "{shown}");
        assert!(shown.contains(&formatter.money_whole(high)), "{shown}");
    }
    assert_eq!(all(&root, ".chart-band").len(), program.tiers.len());
}

#[wasm_bindgen_test]
async fn the_call_to_action_links_to_the_filled_url_of_the_selected_tier() {
    let mut value: serde_json::Value =
        serde_json::from_str(&partner_roi::engine::default_program::default_program_json())
            .unwrap();
    value["cta"] = serde_json::json!({"label": "Apply now", "url": "https://example.com/apply?tier={tier}&net={net}"});
    let program = Program::from_json(&value).unwrap();
    let root = mount(program.clone(), program.default_inputs()).await;
    let projection = project(&program, &program.default_inputs()).unwrap();
    let selected = &projection.tiers[projection.recommended.unwrap()];
    let link = root.query_selector("a.cta-button").unwrap().unwrap();
    assert_eq!(text(&link), format!("Apply now – {}", selected.tier_name));
    let expected = format!(
        "https://example.com/apply?tier={}&net={}",
        selected.tier_id,
        partner_roi::engine::decimal_text::fixed_places(selected.net, 2)
    );
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some(expected.as_str())
    );
}

#[wasm_bindgen_test]
async fn the_first_task_draws_the_cards_and_later_tasks_the_charts_table_and_assumptions() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let mut program = default_program();
    program.locale = Some("en-US".into());
    let props = yew::props!(HarnessProps {
        inputs: program.default_inputs(),
        program: Rc::new(program),
        id_prefix: "slices",
    });
    yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
    settle().await;
    assert_eq!(all(&root, ".tier-card").len(), 4);
    assert_eq!(all(&root, "figure.chart").len(), 0);
    assert_eq!(all(&root, ".deferred").len(), 3);
    until_drawn(&root).await;
    assert_eq!(all(&root, "figure.chart").len(), 2);
    assert_eq!(all(&root, ".year-table").len(), 1);
    assert_eq!(all(&root, ".assumptions").len(), 1);
}

thread_local! {
    /// The calculator of the mounted [`LeversHarness`], for the test to change its figures.
    static LEVERS_CALCULATOR: std::cell::RefCell<Option<UseReducerDispatcher<Calculator>>> =
        const { std::cell::RefCell::new(None) };
    /// When the mounted [`LeversHarness`]'s panel last asked for a refresh ([`now_ms`]).
    static LEVERS_REFRESH_ASKED_AT: std::cell::Cell<Option<f64>> =
        const { std::cell::Cell::new(None) };
}

/// "What moves your profit" over its own calculator state, as the results panel shows it.
#[function_component(LeversHarness)]
fn levers_harness() -> Html {
    let calculator = use_reducer(|| {
        let mut program = default_program();
        program.locale = Some("en-US".into());
        let inputs = program.default_inputs();
        Calculator(CalculatorState::new(Rc::new(program), inputs, None, '.'))
    });
    LEVERS_CALCULATOR.with(|slot| *slot.borrow_mut() = Some(calculator.dispatcher()));
    let formatter = use_memo((), |()| Formatter::new(Some("en-US"), "USD"));
    let send = |action: Action| {
        let calculator = calculator.clone();
        Callback::from(move |()| calculator.dispatch(action.clone()))
    };
    let on_refresh = {
        let refresh = send(Action::RefreshLevers);
        Callback::from(move |()| {
            LEVERS_REFRESH_ASKED_AT.with(|at| at.set(Some(now_ms())));
            refresh.emit(());
        })
    };
    html! {
        <LeversPanel state={Rc::new(calculator.0.clone())} {formatter} id_prefix="lv"
            on_toggle={send(Action::ToggleLevers)} {on_refresh} />
    }
}

#[wasm_bindgen_test]
async fn the_levers_panel_opens_on_request_and_refreshes_once_changes_settle() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<LeversHarness>::with_root(root.clone()).render();
    settle().await;
    let toggle: HtmlElement = root
        .query_selector(".levers-toggle")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(
        toggle.get_attribute("aria-controls").as_deref(),
        Some("lv-levers")
    );
    assert!(all(&root, ".chart-levers svg").is_empty());

    toggle.click();
    settle().await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    assert_eq!(all(&root, ".chart-levers svg").len(), 1);
    assert_eq!(all(&root, ".chart-levers rect.lever-lower").len(), 6);
    assert_eq!(all(&root, ".chart-levers rect.lever-higher").len(), 6);
    let rows = all(&root, ".chart-levers .visually-hidden tbody tr");
    assert_eq!(rows.len(), 6);
    assert!(text(&rows[0]).starts_with("Yearly license value per client"));
    let caption = text(
        &root
            .query_selector(".chart-levers caption")
            .unwrap()
            .unwrap(),
    );
    assert!(caption.starts_with("What moves your profit: "), "{caption}");
    assert!(all(&root, ".levers-chart.results-stale").is_empty());

    // Typing marks the levers stale; they are refreshed 300 ms after the last change.
    let before = text(&rows[0]);
    let dispatcher = LEVERS_CALCULATOR
        .with(|slot| slot.borrow().clone())
        .unwrap();
    LEVERS_REFRESH_ASKED_AT.with(|at| at.set(None));
    let typed_at = now_ms();
    dispatcher.dispatch(Action::Type(InputKey::DealValue, "20000".into()));
    settle().await;
    assert_eq!(all(&root, ".levers-chart.results-stale").len(), 1);
    // Await the refresh itself (no sleep to outlast the timer): it must come, and must
    // not have been asked for before the 300 ms had passed.
    while !all(&root, ".levers-chart.results-stale").is_empty() {
        assert!(
            now_ms() - typed_at < 5_000.0,
            "the levers were never refreshed"
        );
        yew::platform::time::sleep(std::time::Duration::from_millis(5)).await;
        settle().await;
    }
    let asked_at = LEVERS_REFRESH_ASKED_AT.with(std::cell::Cell::get);
    let waited = asked_at.map(|at| at - typed_at);
    assert!(
        waited.is_some_and(|waited| waited >= 300.0),
        "refresh asked for {waited:?} ms after the change, before it settled"
    );
    let after = text(&all(&root, ".chart-levers .visually-hidden tbody tr")[0]);
    assert_ne!(before, after);

    toggle.click();
    settle().await;
    assert!(all(&root, ".chart-levers svg").is_empty());
}

/// Counts the calls of `Intl.NumberFormat.prototype.format` until the returned function
/// (which gives the count) is called.
fn count_intl_formats() -> js_sys::Function {
    let install = js_sys::Function::new_no_args(
        "const prototype = Intl.NumberFormat.prototype;
         const original = Object.getOwnPropertyDescriptor(prototype, 'format');
         let calls = 0;
         Object.defineProperty(prototype, 'format', {
           configurable: true,
           get() { const format = original.get.call(this); return (value) => { calls += 1; return format(value); }; },
         });
         return () => { Object.defineProperty(prototype, 'format', original); return calls; };",
    );
    install
        .call0(&wasm_bindgen::JsValue::NULL)
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
fn a_formatter_asks_intl_once_per_figure_and_style() {
    let formatter = Formatter::new(Some("en-US"), "USD");
    let figure = Decimal::new(123_450, 2);
    let stop = count_intl_formats();
    let first = formatter.money(figure);
    let again = formatter.money(figure);
    let whole = formatter.money_whole(figure);
    let whole_again = formatter.money_whole(Decimal::new(1234, 0));
    let calls = stop.call0(&wasm_bindgen::JsValue::NULL).unwrap().as_f64();
    assert_eq!((first.as_str(), again.as_str()), ("$1,234.50", "$1,234.50"));
    assert_eq!((whole.as_str(), whole_again.as_str()), ("$1,234", "$1,234"));
    assert_eq!(calls, Some(2.0));
}

#[wasm_bindgen_test]
async fn client_counts_show_one_decimal_where_not_whole_so_that_rows_multiply_out() {
    let program = default_program();
    let mut inputs = program.default_inputs();
    inputs.set(InputKey::ChurnPct, Decimal::new(75, 1));
    let projection = project(&program, &inputs).unwrap();
    let selected = projection.recommended.unwrap_or(0);
    let years = &projection.tiers[selected].years;
    let fractional = years
        .iter()
        .any(|year| !year.active_clients.round_dp(1).fract().is_zero());
    assert!(fractional, "the fixture must have fractional client counts");
    let root = mount(program, inputs).await;
    until_drawn(&root).await;
    for (label, figure) in [
        (
            "New clients",
            (|year| year.new_clients) as fn(&partner_roi::engine::outcome::TierYear) -> Decimal,
        ),
        ("Active clients", |year| year.active_clients),
    ] {
        let row = all(&root, ".year-table tbody tr")
            .into_iter()
            .find(|row| text(row).starts_with(label))
            .unwrap();
        let cells: Vec<String> = all(&row, "td").iter().map(text).collect();
        // The start column, then one per year.
        for (cell, year) in cells.iter().skip(1).zip(years) {
            let expected = figure(year).round_dp(1).normalize().to_string();
            assert_eq!(
                cell.replace(',', ""),
                expected,
                "{label}, year {}",
                year.year
            );
        }
    }
}
