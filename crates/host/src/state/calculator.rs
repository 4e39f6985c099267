//! [`CalculatorState`] and the [`Action`]s that change it.

use rust_decimal::Decimal;
use std::rc::Rc;

use super::number_entry::{parse_typed_number, typed_text};
use partner_roi_engine::levers::{levers, Lever};
use partner_roi_engine::range::{project_range, ProjectionRange};
use partner_roi_engine::{project, EngineError, InputKey, PartnerInputs, Program, Projection};

/// Why the text in a field is not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    /// The text is not a number.
    NotANumber,
    /// The number lies outside the program's range.
    OutOfRange {
        /// Smallest accepted value.
        min: Decimal,
        /// Largest accepted value.
        max: Decimal,
    },
    /// The input takes whole numbers only.
    NotWhole,
}

/// What moves the profit of one tier, and the figures it was computed for.
#[derive(Debug, Clone, PartialEq)]
pub struct LeverSet {
    /// The [`CalculatorState::revision`] it was computed at.
    pub revision: u64,
    /// The tier it was computed for.
    pub tier: usize,
    /// That tier's net profit at the time: where the levers are centred.
    pub net: Decimal,
    /// The levers, widest spread first, or why they could not be computed.
    pub levers: Result<Vec<Lever>, EngineError>,
}

/// Everything the calculator shows, derived from the program and what the partner typed.
#[derive(Debug, Clone, PartialEq)]
pub struct CalculatorState {
    /// The program being projected.
    pub program: Rc<Program>,
    /// The last valid value of every input.
    pub inputs: PartnerInputs,
    /// The text shown in each input's box, indexed by [`InputKey`].
    pub texts: [String; InputKey::COUNT],
    /// The problem with each box's text, if any.
    pub problems: [Option<FieldProblem>; InputKey::COUNT],
    /// The last projection that could be computed.
    pub projection: Option<Rc<Projection>>,
    /// Its conservative and optimistic variants (the program's spread).
    pub range: Option<Rc<ProjectionRange>>,
    /// Why the projection of the current inputs failed, if it did.
    pub engine_error: Option<EngineError>,
    /// The tier whose yearly table is shown.
    pub selected_tier: usize,
    /// Whether the selected tier was chosen (by the partner, a link or saved figures); until
    /// then it follows the recommendation as the figures change.
    pub tier_chosen: bool,
    /// Whether every input is shown, not only the basic ones.
    pub show_all_inputs: bool,
    /// Whether "What moves your profit" is open.
    pub levers_open: bool,
    /// The levers last computed; stale once [`Self::levers_stale`].
    pub levers: Option<Rc<LeverSet>>,
    /// The locale's decimal separator, for reading and writing the boxes.
    pub decimal_separator: char,
    /// Counts changes of the inputs and of the selected tier, so observers can tell a new
    /// settled state.
    pub revision: u64,
}

/// A change to the calculator.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The partner typed `text` into the box of `key`.
    Type(InputKey, String),
    /// The partner moved the slider of `key` to a value.
    Slide(InputKey, Decimal),
    /// The partner chose a tier (its card was clicked).
    SelectTier(usize),
    /// Show or hide the inputs beyond the basic ones.
    ToggleAllInputs,
    /// Every input back to the program's default.
    ResetInputs,
    /// Replace every input (host page or saved state); values are checked like typed ones.
    ReplaceInputs(Box<PartnerInputs>),
    /// Open or close "What moves your profit"; opening computes the levers when they are
    /// stale and the figures current.
    ToggleLevers,
    /// Compute the levers when the panel is open, they are stale and the figures current
    /// (sent once changes settle, never on each keystroke).
    RefreshLevers,
}

impl CalculatorState {
    /// The state for `program` starting from `inputs`.
    /// `tier_id` selects a tier; without it (or when unknown) the recommended one is selected.
    pub fn new(
        program: Rc<Program>,
        inputs: PartnerInputs,
        tier_id: Option<&str>,
        decimal_separator: char,
    ) -> Self {
        let mut state = Self {
            texts: InputKey::ALL.map(|key| typed_text(inputs.get(key), decimal_separator)),
            problems: Default::default(),
            inputs: program.default_inputs(),
            projection: None,
            range: None,
            engine_error: None,
            selected_tier: 0,
            tier_chosen: false,
            show_all_inputs: false,
            levers_open: false,
            levers: None,
            decimal_separator,
            revision: 0,
            program,
        };
        for key in InputKey::ALL {
            state.accept(key, Some(inputs.get(key)));
        }
        let chosen = tier_id.and_then(|id| state.program.tier_index(id));
        state.tier_chosen = chosen.is_some();
        state.recompute();
        if let Some(chosen) = chosen {
            state.selected_tier = chosen;
        }
        state
    }

    /// The id of the selected tier.
    pub fn selected_tier_id(&self) -> Option<&str> {
        self.program
            .tiers
            .get(self.selected_tier)
            .map(|tier| tier.id.as_str())
    }

    /// The id of the selected tier if it was chosen, `None` while it follows the
    /// recommendation (what links and saved figures keep).
    pub fn chosen_tier_id(&self) -> Option<&str> {
        self.selected_tier_id().filter(|_| self.tier_chosen)
    }

    /// Applies one action, returning the next state.
    pub fn apply(&self, action: Action) -> Self {
        let mut next = self.clone();
        match action {
            Action::Type(key, text) => {
                let value = parse_typed_number(&text, self.decimal_separator);
                next.texts[key.index()] = text;
                next.accept(key, value);
                next.input_changed_from(self);
            }
            Action::Slide(key, value) => {
                next.texts[key.index()] = typed_text(value, self.decimal_separator);
                next.accept(key, Some(value));
                next.input_changed_from(self);
            }
            Action::SelectTier(index) => {
                if index < self.program.tiers.len()
                    && (index, true) != (self.selected_tier, self.tier_chosen)
                {
                    next.selected_tier = index;
                    next.tier_chosen = true;
                    next.revision += 1;
                }
            }
            Action::ToggleAllInputs => next.show_all_inputs = !self.show_all_inputs,
            Action::ResetInputs => {
                return Self {
                    show_all_inputs: self.show_all_inputs,
                    levers_open: self.levers_open,
                    levers: self.levers.clone(),
                    revision: self.revision + 1,
                    ..Self::new(
                        self.program.clone(),
                        self.program.default_inputs(),
                        self.chosen_tier_id(),
                        self.decimal_separator,
                    )
                }
            }
            Action::ReplaceInputs(inputs) => {
                for key in InputKey::ALL {
                    next.texts[key.index()] = typed_text(inputs.get(key), self.decimal_separator);
                    next.accept(key, Some(inputs.get(key)));
                }
                next.input_changed();
            }
            Action::ToggleLevers => {
                next.levers_open = !self.levers_open;
                next.refresh_levers();
            }
            Action::RefreshLevers => next.refresh_levers(),
        }
        next
    }

    /// Whether the shown projection matches what is in every box.
    pub fn is_current(&self) -> bool {
        self.engine_error.is_none() && self.problems.iter().all(Option::is_none)
    }

    /// Whether the levers are missing or were computed for other figures or another tier.
    pub fn levers_stale(&self) -> bool {
        self.levers
            .as_ref()
            .is_none_or(|set| set.revision != self.revision || set.tier != self.selected_tier)
    }

    /// The problem of one field.
    pub fn problem(&self, key: InputKey) -> Option<&FieldProblem> {
        self.problems[key.index()].as_ref()
    }

    /// Stores `value` for `key` when it is valid, else records why not.
    fn accept(&mut self, key: InputKey, value: Option<Decimal>) {
        let problem = match value {
            None => Some(FieldProblem::NotANumber),
            Some(value) => {
                let spec = self.program.input_spec(key);
                if value < spec.min || value > spec.max {
                    Some(FieldProblem::OutOfRange {
                        min: spec.min,
                        max: spec.max,
                    })
                } else if key.unit().is_whole() && !value.fract().is_zero() {
                    Some(FieldProblem::NotWhole)
                } else {
                    self.inputs.set(key, value);
                    None
                }
            }
        };
        self.problems[key.index()] = problem;
    }

    /// [`Self::input_changed`] unless the figures and their problems are what they were in
    /// `before` (`21000` → `21000.`, or a slider step onto the same value): then only the
    /// text changed, and nothing is projected, saved or announced again.
    fn input_changed_from(&mut self, before: &Self) {
        if self.inputs != before.inputs || self.problems != before.problems {
            self.input_changed();
        }
    }

    fn input_changed(&mut self) {
        self.revision += 1;
        if self.problems.iter().all(Option::is_none) {
            self.recompute();
        }
    }

    fn recompute(&mut self) {
        match project(&self.program, &self.inputs) {
            Ok(projection) => {
                self.projection = Some(Rc::new(projection));
                self.range = project_range(&self.program, &self.inputs).ok().map(Rc::new);
                self.engine_error = None;
                if !self.tier_chosen {
                    self.selected_tier = self.recommended_or_first();
                }
            }
            Err(error) => self.engine_error = Some(error),
        }
    }

    /// Computes the levers of the selected tier if the panel is open, they are stale and the
    /// figures current.
    fn refresh_levers(&mut self) {
        if !self.levers_open || !self.is_current() || !self.levers_stale() {
            return;
        }
        let tier = self.selected_tier;
        let Some(net) = self
            .projection
            .as_ref()
            .and_then(|projection| projection.tiers.get(tier))
            .map(|figures| figures.net)
        else {
            return;
        };
        self.levers = Some(Rc::new(LeverSet {
            revision: self.revision,
            tier,
            net,
            levers: levers(&self.program, &self.inputs, tier),
        }));
    }

    fn recommended_or_first(&self) -> usize {
        self.projection
            .as_ref()
            .and_then(|projection| projection.recommended)
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use partner_roi_engine::default_program::default_program;
    use partner_roi_engine::projection::projections_counted;

    fn state() -> CalculatorState {
        let program = Rc::new(default_program());
        let inputs = program.default_inputs();
        CalculatorState::new(program, inputs, None, '.')
    }

    fn net_of_first_tier(state: &CalculatorState) -> Decimal {
        state
            .projection
            .as_ref()
            .map(|p| p.tiers[0].net)
            .unwrap_or_default()
    }

    #[test]
    fn starts_current_with_the_recommended_tier_selected() {
        let state = state();
        assert!(state.is_current());
        let recommended = state.projection.as_ref().and_then(|p| p.recommended);
        assert_eq!(Some(state.selected_tier), recommended);
        assert_eq!(state.texts[InputKey::DealValue.index()], "12000");
    }

    #[test]
    fn typing_a_valid_number_recomputes() {
        let before = state();
        let after = before.apply(Action::Type(InputKey::DealValue, "24,000".into()));
        assert!(after.is_current());
        assert_eq!(after.inputs.get(InputKey::DealValue), Decimal::from(24_000));
        assert_ne!(net_of_first_tier(&after), net_of_first_tier(&before));
        assert_eq!(after.revision, before.revision + 1);
    }

    #[test]
    fn invalid_text_keeps_the_last_projection_and_marks_it_not_current() {
        let before = state();
        let after = before.apply(Action::Type(InputKey::DealValue, "12k".into()));
        assert!(!after.is_current());
        assert_eq!(
            after.problem(InputKey::DealValue),
            Some(&FieldProblem::NotANumber)
        );
        assert_eq!(after.texts[InputKey::DealValue.index()], "12k");
        assert_eq!(after.projection, before.projection);
        assert_eq!(after.inputs, before.inputs);
    }

    #[test]
    fn out_of_range_and_fractional_values_are_problems() {
        let state = state();
        let too_big = state.apply(Action::Type(InputKey::ChurnPct, "80".into()));
        assert_eq!(
            too_big.problem(InputKey::ChurnPct),
            Some(&FieldProblem::OutOfRange {
                min: Decimal::ZERO,
                max: Decimal::from(50)
            })
        );
        let fractional = state.apply(Action::Type(InputKey::ExistingClients, "2.5".into()));
        assert_eq!(
            fractional.problem(InputKey::ExistingClients),
            Some(&FieldProblem::NotWhole)
        );
    }

    #[test]
    fn fixing_the_field_makes_results_current_again() {
        let broken = state().apply(Action::Type(InputKey::DealValue, "".into()));
        let fixed = broken.apply(Action::Type(InputKey::DealValue, "15000".into()));
        assert!(fixed.is_current());
        assert_eq!(fixed.inputs.get(InputKey::DealValue), Decimal::from(15_000));
    }

    #[test]
    fn text_that_keeps_the_value_changes_only_the_text() {
        let before = state().apply(Action::Type(InputKey::DealValue, "21000".into()));
        for text in ["21000.", "21,000", " 21000"] {
            let after = before.apply(Action::Type(InputKey::DealValue, text.into()));
            assert_eq!(after.texts[InputKey::DealValue.index()], text);
            assert_eq!(after.revision, before.revision, "{text:?}");
            assert!(Rc::ptr_eq(
                after.projection.as_ref().unwrap(),
                before.projection.as_ref().unwrap()
            ));
        }
        let slid = before.apply(Action::Slide(InputKey::DealValue, Decimal::from(21_000)));
        assert_eq!(slid.revision, before.revision);
        assert_eq!(slid.texts[InputKey::DealValue.index()], "21000");
    }

    #[test]
    fn fixing_a_field_back_to_its_last_value_is_a_change() {
        let broken = state().apply(Action::Type(InputKey::DealValue, "12k".into()));
        let value = broken.inputs.get(InputKey::DealValue);
        let fixed = broken.apply(Action::Type(InputKey::DealValue, value.to_string()));
        assert!(fixed.is_current());
        assert_eq!(fixed.revision, broken.revision + 1);
    }

    /// The default program's state with `clients` existing clients (its recommendation moves
    /// up with them).
    fn recommended_with(clients: i64) -> Option<usize> {
        let state = state().apply(Action::Type(InputKey::ExistingClients, clients.to_string()));
        state
            .projection
            .as_ref()
            .and_then(|projection| projection.recommended)
    }

    #[test]
    fn the_selected_tier_follows_the_recommendation_until_one_is_chosen() {
        let (few, many) = (recommended_with(10), recommended_with(2000));
        assert_ne!(few, many, "the fixture must move the recommendation");
        let start = state().apply(Action::Type(InputKey::ExistingClients, "10".into()));
        assert!(!start.tier_chosen);
        assert_eq!(Some(start.selected_tier), few);
        assert_eq!(start.chosen_tier_id(), None);
        let grown = start.apply(Action::Type(InputKey::ExistingClients, "2000".into()));
        assert_eq!(Some(grown.selected_tier), many);

        let chosen = grown.apply(Action::SelectTier(0));
        assert_eq!(chosen.chosen_tier_id(), Some("registered"));
        let shrunk = chosen.apply(Action::Type(InputKey::ExistingClients, "10".into()));
        assert_eq!(shrunk.selected_tier, 0, "a chosen tier stays chosen");
        let reset = shrunk.apply(Action::ResetInputs);
        assert_eq!(reset.chosen_tier_id(), Some("registered"));
    }

    #[test]
    fn choosing_the_tier_already_shown_makes_it_chosen() {
        let start = state();
        let chosen = start.apply(Action::SelectTier(start.selected_tier));
        assert!(chosen.tier_chosen);
        assert_eq!(chosen.revision, start.revision + 1);
        let again = chosen.apply(Action::SelectTier(start.selected_tier));
        assert_eq!(again.revision, chosen.revision);
    }

    #[test]
    fn sliding_writes_the_value_into_the_box() {
        let state = state().apply(Action::Slide(InputKey::AdoptionPct, Decimal::new(225, 1)));
        assert_eq!(state.texts[InputKey::AdoptionPct.index()], "22.5");
        assert_eq!(
            state.inputs.get(InputKey::AdoptionPct),
            Decimal::new(225, 1)
        );
    }

    #[test]
    fn comma_locales_read_and_write_commas() {
        let program = Rc::new(default_program());
        let inputs = program.default_inputs();
        let state = CalculatorState::new(program, inputs, None, ',');
        let state = state.apply(Action::Type(InputKey::AdoptionPct, "12,5".into()));
        assert_eq!(
            state.inputs.get(InputKey::AdoptionPct),
            Decimal::new(125, 1)
        );
        let state = state.apply(Action::Slide(InputKey::ChurnPct, Decimal::new(75, 1)));
        assert_eq!(state.texts[InputKey::ChurnPct.index()], "7,5");
    }

    #[test]
    fn selecting_tiers_and_toggling_inputs() {
        let state = state();
        let selected = state.apply(Action::SelectTier(3));
        assert_eq!(selected.selected_tier, 3);
        assert_eq!(selected.selected_tier_id(), Some("platinum"));
        assert_eq!(selected.revision, state.revision + 1);
        assert_eq!(
            state.apply(Action::SelectTier(99)).selected_tier,
            state.selected_tier
        );
        assert!(state.apply(Action::ToggleAllInputs).show_all_inputs);
    }

    #[test]
    fn reset_restores_the_program_defaults_and_clears_problems() {
        let changed = state()
            .apply(Action::Type(InputKey::DealValue, "30000".into()))
            .apply(Action::Type(InputKey::ChurnPct, "x".into()));
        let reset = changed.apply(Action::ResetInputs);
        assert!(reset.is_current());
        assert_eq!(reset.inputs, reset.program.default_inputs());
        assert!(reset.revision > changed.revision);
    }

    #[test]
    fn the_range_runs_from_conservative_below_to_optimistic_above_the_expected_net() {
        let state = state();
        let (projection, range) = (state.projection.unwrap(), state.range.unwrap());
        for (index, tier) in projection.tiers.iter().enumerate() {
            let (conservative, optimistic) = range.net_range(index).unwrap();
            assert!(
                conservative < tier.net,
                "{}: {conservative} < {}",
                tier.tier_id,
                tier.net
            );
            assert!(
                tier.net < optimistic,
                "{}: {} < {optimistic}",
                tier.tier_id,
                tier.net
            );
        }
    }

    #[test]
    fn a_named_tier_starts_selected() {
        let program = Rc::new(default_program());
        let inputs = program.default_inputs();
        let state = CalculatorState::new(program.clone(), inputs.clone(), Some("gold"), '.');
        assert_eq!(state.selected_tier_id(), Some("gold"));
        let unknown = CalculatorState::new(program, inputs, Some("diamond"), '.');
        let recommended = unknown.projection.as_ref().and_then(|p| p.recommended);
        assert_eq!(Some(unknown.selected_tier), recommended);
    }

    #[test]
    fn replaced_inputs_are_checked_like_typed_ones() {
        let before = state();
        let mut inputs = before.inputs.clone();
        inputs.set(InputKey::DealValue, Decimal::MAX);
        inputs.set(InputKey::ExistingClients, Decimal::from(100));
        let after = before.apply(Action::ReplaceInputs(Box::new(inputs)));
        assert!(after.problem(InputKey::DealValue).is_some());
        assert_eq!(
            after.inputs.get(InputKey::ExistingClients),
            Decimal::from(100)
        );
        assert_eq!(after.projection, before.projection);
        assert!(!after.is_current());
    }

    fn lever_set(state: &CalculatorState) -> &LeverSet {
        state.levers.as_deref().expect("levers computed")
    }

    #[test]
    fn levers_are_computed_only_while_open_and_never_when_typing() {
        let closed = state().apply(Action::Type(InputKey::DealValue, "15000".into()));
        assert!(closed.levers.is_none());
        assert!(closed.apply(Action::RefreshLevers).levers.is_none());

        let (projections, open) = projections_counted(|| closed.apply(Action::ToggleLevers));
        assert_eq!(projections, 0, "levers do not recompute the projection");
        assert!(open.levers_open && !open.levers_stale());
        let set = lever_set(&open);
        assert_eq!(
            (set.revision, set.tier),
            (open.revision, open.selected_tier)
        );
        let net = open
            .projection
            .as_ref()
            .map(|p| p.tiers[open.selected_tier].net);
        assert_eq!(Some(set.net), net);
        assert_eq!(set.levers.as_ref().map(Vec::len), Ok(15));

        let typed = open.apply(Action::Type(InputKey::DealValue, "16000".into()));
        assert!(typed.levers_stale());
        assert!(Rc::ptr_eq(
            typed.levers.as_ref().unwrap(),
            open.levers.as_ref().unwrap()
        ));

        let refreshed = typed.apply(Action::RefreshLevers);
        assert!(!refreshed.levers_stale());
        assert_ne!(lever_set(&refreshed), lever_set(&open));
        let again = refreshed.apply(Action::RefreshLevers);
        assert!(Rc::ptr_eq(
            again.levers.as_ref().unwrap(),
            refreshed.levers.as_ref().unwrap()
        ));
    }

    #[test]
    fn lever_actions_leave_the_revision_alone() {
        let state = state();
        let open = state.apply(Action::ToggleLevers);
        let refreshed = open
            .apply(Action::Type(InputKey::ChurnPct, "9".into()))
            .apply(Action::RefreshLevers);
        assert_eq!(open.revision, state.revision);
        assert_eq!(refreshed.revision, state.revision + 1);
        let closed = open.apply(Action::ToggleLevers);
        assert!(!closed.levers_open);
        assert_eq!(closed.revision, state.revision);
    }

    #[test]
    fn levers_wait_for_current_figures_and_follow_the_selected_tier() {
        let broken = state().apply(Action::Type(InputKey::DealValue, "12k".into()));
        let open = broken.apply(Action::ToggleLevers);
        assert!(open.levers_open && open.levers.is_none());
        let fixed = open
            .apply(Action::Type(InputKey::DealValue, "12000".into()))
            .apply(Action::RefreshLevers);
        assert!(!fixed.levers_stale());

        let other = fixed.apply(Action::SelectTier((fixed.selected_tier + 1) % 4));
        assert!(other.levers_stale());
        let refreshed = other.apply(Action::RefreshLevers);
        assert_eq!(lever_set(&refreshed).tier, other.selected_tier);

        let reset = refreshed.apply(Action::ResetInputs);
        assert!(reset.levers_open && reset.levers_stale() && reset.levers.is_some());
    }
}
