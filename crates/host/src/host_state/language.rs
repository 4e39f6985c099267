//! The language a widget speaks and the locale of its figures.

use super::phase::LoadedProgram;
use super::{HostEffect, HostState};
use crate::names::ATTR_LANG;
use partner_roi_engine::program_parse::is_locale_tag;
use partner_roi_engine::Program;
use partner_roi_i18n::Language;

/// The figures' locale when neither the widget's language nor the visitor names a real one.
const FALLBACK_LOCALE: &str = "en-US";

/// Which languages' texts a widget has (English always), and which it asked for.
#[derive(Debug, Default)]
pub(super) struct LanguageTexts {
    pub here: Vec<Language>,
    asked: Vec<Language>,
}

impl HostState {
    /// Asks, once, for the texts of the language the widget speaks when it has not them
    /// (meanwhile it speaks English).
    pub(super) fn ask_for_texts(&mut self, out: &mut Vec<HostEffect>) {
        let (language, _) = self.language();
        let texts = &mut self.texts;
        if language == Language::ENGLISH
            || texts.here.contains(&language)
            || texts.asked.contains(&language)
        {
            return;
        }
        texts.asked.push(language);
        out.push(HostEffect::LoadLanguage(language));
    }

    /// The texts of `language` arrived: a widget that speaks it shows them, and the built-in
    /// program's texts in it.
    pub(super) fn texts_arrived(&mut self, language: Language, out: &mut Vec<HostEffect>) {
        if !self.texts.here.contains(&language) {
            self.texts.here.push(language);
        }
        if self.language().0 != language {
            return;
        }
        match self.phase.showing_mut() {
            Some(shown) => {
                if shown.base.builtin {
                    shown.base = LoadedProgram::builtin(shown.base.example_notice);
                }
                self.reapply_overrides(false, out);
            }
            None => out.push(HostEffect::Render),
        }
    }

    /// The language the widget speaks, and the tag that chose it (the locale of the figures
    /// when the program sets none): the element's `lang`, else its ancestor's, else the
    /// program's `language`, else the first of the visitor's languages the widget speaks,
    /// else English (and the visitor's locale, [`Self::visitor_locale`]).
    pub fn language(&self) -> (Language, Option<String>) {
        let base = self
            .phase
            .showing()
            .map(|shown| shown.base.program.as_ref());
        self.language_with(base)
    }

    /// [`Self::language`] with `program` in force.
    pub(super) fn language_with(&self, program: Option<&Program>) -> (Language, Option<String>) {
        let program_language = program.and_then(|program| program.language.as_deref());
        let candidates = [
            self.attribute(ATTR_LANG),
            self.ancestor_lang.as_deref(),
            program_language,
        ]
        .into_iter()
        .flatten()
        .chain(self.browser_languages.iter().map(String::as_str));
        match Language::first_spoken(candidates) {
            Some((language, tag)) => (language, Some(tag.trim().to_owned())),
            None => (Language::ENGLISH, Some(self.visitor_locale())),
        }
    }

    /// The visitor's first language that names a real locale, else `en-US`: WebKitGTK under
    /// the C locale reports `C`, whose `Intl` formats "$ 180033" with no grouping.
    fn visitor_locale(&self) -> String {
        self.browser_languages
            .iter()
            .map(|tag| tag.trim())
            .find(|tag| {
                let language = tag.split('-').next().unwrap_or_default();
                is_locale_tag(tag)
                    && (2..=3).contains(&language.len())
                    && language.chars().all(|c| c.is_ascii_alphabetic())
            })
            .unwrap_or(FALLBACK_LOCALE)
            .to_owned()
    }

    /// `program` (overridden from `base`) in the widget's language: its own texts in that
    /// language where it has them, and the locale of its figures: the page's `locale`
    /// attribute; else the program's where it is of the widget's language, or forced
    /// (`force_locale`); else the language's own (a German page formats `1.234,50 $`
    /// whatever locale an English program names).
    pub(super) fn in_language(&self, program: &Program, base: &Program) -> Program {
        let (language, tag) = self.language_with(Some(base));
        let mut program = program.translated(language);
        let primary = |tag: &str| {
            tag.split('-')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase()
        };
        let set_by_page = program.locale != base.locale;
        let own_locale_applies = program.locale.as_deref().is_some_and(|locale| {
            set_by_page || program.force_locale || primary(locale) == primary(language.tag())
        });
        if !own_locale_applies {
            program.locale = tag;
        }
        program
    }
}
