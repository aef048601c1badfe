//! Fetching the app's own files.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Fetches a file relative to the app's base and returns its text, or a message saying why not.
async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "网络不可用".to_string())?;
    let response: Response = response.dyn_into().map_err(|_| "响应无效".to_string())?;
    if !response.ok() {
        return Err(format!("服务器返回 {}", response.status()));
    }
    let text = response.text().map_err(|_| "响应无法读取".to_string())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|value| value.as_string())
        .ok_or_else(|| "响应无法读取".to_string())
}

/// The global under which `public/fetch-bank.js` leaves its download of the bank: a promise of
/// the text, or of `null` when that download failed.
const EARLY_BANK: &str = "xuefaBankText";

/// The built-in bank's text: taken from the download the page started before the app
/// (`public/fetch-bank.js`), or fetched now when there is none or it failed — so a failure is
/// reported the way `fetch_text` words it.
pub async fn fetch_bank_text() -> Result<String, String> {
    if let Some(text) = take_early_bank().await {
        return Ok(text);
    }
    fetch_text("bank.json").await
}

/// The text of the page's early download of the bank, once; `None` if there was none (another
/// page, or already taken) or it failed.
async fn take_early_bank() -> Option<String> {
    let window: JsValue = web_sys::window()?.into();
    let key = JsValue::from_str(EARLY_BANK);
    let download = js_sys::Reflect::get(&window, &key).ok()?;
    let download = download.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &key);
    JsFuture::from(download).await.ok()?.as_string()
}
