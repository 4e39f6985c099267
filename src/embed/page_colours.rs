//! Whether the colours a page set for the widget are light or dark: `theme="auto"` then
//! draws the widget in that scheme, so a cream page in a visitor's dark mode gets a light
//! widget whose every colour was made for a light surface.

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlElement};

use crate::host_state::Theme;
use crate::names::{CSS_VAR_BACKGROUND, CSS_VAR_SURFACE};

/// Above this, a colour counts as light: its sRGB channels weighted by luminance
/// (2126 R + 7152 G + 722 B, 0–255 each) against a grey of relative luminance 0.18, where
/// black and white text have about the same contrast. Whole numbers: no float power
/// function in the wasm for one comparison.
const LIGHT_WEIGHTED_GREY: u32 = 1_176_000;
/// A colour a page's value is unlikely to be, to tell an ignored value from black.
const SENTINEL: &str = "#010203";

/// The scheme of the page's `--partner-roi-surface` for `host`, else of its
/// `--partner-roi-background`; `None` when it set neither (or a value no canvas can paint).
pub fn page_scheme(host: &HtmlElement) -> Option<Theme> {
    let style = web_sys::window()?.get_computed_style(host).ok()??;
    let colour = [CSS_VAR_SURFACE, CSS_VAR_BACKGROUND]
        .into_iter()
        .filter_map(|name| style.get_property_value(name).ok())
        .map(|value| value.trim().to_owned())
        .find(|value| !value.is_empty())?;
    Some(if weighted_grey(host, &colour)? > LIGHT_WEIGHTED_GREY {
        Theme::Light
    } else {
        Theme::Dark
    })
}

/// The CSS colour `colour`, painted on a 1×1 canvas, as 2126 R + 7152 G + 722 B.
fn weighted_grey(host: &HtmlElement, colour: &str) -> Option<u32> {
    let canvas: HtmlCanvasElement = host
        .owner_document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    canvas.set_width(1);
    canvas.set_height(1);
    let context: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context.set_fill_style_str(SENTINEL);
    context.set_fill_style_str(colour);
    if context.fill_style().as_string().as_deref() == Some(SENTINEL) {
        return None;
    }
    context.fill_rect(0.0, 0.0, 1.0, 1.0);
    match context.get_image_data(0.0, 0.0, 1.0, 1.0).ok()?.data()[..] {
        [red, green, blue, _] => {
            Some(2126 * u32::from(red) + 7152 * u32::from(green) + 722 * u32::from(blue))
        }
        _ => None,
    }
}
