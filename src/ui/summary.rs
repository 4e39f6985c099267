//! The plain-text summary a salesperson pastes into an email, in the widget's language.

#![cfg(target_arch = "wasm32")]

use crate::engine::cta::{cta_label, fill_cta_url, readable_address};
use crate::engine::outcome::Outcome;
use crate::engine::{InputKey, PartnerInputs, Program, Projection};
use crate::i18n::Msg;
use crate::ui::format::Formatter;
use crate::ui::texts::{payback_text, Texts};

/// What a copied summary carries besides the figures, as the handout does; nothing for the
/// one an application sends.
#[derive(Debug, Default)]
pub struct Handout<'a> {
    /// "Prepared for", as typed; empty for none.
    pub prepared_for: &'a str,
    /// "Prepared by": the rep's name.
    pub prepared_by: Option<&'a str>,
    /// The tier the call to action names, for its line; `None` for no line.
    pub next_step_tier: Option<usize>,
    /// The link to these figures; empty for none.
    pub link: &'a str,
}

/// Inputs, the recommended tier, every tier's net, ROI and payback, and the partner's path
/// through the tiers when it moves between them, as plain text; with `handout`'s lines.
pub fn summary_text(
    program: &Program,
    inputs: &PartnerInputs,
    projection: &Projection,
    formatter: &Formatter,
    texts: &Texts,
    handout: &Handout,
) -> String {
    let years = projection.horizon_years;
    let mut lines = vec![texts.plural(
        Msg::SummaryTitle,
        ("years", years.into()),
        formatter,
        &[("program", &program.name)],
    )];
    let prepared_for = handout.prepared_for.trim();
    if !prepared_for.is_empty() {
        lines.push(texts.fill(Msg::PreparedFor, &[("name", prepared_for)]));
    }
    if let Some(rep) = handout.prepared_by {
        lines.push(texts.fill(Msg::PreparedBy, &[("name", rep)]));
    }
    lines.push(String::new());
    lines.push(texts.get(Msg::SummaryYourFigures).to_owned());
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
    let next_step = handout.next_step_tier.and_then(|index| {
        let (cta, tier) = (program.cta.as_ref()?, projection.tiers.get(index)?);
        let url = fill_cta_url(&cta.url, &program.id, &tier.tier_id, tier.net, tier.roi);
        let label = cta_label(&cta.label, &tier.tier_name);
        Some(texts.fill(
            Msg::LabelValue,
            &[("label", &label), ("value", readable_address(&url))],
        ))
    });
    let link = (!handout.link.is_empty())
        .then(|| texts.fill(Msg::SummaryFiguresOnline, &[("url", handout.link)]));
    if next_step.is_some() || link.is_some() {
        lines.push(String::new());
        lines.extend(next_step);
        lines.extend(link);
    }
    if let Some(disclaimer) = &program.disclaimer {
        lines.push(String::new());
        lines.push(disclaimer.clone());
    }
    lines.join("\n")
}
