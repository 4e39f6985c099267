//! The texts a program and its `translations` both have, read and checked with their paths:
//! optional texts, a tier's benefits, the call to action's url and the contact.

use serde_json::{Map, Value};

use super::json_reader::{
    child_path, index_path, optional, shorten, JsonReader, PROBLEM_QUOTE_LIMIT,
};
use super::program::Contact;
use super::program_limits::{within, TextKind, BENEFITS};
use partner_roi_i18n::Msg;

/// The fields of the call to action (`cta`).
pub const CTA_FIELDS: &[&str] = &["label", "url"];
/// The fields of the contact (`contact`).
pub const CONTACT_FIELDS: &[&str] = &["name", "email", "phone", "url"];

/// Url schemes a call to action may use, lowercase.
const CTA_SCHEMES: &[&str] = &["https://", "http://", "mailto:"];

/// The optional text `key` of `map`, within the limit of `kind`.
pub(crate) fn optional_text(
    reader: &mut JsonReader,
    map: &Map<String, Value>,
    path: &str,
    key: &str,
    kind: TextKind,
) -> Option<String> {
    let path = child_path(path, key);
    let text = optional(map, key).and_then(|v| reader.text(v, &path))?;
    within(reader, &path, kind, text)
}

/// A trimmed text at `path`, within the limit of `kind` and accepted by `valid`.
pub(crate) fn read_checked_text(
    reader: &mut JsonReader,
    value: &Value,
    path: &str,
    kind: TextKind,
    valid: fn(&str) -> Result<(), Msg>,
) -> Option<String> {
    let text = reader.non_empty_text(value, path)?;
    let text = within(reader, path, kind, text)?;
    match valid(&text) {
        Ok(()) => Some(text),
        Err(message) => {
            reader.error(path, message);
            None
        }
    }
}

/// A tier's benefits: at most [`BENEFITS`] texts, each within its limit.
pub(crate) fn read_benefits(
    reader: &mut JsonReader,
    value: &Value,
    path: &str,
) -> Option<Vec<String>> {
    let benefits = reader.text_list(value, path)?;
    if benefits.len() > BENEFITS {
        reader.error(
            path,
            Msg::ErrorBenefitsMax
                .with("limit", BENEFITS)
                .with("count", benefits.len()),
        );
        return None;
    }
    // Every benefit is checked (and each one too long reported) before any verdict.
    let checked: Vec<Option<String>> = benefits
        .into_iter()
        .enumerate()
        .map(|(index, text)| within(reader, &index_path(path, index), TextKind::Benefit, text))
        .collect();
    checked.into_iter().collect()
}

/// A trimmed `https:`, `http:` or `mailto:` url without whitespace or control characters.
pub(crate) fn read_cta_url(reader: &mut JsonReader, value: &Value, path: &str) -> Option<String> {
    let url = reader.non_empty_text(value, path)?;
    let url = within(reader, path, TextKind::CtaUrl, url)?;
    let lower = url.to_lowercase();
    if !CTA_SCHEMES.iter().any(|scheme| lower.starts_with(scheme)) {
        reader.error(
            path,
            Msg::ErrorCtaScheme.with("url", shorten(&url, PROBLEM_QUOTE_LIMIT)),
        );
        return None;
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        reader.error(path, Msg::ErrorUrlSpaces);
        return None;
    }
    Some(url)
}

/// A contact at `path`: a name, an email address, a phone number and a web page, at least
/// one given.
pub(crate) fn read_contact(reader: &mut JsonReader, value: &Value, path: &str) -> Option<Contact> {
    let map = reader.object(value, path, CONTACT_FIELDS)?;
    // `Some(None)`: absent; `None`: given but invalid (the error is recorded).
    let mut field = |key: &str, kind: TextKind, valid: fn(&str) -> Result<(), Msg>| {
        let Some(value) = optional(map, key) else {
            return Some(None);
        };
        read_checked_text(reader, value, &child_path(path, key), kind, valid).map(Some)
    };
    let name = field("name", TextKind::ContactName, |_| Ok(()));
    let email = field("email", TextKind::ContactEmail, check_email);
    let phone = field("phone", TextKind::ContactPhone, check_phone);
    let url = field("url", TextKind::ContactUrl, check_web_url);
    let contact = Contact {
        name: name?,
        email: email?,
        phone: phone?,
        url: url?,
    };
    if contact == Contact::default() {
        reader.error(path, Msg::ErrorContactEmpty);
        return None;
    }
    Some(contact)
}

/// One `@` with text on both sides, a dot in the domain, no spaces.
pub(crate) fn check_email(text: &str) -> Result<(), Msg> {
    if is_email(text) {
        Ok(())
    } else {
        Err(Msg::ErrorEmail)
    }
}

/// Whether `text` looks like an email address: `local@domain.tld`, no spaces. A program's
/// contact and lead address, and the application form's email, are checked alike.
pub fn is_email(text: &str) -> bool {
    let parts_valid = text.split_once('@').is_some_and(|(local, domain)| {
        let domain_valid =
            domain.contains('.') && !domain.starts_with('.') && !domain.ends_with('.');
        !local.is_empty() && domain_valid && !domain.contains('@')
    });
    parts_valid && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Digits and the characters phone numbers are written with: + ( ) - . / and spaces.
fn check_phone(text: &str) -> Result<(), Msg> {
    let allowed = |c: char| c.is_ascii_digit() || " +()-./".contains(c);
    if text.chars().all(allowed) && text.chars().any(|c| c.is_ascii_digit()) {
        Ok(())
    } else {
        Err(Msg::ErrorPhone)
    }
}

/// An `https:` or `http:` address without spaces.
pub(crate) fn check_web_url(text: &str) -> Result<(), Msg> {
    let lower = text.to_lowercase();
    if !(lower.starts_with("https://") || lower.starts_with("http://")) {
        Err(Msg::ErrorWebUrl)
    } else if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        Err(Msg::ErrorUrlSpaces)
    } else {
        Ok(())
    }
}
