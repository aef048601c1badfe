//! The statistics page's data (`xuefa.admin`) in IndexedDB, through its versioned schema in the
//! core. Data an earlier build kept in localStorage is moved over once. A value that cannot be
//! read is copied aside under a stamped key and the user is told; if even that copy fails,
//! nothing is saved over the stored value for this visit.

use gloo_storage::{LocalStorage, Storage};

use super::idb::{idb_get, idb_put};
use super::storage::Loaded;
use crate::core::storage::aside_key;
use crate::core::units::{decode_admin_store, encode_admin_store, AdminStore, ADMIN_KEY};

const NAME: &str = "统计数据";

/// Reads the statistics data (moving it from localStorage, where builds before IndexedDB kept
/// it).
pub async fn load_admin(now_ms: u64) -> Loaded<AdminStore> {
    let fresh = |writable, notice| Loaded {
        value: AdminStore::default(),
        writable,
        notice,
    };
    let stored = match idb_get(ADMIN_KEY).await {
        Ok(stored) => stored,
        Err(e) => {
            let notice = format!("{e}（可能处于隐私模式），导入的名单和成绩在关闭页面后不会保留。");
            return fresh(false, Some(notice));
        }
    };
    let from_local = stored.is_none();
    let raw = match stored.or_else(|| LocalStorage::raw().get_item(ADMIN_KEY).ok().flatten()) {
        Some(raw) => raw,
        None => return fresh(true, None),
    };
    match decode_admin_store(&raw) {
        Ok((value, migrated)) => {
            if migrated || from_local {
                let moved = idb_put(ADMIN_KEY, &encode_admin_store(&value)).await;
                if moved.is_ok() && from_local {
                    let _ = LocalStorage::raw().remove_item(ADMIN_KEY);
                }
            }
            Loaded {
                value,
                writable: true,
                notice: None,
            }
        }
        Err(error) => {
            let key = aside_key(ADMIN_KEY, now_ms);
            match idb_put(&key, &raw).await {
                Ok(()) => fresh(
                    true,
                    Some(format!(
                        "原有{NAME}无法读取（{error}）。原数据已原样另存为“{key}”，现从空白记录开始。"
                    )),
                ),
                Err(_) => fresh(
                    false,
                    Some(format!(
                        "原有{NAME}无法读取（{error}），且存储空间不足以另存备份。为免覆盖原数据，本次{NAME}不会保存。"
                    )),
                ),
            }
        }
    }
}

/// Writes the statistics data; the error is a message for the user.
pub async fn save_admin(store: &AdminStore) -> Result<(), String> {
    idb_put(ADMIN_KEY, &encode_admin_store(store))
        .await
        .map_err(|e| format!("{e}，最新导入的名单或成绩未能保存，关闭页面后需重新导入。"))
}
