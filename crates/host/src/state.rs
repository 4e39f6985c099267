//! The calculator's state and every way it changes, as a pure reducer.
//!
//! No web types: the Yew layer wraps [`CalculatorState`] in `use_reducer`, and native
//! unit tests drive it directly.

pub mod calculator;
pub mod input_layout;
pub mod number_entry;

pub use calculator::{Action, CalculatorState, FieldProblem};
