//! On the printed handout, where nothing can be clicked: a QR code of the link to these
//! figures, and the call to action's address as a person reads it. It shows only on paper.

use yew::prelude::*;

use crate::i18n::Msg;
use crate::qr_code::qr_path;
use crate::ui::texts::use_texts;

/// Properties of [`HandoutLink`].
#[derive(Properties, PartialEq)]
pub struct HandoutLinkProps {
    /// The link to these figures.
    pub url: AttrValue,
    /// The call to action's label and readable address, if the program has one.
    #[prop_or_default]
    pub next_step: Option<(AttrValue, AttrValue)>,
}

/// "[QR] Apply for Silver: https://vendor.example/apply · Scan to open these figures online".
#[function_component(HandoutLink)]
pub fn handout_link(props: &HandoutLinkProps) -> Html {
    let texts = use_texts();
    let qr = use_memo(props.url.clone(), |url| {
        (!url.is_empty()).then(|| qr_path(url)).flatten()
    });
    let code = qr.as_ref().as_ref().map(|qr| {
        let side = qr.width.to_string();
        html! {
            <svg class="handout-qr" viewBox={format!("0 0 {side} {side}")} role="img"
                aria-label={texts.get(Msg::HandoutScan)} data-url={props.url.clone()}>
                <rect width={side.clone()} height={side} fill="#ffffff" />
                <path d={qr.path.clone()} fill="#000000" />
            </svg>
        }
    });
    html! {
        <div class="handout-link">
            { for code }
            <div class="handout-link-text">
                if let Some((label, address)) = &props.next_step {
                    <p class="cta-address">
                        { texts.fill(Msg::LabelValue, &[("label", label.as_str()), ("value", "")]) }
                        <span class="cta-url">{ address.clone() }</span>
                    </p>
                }
                <p class="handout-scan">{ texts.get(Msg::HandoutScan) }</p>
            </div>
        </div>
    }
}
