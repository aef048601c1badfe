//! Saving a text the app made as a file on the learner's device.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a download named `file_name`; the error is a message for the learner.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let failed = |_| "浏览器无法生成下载文件。".to_string();
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(failed)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(failed)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("没有浏览器窗口")?;
    let link: HtmlAnchorElement = document
        .create_element("a")
        .map_err(failed)?
        .dyn_into()
        .map_err(|_| "浏览器无法生成下载文件。".to_string())?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = Url::revoke_object_url(&url);
    Ok(())
}
