//! Where a draft can start: the built-in program, an example program, or a blank one.

use serde_json::{json, Value};

use crate::engine::default_program::default_program_json;
use crate::engine::json_text::parse_value;

/// The example programs of `examples/programs/`, by file name.
pub const EXAMPLES: [(&str, &str); 3] = [
    (
        "cloud-services.json",
        include_str!("../../examples/programs/cloud-services.json"),
    ),
    (
        "referral.json",
        include_str!("../../examples/programs/referral.json"),
    ),
    (
        "reseller.json",
        include_str!("../../examples/programs/reseller.json"),
    ),
];

/// A starting point for a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// The widget's built-in "Example Cloud" program.
    BuiltIn,
    /// One of [`EXAMPLES`], by position.
    Example(usize),
    /// A program with one tier and nothing else.
    Blank,
}

impl Start {
    /// Every starting point, in the order the designer offers them.
    pub fn all() -> Vec<Start> {
        let examples = (0..EXAMPLES.len()).map(Start::Example);
        [Start::BuiltIn]
            .into_iter()
            .chain(examples)
            .chain([Start::Blank])
            .collect()
    }

    /// How the designer names it.
    pub fn label(self) -> String {
        match self {
            Start::BuiltIn => "The built-in program (Example Cloud)".to_owned(),
            Start::Example(index) => EXAMPLES
                .get(index)
                .map_or_else(String::new, |(file, _)| format!("Example: {file}")),
            Start::Blank => "A blank program with one tier".to_owned(),
        }
    }

    /// The document it starts with (the shipped files are valid JSON: a test checks); the
    /// built-in program with its texts in every language the designer binary has (all).
    pub fn document(self) -> Value {
        let text = match self {
            Start::BuiltIn => default_program_json(),
            Start::Example(index) => EXAMPLES
                .get(index)
                .map_or_else(String::new, |(_, text)| (*text).to_owned()),
            Start::Blank => String::new(),
        };
        parse_value(&text).unwrap_or_else(|_| blank())
    }
}

fn blank() -> Value {
    json!({
        "version": 1,
        "id": "my-program",
        "name": "My partner program",
        "currency": "USD",
        "tiers": [{ "id": "partner", "name": "Partner" }]
    })
}
