//! The sales rep who prepared a partner's figures ("Prepared by"): typed in the print panel,
//! carried by the share links and saved figures made from then on, printed on the handout
//! and sent with an application, so that the rep who brought the partner is credited.

use partner_roi_engine::cta::percent_encode;

/// The longest name and email a rep may give, in characters.
pub const REP_NAME_LIMIT: usize = 120;
/// The longest email a rep may give, in characters.
pub const REP_EMAIL_LIMIT: usize = 254;

/// A sales rep: a name, and an email address or nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rep {
    /// The rep's name (never empty).
    pub name: String,
    /// The rep's email, empty for none.
    pub email: String,
}

impl Rep {
    /// The rep typed as `name` and `email`, trimmed and cut to their limits; `None` without
    /// a name.
    pub fn typed(name: &str, email: &str) -> Option<Rep> {
        let cut = |text: &str, limit: usize| text.trim().chars().take(limit).collect::<String>();
        let name = cut(name, REP_NAME_LIMIT);
        (!name.is_empty()).then(|| Rep {
            name,
            email: cut(email, REP_EMAIL_LIMIT),
        })
    }

    /// The rep as a share code's last section: name and email percent-encoded (`~`, which
    /// separates sections, too), a comma between; all fragment-safe.
    pub fn code(&self) -> String {
        let encode = |text: &str| percent_encode(text).replace('~', "%7E");
        [encode(&self.name), encode(&self.email)].join(",")
    }

    /// The rep a share code's last section names; `None` when it is not one.
    pub fn from_code(section: &str) -> Option<Rep> {
        let (name, email) = section.split_once(',').unwrap_or((section, ""));
        Rep::typed(&percent_decode(name)?, &percent_decode(email)?)
    }
}

/// `%XX`-decoded UTF-8 text; `None` for a broken escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = text.get(index + 1..index + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            out.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rep_round_trips_through_its_code_whatever_the_script() {
        for (name, email) in [
            ("Jo Müller", "jo@vendor.example"),
            ("سارة", ""),
            ("田中, 太郎 ~ sales", "tanaka+partners@vendor.example"),
        ] {
            let rep = Rep::typed(name, email).unwrap();
            let code = rep.code();
            assert!(
                code.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.~,%".contains(c))
                    && code.matches(',').count() == 1
                    && !code.contains('~'),
                "{code}"
            );
            assert_eq!(Rep::from_code(&code), Some(rep));
        }
    }

    #[test]
    fn no_name_is_no_rep_and_long_texts_are_cut() {
        assert_eq!(Rep::typed("  ", "jo@vendor.example"), None);
        let rep = Rep::typed(&"n".repeat(200), &"e".repeat(300)).unwrap();
        assert_eq!(
            (rep.name.len(), rep.email.len()),
            (REP_NAME_LIMIT, REP_EMAIL_LIMIT)
        );
        assert_eq!(Rep::from_code("%E2%28"), None, "not UTF-8");
        assert_eq!(Rep::from_code("Jo%2"), None, "a broken escape");
    }
}
