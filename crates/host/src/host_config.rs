//! What a host page configures, read without web types: the embedded configuration
//! document (`{"program": …, "inputs": …}`) and the attribute overrides
//! (`locale`, `currency`, `horizon`). The embedding layer feeds it text from the page.

use rust_decimal::Decimal;
use serde_json::Value;

use partner_roi_engine::json_reader::{
    child_path, parse_json, shorten, FieldError, JsonReader, PROBLEM_QUOTE_LIMIT,
};
use partner_roi_engine::program_parse::{
    currency_problem, is_currency_code, is_locale_tag, locale_problem,
};
use partner_roi_engine::{InputKey, PartnerInputs, Program};
use partner_roi_i18n::Msg;

/// Fields of the embedded configuration document.
const CONFIG_FIELDS: &[&str] = &["program", "inputs"];

/// The embedded configuration document, validated.
#[derive(Debug, Clone, PartialEq)]
pub struct EmbeddedConfig {
    /// The program and its JSON, when the document has one.
    pub program: Option<(Program, Value)>,
    /// The raw inputs object, read later against the program that applies.
    pub inputs: Option<Value>,
}

/// Reads `{"program": …, "inputs": …}`; program errors carry paths under `program.`.
pub fn read_embedded_config(text: &str) -> Result<EmbeddedConfig, Vec<FieldError>> {
    let value = parse_json(text).map_err(|error| vec![error])?;
    let mut reader = JsonReader::default();
    let Some(map) = reader.object(&value, "", CONFIG_FIELDS) else {
        return Err(reader.into_errors());
    };
    let program = match map.get("program").filter(|v| !v.is_null()) {
        Some(program) => match Program::from_json(program) {
            Ok(parsed) => Some((parsed, program.clone())),
            Err(errors) => {
                for error in errors {
                    reader.error(child_path("program", &error.path), error.message);
                }
                None
            }
        },
        None => None,
    };
    if reader.has_errors() {
        return Err(reader.into_errors());
    }
    Ok(EmbeddedConfig {
        program,
        inputs: map.get("inputs").filter(|v| !v.is_null()).cloned(),
    })
}

/// Attribute values that override the program's own settings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `locale` attribute.
    pub locale: Option<String>,
    /// `currency` attribute.
    pub currency: Option<String>,
    /// `horizon` attribute.
    pub horizon: Option<String>,
}

/// Applies the overrides to `program`; an invalid override is reported and ignored.
pub fn apply_overrides(program: &Program, overrides: &Overrides) -> (Program, Vec<FieldError>) {
    let mut program = program.clone();
    let mut errors = Vec::new();
    if let Some(locale) = &overrides.locale {
        if is_locale_tag(locale) {
            program.locale = Some(locale.clone());
        } else {
            errors.push(FieldError::new("locale", locale_problem(locale)));
        }
    }
    if let Some(currency) = &overrides.currency {
        if is_currency_code(currency) {
            program.currency = currency.clone();
        } else {
            errors.push(FieldError::new("currency", currency_problem(currency)));
        }
    }
    if let Some(horizon) = &overrides.horizon {
        let key = InputKey::HorizonYears;
        let years = horizon.trim().parse::<u32>().ok().map(Decimal::from);
        match years.filter(|years| program.check_input(key, *years).is_ok()) {
            Some(years) => program.input_specs[key.index()].default = years,
            None => {
                let spec = program.input_spec(key);
                errors.push(FieldError::new(
                    "horizon",
                    Msg::ErrorHorizonAttribute
                        .with("min", spec.min)
                        .with("max", spec.max)
                        .with("got", shorten(horizon, PROBLEM_QUOTE_LIMIT)),
                ));
            }
        }
    }
    (program, errors)
}

/// Reads an inputs object (from an attribute, a property or the embedded document).
pub fn read_inputs(
    program: &Program,
    value: Option<&Value>,
    path: &str,
) -> (PartnerInputs, Vec<FieldError>) {
    match value {
        Some(value) => program.inputs_from_json(value, path),
        None => (program.default_inputs(), Vec::new()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use partner_roi_engine::default_program::{default_program, default_program_json};

    #[test]
    fn embedded_document_with_program_and_inputs() {
        let text = format!(
            r#"{{"program": {}, "inputs": {{"deal_value": "20000"}}}}"#,
            default_program_json()
        );
        let config = read_embedded_config(&text).unwrap();
        let (program, _) = config.program.unwrap();
        assert_eq!(program.id, "example-cloud");
        let (inputs, errors) = read_inputs(&program, config.inputs.as_ref(), "inputs");
        assert_eq!(errors, []);
        assert_eq!(inputs.get(InputKey::DealValue), Decimal::from(20_000));
    }

    #[test]
    fn program_errors_are_reported_under_program() {
        let errors =
            read_embedded_config(r#"{"program": {"version": 1}, "input": {}}"#).unwrap_err();
        let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(messages[0], "input: unknown field, did you mean inputs?");
        assert!(
            messages.contains(&"program.id: required".to_owned()),
            "{messages:?}"
        );
    }

    #[test]
    fn overrides_replace_locale_currency_and_horizon() {
        let overrides = Overrides {
            locale: Some("de-DE".into()),
            currency: Some("EUR".into()),
            horizon: Some("5".into()),
        };
        let (program, errors) = apply_overrides(&default_program(), &overrides);
        assert_eq!(errors, []);
        assert_eq!(program.locale.as_deref(), Some("de-DE"));
        assert_eq!(program.currency, "EUR");
        assert_eq!(
            program.default_inputs().get(InputKey::HorizonYears),
            Decimal::from(5)
        );
    }

    #[test]
    fn invalid_overrides_are_reported_and_ignored() {
        let overrides = Overrides {
            locale: Some("<script>".into()),
            currency: Some("euro".into()),
            horizon: Some("20".into()),
        };
        let original = default_program();
        let (program, errors) = apply_overrides(&original, &overrides);
        assert_eq!(program, original);
        let paths: Vec<&str> = errors.iter().map(|error| error.path.as_str()).collect();
        assert_eq!(paths, ["locale", "currency", "horizon"]);
    }
}
