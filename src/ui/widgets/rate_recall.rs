//! After a right answer: the learner may say it was hard or easy, which moves its review.

use leptos::prelude::*;

use crate::core::study::Rating;

/// Three buttons — 较难, 一般, 简单 — with 一般 (Good) chosen until the learner says otherwise.
#[component]
pub fn RateRecall(
    /// Called with the rating the learner picks.
    on_rate: Callback<Rating>,
) -> impl IntoView {
    let chosen = RwSignal::new(Rating::Good);
    let choice = move |rating: Rating, label: &'static str| {
        view! {
            <button
                class="rate-choice"
                class:chosen=move || chosen.get() == rating
                aria-pressed=move || (chosen.get() == rating).to_string()
                on:click=move |_| {
                    chosen.set(rating);
                    on_rate.run(rating);
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="rate" role="group" aria-label="这题对你来说">
            <span>"这题对你来说："</span>
            {choice(Rating::Hard, "较难")}
            {choice(Rating::Good, "一般")}
            {choice(Rating::Easy, "简单")}
        </div>
    }
}
