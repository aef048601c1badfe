//! The "a new version is ready" line, kept out of exam attempts.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::ui::browser::{apply_update, register_service_worker};

/// Registers the offline service worker and, once a new version of the app is waiting, offers
/// to reload — except on an exam attempt, where a reload must not interrupt the candidate.
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let waiting = RwSignal::new(false);
    register_service_worker(move || waiting.set(true));
    let pathname = use_location().pathname;
    let shown = move || waiting.get() && !pathname.get().contains("/exam/attempt/");
    view! {
        <Show when=shown>
            <div class="notice update" role="status">
                <p>"有新版本，刷新即可更新"</p>
                <button on:click=move |_| apply_update()>"刷新"</button>
            </div>
        </Show>
    }
}
