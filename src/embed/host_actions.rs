//! The browser side of the widget's requests: clipboard, CSV download and the call to
//! action (printing: `print_handout.rs`).

use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Clipboard, HtmlAnchorElement, HtmlElement, Url};
use yew::Callback;

use super::events;
use crate::i18n::{Message, Msg};

/// Copies `text`, then replies with `done` or with `refused` when the clipboard refuses.
pub fn copy_text(text: String, done: Msg, refused: Msg, reply: Callback<Message>) {
    let Some(clipboard) = clipboard() else {
        return reply.emit(refused.into());
    };
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(clipboard.write_text(&text)).await {
            Ok(_) => reply.emit(done.into()),
            Err(_) => reply.emit(refused.into()),
        }
    });
}

/// `navigator.clipboard`, when the page may use it (secure contexts only).
fn clipboard() -> Option<Clipboard> {
    let navigator = web_sys::window()?.navigator();
    Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()?
        .dyn_into::<Clipboard>()
        .ok()
}

/// Downloads `text` as a CSV file named `file_name`.
pub fn download_csv(text: &str, file_name: &str) -> Result<(), JsValue> {
    let options = BlobPropertyBag::new();
    options.set_type("text/csv;charset=utf-8");
    let blob =
        Blob::new_with_str_sequence_and_options(&Array::of1(&JsValue::from_str(text)), &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    Url::revoke_object_url(&url)
}

/// Today's local date as `YYYY-MM-DD`, for file names.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Fires `partner-roi:cta` with `detail`; unless the host cancels it, goes to `url`: in this
/// tab, or with `new_tab` in a new one (without `window.opener`, so the linked page cannot
/// reach back).
pub fn call_to_action(host: &HtmlElement, url: &str, new_tab: bool, detail: &str) {
    if !events::call_to_action(host, detail) {
        return;
    }
    if let Some(window) = web_sys::window() {
        let _ = if new_tab {
            window
                .open_with_url_and_target_and_features(url, "_blank", "noopener")
                .map(|_| ())
        } else {
            window.location().assign(url)
        };
    }
}
