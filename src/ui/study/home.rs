//! The home page: every Book with its questions and the learner's progress in it.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::law::Book;
use crate::ui::state::{AppState, BankLoad};
use crate::ui::widgets::ProgressBar;

/// Lists the Books of the Code with their question counts and the learner's progress.
#[component]
pub fn HomePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="page">
            <h1>"学习《民法典》"</h1>
            <p class="lead">"按编练习，每题作答后即看解析与法条依据。无需注册，记录只保存在本机。"</p>
            {move || match state.bank.get() {
                BankLoad::Loading => view! { <p class="status">"题库加载中……"</p> }.into_any(),
                BankLoad::Failed(message) => {
                    view! { <p class="status error">"题库加载失败：" {message} "。请刷新页面重试。"</p> }
                        .into_any()
                }
                BankLoad::Ready(bank) => {
                    let books = Book::ALL
                        .into_iter()
                        .map(|book| {
                            let count = bank.in_book(book).count();
                            let bank = bank.clone();
                            let progress = move || {
                                state.learner.with(|l| l.progress.of_book(&bank, book))
                            };
                            view! {
                                <li class="book">
                                    <A href=format!("/practice/{}", book.number())>
                                        <span class="book-name">{book.heading()}</span>
                                        <span class="book-count">{count} " 题"</span>
                                    </A>
                                    {move || {
                                        let p = progress();
                                        let accuracy = p
                                            .accuracy_percent()
                                            .map(|a| format!("，正确率 {a}%"))
                                            .unwrap_or_default();
                                        view! {
                                            <ProgressBar done=p.answered total=p.total />
                                            <span class="book-progress">
                                                {format!("已练 {}/{}{accuracy}", p.answered, p.total)}
                                            </span>
                                        }
                                    }}
                                </li>
                            }
                        })
                        .collect_view();
                    view! { <ul class="books">{books}</ul> }.into_any()
                }
            }}
        </section>
    }
}
