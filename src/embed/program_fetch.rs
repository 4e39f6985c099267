//! Reading the program file named by `program-src`: the response element.js fetched as the
//! widget started (in parallel with the wasm), else fetched now.

use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
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

/// The program at `url` (relative to the page), validated: `program_file`'s response
/// (element.js's `(url) => Promise<Response> | null`), else fetched now.
pub async fn fetch_program(url: &str, program_file: &Function) -> (ReadProgram, Option<Contact>) {
    let mut contact = None;
    let program = fetch_and_read(url, program_file, &mut contact).await;
    (program, contact)
}

/// [`fetch_program`]'s work; `contact` gets the contact a fetched document names, even
/// when it is not a valid program.
async fn fetch_and_read(
    url: &str,
    program_file: &Function,
    contact: &mut Option<Contact>,
) -> ReadProgram {
    let window = web_sys::window().ok_or_else(|| failure(url, Msg::FetchFailed))?;
    let fetched = program_file
        .call1(&JsValue::NULL, &url.into())
        .ok()
        .and_then(|answer| answer.dyn_into::<Promise>().ok());
    let response = fetched.unwrap_or_else(|| window.fetch_with_str(url));
    let response = JsFuture::from(response)
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
