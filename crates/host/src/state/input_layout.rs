//! How the inputs are grouped on screen, and which belong to the basic view.

use partner_roi_engine::InputKey;
use partner_roi_i18n::Msg;

/// A titled group of inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputGroup {
    /// Heading of the group.
    pub title: Msg,
    /// Inputs in display order.
    pub keys: &'static [InputKey],
}

/// Every group, in display order.
pub const INPUT_GROUPS: [InputGroup; 5] = [
    InputGroup {
        title: Msg::GroupClients,
        keys: &[
            InputKey::ExistingClients,
            InputKey::AdoptionPct,
            InputKey::NewClientsPerYear,
            InputKey::DealValue,
        ],
    },
    InputGroup {
        title: Msg::GroupSelling,
        keys: &[InputKey::ResellPct, InputKey::RegisteredPct],
    },
    InputGroup {
        title: Msg::GroupServices,
        keys: &[
            InputKey::OnboardingFee,
            InputKey::RecurringServices,
            InputKey::ServicesMarginPct,
        ],
    },
    InputGroup {
        title: Msg::GroupCosts,
        keys: &[
            InputKey::AcquisitionCost,
            InputKey::CertifiedStaff,
            InputKey::InitialInvestment,
        ],
    },
    InputGroup {
        title: Msg::GroupAssumptions,
        keys: &[
            InputKey::RampMonths,
            InputKey::ExpansionPct,
            InputKey::ChurnPct,
            InputKey::HorizonYears,
            InputKey::DiscountRatePct,
        ],
    },
];

/// Whether `key` is one of the few inputs shown before "More assumptions" is opened.
pub fn is_basic(key: InputKey) -> bool {
    matches!(
        key,
        InputKey::ExistingClients
            | InputKey::AdoptionPct
            | InputKey::NewClientsPerYear
            | InputKey::DealValue
            | InputKey::ResellPct
            | InputKey::CertifiedStaff
            | InputKey::HorizonYears
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_input_appears_in_exactly_one_group() {
        for key in InputKey::ALL {
            let count = INPUT_GROUPS
                .iter()
                .flat_map(|group| group.keys.iter())
                .filter(|candidate| **candidate == key)
                .count();
            assert_eq!(count, 1, "{}", key.name());
        }
    }
}
