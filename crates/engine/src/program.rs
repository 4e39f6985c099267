//! A vendor's partner program: currency, input ranges and the ordered tiers.
//!
//! Built only by [`crate::program_parse`], which validates everything, so a
//! [`Program`] value is always consistent (at least one tier, unique ids, ranges in order).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde_json::Value;

use super::input_catalogue::InputKey;
use super::inputs::PartnerInputs;
use super::json_reader::{child_path, FieldError, JsonReader};
use super::lead::Lead;
use partner_roi_i18n::{Language, Message, Msg};

/// The default spread of the conservative and optimistic projections: ±25%.
pub const DEFAULT_SPREAD_PCT: Decimal = Decimal::from_parts(25, 0, 0, false, 0);

/// A validated partner program.
#[derive(Debug, Clone, PartialEq)]
pub struct Program {
    /// Stable identifier (saved state, share links).
    pub id: String,
    /// Program name.
    pub name: String,
    /// Vendor name.
    pub vendor: Option<String>,
    /// Short introduction.
    pub description: Option<String>,
    /// ISO 4217 currency code.
    pub currency: String,
    /// BCP 47 locale of the figures for partners who read its language (`en-GB` for English
    /// readers); other languages format as their own unless [`Program::force_locale`].
    /// `None` means the widget language's.
    pub locale: Option<String>,
    /// Whether [`Program::locale`] formats the figures in every language (`force_locale`).
    pub force_locale: bool,
    /// The language the program is written in (BCP 47): the widget speaks it when neither
    /// the element nor the page says which language to use (`language`).
    pub language: Option<String>,
    /// Text shown under the results.
    pub disclaimer: Option<String>,
    /// Default, range and texts of every input, indexed by [`InputKey`].
    pub input_specs: [InputSpec; InputKey::COUNT],
    /// Tiers, lowest first.
    pub tiers: Vec<Tier>,
    /// Spread of the conservative and optimistic projections, in percent (25 means ±25%).
    pub spread_pct: Decimal,
    /// The call-to-action link shown with the results.
    pub cta: Option<CallToAction>,
    /// Which of ROI, payback and NPV the widget shows (all by default).
    pub shown_figures: ShownFigures,
    /// Who a partner asks about the program: on the printout and beside the call to action.
    pub contact: Option<Contact>,
    /// The application form the call to action opens, and where applications go.
    pub lead: Option<Lead>,
    /// The program's public page (`share_url`): where links made away from the web (the
    /// offline file) point, instead of `file://`.
    pub share_url: Option<String>,
    /// Whether the partner's own services profit counts in earnings, and so in the net, ROI,
    /// NPV, payback and recommendation (`services_in_net`, default true). Either way the
    /// cards show it apart from what the program pays.
    pub services_in_net: bool,
    /// The program's own texts in other languages (`translations`), at most one a language;
    /// [`Program::translated`] (`program_translations.rs`) puts them in place.
    pub translations: Vec<(Language, ProgramTexts)>,
}

/// The program's contact (`contact`): at least one of its fields is set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contact {
    /// A person or team.
    pub name: Option<String>,
    /// An email address.
    pub email: Option<String>,
    /// A phone number, as written.
    pub phone: Option<String>,
    /// An `https:` or `http:` page.
    pub url: Option<String>,
}

/// The program's texts in one language; what is absent stays as the program has it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProgramTexts {
    pub(crate) name: Option<String>,
    pub(crate) vendor: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) disclaimer: Option<String>,
    pub(crate) cta_label: Option<String>,
    pub(crate) cta_url: Option<String>,
    pub(crate) contact: Option<Contact>,
    pub(crate) inputs: Vec<(InputKey, InputTexts)>,
    pub(crate) tiers: BTreeMap<String, TierTexts>,
}

/// An input's texts in one language.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct InputTexts {
    pub(crate) label: Option<String>,
    pub(crate) help: Option<String>,
}

/// A tier's texts in one language.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct TierTexts {
    pub(crate) name: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) benefits: Option<Vec<String>>,
}

/// The summary figures a program may hide from partners (`hidden_figures`); the result
/// document and the CSV keep them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShownFigures {
    /// Return on investment.
    pub roi: bool,
    /// Months to payback.
    pub payback: bool,
    /// Net present value.
    pub npv: bool,
}

impl ShownFigures {
    /// Every figure shown.
    pub const ALL: ShownFigures = ShownFigures {
        roi: true,
        payback: true,
        npv: true,
    };
    /// The names `hidden_figures` takes, in the order of the fields.
    pub const NAMES: [&'static str; 3] = ["roi", "payback", "npv"];

    /// These figures with the one named `name` hidden, or `None` for another name.
    pub fn hiding(mut self, name: &str) -> Option<ShownFigures> {
        let field = match Self::NAMES.iter().position(|known| *known == name)? {
            0 => &mut self.roi,
            1 => &mut self.payback,
            _ => &mut self.npv,
        };
        *field = false;
        Some(self)
    }
}

/// A call-to-action link; its url is a template (see [`crate::cta::fill_cta_url`]).
#[derive(Debug, Clone, PartialEq)]
pub struct CallToAction {
    /// Text of the button.
    pub label: String,
    /// An `https:`, `http:` or `mailto:` url, possibly with `{tier}`, `{net}`, `{roi}` and
    /// `{program}` placeholders.
    pub url: String,
}

/// Default, range and display texts of one partner input.
#[derive(Debug, Clone, PartialEq)]
pub struct InputSpec {
    /// Value used until the partner changes it.
    pub default: Decimal,
    /// Smallest accepted value.
    pub min: Decimal,
    /// Largest accepted value.
    pub max: Decimal,
    /// Label replacing the built-in one.
    pub label: Option<String>,
    /// Help text replacing the built-in one.
    pub help: Option<String>,
    /// Whether the input is hidden (its default still applies).
    pub hidden: bool,
}

impl InputSpec {
    /// The built-in spec of `key`: its default and absolute limits.
    pub fn builtin(key: InputKey) -> Self {
        Self {
            default: key.builtin_default(),
            min: key.absolute_min(),
            max: key.absolute_max(),
            label: None,
            help: None,
            hidden: false,
        }
    }
}

/// One tier of the program.
#[derive(Debug, Clone, PartialEq)]
pub struct Tier {
    /// Unique identifier.
    pub id: String,
    /// Name shown on the card.
    pub name: String,
    /// One sentence about the tier.
    pub description: Option<String>,
    /// Benefits listed on the card.
    pub benefits: Vec<String>,
    /// The financial terms and requirements.
    pub terms: TierTerms,
}

/// A tier's financial terms; percents are in percent (20 means 20%).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TierTerms {
    /// `m`: margin on resold license revenue.
    pub resale_margin_pct: Decimal,
    /// `mg`: extra margin on registered resold deals.
    pub registration_bonus_pct: Decimal,
    /// `f`: share of referred license revenue.
    pub referral_share_pct: Decimal,
    /// `yf`: referral fees are paid for each cohort's first `yf` years; `None` = every year.
    pub referral_years: Option<u32>,
    /// `b`: rebate on resold license revenue above the threshold.
    pub rebate_pct: Decimal,
    /// `T`: yearly resold revenue above which the rebate applies.
    pub rebate_threshold: Decimal,
    /// `d`: market development funds as % of license revenue.
    pub mdf_pct: Decimal,
    /// `Dcap`: yearly MDF cap; `None` = no cap.
    pub mdf_cap: Option<Decimal>,
    /// `F`: yearly program fee.
    pub annual_fee: Decimal,
    /// `Q`: yearly cost per certified person.
    pub certification_cost: Decimal,
    /// `J`: one-off cost of joining.
    pub joining_cost: Decimal,
    /// `nc`: certified staff required.
    pub min_certified_staff: Decimal,
    /// `Rmin`: yearly license revenue required.
    pub min_annual_revenue: Decimal,
}

impl Program {
    /// The spec of one input.
    pub fn input_spec(&self, key: InputKey) -> &InputSpec {
        &self.input_specs[key.index()]
    }

    /// Every input at the program's default.
    pub fn default_inputs(&self) -> PartnerInputs {
        PartnerInputs::from_fn(|key| self.input_spec(key).default)
    }

    /// Label of an input: the program's own, else the built-in one in `language`.
    pub fn input_label_in(&self, key: InputKey, language: Language) -> &str {
        let builtin = || language.text(key.label_msg());
        self.input_spec(key)
            .label
            .as_deref()
            .unwrap_or_else(builtin)
    }

    /// `message` with its placeholder `name` filled by the label of `key`: the program's
    /// own, else the built-in one in the language the message is said in.
    pub fn with_input_label(&self, message: Message, name: &'static str, key: InputKey) -> Message {
        match &self.input_spec(key).label {
            Some(label) => message.with(name, label),
            None => message.with_said(name, key.label_msg()),
        }
    }

    /// Checks one value against this program's range for `key`.
    ///
    /// Returns the value, or a message such as `must be between 0 and 50, got 140`.
    pub fn check_input(&self, key: InputKey, value: Decimal) -> Result<Decimal, Message> {
        let spec = self.input_spec(key);
        if value < spec.min || value > spec.max {
            return Err(Msg::ErrorBetween
                .with("min", spec.min.normalize())
                .with("max", spec.max.normalize())
                .with("number", value.normalize()));
        }
        if key.unit().is_whole() && !value.fract().is_zero() {
            return Err(Msg::ErrorWhole.with("number", value.normalize()));
        }
        Ok(value)
    }

    /// Reads an inputs object (`{"deal_value": "12000", …}`) on top of this program's
    /// defaults, each value checked by [`Self::check_input`].
    ///
    /// Lenient: every valid value is taken, every invalid or unknown one is reported
    /// with its path under `path` and left at its default.
    pub fn inputs_from_json(&self, value: &Value, path: &str) -> (PartnerInputs, Vec<FieldError>) {
        let mut inputs = self.default_inputs();
        let mut reader = JsonReader::default();
        if let Some(map) = reader.object(value, path, &InputKey::names()) {
            for key in InputKey::ALL {
                let Some(raw) = map.get(key.name()) else {
                    continue;
                };
                let field_path = child_path(path, key.name());
                if let Some(number) = reader.decimal(raw, &field_path) {
                    match self.check_input(key, number) {
                        Ok(valid) => inputs.set(key, valid),
                        Err(message) => reader.error(field_path, message),
                    }
                }
            }
        }
        (inputs, reader.into_errors())
    }

    /// The name of the tier at `index`; empty when there is none.
    pub fn tier_name(&self, index: usize) -> &str {
        self.tiers.get(index).map_or("", |tier| tier.name.as_str())
    }

    /// Index of the tier with `id`.
    pub fn tier_index(&self, id: &str) -> Option<usize> {
        self.tiers.iter().position(|tier| tier.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::default_program::default_program;
    use serde_json::json;

    #[test]
    fn valid_values_are_taken_and_invalid_ones_reported_at_their_path() {
        let program = default_program();
        let value = json!({"deal_value": "12000.50", "churn_pct": 140, "adoption": 3, "existing_clients": "x"});
        let (inputs, errors) = program.inputs_from_json(&value, "inputs");
        assert_eq!(inputs.get(InputKey::DealValue), Decimal::new(1_200_050, 2));
        let defaults = program.default_inputs();
        assert_eq!(
            inputs.get(InputKey::ChurnPct),
            defaults.get(InputKey::ChurnPct)
        );
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            messages,
            [
                "inputs.adoption: unknown field, did you mean adoption_pct?",
                "inputs.existing_clients: must be a number, got \"x\"",
                "inputs.churn_pct: must be between 0 and 50, got 140",
            ]
        );
    }

    #[test]
    fn inputs_serialize_as_exact_decimal_strings_and_read_back() {
        let program = default_program();
        let mut inputs = program.default_inputs();
        inputs.set(InputKey::DealValue, Decimal::new(1_234_567, 2));
        let json = serde_json::to_value(&inputs).unwrap_or_default();
        assert_eq!(json["deal_value"], json!("12345.67"));
        let (round_trip, errors) = program.inputs_from_json(&json, "");
        assert_eq!(errors, []);
        assert_eq!(round_trip, inputs);
    }
}
