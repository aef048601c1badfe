//! The 简/繁 switch: 繁體 loads the converter (and its table) only then; 简体 reloads the
//! page as written. The choice is remembered on this device.

use leptos::prelude::*;

use crate::core::script::Script;
use crate::ui::browser::{show_simplified, show_traditional, store_script, stored_script};

/// A button that switches between 简体 and 繁體, applying a stored 繁體 choice at start.
#[component]
pub fn ScriptToggle() -> impl IntoView {
    let current = RwSignal::new(stored_script());
    if current.get_untracked() == Script::Traditional {
        show_traditional();
    }
    let switch = move |_| {
        let (next, _) = current.get_untracked().other();
        store_script(next);
        current.set(next);
        match next {
            Script::Traditional => show_traditional(),
            Script::Simplified => show_simplified(),
        }
    };
    view! {
        <button class="script-toggle" on:click=switch title="简体 / 繁體">
            {move || current.get().other().1}
        </button>
    }
}
