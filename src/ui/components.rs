//! One component per file.

pub mod results_table;
