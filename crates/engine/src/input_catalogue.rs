//! The seventeen partner inputs: names, units, texts, built-in defaults and absolute limits.

use rust_decimal::Decimal;

use partner_roi_i18n::{Language, Msg};

/// What a partner input measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A whole number of clients.
    Clients,
    /// A whole number of people.
    People,
    /// A percentage (20 means 20%).
    Percent,
    /// An amount in the program's currency.
    Money,
    /// A whole number of years.
    Years,
    /// A whole number of months.
    Months,
}

impl Unit {
    /// Whether values must be whole numbers.
    pub fn is_whole(self) -> bool {
        matches!(
            self,
            Unit::Clients | Unit::People | Unit::Years | Unit::Months
        )
    }
}

/// One partner input of the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum InputKey {
    /// `C`: clients the partner already has.
    ExistingClients,
    /// `a`: % of not-yet-adopted existing clients who adopt each year.
    AdoptionPct,
    /// `W`: new clients won per year.
    NewClientsPerYear,
    /// `V`: average annual license value per client at list price.
    DealValue,
    /// `e`: yearly change of a retained client's license value.
    ExpansionPct,
    /// `c`: % of adopted clients lost each year.
    ChurnPct,
    /// `r`: % of deals the partner resells (the rest are referred).
    ResellPct,
    /// `g`: % of resold deals registered with the vendor.
    RegisteredPct,
    /// `S1`: onboarding services fee per new client.
    OnboardingFee,
    /// `S2`: recurring services revenue per active client per year.
    RecurringServices,
    /// `s`: margin on services revenue.
    ServicesMarginPct,
    /// `K`: cost of acquiring one new client.
    AcquisitionCost,
    /// `k`: certified staff the partner already has.
    CertifiedStaff,
    /// `I0`: the partner's initial investment.
    InitialInvestment,
    /// `H`: projection horizon in years.
    HorizonYears,
    /// `i`: discount rate for NPV.
    DiscountRatePct,
    /// `R`: months until the partner's first deals.
    RampMonths,
}

struct InputInfo {
    name: &'static str,
    unit: Unit,
    label: Msg,
    help: Msg,
    default: i64,
    min: i64,
    max: i64,
}

const MILLION: i64 = 1_000_000;
const BILLION: i64 = 1_000_000_000;

impl InputKey {
    /// How many inputs there are.
    pub const COUNT: usize = 17;

    /// Every input, in the order the model lists them (new inputs go last, so that share
    /// codes keep their order).
    pub const ALL: [InputKey; Self::COUNT] = [
        InputKey::ExistingClients,
        InputKey::AdoptionPct,
        InputKey::NewClientsPerYear,
        InputKey::DealValue,
        InputKey::ExpansionPct,
        InputKey::ChurnPct,
        InputKey::ResellPct,
        InputKey::RegisteredPct,
        InputKey::OnboardingFee,
        InputKey::RecurringServices,
        InputKey::ServicesMarginPct,
        InputKey::AcquisitionCost,
        InputKey::CertifiedStaff,
        InputKey::InitialInvestment,
        InputKey::HorizonYears,
        InputKey::DiscountRatePct,
        InputKey::RampMonths,
    ];

    /// Position in [`InputKey::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The JSON name, e.g. `deal_value`.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// The input named `name`, if any.
    pub fn from_name(name: &str) -> Option<InputKey> {
        Self::ALL.into_iter().find(|key| key.name() == name)
    }

    /// Every JSON name, in order.
    pub fn names() -> [&'static str; Self::COUNT] {
        Self::ALL.map(InputKey::name)
    }

    /// What the input measures.
    pub fn unit(self) -> Unit {
        self.info().unit
    }

    /// Built-in label in English (the language of the console and of tests).
    pub fn label(self) -> &'static str {
        Language::ENGLISH.text(self.info().label)
    }

    /// The catalogue message of its built-in label.
    pub fn label_msg(self) -> Msg {
        self.info().label
    }

    /// The catalogue message of its built-in help.
    pub fn help_msg(self) -> Msg {
        self.info().help
    }

    /// Built-in default value.
    pub fn builtin_default(self) -> Decimal {
        Decimal::from(self.info().default)
    }

    /// Smallest value any program may allow.
    pub fn absolute_min(self) -> Decimal {
        Decimal::from(self.info().min)
    }

    /// Largest value any program may allow.
    pub fn absolute_max(self) -> Decimal {
        Decimal::from(self.info().max)
    }

    fn info(self) -> &'static InputInfo {
        &CATALOGUE[self.index()]
    }
}

const CATALOGUE: [InputInfo; InputKey::COUNT] = [
    InputInfo {
        name: "existing_clients",
        unit: Unit::Clients,
        label: Msg::InputExistingClients,
        help: Msg::HelpExistingClients,
        default: 20,
        min: 0,
        max: MILLION,
    },
    InputInfo {
        name: "adoption_pct",
        unit: Unit::Percent,
        label: Msg::InputAdoptionPct,
        help: Msg::HelpAdoptionPct,
        default: 10,
        min: 0,
        max: 100,
    },
    InputInfo {
        name: "new_clients_per_year",
        unit: Unit::Clients,
        label: Msg::InputNewClientsPerYear,
        help: Msg::HelpNewClientsPerYear,
        default: 5,
        min: 0,
        max: MILLION,
    },
    InputInfo {
        name: "deal_value",
        unit: Unit::Money,
        label: Msg::InputDealValue,
        help: Msg::HelpDealValue,
        default: 10_000,
        min: 0,
        max: BILLION,
    },
    InputInfo {
        name: "expansion_pct",
        unit: Unit::Percent,
        label: Msg::InputExpansionPct,
        help: Msg::HelpExpansionPct,
        default: 5,
        min: -100,
        max: 100,
    },
    InputInfo {
        name: "churn_pct",
        unit: Unit::Percent,
        label: Msg::InputChurnPct,
        help: Msg::HelpChurnPct,
        default: 10,
        min: 0,
        max: 100,
    },
    InputInfo {
        name: "resell_pct",
        unit: Unit::Percent,
        label: Msg::InputResellPct,
        help: Msg::HelpResellPct,
        default: 50,
        min: 0,
        max: 100,
    },
    InputInfo {
        name: "registered_pct",
        unit: Unit::Percent,
        label: Msg::InputRegisteredPct,
        help: Msg::HelpRegisteredPct,
        default: 50,
        min: 0,
        max: 100,
    },
    InputInfo {
        name: "onboarding_fee",
        unit: Unit::Money,
        label: Msg::InputOnboardingFee,
        help: Msg::HelpOnboardingFee,
        default: 2_000,
        min: 0,
        max: BILLION,
    },
    InputInfo {
        name: "recurring_services",
        unit: Unit::Money,
        label: Msg::InputRecurringServices,
        help: Msg::HelpRecurringServices,
        default: 1_000,
        min: 0,
        max: BILLION,
    },
    InputInfo {
        name: "services_margin_pct",
        unit: Unit::Percent,
        label: Msg::InputServicesMarginPct,
        help: Msg::HelpServicesMarginPct,
        default: 30,
        min: 0,
        max: 100,
    },
    InputInfo {
        name: "acquisition_cost",
        unit: Unit::Money,
        label: Msg::InputAcquisitionCost,
        help: Msg::HelpAcquisitionCost,
        default: 500,
        min: 0,
        max: BILLION,
    },
    InputInfo {
        name: "certified_staff",
        unit: Unit::People,
        label: Msg::InputCertifiedStaff,
        help: Msg::HelpCertifiedStaff,
        default: 1,
        min: 0,
        max: MILLION,
    },
    InputInfo {
        name: "initial_investment",
        unit: Unit::Money,
        label: Msg::InputInitialInvestment,
        help: Msg::HelpInitialInvestment,
        default: 5_000,
        min: 0,
        max: BILLION,
    },
    InputInfo {
        name: "horizon_years",
        unit: Unit::Years,
        label: Msg::InputHorizonYears,
        help: Msg::HelpHorizonYears,
        default: 3,
        min: 1,
        max: 10,
    },
    InputInfo {
        name: "discount_rate_pct",
        unit: Unit::Percent,
        label: Msg::InputDiscountRatePct,
        help: Msg::HelpDiscountRatePct,
        default: 10,
        min: 0,
        max: 100,
    },
    InputInfo {
        name: "ramp_months",
        unit: Unit::Months,
        label: Msg::InputRampMonths,
        help: Msg::HelpRampMonths,
        default: 0,
        min: 0,
        max: 24,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogue_order_matches_the_enum() {
        for (position, key) in InputKey::ALL.into_iter().enumerate() {
            assert_eq!(key.index(), position);
            assert_eq!(InputKey::from_name(key.name()), Some(key));
        }
    }

    #[test]
    fn defaults_lie_within_the_limits() {
        for key in InputKey::ALL {
            assert!(
                key.absolute_min() <= key.builtin_default(),
                "{}",
                key.name()
            );
            assert!(
                key.builtin_default() <= key.absolute_max(),
                "{}",
                key.name()
            );
        }
    }
}
