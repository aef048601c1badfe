//! The result of a finished attempt: score and breakdown, the hand-in of an official
//! result, print links, and the review when the exam's rule allows it.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::handin::HandIn;
use super::start::{new_mock, start_attempt};
use super::state::ExamState;
use super::summary::ScoreSummary;
use crate::core::bank::{option_letter, Bank};
use crate::core::exam::{Attempt, Grade, ResultRecord, ReviewRule};
use crate::core::law::Chapter;
use crate::ui::browser::now_ms;
use crate::ui::state::AppState;

/// The result page (`/exam/result/:id`).
#[component]
pub fn ResultPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let exams = expect_context::<ExamState>();
    exams.settle();
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .unwrap_or_default();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let body = move || {
        let Some(attempt) = exams.attempt(&id) else {
            return view! { <p class="status error">"找不到这次考试的记录。"</p> }.into_any();
        };
        if attempt.submitted.is_none() {
            return view! {
                <p class="status">"本次考试尚未交卷。"</p>
                <A href=format!("/exam/attempt/{}", attempt.id)>"继续作答"</A>
            }
            .into_any();
        }
        let Some(bank) = app.exam_bank(&attempt.exam) else {
            return view! { <p class="status">"题库加载中……"</p> }.into_any();
        };
        let grade = match attempt.grade(&bank) {
            Ok(grade) => grade,
            Err(e) => return view! { <p class="status error">{e.to_string()}</p> }.into_any(),
        };
        let record = ResultRecord::of(&attempt, &grade);
        let review = if attempt.exam.review_open(now_ms()) {
            view! { <Review attempt=attempt.clone() grade=grade.clone() bank=bank.clone() /> }
                .into_any()
        } else {
            let why = match attempt.exam.review {
                ReviewRule::AfterWindowCloses => "本考试在考试时段结束后开放答案与解析。",
                _ => "本考试不公布答案与解析。",
            };
            view! { <p class="status">{why}</p> }.into_any()
        };
        let again = (!attempt.exam.official).then(|| {
            let navigate = navigate.clone();
            let bank = bank.clone();
            view! {
                <button on:click=move |_| {
                    match start_attempt(exams, &bank, new_mock(&bank), None) {
                        Ok(id) => navigate(&format!("/exam/attempt/{id}"), Default::default()),
                        Err(m) => error.set(Some(m)),
                    }
                }>"再考一次"</button>
            }
        });
        view! {
            <h1>{attempt.exam.title.clone()} " · 成绩"</h1>
            {move || error.get().map(|m| view! { <p class="status error">{m}</p> })}
            <ScoreSummary attempt=attempt.clone() grade=grade.clone() />
            <div class="actions no-print">
                <A href=format!("/exam/sheet/{}", attempt.id)>"打印成绩单"</A>
                <A href=format!("/exam/certificate/{}", attempt.id)>"结业证书"</A>
                {again}
                <A href="/exam">"返回考试"</A>
            </div>
            {record.map(|record| view! { <HandIn record /> })}
            <h2>"答题回顾"</h2>
            {review}
        }
        .into_any()
    };
    view! { <section class="page result">{body}</section> }
}

/// Every question with the given answer, the right one, the explanation and the articles.
#[component]
fn Review(
    /// The finished attempt.
    attempt: Attempt,
    /// Its grade.
    grade: Grade,
    /// The bank it was drawn from.
    bank: Arc<Bank>,
) -> impl IntoView {
    attempt
        .paper
        .items
        .iter()
        .zip(&grade.items)
        .enumerate()
        .filter_map(|(p, (item, result))| {
            let q = bank.question(&item.question)?;
            let given = attempt
                .answers
                .get(&item.question)
                .map_or("未作答".to_string(), |a| item.shown_display(a));
            let key = item.shown_display(&q.answer);
            let options = (q.kind != crate::core::bank::QuestionKind::Judge).then(|| {
                item.shown_labels(q)
                    .into_iter()
                    .enumerate()
                    .map(|(s, label)| view! { <li>{option_letter(s as u8)} ". " {label.to_string()}</li> })
                    .collect_view()
            });
            let articles = q
                .articles
                .iter()
                .map(|&n| {
                    let place = Chapter::of_article(n)
                        .map(|c| format!("{} · {}", c.book.heading(), c.title))
                        .unwrap_or_default();
                    view! { <li><strong>{format!("第{n}条")}</strong> " " <span class="place">{place}</span></li> }
                })
                .collect_view();
            let case = q.case.as_ref().and_then(|c| bank.case(c)).map(|c| c.title.clone());
            Some(view! {
                <article class="review-item" class:right=result.correct>
                    <p class="position">
                        <span class="number">{format!("第 {} 题", p + 1)}</span>
                        <span class="kind">{q.kind.label()}</span>
                        {case.map(|t| view! { <span class="muted">"案例：" {t}</span> })}
                        <span class="mark">{format!("{} / {} 分", result.earned, result.full)}</span>
                    </p>
                    <p class="stem">{q.stem.clone()}</p>
                    <ul class="review-options">{options}</ul>
                    <p>
                        "你的答案：" <strong>{given}</strong> "　正确答案：" <strong>{key}</strong>
                        {if result.correct { " ✓" } else { " ✗" }}
                    </p>
                    <p class="explanation">{q.explanation.clone()}</p>
                    <ul class="articles">{articles}</ul>
                </article>
            })
        })
        .collect_view()
}
