//! Handing text to the user: a file download and the clipboard.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Offers `text` as a file download named `name`.
pub fn download_text(name: &str, text: &str, mime: &str) -> Result<(), String> {
    download(name, &wasm_bindgen::JsValue::from_str(text), mime)
}

/// Offers `bytes` (an .xlsx workbook, say) as a file download named `name`.
pub fn download_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), String> {
    download(name, &js_sys::Uint8Array::from(bytes), mime)
}

fn download(name: &str, part: &wasm_bindgen::JsValue, mime: &str) -> Result<(), String> {
    let fail = |_| "浏览器不允许下载文件".to_string();
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("没有浏览器窗口")?;
    let link: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies `text` to the clipboard; the error asks the user to copy by hand.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("没有浏览器窗口")?;
    let clipboard = window.navigator().clipboard();
    if JsFuture::from(clipboard.write_text(text)).await.is_ok() {
        return Ok(());
    }
    // Older webviews inside chat apps: copy from a selected, off-screen text area.
    let copied = window.document().and_then(|document| {
        let area: web_sys::HtmlTextAreaElement =
            document.create_element("textarea").ok()?.unchecked_into();
        area.set_value(text);
        let _ = area.set_attribute("style", "position:fixed;left:-9999px");
        document.body()?.append_child(&area).ok()?;
        area.select();
        let html: web_sys::HtmlDocument = document.unchecked_into();
        let ok = html.exec_command("copy").unwrap_or(false);
        area.remove();
        Some(ok)
    });
    match copied {
        Some(true) => Ok(()),
        _ => Err("无法自动复制，请长按或选中代码后手动复制".into()),
    }
}

/// The files chosen in a file input, as (name, bytes), in the order given.
pub async fn read_chosen_files(
    input: &web_sys::HtmlInputElement,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    match input.files() {
        Some(list) => read_files(&list).await,
        None => Ok(vec![]),
    }
}

/// The files dropped on an element (its `drop` event), as (name, bytes), in the order given.
pub async fn read_dropped_files(
    event: &web_sys::DragEvent,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    match event.data_transfer().and_then(|t| t.files()) {
        Some(list) => read_files(&list).await,
        None => Ok(vec![]),
    }
}

async fn read_files(list: &web_sys::FileList) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::with_capacity(list.length() as usize);
    for i in 0..list.length() {
        let Some(file) = list.item(i) else { continue };
        let buffer = JsFuture::from(file.array_buffer())
            .await
            .map_err(|_| format!("无法读取文件“{}”", file.name()))?;
        files.push((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()));
    }
    Ok(files)
}

/// Opens the browser's print dialog.
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Decodes GB18030 / GBK bytes with the browser's own decoder (lossy if it has none).
pub fn decode_gb18030(bytes: &[u8]) -> String {
    web_sys::TextDecoder::new_with_label("gb18030")
        .and_then(|decoder| decoder.decode_with_u8_array(bytes))
        .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
}
