//! One component per file.

#![cfg(target_arch = "wasm32")]

pub mod answer_bar;
pub mod application_form;
pub mod apply_section;
pub mod assumptions;
pub mod call_to_action;
pub mod contact_details;
pub mod cumulative_chart;
pub mod deferred;
pub mod earnings_chart;
pub mod handout_meta;
pub mod handout_qr;
pub mod input_field;
pub mod input_panel;
pub mod levers_panel;
pub mod live_summary;
pub mod notices;
pub mod path_strip;
pub mod program_file;
pub mod program_header;
pub mod results_panel;
pub mod tier_card;
pub mod tier_cards;
pub mod toolbar;
pub mod year_table;
