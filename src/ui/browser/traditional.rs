//! 繁體 in the page: the learner's stored choice, and loading `hant.js` — a small module that
//! fetches the conversion table and converts the page's text as the app renders it (see
//! `public/hant.js`). It is added to the page only when 繁體 is chosen, so the switch costs
//! the first load almost nothing. Going back to 简体 reloads the page.

use gloo_storage::{LocalStorage, Storage};

use crate::core::script::{Script, SCRIPT_KEY};

/// The module that converts the page, next to `index.html`.
const CONVERTER: &str = "hant.js";

/// The learner's stored choice.
pub fn stored_script() -> Script {
    Script::from_stored(
        LocalStorage::raw()
            .get_item(SCRIPT_KEY)
            .ok()
            .flatten()
            .as_deref(),
    )
}

/// Remembers the learner's choice (best effort: without storage it lasts for this visit).
pub fn store_script(script: Script) {
    let _ = LocalStorage::raw().set_item(SCRIPT_KEY, script.stored());
}

/// Adds the converting module to the page (once).
pub fn show_traditional() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("hant").is_some() {
        return;
    }
    let Ok(script) = document.create_element("script") else {
        return;
    };
    script.set_id("hant");
    let _ = script.set_attribute("type", "module");
    let _ = script.set_attribute("src", CONVERTER);
    if let Some(head) = document.head() {
        let _ = head.append_child(&script);
    }
}

/// Reloads the page, as the app renders it: in 简体.
pub fn show_simplified() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
