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
use crate::outbox::Waiting;

/// What only the page knows, now.
fn page_facts(application: &Application) -> PageFacts {
    let link = &application.share;
    let now = js_sys::Date::new_0();
    PageFacts {
        page_url: share_link::page_address(),
        page_title: web_sys::window()
            .and_then(|window| window.document())
            .map(|document| document.title())
            .unwrap_or_default(),
        share_url: share_link::page_url_with(&link.param, &link.code)
            .map(|on_page| link.url(&on_page))
            .unwrap_or_default(),
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

/// How sending went.
pub enum Sending {
    /// It went, or why not.
    Answered(Result<Delivered, SendFailure>),
    /// The device is offline: what was to be posted, to keep.
    Offline(Waiting),
}

/// Whether the browser says it has no network.
fn offline() -> bool {
    web_sys::window().is_some_and(|window| !window.navigator().on_line())
}

/// Sends `application`; the answer says how it went.
pub async fn send(host: &HtmlElement, application: &Application) -> Sending {
    let page = page_facts(application);
    let detail = serde_json::json!({
        "application": application.payload(&page),
        "destination": destination_name(&application.destination),
    });
    if !events::lead(host, &detail) {
        return Sending::Answered(Ok(Delivered::ByPage));
    }
    Sending::Answered(match application.delivery(&page) {
        Delivery::Post { url, body } => match post(&url, &body).await {
            Err(SendFailure::Unreachable) if offline() => {
                let kept_at_ms = js_sys::Date::now() as u64;
                return Sending::Offline(Waiting {
                    url,
                    body,
                    kept_at_ms,
                });
            }
            answer => answer,
        },
        Delivery::Mail(url) => {
            let opened = web_sys::window().map(|window| window.location().set_href(&url));
            match opened {
                Some(Ok(())) => Ok(Delivered::MailOpened),
                _ => Err(SendFailure::Unreachable),
            }
        }
    })
}

/// POSTs `body` as JSON to `url`: no cookies or credentials, never from the cache.
pub async fn post(url: &str, body: &str) -> Result<Delivered, SendFailure> {
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
