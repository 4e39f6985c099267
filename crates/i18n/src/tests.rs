use super::*;

/// The `{name}` placeholders of `text` (every plural form), sorted, each once.
fn placeholders(text: &str) -> Vec<&str> {
    let mut names: Vec<&str> = text
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

#[test]
fn every_language_has_every_english_message_and_no_other() {
    assert_eq!(UNKNOWN_KEYS, &[] as &[(&str, &str)], "keys English lacks");
    for language in Language::all() {
        let missing: Vec<&str> = Msg::ALL
            .into_iter()
            .filter(|message| language.own_text(*message).is_none())
            .map(Msg::key)
            .collect();
        assert_eq!(
            missing,
            [] as [&str; 0],
            "{} lacks these messages",
            language.tag()
        );
    }
}

#[test]
fn every_translation_has_the_placeholders_of_english() {
    for language in Language::all().skip(1) {
        let tag = language.tag();
        for message in Msg::ALL {
            let (key, ours) = (message.key(), Language::ENGLISH.text(message));
            let Some(theirs) = language.own_text(message) else {
                continue;
            };
            assert_eq!(
                placeholders(theirs),
                placeholders(ours),
                "{tag}: {key}: {theirs:?}"
            );
            assert_eq!(
                theirs.starts_with(codegen::PLURAL_MARK),
                ours.starts_with(codegen::PLURAL_MARK),
                "{tag}: {key}: plural forms in one language only"
            );
            if theirs.starts_with(codegen::PLURAL_MARK) {
                assert!(
                    !plural_form(theirs, "other").is_empty(),
                    "{tag}: {key}: no `other` form"
                );
            }
        }
    }
}

#[test]
fn a_tag_matches_from_region_to_base_language_and_back() {
    let tag = |wanted: &str| Language::matching(wanted).map(Language::tag);
    assert_eq!(tag("de"), Some("de"));
    assert_eq!(tag("de-AT"), Some("de"));
    assert_eq!(tag("DE_ch"), Some("de"));
    assert_eq!(tag("pt"), Some("pt-BR"));
    assert_eq!(tag("pt-PT"), Some("pt-BR"));
    assert_eq!(tag("pt-br"), Some("pt-BR"));
    assert_eq!(tag("en-GB"), Some("en"));
    assert_eq!(tag("ar-EG"), Some("ar"));
    assert_eq!(tag("zh-CN"), None);
    assert_eq!(tag(""), None);
}

#[test]
fn the_lookup_table_has_every_tag_and_base_once_and_agrees_with_matching() {
    let table: Vec<(String, &str)> = Language::lookup_table()
        .into_iter()
        .map(|(key, language)| (key, language.tag()))
        .collect();
    let expected = [
        ("en", "en"),
        ("de", "de"),
        ("fr", "fr"),
        ("es", "es"),
        ("pt-br", "pt-BR"),
        ("pt", "pt-BR"),
        ("ja", "ja"),
        ("ar", "ar"),
    ];
    for (key, tag) in expected {
        assert!(
            table.contains(&(key.to_owned(), tag)),
            "{key} → {tag}: {table:?}"
        );
    }
    assert_eq!(table.len(), expected.len(), "{table:?}");
    for (key, tag) in &table {
        assert_eq!(Language::matching(key).map(Language::tag), Some(*tag));
    }
    assert_eq!(lookup_key(" PT_br "), "pt-br");
}

#[test]
fn the_first_spoken_candidate_wins_with_the_tag_that_matched() {
    let first = Language::first_spoken(["zh", "fr-CA", "de"]);
    assert_eq!(
        first.map(|(language, tag)| (language.tag(), tag)),
        Some(("fr", "fr-CA"))
    );
    assert_eq!(Language::first_spoken(["zh", "ko"]), None);
    assert!(Language::first_spoken(["ar"]).is_some_and(|(language, _)| language.is_rtl()));
    assert!(!Language::ENGLISH.is_rtl());
}

#[test]
fn placeholders_are_filled_by_name_and_unknown_ones_stay() {
    assert_eq!(
        fill_placeholders("{a} and {b}, {c}", &[("a", "1"), ("b", "2")]),
        "1 and 2, {c}"
    );
    assert_eq!(fill_placeholders("no brace {", &[]), "no brace {");
    assert_eq!(placeholders("{b} {a} {b}"), ["a", "b"]);
}

#[test]
fn a_plural_message_picks_its_category_else_other() {
    let text = format!(
        "{m}one{t}{{count}} month{m}other{t}{{count}} months",
        m = codegen::PLURAL_MARK,
        t = codegen::FORM_TEXT
    );
    assert_eq!(plural_form(&text, "one"), "{count} month");
    assert_eq!(plural_form(&text, "few"), "{count} months");
    assert_eq!(plural_form("plain", "one"), "plain");
}

#[test]
fn the_catalogue_reader_names_the_line_of_each_mistake() {
    assert_eq!(
        codegen::parse_catalogue("x.txt", "a = 1\nb: 2"),
        Err("x.txt:2: expected `key = text`".into())
    );
    assert_eq!(
        codegen::parse_catalogue("x.txt", "a = 1\na = 2"),
        Err("x.txt:2: `a` is defined twice".into())
    );
    assert_eq!(
        codegen::parse_catalogue("x.txt", "Big = 1"),
        Err("x.txt:1: key `Big` is not snake_case".into())
    );
    let plural = codegen::parse_catalogue("x.txt", "# c\nm.one = 1 m\nm.other = {n} m").unwrap();
    assert_eq!(plural.len(), 1);
    assert_eq!(plural_form(&plural[0].1, "other"), "{n} m");
}

#[test]
fn right_to_left_each_value_is_isolated() {
    let arabic = Language::matching("ar").unwrap();
    assert_eq!(
        arabic
            .fill(Msg::Range, &[("low", "$1"), ("high", "$2")])
            .matches('\u{2068}')
            .count(),
        2
    );
    assert!(!Language::ENGLISH
        .fill(Msg::Range, &[("low", "$1"), ("high", "$2")])
        .contains('\u{2068}'));
}

#[test]
fn left_to_right_a_value_in_a_right_to_left_script_is_isolated() {
    let filled = Language::ENGLISH.fill(Msg::Range, &[("low", "فضي"), ("high", "Gold")]);
    assert!(filled.contains("\u{2068}فضي\u{2069}"), "{filled:?}");
    assert!(!filled.contains("\u{2068}Gold"), "{filled:?}");
}

#[test]
fn a_catalogue_written_as_text_reads_back_as_the_same_messages() {
    let arabic = Language::matching("ar").unwrap();
    let text = arabic.catalogue_text();
    let read = codegen::parse_catalogue("ar", &text).unwrap();
    assert_eq!(read.len(), KEYS.len());
    for ((key, read), message) in read.iter().zip(Msg::ALL) {
        assert_eq!(key, message.key());
        assert_eq!(Some(read.as_str()), arabic.own_text(message), "{key}");
    }
    assert!(arabic
        .builtin_program_texts()
        .is_some_and(|texts| texts.contains("\"tiers\"")));
    assert_eq!(Language::ENGLISH.builtin_program_texts(), None);
}

#[test]
fn a_compiled_in_language_is_not_installed_again() {
    let german = Language::matching("de").unwrap();
    assert!(german.has_texts());
    assert_eq!(german.install("range = x", String::new()), Ok(false));
    assert_ne!(german.text(Msg::Range), "x");
    assert_eq!(
        german.install("range: x", String::new()),
        Err("de:1: expected `key = text`".into())
    );
}
