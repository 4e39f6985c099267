//! The host reducer's rules, one test each, named after the rule.

use rust_decimal::Decimal;
use serde_json::{json, Value};

use super::*;
use crate::application::{Application, ApplicationDraft};
use crate::names::{PROGRAM_EXAMPLE, PROGRAM_PENDING, SHARE_PARAM};
use crate::outbox::{outbox_text, Waiting, KEEP_MS};
use crate::rep::Rep;
use crate::share_link::ShareLink;
use partner_roi_engine::default_program::{default_program, default_program_json};
use partner_roi_engine::lead::{LeadDestination, LeadField};
use partner_roi_engine::projection::projections_counted;
use partner_roi_engine::{Contact, InputKey};
use partner_roi_i18n::{Language, Msg};

const KEY: &str = "partner-roi:example-cloud:";

fn point(_locale: Option<&str>) -> char {
    '.'
}

/// The page with these attributes; with `program="example"` unless they give `program`,
/// so that the built-in program shows at once, as on the demo.
fn snapshot(attributes: &[(&str, &str)]) -> PageSnapshot {
    let example = (!attributes.iter().any(|(name, _)| *name == ATTR_PROGRAM))
        .then_some((ATTR_PROGRAM, PROGRAM_EXAMPLE));
    PageSnapshot {
        attributes: attributes
            .iter()
            .chain(&example)
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect(),
        unnamed_rank: Some(0),
        languages_here: Language::all().collect(),
        ..PageSnapshot::default()
    }
}

fn connect(snapshot: PageSnapshot) -> (HostState, Vec<HostEffect>) {
    let mut state = HostState::new(point);
    let effects = state.apply(HostEvent::Connected(Box::new(snapshot)));
    (state, effects)
}

fn builtin_json() -> Value {
    serde_json::from_str(&default_program_json()).unwrap()
}

/// The built-in program under another id and name.
fn other_program(id: &str) -> Value {
    let mut program = builtin_json();
    program["id"] = json!(id);
    program["name"] = json!(format!("Program {id}"));
    program
}

fn loaded(value: &Value) -> Box<ReadProgram> {
    Box::new(Ok((Program::from_json(value).unwrap(), value.clone())))
}

fn calculator(state: &HostState) -> Rc<CalculatorState> {
    match state.view() {
        HostView::Ready(ready) => ready.calculator.clone(),
        other => panic!("expected the calculator, got {other:?}"),
    }
}

fn program_id(state: &HostState) -> String {
    calculator(state).program.id.clone()
}

fn figure(state: &HostState, key: InputKey) -> Decimal {
    calculator(state).inputs.get(key)
}

fn type_into(state: &mut HostState, key: InputKey, text: &str) -> Vec<HostEffect> {
    state.apply(HostEvent::Calculator(Action::Type(key, text.into())))
}

fn set_inputs(state: &mut HostState, value: Value) -> Vec<HostEffect> {
    state.apply(HostEvent::InputsPropertySet(PropertyValue::Json(value)))
}

fn fetches(effects: &[HostEffect]) -> Vec<(String, u64)> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            HostEffect::FetchProgram { url, token } => Some((url.clone(), *token)),
            _ => None,
        })
        .collect()
}

fn saves(effects: &[HostEffect]) -> Vec<(String, String)> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            HostEffect::Save { key, text } => Some((key.clone(), text.clone())),
            _ => None,
        })
        .collect()
}

fn error_paths(effects: &[HostEffect]) -> Vec<String> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            HostEffect::Announce(Announcement::Errors(errors)) => Some(errors),
            _ => None,
        })
        .flatten()
        .map(|error| error.path.clone())
        .collect()
}

fn announcements(effects: &[HostEffect]) -> Vec<&'static str> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            HostEffect::Announce(Announcement::Ready { .. }) => Some("ready"),
            HostEffect::Announce(Announcement::Change { .. }) => Some("change"),
            _ => None,
        })
        .collect()
}

/// Reports the current view as rendered; returns what that announced.
fn show(state: &mut HostState) -> Vec<HostEffect> {
    match state.view() {
        HostView::Ready(ready) => state.apply(HostEvent::Shown(ready.settled_seq)),
        _ => Vec::new(),
    }
}

fn share_code(program: &Value, deal_value: i64, tier: Option<&str>) -> String {
    let program = Program::from_json(program).unwrap();
    let mut inputs = program.default_inputs();
    inputs.set(InputKey::DealValue, Decimal::from(deal_value));
    encode_share_code(&program, &inputs, tier, None)
}

fn with_link(mut snapshot: PageSnapshot, code: &str) -> PageSnapshot {
    snapshot.fragment = vec![(SHARE_PARAM.to_owned(), code.to_owned())];
    snapshot
}

fn with_saved(mut snapshot: PageSnapshot, text: &str) -> PageSnapshot {
    snapshot.saved.insert(KEY.to_owned(), text.to_owned());
    snapshot
}

// ---- Which program ----

#[test]
fn without_configuration_the_builtin_program_shows() {
    let (state, effects) = connect(snapshot(&[]));
    assert_eq!(program_id(&state), "example-cloud");
    assert_eq!(fetches(&effects), []);
    assert_eq!(state.program_json(), Some(&builtin_json()));
}

#[test]
fn program_src_beats_the_builtin_program() {
    let (mut state, effects) = connect(snapshot(&[("program-src", "/p.json")]));
    assert_eq!(fetches(&effects), [("/p.json".to_owned(), 1)]);
    assert_eq!(state.view(), HostView::Loading);
    state.apply(HostEvent::ProgramLoaded {
        contact: None,
        token: 1,
        program: loaded(&other_program("fetched")),
    });
    assert_eq!(program_id(&state), "fetched");
}

#[test]
fn the_embedded_document_beats_program_src() {
    let mut page = snapshot(&[("program-src", "/p.json")]);
    page.embedded_document = Some(json!({ "program": other_program("embedded") }).to_string());
    let (mut state, effects) = connect(page);
    assert_eq!(fetches(&effects), []);
    assert_eq!(program_id(&state), "embedded");
    let changed = state.apply(HostEvent::AttributeChanged {
        name: "program-src".into(),
        value: Some("/q.json".into()),
    });
    assert_eq!(fetches(&changed), []);
}

#[test]
fn an_embedded_document_with_only_inputs_leaves_the_program_to_program_src() {
    let mut page = snapshot(&[("program-src", "/p.json")]);
    page.embedded_document = Some(r#"{"inputs": {"deal_value": 20000}}"#.into());
    let (mut state, effects) = connect(page);
    let [(_, token)] = fetches(&effects)[..] else {
        panic!("expected one fetch")
    };
    state.apply(HostEvent::ProgramLoaded {
        contact: None,
        token,
        program: loaded(&other_program("fetched")),
    });
    assert_eq!(program_id(&state), "fetched");
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(20_000));
}

#[test]
fn an_unusable_embedded_document_fails_with_every_path() {
    let mut page = snapshot(&[]);
    page.embedded_document = Some(r#"{"program": {"version": 1}, "input": {}}"#.into());
    let (state, effects) = connect(page);
    let HostView::Failed(errors) = state.view() else {
        panic!("expected the failure view")
    };
    let paths: Vec<&str> = errors.iter().map(|error| error.path.as_str()).collect();
    assert!(paths.contains(&"input"), "{paths:?}");
    assert!(paths.contains(&"program.id"), "{paths:?}");
    assert_eq!(error_paths(&effects).len(), errors.len());
}

#[test]
fn a_failed_program_names_its_contact_when_its_document_has_a_valid_one() {
    let contact = Contact {
        email: Some("partners@example.com".into()),
        ..Contact::default()
    };
    // Embedded: the program is broken, its contact is not.
    let mut page = snapshot(&[]);
    page.embedded_document = Some(
        json!({"program": {"version": 1, "contact": {"email": "partners@example.com"}}})
            .to_string(),
    );
    let (state, _) = connect(page);
    assert!(matches!(state.view(), HostView::Failed(_)));
    assert_eq!(state.failure_contact(), Some(&contact));
    // Fetched: the contact comes with the failure; a program that then starts has none.
    let (mut state, effects) = connect(snapshot(&[("program-src", "/a.json")]));
    state.apply(HostEvent::ProgramLoaded {
        contact: Some(contact.clone()),
        token: fetches(&effects)[0].1,
        program: Box::new(Err(vec![FieldError::new("tiers", Msg::ErrorRequired)])),
    });
    assert_eq!(state.failure_contact(), Some(&contact));
    let effects = state.apply(HostEvent::AttributeChanged {
        name: "program-src".into(),
        value: Some("/b.json".into()),
    });
    state.apply(HostEvent::ProgramLoaded {
        contact: Some(contact),
        token: fetches(&effects)[0].1,
        program: loaded(&other_program("b")),
    });
    assert_eq!(state.failure_contact(), None);
}

#[test]
fn the_program_property_replaces_whichever_applied() {
    let mut page = snapshot(&[]);
    page.embedded_document = Some(json!({ "program": other_program("embedded") }).to_string());
    let (mut state, _) = connect(page);
    let property = other_program("property");
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        property.clone(),
    )));
    assert_eq!(program_id(&state), "property");
    assert_eq!(state.program_json(), Some(&property));
}

#[test]
fn program_json_text_is_read_as_a_program() {
    let (mut state, _) = connect(snapshot(&[]));
    let text = other_program("text").to_string();
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(json!(
        text
    ))));
    assert_eq!(program_id(&state), "text");
}

#[test]
fn a_program_property_set_before_connecting_is_kept() {
    let mut state = HostState::new(point);
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        other_program("early"),
    )));
    assert_eq!(state.view(), HostView::Loading);
    let effects = state.apply(HostEvent::Connected(Box::new(snapshot(&[(
        "program-src",
        "/p.json",
    )]))));
    assert_eq!(fetches(&effects), []);
    assert_eq!(program_id(&state), "early");
}

#[test]
fn unsetting_the_program_property_falls_back_to_the_attributes() {
    let (mut state, _) = connect(snapshot(&[("program-src", "/p.json")]));
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        other_program("property"),
    )));
    assert_eq!(program_id(&state), "property");
    let effects = state.apply(HostEvent::ProgramPropertySet(PropertyValue::Unset));
    let [(url, token)] = &fetches(&effects)[..] else {
        panic!("expected program-src to be fetched again: {effects:?}")
    };
    assert_eq!(url, "/p.json");
    state.apply(HostEvent::ProgramLoaded {
        contact: None,
        token: *token,
        program: loaded(&other_program("fetched")),
    });
    assert_eq!(program_id(&state), "fetched");
}

#[test]
fn unsetting_the_program_property_without_program_src_shows_the_builtin_program() {
    let (mut state, _) = connect(snapshot(&[]));
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        other_program("property"),
    )));
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Unset));
    assert_eq!(program_id(&state), "example-cloud");
}

#[test]
fn setting_the_program_in_force_again_changes_nothing() {
    let (mut state, _) = connect(snapshot(&[]));
    let program = other_program("property");
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        program.clone(),
    )));
    type_into(&mut state, InputKey::DealValue, "42000");
    let effects = state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(program)));
    assert_eq!(effects, []);
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(42_000));
}

#[test]
fn an_invalid_program_property_is_reported_and_the_current_one_kept() {
    let (mut state, _) = connect(snapshot(&[]));
    let mut broken = builtin_json();
    broken["tiers"] = json!([]);
    let effects = state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(broken)));
    assert_eq!(program_id(&state), "example-cloud");
    assert_eq!(error_paths(&effects), ["tiers"]);
    let not_json = state.apply(HostEvent::ProgramPropertySet(PropertyValue::NotJson));
    assert_eq!(error_paths(&not_json), ["program"]);
}

#[test]
fn a_stale_program_load_changes_nothing() {
    let (mut state, first) = connect(snapshot(&[("program-src", "/a.json")]));
    let second = state.apply(HostEvent::AttributeChanged {
        name: "program-src".into(),
        value: Some("/b.json".into()),
    });
    let (old, new) = (fetches(&first)[0].1, fetches(&second)[0].1);
    let stale = state.apply(HostEvent::ProgramLoaded {
        contact: None,
        token: old,
        program: loaded(&other_program("a")),
    });
    assert_eq!(stale, []);
    state.apply(HostEvent::ProgramLoaded {
        contact: None,
        token: new,
        program: loaded(&other_program("b")),
    });
    assert_eq!(program_id(&state), "b");
}

#[test]
fn a_program_load_after_the_program_property_was_set_changes_nothing() {
    let (mut state, effects) = connect(snapshot(&[("program-src", "/a.json")]));
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        other_program("property"),
    )));
    let late = state.apply(HostEvent::ProgramLoaded {
        contact: None,
        token: fetches(&effects)[0].1,
        program: loaded(&other_program("a")),
    });
    assert_eq!(late, []);
    assert_eq!(program_id(&state), "property");
}

#[test]
fn a_failed_program_load_shows_every_problem() {
    let (mut state, effects) = connect(snapshot(&[("program-src", "/a.json")]));
    let problems = vec![FieldError::new(
        "program-src",
        Msg::FetchHttp.with("status", 404),
    )];
    let failed = state.apply(HostEvent::ProgramLoaded {
        contact: None,
        token: fetches(&effects)[0].1,
        program: Box::new(Err(problems.clone())),
    });
    assert_eq!(state.view(), HostView::Failed(Rc::new(problems)));
    assert_eq!(error_paths(&failed), ["program-src"]);
    assert_eq!(state.result_text(), None);
}

#[test]
fn a_program_file_replaces_the_program_until_the_property_is_unset() {
    let (mut state, _) = connect(snapshot(&[]));
    state.apply(HostEvent::ProgramFileRead(
        other_program("file").to_string(),
    ));
    assert_eq!(program_id(&state), "file");
    let bad = state.apply(HostEvent::ProgramFileRead("{not json".into()));
    assert_eq!(program_id(&state), "file");
    assert_eq!(error_paths(&bad).len(), 1);
}

// ---- Which figures a program starts with ----

#[test]
fn the_prefill_beats_the_defaults() {
    let (state, _) = connect(snapshot(&[("inputs", r#"{"deal_value": 20000}"#)]));
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(20_000));
    let defaults = default_program().default_inputs();
    assert_eq!(
        figure(&state, InputKey::ExistingClients),
        defaults.get(InputKey::ExistingClients)
    );
}

#[test]
fn saved_figures_beat_the_prefill_they_were_saved_under() {
    let (mut first, _) = connect(snapshot(&[("inputs", r#"{"existing_clients": 60}"#)]));
    let typed = type_into(&mut first, InputKey::ExistingClients, "99");
    let (_, record) = saves(&typed).pop().unwrap();
    let page = with_saved(
        snapshot(&[("inputs", r#"{"existing_clients": 60}"#)]),
        &record,
    );
    let (again, _) = connect(page);
    assert_eq!(figure(&again, InputKey::ExistingClients), Decimal::from(99));
}

#[test]
fn a_changed_prefill_beats_saved_figures_for_the_fields_it_sets() {
    let (mut first, _) = connect(snapshot(&[]));
    type_into(&mut first, InputKey::ExistingClients, "99");
    let typed = type_into(&mut first, InputKey::DealValue, "30000");
    let (_, record) = saves(&typed).pop().unwrap();
    let page = with_saved(
        snapshot(&[("inputs", r#"{"existing_clients": 60}"#)]),
        &record,
    );
    let (campaign, _) = connect(page);
    assert_eq!(
        figure(&campaign, InputKey::ExistingClients),
        Decimal::from(60)
    );
    assert_eq!(
        figure(&campaign, InputKey::DealValue),
        Decimal::from(30_000)
    );
}

#[test]
fn figures_saved_before_prefills_were_recorded_yield_to_the_prefill() {
    let code = share_code(&builtin_json(), 30_000, None);
    let page = with_saved(snapshot(&[("inputs", r#"{"deal_value": 20000}"#)]), &code);
    let (state, _) = connect(page);
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(20_000));
}

#[test]
fn the_share_link_beats_saved_figures_and_the_prefill() {
    let saved = share_code(&builtin_json(), 30_000, None);
    let link = share_code(&builtin_json(), 45_000, Some("gold"));
    let page = with_link(
        with_saved(snapshot(&[("inputs", r#"{"deal_value": 20000}"#)]), &saved),
        &link,
    );
    let (state, _) = connect(page);
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(45_000));
    assert_eq!(calculator(&state).selected_tier_id(), Some("gold"));
}

#[test]
fn resume_beats_the_share_link() {
    let mut page = with_link(snapshot(&[]), &share_code(&builtin_json(), 45_000, None));
    page.resume_code = Some(share_code(&builtin_json(), 47_000, None));
    let (state, _) = connect(page);
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(47_000));
}

#[test]
fn the_share_link_applies_once() {
    let mut state = HostState::new(point);
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        other_program("a"),
    )));
    // Saved figures off: they would bring the link's figures back.
    let page = with_link(
        snapshot(&[("persist", "off")]),
        &share_code(&other_program("a"), 45_000, None),
    );
    state.apply(HostEvent::Connected(Box::new(page)));
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(45_000));
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        other_program("b"),
    )));
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        other_program("a"),
    )));
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(12_000));
}

#[test]
fn a_share_link_for_another_program_is_reported_and_the_next_source_applies() {
    let link = share_code(&other_program("other"), 45_000, None);
    let (state, effects) = connect(with_link(
        snapshot(&[("inputs", r#"{"deal_value": 20000}"#)]),
        &link,
    ));
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(20_000));
    assert_eq!(error_paths(&effects), ["link"]);
}

#[test]
fn unreadable_saved_figures_are_reported_and_ignored() {
    let (state, effects) = connect(with_saved(snapshot(&[]), "garbage"));
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(12_000));
    assert_eq!(error_paths(&effects), ["saved"]);
}

#[test]
fn persist_off_neither_restores_nor_saves() {
    let saved = share_code(&builtin_json(), 30_000, None);
    let (mut state, _) = connect(with_saved(snapshot(&[("persist", "off")]), &saved));
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(12_000));
    assert_eq!(
        saves(&type_into(&mut state, InputKey::DealValue, "15000")),
        []
    );
}

#[test]
fn persist_off_set_after_connecting_keeps_nothing_from_then_on() {
    // The designer's preview: its attributes arrive after it connected.
    let (mut state, _) = connect(snapshot(&[]));
    type_into(&mut state, InputKey::DealValue, "15000");
    state.apply(HostEvent::AttributeChanged {
        name: "persist".into(),
        value: Some("off".into()),
    });
    assert_eq!(
        saves(&type_into(&mut state, InputKey::DealValue, "16000")),
        []
    );
    // A new program with the same id starts from its defaults, not the figures typed.
    let mut program = builtin_json();
    program["inputs"]["existing_clients"] = json!({"default": 77});
    let defaults = Program::from_json(&program).unwrap().default_inputs();
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(program)));
    assert_eq!(
        figure(&state, InputKey::DealValue),
        defaults.get(InputKey::DealValue)
    );
    assert_eq!(figure(&state, InputKey::ExistingClients), Decimal::from(77));
}

#[test]
fn two_widgets_without_an_id_keep_their_figures_apart() {
    let (mut first, first_effects) = connect(snapshot(&[]));
    let mut page = snapshot(&[]);
    page.unnamed_rank = Some(1);
    let (mut second, second_effects) = connect(page);
    let warnings = second_effects
        .iter()
        .filter(|effect| matches!(effect, HostEffect::Warn(_)))
        .count();
    assert_eq!(warnings, 1);
    assert!(!first_effects
        .iter()
        .any(|e| matches!(e, HostEffect::Warn(_))));
    let first_key = saves(&type_into(&mut first, InputKey::DealValue, "15000"))[0]
        .0
        .clone();
    let second_key = saves(&type_into(&mut second, InputKey::DealValue, "16000"))[0]
        .0
        .clone();
    assert_eq!(first_key, KEY);
    assert_eq!(second_key, format!("{KEY}(2)"));
    let links: Vec<String> = [&mut first, &mut second]
        .into_iter()
        .flat_map(|state| state.apply(HostEvent::Request(HostAction::CopyLink)))
        .filter_map(|effect| match effect {
            HostEffect::CopyLink(link) => Some(link.param),
            _ => None,
        })
        .collect();
    assert_eq!(links, ["partner-roi", "partner-roi-(2)"]);
}

#[test]
fn a_widget_with_an_id_keeps_its_figures_under_its_id() {
    let mut page = snapshot(&[("id", "pricing")]);
    page.unnamed_rank = None;
    let (mut state, _) = connect(page);
    let key = saves(&type_into(&mut state, InputKey::DealValue, "15000"))[0]
        .0
        .clone();
    assert_eq!(key, "partner-roi:example-cloud:pricing");
}

// ---- Attribute overrides ----

#[test]
fn a_widget_without_its_languages_texts_asks_for_them_once_and_keeps_its_figures_when_they_come() {
    let german = Language::matching("de").unwrap_or_default();
    let asked = |effects: &[HostEffect]| -> Vec<Language> {
        effects
            .iter()
            .filter_map(|effect| match effect {
                HostEffect::LoadLanguage(language) => Some(*language),
                _ => None,
            })
            .collect()
    };
    let mut page = snapshot(&[("lang", "de-AT")]);
    page.languages_here = vec![Language::ENGLISH];
    let (mut state, effects) = connect(page);
    assert_eq!(asked(&effects), [german]);
    assert_eq!(
        asked(&type_into(&mut state, InputKey::DealValue, "15000")),
        []
    );
    let effects = state.apply(HostEvent::AttributeChanged {
        name: "currency".into(),
        value: Some("EUR".into()),
    });
    assert_eq!(asked(&effects), [], "asked once");
    let effects = state.apply(HostEvent::LanguageArrived(german));
    assert!(effects.contains(&HostEffect::Render));
    assert_eq!(asked(&effects), []);
    let shown = calculator(&state);
    assert_eq!(shown.program.name, "Partnerprogramm von Example Cloud");
    assert_eq!(shown.program.currency, "EUR");
    assert_eq!(shown.inputs.get(InputKey::DealValue).to_string(), "15000");
    // A language the widget does not speak now changes nothing when it arrives.
    let french = Language::matching("fr").unwrap_or_default();
    assert_eq!(state.apply(HostEvent::LanguageArrived(french)), []);
    // English needs nothing.
    let mut page = snapshot(&[("lang", "en")]);
    page.languages_here = vec![Language::ENGLISH];
    assert_eq!(asked(&connect(page).1), []);
}

#[test]
fn the_language_is_the_elements_then_the_ancestors_then_the_programs_then_the_visitors() {
    let language = |attributes: &[(&str, &str)],
                    ancestor: Option<&str>,
                    browser: &[&str],
                    program_language: Option<&str>| {
        let mut page = snapshot(attributes);
        page.ancestor_lang = ancestor.map(str::to_owned);
        page.browser_languages = browser.iter().map(|tag| tag.to_string()).collect();
        if let Some(tag) = program_language {
            let mut program = other_program("spoken");
            program["language"] = json!(tag);
            page.embedded_document = Some(json!({ "program": program }).to_string());
        }
        let (state, _) = connect(page);
        let (chosen, locale) = state.language();
        (chosen.tag(), locale)
    };
    let tag = |text: &str| Some(text.to_owned());
    assert_eq!(
        language(&[("lang", "fr-CA")], Some("de"), &["es"], Some("ja")),
        ("fr", tag("fr-CA"))
    );
    assert_eq!(
        language(&[], Some("de-AT"), &["es"], Some("ja")),
        ("de", tag("de-AT"))
    );
    assert_eq!(language(&[], None, &["es"], Some("ja")), ("ja", tag("ja")));
    assert_eq!(
        language(&[], None, &["zh", "pt"], None),
        ("pt-BR", tag("pt"))
    );
    // A language the widget does not speak is passed over, not obeyed.
    assert_eq!(
        language(&[("lang", "zh")], Some("ar"), &[], None),
        ("ar", tag("ar"))
    );
    // English, in the visitor's own locale, or in en-US when the browser reports none that
    // is real (WebKitGTK under the C locale says `C`).
    assert_eq!(language(&[], None, &["zh"], None), ("en", tag("zh")));
    assert_eq!(language(&[], None, &["C"], None), ("en", tag("en-US")));
    assert_eq!(
        language(&[], None, &["POSIX", "c"], None),
        ("en", tag("en-US"))
    );
    assert_eq!(language(&[], None, &[], None), ("en", tag("en-US")));
}

#[test]
fn figures_follow_the_languages_locale_and_a_programs_locale_its_own_languages_readers() {
    let mut page = snapshot(&[("lang", "de-DE")]);
    page.browser_languages = vec!["en-US".into()];
    let (mut state, _) = connect(page);
    assert_eq!(calculator(&state).program.locale.as_deref(), Some("de-DE"));
    type_into(&mut state, InputKey::NewClientsPerYear, "42");
    // A new `lang` at run time: a new locale, the same figures.
    state.apply(HostEvent::AttributeChanged {
        name: "lang".into(),
        value: Some("fr".into()),
    });
    assert_eq!(state.language().0.tag(), "fr");
    assert_eq!(calculator(&state).program.locale.as_deref(), Some("fr"));
    assert_eq!(
        figure(&state, InputKey::NewClientsPerYear),
        Decimal::from(42)
    );
    // The program's own locale is for its language's readers; a German page formats as
    // German, unless the program forces its locale on every language.
    let mut program = other_program("located");
    program["locale"] = json!("en-GB");
    let shown_locale = |program: &Value, lang: &str| {
        let mut page = snapshot(&[("lang", lang)]);
        page.embedded_document = Some(json!({ "program": program }).to_string());
        let (state, _) = connect(page);
        calculator(&state).program.locale.clone()
    };
    assert_eq!(shown_locale(&program, "de").as_deref(), Some("de"));
    assert_eq!(shown_locale(&program, "en").as_deref(), Some("en-GB"));
    program["force_locale"] = json!(true);
    assert_eq!(shown_locale(&program, "de").as_deref(), Some("en-GB"));
}

#[test]
fn locale_currency_and_horizon_attributes_override_the_program() {
    let (state, _) = connect(snapshot(&[
        ("locale", "de-DE"),
        ("currency", "EUR"),
        ("horizon", "5"),
    ]));
    let calculator = calculator(&state);
    assert_eq!(calculator.program.locale.as_deref(), Some("de-DE"));
    assert_eq!(calculator.program.currency, "EUR");
    assert_eq!(
        calculator.inputs.get(InputKey::HorizonYears),
        Decimal::from(5)
    );
}

#[test]
fn changing_the_horizon_attribute_moves_the_horizon_and_keeps_the_other_figures() {
    let (mut state, _) = connect(snapshot(&[]));
    type_into(&mut state, InputKey::DealValue, "42000");
    state.apply(HostEvent::AttributeChanged {
        name: "horizon".into(),
        value: Some("7".into()),
    });
    assert_eq!(figure(&state, InputKey::HorizonYears), Decimal::from(7));
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(42_000));
}

/// The notices the view lists.
fn notices(state: &HostState) -> Vec<String> {
    let HostView::Ready(ready) = state.view() else {
        panic!("expected the calculator")
    };
    ready.notices.iter().map(ToString::to_string).collect()
}

/// The console warnings among `effects`.
fn warnings(effects: &[HostEffect]) -> Vec<&str> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            HostEffect::Warn(message) => Some(message.as_str()),
            _ => None,
        })
        .collect()
}

#[test]
fn an_invalid_override_is_ignored_reported_and_listed_only_with_debug() {
    let (state, effects) = connect(snapshot(&[("currency", "euro")]));
    assert_eq!(calculator(&state).program.currency, "USD");
    assert_eq!(error_paths(&effects), ["currency"]);
    assert_eq!(warnings(&effects).len(), 1);
    assert!(warnings(&effects)[0].starts_with("partner-roi: currency: "));
    assert_eq!(
        notices(&state),
        Vec::<String>::new(),
        "not shown to a prospect"
    );
    let (state, _) = connect(snapshot(&[("currency", "euro"), ("debug", "")]));
    assert_eq!(notices(&state).len(), 1);
}

#[test]
fn the_partners_own_problems_are_listed_without_debug() {
    let page = PageSnapshot {
        fragment: vec![(SHARE_PARAM.into(), "2~example-cloud~~x~y".into())],
        ..snapshot(&[])
    };
    let (state, effects) = connect(page);
    assert_eq!(error_paths(&effects), ["link", "link"]);
    assert!(warnings(&effects).is_empty(), "not the page's doing");
    assert_eq!(
        notices(&state),
        [
            "link: The shared link could not be fully restored: \"Existing clients\" was not a number (\"x~y\").",
            "link: The shared link could not be fully restored: the figures were cut short: only 1 of 17 values were present.",
        ]
    );
}

#[test]
fn the_tools_attribute_chooses_the_toolbar_and_names_what_it_ignored() {
    let tools = |state: &HostState| match state.view() {
        HostView::Ready(ready) => ready.tools,
        _ => panic!("expected the calculator"),
    };
    let (state, _) = connect(snapshot(&[]));
    assert_eq!(tools(&state), Tools::DEFAULT);
    let (mut state, effects) = connect(snapshot(&[("tools", "csv pdf")]));
    assert_eq!(
        tools(&state),
        Tools {
            csv: true,
            ..Tools::NONE
        }
    );
    assert_eq!(error_paths(&effects), ["tools"]);
    let effects = state.apply(HostEvent::AttributeChanged {
        name: "tools".into(),
        value: Some("all".into()),
    });
    assert_eq!(tools(&state), Tools::ALL);
    assert_eq!(effects, [HostEffect::Render]);
}

#[test]
fn the_theme_attribute_fixes_the_colour_scheme_and_a_wrong_value_is_the_pages_problem() {
    let (state, _) = connect(snapshot(&[]));
    assert_eq!(state.theme(), Theme::Auto);
    let (mut state, effects) = connect(snapshot(&[("theme", "midnight")]));
    assert_eq!(state.theme(), Theme::Auto);
    assert_eq!(error_paths(&effects), ["theme"]);
    let effects = state.apply(HostEvent::AttributeChanged {
        name: "theme".into(),
        value: Some("dark".into()),
    });
    assert_eq!(state.theme(), Theme::Dark);
    assert_eq!(effects, [HostEffect::Render]);
}

#[test]
fn with_theme_auto_the_pages_own_colours_pick_the_scheme_and_an_explicit_theme_wins() {
    let page = |attributes: &[(&str, &str)], scheme| PageSnapshot {
        page_scheme: scheme,
        ..snapshot(attributes)
    };
    let (state, _) = connect(page(&[], Some(Theme::Light)));
    assert_eq!(state.theme(), Theme::Light);
    let (state, _) = connect(page(&[("theme", "auto")], Some(Theme::Dark)));
    assert_eq!(state.theme(), Theme::Dark);
    let (state, _) = connect(page(&[("theme", "dark")], Some(Theme::Light)));
    assert_eq!(state.theme(), Theme::Dark);
    let (state, _) = connect(page(&[], None));
    assert_eq!(state.theme(), Theme::Auto);
}

// ---- The prefill ----

#[test]
fn setting_the_inputs_in_force_again_changes_nothing() {
    let (mut state, _) = connect(snapshot(&[]));
    set_inputs(&mut state, json!({"deal_value": 20000}));
    type_into(&mut state, InputKey::NewClientsPerYear, "42");
    let again = set_inputs(&mut state, json!({"deal_value": 20000}));
    assert_eq!(again, []);
    assert_eq!(
        figure(&state, InputKey::NewClientsPerYear),
        Decimal::from(42)
    );
    assert_eq!(
        state.inputs_json().unwrap()["new_clients_per_year"],
        json!("42")
    );
}

#[test]
fn other_inputs_replace_the_figures_and_view_inputs_and_result_agree() {
    let (mut state, _) = connect(snapshot(&[]));
    type_into(&mut state, InputKey::NewClientsPerYear, "42");
    set_inputs(
        &mut state,
        json!({"deal_value": 42000, "existing_clients": "12"}),
    );
    let calculator = calculator(&state);
    assert_eq!(
        calculator.inputs.get(InputKey::DealValue),
        Decimal::from(42_000)
    );
    assert_eq!(
        calculator.inputs.get(InputKey::NewClientsPerYear),
        Decimal::from(10)
    );
    assert_eq!(
        state.inputs_json().unwrap(),
        serde_json::to_value(&calculator.inputs).unwrap()
    );
    let projection = calculator.projection.as_ref().unwrap();
    let expected = result_text(&calculator.program, projection, calculator.range.as_deref());
    assert_eq!(state.result_text(), Some(expected.as_str()));
    assert_eq!(announcements(&show(&mut state)), ["ready"]);
}

#[test]
fn inputs_given_as_json_text_are_read() {
    let (mut state, _) = connect(snapshot(&[]));
    let effects = set_inputs(&mut state, json!(r#"{"deal_value": 20000}"#));
    assert_eq!(error_paths(&effects), Vec::<String>::new());
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(20_000));
}

#[test]
fn inputs_that_are_not_json_are_reported_and_change_nothing() {
    let (mut state, _) = connect(snapshot(&[]));
    type_into(&mut state, InputKey::DealValue, "42000");
    let effects = set_inputs(&mut state, json!("{deal_value: 3}"));
    assert_eq!(error_paths(&effects), ["inputs"]);
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(42_000));
    let attribute = state.apply(HostEvent::AttributeChanged {
        name: "inputs".into(),
        value: Some("{not json".into()),
    });
    assert_eq!(error_paths(&attribute), ["inputs"]);
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(42_000));
}

#[test]
fn an_inputs_attribute_that_is_not_json_is_reported_and_the_defaults_apply() {
    let (state, effects) = connect(snapshot(&[("inputs", "deal_value = lots")]));
    assert_eq!(error_paths(&effects), ["inputs"]);
    assert_eq!(warnings(&effects).len(), 1);
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(12_000));
    assert!(notices(&state).is_empty());
    let (state, _) = connect(snapshot(&[("inputs", "deal_value = lots"), ("debug", "")]));
    assert_eq!(notices(&state).len(), 1);
}

#[test]
fn the_inputs_property_beats_the_embedded_document_and_the_attribute() {
    let mut state = HostState::new(point);
    set_inputs(&mut state, json!({"deal_value": 30000}));
    let mut page = snapshot(&[("inputs", r#"{"deal_value": 20000}"#)]);
    page.embedded_document = Some(r#"{"inputs": {"deal_value": 25000}}"#.into());
    state.apply(HostEvent::Connected(Box::new(page)));
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(30_000));
}

#[test]
fn unsetting_the_inputs_property_falls_back_to_the_attribute() {
    let (mut state, _) = connect(snapshot(&[("inputs", r#"{"deal_value": 20000}"#)]));
    set_inputs(&mut state, json!({"deal_value": 30000}));
    state.apply(HostEvent::InputsPropertySet(PropertyValue::Unset));
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(20_000));
}

#[test]
fn an_object_written_into_an_attribute_is_reported_with_set_the_property() {
    let page = snapshot(&[("inputs", OBJECT_AS_TEXT), ("program", OBJECT_AS_TEXT)]);
    let (mut state, effects) = connect(page);
    assert_eq!(
        error_paths(&effects),
        Vec::<String>::new(),
        "not before the grace is over"
    );
    assert!(effects.contains(&HostEffect::StartProgramGrace));
    let effects = state.apply(HostEvent::ProgramGraceOver);
    assert_eq!(program_id(&state), "example-cloud");
    assert_eq!(error_paths(&effects), ["program", "inputs", "program"]);
    let warned = warnings(&effects);
    assert_eq!(warned.len(), 3);
    assert!(warned[1].contains("Set the inputs property"), "{warned:?}");
    let HostView::Ready(ready) = state.view() else {
        panic!("expected the calculator")
    };
    assert!(ready.notices.is_empty(), "not shown to the partner");
    assert!(ready.example_notice);
}

#[test]
fn an_object_written_into_an_attribute_is_not_reported_once_its_property_is_set() {
    // SvelteKit: the server writes "[object Object]", hydration then sets the properties.
    let page = snapshot(&[("inputs", OBJECT_AS_TEXT), ("program", OBJECT_AS_TEXT)]);
    let (mut state, _) = connect(page);
    let set = state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        other_program("vendor"),
    )));
    set_inputs(&mut state, json!({"existing_clients": 120}));
    let over = state.apply(HostEvent::ProgramGraceOver);
    assert_eq!(error_paths(&set), Vec::<String>::new());
    assert_eq!(error_paths(&over), Vec::<String>::new());
    assert_eq!(program_id(&state), "vendor");
    assert_eq!(
        figure(&state, InputKey::ExistingClients),
        Decimal::from(120)
    );
}

#[test]
fn a_program_set_within_the_grace_is_the_first_one_shown_and_announced() {
    let (mut state, effects) = connect(snapshot(&[("program", "[unset]")]));
    assert_eq!(state.view(), HostView::Loading);
    assert_eq!(show(&mut state), []);
    assert!(effects.contains(&HostEffect::StartProgramGrace));
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        other_program("vendor"),
    )));
    assert_eq!(program_id(&state), "vendor");
    assert_eq!(announcements(&show(&mut state)), ["ready"]);
    let over = state.apply(HostEvent::ProgramGraceOver);
    assert_eq!(over, []);
    assert_eq!(program_id(&state), "vendor");
}

#[test]
fn without_a_program_by_the_end_of_the_grace_the_example_shows_labelled_and_warned_once() {
    let (mut state, _) = connect(snapshot(&[("program", "")]));
    let over = state.apply(HostEvent::ProgramGraceOver);
    assert_eq!(program_id(&state), "example-cloud");
    assert_eq!(error_paths(&over), ["program"]);
    assert!(warnings(&over)[0].contains("program=\"example\""));
    let HostView::Ready(ready) = state.view() else {
        panic!("expected the calculator")
    };
    assert!(ready.example_notice);
    assert_eq!(state.apply(HostEvent::ProgramGraceOver), []);
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        other_program("late"),
    )));
    let HostView::Ready(ready) = state.view() else {
        panic!("expected the calculator")
    };
    assert!(
        !ready.example_notice,
        "the page's own program has no notice"
    );
}

#[test]
fn program_pending_waits_for_the_property_past_the_grace() {
    let (mut state, _) = connect(snapshot(&[("program", PROGRAM_PENDING)]));
    assert_eq!(state.apply(HostEvent::ProgramGraceOver), []);
    assert_eq!(state.view(), HostView::Loading);
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        other_program("vendor"),
    )));
    assert_eq!(program_id(&state), "vendor");
}

#[test]
fn program_example_shows_the_example_at_once_without_the_notice() {
    let (state, effects) = connect(snapshot(&[]));
    assert_eq!(error_paths(&effects), Vec::<String>::new());
    let HostView::Ready(ready) = state.view() else {
        panic!("expected the calculator")
    };
    assert!(!ready.example_notice);
}

// ---- What the page is told ----

#[test]
fn ready_is_announced_once_after_the_first_results_are_shown_then_changes() {
    let (mut state, effects) = connect(snapshot(&[]));
    assert_eq!(announcements(&effects), Vec::<&str>::new());
    let shown = show(&mut state);
    assert_eq!(announcements(&shown), ["ready"]);
    assert!(shown.contains(&HostEffect::MarkFirstResults));
    assert_eq!(show(&mut state), []);
    type_into(&mut state, InputKey::DealValue, "15000");
    assert_eq!(announcements(&show(&mut state)), ["change"]);
}

#[test]
fn a_keystroke_that_leaves_the_figures_invalid_announces_and_saves_nothing() {
    let (mut state, _) = connect(snapshot(&[]));
    show(&mut state);
    let before = state.result_text().map(str::to_owned);
    let effects = type_into(&mut state, InputKey::DealValue, "12k");
    assert_eq!(saves(&effects), []);
    assert!(!effects
        .iter()
        .any(|e| matches!(e, HostEffect::KeepResume(_))));
    assert_eq!(show(&mut state), []);
    assert_eq!(state.result_text().map(str::to_owned), before);
    assert_eq!(state.inputs_json().unwrap()["deal_value"], json!("12000"));
}

#[test]
fn every_settled_change_is_saved_and_kept_for_a_reload() {
    let (mut state, _) = connect(snapshot(&[]));
    let effects = type_into(&mut state, InputKey::DealValue, "15000");
    // No tier chosen: the record keeps none, so the figures reopen on the recommendation.
    let code = share_code(&builtin_json(), 15_000, None);
    assert!(effects.contains(&HostEffect::KeepResume(code.clone())));
    assert_eq!(saves(&effects), [(KEY.to_owned(), format!("{code}|"))]);

    let effects = state.apply(HostEvent::Calculator(Action::SelectTier(0)));
    let code = share_code(&builtin_json(), 15_000, Some("registered"));
    assert!(effects.contains(&HostEffect::KeepResume(code.clone())));
    assert_eq!(saves(&effects), [(KEY.to_owned(), format!("{code}|"))]);
}

#[test]
fn a_share_link_opened_in_the_same_tab_replaces_the_figures() {
    let (mut state, _) = connect(snapshot(&[]));
    type_into(&mut state, InputKey::DealValue, "15000");
    let code = share_code(&builtin_json(), 45_000, Some("gold"));
    state.apply(HostEvent::PageLinkChanged(vec![(
        SHARE_PARAM.into(),
        code.clone(),
    )]));
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(45_000));
    type_into(&mut state, InputKey::DealValue, "15000");
    let unrelated = vec![
        (SHARE_PARAM.into(), code),
        ("partner-roi-other".into(), "x".into()),
    ];
    assert_eq!(state.apply(HostEvent::PageLinkChanged(unrelated)), []);
    assert_eq!(figure(&state, InputKey::DealValue), Decimal::from(15_000));
}

#[test]
fn a_copied_link_is_not_applied_again_when_the_fragment_changes_to_it() {
    let (mut state, _) = connect(snapshot(&[]));
    let effects = state.apply(HostEvent::Request(HostAction::CopyLink));
    let [HostEffect::CopyLink(link)] = &effects[..] else {
        panic!("expected one CopyLink: {effects:?}")
    };
    let fragment = vec![(link.param.clone(), link.code.clone())];
    assert_eq!(state.apply(HostEvent::PageLinkChanged(fragment)), []);
}

#[test]
fn the_call_to_action_carries_the_settled_figures_and_the_selected_tier() {
    let (mut state, _) = connect(snapshot(&[]));
    state.apply(HostEvent::Calculator(Action::SelectTier(2)));
    let effects = state.apply(HostEvent::Request(HostAction::CallToAction {
        url: "https://example.com/apply".into(),
        new_tab: false,
    }));
    let [HostEffect::CallToAction { detail, .. }] = &effects[..] else {
        panic!("expected the call to action: {effects:?}")
    };
    let detail: Value = serde_json::from_str(detail).unwrap();
    assert_eq!(detail["tier"], json!("gold"));
    let result: Value = serde_json::from_str(state.result_text().unwrap()).unwrap();
    assert_eq!(detail["result"], result);
    assert_eq!(detail["inputs"], state.inputs_json().unwrap());
}

#[test]
fn presenter_mode_follows_the_attribute_and_the_toggle() {
    let (mut state, _) = connect(snapshot(&[("presenter", "")]));
    let presenter = |state: &HostState| match state.view() {
        HostView::Ready(ready) => ready.presenter,
        _ => panic!("expected the calculator"),
    };
    assert!(presenter(&state));
    state.apply(HostEvent::TogglePresenter);
    assert!(!presenter(&state));
    state.apply(HostEvent::AttributeChanged {
        name: "presenter".into(),
        value: Some(String::new()),
    });
    assert!(presenter(&state));
}

// ---- The calculator is the only caller of the engine ----

#[test]
fn the_first_results_take_three_projections() {
    let (count, _) = projections_counted(|| connect(snapshot(&[])));
    assert_eq!(count, 3);
}

#[test]
fn a_valid_keystroke_takes_three_projections_and_an_invalid_one_none() {
    let (mut state, _) = connect(snapshot(&[]));
    show(&mut state);
    let (valid, _) = projections_counted(|| {
        let effects = type_into(&mut state, InputKey::DealValue, "15000");
        (effects, show(&mut state))
    });
    assert_eq!(valid, 3);
    let (invalid, _) = projections_counted(|| type_into(&mut state, InputKey::DealValue, "15k"));
    assert_eq!(invalid, 0);
}

#[test]
fn setting_inputs_takes_three_projections() {
    let (mut state, _) = connect(snapshot(&[]));
    let (count, _) = projections_counted(|| set_inputs(&mut state, json!({"deal_value": 20000})));
    assert_eq!(count, 3);
}

// ---- Analytics ----

/// The analytics events among `effects`: name, then params.
fn tracked(effects: &[HostEffect]) -> Vec<(&'static str, Value)> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            HostEffect::Analytics { event, params, .. } => Some((*event, params.clone())),
            _ => None,
        })
        .collect()
}

#[test]
fn without_the_analytics_attribute_nothing_is_reported() {
    let (mut state, _) = connect(snapshot(&[]));
    let mut effects = show(&mut state);
    effects.extend(state.apply(HostEvent::InView));
    effects.extend(type_into(&mut state, InputKey::DealValue, "15000"));
    effects.extend(state.apply(HostEvent::Request(HostAction::Print)));
    assert_eq!(tracked(&effects), []);
}

#[test]
fn analytics_reports_view_and_start_once_and_each_tool_with_no_typed_figure() {
    let (mut state, effects) = connect(snapshot(&[("analytics", "datalayer")]));
    assert_eq!(error_paths(&effects), Vec::<String>::new());
    // In view before the first results: reported once they are shown.
    assert_eq!(tracked(&state.apply(HostEvent::InView)), []);
    let names = |effects: &[HostEffect]| -> Vec<&'static str> {
        tracked(effects).into_iter().map(|(name, _)| name).collect()
    };
    assert_eq!(names(&show(&mut state)), ["partner_roi_view"]);
    assert_eq!(names(&state.apply(HostEvent::InView)), Vec::<&str>::new());
    let typed = type_into(&mut state, InputKey::DealValue, "15321");
    assert_eq!(names(&typed), ["partner_roi_start"]);
    assert_eq!(
        names(&type_into(&mut state, InputKey::DealValue, "15322")),
        Vec::<&str>::new()
    );
    assert_eq!(
        names(&state.apply(HostEvent::Calculator(Action::SelectTier(2)))),
        ["partner_roi_tier_select"]
    );
    let mut effects = state.apply(HostEvent::Request(HostAction::CopyLink));
    effects.extend(state.apply(HostEvent::Request(HostAction::Print)));
    effects.extend(state.apply(HostEvent::Request(HostAction::CallToAction {
        url: "https://example.com/apply".into(),
        new_tab: false,
    })));
    effects.extend(state.apply(HostEvent::Request(HostAction::DownloadCsv)));
    let reported = tracked(&effects);
    assert_eq!(
        reported.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
        ["partner_roi_share", "partner_roi_print", "partner_roi_cta"]
    );
    let (_, params) = &reported[2];
    let keys: Vec<&String> = params
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    assert_eq!(
        keys,
        ["currency", "language", "program_id", "tier", "value"]
    );
    assert_eq!(params["program_id"], "example-cloud");
    assert_eq!(
        params["tier"],
        calculator(&state).selected_tier_id().unwrap_or_default()
    );
    assert_eq!(params["language"], "en");
    let value = params["value"].as_i64().unwrap_or(1);
    assert_eq!(value % 1000, 0, "{params}");
    assert!(
        !params.to_string().contains("1532"),
        "no typed figure: {params}"
    );
}

#[test]
fn a_partner_who_acts_before_the_page_reports_the_view_has_seen_the_widget() {
    let (mut state, _) = connect(snapshot(&[("analytics", "gtag")]));
    let names = |effects: &[HostEffect]| -> Vec<&'static str> {
        tracked(effects).into_iter().map(|(name, _)| name).collect()
    };
    assert_eq!(names(&show(&mut state)), Vec::<&str>::new());
    assert_eq!(
        names(&type_into(&mut state, InputKey::DealValue, "15321")),
        ["partner_roi_view", "partner_roi_start"]
    );
    // The page's late word that it came into view reports nothing more.
    assert_eq!(names(&state.apply(HostEvent::InView)), Vec::<&str>::new());
    assert_eq!(
        names(&state.apply(HostEvent::Request(HostAction::Print))),
        ["partner_roi_print"]
    );
}

#[test]
fn an_analytics_value_that_is_no_target_is_the_pages_problem() {
    let (_, effects) = connect(snapshot(&[("analytics", "segment")]));
    assert_eq!(error_paths(&effects), ["analytics"]);
    assert!(warnings(&effects)[0].contains("datalayer, gtag"));
}

// ---- Applications (the program's `lead` section) ----

/// The built-in program with a `lead` section posting to a webhook.
fn program_with_lead() -> Value {
    let mut program = builtin_json();
    program["lead"] = json!({
        "fields": { "company": "required", "message": "optional" },
        "destination": { "webhook": "https://hooks.example.com/lead" },
        "consent_text": "You may contact me about the partner program.",
        "privacy_url": "https://example.com/privacy"
    });
    program
}

/// A widget showing [`program_with_lead`], with analytics on.
fn widget_with_lead() -> HostState {
    let (mut state, _) = connect(snapshot(&[("analytics", "datalayer")]));
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        program_with_lead(),
    )));
    show(&mut state);
    state
}

fn draft(answers: &[(LeadField, &str)], consent: bool) -> ApplicationDraft {
    ApplicationDraft {
        answers: answers
            .iter()
            .map(|(field, text)| (*field, (*text).to_owned()))
            .collect(),
        consent,
        summary: "Summary".into(),
    }
}

fn complete_draft() -> ApplicationDraft {
    draft(
        &[
            (LeadField::Name, "Ada Lovelace"),
            (LeadField::Email, "ada@analytical.example"),
            (LeadField::Company, "Analytical Engines Ltd"),
        ],
        true,
    )
}

fn sendings(effects: &[HostEffect]) -> Vec<(u64, Application)> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            HostEffect::SendApplication {
                attempt,
                application,
            } => Some((*attempt, (**application).clone())),
            _ => None,
        })
        .collect()
}

fn application_status(state: &HostState) -> ApplicationStatus {
    match state.view() {
        HostView::Ready(ready) => ready.application.clone(),
        other => panic!("expected the calculator, got {other:?}"),
    }
}

#[test]
fn an_application_with_problems_sends_nothing_and_names_each_field() {
    let mut state = widget_with_lead();
    let effects = state.apply(HostEvent::Request(HostAction::Apply(draft(
        &[(LeadField::Email, "not an email")],
        false,
    ))));
    assert_eq!(sendings(&effects).len(), 0);
    let ApplicationStatus::Invalid(problems) = application_status(&state) else {
        panic!("expected problems");
    };
    let fields: Vec<Option<LeadField>> = problems.iter().map(|p| p.field).collect();
    assert_eq!(
        fields,
        [
            Some(LeadField::Name),
            Some(LeadField::Email),
            Some(LeadField::Company),
            None
        ]
    );
    assert_eq!(problems[1].message, Msg::LeadEmail);
    assert_eq!(problems[3].message, Msg::LeadConsentNeeded);
}

#[test]
fn an_application_is_sent_once_however_often_send_is_pressed() {
    let mut state = widget_with_lead();
    let first = state.apply(HostEvent::Request(HostAction::Apply(complete_draft())));
    let again = state.apply(HostEvent::Request(HostAction::Apply(complete_draft())));
    let sent = sendings(&first);
    assert_eq!(sent.len(), 1);
    assert_eq!(sendings(&again).len(), 0);
    assert_eq!(application_status(&state), ApplicationStatus::Sending);
    let (attempt, application) = &sent[0];
    assert_eq!(
        application.tier.0,
        calculator(&state).selected_tier_id().unwrap_or_default()
    );
    assert_eq!(
        application.destination,
        LeadDestination::Webhook("https://hooks.example.com/lead".into())
    );
    // The answer to an earlier attempt changes nothing; this one's is shown, and reported.
    state.apply(HostEvent::ApplicationAnswered {
        attempt: attempt - 1,
        outcome: Ok(Delivered::Posted),
    });
    assert_eq!(application_status(&state), ApplicationStatus::Sending);
    let answered = state.apply(HostEvent::ApplicationAnswered {
        attempt: *attempt,
        outcome: Ok(Delivered::Posted),
    });
    assert_eq!(
        application_status(&state),
        ApplicationStatus::Sent(Delivered::Posted)
    );
    let events: Vec<&str> = tracked(&answered).iter().map(|(name, _)| *name).collect();
    assert_eq!(events, ["generate_lead"]);
    assert!(!tracked(&answered)[0].1.to_string().contains("Ada"));
    let after = state.apply(HostEvent::Request(HostAction::Apply(complete_draft())));
    assert_eq!(
        sendings(&after).len(),
        0,
        "a sent application is not sent again"
    );
}

#[test]
fn a_failed_application_can_be_sent_again() {
    let mut state = widget_with_lead();
    let (attempt, _) =
        sendings(&state.apply(HostEvent::Request(HostAction::Apply(complete_draft()))))[0].clone();
    let failed = state.apply(HostEvent::ApplicationAnswered {
        attempt,
        outcome: Err(SendFailure::Status(500)),
    });
    assert_eq!(tracked(&failed), []);
    assert_eq!(
        application_status(&state),
        ApplicationStatus::Failed(SendFailure::Status(500))
    );
    let retry = state.apply(HostEvent::Request(HostAction::Apply(complete_draft())));
    assert_eq!(sendings(&retry)[0].0, attempt + 1);
}

#[test]
fn a_page_that_takes_the_application_itself_gets_no_generate_lead_from_the_widget() {
    let mut state = widget_with_lead();
    let (attempt, _) =
        sendings(&state.apply(HostEvent::Request(HostAction::Apply(complete_draft()))))[0].clone();
    let answered = state.apply(HostEvent::ApplicationAnswered {
        attempt,
        outcome: Ok(Delivered::ByPage),
    });
    assert_eq!(tracked(&answered), []);
    assert_eq!(
        application_status(&state),
        ApplicationStatus::Sent(Delivered::ByPage)
    );
}

#[test]
fn without_a_lead_section_an_application_goes_nowhere() {
    let (mut state, _) = connect(snapshot(&[]));
    show(&mut state);
    let effects = state.apply(HostEvent::Request(HostAction::Apply(complete_draft())));
    assert_eq!(sendings(&effects).len(), 0);
    assert_eq!(application_status(&state), ApplicationStatus::Editing);
}

#[test]
fn opening_the_form_is_reported_as_the_call_to_action() {
    let mut state = widget_with_lead();
    let effects = state.apply(HostEvent::Request(HostAction::OpenApplication));
    let events: Vec<&str> = tracked(&effects).iter().map(|(name, _)| *name).collect();
    // Not reported in view yet: opening the form says the partner saw it.
    assert_eq!(events, ["partner_roi_view", "partner_roi_cta"]);
}

// ---- The rep who prepared the figures ----

#[test]
fn a_rep_typed_is_carried_by_the_link_copied_and_the_application_sent() {
    let mut state = widget_with_lead();
    let rep = Rep::typed("Jo Müller", "jo@vendor.example");
    state.apply(HostEvent::Request(HostAction::SetRep(rep.clone())));
    let effects = state.apply(HostEvent::Request(HostAction::CopyLink));
    let Some(HostEffect::CopyLink(ShareLink { code, .. })) = effects.first() else {
        panic!("expected the link, got {effects:?}");
    };
    assert!(
        code.starts_with("3~") && code.ends_with("~Jo%20M%C3%BCller,jo%40vendor.example"),
        "{code}"
    );
    let sent = sendings(&state.apply(HostEvent::Request(HostAction::Apply(complete_draft()))));
    assert_eq!(sent[0].1.rep, rep);
    match state.view() {
        HostView::Ready(ready) => assert_eq!(ready.rep, rep),
        other => panic!("expected the calculator, got {other:?}"),
    }
}

#[test]
fn a_link_that_names_a_rep_credits_that_rep() {
    let rep = Rep::typed("Sam Rep", "").unwrap();
    let program = Program::from_json(&program_with_lead()).unwrap();
    let code = encode_share_code(&program, &program.default_inputs(), None, Some(&rep));
    let mut page = snapshot(&[]);
    page.fragment = vec![(SHARE_PARAM.to_owned(), code)];
    let (mut state, _) = connect(page);
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
        program_with_lead(),
    )));
    show(&mut state);
    let sent = sendings(&state.apply(HostEvent::Request(HostAction::Apply(complete_draft()))));
    assert_eq!(sent[0].1.rep, Some(rep));
}

#[test]
fn links_made_in_a_file_point_to_the_programs_public_page() {
    let mut page = snapshot(&[]);
    page.page_address = "file:///home/rep/partner-roi.html".into();
    let (mut state, _) = connect(page);
    let mut program = program_with_lead();
    program["share_url"] = json!("https://vendor.example/partners");
    state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(program)));
    show(&mut state);
    let HostView::Ready(ready) = state.view() else {
        panic!("the widget should show");
    };
    let expected_start = format!("https://vendor.example/partners#{SHARE_PARAM}=");
    assert!(
        ready.share_url.starts_with(&expected_start),
        "{}",
        ready.share_url
    );
    let effects = state.apply(HostEvent::Request(HostAction::CopyLink));
    let Some(HostEffect::CopyLink(link)) = effects.first() else {
        panic!("expected the link, got {effects:?}");
    };
    assert_eq!(
        link.public_page.as_deref(),
        Some("https://vendor.example/partners")
    );
    assert_eq!(
        ready.share_url,
        link.from_page("file:///home/rep/partner-roi.html")
    );
    let sent = sendings(&state.apply(HostEvent::Request(HostAction::Apply(complete_draft()))));
    assert_eq!(sent[0].1.share, *link);
}

const NOW_MS: u64 = 1_796_676_077_000;

fn kept(url: &str, kept_at_ms: u64) -> Waiting {
    Waiting {
        url: url.into(),
        body: format!(r#"{{"kept_at":{kept_at_ms}}}"#),
        kept_at_ms,
    }
}

/// A widget showing [`program_with_lead`] on a page with `saved` in its storage.
fn lead_widget_on(online: bool, saved: &[(String, String)]) -> (HostState, Vec<HostEffect>) {
    let mut page = snapshot(&[("analytics", "datalayer")]);
    page.online = online;
    page.time_ms = NOW_MS;
    for (key, text) in saved {
        page.saved.insert(key.clone(), text.clone());
    }
    let (mut state, mut effects) = connect(page);
    effects.extend(
        state.apply(HostEvent::ProgramPropertySet(PropertyValue::Json(
            program_with_lead(),
        ))),
    );
    effects.extend(show(&mut state));
    (state, effects)
}

fn waiting_sent(effects: &[HostEffect]) -> Vec<Waiting> {
    effects
        .iter()
        .filter_map(|effect| match effect {
            HostEffect::SendWaiting(waiting) => Some(waiting.clone()),
            _ => None,
        })
        .collect()
}

fn waiting_count(state: &HostState) -> usize {
    match state.view() {
        HostView::Ready(ready) => ready.waiting,
        other => panic!("the widget should show, not {other:?}"),
    }
}

const OUTBOX_KEY: &str = "partner-roi:outbox/example-cloud:";
const LEAD_URL: &str = "https://hooks.example.com/lead";

#[test]
fn an_application_sent_offline_is_kept_on_the_device_and_counted() {
    let (mut state, _) = lead_widget_on(false, &[]);
    let sent = sendings(&state.apply(HostEvent::Request(HostAction::Apply(complete_draft()))));
    let waiting = kept(LEAD_URL, NOW_MS + 5);
    let effects = state.apply(HostEvent::ApplicationKept {
        attempt: sent[0].0,
        waiting: waiting.clone(),
    });
    assert!(effects.contains(&HostEffect::Save {
        key: OUTBOX_KEY.into(),
        text: outbox_text(&[waiting]),
    }));
    assert_eq!(waiting_count(&state), 1);
    match state.view() {
        HostView::Ready(ready) => assert_eq!(ready.application, ApplicationStatus::Kept),
        _ => unreachable!(),
    }
    // Kept is final for this form: another press sends nothing.
    let again = state.apply(HostEvent::Request(HostAction::Apply(complete_draft())));
    assert_eq!(sendings(&again), []);
}

#[test]
fn kept_applications_go_when_the_widget_starts_online_and_only_to_the_programs_address() {
    let stored = outbox_text(&[
        kept(LEAD_URL, NOW_MS - 1_000),
        kept("https://elsewhere.example/steal", NOW_MS - 900),
        kept(LEAD_URL, NOW_MS - KEEP_MS - 1),
    ]);
    let saved = [(OUTBOX_KEY.to_owned(), stored)];
    let (_, offline) = lead_widget_on(false, &saved);
    assert_eq!(waiting_sent(&offline), []);
    let (mut state, effects) = lead_widget_on(true, &saved);
    assert_eq!(waiting_sent(&effects), [kept(LEAD_URL, NOW_MS - 1_000)]);
    // The one older than 30 days was dropped; the foreign one stays, never sent.
    assert!(effects.contains(&HostEffect::Save {
        key: OUTBOX_KEY.into(),
        text: outbox_text(&[
            kept(LEAD_URL, NOW_MS - 1_000),
            kept("https://elsewhere.example/steal", NOW_MS - 900)
        ]),
    }));
    assert_eq!(waiting_count(&state), 2);
    // On its way, "Send now" does not send it twice.
    let now = state.apply(HostEvent::Request(HostAction::SendWaiting));
    assert_eq!(waiting_sent(&now), []);
    let failed = state.apply(HostEvent::WaitingAnswered {
        kept_at_ms: NOW_MS - 1_000,
        sent: false,
    });
    assert!(!failed.iter().any(|e| matches!(e, HostEffect::Save { .. })));
    let retried = state.apply(HostEvent::Request(HostAction::SendWaiting));
    assert_eq!(waiting_sent(&retried), [kept(LEAD_URL, NOW_MS - 1_000)]);
    let done = state.apply(HostEvent::WaitingAnswered {
        kept_at_ms: NOW_MS - 1_000,
        sent: true,
    });
    assert!(done.contains(&HostEffect::Save {
        key: OUTBOX_KEY.into(),
        text: outbox_text(&[kept("https://elsewhere.example/steal", NOW_MS - 900)]),
    }));
    let names: Vec<&str> = tracked(&done).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["generate_lead"]);
    assert_eq!(waiting_count(&state), 1);
    // The rep clears what is left.
    let cleared = state.apply(HostEvent::Request(HostAction::DiscardWaiting));
    assert!(cleared.contains(&HostEffect::Forget(OUTBOX_KEY.into())));
    assert_eq!(waiting_count(&state), 0);
}
