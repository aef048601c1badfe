//! The 简/繁 switch: 繁體 fetches the conversion table (only then) and converts the page;
//! 简体 reloads the page as written. The choice is remembered on this device.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::script::{HantTable, Script, TABLE_FILE};
use crate::ui::browser::{fetch_text, show_traditional, store_script, stored_script};
use crate::ui::state::AppState;

/// A button that switches between 简体 and 繁體, applying a stored 繁體 choice at start.
#[component]
pub fn ScriptToggle() -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = RwSignal::new(stored_script());
    let loading = RwSignal::new(false);
    let load_traditional = move || {
        loading.set(true);
        spawn_local(async move {
            let table = fetch_text(TABLE_FILE)
                .await
                .and_then(|text| HantTable::from_text(&text));
            loading.set(false);
            match table {
                Ok(table) => show_traditional(table),
                Err(message) => {
                    current.set(Script::Simplified);
                    store_script(Script::Simplified);
                    state.notice.set(Some(format!(
                        "无法载入繁体字表（{message}），仍以简体显示。"
                    )));
                }
            }
        });
    };
    if current.get_untracked() == Script::Traditional {
        load_traditional();
    }
    let switch = move |_| match current.get_untracked() {
        Script::Simplified => {
            current.set(Script::Traditional);
            store_script(Script::Traditional);
            load_traditional();
        }
        Script::Traditional => {
            store_script(Script::Simplified);
            if let Some(window) = web_sys::window() {
                let _ = window.location().reload();
            }
        }
    };
    view! {
        <button
            class="script-toggle"
            on:click=switch
            disabled=move || loading.get()
            title="简体 / 繁體"
        >
            {move || current.get().other().1}
        </button>
    }
}
