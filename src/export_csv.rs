//! The per-year breakdown of every tier as CSV (RFC 4180, UTF-8, `.` decimals), built from
//! the result document so every cell equals the engine's exact, rounded figure.

use serde_json::Value;

/// Columns of every row, in order; each is a key of a year in the result document.
const YEAR_COLUMNS: [&str; 17] = [
    "new_clients",
    "active_clients",
    "licence_revenue",
    "referral_revenue",
    "resale",
    "referral",
    "rebate",
    "mdf",
    "services",
    "earnings",
    "program_fee",
    "certification",
    "acquisition",
    "costs",
    "net",
    "cumulative_net",
    "initial_costs",
];

/// The id in the first column of the partner's path's rows.
const PATH_ID: &str = "your-path";

/// CSV text for a result document (`Projection::to_json`): a header row, then for every
/// tier a year-0 row (initial costs) and one row per year; then the same rows for the
/// partner's path (`"journey"`), named "Your path: <that year's tier>".
pub fn result_csv(result: &Value) -> String {
    let mut lines = vec![format!("tier_id,tier_name,year,{}", YEAR_COLUMNS.join(","))];
    let tiers = result["tiers"].as_array().map_or(&[][..], Vec::as_slice);
    for tier in tiers {
        let id = text_cell(tier["id"].as_str().unwrap_or_default());
        let name = text_cell(tier["name"].as_str().unwrap_or_default());
        push_rows(&mut lines, tier, |_| (id.clone(), name.clone()));
    }
    let journey = &result["journey"];
    if journey.is_object() {
        let name_of = |tier_id: &Value| {
            tiers
                .iter()
                .find(|tier| tier["id"] == *tier_id)
                .and_then(|tier| tier["name"].as_str())
                .unwrap_or_default()
        };
        let path = journey["path"].as_array().map_or(&[][..], Vec::as_slice);
        push_rows(&mut lines, journey, |year| {
            let tier = path.get(year.saturating_sub(1)).unwrap_or(&Value::Null);
            (
                PATH_ID.to_owned(),
                text_cell(&format!("Your path: {}", name_of(tier))),
            )
        });
    }
    let mut csv = lines.join("\r\n");
    csv.push_str("\r\n");
    csv
}

/// The year-0 row and one row per year of a tier or the path; `label` gives the first two
/// cells of year `n`.
fn push_rows(lines: &mut Vec<String>, figures: &Value, label: impl Fn(usize) -> (String, String)) {
    let initial = figures["initial_costs"].as_str().unwrap_or("0.00");
    let start: Vec<String> = YEAR_COLUMNS
        .iter()
        .map(|column| match *column {
            "initial_costs" | "costs" => initial.to_owned(),
            "net" | "cumulative_net" => negated(initial),
            _ => "0.00".to_owned(),
        })
        .collect();
    let (id, name) = label(1);
    lines.push(format!("{id},{name},0,{}", start.join(",")));
    for (index, year) in figures["years"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let cells: Vec<String> = YEAR_COLUMNS
            .iter()
            .map(|column| match *column {
                "initial_costs" => "0.00".to_owned(),
                column => year[column].as_str().unwrap_or_default().to_owned(),
            })
            .collect();
        let (id, name) = label(index + 1);
        lines.push(format!("{id},{name},{},{}", year["year"], cells.join(",")));
    }
}

/// A text cell: quoted when needed, and never read as a formula by spreadsheets.
fn text_cell(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// `-x` for a non-negative decimal string `x` (`"0.00"` stays `"0.00"`).
fn negated(amount: &str) -> String {
    match amount.strip_prefix('-') {
        Some(positive) => positive.to_owned(),
        None if amount.trim_start_matches(['0', '.']).is_empty() => amount.to_owned(),
        None => format!("-{amount}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::default_program::default_program;
    use crate::engine::project;

    #[test]
    fn every_cell_is_the_result_documents_figure() {
        let program = default_program();
        let result = project(&program, &program.default_inputs())
            .unwrap()
            .to_json(&program);
        let csv = result_csv(&result);
        let rows: Vec<Vec<&str>> = csv.lines().map(|line| line.split(',').collect()).collect();
        assert_eq!(rows[0][..3], ["tier_id", "tier_name", "year"]);
        let horizon = result["horizon_years"].as_u64().unwrap() as usize;
        assert_eq!(rows.len(), 1 + (program.tiers.len() + 1) * (horizon + 1));
        for (index, tier) in result["tiers"].as_array().unwrap().iter().enumerate() {
            let start = 1 + index * (horizon + 1);
            assert_eq!(rows[start][0], tier["id"].as_str().unwrap());
            assert_eq!(rows[start][2], "0");
            for (offset, year) in tier["years"].as_array().unwrap().iter().enumerate() {
                let row = &rows[start + 1 + offset];
                for (column, name) in YEAR_COLUMNS.iter().enumerate().take(16) {
                    assert_eq!(row[3 + column], year[*name].as_str().unwrap(), "{name}");
                }
            }
        }
    }

    #[test]
    fn the_path_follows_the_tiers_with_each_years_tier_named() {
        let program = default_program();
        let mut inputs = program.default_inputs();
        inputs.set(crate::engine::InputKey::NewClientsPerYear, 40.into());
        let result = project(&program, &inputs).unwrap().to_json(&program);
        let csv = result_csv(&result);
        let path_rows: Vec<Vec<&str>> = csv
            .lines()
            .filter(|line| line.starts_with("your-path,"))
            .map(|line| line.split(',').collect())
            .collect();
        let journey = &result["journey"];
        let years = journey["years"].as_array().unwrap();
        assert_eq!(path_rows.len(), years.len() + 1);
        assert_eq!(path_rows[0][2], "0");
        for (row, year) in path_rows[1..].iter().zip(years) {
            let tier = program
                .tiers
                .iter()
                .find(|tier| tier.id == year["tier"].as_str().unwrap())
                .unwrap();
            assert_eq!(row[1], format!("Your path: {}", tier.name));
            assert_eq!(row[3 + 13], year["costs"].as_str().unwrap());
        }
        assert_ne!(path_rows[1][1], path_rows[path_rows.len() - 1][1], "{csv}");
    }

    #[test]
    fn year_zero_carries_the_initial_costs() {
        let program = default_program();
        let result = project(&program, &program.default_inputs())
            .unwrap()
            .to_json(&program);
        let csv = result_csv(&result);
        let silver = csv
            .lines()
            .find(|line| line.starts_with("silver,Silver,0,"))
            .unwrap();
        let initial = result["tiers"][1]["initial_costs"].as_str().unwrap();
        assert!(
            silver.ends_with(&format!(",-{initial},-{initial},{initial}")),
            "{silver}"
        );
    }

    #[test]
    fn text_cells_are_quoted_and_defused() {
        assert_eq!(text_cell("Gold"), "Gold");
        assert_eq!(text_cell("Gold, plus"), "\"Gold, plus\"");
        assert_eq!(text_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(text_cell("-1+2"), "'-1+2");
    }

    #[test]
    fn negation_of_decimal_strings() {
        assert_eq!(negated("1200.00"), "-1200.00");
        assert_eq!(negated("0.00"), "0.00");
        assert_eq!(negated("-5.00"), "5.00");
    }
}
