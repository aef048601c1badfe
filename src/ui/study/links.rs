//! Links to practice sets.

use crate::core::study::SetSpec;

/// The app path that opens a practice set: `/set?scope=…`.
pub fn set_href(spec: &SetSpec) -> String {
    let query: Vec<String> = spec
        .to_params()
        .into_iter()
        .map(|(key, value)| format!("{key}={}", js_sys::encode_uri_component(&value)))
        .collect();
    format!("/set?{}", query.join("&"))
}
