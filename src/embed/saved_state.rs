//! Saved figures in `localStorage`, one entry per program and widget (keys from
//! `host_state`).
//!
//! Storage can be missing, full or forbidden (private modes, sandboxed frames): every
//! failure simply means nothing is saved or restored.

use web_sys::Storage;

use crate::host_state::TextMap;
use crate::names::STORAGE_PREFIX;

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Every saved entry (key → text) under the storage prefix.
pub fn entries() -> TextMap {
    let Some(storage) = storage() else {
        return TextMap::default();
    };
    let prefix = format!("{STORAGE_PREFIX}:");
    let mut entries = TextMap::default();
    for index in 0..storage.length().unwrap_or(0) {
        let Some(key) = storage.key(index).ok().flatten() else {
            continue;
        };
        if !key.starts_with(&prefix) {
            continue;
        }
        if let Some(text) = storage.get_item(&key).ok().flatten() {
            entries.insert(key, text);
        }
    }
    entries
}

/// Removes the entry under `key`; failures are ignored.
pub fn forget(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Saves `text` under `key`; failures are ignored.
pub fn save(key: &str, text: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, text);
    }
}
