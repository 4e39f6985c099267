//! What the widget and the designer ask of the browser alike: saving a text as a file (nothing
//! leaves the machine) and copying a text to the clipboard.

#![cfg(target_arch = "wasm32")]

use std::future::Future;

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Clipboard, HtmlAnchorElement, Url};

/// Saves `text` as a file named `file_name` of type `mime`; the error says why not.
pub fn save_as_file(file_name: &str, mime: &str, text: &str) -> Result<(), &'static str> {
    const NO_FILE: &str = "the browser could not make the file";
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(text)), &options)
            .map_err(|_| NO_FILE)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| NO_FILE)?;
    let link = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.create_element("a").ok())
        .and_then(|element| element.dyn_into::<HtmlAnchorElement>().ok())
        .ok_or("no document")?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = Url::revoke_object_url(&url);
    Ok(())
}

/// Starts copying `text` at once (within the click that asked, as browsers require) and
/// resolves to whether the clipboard took it: `false` when it refused, or where the page has
/// none (outside secure contexts).
pub fn copy_to_clipboard(text: &str) -> impl Future<Output = bool> {
    let writing = clipboard().map(|clipboard| JsFuture::from(clipboard.write_text(text)));
    async move {
        match writing {
            Some(writing) => writing.await.is_ok(),
            None => false,
        }
    }
}

/// `navigator.clipboard`, when the page may use it (secure contexts only).
fn clipboard() -> Option<Clipboard> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()?
        .dyn_into::<Clipboard>()
        .ok()
}
