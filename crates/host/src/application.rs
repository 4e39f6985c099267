//! A partner's application for a tier (the program's `lead` section): the form's answers,
//! checked, and what goes where: the documented JSON body (a webhook, the
//! `partner-roi:lead` event), HubSpot's form submission, or a mail to open.
//! `docs/embedding.md` ("Applications") documents the body; `docs/lead.schema.json` is its
//! JSON Schema.

use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use partner_roi_engine::cta::percent_encode;
use partner_roi_engine::decimal_text::fixed_places;
use partner_roi_engine::lead::{HubSpotForm, Lead, LeadDestination, LeadField};
use partner_roi_engine::program_text_fields::is_email;
use partner_roi_engine::result_document::Totals;
use partner_roi_i18n::{Language, Msg};

use crate::rep::Rep;
use crate::share_link::ShareLink;

/// What the form sends when the partner presses "Send": every answer as typed, the consent
/// box, and the summary of the figures as "Copy summary" writes it (a mail's body).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ApplicationDraft {
    /// Each asked field and its text.
    pub answers: Vec<(LeadField, String)>,
    /// Whether the consent box is ticked.
    pub consent: bool,
    /// The figures in words, for a mail.
    pub summary: String,
}

/// A problem with the form, at its field (`None`: the consent box).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormProblem {
    /// The field, or `None` for the consent box.
    pub field: Option<LeadField>,
    /// What is wrong.
    pub message: Msg,
}

/// The answers of `draft` the form may send (trimmed, empty optional ones left out), or
/// every problem, in the form's order.
pub fn check_draft(
    lead: &Lead,
    draft: &ApplicationDraft,
) -> Result<Vec<(LeadField, String)>, Vec<FormProblem>> {
    let mut answers = Vec::new();
    let mut problems = Vec::new();
    for asked in &lead.fields {
        let text = draft
            .answers
            .iter()
            .find(|(field, _)| *field == asked.field)
            .map_or("", |(_, text)| text.trim());
        let problem = if text.is_empty() {
            asked.required.then_some(Msg::LeadRequired)
        } else if text.chars().count() > asked.field.limit() {
            Some(Msg::LeadTooLong)
        } else if asked.field == LeadField::Email && !is_email(text) {
            Some(Msg::LeadEmail)
        } else {
            None
        };
        match problem {
            Some(message) => problems.push(FormProblem {
                field: Some(asked.field),
                message,
            }),
            None if !text.is_empty() => answers.push((asked.field, text.to_owned())),
            None => {}
        }
    }
    if !draft.consent {
        problems.push(FormProblem {
            field: None,
            message: Msg::LeadConsentNeeded,
        });
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(problems)
    }
}

/// An application ready to go: everything but what only the page knows ([`PageFacts`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Application {
    /// The program's id.
    pub program_id: String,
    /// The program's name, in the widget's language.
    pub program_name: String,
    /// The language the widget speaks.
    pub language: Language,
    /// The checked answers, in the form's order.
    pub contact: Vec<(LeadField, String)>,
    /// The consent the partner gave, in the program's words.
    pub consent_text: String,
    /// The vendor's privacy policy.
    pub privacy_url: String,
    /// The tier applied for: its id and name.
    pub tier: (String, String),
    /// The program's currency.
    pub currency: String,
    /// The tier's figures, as the result document has them.
    pub totals: Totals,
    /// Every input as a decimal string, as `inputs` has them.
    pub inputs: Value,
    /// The link to the figures (the page adds its address).
    pub share: ShareLink,
    /// Where it goes.
    pub destination: LeadDestination,
    /// The figures in words, for a mail.
    pub summary: String,
    /// The sales rep who prepared the figures, credited with the application.
    pub rep: Option<Rep>,
}

/// What only the page knows, read when the application is sent.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageFacts {
    /// The page's address without its fragment.
    pub page_url: String,
    /// The page's title.
    pub page_title: String,
    /// The link to these figures (the page's address with the share code).
    pub share_url: String,
    /// When the partner sent it, ISO 8601 (`2026-12-07T20:41:17.000Z`).
    pub submitted_at: String,
    /// The same, in milliseconds since 1970 (HubSpot's `submittedAt`).
    pub submitted_at_ms: String,
}

/// How an application leaves the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Delivery {
    /// POST `body` (JSON) to `url`, without credentials.
    Post {
        /// Where.
        url: String,
        /// The JSON text.
        body: String,
    },
    /// Open the visitor's mail program at this `mailto:` address.
    Mail(String),
}

/// Money in the application: to 2 places, as `result` writes it; `null` for none.
fn money(value: Option<Decimal>) -> Value {
    value.map_or(Value::Null, |value| Value::from(fixed_places(value, 2)))
}

impl Application {
    /// The documented body: what a webhook receives and the `partner-roi:lead` event's
    /// `detail.application`.
    pub fn payload(&self, page: &PageFacts) -> Value {
        let contact: Map<String, Value> = self
            .contact
            .iter()
            .map(|(field, text)| (field.key().to_owned(), Value::from(text.as_str())))
            .collect();
        let totals = &self.totals;
        json!({
            "version": 1,
            "program": self.program_id,
            "submitted_at": page.submitted_at,
            "language": self.language.tag(),
            "contact": contact,
            "consent": { "given": true, "text": self.consent_text, "privacy_url": self.privacy_url },
            "tier": self.tier.0,
            "tier_name": self.tier.1,
            "currency": self.currency,
            "figures": {
                "net": money(Some(totals.net)),
                "roi": totals.roi.map_or(Value::Null, |roi| Value::from(fixed_places(roi, 4))),
                "payback_months": money(totals.payback_months),
                "npv": money(Some(totals.npv)),
            },
            "inputs": self.inputs,
            "share_url": page.share_url,
            "page_url": page.page_url,
            "rep": self.rep.as_ref().map_or(Value::Null, |rep| {
                let mut value = json!({ "name": rep.name });
                if !rep.email.is_empty() {
                    value["email"] = Value::from(rep.email.as_str());
                }
                value
            }),
        })
    }

    /// How this application leaves the browser.
    pub fn delivery(&self, page: &PageFacts) -> Delivery {
        match &self.destination {
            LeadDestination::Webhook(url) => Delivery::Post {
                url: url.clone(),
                body: self.payload(page).to_string(),
            },
            LeadDestination::HubSpot(form) => Delivery::Post {
                url: form.url(),
                body: self.hubspot_body(form, page).to_string(),
            },
            LeadDestination::Mailto(to) => Delivery::Mail(self.mailto(to, page)),
        }
    }

    /// The values HubSpot's form fields can take, by the names of [`HUBSPOT_VALUES`].
    ///
    /// [`HUBSPOT_VALUES`]: partner_roi_engine::lead::HUBSPOT_VALUES
    fn hubspot_value(&self, name: &str, page: &PageFacts) -> Option<String> {
        let totals = &self.totals;
        let from_contact = || {
            self.contact
                .iter()
                .find(|(field, _)| field.key() == name)
                .map(|(_, text)| text.clone())
        };
        match name {
            "tier" => Some(self.tier.0.clone()),
            "net" => Some(fixed_places(totals.net, 2)),
            "roi" => totals.roi.map(|roi| fixed_places(roi, 4)),
            "payback_months" => totals.payback_months.map(|months| fixed_places(months, 2)),
            "npv" => Some(fixed_places(totals.npv, 2)),
            "share_url" => Some(page.share_url.clone()),
            "rep" => self.rep.as_ref().map(|rep| rep.name.clone()),
            "rep_email" => self
                .rep
                .as_ref()
                .map(|rep| rep.email.clone())
                .filter(|e| !e.is_empty()),
            _ => from_contact(),
        }
    }

    /// HubSpot's Forms API v3 body: `fields` as `[{objectTypeId, name, value}]`, `context`
    /// and `legalConsentOptions`.
    fn hubspot_body(&self, form: &HubSpotForm, page: &PageFacts) -> Value {
        let fields: Vec<Value> = form
            .properties
            .iter()
            .filter_map(|(value, property)| {
                let text = self.hubspot_value(value, page)?;
                Some(json!({ "objectTypeId": "0-1", "name": property, "value": text }))
            })
            .collect();
        json!({
            "submittedAt": page.submitted_at_ms,
            "fields": fields,
            "context": { "pageUri": page.page_url, "pageName": page.page_title },
            "legalConsentOptions": {
                "consent": { "consentToProcess": true, "text": self.consent_text, "communications": [] }
            },
        })
    }

    /// A `mailto:` address with the application as its subject and body.
    fn mailto(&self, to: &str, page: &PageFacts) -> String {
        let language = self.language;
        let subject = language.fill(
            Msg::LeadMailSubject,
            &[("tier", &self.tier.1), ("program", &self.program_name)],
        );
        let line = |label: Msg, value: &str| {
            language.fill(
                Msg::LabelValue,
                &[("label", language.text(label)), ("value", value)],
            )
        };
        let mut lines: Vec<String> = self
            .contact
            .iter()
            .map(|(field, text)| line(field_label(*field), text))
            .collect();
        lines.push(String::new());
        lines.push(self.summary.clone());
        if !page.share_url.is_empty() {
            lines.push(line(Msg::LeadLink, &page.share_url));
        }
        if let Some(rep) = &self.rep {
            lines.push(language.fill(Msg::PreparedBy, &[("name", &rep.name)]));
        }
        lines.push(String::new());
        lines.push(line(Msg::LeadConsentGiven, &self.consent_text));
        // The address keeps its @; the rest is query syntax and line breaks, not text.
        let to = percent_encode(to).replace("%40", "@");
        // RFC 6068: every line break in a body is CRLF, the summary's own ones too.
        let body = lines.join("\n").replace("\r\n", "\n").replace('\n', "\r\n");
        let body = percent_encode(&body);
        format!(
            "mailto:{to}?subject={}&body={body}",
            percent_encode(&subject)
        )
    }
}

/// The label the form shows for `field`.
pub fn field_label(field: LeadField) -> Msg {
    match field {
        LeadField::Name => Msg::LeadName,
        LeadField::Email => Msg::LeadEmailLabel,
        LeadField::Company => Msg::LeadCompany,
        LeadField::Phone => Msg::LeadPhone,
        LeadField::Country => Msg::LeadCountry,
        LeadField::PartnerType => Msg::LeadPartnerType,
        LeadField::Message => Msg::LeadMessage,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use partner_roi_engine::lead::{AskedField, HUBSPOT_VALUES};

    fn lead(destination: LeadDestination) -> Lead {
        let asked = |field, required| AskedField { field, required };
        Lead {
            fields: vec![
                asked(LeadField::Name, true),
                asked(LeadField::Email, true),
                asked(LeadField::Phone, false),
            ],
            destination,
            consent_text: "You may contact me.".into(),
            privacy_url: "https://example.com/privacy".into(),
        }
    }

    fn application(destination: LeadDestination) -> Application {
        let decimal = |text: &str| text.parse::<Decimal>().unwrap_or_default();
        Application {
            program_id: "example-cloud".into(),
            program_name: "Example Cloud Partner Program".into(),
            language: Language::default(),
            contact: vec![
                (LeadField::Name, "Ada Lovelace".into()),
                (LeadField::Email, "ada@example.com".into()),
            ],
            consent_text: "You may contact me.".into(),
            privacy_url: "https://example.com/privacy".into(),
            tier: ("silver".into(), "Silver".into()),
            currency: "USD".into(),
            totals: Totals {
                net: decimal("63228.125"),
                npv: decimal("46059.5"),
                roi: Some(decimal("0.60104")),
                payback_months: Some(decimal("21.2")),
                ..Totals::default()
            },
            inputs: json!({ "deal_value": "12000" }),
            share: ShareLink {
                param: "partner-roi".into(),
                code: "v1.abc".into(),
                public_page: None,
            },
            destination,
            summary: "Your figures\n\nSilver: $63,228 net profit".into(),
            rep: None,
        }
    }

    fn page() -> PageFacts {
        PageFacts {
            page_url: "https://vendor.example/partners".into(),
            page_title: "Partners".into(),
            share_url: "https://vendor.example/partners#partner-roi=v1.abc".into(),
            submitted_at: "2026-12-07T20:41:17.000Z".into(),
            submitted_at_ms: "1796676077000".into(),
        }
    }

    #[test]
    fn the_answers_are_trimmed_and_empty_optional_ones_left_out() {
        let draft = ApplicationDraft {
            answers: vec![
                (LeadField::Email, " ada@example.com ".into()),
                (LeadField::Name, "Ada".into()),
                (LeadField::Phone, "  ".into()),
            ],
            consent: true,
            summary: String::new(),
        };
        let lead = lead(LeadDestination::Mailto("partners@example.com".into()));
        assert_eq!(
            check_draft(&lead, &draft),
            Ok(vec![
                (LeadField::Name, "Ada".into()),
                (LeadField::Email, "ada@example.com".into())
            ])
        );
        let long = ApplicationDraft {
            answers: vec![(LeadField::Name, "x".repeat(121))],
            ..draft
        };
        let problems = check_draft(&lead, &long).unwrap_err();
        assert_eq!(problems[0].message, Msg::LeadTooLong);
        assert_eq!(problems[1].message, Msg::LeadRequired);
    }

    /// Worked by hand from the totals above: money to 2 places, half-even (63228.125 →
    /// 63228.12), the ROI to 4 (0.60104 → 0.6010), as `result` writes them.
    #[test]
    fn the_body_is_the_documented_document() {
        let webhook = LeadDestination::Webhook("https://hooks.example.com/lead".into());
        let Delivery::Post { url, body } = application(webhook).delivery(&page()) else {
            panic!("a webhook is posted");
        };
        assert_eq!(url, "https://hooks.example.com/lead");
        let body: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(
            body,
            json!({
                "version": 1,
                "program": "example-cloud",
                "submitted_at": "2026-12-07T20:41:17.000Z",
                "language": "en",
                "contact": { "name": "Ada Lovelace", "email": "ada@example.com" },
                "consent": { "given": true, "text": "You may contact me.", "privacy_url": "https://example.com/privacy" },
                "tier": "silver",
                "tier_name": "Silver",
                "currency": "USD",
                "figures": { "net": "63228.12", "roi": "0.6010", "payback_months": "21.20", "npv": "46059.50" },
                "inputs": { "deal_value": "12000" },
                "share_url": "https://vendor.example/partners#partner-roi=v1.abc",
                "page_url": "https://vendor.example/partners",
                "rep": null
            })
        );
    }

    #[test]
    fn the_rep_who_prepared_the_figures_is_credited() {
        let mut with_rep = application(LeadDestination::Mailto("partners@example.com".into()));
        with_rep.rep = Rep::typed("Jo Rep", "jo@vendor.example");
        assert_eq!(
            with_rep.payload(&page())["rep"],
            json!({ "name": "Jo Rep", "email": "jo@vendor.example" })
        );
        with_rep.rep = Rep::typed("Jo Rep", "");
        assert_eq!(
            with_rep.payload(&page())["rep"],
            json!({ "name": "Jo Rep" })
        );
        let Delivery::Mail(url) = with_rep.delivery(&page()) else {
            panic!("a mail is opened");
        };
        assert!(url.contains("Prepared%20by%20Jo%20Rep"), "{url}");
    }

    #[test]
    fn hubspot_gets_its_v3_shape_with_the_programs_property_names() {
        let mut properties: Vec<(&'static str, String)> = HUBSPOT_VALUES
            .iter()
            .map(|(value, property)| (*value, (*property).to_owned()))
            .collect();
        properties[8].1 = "projected_net".into();
        let form = HubSpotForm {
            portal_id: "1234567".into(),
            form_guid: "0d5e4a6c-1f2b-4c3d-8e9f-0a1b2c3d4e5f".into(),
            properties,
        };
        let Delivery::Post { url, body } =
            application(LeadDestination::HubSpot(form)).delivery(&page())
        else {
            panic!("HubSpot is posted");
        };
        assert!(url.ends_with("/submit/1234567/0d5e4a6c-1f2b-4c3d-8e9f-0a1b2c3d4e5f"));
        let body: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(body["submittedAt"], "1796676077000");
        assert_eq!(
            body["context"],
            json!({ "pageUri": "https://vendor.example/partners", "pageName": "Partners" })
        );
        assert_eq!(
            body["legalConsentOptions"],
            json!({ "consent": { "consentToProcess": true, "text": "You may contact me.", "communications": [] } })
        );
        let fields = body["fields"].as_array().cloned().unwrap_or_default();
        let names: Vec<&str> = fields.iter().filter_map(|f| f["name"].as_str()).collect();
        // No phone, company… was given: those fields are left out.
        assert_eq!(
            names,
            [
                "firstname",
                "email",
                "partner_roi_tier",
                "projected_net",
                "partner_roi_roi",
                "partner_roi_payback_months",
                "partner_roi_npv",
                "partner_roi_share_url"
            ]
        );
        assert_eq!(
            fields[3],
            json!({ "objectTypeId": "0-1", "name": "projected_net", "value": "63228.12" })
        );
    }

    #[test]
    fn a_mail_carries_the_answers_the_summary_the_link_and_the_consent() {
        let mail = LeadDestination::Mailto("partners@example.com".into());
        let Delivery::Mail(url) = application(mail).delivery(&page()) else {
            panic!("a mail is opened");
        };
        assert!(
            url.starts_with(
                "mailto:partners@example.com?subject=Partner%20application%3A%20Silver%20"
            ),
            "{url}"
        );
        let body = url.split("&body=").nth(1).unwrap_or_default();
        for part in [
            "Name%3A%20Ada%20Lovelace",
            "Work%20email%3A%20ada%40example.com",
            "Silver%3A%20%2463%2C228%20net%20profit",
            "Link%20to%20the%20figures%3A%20https%3A%2F%2Fvendor.example",
            "Consent%20given%3A%20You%20may%20contact%20me.",
        ] {
            assert!(body.contains(part), "{part} in {body}");
        }
        assert!(body.contains("%0D%0A"), "lines end with CRLF");
        assert!(
            !body.replace("%0D%0A", "").contains("%0A"),
            "no bare line feed, the summary's included: {body}"
        );
    }
}
