//! One tier's card: net profit, ROI, payback, NPV, yearly average and its qualification badge.

use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

use crate::engine::outcome::{Qualification, TierProjection};
use crate::engine::{ShownFigures, Tier};
use crate::i18n::Msg;
use crate::ui::format::Formatter;
use crate::ui::texts::{payback_text, program_text, use_texts, Texts};
use crate::ui::tier_color_class;

/// Properties of [`TierCard`].
#[derive(Properties, PartialEq)]
pub struct TierCardProps {
    /// Position of the tier in the program.
    pub index: usize,
    /// The tier's terms and texts.
    pub tier: Tier,
    /// The tier's projection.
    pub figures: TierProjection,
    /// Years projected.
    pub horizon_years: u32,
    /// Why this tier is recommended, when it is.
    pub why_recommended: Option<AttrValue>,
    /// Whether this tier's yearly table is shown.
    pub selected: bool,
    /// Extra net over the recommended tier, for tiers above it.
    pub extra_net: Option<Decimal>,
    /// For a tier the partner's path reaches after year 1: when, and what the path is worth.
    #[prop_or_default]
    pub path_note: Option<AttrValue>,
    /// Name of the recommended tier (for the upgrade line).
    pub recommended_name: Option<AttrValue>,
    /// Conservative and optimistic net, shown under the expected net when present.
    #[prop_or_default]
    pub range: Option<(Decimal, Decimal)>,
    /// Which of ROI, payback and NPV the program shows.
    #[prop_or(ShownFigures::ALL)]
    pub shown: ShownFigures,
    /// Whether the services profit counts in the net (the program's `services_in_net`).
    #[prop_or(true)]
    pub services_in_net: bool,
    /// Number formatting.
    pub formatter: Rc<Formatter>,
    /// Called with `index` when the card is chosen.
    pub on_select: Callback<usize>,
}

/// A tier's results card.
#[function_component(TierCard)]
pub fn tier_card(props: &TierCardProps) -> Html {
    let texts = use_texts();
    let formatter = &props.formatter;
    let figures = &props.figures;
    let index = props.index;
    let on_select = props.on_select.reform(move |_: MouseEvent| index);
    // Never reached within the horizon: what it would take is the headline, and its net
    // only what it would be if the partner reached it.
    let shortfall = unreached_shortfall(&figures.qualification);
    // "Net profit over 3 years", or "… from the program" when the services profit is apart.
    let net_label = match (props.services_in_net, shortfall.is_some()) {
        (true, false) => Msg::NetProfitOver,
        (true, true) => Msg::NetIfReached,
        (false, false) => Msg::NetProgramOver,
        (false, true) => Msg::NetProgramIfReached,
    };
    let payback = payback_text(
        &texts,
        formatter,
        figures.payback_months,
        props.horizon_years,
    );
    let roi = figures
        .roi
        .map_or("—".to_owned(), |roi| formatter.percent(roi));
    html! {
        <article
            class={classes!(
                "tier-card",
                tier_color_class(index),
                props.why_recommended.is_some().then_some("tier-card-recommended"),
                props.selected.then_some("tier-card-selected"),
                figures.net.is_sign_negative().then_some("tier-card-loss"),
            )}
            aria-label={texts.fill(Msg::TierLabel, &[("name", &props.tier.name)])}
        >
            <header class="tier-card-header">
                <h4 class="tier-name">{ program_text(&props.tier.name) }</h4>
                if props.why_recommended.is_some() {
                    <span class="tier-ribbon">{ texts.get(Msg::TierRibbon) }</span>
                }
            </header>
            if let Some(why) = &props.why_recommended {
                <p class="tier-why">{ why }</p>
            }
            { badges(&texts, &figures.qualification, formatter) }
            if let Some(shortfall) = shortfall {
                <p class="tier-unreached">
                    { texts.fill(Msg::NotReached, &[("amount", &formatter.money_whole(shortfall))]) }
                </p>
            }
            <p class={classes!("tier-net", shortfall.is_some().then_some("tier-net-if-reached"))}>
                <span class="tier-net-label">{ texts.plural(net_label, ("years", props.horizon_years.into()), formatter, &[]) }</span>
                { net_value(formatter.money_whole(figures.net)) }
            </p>
            { earnings_split(&texts, figures, props.services_in_net, formatter) }
            if let Some((conservative, optimistic)) = props.range {
                { range_line(&texts, conservative, optimistic, formatter) }
            }
            if let Some(extra) = props.extra_net {
                <p class={classes!("tier-upgrade", extra.is_sign_negative().then_some("tier-upgrade-negative"))}>
                    { upgrade_text(&texts, extra, props.recommended_name.as_deref(), formatter) }
                </p>
            }
            if let Some(note) = &props.path_note {
                <p class="tier-path-note">{ note }</p>
            }
            <dl class="tier-figures">
                if props.shown.roi { <div><dt>{ texts.get(Msg::Roi) }</dt><dd>{ roi }</dd></div> }
                if props.shown.payback { <div><dt>{ texts.get(Msg::Payback) }</dt><dd>{ payback }</dd></div> }
                if props.shown.npv { <div><dt>{ texts.get(Msg::Npv) }</dt><dd>{ formatter.money_whole(figures.npv) }</dd></div> }
                <div><dt>{ texts.get(Msg::PerYear) }</dt><dd>{ formatter.money_whole(figures.yearly_average_net) }</dd></div>
            </dl>
            if let Some(description) = &props.tier.description {
                <p class="tier-description">{ program_text(description) }</p>
            }
            if !props.tier.benefits.is_empty() {
                <ul class="tier-benefits" aria-label={texts.fill(Msg::TierBenefits, &[("tier", &props.tier.name)])}>
                    { for props.tier.benefits.iter().map(|benefit| html! { <li>{ program_text(benefit) }</li> }) }
                </ul>
            }
            <button type="button" class="tier-select" aria-pressed={props.selected.to_string()} onclick={on_select}>
                { texts.get(if props.selected { Msg::ShowingYearByYear } else { Msg::ShowYearByYear }) }
            </button>
        </article>
    }
}

/// How much annual revenue a tier the partner never reaches within the horizon still needs.
fn unreached_shortfall(qualification: &Qualification) -> Option<Decimal> {
    match qualification.qualifies_from_year {
        Some(_) => None,
        None => Some(qualification.revenue_shortfall.unwrap_or_default()),
    }
}

fn badges(texts: &Texts, qualification: &Qualification, formatter: &Formatter) -> Html {
    let revenue = match (
        qualification.qualifies_from_year,
        qualification.revenue_shortfall,
    ) {
        (Some(1), _) => {
            html! { <span class="badge badge-ok">{ texts.get(Msg::BadgeQualifies) }</span> }
        }
        (Some(year), _) => html! {
            <span class="badge badge-later">
                { texts.fill(Msg::BadgeFromYear, &[("year", &formatter.count(Decimal::from(year)))]) }
            </span>
        },
        // Said in the card's headline instead (`unreached_shortfall`).
        (None, _) => Html::default(),
    };
    let staff = qualification.staff_gap;
    html! {
        <p class="tier-badges">
            { revenue }
            if staff > Decimal::ZERO {
                // The model already counts their certification in the costs.
                <span class="badge badge-included">
                    { texts.plural(Msg::BadgeCertifyIncluded, ("count", staff), formatter, &[]) }
                </span>
            }
        </p>
    }
}

/// "Range: $98,000 – $151,000", read out as "Conservative to optimistic: $98,000 to $151,000".
fn range_line(
    texts: &Texts,
    conservative: Decimal,
    optimistic: Decimal,
    formatter: &Formatter,
) -> Html {
    let (low, high) = (
        formatter.money_whole(conservative),
        formatter.money_whole(optimistic),
    );
    html! {
        <p class="tier-range">
            <span aria-hidden="true">{ texts.fill(Msg::Range, &[("low", &low), ("high", &high)]) }</span>
            <span class="visually-hidden">{ texts.fill(Msg::RangeSpoken, &[("low", &low), ("high", &high)]) }</span>
        </p>
    }
}

fn upgrade_text(
    texts: &Texts,
    extra: Decimal,
    recommended: Option<&str>,
    formatter: &Formatter,
) -> String {
    let amount = formatter.money_whole(extra.abs());
    let message = match (extra.is_sign_negative(), recommended.is_some()) {
        (true, true) => Msg::UpgradeLessThan,
        (true, false) => Msg::UpgradeLess,
        (false, true) => Msg::UpgradeMoreThan,
        (false, false) => Msg::UpgradeMore,
    };
    texts.fill(
        message,
        &[
            ("amount", &amount),
            ("tier", recommended.unwrap_or_default()),
        ],
    )
}

/// Where the earnings come from: what the program pays and the partner's own services
/// profit, so that a large net is not mistaken for the program's alone.
fn earnings_split(
    texts: &Texts,
    figures: &TierProjection,
    services_in_net: bool,
    formatter: &Formatter,
) -> Html {
    let services = formatter.money_whole(figures.streams.services);
    html! {
        <p class="tier-split">
            <span class="tier-split-program">
                { texts.get(Msg::FromTheProgram) }{ " " }<strong>{ formatter.money_whole(figures.program_earnings) }</strong>
            </span>
            if services_in_net {
                <span class="tier-split-services">{ texts.get(Msg::YourServices) }{ " " }<strong>{ services }</strong></span>
            } else {
                <span class="tier-split-services">
                    { texts.get(Msg::YourServicesAdd) }{ " " }<strong>{ services }</strong>{ " " }{ texts.get(Msg::NotCounted) }
                </span>
            }
        </p>
    }
}

/// The net amount, at a smaller size when it has many characters (it never wraps).
fn net_value(amount: String) -> Html {
    let long = amount.chars().count() > LONG_AMOUNT_CHARS;
    html! { <span class={classes!("tier-net-value", long.then_some("is-long"))}>{ amount }</span> }
}

/// More characters than "US$ 1,234,567" take the smaller size.
const LONG_AMOUNT_CHARS: usize = 13;
