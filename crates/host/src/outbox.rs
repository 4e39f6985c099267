//! Applications kept on this device because it was offline when the partner sent them (the
//! offline file, at an event), until the widget starts online again: their format in
//! `localStorage`, and where a kept one may go.

use serde_json::{json, Value};

use partner_roi_engine::lead::{Lead, LeadDestination};

/// How long a kept application waits to be sent before it is dropped: 30 days, in ms.
pub const KEEP_MS: u64 = 30 * 24 * 60 * 60 * 1000;

/// One application waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Waiting {
    /// Where it was to be posted.
    pub url: String,
    /// The JSON body, as it was to be posted.
    pub body: String,
    /// When it was kept, in ms since 1970.
    pub kept_at_ms: u64,
}

/// The address a program's applications are posted to; `None` for a mail.
pub fn post_url(lead: &Lead) -> Option<String> {
    match &lead.destination {
        LeadDestination::Webhook(url) => Some(url.clone()),
        LeadDestination::HubSpot(form) => Some(form.url()),
        LeadDestination::Mailto(_) => None,
    }
}

/// The kept applications in `text`; what is not one is left out.
pub fn read_outbox(text: &str) -> Vec<Waiting> {
    let Ok(Value::Array(entries)) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    entries
        .iter()
        .filter_map(|entry| {
            Some(Waiting {
                url: entry["url"].as_str()?.to_owned(),
                body: entry["body"].as_str()?.to_owned(),
                kept_at_ms: entry["kept_at_ms"].as_u64()?,
            })
        })
        .collect()
}

/// `waiting` as the text kept in `localStorage`.
pub fn outbox_text(waiting: &[Waiting]) -> String {
    let entries: Vec<Value> = waiting
        .iter()
        .map(
            |entry| json!({ "url": entry.url, "body": entry.body, "kept_at_ms": entry.kept_at_ms }),
        )
        .collect();
    Value::Array(entries).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_applications_read_back_as_written_and_other_text_reads_as_none() {
        let waiting = vec![
            Waiting {
                url: "https://hooks.example.com/lead".into(),
                body: r#"{"program":"example","contact":{"name":"Ada"}}"#.into(),
                kept_at_ms: 1_796_676_077_000,
            },
            Waiting {
                url: "https://hooks.example.com/lead".into(),
                body: "{}".into(),
                kept_at_ms: 1_796_676_078_000,
            },
        ];
        assert_eq!(read_outbox(&outbox_text(&waiting)), waiting);
        assert_eq!(read_outbox("not json"), []);
        assert_eq!(read_outbox(r#"{"url":"x"}"#), []);
        let partly = r#"[{"url":"https://a.example","body":"{}","kept_at_ms":1},{"url":7}]"#;
        assert_eq!(read_outbox(partly).len(), 1);
    }
}
