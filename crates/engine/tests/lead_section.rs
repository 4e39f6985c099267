//! The program's `lead` section: what it accepts, and each problem at its path.

use partner_roi_engine::default_program::default_program_json;
use partner_roi_engine::lead::{AskedField, LeadDestination, LeadField, HUBSPOT_VALUES};
use partner_roi_engine::{FieldError, Program};
use serde_json::{json, Value};

fn with_lead(lead: Value) -> Result<Program, Vec<FieldError>> {
    let mut program: Value = serde_json::from_str(&default_program_json()).unwrap();
    program["lead"] = lead;
    Program::from_json(&program)
}

fn problems(lead: Value) -> Vec<(String, String)> {
    let errors = with_lead(lead).expect_err("the lead section should be refused");
    errors
        .iter()
        .map(|error| (error.path.clone(), error.message.to_string()))
        .collect()
}

fn webhook_lead() -> Value {
    json!({
        "fields": { "message": "optional", "company": "required" },
        "destination": { "webhook": "https://hooks.example.com/partner-roi" },
        "consent_text": "I agree that Example Cloud may contact me about its partner program.",
        "privacy_url": "https://example.com/privacy"
    })
}

#[test]
fn a_webhook_lead_asks_name_and_email_first_then_the_fields_in_the_forms_order() {
    let lead = with_lead(webhook_lead()).unwrap().lead.unwrap();
    let asked = |field, required| AskedField { field, required };
    assert_eq!(
        lead.fields,
        [
            asked(LeadField::Name, true),
            asked(LeadField::Email, true),
            asked(LeadField::Company, true),
            asked(LeadField::Message, false),
        ]
    );
    assert_eq!(
        lead.destination,
        LeadDestination::Webhook("https://hooks.example.com/partner-roi".into())
    );
    assert_eq!(lead.privacy_url, "https://example.com/privacy");
}

#[test]
fn without_the_section_there_is_no_form() {
    assert_eq!(
        Program::from_json_text(&default_program_json())
            .unwrap()
            .lead,
        None
    );
}

#[test]
fn a_hubspot_form_keeps_the_default_properties_but_those_the_program_renames() {
    let mut lead = webhook_lead();
    lead["destination"] = json!({ "hubspot": {
        "portal_id": "1234567",
        "form_guid": "0d5e4a6c-1f2b-4c3d-8e9f-0a1b2c3d4e5f",
        "properties": { "net": "projected_net_profit", "name": "full_name" }
    }});
    let Some(LeadDestination::HubSpot(form)) = with_lead(lead).unwrap().lead.map(|l| l.destination)
    else {
        panic!("a HubSpot destination");
    };
    assert_eq!(form.properties.len(), HUBSPOT_VALUES.len());
    let property = |value: &str| {
        form.properties
            .iter()
            .find(|(name, _)| *name == value)
            .map(|(_, property)| property.as_str())
    };
    assert_eq!(property("net"), Some("projected_net_profit"));
    assert_eq!(property("name"), Some("full_name"));
    assert_eq!(property("email"), Some("email"));
    assert_eq!(property("tier"), Some("partner_roi_tier"));
}

#[test]
fn a_mailto_destination_is_an_email_address() {
    let mut lead = webhook_lead();
    lead["destination"] = json!({ "mailto": "partners@example.com" });
    assert_eq!(
        with_lead(lead.clone()).unwrap().lead.unwrap().destination,
        LeadDestination::Mailto("partners@example.com".into())
    );
    lead["destination"] = json!({ "mailto": "partners at example.com" });
    assert_eq!(problems(lead)[0].0, "lead.destination.mailto");
}

#[test]
fn each_problem_is_reported_at_its_path() {
    let found = problems(json!({
        "fields": { "company": "yes", "fax": "optional" },
        "destination": { "webhook": "http://hooks.example.com/" },
        "consent_text": " ",
    }));
    let paths: Vec<&str> = found.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "lead.fields.fax",
            "lead.fields.company",
            "lead.destination.webhook",
            "lead.consent_text",
            "lead.privacy_url"
        ],
        "{found:?}"
    );
    assert!(
        found[1].1.contains("\"required\" or \"optional\""),
        "{found:?}"
    );
    assert!(found[2].1.contains("https:"), "{found:?}");
}

#[test]
fn the_destination_is_exactly_one_kind() {
    let mut lead = webhook_lead();
    lead["destination"] = json!({
        "webhook": "https://hooks.example.com/",
        "mailto": "partners@example.com"
    });
    let found = problems(lead.clone());
    assert_eq!(found[0].0, "lead.destination");
    assert!(found[0].1.contains("exactly one"), "{found:?}");
    lead["destination"] = json!({});
    assert_eq!(problems(lead)[0].0, "lead.destination");
}

#[test]
fn hubspot_ids_and_property_names_are_checked() {
    let mut lead = webhook_lead();
    lead["destination"] = json!({ "hubspot": {
        "portal_id": "12a",
        "form_guid": "not-a-guid",
        "properties": { "net": "Net Profit", "colour": "x" }
    }});
    let found = problems(lead);
    let paths: Vec<&str> = found.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "lead.destination.hubspot.portal_id",
            "lead.destination.hubspot.form_guid",
            "lead.destination.hubspot.properties.colour",
            "lead.destination.hubspot.properties.net",
        ],
        "{found:?}"
    );
}

#[test]
fn a_webhook_on_this_machine_may_use_http_for_testing() {
    let mut lead = webhook_lead();
    lead["destination"] = json!({ "webhook": "http://127.0.0.1:8787/lead" });
    assert!(with_lead(lead).is_ok());
}
