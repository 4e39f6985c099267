//! The widget's languages beyond English, which travel as language files
//! (`host::language_file`): `src/embed/element.js` fetches the page's language while the
//! wasm loads (or, in the single-file pages, has every language inlined) and installs what
//! it has in each new instance ([`install_language`]); a widget that comes to speak another
//! language asks element.js for it ([`load`]).

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::i18n::Language;
use crate::language_file::{self, file_name};

/// `installLanguage(file, text)`: installs the text of language file `file` in this
/// instance; `undefined` when it did, else the console warning that says why not.
#[wasm_bindgen(js_name = installLanguage)]
pub fn install_language(file: &str, text: &str) -> Option<String> {
    language_file::install(text)
        .err()
        .map(|why| unusable(file, &why))
}

/// The console warning for language file `file`, which is not usable because of `why`.
fn unusable(file: &str, why: &str) -> String {
    format!("partner-roi: {file} cannot be used ({why}); the widget speaks English")
}

/// `language`'s file from element.js's `language_file` (`(tag) => Promise<string | null>`,
/// `null` when it could not be fetched, said in the console there), installed; `None`
/// when it did not come or is not usable (said in the console): the widget stays English.
pub async fn load(language_file: &Function, language: Language) -> Option<Language> {
    let promise: Promise = language_file
        .call1(&JsValue::NULL, &language.tag().into())
        .ok()?
        .dyn_into()
        .ok()?;
    let text = JsFuture::from(promise).await.ok()?.as_string()?;
    match language_file::install(&text) {
        Ok(installed) => Some(installed),
        Err(why) => {
            let warning = unusable(&file_name(language), &why);
            web_sys::console::warn_1(&warning.into());
            None
        }
    }
}
