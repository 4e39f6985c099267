//! Sending an application: the cancelable `partner-roi:lead` first, then, unless the page
//! cancelled it, a POST without credentials to the program's destination, or the visitor's
//! mail program. What goes and where is decided in `crates/host/src/application.rs`.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{HtmlElement, RequestCache, RequestCredentials, RequestInit, RequestMode, Response};

use super::{events, share_link};
use crate::application::{Application, Delivery, PageFacts};
use crate::engine::lead::LeadDestination;
use crate::host_state::{Delivered, SendFailure};

/// What only the page knows, now.
fn page_facts(application: &Application) -> PageFacts {
    let window = web_sys::window();
    let href = window
        .as_ref()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    let (param, code) = &application.share;
    let now = js_sys::Date::new_0();
    PageFacts {
        page_url: href.split('#').next().unwrap_or_default().to_owned(),
        page_title: window
            .and_then(|window| window.document())
            .map(|document| document.title())
            .unwrap_or_default(),
        share_url: share_link::page_url_with(param, code).unwrap_or_default(),
        submitted_at: String::from(now.to_iso_string()),
        submitted_at_ms: format!("{}", now.get_time()),
    }
}

/// The destination's kind, as `detail.destination` names it.
fn destination_name(destination: &LeadDestination) -> &'static str {
    match destination {
        LeadDestination::Webhook(_) => "webhook",
        LeadDestination::HubSpot(_) => "hubspot",
        LeadDestination::Mailto(_) => "mailto",
    }
}

/// Sends `application`; the answer says how it went.
pub async fn send(host: &HtmlElement, application: &Application) -> Result<Delivered, SendFailure> {
    let page = page_facts(application);
    let detail = serde_json::json!({
        "application": application.payload(&page),
        "destination": destination_name(&application.destination),
    });
    if !events::lead(host, &detail) {
        return Ok(Delivered::ByPage);
    }
    match application.delivery(&page) {
        Delivery::Post { url, body } => post(&url, &body).await,
        Delivery::Mail(url) => {
            let opened = web_sys::window().map(|window| window.location().set_href(&url));
            match opened {
                Some(Ok(())) => Ok(Delivered::MailOpened),
                _ => Err(SendFailure::Unreachable),
            }
        }
    }
}

/// POSTs `body` as JSON to `url`: no cookies or credentials, never from the cache.
async fn post(url: &str, body: &str) -> Result<Delivered, SendFailure> {
    let window = web_sys::window().ok_or(SendFailure::Unreachable)?;
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&body.into());
    init.set_credentials(RequestCredentials::Omit);
    init.set_mode(RequestMode::Cors);
    init.set_cache(RequestCache::NoStore);
    let headers = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&headers, &"Content-Type".into(), &"application/json".into());
    init.set_headers(&headers);
    let answer = JsFuture::from(window.fetch_with_str_and_init(url, &init)).await;
    let response: Response = match answer.map(JsCast::dyn_into) {
        Ok(Ok(response)) => response,
        _ => {
            let origin = web_sys::Url::new(url)
                .map(|url| url.origin())
                .unwrap_or_default();
            web_sys::console::warn_1(
                &format!(
                    "partner-roi: the application could not reach {origin}. If the page has a \
                     Content-Security-Policy, its connect-src must allow {origin}."
                )
                .into(),
            );
            return Err(SendFailure::Unreachable);
        }
    };
    if response.ok() {
        Ok(Delivered::Posted)
    } else {
        Err(SendFailure::Status(response.status()))
    }
}
