//! Fetching the app's own files.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// Fetches a file relative to the app's base and returns its text, or a message saying why not.
pub async fn fetch_text(url: &str) -> Result<String, String> {
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
