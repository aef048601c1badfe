//! A small key → text store in IndexedDB (database `xuefa`, object store `records`), for
//! records that outgrow localStorage's few megabytes (the statistics data).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

const DB_NAME: &str = "xuefa";
const DB_VERSION: u32 = 1;
const STORE: &str = "records";

/// Resolves with the request's result on `success`, rejects on `error`.
fn request_done(request: &IdbRequest) -> JsFuture {
    let request = request.clone();
    JsFuture::from(js_sys::Promise::new(&mut |resolve, reject| {
        let done = request.clone();
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call1(&JsValue::NULL, &done.result().unwrap_or(JsValue::UNDEFINED));
        });
        let fail = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call1(
                &JsValue::NULL,
                &JsValue::from_str("IndexedDB request failed"),
            );
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(fail.unchecked_ref()));
    }))
}

/// Resolves when the transaction has committed, rejects when it fails or is aborted.
fn transaction_done(transaction: &IdbTransaction) -> JsFuture {
    let transaction = transaction.clone();
    JsFuture::from(js_sys::Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let fail = Closure::once_into_js(move |_: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("IndexedDB write failed"));
        });
        transaction.set_oncomplete(Some(ok.unchecked_ref()));
        transaction.set_onerror(Some(fail.unchecked_ref()));
        transaction.set_onabort(Some(fail.unchecked_ref()));
    }))
}

async fn open() -> Result<IdbDatabase, String> {
    let unavailable = |_| "浏览器不提供 IndexedDB 存储".to_string();
    let factory = web_sys::window()
        .ok_or("没有浏览器窗口")?
        .indexed_db()
        .map_err(unavailable)?
        .ok_or("浏览器不提供 IndexedDB 存储")?;
    let request = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(unavailable)?;
    let upgrading = request.clone();
    let upgrade = Closure::once_into_js(move |_: web_sys::Event| {
        if let Ok(db) = upgrading.result() {
            let db: IdbDatabase = db.unchecked_into();
            if !db.object_store_names().contains(STORE) {
                let _ = db.create_object_store(STORE);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db = request_done(&request).await.map_err(unavailable)?;
    Ok(db.unchecked_into())
}

/// The text stored under `key`, if any.
pub async fn idb_get(key: &str) -> Result<Option<String>, String> {
    let fail = |_| "无法读取浏览器中的 IndexedDB 数据".to_string();
    let db = open().await?;
    let transaction = db.transaction_with_str(STORE).map_err(fail)?;
    let request = transaction
        .object_store(STORE)
        .map_err(fail)?
        .get(&JsValue::from_str(key))
        .map_err(fail)?;
    let value = request_done(&request).await.map_err(fail)?;
    db.close();
    Ok(value.as_string())
}

/// Stores `value` under `key`, replacing what was there; returns once it is committed.
pub async fn idb_put(key: &str, value: &str) -> Result<(), String> {
    write("存储空间已满或不可用", |store| {
        store.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key))
    })
    .await
}

/// Removes whatever is stored under `key`; returns once it is committed.
pub async fn idb_delete(key: &str) -> Result<(), String> {
    write("存储不可用", |store| {
        store.delete(&JsValue::from_str(key))
    })
    .await
}

/// Runs one change on the object store in a read-write transaction and waits for the commit;
/// a failure after the database opened is reported as `failed`.
async fn write(
    failed: &str,
    change: impl FnOnce(&IdbObjectStore) -> Result<IdbRequest, JsValue>,
) -> Result<(), String> {
    let db = open().await?;
    let fail = |_| failed.to_string();
    let transaction = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(fail)?;
    change(&transaction.object_store(STORE).map_err(fail)?).map_err(fail)?;
    let committed = transaction_done(&transaction).await.map(drop).map_err(fail);
    db.close();
    committed
}
