//! The pure engine: program format, partner inputs and the projection.
//!
//! Plain Rust, no web types: it builds and tests natively. Every money figure is a
//! [`rust_decimal::Decimal`], every operation that can overflow is checked.

mod checked;
pub mod cta;
pub mod decimal_text;
pub mod default_program;
pub mod error;
pub mod input_catalogue;
pub mod inputs;
pub mod journey;
pub mod json_reader;
pub mod json_text;
pub mod lead;
pub mod lead_parse;
pub mod levers;
pub mod monthly;
pub mod outcome;
pub mod program;
pub mod program_limits;
pub mod program_parse;
pub mod program_text_fields;
pub mod program_translations;
pub mod projection;
pub mod range;
pub mod result_document;
pub mod result_json;
pub mod schedule;

pub use cta::fill_cta_url;
pub use error::EngineError;
pub use input_catalogue::{InputKey, Unit};
pub use inputs::PartnerInputs;
pub use journey::Journey;
pub use json_reader::FieldError;
pub use lead::{Lead, LeadDestination, LeadField};
pub use program::{CallToAction, Contact, Program, ShownFigures, Tier, TierTerms};
pub use projection::{project, Projection};
pub use range::{project_range, ProjectionRange};
pub use result_json::{result_json, result_text};
