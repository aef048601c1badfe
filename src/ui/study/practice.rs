//! Practice one Book (`/practice/3`): the Book's set, going round the unanswered questions.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::PracticeSession;
use crate::core::law::Book;
use crate::core::study::{Scope, SetSpec};

/// The practice page of the Book in the URL.
#[component]
pub fn PracticePage() -> impl IntoView {
    let params = use_params_map();
    let book = Memo::new(move |_| {
        params
            .read()
            .get("book")
            .and_then(|n| n.parse::<u8>().ok())
            .and_then(Book::from_number)
    });
    move || match book.get() {
        Some(book) => {
            view! { <PracticeSession spec=SetSpec::sequential(Scope::Book(book)) /> }.into_any()
        }
        None => view! {
            <section class="page">
                <p class="status error">"没有这一编。"</p>
                <A href="/">"返回首页"</A>
            </section>
        }
        .into_any(),
    }
}
