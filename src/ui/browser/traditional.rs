//! Showing the page in Traditional characters: the document's text, and the attributes a
//! person reads or hears (placeholder, aria-label, title), are converted with the table, and a
//! MutationObserver converts whatever the app renders afterwards. Display only: the app's
//! state is untouched. Going back to 简体 reloads the page.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MutationObserver, MutationObserverInit, MutationRecord, Node};

use crate::core::script::{HantTable, Script, SCRIPT_KEY};

/// Attributes whose text is shown or read out.
const READ_ATTRIBUTES: [&str; 3] = ["placeholder", "aria-label", "title"];

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

/// Converts the whole document now and keeps converting what the app renders later.
pub fn show_traditional(table: HantTable) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.document_element() else {
        return;
    };
    let _ = root.set_attribute("lang", Script::Traditional.lang());
    convert_tree(&root, &table);
    document.set_title(&table.convert(&document.title()));
    let watched = root.clone();
    let callback = Closure::<dyn FnMut(js_sys::Array, MutationObserver)>::new(
        move |records: js_sys::Array, observer: MutationObserver| {
            // Our own changes are not observed: no loop.
            observer.disconnect();
            for record in records.iter() {
                let record: MutationRecord = record.unchecked_into();
                match record.type_().as_str() {
                    "childList" => {
                        let added = record.added_nodes();
                        for i in 0..added.length() {
                            if let Some(node) = added.item(i) {
                                convert_tree(&node, &table);
                            }
                        }
                    }
                    "attributes" => {
                        if let Some(target) = record.target() {
                            convert_attributes(&target, &table);
                        }
                    }
                    _ => {
                        if let Some(target) = record.target() {
                            convert_tree(&target, &table);
                        }
                    }
                }
            }
            observe(&observer, &watched);
        },
    );
    if let Ok(observer) = MutationObserver::new(callback.as_ref().unchecked_ref()) {
        observe(&observer, &root);
    }
    // The observer lives as long as the page.
    callback.forget();
}

fn observe(observer: &MutationObserver, root: &Node) {
    let options = MutationObserverInit::new();
    options.set_child_list(true);
    options.set_subtree(true);
    options.set_character_data(true);
    options.set_attributes(true);
    let filter = js_sys::Array::new();
    for name in READ_ATTRIBUTES {
        filter.push(&JsValue::from_str(name));
    }
    options.set_attribute_filter(&filter);
    let _ = observer.observe_with_options(root, &options);
}

fn convert_tree(node: &Node, table: &HantTable) {
    match node.node_type() {
        Node::TEXT_NODE => {
            if let Some(text) = node.node_value() {
                let converted = table.convert(&text);
                if converted != text {
                    node.set_node_value(Some(&converted));
                }
            }
        }
        Node::ELEMENT_NODE => {
            let element: &web_sys::Element = node.unchecked_ref();
            if matches!(element.tag_name().as_str(), "SCRIPT" | "STYLE" | "TEXTAREA") {
                return;
            }
            convert_attributes(node, table);
            let children = node.child_nodes();
            for i in 0..children.length() {
                if let Some(child) = children.item(i) {
                    convert_tree(&child, table);
                }
            }
        }
        _ => {}
    }
}

fn convert_attributes(node: &Node, table: &HantTable) {
    let Some(element) = node.dyn_ref::<web_sys::Element>() else {
        return;
    };
    for name in READ_ATTRIBUTES {
        if let Some(value) = element.get_attribute(name) {
            let converted = table.convert(&value);
            if converted != value {
                let _ = element.set_attribute(name, &converted);
            }
        }
    }
}
