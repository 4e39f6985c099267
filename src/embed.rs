//! Browser-facing entry points: the widget rendered into a host element's shadow root.

use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, ShadowRootInit, ShadowRootMode};

use crate::engine::default_program::default_program;
use crate::ui::styles::WIDGET_CSS;
use crate::ui::{Widget, WidgetProps};

/// Mounts the widget on the built-in default program inside `host`'s open shadow root,
/// with the widget's stylesheet adopted there (host CSS cannot reach in, ours cannot leak out).
#[wasm_bindgen]
pub fn mount(host: Element) -> Result<(), JsValue> {
    let shadow = match host.shadow_root() {
        Some(shadow) => shadow,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    let sheet = CssStyleSheet::new()?;
    sheet.replace_sync(WIDGET_CSS)?;
    shadow.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
    let document = host
        .owner_document()
        .ok_or("the host element has no document")?;
    let root = document.create_element("div")?;
    shadow.append_child(&root)?;

    let program = default_program();
    let inputs = program.default_inputs();
    let props = WidgetProps {
        program: Rc::new(program),
        inputs: Rc::new(inputs),
        locale: None,
        id_prefix: "partner-roi".into(),
        on_change: Default::default(),
    };
    yew::Renderer::<Widget>::with_root_and_props(root, props).render();
    Ok(())
}
