//! Saved figures in `localStorage`, one entry per program and widget (keys from
//! `host_state`).
//!
//! Storage can be missing, full or forbidden (private modes, sandboxed frames): every
//! failure simply means nothing is saved or restored.

use std::collections::BTreeMap;
use web_sys::Storage;

use crate::names::STORAGE_PREFIX;

fn storage() -> Option<Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Every saved entry (key → text) under the storage prefix.
pub fn entries() -> BTreeMap<String, String> {
    let Some(storage) = storage() else {
        return BTreeMap::new();
    };
    let prefix = format!("{STORAGE_PREFIX}:");
    let length = storage.length().unwrap_or(0);
    (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(&prefix))
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Some((key, text))
        })
        .collect()
}

/// Saves `text` under `key`; failures are ignored.
pub fn save(key: &str, text: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, text);
    }
}
