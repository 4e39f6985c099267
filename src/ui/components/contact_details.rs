//! The program's contact: who a partner asks, on screen under the call to action and at the
//! end of the printed handout, where every address is readable as text.

use yew::prelude::*;

use crate::engine::Contact;
use crate::i18n::Msg;
use crate::ui::texts::{program_text, use_texts};

/// Properties of [`ContactDetails`].
#[derive(Properties, PartialEq)]
pub struct ContactDetailsProps {
    /// The program's contact.
    pub contact: Contact,
}

/// "Questions? Partner team · partners@example.com · +1 555 0100 · https://…".
#[function_component(ContactDetails)]
pub fn contact_details(props: &ContactDetailsProps) -> Html {
    let texts = use_texts();
    let contact = &props.contact;
    // A tel: link keeps only what dials: digits and a leading +.
    let dial = |phone: &str| {
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        let plus = if phone.trim_start().starts_with('+') {
            "+"
        } else {
            ""
        };
        format!("tel:{plus}{digits}") // not text: a URL
    };
    html! {
        <address class="contact">
            <span class="contact-title">{ texts.get(Msg::ContactTitle) }</span>
            if let Some(name) = &contact.name {
                <span class="contact-name">{ program_text(name) }</span>
            }
            if let Some(email) = &contact.email {
                <a class="contact-email" href={format!("mailto:{email}")}>{ email }</a> // not text: a URL
            }
            if let Some(phone) = &contact.phone {
                <a class="contact-phone" href={dial(phone)}>{ phone }</a>
            }
            if let Some(url) = &contact.url {
                <a class="contact-url" href={url.clone()} target="_blank" rel="noopener noreferrer">{ url }</a>
            }
        </address>
    }
}
