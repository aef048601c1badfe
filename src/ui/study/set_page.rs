//! A practice set from a link (`/set?scope=chapter:12&order=shuffle&seed=7&mix=1`).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use super::PracticeSession;
use crate::core::study::SetSpec;

/// Runs the practice set the link names, or says the link is not valid.
#[component]
pub fn SetPage() -> impl IntoView {
    let query = use_query_map();
    let spec = Memo::new(move |_| {
        let query = query.read();
        SetSpec::from_params(|key| query.get(key))
    });
    move || match spec.get() {
        Some(spec) => view! { <PracticeSession spec /> }.into_any(),
        None => view! {
            <section class="page">
                <p class="status error">"这个练习链接无效。"</p>
                <A href="/practice">"自选练习"</A>
            </section>
        }
        .into_any(),
    }
}
