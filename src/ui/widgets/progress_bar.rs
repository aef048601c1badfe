//! A horizontal bar showing how much of something is done.

use leptos::prelude::*;

/// A bar filled to `done / total`, with its name and the figures for screen readers.
#[component]
pub fn ProgressBar(
    /// What the bar measures, read out by screen readers.
    #[prop(into)]
    label: String,
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
            aria-label=label
            aria-valuemin="0"
            aria-valuemax=total
            aria-valuenow=done
        >
            <div class="bar-fill" style:width=format!("{percent}%")></div>
        </div>
    }
}
