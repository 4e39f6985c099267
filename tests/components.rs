//! Component tests: the real widget mounted in headless Chromium.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use partner_roi::engine::decimal_text::fixed_places;
use partner_roi::engine::default_program::default_program;
use partner_roi::engine::project;
use partner_roi::ui::{Widget, WidgetProps};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .unwrap()
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(20)).await;
}

#[wasm_bindgen_test]
async fn default_program_renders_one_row_per_tier_with_engine_figures() {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    let program = default_program();
    let inputs = program.default_inputs();
    let expected = project(&program, &inputs).unwrap();
    let props = WidgetProps {
        program: Rc::new(program),
        inputs: Rc::new(inputs),
    };
    yew::Renderer::<Widget>::with_root_and_props(root.clone(), props).render();
    settle().await;

    let rows = root.query_selector_all("tbody tr").unwrap();
    assert_eq!(rows.length() as usize, expected.tiers.len());
    for (index, tier) in expected.tiers.iter().enumerate() {
        let text = rows
            .item(index as u32)
            .unwrap()
            .text_content()
            .unwrap_or_default();
        assert!(text.contains(&tier.tier_name), "{text}");
        assert!(
            text.contains(&fixed_places(tier.net, 2)),
            "{text} lacks {}",
            tier.net
        );
    }
}
