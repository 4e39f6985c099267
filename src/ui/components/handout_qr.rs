//! On the printed handout, beside the program's name: a QR code of the link to these
//! figures, for a phone to open them. It shows only on paper.

use yew::prelude::*;

use crate::i18n::Msg;
use crate::qr_code::qr_path;
use crate::ui::texts::use_texts;

/// Properties of [`HandoutQr`].
#[derive(Properties, PartialEq)]
pub struct HandoutQrProps {
    /// The link to these figures; empty for none.
    pub url: AttrValue,
}

/// "[QR] Scan to open these figures online".
#[function_component(HandoutQr)]
pub fn handout_qr(props: &HandoutQrProps) -> Html {
    let texts = use_texts();
    let qr = use_memo(props.url.clone(), |url| {
        (!url.is_empty()).then(|| qr_path(url)).flatten()
    });
    let Some(qr) = qr.as_ref() else {
        return Html::default();
    };
    let side = qr.width.to_string();
    let view_box = format!("0 0 {side} {side}"); // not text
    html! {
        <div class="handout-link">
            <svg class="handout-qr" viewBox={view_box} role="img"
                aria-label={texts.get(Msg::HandoutScan)} data-url={props.url.clone()}>
                <rect width={side.clone()} height={side} fill="#ffffff" />
                <path d={qr.path.clone()} fill="#000000" />
            </svg>
            <p class="handout-scan">{ texts.get(Msg::HandoutScan) }</p>
        </div>
    }
}
