//! The pure engine: program format, partner inputs and the projection.
//!
//! Plain Rust, no web types: it builds and tests natively. Every money figure is a
//! [`rust_decimal::Decimal`], every operation that can overflow is checked.

mod checked;
pub mod decimal_text;
pub mod default_program;
pub mod input_catalogue;
pub mod inputs;
pub mod json_reader;
pub mod program;
pub mod program_parse;
pub mod projection;
pub mod result_json;
pub mod schedule;

pub use input_catalogue::{InputKey, Unit};
pub use inputs::PartnerInputs;
pub use json_reader::FieldError;
pub use program::{Program, Tier, TierTerms};
pub use projection::{project, EngineError, Projection};
