//! The call to action of the tier it applies to: the program's url template filled with the
//! tier's figures, and its label naming the tier.

use rust_decimal::Decimal;

use super::decimal_text::fixed_places;

/// Fills `{tier}`, `{net}` (2 places), `{roi}` (a ratio to 4 places, empty when there is
/// none) and `{program}` in `template`, each percent-encoded; other `{…}` stay as they are.
pub fn fill_cta_url(
    template: &str,
    program_id: &str,
    tier_id: &str,
    net: Decimal,
    roi: Option<Decimal>,
) -> String {
    let net = fixed_places(net, 2);
    let roi = roi.map_or(String::new(), |roi| fixed_places(roi, 4));
    // Encoded values contain no braces, so one replacement cannot create another placeholder.
    [
        ("{tier}", tier_id),
        ("{net}", net.as_str()),
        ("{roi}", roi.as_str()),
        ("{program}", program_id),
    ]
    .into_iter()
    .fold(template.to_owned(), |url, (placeholder, value)| {
        url.replace(placeholder, &percent_encode(value))
    })
}

/// The button's text for `tier_name`: the program's `label` with `{tier_name}` filled in, or,
/// without that placeholder, the label followed by the tier's name ("Apply now – Gold").
pub fn cta_label(label: &str, tier_name: &str) -> String {
    if label.contains(TIER_NAME) {
        label.replace(TIER_NAME, tier_name)
    } else {
        format!("{label} – {tier_name}")
    }
}

/// The placeholder of the tier's name in a call-to-action label.
const TIER_NAME: &str = "{tier_name}";

/// RFC 3986 percent-encoding: unreserved characters kept, every other UTF-8 byte as `%XX`.
pub fn percent_encode(value: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut encoded = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            encoded.push('%');
            encoded.push(char::from(HEX[usize::from(byte >> 4)]));
            encoded.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
    encoded
}

/// The address a person reads and types: `url` without its query and fragment, where a
/// call to action's tracking parameters go (`…/apply?tier=silver&net=338654.39` →
/// `…/apply`).
pub fn readable_address(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readable_address_leaves_out_the_query_and_fragment() {
        let url = fill_cta_url(
            "https://vendor.example/apply/{tier}?tier={tier}&net={net}#form",
            "example",
            "silver",
            Decimal::new(33865439, 2),
            None,
        );
        assert_eq!(
            readable_address(&url),
            "https://vendor.example/apply/silver"
        );
        assert_eq!(
            readable_address("mailto:partners@vendor.example?subject=Silver"),
            "mailto:partners@vendor.example"
        );
        assert_eq!(
            readable_address("https://vendor.example/"),
            "https://vendor.example/"
        );
    }
}
