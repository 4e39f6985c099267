//! A program's own texts in other languages (`translations`): reading them (every problem
//! with its path) and putting those of the widget's language in place.

use std::collections::BTreeMap;

use serde_json::Value;

use super::input_catalogue::InputKey;
use super::json_reader::{child_path, optional, JsonReader};
use super::program::{InputTexts, Program, ProgramTexts, Tier, TierTexts};
use super::program_limits::TextKind;
use super::program_text_fields::{
    optional_text, read_benefits, read_contact, read_cta_url, CTA_FIELDS,
};
use partner_roi_i18n::{Language, Msg, TAGS};

const TEXT_FIELDS: &[&str] = &[
    "name",
    "vendor",
    "description",
    "disclaimer",
    "cta",
    "contact",
    "inputs",
    "tiers",
];
const INPUT_FIELDS: &[&str] = &["label", "help"];
const TIER_FIELDS: &[&str] = &["name", "description", "benefits"];

impl Program {
    /// This program with its texts in `language` where `translations` has them.
    pub fn translated(&self, language: Language) -> Program {
        let mut program = self.clone();
        let Some((_, texts)) = self.translations.iter().find(|(of, _)| *of == language) else {
            return program;
        };
        let put = |target: &mut String, text: &Option<String>| {
            if let Some(text) = text {
                target.clone_from(text);
            }
        };
        let put_optional = |target: &mut Option<String>, text: &Option<String>| {
            if text.is_some() {
                target.clone_from(text);
            }
        };
        put(&mut program.name, &texts.name);
        put_optional(&mut program.vendor, &texts.vendor);
        put_optional(&mut program.description, &texts.description);
        put_optional(&mut program.disclaimer, &texts.disclaimer);
        if let Some(cta) = &mut program.cta {
            put(&mut cta.label, &texts.cta_label);
            put(&mut cta.url, &texts.cta_url);
        }
        if texts.contact.is_some() {
            program.contact.clone_from(&texts.contact);
        }
        for (key, input) in &texts.inputs {
            let spec = &mut program.input_specs[key.index()];
            put_optional(&mut spec.label, &input.label);
            put_optional(&mut spec.help, &input.help);
        }
        for tier in &mut program.tiers {
            let Some(own) = texts.tiers.get(&tier.id) else {
                continue;
            };
            put(&mut tier.name, &own.name);
            put_optional(&mut tier.description, &own.description);
            if let Some(benefits) = &own.benefits {
                tier.benefits.clone_from(benefits);
            }
        }
        program
    }
}

/// `translations`: an object keyed by the tag of a language the widget speaks, each value
/// the program's texts in that language. `tiers` are the program's (for their ids).
pub fn read_translations(
    reader: &mut JsonReader,
    value: &Value,
    tiers: Option<&[Tier]>,
) -> Option<Vec<(Language, ProgramTexts)>> {
    let map = reader.keyed_object(value, "translations")?;
    let mut read: Vec<(Language, &str, ProgramTexts)> = Vec::new();
    let mut valid = true;
    for (tag, texts) in map {
        let path = child_path("translations", tag);
        let Some(language) = Language::matching(tag).filter(|_| is_tag(tag)) else {
            let spoken: Vec<&str> = TAGS.to_vec();
            reader.error(
                path,
                Msg::ErrorTranslationLanguage
                    .with("tag", tag)
                    .with("languages", spoken.join(", ")),
            );
            valid = false;
            continue;
        };
        if let Some((_, first, _)) = read.iter().find(|(known, _, _)| *known == language) {
            reader.error(path, Msg::ErrorTranslationDuplicate.with("first", first));
            valid = false;
            continue;
        }
        match read_texts(reader, texts, &path, tiers) {
            Some(texts) => read.push((language, tag, texts)),
            None => valid = false,
        }
    }
    valid.then(|| {
        read.into_iter()
            .map(|(language, _, texts)| (language, texts))
            .collect()
    })
}

/// Letters, digits and `-`, as BCP 47 tags are written (`de`, `pt-BR`).
fn is_tag(tag: &str) -> bool {
    !tag.is_empty() && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

/// One language's texts at `path`.
fn read_texts(
    reader: &mut JsonReader,
    value: &Value,
    path: &str,
    tiers: Option<&[Tier]>,
) -> Option<ProgramTexts> {
    let map = reader.object(value, path, TEXT_FIELDS)?;
    let errors_before = reader.error_count();
    let name = optional_non_empty(
        reader,
        map.get("name"),
        &child_path(path, "name"),
        TextKind::ProgramName,
    );
    let vendor = optional_text(reader, map, path, "vendor", TextKind::Vendor);
    let description = optional_text(reader, map, path, "description", TextKind::Description);
    let disclaimer = optional_text(reader, map, path, "disclaimer", TextKind::Disclaimer);
    let (cta_label, cta_url) = optional(map, "cta")
        .and_then(|value| {
            let cta_path = child_path(path, "cta");
            let cta = reader.object(value, &cta_path, CTA_FIELDS)?;
            let label_path = child_path(&cta_path, "label");
            let label =
                optional_non_empty(reader, cta.get("label"), &label_path, TextKind::CtaLabel);
            let url = optional(cta, "url")
                .and_then(|url| read_cta_url(reader, url, &child_path(&cta_path, "url")));
            Some((label, url))
        })
        .unwrap_or_default();
    let contact = optional(map, "contact")
        .and_then(|value| read_contact(reader, value, &child_path(path, "contact")));
    let inputs = optional(map, "inputs")
        .map(|value| read_input_texts(reader, value, &child_path(path, "inputs")))
        .unwrap_or_default();
    let tier_texts = optional(map, "tiers")
        .map(|value| read_tier_texts(reader, value, &child_path(path, "tiers"), tiers))
        .unwrap_or_default();
    (reader.error_count() == errors_before).then_some(ProgramTexts {
        name,
        vendor,
        description,
        disclaimer,
        cta_label,
        cta_url,
        contact,
        inputs,
        tiers: tier_texts,
    })
}

/// A text that, when given, must not be empty (as the program's own must not be).
fn optional_non_empty(
    reader: &mut JsonReader,
    value: Option<&Value>,
    path: &str,
    kind: TextKind,
) -> Option<String> {
    let value = value.filter(|value| !value.is_null())?;
    let text = reader.non_empty_text(value, path)?;
    super::program_limits::within(reader, path, kind, text)
}

fn read_input_texts(
    reader: &mut JsonReader,
    value: &Value,
    path: &str,
) -> Vec<(InputKey, InputTexts)> {
    let Some(map) = reader.object(value, path, &InputKey::names()) else {
        return Vec::new();
    };
    InputKey::ALL
        .into_iter()
        .filter_map(|key| {
            let input_path = child_path(path, key.name());
            let fields = reader.object(optional(map, key.name())?, &input_path, INPUT_FIELDS)?;
            let label = optional_text(reader, fields, &input_path, "label", TextKind::InputLabel);
            let help = optional_text(reader, fields, &input_path, "help", TextKind::InputHelp);
            Some((key, InputTexts { label, help }))
        })
        .collect()
}

fn read_tier_texts(
    reader: &mut JsonReader,
    value: &Value,
    path: &str,
    tiers: Option<&[Tier]>,
) -> BTreeMap<String, TierTexts> {
    let Some(map) = reader.keyed_object(value, path) else {
        return BTreeMap::new();
    };
    let mut read = BTreeMap::new();
    for (id, texts) in map {
        let tier_path = child_path(path, id);
        let known = tiers.is_none_or(|tiers| tiers.iter().any(|tier| tier.id == *id));
        if !known {
            reader.error(tier_path, Msg::ErrorTranslationTier.with("id", id));
            continue;
        }
        let Some(fields) = reader.object(texts, &tier_path, TIER_FIELDS) else {
            continue;
        };
        let name_path = child_path(&tier_path, "name");
        let name = optional_non_empty(reader, fields.get("name"), &name_path, TextKind::TierName);
        let description = optional_text(
            reader,
            fields,
            &tier_path,
            "description",
            TextKind::TierDescription,
        );
        let benefits = optional(fields, "benefits")
            .and_then(|value| read_benefits(reader, value, &child_path(&tier_path, "benefits")));
        read.insert(
            id.clone(),
            TierTexts {
                name,
                description,
                benefits,
            },
        );
    }
    read
}
