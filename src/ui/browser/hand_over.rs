//! Deep links into the administrators' app on hosts that only know one fallback page.
//!
//! A static host answers an unknown path such as `/admin/stats` with the learner's page
//! (`404.html` or `index.html`). The learner's app then loads the administrators' page, which
//! exists as a file (`admin/index.html`), with the wanted route in its query
//! (`admin/?to=stats`), and the administrators' app puts that route back into the address bar
//! before its router starts.

use wasm_bindgen::JsValue;

use super::base_path;

/// The query parameter that carries the route being handed over.
const ROUTE_PARAM: &str = "to";

/// Loads the administrators' app for the current address (a path under `/admin/`), keeping
/// the rest of the path and the query. Returns `false`, doing nothing, when the address is the
/// administrators' page itself — the host has no `admin/index.html`, and loading it again
/// would loop.
pub fn hand_over_to_admin() -> bool {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return false;
    };
    let pathname = location.pathname().unwrap_or_default();
    let search = location.search().unwrap_or_default();
    let admin = format!("{}/admin", base_path());
    let rest = pathname
        .strip_prefix(&admin)
        .unwrap_or_default()
        .trim_matches('/');
    if rest.is_empty() {
        return false;
    }
    let route = format!("{rest}{search}");
    let encoded = String::from(js_sys::encode_uri_component(&route));
    location
        .replace(&format!("{admin}/?{ROUTE_PARAM}={encoded}"))
        .is_ok()
}

/// In the administrators' app, before the router starts: turns `admin/?to=stats` back into
/// `admin/stats` in the address bar (without a new history entry).
pub fn take_handed_over_route() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    let Some(route) = url.search_params().get(ROUTE_PARAM) else {
        return;
    };
    // Only a path inside the admin area: never another origin or a path outside it.
    let route = route.trim_start_matches(['/', '\\']);
    let target = format!("{}/admin/{route}", base_path());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&target));
    }
}
