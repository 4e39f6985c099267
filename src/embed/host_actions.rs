//! The browser side of the widget's requests: clipboard and CSV download (through
//! `ui/save_and_copy.rs`, as the designer's), and the call to action (printing:
//! `print_handout.rs`).

use web_sys::HtmlElement;
use yew::Callback;

use super::events;
use crate::i18n::{Message, Msg};
use crate::ui::save_and_copy::{copy_to_clipboard, save_as_file};

/// Copies `text`, then replies with `done` or with `refused` when the clipboard refuses.
pub fn copy_text(text: &str, done: Msg, refused: Msg, reply: Callback<Message>) {
    let copying = copy_to_clipboard(text);
    wasm_bindgen_futures::spawn_local(async move {
        reply.emit(if copying.await { done } else { refused }.into());
    });
}

/// Downloads `text` as a CSV file named `file_name`.
pub fn download_csv(text: &str, file_name: &str) -> Result<(), &'static str> {
    save_as_file(file_name, "text/csv;charset=utf-8", text)
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
