//! The tier-independent part of the model: clients, license revenue and the partner's own
//! figures month by month and year by year (`docs/model.md`, sections 3 to 5), computed once
//! per projection and shared by every tier and the path.
//!
//! Monthly figures are kept as multiples that make them exact products of the inputs: a
//! month's client counts as 12 × their value (a month brings a twelfth of a year's clients)
//! and its money as 144 × its value (a twelfth of those clients, paying a twelfth of a
//! year's license). Only what a year shows is divided back, once per figure.

use rust_decimal::Decimal;

use super::checked::{add, add_scaled, div, fraction, mul, mul_scaled, sub, sub_scaled, Calc};
use super::error::EngineError;
use super::input_catalogue::InputKey;
use super::inputs::PartnerInputs;

/// What a month's money figures are multiplied by in a [`ScheduleMonth`].
pub const MONTH_MONEY_SCALE: Decimal = Decimal::from_parts(144, 0, 0, false, 0);
/// What a month's client counts are multiplied by in a [`ScheduleMonth`].
pub const MONTH_CLIENT_SCALE: Decimal = Decimal::from_parts(12, 0, 0, false, 0);

/// One month of the schedule, its figures scaled by [`MONTH_CLIENT_SCALE`] and
/// [`MONTH_MONEY_SCALE`]. Its services profit and acquisition cost follow from its clients
/// ([`OwnRates`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScheduleMonth {
    /// 12 × `n_k`, the clients won this month: the year's `a·remaining + W` in a month after
    /// the ramp, else zero.
    pub new_clients_x12: Decimal,
    /// 12 × `act_k`, the clients paying this month.
    pub active_clients_x12: Decimal,
    /// 144 × `l_k`, this month's license revenue over all cohorts.
    pub licence_revenue_x144: Decimal,
}

impl ScheduleMonth {
    /// `n_k`.
    pub fn new_clients(&self) -> Calc {
        div(
            self.new_clients_x12,
            MONTH_CLIENT_SCALE,
            InputKey::NewClientsPerYear,
        )
    }

    /// `act_k`.
    pub fn active_clients(&self) -> Calc {
        div(
            self.active_clients_x12,
            MONTH_CLIENT_SCALE,
            InputKey::NewClientsPerYear,
        )
    }

    /// `l_k`.
    pub fn licence_revenue(&self) -> Calc {
        div(
            self.licence_revenue_x144,
            MONTH_MONEY_SCALE,
            InputKey::DealValue,
        )
    }
}

/// Clients, license revenue and the partner's own figures in one year: the sums of its
/// months (its active clients: those of its last month).
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduleYear {
    /// Year number, from 1.
    pub year: u32,
    /// `N_t`: clients adopting this year (existing clients adopting plus new clients won).
    pub new_clients: Decimal,
    /// Existing clients who have not adopted yet, after this year.
    pub remaining_existing: Decimal,
    /// Clients using the product in the year's last month, over all cohorts.
    pub active_clients: Decimal,
    /// `L_t`: license revenue of all cohorts.
    pub licence_revenue: Decimal,
    /// This year's license revenue of the clients up to each age in years: index `q` sums
    /// the clients in their first `q + 1` years (a client's first 12 months are age 0).
    pub revenue_up_to_age: Vec<Decimal>,
    /// `r·L_t`: the license revenue the partner resells.
    pub resold_revenue: Decimal,
    /// The profit on the partner's own services over the year.
    pub services_profit: Decimal,
    /// `K·N_t`: what winning this year's clients costs.
    pub acquisition: Decimal,
    /// `(1+i)^t`: what this year's figures are divided by for the NPV.
    pub discount_factor: Decimal,
    /// The sums of its months' scaled figures, exact.
    pub scaled: ScaledYear,
}

/// A year's sums of its months' scaled figures (see [`ScheduleMonth`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScaledYear {
    /// 12 × `N_t`.
    pub new_clients_x12: Decimal,
    /// 12 × the clients paying, summed over the year's months.
    pub client_months_x12: Decimal,
    /// 144 × `L_t`.
    pub licence_revenue_x144: Decimal,
}

impl ScheduleYear {
    /// `Lref_t`: license revenue of the clients in their first `referral_years` years
    /// (`None` = all).
    pub fn referral_revenue(&self, referral_years: Option<u32>) -> Decimal {
        match referral_years {
            Some(years) if (years as usize) < self.revenue_up_to_age.len() => years
                .checked_sub(1)
                .and_then(|age| self.revenue_up_to_age.get(age as usize))
                .copied()
                .unwrap_or(Decimal::ZERO),
            _ => self.licence_revenue,
        }
    }
}

/// What the partner's own services and acquisition make of a month's clients, as 144 × the
/// month's money per unit of its scaled client counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OwnRates {
    /// `12·s·S1`, per unit of `12·n_k`: the onboarding profit.
    pub onboarding_profit: Decimal,
    /// `s·S2`, per unit of `12·act_k`: the recurring services profit.
    pub recurring_profit: Decimal,
    /// `12·K`, per unit of `12·n_k`: the acquisition cost.
    pub acquisition_cost: Decimal,
}

impl OwnRates {
    /// 144 × the services profit `s·(S1·n + S2/12·act)` of `12·n` new and `12·act` paying
    /// clients: a month's, or a year's from its sums.
    pub fn services_profit_x144(
        &self,
        new_clients_x12: Decimal,
        active_clients_x12: Decimal,
    ) -> Calc {
        add_scaled(
            mul_scaled(
                self.onboarding_profit,
                new_clients_x12,
                InputKey::OnboardingFee,
            )?,
            mul_scaled(
                self.recurring_profit,
                active_clients_x12,
                InputKey::RecurringServices,
            )?,
            InputKey::RecurringServices,
        )
    }

    /// 144 × `K·n`, what winning `12·n` clients costs.
    pub fn acquisition_x144(&self, new_clients_x12: Decimal) -> Calc {
        mul_scaled(
            self.acquisition_cost,
            new_clients_x12,
            InputKey::AcquisitionCost,
        )
    }
}

/// The whole schedule: every month and every year of the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// Months 1 to 12·H.
    pub months: Vec<ScheduleMonth>,
    /// Years 1 to H.
    pub years: Vec<ScheduleYear>,
    /// `(1−c)·(1+e)`: what a cohort's license revenue is multiplied by at each anniversary.
    pub cohort_change: Decimal,
    /// The partner's own figures per client.
    pub own: OwnRates,
    /// Whether no month's clients or license revenue is negative and no cohort's revenue
    /// changes sign at an anniversary: so a month's license revenue is at least what its
    /// older cohorts bring (true for every input within its allowed range).
    pub never_negative: bool,
}

impl Schedule {
    /// 144 × the license revenue of month `month` (from 1) earned by clients at least
    /// `years` years old, as `cohort_change^years · l_(k − 12·years)`: none before the
    /// first month.
    pub fn older_revenue_x144(&self, month: usize, years: usize) -> Option<Decimal> {
        let earlier = month.checked_sub(12 * years)?.checked_sub(1)?;
        self.months.get(earlier).map(|m| m.licence_revenue_x144)
    }
}

/// The number of months of year `year` after a ramp of `ramp_months`, when deals close.
pub fn selling_months(year: u32, ramp_months: Decimal) -> u32 {
    let first = 12 * (year - 1) + 1;
    (first..first + 12)
        .filter(|&month| Decimal::from(month) > ramp_months)
        .count() as u32
}

/// Computes the schedule for `horizon` years.
pub fn client_schedule(inputs: &PartnerInputs, horizon: u32) -> Result<Schedule, EngineError> {
    let adoption = fraction(inputs.get(InputKey::AdoptionPct));
    let retention = sub(
        Decimal::ONE,
        fraction(inputs.get(InputKey::ChurnPct)),
        InputKey::ChurnPct,
    )?;
    let growth = add(
        Decimal::ONE,
        fraction(inputs.get(InputKey::ExpansionPct)),
        InputKey::ExpansionPct,
    )?;
    let won_per_year = inputs.get(InputKey::NewClientsPerYear);
    let deal_value = inputs.get(InputKey::DealValue);
    let ramp_months = inputs.get(InputKey::RampMonths);
    let resell = fraction(inputs.get(InputKey::ResellPct));
    let services_margin = fraction(inputs.get(InputKey::ServicesMarginPct));
    let discount = add(
        Decimal::ONE,
        fraction(inputs.get(InputKey::DiscountRatePct)),
        InputKey::DiscountRatePct,
    )?;
    // Per unit of 12·n_k and of 12·act_k, 144 × the month's figures:
    // 144·s·S1·n_k = 12·s·S1·(12·n_k), 144·s·(S2/12)·act_k = s·S2·(12·act_k) and
    // 144·K·n_k = 12·K·(12·n_k).
    let own = OwnRates {
        onboarding_profit: mul(
            services_margin,
            mul(
                inputs.get(InputKey::OnboardingFee),
                MONTH_CLIENT_SCALE,
                InputKey::OnboardingFee,
            )?,
            InputKey::OnboardingFee,
        )?,
        recurring_profit: mul(
            services_margin,
            inputs.get(InputKey::RecurringServices),
            InputKey::RecurringServices,
        )?,
        acquisition_cost: mul(
            inputs.get(InputKey::AcquisitionCost),
            MONTH_CLIENT_SCALE,
            InputKey::AcquisitionCost,
        )?,
    };
    // A cohort's revenue changes at each anniversary by its clients' retention and its
    // value's growth.
    let cohort_change = mul(retention, growth, InputKey::ExpansionPct)?;
    let mut never_negative =
        deal_value >= Decimal::ZERO && retention >= Decimal::ZERO && growth >= Decimal::ZERO;

    let month_count = 12 * horizon as usize;
    let mut months: Vec<ScheduleMonth> = Vec::with_capacity(month_count);
    // Clients won in the last 12 months (the cohorts aged 0), as 12 × their number.
    let mut young_clients = Decimal::ZERO;
    let mut remaining = inputs.get(InputKey::ExistingClients);
    let mut discount_factor = Decimal::ONE;
    // This year's license revenue of each age in years, newest first.
    let mut revenue_by_age: Vec<Decimal> = Vec::with_capacity(horizon as usize);
    let mut years = Vec::with_capacity(horizon as usize);
    for year in 1..=horizon {
        let selling = selling_months(year, ramp_months);
        // `a·remaining_(t−1) + W`: a year's clients at the pace of a full year, 12·n_k.
        let yearly_pace = add(
            mul(adoption, remaining, InputKey::ExistingClients)?,
            won_per_year,
            InputKey::NewClientsPerYear,
        )?;
        never_negative &= yearly_pace >= Decimal::ZERO;
        let mut scaled = ScaledYear::default();
        // The year's sum of the clients aged 0 in each month, 12 × their number.
        let mut young_client_months = Decimal::ZERO;
        for month_in_year in 1..=12u32 {
            let index = months.len();
            let new_clients_x12 = if month_in_year > 12 - selling {
                yearly_pace
            } else {
                Decimal::ZERO
            };
            // Sliding sums of the last 12 months' cohorts; one leaves as one arrives.
            young_clients =
                add_scaled(young_clients, new_clients_x12, InputKey::NewClientsPerYear)?;
            let (older_clients, older_revenue) = match index.checked_sub(12) {
                Some(gone) => {
                    let gone = months[gone];
                    young_clients = sub_scaled(
                        young_clients,
                        gone.new_clients_x12,
                        InputKey::NewClientsPerYear,
                    )?;
                    (
                        mul_scaled(gone.active_clients_x12, retention, InputKey::ChurnPct)?,
                        mul_scaled(
                            gone.licence_revenue_x144,
                            cohort_change,
                            InputKey::ExpansionPct,
                        )?,
                    )
                }
                None => (Decimal::ZERO, Decimal::ZERO),
            };
            // `act_k = W_k + (1−c)·act_(k−12)`: the cohorts of the last 12 months in full,
            // the older ones as they were a year ago, after one more anniversary; each of
            // the young clients pays V/12, 144 × which is 12·V per unit of 12·n.
            let month = ScheduleMonth {
                new_clients_x12,
                active_clients_x12: add_scaled(
                    young_clients,
                    older_clients,
                    InputKey::NewClientsPerYear,
                )?,
                licence_revenue_x144: add_scaled(
                    mul_scaled(young_clients, deal_value, InputKey::DealValue)?,
                    older_revenue,
                    InputKey::DealValue,
                )?,
            };
            young_client_months = add_scaled(
                young_client_months,
                young_clients,
                InputKey::NewClientsPerYear,
            )?;
            scaled.client_months_x12 = add_scaled(
                scaled.client_months_x12,
                month.active_clients_x12,
                InputKey::NewClientsPerYear,
            )?;
            scaled.licence_revenue_x144 = add_scaled(
                scaled.licence_revenue_x144,
                month.licence_revenue_x144,
                InputKey::DealValue,
            )?;
            months.push(month);
        }
        let selling = Decimal::from(selling);
        scaled.new_clients_x12 = mul_scaled(yearly_pace, selling, InputKey::NewClientsPerYear)?;
        let new_clients = div(
            scaled.new_clients_x12,
            MONTH_CLIENT_SCALE,
            InputKey::NewClientsPerYear,
        )?;
        // `remaining_t = remaining_(t−1) − ρ_t·a·remaining_(t−1)`.
        let adopting = div(
            mul(
                selling,
                mul(adoption, remaining, InputKey::ExistingClients)?,
                InputKey::ExistingClients,
            )?,
            MONTH_CLIENT_SCALE,
            InputKey::ExistingClients,
        )?;
        remaining = sub(remaining, adopting, InputKey::ExistingClients)?;
        let licence_revenue = to_year(scaled.licence_revenue_x144, InputKey::DealValue)?;
        for revenue in &mut revenue_by_age {
            *revenue = mul(*revenue, cohort_change, InputKey::ExpansionPct)?;
        }
        revenue_by_age.insert(
            0,
            to_year(
                mul_scaled(young_client_months, deal_value, InputKey::DealValue)?,
                InputKey::DealValue,
            )?,
        );
        let mut revenue_up_to_age = Vec::with_capacity(revenue_by_age.len());
        let mut up_to_age = Decimal::ZERO;
        for revenue in &revenue_by_age {
            up_to_age = add(up_to_age, *revenue, InputKey::DealValue)?;
            revenue_up_to_age.push(up_to_age);
        }
        discount_factor = mul(discount_factor, discount, InputKey::DiscountRatePct)?;
        years.push(ScheduleYear {
            year,
            new_clients,
            remaining_existing: remaining,
            active_clients: months
                .last()
                .map_or(Ok(Decimal::ZERO), ScheduleMonth::active_clients)?,
            resold_revenue: mul(resell, licence_revenue, InputKey::DealValue)?,
            services_profit: to_year(
                own.services_profit_x144(scaled.new_clients_x12, scaled.client_months_x12)?,
                InputKey::OnboardingFee,
            )?,
            acquisition: to_year(
                own.acquisition_x144(scaled.new_clients_x12)?,
                InputKey::AcquisitionCost,
            )?,
            discount_factor,
            licence_revenue,
            revenue_up_to_age,
            scaled,
        });
    }
    Ok(Schedule {
        months,
        years,
        cohort_change,
        own,
        never_negative,
    })
}

/// A year's figure from the sum of its months' scaled money figures.
fn to_year(scaled: Decimal, blame: InputKey) -> Calc {
    div(scaled, MONTH_MONEY_SCALE, blame)
}
