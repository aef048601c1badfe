//! The home page: today's review, streak and question of the day, the study tools, and
//! every Book with its questions and the learner's progress in it.

use leptos::prelude::*;
use leptos_router::components::A;

use super::set_href;
use crate::core::law::Book;
use crate::core::study::{daily_question, Scope, SetSpec};
use crate::ui::browser::today;
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
            <TodayPanel />
            <nav class="tools" aria-label="学习工具">
                <A href="/practice">"自选练习"</A>
                <A href="/wrong">
                    "错题本 "
                    <span class="tool-count">{move || state.learner.with(|l| l.wrong.len())}</span>
                </A>
                <A href="/progress">"学习进度"</A>
                <A href="/search">"搜索"</A>
            </nav>
            {move || match state.study_load() {
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
                                            <ProgressBar label=format!("{} 练习进度", book.heading()) done=p.answered total=p.total />
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

/// Today's review queue, the streak and the question of the day.
#[component]
fn TodayPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let review_href = set_href(&SetSpec::sequential(Scope::Review));
    let due = move || state.learner.with(|l| l.due_count(today()));
    let streak = move || state.learner.with(|l| l.streak.current(today()));
    let daily = move || {
        // The built-in bank, so the question of the day is the same for everyone.
        let bank = state.ready_bank()?;
        let question = daily_question(&bank, today())?;
        let href = set_href(&SetSpec::sequential(Scope::Question(question.id.clone())));
        Some(view! {
            <div class="daily">
                <h2>"每日一题"</h2>
                <p class="daily-stem">{question.stem.clone()}</p>
                <A href=href>"去作答"</A>
            </div>
        })
    };
    view! {
        <div class="today">
            <div class="review">
                <h2>"今日复习"</h2>
                <p class="due-count">
                    {move || match due() {
                        0 => "今天没有到期的题目".to_string(),
                        n => format!("{n} 题待复习"),
                    }}
                </p>
                <Show when=move || { due() > 0 }>
                    <A href=review_href.clone() attr:class="button primary">"开始复习"</A>
                </Show>
                <p class="streak">{move || format!("连续学习 {} 天", streak())}</p>
            </div>
            {daily}
        </div>
    }
}
