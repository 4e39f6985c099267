//! The plain-text summary a salesperson pastes into an email, in the widget's language.

#![cfg(target_arch = "wasm32")]

use crate::engine::outcome::Outcome;
use crate::engine::{InputKey, PartnerInputs, Program, Projection};
use crate::i18n::Msg;
use crate::ui::format::Formatter;
use crate::ui::texts::{payback_text, Texts};

/// Inputs, the recommended tier, every tier's net, ROI and payback, and the partner's path
/// through the tiers when it moves between them, as plain text.
pub fn summary_text(
    program: &Program,
    inputs: &PartnerInputs,
    projection: &Projection,
    formatter: &Formatter,
    texts: &Texts,
) -> String {
    let years = projection.horizon_years;
    let mut lines = vec![
        texts.plural(
            Msg::SummaryTitle,
            ("years", years.into()),
            formatter,
            &[("program", &program.name)],
        ),
        String::new(),
        texts.get(Msg::SummaryYourFigures).to_owned(),
    ];
    for key in InputKey::ALL
        .into_iter()
        .filter(|key| !program.input_spec(*key).hidden)
    {
        let shown = formatter.input_value(key.unit(), inputs.get(key));
        let label = program.input_label_in(key, texts.language());
        lines.push(texts.fill(
            Msg::SummaryInputLine,
            &[("label", label), ("value", &shown)],
        ));
    }
    lines.push(String::new());
    let recommended = projection
        .recommended
        .and_then(|index| program.tiers.get(index));
    lines.push(match recommended {
        Some(tier) => texts.fill(Msg::SummaryRecommended, &[("tier", &tier.name)]),
        None => texts.get(Msg::SummaryRecommendedNone).to_owned(),
    });
    lines.push(String::new());
    let figures_text = |outcome: &Outcome| {
        let services = formatter.money_whole(outcome.streams.services);
        let net = formatter.money_whole(outcome.net);
        let mut parts = vec![if program.services_in_net {
            let from_program = formatter.money_whole(outcome.program_earnings);
            texts.fill(
                Msg::SummaryNet,
                &[
                    ("net", &net),
                    ("program", &from_program),
                    ("services", &services),
                ],
            )
        } else {
            texts.fill(
                Msg::SummaryNetProgram,
                &[("net", &net), ("services", &services)],
            )
        }];
        let shown = program.shown_figures;
        if shown.roi {
            let roi = outcome.roi.map_or_else(
                || texts.get(Msg::SummaryNotAvailable).to_owned(),
                |roi| formatter.percent(roi),
            );
            parts.push(texts.fill(Msg::SummaryRoi, &[("roi", &roi)]));
        }
        if shown.payback {
            let payback = payback_text(texts, formatter, outcome.payback_months, years);
            parts.push(texts.fill(Msg::SummaryPayback, &[("payback", &payback)]));
        }
        texts.list(&parts)
    };
    for (tier, figures) in program.tiers.iter().zip(&projection.tiers) {
        let figures = figures_text(figures);
        lines.push(texts.fill(
            Msg::LabelValue,
            &[("label", &tier.name), ("value", &figures)],
        ));
    }
    let journey = &projection.journey;
    let steps = journey.steps();
    if steps.len() > 1 {
        let name = |index: usize| program.tier_name(index);
        let path = steps.iter().map(|&(tier, year)| match year {
            1 => texts.fill(Msg::SummaryStepNow, &[("tier", name(tier))]),
            year => texts.fill(
                Msg::SummaryStepFrom,
                &[
                    ("tier", name(tier)),
                    ("year", &formatter.number(year.into())),
                ],
            ),
        });
        let path = texts.chained(Msg::PathNextStep, path);
        let extra = journey.extra_net_vs_start_tier;
        let start = name(steps[0].0);
        let comparison = if extra.is_sign_negative() {
            let amount = formatter.money_whole(-extra);
            texts.fill(Msg::PathWorthLess, &[("amount", &amount), ("tier", start)])
        } else {
            let amount = formatter.money_whole(extra);
            texts.fill(Msg::PathWorthMore, &[("amount", &amount), ("tier", start)])
        };
        lines.push(String::new());
        lines.push(texts.fill(
            Msg::SummaryPath,
            &[
                ("steps", &path),
                ("figures", &figures_text(&journey.outcome)),
                ("comparison", &comparison),
            ],
        ));
    }
    if let Some(disclaimer) = &program.disclaimer {
        lines.push(String::new());
        lines.push(disclaimer.clone());
    }
    lines.join("\n")
}
