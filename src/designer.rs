//! The program designer's plain-Rust half (its page is `src/bin/designer/`): the draft
//! document and its reducer, the format's fields as the designer shows them, the file it
//! writes, starting points, prospect profiles and what it publishes. It validates with the
//! engine's own reader, `Program::from_json`: there is no second copy of the rules.

pub mod canonical_json;
pub mod designer_state;
pub mod field_path;
pub mod profiles;
pub mod publish;
pub mod schema;
pub mod starts;
