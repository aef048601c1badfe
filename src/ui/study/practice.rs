//! Practice one Book: one question at a time, feedback after each answer.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::core::law::Book;
use crate::core::study::{next_question, practice_order};
use crate::ui::state::{AppState, BankLoad};
use crate::ui::widgets::QuestionCard;

/// The practice page of the Book in the URL (`/practice/3`).
#[component]
pub fn PracticePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let params = use_params_map();
    let book = Memo::new(move |_| {
        params
            .read()
            .get("book")
            .and_then(|n| n.parse::<u8>().ok())
            .and_then(Book::from_number)
    });
    // The question on screen; `None` until the learner moves on from the first one.
    let current = RwSignal::new(None::<String>);

    let header = move || {
        let (Some(book), Some(bank)) = (book.get(), state.ready_bank()) else {
            return None;
        };
        let p = state.learner.with(|l| l.progress.of_book(&bank, book));
        let accuracy = p
            .accuracy_percent()
            .map(|a| format!(" · 正确率 {a}%"))
            .unwrap_or_default();
        Some(view! {
            <h1>{book.heading()}</h1>
            <p class="practice-progress">{format!("已练 {}/{}{accuracy}", p.answered, p.total)}</p>
        })
    };

    let card = move || {
        let Some(book) = book.get() else {
            return view! {
                <p class="status error">"没有这一编。"</p>
                <A href="/">"返回首页"</A>
            }
            .into_any();
        };
        let bank = match state.bank.get() {
            BankLoad::Ready(bank) => bank,
            BankLoad::Loading => return view! { <p class="status">"题库加载中……"</p> }.into_any(),
            BankLoad::Failed(message) => {
                return view! { <p class="status error">"题库加载失败：" {message}</p> }.into_any()
            }
        };
        let order = practice_order(&bank, book);
        let wanted = current.get();
        let question = order
            .iter()
            .find(|q| Some(&q.id) == wanted.as_ref())
            .copied()
            .or_else(|| {
                let progress = &state.learner.read_untracked().progress;
                next_question(&order, progress, None)
            });
        let Some(question) = question else {
            return view! { <p class="status">"这一编暂无题目。"</p> }.into_any();
        };
        let case = question.case.as_ref().and_then(|id| bank.case(id)).cloned();
        let shown_id = question.id.clone();
        let on_answered = Callback::new({
            let id = shown_id.clone();
            move |correct: bool| state.record_answer(&id, correct)
        });
        let on_next = Callback::new(move |()| {
            let Some(bank) = state.ready_bank() else {
                return;
            };
            let order = practice_order(&bank, book);
            let progress = &state.learner.read_untracked().progress;
            let next = next_question(&order, progress, Some(&shown_id));
            current.set(next.map(|q| q.id.clone()));
        });
        view! { <QuestionCard question=question.clone() case on_answered on_next /> }.into_any()
    };

    view! {
        <section class="page practice">
            {header}
            {card}
        </section>
    }
}
