//! The program designer (`dist/designer.html`): a vendor builds, previews and ships a
//! program without writing JSON. Its rules and files are the library's (`designer`, the
//! engine's reader); this is its page: Yew components over `DesignerState`.

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod field;
#[cfg(target_arch = "wasm32")]
mod form;
#[cfg(target_arch = "wasm32")]
mod general_section;
#[cfg(target_arch = "wasm32")]
mod inputs_section;
#[cfg(target_arch = "wasm32")]
mod preview_panel;
#[cfg(target_arch = "wasm32")]
mod problem_summary;
#[cfg(target_arch = "wasm32")]
mod publish_panel;
#[cfg(target_arch = "wasm32")]
mod start_panel;
#[cfg(target_arch = "wasm32")]
mod tiers_section;
#[cfg(target_arch = "wasm32")]
mod translations_section;

/// Mounts the designer on the page's `#designer`.
#[cfg(target_arch = "wasm32")]
fn main() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("designer"));
    if let Some(root) = root {
        yew::Renderer::<app::DesignerApp>::with_root(root).render();
    }
}

/// The designer runs in a browser: `cargo xtask dist` builds `dist/designer.html`.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The designer runs in a browser: `cargo xtask dist` builds dist/designer.html.");
}
