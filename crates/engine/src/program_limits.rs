//! The limits of a program file: its size, the length of every text, how many tiers and
//! benefits, and the ranges of counts and money terms. `program_parse.rs` enforces them with
//! path-precise messages; `docs/program-format.md` lists them (a test keeps the two equal).
//! They keep a widget usable and fast whatever a program holds: a 10 MB description or a
//! 5,000-character tier name is a mistake, reported as one.

use super::json_reader::JsonReader;
use partner_roi_i18n::Msg;

/// The largest program file, in bytes of JSON text.
pub const PROGRAM_BYTES: usize = 256_000;
/// The most tiers a program may have.
pub const TIERS: usize = 8;
/// The most benefits a tier may list.
pub const BENEFITS: usize = 12;
/// The most years a referral share may be paid.
pub const REFERRAL_YEARS: u32 = 10;
/// The largest money term of a tier (fees, costs, thresholds, caps).
pub const MONEY_MAX: i64 = 1_000_000_000_000;
/// The largest count term of a tier (certified staff).
pub const COUNT_MAX: i64 = 1_000_000;

/// The longest text of each kind, in characters: `(where, limit)`.
pub const TEXT_LIMITS: [(TextKind, usize); 19] = [
    (TextKind::ProgramName, 120),
    (TextKind::Vendor, 120),
    (TextKind::Description, 2_000),
    (TextKind::Disclaimer, 4_000),
    (TextKind::TierName, 60),
    (TextKind::TierDescription, 600),
    (TextKind::Benefit, 200),
    (TextKind::InputLabel, 80),
    (TextKind::InputHelp, 400),
    (TextKind::CtaLabel, 60),
    (TextKind::CtaUrl, 2_000),
    (TextKind::ContactName, 120),
    (TextKind::ContactEmail, 254),
    (TextKind::ContactPhone, 40),
    (TextKind::ContactUrl, 2_000),
    (TextKind::Id, 64),
    (TextKind::LeadConsent, 1_000),
    (TextKind::LeadUrl, 2_000),
    (TextKind::ShareUrl, 2_000),
];

/// Each text of a program that has a length limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// `name`.
    ProgramName,
    /// `vendor`.
    Vendor,
    /// `description`.
    Description,
    /// `disclaimer`.
    Disclaimer,
    /// `tiers[i].name`.
    TierName,
    /// `tiers[i].description`.
    TierDescription,
    /// Each of `tiers[i].benefits`.
    Benefit,
    /// `inputs.<name>.label`.
    InputLabel,
    /// `inputs.<name>.help`.
    InputHelp,
    /// `cta.label`.
    CtaLabel,
    /// `cta.url`.
    CtaUrl,
    /// `contact.name`.
    ContactName,
    /// `contact.email`.
    ContactEmail,
    /// `contact.phone`.
    ContactPhone,
    /// `contact.url`.
    ContactUrl,
    /// `id` and `tiers[i].id`.
    Id,
    /// `lead.consent_text`.
    LeadConsent,
    /// `lead.privacy_url` and the destination's address.
    LeadUrl,
    /// `share_url`.
    ShareUrl,
}

impl TextKind {
    /// The longest text of this kind, in characters.
    pub fn limit(self) -> usize {
        TEXT_LIMITS
            .iter()
            .find(|(kind, _)| *kind == self)
            .map_or(0, |(_, limit)| *limit)
    }

    /// How `docs/program-format.md` names the field.
    pub fn field(self) -> &'static str {
        match self {
            TextKind::ProgramName => "name",
            TextKind::Vendor => "vendor",
            TextKind::Description => "description",
            TextKind::Disclaimer => "disclaimer",
            TextKind::TierName => "tiers[].name",
            TextKind::TierDescription => "tiers[].description",
            TextKind::Benefit => "tiers[].benefits[]",
            TextKind::InputLabel => "inputs.<name>.label",
            TextKind::InputHelp => "inputs.<name>.help",
            TextKind::CtaLabel => "cta.label",
            TextKind::CtaUrl => "cta.url",
            TextKind::ContactName => "contact.name",
            TextKind::ContactEmail => "contact.email",
            TextKind::ContactPhone => "contact.phone",
            TextKind::ContactUrl => "contact.url",
            TextKind::Id => "id, tiers[].id",
            TextKind::LeadConsent => "lead.consent_text",
            TextKind::LeadUrl => "lead.privacy_url, lead.destination",
            TextKind::ShareUrl => "share_url",
        }
    }
}

/// `text` if it is within the limit of `kind`; else an error at `path` saying by how much.
pub fn within(reader: &mut JsonReader, path: &str, kind: TextKind, text: String) -> Option<String> {
    let (length, limit) = (text.chars().count(), kind.limit());
    if length > limit {
        reader.error(
            path,
            Msg::ErrorTooLong
                .with("limit", limit)
                .with("length", length),
        );
        return None;
    }
    Some(text)
}
