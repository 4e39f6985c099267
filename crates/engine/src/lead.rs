//! The program's `lead` section: the application form a call to action opens, where the
//! application goes, and the consent it needs (`docs/program-format.md`, "lead").

/// A field the form may ask for besides the name and the work email, which it always asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum LeadField {
    /// The partner's name (always asked, required).
    Name,
    /// The partner's work email (always asked, required).
    Email,
    /// The partner's company.
    Company,
    /// A phone number.
    Phone,
    /// The partner's country.
    Country,
    /// What kind of partner they are (reseller, agency, MSP…), in their words.
    PartnerType,
    /// Anything they want to add.
    Message,
}

impl LeadField {
    /// Every field, in the order the form shows them.
    pub const ALL: [LeadField; 7] = [
        LeadField::Name,
        LeadField::Email,
        LeadField::Company,
        LeadField::Phone,
        LeadField::Country,
        LeadField::PartnerType,
        LeadField::Message,
    ];

    /// The field's name in the program format and in the application (`partner_type`).
    pub fn key(self) -> &'static str {
        match self {
            LeadField::Name => "name",
            LeadField::Email => "email",
            LeadField::Company => "company",
            LeadField::Phone => "phone",
            LeadField::Country => "country",
            LeadField::PartnerType => "partner_type",
            LeadField::Message => "message",
        }
    }

    /// The longest answer, in characters.
    pub fn limit(self) -> usize {
        match self {
            LeadField::Email => 254,
            LeadField::Phone => 40,
            LeadField::Message => 2_000,
            LeadField::Name | LeadField::Company | LeadField::Country | LeadField::PartnerType => {
                120
            }
        }
    }
}

/// A field the form asks for, and whether an answer is required.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AskedField {
    /// The field.
    pub field: LeadField,
    /// Whether the form refuses to send without it.
    pub required: bool,
}

/// Where an application goes. Only the program names it: nothing the page's address, a
/// share link or the page's settings carry can change it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LeadDestination {
    /// POST the application as JSON to this `https:` address (or `http://localhost`).
    Webhook(String),
    /// POST it to HubSpot's form-submission endpoint (Forms API v3).
    HubSpot(HubSpotForm),
    /// Open the visitor's mail program with the application as text, to this address.
    Mailto(String),
}

/// A HubSpot form: where its submissions go, and which form field gets each value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HubSpotForm {
    /// The HubSpot account (`portal_id`).
    pub portal_id: String,
    /// The form (`form_guid`).
    pub form_guid: String,
    /// Each value of the application and the HubSpot property it goes to, in order:
    /// [`HUBSPOT_VALUES`] with the program's names in place of the defaults.
    pub properties: Vec<(&'static str, String)>,
}

/// The values an application can give a HubSpot form, and the property each goes to
/// unless the program's `properties` names another.
pub const HUBSPOT_VALUES: [(&str, &str); 15] = [
    ("name", "firstname"),
    ("email", "email"),
    ("company", "company"),
    ("phone", "phone"),
    ("country", "country"),
    ("partner_type", "partner_type"),
    ("message", "message"),
    ("tier", "partner_roi_tier"),
    ("net", "partner_roi_net"),
    ("roi", "partner_roi_roi"),
    ("payback_months", "partner_roi_payback_months"),
    ("npv", "partner_roi_npv"),
    ("share_url", "partner_roi_share_url"),
    ("rep", "partner_roi_rep"),
    ("rep_email", "partner_roi_rep_email"),
];

/// HubSpot's public form-submission endpoint; the portal and the form follow.
pub const HUBSPOT_ENDPOINT: &str = "https://api.hsforms.com/submissions/v3/integration/submit";

impl HubSpotForm {
    /// The address an application is posted to.
    pub fn url(&self) -> String {
        format!("{HUBSPOT_ENDPOINT}/{}/{}", self.portal_id, self.form_guid)
    }
}

/// The program's `lead` section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lead {
    /// The fields the form asks for, in the form's order: the name and the email first.
    pub fields: Vec<AskedField>,
    /// Where the application goes.
    pub destination: LeadDestination,
    /// What the partner agrees to by ticking the box.
    pub consent_text: String,
    /// The vendor's privacy policy, linked beside the box.
    pub privacy_url: String,
}

/// Whether `url` may receive applications: `https:`, or `http:` on this machine (for
/// testing), without spaces or control characters.
pub fn is_lead_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let local = ["http://localhost", "http://127.0.0.1"]
        .iter()
        .any(|origin| {
            lower
                .strip_prefix(origin)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/']))
        });
    let https = lower
        .strip_prefix("https://")
        .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
    (https || local) && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applications_go_to_https_or_this_machine_only() {
        for url in [
            "https://hooks.example.com/partner-roi",
            "HTTPS://hooks.example.com",
            "http://localhost:8080/hook",
            "http://127.0.0.1/hook",
            "http://localhost",
        ] {
            assert!(is_lead_url(url), "{url}");
        }
        for url in [
            "http://hooks.example.com/",
            "http://localhost.example.com/",
            "http://127.0.0.1.example.com/",
            "https://",
            "https:///path",
            "ftp://example.com/",
            "javascript:alert(1)",
            "https://example.com/a b",
            "//example.com/",
        ] {
            assert!(!is_lead_url(url), "{url}");
        }
    }

    #[test]
    fn a_hubspot_form_posts_to_the_v3_endpoint() {
        let form = HubSpotForm {
            portal_id: "1234567".into(),
            form_guid: "0d5e4a6c-0000-4000-8000-00000000abcd".into(),
            properties: Vec::new(),
        };
        assert_eq!(
            form.url(),
            "https://api.hsforms.com/submissions/v3/integration/submit/1234567/0d5e4a6c-0000-4000-8000-00000000abcd"
        );
    }
}
