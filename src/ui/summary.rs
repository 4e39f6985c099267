//! The plain-text summary a salesperson pastes into an email.

use crate::engine::{InputKey, PartnerInputs, Program, Projection};
use crate::ui::format::Formatter;

/// Inputs, the recommended tier, and every tier's net, ROI and payback, as plain text.
pub fn summary_text(
    program: &Program,
    inputs: &PartnerInputs,
    projection: &Projection,
    formatter: &Formatter,
) -> String {
    let mut lines = vec![
        format!(
            "{} — partner ROI projection over {} years",
            program.name, projection.horizon_years
        ),
        String::new(),
        "Your figures:".to_owned(),
    ];
    for key in InputKey::ALL
        .into_iter()
        .filter(|key| !program.input_spec(*key).hidden)
    {
        let shown = formatter.input_value(key.unit(), inputs.get(key));
        lines.push(format!("- {}: {shown}", program.input_label(key)));
    }
    lines.push(String::new());
    let recommended = projection
        .recommended
        .and_then(|index| program.tiers.get(index));
    lines.push(match recommended {
        Some(tier) => format!("Recommended tier: {}", tier.name),
        None => "Recommended tier: none qualifies in year 1".to_owned(),
    });
    lines.push(String::new());
    for (tier, figures) in program.tiers.iter().zip(&projection.tiers) {
        let roi = figures
            .roi
            .map_or("n/a".to_owned(), |roi| formatter.percent(roi));
        let payback = match figures.payback_months {
            Some(months) => format!("{} months", formatter.number(months.round_dp(1))),
            None => format!("not within {} years", projection.horizon_years),
        };
        lines.push(format!(
            "{}: net profit {}, ROI {roi}, payback {payback}",
            tier.name,
            formatter.money_whole(figures.net)
        ));
    }
    if let Some(disclaimer) = &program.disclaimer {
        lines.push(String::new());
        lines.push(disclaimer.clone());
    }
    lines.join("\n")
}
