//! The printable score sheet and certificate of completion (A4, see the print stylesheet).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::state::ExamState;
use super::summary::{verdict, ScoreSummary};
use crate::core::exam::{Attempt, Grade, ResultRecord};
use crate::ui::browser::local_date;
use crate::ui::state::AppState;

/// The finished attempt of the URL and its grade, or a view saying why there is none.
fn finished(render: fn(Attempt, Grade) -> AnyView) -> impl IntoView {
    let app = expect_context::<AppState>();
    let exams = expect_context::<ExamState>();
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .unwrap_or_default();
    move || {
        let Some(attempt) = exams.attempt(&id).filter(|a| a.submitted.is_some()) else {
            return view! { <p class="status error">"找不到已交卷的考试记录。"</p> }.into_any();
        };
        let Some(bank) = app.ready_bank() else {
            return view! { <p class="status">"题库加载中……"</p> }.into_any();
        };
        match attempt.grade(&bank) {
            Ok(grade) => render(attempt, grade),
            Err(e) => view! { <p class="status error">{e.to_string()}</p> }.into_any(),
        }
    }
}

fn print_bar(back: String) -> impl IntoView {
    view! {
        <div class="actions no-print">
            <button class="primary" on:click=|_| {
                if let Some(w) = web_sys::window() {
                    let _ = w.print();
                }
            }>"打印"</button>
            <A href=back>"返回成绩"</A>
        </div>
    }
}

/// The score sheet (`/exam/sheet/:id`).
#[component]
pub fn ScoreSheetPage() -> impl IntoView {
    let sheet = finished(|attempt, grade| {
        let record = ResultRecord::of(&attempt, &grade);
        let back = format!("/exam/result/{}", attempt.id);
        view! {
            {print_bar(back)}
            <div class="a4 sheet">
                <h1>"成绩单"</h1>
                <p class="sheet-title">{attempt.exam.title.clone()}</p>
                <ScoreSummary attempt=attempt.clone() grade />
                {record.map(|r| view! {
                    <p class="muted">{format!("考试编号 {} · 校验码 {}", r.exam_id, r.checksum)}</p>
                })}
            </div>
        }
        .into_any()
    });
    view! { <section class="page printable">{sheet}</section> }
}

/// The certificate of completion (`/exam/certificate/:id`).
#[component]
pub fn CertificatePage() -> impl IntoView {
    let certificate = finished(|attempt, grade| {
        let back = format!("/exam/result/{}", attempt.id);
        let name = attempt
            .participant
            .as_ref()
            .map_or("＿＿＿＿＿＿".to_string(), |p| p.name.clone());
        let unit = attempt.participant.as_ref().map(|p| p.unit.clone());
        let date = attempt
            .submitted
            .map(|s| local_date(s.at_ms))
            .unwrap_or_default();
        view! {
            {print_bar(back)}
            <div class="a4 certificate">
                <h1>"结业证书"</h1>
                <p class="certificate-text">
                    "兹证明 " <strong>{name}</strong>
                    {unit.map(|u| format!("（{u}）"))}
                    {format!(" 于 {date} 完成《{}》，成绩 {} 分，", attempt.exam.title, grade.total.earned)}
                    <strong>{verdict(&grade)}</strong>
                    "。"
                </p>
                <p class="certificate-sign">"学法 · 民法典学习与考试"<br />{date.clone()}</p>
            </div>
        }
        .into_any()
    });
    view! { <section class="page printable">{certificate}</section> }
}
