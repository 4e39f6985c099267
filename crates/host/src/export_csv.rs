//! The projection as one CSV file (RFC 4180, UTF-8, `.` decimals, CRLF) that spreadsheets
//! open as it is: what it is of (program, currency, horizon, disclaimer), the partner's
//! inputs, then the per-year breakdown of every tier and of the partner's path, built from
//! the result document so every cell equals the engine's exact, rounded figure. Each block
//! is separated by an empty row; the breakdown's note says which columns add up.

use rust_decimal::{Decimal, RoundingStrategy};

use partner_roi_engine::decimal_text::fixed_places;
use partner_roi_engine::result_document::{Field, Object, ResultDocument, YearResult};

use partner_roi_engine::{InputKey, PartnerInputs, Program, Unit};
use partner_roi_i18n::{Language, Msg};

/// Columns of every breakdown row, in order: a key of a year in the result document and
/// its heading. Year 0's `costs` are the tier's initial costs (nothing else happens then).
const YEAR_COLUMNS: [(&str, Msg); 16] = [
    ("new_clients", Msg::NewClients),
    ("active_clients", Msg::ActiveClients),
    ("licence_revenue", Msg::LicenceRevenue),
    ("referral_revenue", Msg::ReferralRevenue),
    ("resale", Msg::StreamResale),
    ("referral", Msg::StreamReferral),
    ("rebate", Msg::StreamRebate),
    ("mdf", Msg::StreamMdf),
    ("services", Msg::StreamServices),
    ("earnings", Msg::Earnings),
    ("program_fee", Msg::ProgramFee),
    ("certification", Msg::Certification),
    ("acquisition", Msg::ClientAcquisition),
    ("costs", Msg::Costs),
    ("net", Msg::NetProfit),
    ("cumulative_net", Msg::CumulativeNet),
];

/// The client counts: written to one decimal where not whole, as the year table shows them.
const COUNT_COLUMNS: [&str; 2] = ["new_clients", "active_clients"];

/// The columns that are not sums of the rows above: a count and a running total.
const RUNNING_COLUMNS: [&str; 2] = ["active_clients", "cumulative_net"];

/// The id in the first column of the partner's path's rows.
const PATH_ID: &str = "your-path";

/// CSV text of `document` (the result document of `program` with `inputs`), headed in
/// `language`: the program and the inputs, then for every tier a year-0 row (initial costs)
/// and one row per year, then the same rows for the partner's path (`"journey"`), named
/// "Your path: <that year's tier>". Figures are machine-readable: `.` decimals, no grouping.
pub fn result_csv(
    program: &Program,
    inputs: &PartnerInputs,
    document: &ResultDocument,
    language: Language,
) -> String {
    let say = |msg: Msg| text_cell(language.text(msg));
    let mut lines = vec![
        say(Msg::CsvTitle),
        format!("{},{}", say(Msg::CsvProgram), text_cell(&program.name)),
        format!("{},{}", say(Msg::CsvProgramId), text_cell(&program.id)),
        format!("{},{}", say(Msg::CsvCurrency), text_cell(&program.currency)),
        format!("{},{}", say(Msg::CsvHorizonYears), document.horizon_years),
        // Whether `earnings` (and so `net`) include the `services` column.
        format!("{},{}", say(Msg::CsvServicesInNet), program.services_in_net),
    ];
    if let Some(disclaimer) = &program.disclaimer {
        lines.push(format!(
            "{},{}",
            say(Msg::CsvDisclaimer),
            text_cell(disclaimer)
        ));
    }
    lines.push(String::new());
    lines.push(format!("{},{}", say(Msg::CsvInput), say(Msg::CsvValue)));
    for key in InputKey::ALL {
        let label = program.input_label_in(key, language);
        // A percent's value is written as typed (20 for 20%): its label carries the unit.
        let label = if key.unit() == Unit::Percent {
            format!("{label} (%)")
        } else {
            label.to_owned()
        };
        lines.push(format!("{},{}", text_cell(&label), inputs.get(key)));
    }
    lines.push(String::new());
    let heading = |column: &str| {
        YEAR_COLUMNS
            .iter()
            .find(|(key, _)| *key == column)
            .map_or("", |(_, msg)| language.text(*msg))
    };
    let sums: Vec<&str> = YEAR_COLUMNS
        .iter()
        .filter(|(column, _)| !RUNNING_COLUMNS.contains(column))
        .map(|(_, msg)| language.text(*msg))
        .collect();
    let running: Vec<&str> = RUNNING_COLUMNS
        .iter()
        .map(|column| heading(column))
        .collect();
    lines.push(text_cell(&language.fill(
        Msg::CsvNote,
        &[("sums", &sums.join(", ")), ("running", &running.join(", "))],
    )));
    let headings: Vec<String> = YEAR_COLUMNS.iter().map(|(_, msg)| say(*msg)).collect();
    lines.push(format!(
        "{},{},{},{}",
        say(Msg::CsvTierId),
        say(Msg::CsvTierName),
        say(Msg::CsvYear),
        headings.join(",")
    ));
    for tier in &document.tiers {
        let (id, name) = (text_cell(&tier.id), text_cell(&tier.name));
        push_rows(
            &mut lines,
            tier.totals.initial_costs,
            tier.years.iter(),
            |_| (id.clone(), name.clone()),
        );
    }
    let journey = &document.journey;
    let name_of = |tier_id: Option<&str>| {
        document
            .tiers
            .iter()
            .find(|tier| Some(tier.id.as_str()) == tier_id)
            .map_or("", |tier| tier.name.as_str())
    };
    let years = journey.years.iter().map(|year| &year.figures);
    push_rows(&mut lines, journey.totals.initial_costs, years, |year| {
        let tier = journey.path.get(year.saturating_sub(1)).cloned().flatten();
        let name = language.fill(Msg::CsvPathRow, &[("tier", name_of(tier.as_deref()))]);
        (PATH_ID.to_owned(), text_cell(&name))
    });
    let mut csv = lines.join("\r\n");
    csv.push_str("\r\n");
    csv
}

/// The year-0 row and one row per year of a tier or the path; `label` gives the first two
/// cells of year `n`.
fn push_rows<'a>(
    lines: &mut Vec<String>,
    initial_costs: Decimal,
    years: impl Iterator<Item = &'a YearResult>,
    label: impl Fn(usize) -> (String, String),
) {
    let initial = fixed_places(initial_costs, 2);
    let start: Vec<String> = YEAR_COLUMNS
        .iter()
        .map(|(column, _)| match *column {
            "costs" => initial.clone(),
            "net" | "cumulative_net" => negated(&initial),
            _ => "0.00".to_owned(),
        })
        .collect();
    let (id, name) = label(1);
    lines.push(format!("{id},{name},0,{}", start.join(",")));
    for (index, year) in years.enumerate() {
        let fields = year.fields();
        let cells: Vec<String> = YEAR_COLUMNS
            .iter()
            .map(|(column, _)| {
                let amount = fields.iter().find_map(|(name, field)| match field {
                    Field::Money(amount) if name == column => Some(*amount),
                    _ => None,
                });
                let amount = amount.unwrap_or_default();
                if COUNT_COLUMNS.contains(column) {
                    client_count(amount)
                } else {
                    fixed_places(amount, 2)
                }
            })
            .collect();
        let (id, name) = label(index + 1);
        lines.push(format!("{id},{name},{},{}", year.year, cells.join(",")));
    }
}

/// A client count as the result document has it (`"7.50"`), to one decimal, without a
/// trailing zero: `7.5`, `8`.
fn client_count(count: Decimal) -> String {
    let in_document = count.round_dp_with_strategy(2, RoundingStrategy::MidpointNearestEven);
    let written = fixed_places(in_document, 1);
    written.strip_suffix(".0").unwrap_or(&written).to_owned()
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
    use partner_roi_engine::default_program::default_program;
    use partner_roi_engine::{project, result_json};
    use serde_json::Value;
    use std::str::FromStr;

    /// The default program's CSV with `inputs` changed by `change`, and its result.
    fn csv_of(change: impl FnOnce(&mut PartnerInputs)) -> (Program, PartnerInputs, Value, String) {
        let program = default_program();
        let mut inputs = program.default_inputs();
        change(&mut inputs);
        let projection = project(&program, &inputs).unwrap();
        let result = result_json(&program, &projection, None);
        let document = ResultDocument::new(&program, &projection, None);
        let csv = result_csv(&program, &inputs, &document, Language::ENGLISH);
        (program, inputs, result, csv)
    }

    /// The breakdown's rows, from its header on (the default program's names have no commas).
    fn breakdown(csv: &str) -> Vec<Vec<&str>> {
        csv.lines()
            .skip_while(|line| !line.starts_with("Tier id,"))
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
        assert_eq!(lines[1], format!("Program,{}", program.name));
        assert_eq!(lines[2], "Program id,example-cloud");
        assert_eq!(lines[3], "Currency,USD");
        assert_eq!(lines[5], "Services profit counted in net profit,true");
        assert!(
            lines.contains(&"Yearly license value per client,43210.55"),
            "{csv}"
        );
        for key in InputKey::ALL {
            let unit = if key.unit() == Unit::Percent {
                " (%)"
            } else {
                ""
            };
            let line = format!("{}{unit},{}", key.label(), inputs.get(key));
            assert!(lines.contains(&line.as_str()), "{line}");
        }
        assert!(lines.contains(&"Adoption per year (%),15"), "{csv}");
        if let Some(disclaimer) = &program.disclaimer {
            assert!(csv.contains(&text_cell(disclaimer)));
        }
        assert!(csv.ends_with("\r\n"));
        let note = lines
            .iter()
            .find(|line| line.starts_with("\"Per year."))
            .unwrap();
        assert!(note.contains("Costs, Net profit give its totals"), "{note}");
        assert!(note.contains("Year 0 holds the initial costs"));
        assert!(
            note.contains("Active clients, Cumulative net profit are year-end figures, not sums")
        );
    }

    #[test]
    fn every_cell_is_the_result_documents_figure() {
        let (program, _, result, csv) = csv_of(|_| {});
        let rows = breakdown(&csv);
        assert_eq!(rows[0][..3], ["Tier id", "Tier name", "Year"]);
        assert_eq!(rows[0][3], "New clients");
        assert_eq!(rows[0][17], "Net profit");
        assert_eq!(rows[0].len(), 3 + YEAR_COLUMNS.len());
        let horizon = result["horizon_years"].as_u64().unwrap() as usize;
        assert_eq!(rows.len(), 1 + (program.tiers.len() + 1) * (horizon + 1));
        for (index, tier) in result["tiers"].as_array().unwrap().iter().enumerate() {
            let start = 1 + index * (horizon + 1);
            assert_eq!(rows[start][0], tier["id"].as_str().unwrap());
            assert_eq!(rows[start][2], "0");
            for (offset, year) in tier["years"].as_array().unwrap().iter().enumerate() {
                let row = &rows[start + 1 + offset];
                for (column, (name, _)) in YEAR_COLUMNS.iter().enumerate() {
                    let figure = year[*name].as_str().unwrap();
                    if COUNT_COLUMNS.contains(name) {
                        // To one decimal, as the year table shows clients.
                        let count = Decimal::from_str(figure).unwrap();
                        assert_eq!(
                            Decimal::from_str(row[3 + column]).unwrap(),
                            count.round_dp(1),
                            "{name}"
                        );
                        assert!(
                            !row[3 + column].ends_with(".0"),
                            "{name}: {}",
                            row[3 + column]
                        );
                    } else {
                        assert_eq!(row[3 + column], figure, "{name}");
                    }
                }
            }
        }
    }

    #[test]
    fn client_counts_are_written_to_one_decimal_where_not_whole() {
        let count = |text: &str| client_count(Decimal::from_str(text).unwrap());
        assert_eq!(count("7.50"), "7.5");
        assert_eq!(count("8.00"), "8");
        assert_eq!(count("13.97"), "14");
        assert_eq!(count("10.04"), "10");
        assert_eq!(count("0.25"), "0.2");
        // From the document's figure (0.35), not from the exact count (0.3451 -> 0.3).
        assert_eq!(count("0.3451"), "0.4");
    }

    #[test]
    fn summing_a_tiers_rows_counts_its_initial_costs_once() {
        let (_, _, result, csv) = csv_of(|_| {});
        let rows = breakdown(&csv);
        let column = |name: &str| 3 + YEAR_COLUMNS.iter().position(|c| c.0 == name).unwrap();
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
    fn german_headings_with_the_same_machine_readable_figures() {
        let program = default_program();
        let inputs = program.default_inputs();
        let document = ResultDocument::new(&program, &project(&program, &inputs).unwrap(), None);
        let german = Language::matching("de").unwrap();
        let csv = result_csv(&program, &inputs, &document, german);
        let english = result_csv(&program, &inputs, &document, Language::ENGLISH);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(lines[0], german.text(Msg::CsvTitle));
        assert!(lines[1].starts_with(&format!("{},", german.text(Msg::CsvProgram))));
        let label = german.text(InputKey::DealValue.label_msg());
        assert!(csv.contains(&format!(
            "\r\n{label},{}\r\n",
            inputs.get(InputKey::DealValue)
        )));
        let header = format!(
            "{},{},{},{}",
            german.text(Msg::CsvTierId),
            german.text(Msg::CsvTierName),
            german.text(Msg::CsvYear),
            german.text(Msg::NewClients)
        );
        assert!(csv.contains(&header), "{csv}");
        // The figures are the same cells in both languages.
        let figures = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
                .map(|line| line.split(',').skip(2).collect::<Vec<_>>().join(","))
                .collect()
        };
        assert!(figures(&csv).len() > 10);
        assert_eq!(figures(&csv), figures(&english));
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
