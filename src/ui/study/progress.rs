//! The progress page: answered, accuracy and mastered per Book and chapter, and the streak.

use leptos::prelude::*;
use leptos_router::components::A;

use super::set_href;
use crate::core::law::{Book, Chapter};
use crate::core::study::{Scope, SetSpec, Summary};
use crate::ui::browser::today;
use crate::ui::state::AppState;
use crate::ui::widgets::ProgressBar;

/// Bars per Book, and per chapter inside each Book.
#[component]
pub fn ProgressPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || {
        let Some(bank) = state.study_bank() else {
            return view! { <p class="status">"题库加载中……"</p> }.into_any();
        };
        state.learner.with(|learner| {
            let now = today();
            let streak = format!(
                "连续学习 {} 天 · 最长 {} 天",
                learner.streak.current(now),
                learner.streak.best()
            );
            let books = Book::ALL
                .into_iter()
                .map(|book| {
                    let summary = learner.progress.of_book(&bank, book);
                    let chapters = Chapter::of_book(book)
                        .map(|chapter| {
                            let s = learner.progress.of_chapter(&bank, chapter);
                            let href =
                                set_href(&SetSpec::sequential(Scope::Chapter(chapter.index())));
                            view! {
                                <li class="chapter-progress">
                                    <A href=href>{chapter.title}</A>
                                    <ProgressBar label=format!("{} 练习进度", chapter.title) done=s.answered total=s.total />
                                    <span class="figures">{figures(&s)}</span>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <details class="book-progress-block">
                            <summary>
                                <span class="book-name">{book.heading()}</span>
                                <ProgressBar label=format!("{} 练习进度", book.heading()) done=summary.answered total=summary.total />
                                <span class="figures">{figures(&summary)}</span>
                            </summary>
                            <ul class="chapters">{chapters}</ul>
                        </details>
                    }
                })
                .collect_view();
            view! {
                <p class="streak">{streak}</p>
                {books}
            }
            .into_any()
        })
    };
    view! {
        <section class="page">
            <h1>"学习进度"</h1>
            {body}
        </section>
    }
}

/// "已练 3/20 · 正确率 67% · 已掌握 1".
fn figures(s: &Summary) -> String {
    let accuracy = s
        .accuracy_percent()
        .map(|a| format!(" · 正确率 {a}%"))
        .unwrap_or_default();
    format!(
        "已练 {}/{}{accuracy} · 已掌握 {}",
        s.answered, s.total, s.mastered
    )
}
