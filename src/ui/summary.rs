//! The plain-text summary a salesperson pastes into an email.

use crate::engine::projection::Outcome;
use crate::engine::{InputKey, PartnerInputs, Program, Projection};
use crate::ui::format::Formatter;

/// Inputs, the recommended tier, every tier's net, ROI and payback, and the partner's path
/// through the tiers when it moves between them, as plain text.
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
    let figures_text = |outcome: &Outcome| {
        let roi = outcome
            .roi
            .map_or("n/a".to_owned(), |roi| formatter.percent(roi));
        let payback = match outcome.payback_months {
            Some(months) => format!("{} months", formatter.number(months.round_dp(1))),
            None => format!("not within {} years", projection.horizon_years),
        };
        let shown = program.shown_figures;
        let services = formatter.money_whole(outcome.streams.services);
        let mut text = if program.services_in_net {
            format!(
                "net profit {} (from the program {}, your services {services})",
                formatter.money_whole(outcome.net),
                formatter.money_whole(outcome.program_earnings),
            )
        } else {
            format!(
                "net profit from the program {} (your services add {services})",
                formatter.money_whole(outcome.net),
            )
        };
        if shown.roi {
            text.push_str(&format!(", ROI {roi}"));
        }
        if shown.payback {
            text.push_str(&format!(", payback {payback}"));
        }
        text
    };
    for (tier, figures) in program.tiers.iter().zip(&projection.tiers) {
        lines.push(format!("{}: {}", tier.name, figures_text(figures)));
    }
    let journey = &projection.journey;
    let steps = journey.steps();
    if steps.len() > 1 {
        let name = |index: usize| program.tier_name(index);
        let path: Vec<String> = steps
            .iter()
            .map(|&(tier, year)| match year {
                1 => format!("{} now", name(tier)),
                year => format!("{} from year {year}", name(tier)),
            })
            .collect();
        let extra = journey.extra_net_vs_start_tier;
        let start = name(steps[0].0);
        let comparison = if extra.is_sign_negative() {
            format!(
                "{} less than staying in {start}",
                formatter.money_whole(-extra)
            )
        } else {
            format!(
                "{} more than staying in {start}",
                formatter.money_whole(extra)
            )
        };
        lines.push(String::new());
        lines.push(format!(
            "Your path: {}: {} ({comparison})",
            path.join(" → "),
            figures_text(&journey.outcome)
        ));
    }
    if let Some(disclaimer) = &program.disclaimer {
        lines.push(String::new());
        lines.push(disclaimer.clone());
    }
    lines.join("\n")
}
