//! Every record of the app at once (the keys under `xuefa.`: localStorage, and the statistics
//! data in IndexedDB), for backup, restore and clearing. Which keys count and how they merge is
//! decided in `core::backup`.

use std::collections::BTreeMap;

use gloo_storage::{LocalStorage, Storage};

use super::idb::{idb_delete, idb_get, idb_put};
use crate::core::backup::is_app_key;
use crate::core::units::ADMIN_KEY;

const UNAVAILABLE: &str = "浏览器不允许读写本地数据（可能处于隐私模式）";

/// Whether the record lives in IndexedDB: the statistics data and its kept-aside copies.
fn in_indexed_db(key: &str) -> bool {
    key == ADMIN_KEY || key.starts_with(&format!("{ADMIN_KEY}."))
}

/// The app's stored records, key → text (the statistics data as IndexedDB holds it).
pub async fn app_records() -> Result<BTreeMap<String, String>, String> {
    let mut records = local_records()?;
    let admin = idb_get(ADMIN_KEY)
        .await
        .map_err(|e| format!("统计数据无法读取：{e}"))?;
    if let Some(text) = admin {
        records.insert(ADMIN_KEY.to_string(), text);
    }
    Ok(records)
}

/// The app's records in localStorage, key → text.
fn local_records() -> Result<BTreeMap<String, String>, String> {
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
pub async fn write_records(records: &[(String, String)]) -> Result<(), String> {
    let storage = LocalStorage::raw();
    for (key, text) in records {
        let failed = |_| format!("存储空间已满或不可用，“{key}”未能写入");
        if in_indexed_db(key) {
            idb_put(key, text).await.map_err(failed)?;
        } else {
            storage
                .set_item(key, text)
                .map_err(|_| failed(String::new()))?;
        }
    }
    Ok(())
}

/// Removes every record of the app (the statistics data from IndexedDB too).
pub async fn clear_app_records() -> Result<(), String> {
    let storage = LocalStorage::raw();
    for key in local_records()?.keys() {
        storage
            .remove_item(key)
            .map_err(|_| UNAVAILABLE.to_string())?;
    }
    idb_delete(ADMIN_KEY)
        .await
        .map_err(|e| format!("统计数据未能清除：{e}"))
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
