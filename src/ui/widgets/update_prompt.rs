//! The "a new version is ready" line, kept out of exam attempts.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::ui::browser::{apply_update, register_service_worker};
use crate::ui::state::AppState;

/// Registers the offline service worker and, once a new version of the app is waiting, offers
/// to reload — except on an exam attempt, where a reload must not interrupt the candidate.
///
/// The worker's installation downloads every file of the site for offline use, so it is
/// registered only once the bank is in (or has failed) and that page has painted: started with
/// the app, it competed with the first question (first visit 369 → 268 ms when deferred,
/// docs/PERFORMANCE.md).
#[component]
pub fn UpdatePrompt() -> impl IntoView {
    let waiting = RwSignal::new(false);
    expect_context::<AppState>().after_first_page(move || async move {
        register_service_worker(move || waiting.set(true));
    });
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
