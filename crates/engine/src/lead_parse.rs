//! Reading the program's `lead` section, every problem with its path.

use serde_json::Value;

use super::json_reader::{child_path, optional, JsonReader};
use super::lead::{
    is_lead_url, AskedField, HubSpotForm, Lead, LeadDestination, LeadField, HUBSPOT_VALUES,
};
use super::program_limits::{within, TextKind};
use super::program_text_fields::{check_email, check_web_url, read_checked_text};
use partner_roi_i18n::Msg;

/// The fields of `lead`.
pub const LEAD_FIELDS: &[&str] = &["fields", "destination", "consent_text", "privacy_url"];
/// The fields of `lead.fields`: what the form may ask besides the name and the email.
pub const ASKABLE: &[&str] = &["company", "phone", "country", "partner_type", "message"];
/// The kinds of `lead.destination`.
pub const DESTINATIONS: &[&str] = &["webhook", "hubspot", "mailto"];
/// The fields of `lead.destination.hubspot`.
pub const HUBSPOT_FIELDS: &[&str] = &["portal_id", "form_guid", "properties"];

/// The `lead` section at `value`.
pub(crate) fn read_lead(reader: &mut JsonReader, value: &Value) -> Option<Lead> {
    let map = reader.object(value, "lead", LEAD_FIELDS)?;
    let fields = optional(map, "fields").map_or(Some(Vec::new()), |v| read_fields(reader, v));
    let destination = reader
        .required(map, "lead", "destination")
        .and_then(|v| read_destination(reader, v));
    let consent_text = reader
        .required(map, "lead", "consent_text")
        .and_then(|v| reader.non_empty_text(v, "lead.consent_text"))
        .and_then(|text| within(reader, "lead.consent_text", TextKind::LeadConsent, text));
    let privacy_url = reader.required(map, "lead", "privacy_url").and_then(|v| {
        read_checked_text(
            reader,
            v,
            "lead.privacy_url",
            TextKind::LeadUrl,
            check_web_url,
        )
    });
    let mut asked = vec![
        AskedField {
            field: LeadField::Name,
            required: true,
        },
        AskedField {
            field: LeadField::Email,
            required: true,
        },
    ];
    asked.extend(fields?);
    Some(Lead {
        fields: asked,
        destination: destination?,
        consent_text: consent_text?,
        privacy_url: privacy_url?,
    })
}

/// `lead.fields`: each askable field, `"required"` or `"optional"`, in the form's order.
fn read_fields(reader: &mut JsonReader, value: &Value) -> Option<Vec<AskedField>> {
    let map = reader.object(value, "lead.fields", ASKABLE)?;
    let before = reader.error_count();
    let mut asked = Vec::new();
    for field in LeadField::ALL {
        let Some(value) = optional(map, field.key()) else {
            continue;
        };
        let required = match value.as_str() {
            Some("required") => true,
            Some("optional") => false,
            _ => {
                let path = child_path("lead.fields", field.key());
                reader.error(path, Msg::ErrorRequiredOrOptional);
                continue;
            }
        };
        asked.push(AskedField { field, required });
    }
    (reader.error_count() == before).then_some(asked)
}

/// `lead.destination`: exactly one of `webhook`, `hubspot` and `mailto`.
fn read_destination(reader: &mut JsonReader, value: &Value) -> Option<LeadDestination> {
    let path = "lead.destination";
    let map = reader.object(value, path, DESTINATIONS)?;
    let given: Vec<&str> = DESTINATIONS
        .iter()
        .copied()
        .filter(|kind| optional(map, kind).is_some())
        .collect();
    let [kind] = given[..] else {
        reader.error(path, Msg::ErrorLeadDestination);
        return None;
    };
    let inner = optional(map, kind)?;
    let path = child_path(path, kind);
    match kind {
        "webhook" => read_checked_text(reader, inner, &path, TextKind::LeadUrl, check_lead_url)
            .map(LeadDestination::Webhook),
        "mailto" => read_checked_text(reader, inner, &path, TextKind::LeadUrl, check_email)
            .map(LeadDestination::Mailto),
        _ => read_hubspot(reader, inner, &path).map(LeadDestination::HubSpot),
    }
}

fn read_hubspot(reader: &mut JsonReader, value: &Value, path: &str) -> Option<HubSpotForm> {
    let map = reader.object(value, path, HUBSPOT_FIELDS)?;
    let mut id = |key: &str, valid: fn(&str) -> bool, problem: Msg| {
        let text = reader
            .required(map, path, key)
            .and_then(|v| reader.non_empty_text(v, &child_path(path, key)))?;
        if valid(&text) {
            Some(text)
        } else {
            reader.error(child_path(path, key), problem);
            None
        }
    };
    let portal_id = id("portal_id", is_portal_id, Msg::ErrorHubspotPortal);
    let form_guid = id("form_guid", is_guid, Msg::ErrorHubspotGuid);
    let properties = optional(map, "properties").map_or(Some(default_properties()), |v| {
        read_properties(reader, v, path)
    });
    Some(HubSpotForm {
        portal_id: portal_id?,
        form_guid: form_guid?,
        properties: properties?,
    })
}

fn default_properties() -> Vec<(&'static str, String)> {
    HUBSPOT_VALUES
        .iter()
        .map(|(value, property)| (*value, (*property).to_owned()))
        .collect()
}

/// `properties`: the HubSpot property each named value goes to instead of its default.
fn read_properties(
    reader: &mut JsonReader,
    value: &Value,
    path: &str,
) -> Option<Vec<(&'static str, String)>> {
    let path = child_path(path, "properties");
    let names: Vec<&str> = HUBSPOT_VALUES.iter().map(|(name, _)| *name).collect();
    let map = reader.object(value, &path, &names)?;
    let before = reader.error_count();
    let mut properties = default_properties();
    for (name, property) in &mut properties {
        let Some(given) = optional(map, name) else {
            continue;
        };
        let path = child_path(&path, name);
        let Some(text) = reader.non_empty_text(given, &path) else {
            continue;
        };
        if is_property_name(&text) {
            *property = text;
        } else {
            reader.error(path, Msg::ErrorHubspotProperty);
        }
    }
    (reader.error_count() == before).then_some(properties)
}

fn check_lead_url(url: &str) -> Result<(), Msg> {
    if is_lead_url(url) {
        Ok(())
    } else {
        Err(Msg::ErrorLeadUrl)
    }
}

/// A HubSpot account number: digits.
fn is_portal_id(text: &str) -> bool {
    !text.is_empty() && text.len() <= 20 && text.bytes().all(|b| b.is_ascii_digit())
}

/// A form GUID: 8-4-4-4-12 hexadecimal digits.
fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    groups.iter().map(|group| group.len()).eq([8, 4, 4, 4, 12])
        && groups
            .iter()
            .all(|group| group.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A HubSpot property's internal name: lowercase letters, digits and `_`, a letter first.
fn is_property_name(text: &str) -> bool {
    text.len() <= 100
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}
