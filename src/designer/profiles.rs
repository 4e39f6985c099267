//! Prospect profiles: typical partners the vendor checks a program against, to see which
//! tier each would be recommended and what it would earn there.

use rust_decimal::Decimal;

use crate::engine::input_catalogue::InputKey;
use crate::engine::program::Program;
use crate::engine::projection::project;

/// A typical prospective partner: the figures it would type; the rest are the program's
/// defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Profile {
    pub name: &'static str,
    figures: &'static [(InputKey, i64)],
}

/// The profiles the designer offers, smallest first.
pub const PROFILES: [Profile; 3] = [
    Profile {
        name: "Small referral partner",
        figures: &[
            (InputKey::ExistingClients, 15),
            (InputKey::AdoptionPct, 10),
            (InputKey::NewClientsPerYear, 3),
            (InputKey::DealValue, 6_000),
            (InputKey::ResellPct, 0),
            (InputKey::CertifiedStaff, 1),
            (InputKey::InitialInvestment, 2_000),
        ],
    },
    Profile {
        name: "Mid-size reseller",
        figures: &[
            (InputKey::ExistingClients, 80),
            (InputKey::AdoptionPct, 15),
            (InputKey::NewClientsPerYear, 12),
            (InputKey::DealValue, 15_000),
            (InputKey::ResellPct, 80),
            (InputKey::CertifiedStaff, 4),
            (InputKey::InitialInvestment, 10_000),
        ],
    },
    Profile {
        name: "Large MSP",
        figures: &[
            (InputKey::ExistingClients, 400),
            (InputKey::AdoptionPct, 20),
            (InputKey::NewClientsPerYear, 40),
            (InputKey::DealValue, 30_000),
            (InputKey::ResellPct, 90),
            (InputKey::CertifiedStaff, 12),
            (InputKey::InitialInvestment, 50_000),
        ],
    },
];

/// What a profile would see under a program.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileOutcome {
    pub profile: &'static str,
    /// The recommended tier's name; `None` when no tier pays.
    pub tier: Option<String>,
    /// Its net over the horizon.
    pub net: Option<Decimal>,
    /// Why there are no figures (an overflow), in English.
    pub problem: Option<String>,
}

impl Profile {
    /// Its figures under `program`: each within the program's range for that input, and
    /// the program's default for an input partners do not see.
    pub fn inputs_for(&self, program: &Program) -> Vec<(InputKey, Decimal)> {
        self.figures
            .iter()
            .map(|&(key, figure)| {
                let spec = program.input_spec(key);
                let value = if spec.hidden {
                    spec.default
                } else {
                    Decimal::from(figure).clamp(spec.min, spec.max)
                };
                (key, value)
            })
            .collect()
    }

    /// The tier the widget would recommend to this profile, and its net.
    pub fn outcome(&self, program: &Program) -> ProfileOutcome {
        let mut inputs = program.default_inputs();
        for (key, value) in self.inputs_for(program) {
            inputs.set(key, value);
        }
        match project(program, &inputs) {
            Ok(projection) => {
                let tier = projection
                    .recommended
                    .and_then(|index| projection.tiers.get(index));
                ProfileOutcome {
                    profile: self.name,
                    tier: tier.map(|tier| tier.tier_name.clone()),
                    net: tier.map(|tier| tier.net),
                    problem: None,
                }
            }
            Err(error) => ProfileOutcome {
                profile: self.name,
                tier: None,
                net: None,
                problem: Some(error.message_for(program).to_string()),
            },
        }
    }
}
