//! Fetching a program file named by `program-src`: the only network request the widget makes.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::engine::program_parse::{contact_in, parse_program_json};
use crate::engine::{Contact, FieldError, Program};
use crate::host_state::ReadProgram;
use crate::i18n::{Message, Msg};
use crate::names::ATTR_PROGRAM_SRC;

fn failure(url: &str, why: impl Into<Message>) -> Vec<FieldError> {
    vec![FieldError::new(
        ATTR_PROGRAM_SRC,
        Msg::ErrorProgramSrc.with("url", url).with_said("why", why),
    )]
}

/// Fetches `url` (relative to the page) and validates it as a program.
pub async fn fetch_program(url: &str) -> (ReadProgram, Option<Contact>) {
    let mut contact = None;
    let program = fetch_and_read(url, &mut contact).await;
    (program, contact)
}

/// [`fetch_program`]'s work; `contact` gets the contact a fetched document names, even
/// when it is not a valid program.
async fn fetch_and_read(url: &str, contact: &mut Option<Contact>) -> ReadProgram {
    let window = web_sys::window().ok_or_else(|| failure(url, Msg::FetchFailed))?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| failure(url, Msg::FetchFailed))?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| failure(url, Msg::FetchUnexpected))?;
    if !response.ok() {
        return Err(failure(
            url,
            Msg::FetchHttp.with("status", response.status()),
        ));
    }
    let text_promise = response
        .text()
        .map_err(|_| failure(url, Msg::FetchUnreadable))?;
    let text = JsFuture::from(text_promise)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| failure(url, Msg::FetchUnreadable))?;
    let value = parse_program_json(&text).map_err(|error| failure(url, error.message))?;
    *contact = contact_in(&value);
    let program = Program::from_json(&value)?;
    Ok((program, value))
}
