//! The projection as one CSV file (RFC 4180, UTF-8, `.` decimals, CRLF) that spreadsheets
//! open as it is: what it is of (program, currency, horizon, disclaimer), the partner's
//! inputs, then the per-year breakdown of every tier and of the partner's path, built from
//! the result document so every cell equals the engine's exact, rounded figure. Each block
//! is separated by an empty row; the breakdown's note says which columns add up.

use serde_json::Value;

use crate::engine::{InputKey, PartnerInputs, Program};

/// Columns of every breakdown row, in order; each is a key of a year in the result document.
/// Year 0's `costs` are the tier's initial costs (nothing else happens in year 0).
const YEAR_COLUMNS: [&str; 16] = [
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
];

/// The columns that are not sums of the rows above: a count and a running total.
const RUNNING_COLUMNS: [&str; 2] = ["active_clients", "cumulative_net"];

/// The id in the first column of the partner's path's rows.
const PATH_ID: &str = "your-path";

/// CSV text of `result` (`Projection::to_json` of `program` with `inputs`): the program and
/// the inputs, then for every tier a year-0 row (initial costs) and one row per year, then
/// the same rows for the partner's path (`"journey"`), named "Your path: <that year's tier>".
pub fn result_csv(program: &Program, inputs: &PartnerInputs, result: &Value) -> String {
    let mut lines = vec![
        "Partner ROI projection".to_owned(),
        format!("program,{}", text_cell(&program.name)),
        format!("program_id,{}", text_cell(&program.id)),
        format!("currency,{}", text_cell(&program.currency)),
        format!("horizon_years,{}", result["horizon_years"]),
        // Whether `earnings` (and so `net`) include the `services` column.
        format!("services_in_net,{}", program.services_in_net),
    ];
    if let Some(disclaimer) = &program.disclaimer {
        lines.push(format!("disclaimer,{}", text_cell(disclaimer)));
    }
    lines.push(String::new());
    lines.push("input,value".to_owned());
    for key in InputKey::ALL {
        lines.push(format!("{},{}", key.name(), inputs.get(key)));
    }
    lines.push(String::new());
    let sums: Vec<&str> = YEAR_COLUMNS
        .into_iter()
        .filter(|column| !RUNNING_COLUMNS.contains(column))
        .collect();
    lines.push(text_cell(&format!(
        "Per year. Summed down one tier's rows, {} give its totals (each cell is rounded to \
         cents on its own); {} are running figures. Year 0 holds the initial costs.",
        sums.join(", "),
        RUNNING_COLUMNS.join(" and ")
    )));
    lines.push(format!("tier_id,tier_name,year,{}", YEAR_COLUMNS.join(",")));
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
            "costs" => initial.to_owned(),
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
            .map(|column| year[column].as_str().unwrap_or_default().to_owned())
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
    use rust_decimal::Decimal;
    use std::str::FromStr;

    /// The default program's CSV with `inputs` changed by `change`, and its result.
    fn csv_of(change: impl FnOnce(&mut PartnerInputs)) -> (Program, PartnerInputs, Value, String) {
        let program = default_program();
        let mut inputs = program.default_inputs();
        change(&mut inputs);
        let result = project(&program, &inputs).unwrap().to_json(&program);
        let csv = result_csv(&program, &inputs, &result);
        (program, inputs, result, csv)
    }

    /// The breakdown's rows, from its header on (the default program's names have no commas).
    fn breakdown(csv: &str) -> Vec<Vec<&str>> {
        csv.lines()
            .skip_while(|line| !line.starts_with("tier_id,"))
            .map(|line| line.split(',').collect())
            .collect()
    }

    #[test]
    fn the_file_says_what_it_is_of_and_every_input() {
        let (program, inputs, _, csv) = csv_of(|inputs| {
            inputs.set(InputKey::DealValue, Decimal::new(4321055, 2));
        });
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "Partner ROI projection");
        assert_eq!(lines[1], format!("program,{}", program.name));
        assert_eq!(lines[2], "program_id,example-cloud");
        assert_eq!(lines[3], "currency,USD");
        assert_eq!(lines[5], "services_in_net,true");
        assert!(lines.contains(&"deal_value,43210.55"), "{csv}");
        for key in InputKey::ALL {
            let line = format!("{},{}", key.name(), inputs.get(key));
            assert!(lines.contains(&line.as_str()), "{line}");
        }
        if let Some(disclaimer) = &program.disclaimer {
            assert!(csv.contains(&text_cell(disclaimer)));
        }
        assert!(csv.ends_with("\r\n"));
        let note = lines
            .iter()
            .find(|line| line.starts_with("\"Per year."))
            .unwrap();
        assert!(note.contains("costs, net give its totals"), "{note}");
        assert!(note.contains("Year 0 holds the initial costs"));
        assert!(note.contains("active_clients and cumulative_net are running figures"));
    }

    #[test]
    fn every_cell_is_the_result_documents_figure() {
        let (program, _, result, csv) = csv_of(|_| {});
        let rows = breakdown(&csv);
        assert_eq!(rows[0][..3], ["tier_id", "tier_name", "year"]);
        assert_eq!(rows[0][3..], YEAR_COLUMNS);
        let horizon = result["horizon_years"].as_u64().unwrap() as usize;
        assert_eq!(rows.len(), 1 + (program.tiers.len() + 1) * (horizon + 1));
        for (index, tier) in result["tiers"].as_array().unwrap().iter().enumerate() {
            let start = 1 + index * (horizon + 1);
            assert_eq!(rows[start][0], tier["id"].as_str().unwrap());
            assert_eq!(rows[start][2], "0");
            for (offset, year) in tier["years"].as_array().unwrap().iter().enumerate() {
                let row = &rows[start + 1 + offset];
                for (column, name) in YEAR_COLUMNS.iter().enumerate() {
                    assert_eq!(row[3 + column], year[*name].as_str().unwrap(), "{name}");
                }
            }
        }
    }

    #[test]
    fn summing_a_tiers_rows_counts_its_initial_costs_once() {
        let (_, _, result, csv) = csv_of(|_| {});
        let rows = breakdown(&csv);
        let column = |name: &str| 3 + YEAR_COLUMNS.iter().position(|c| *c == name).unwrap();
        for tier in result["tiers"].as_array().unwrap() {
            let id = tier["id"].as_str().unwrap();
            let sum = |name: &str| -> Decimal {
                rows.iter()
                    .filter(|row| row[0] == id)
                    .map(|row| Decimal::from_str(row[column(name)]).unwrap())
                    .sum()
            };
            // Each cell is rounded on its own: half a cent per row at most.
            let rows_of_tier = Decimal::from(rows.iter().filter(|row| row[0] == id).count());
            let slack = rows_of_tier * Decimal::new(5, 3);
            let net = Decimal::from_str(tier["net"].as_str().unwrap()).unwrap();
            assert!((sum("net") - net).abs() <= slack, "{id}");
            let difference = sum("earnings") - sum("costs") - sum("net");
            assert!(difference.abs() <= slack * Decimal::TWO, "{id}");
        }
    }

    #[test]
    fn the_path_follows_the_tiers_with_each_years_tier_named() {
        let (program, _, result, csv) = csv_of(|inputs| {
            inputs.set(InputKey::NewClientsPerYear, 40.into());
        });
        let path_rows: Vec<Vec<&str>> = breakdown(&csv)
            .into_iter()
            .filter(|row| row[0] == "your-path")
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
    fn year_zero_carries_the_initial_costs_in_costs() {
        let (_, _, result, csv) = csv_of(|_| {});
        let silver = csv
            .lines()
            .find(|line| line.starts_with("silver,Silver,0,"))
            .unwrap();
        let initial = result["tiers"][1]["initial_costs"].as_str().unwrap();
        assert!(
            silver.ends_with(&format!(",{initial},-{initial},-{initial}")),
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
