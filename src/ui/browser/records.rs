//! Every record of the app in localStorage at once (the keys under `xuefa.`), for backup,
//! restore and clearing. Which keys count and how they merge is decided in `core::backup`.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};

use crate::core::backup::is_app_key;

const UNAVAILABLE: &str = "浏览器不允许读写本地数据（可能处于隐私模式）";

/// The app's stored records, key → text.
pub fn app_records() -> Result<BTreeMap<String, String>, String> {
    let storage = LocalStorage::raw();
    let length = storage.length().map_err(|_| UNAVAILABLE.to_string())?;
    let mut records = BTreeMap::new();
    for i in 0..length {
        let Ok(Some(key)) = storage.key(i) else {
            continue;
        };
        if is_app_key(&key) {
            if let Ok(Some(text)) = storage.get_item(&key) {
                records.insert(key, text);
            }
        }
    }
    Ok(records)
}

/// Stores each (key, text) in order; stops at the first failure (storage full).
pub fn write_records(records: &[(String, String)]) -> Result<(), String> {
    let storage = LocalStorage::raw();
    for (key, text) in records {
        storage
            .set_item(key, text)
            .map_err(|_| format!("存储空间已满或不可用，“{key}”未能写入"))?;
    }
    Ok(())
}

/// Removes every record of the app.
pub fn clear_app_records() -> Result<(), String> {
    let storage = LocalStorage::raw();
    for key in app_records()?.keys() {
        storage
            .remove_item(key)
            .map_err(|_| UNAVAILABLE.to_string())?;
    }
    Ok(())
}

/// Reloads the app at the current path with `query` (e.g. `done=restored`), so that every
/// page starts again from the stored records.
pub fn reload_with_query(query: &str) {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let path = location.pathname().unwrap_or_default();
        let _ = location.replace(&format!("{path}?{query}"));
    }
}
