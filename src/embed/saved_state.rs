//! Saved figures in `localStorage`, one entry per program and element id.
//!
//! Storage can be missing, full or forbidden (private modes, sandboxed frames): every
//! failure simply means nothing is saved or restored.

use web_sys::Storage;

use super::names::STORAGE_PREFIX;

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The key for `program_id` in the element with `element_id` (may be empty).
pub fn storage_key(program_id: &str, element_id: &str) -> String {
    format!("{STORAGE_PREFIX}:{program_id}:{element_id}")
}

/// The saved share code under `key`, if any.
pub fn load(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Saves `code` under `key`; failures are ignored.
pub fn save(key: &str, code: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, code);
    }
}
