//! A horizontal bar showing how much of something is done.

use leptos::prelude::*;

/// A bar filled to `done / total`, with the figures for screen readers.
#[component]
pub fn ProgressBar(
    /// How many are done.
    done: usize,
    /// How many there are.
    total: usize,
) -> impl IntoView {
    let percent = (done * 100).checked_div(total).unwrap_or(0);
    view! {
        <div
            class="bar"
            role="progressbar"
            aria-valuemin="0"
            aria-valuemax=total
            aria-valuenow=done
        >
            <div class="bar-fill" style=format!("width: {percent}%")></div>
        </div>
    }
}
