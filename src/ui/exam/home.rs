//! The exam area's front page: start a mock exam, open an official exam, see past attempts.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::start::{new_mock, start_attempt};
use super::state::ExamState;
use crate::core::exam::{clock, code_in_link};
use crate::ui::browser::{local_time, now_ms};
use crate::ui::shell::other_app_href;
use crate::ui::state::AppState;

/// Lists the ways into an exam and the attempts made on this device.
#[component]
pub fn ExamHome() -> impl IntoView {
    let app = expect_context::<AppState>();
    let exams = expect_context::<ExamState>();
    exams.settle();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<String>);
    let pasted = RwSignal::new(String::new());

    let start_mock = {
        let navigate = navigate.clone();
        move |_| {
            let Some(bank) = app.ready_bank() else { return };
            match start_attempt(exams, &bank, new_mock(&bank), None) {
                Ok(id) => navigate(&format!("/exam/attempt/{id}"), Default::default()),
                Err(message) => error.set(Some(message)),
            }
        }
    };
    let open_code = move |_| {
        let text = pasted.get();
        let code = code_in_link(&text).to_string();
        if code.is_empty() {
            error.set(Some("请先粘贴考试链接或考试码".into()));
        } else {
            navigate(&format!("/exam/join?c={code}"), Default::default());
        }
    };

    let attempts = move || {
        let now = now_ms();
        let mut list = exams.store.get().attempts;
        list.reverse();
        if list.is_empty() {
            return view! { <li class="muted">"还没有考试记录。"</li> }.into_any();
        }
        list.into_iter()
            .map(|a| {
                let who = a
                    .participant
                    .as_ref()
                    .map(|p| format!(" · {}", p.name))
                    .unwrap_or_default();
                let (state, link, action) = match a.submitted {
                    None => (
                        format!("作答中，剩余 {}", clock(a.remaining_ms(now))),
                        format!("/exam/attempt/{}", a.id),
                        "继续作答",
                    ),
                    Some(_) => (
                        "已交卷".to_string(),
                        format!("/exam/result/{}", a.id),
                        "查看成绩",
                    ),
                };
                view! {
                    <li class="attempt-row">
                        <span>
                            <strong>{a.exam.title.clone()}</strong>
                            {who}
                            <br />
                            <span class="muted">{local_time(a.started_ms)} " · " {state}</span>
                        </span>
                        <A href=link>{action}</A>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };

    view! {
        <section class="page exam-home">
            <h1>"考试"</h1>
            {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
            <div class="card">
                <h2>"模拟考试"</h2>
                <p>"单选题 30 道 × 2 分，多选题 10 道 × 2 分，判断题 20 道 × 1 分，共 100 分，限时 60 分钟；60 分及格，90 分优秀。每次随机组卷，答案随答随存。"</p>
                <button class="primary" on:click=start_mock disabled=move || app.ready_bank().is_none()>
                    {move || if app.ready_bank().is_some() { "开始模拟考试" } else { "题库加载中……" }}
                </button>
            </div>
            <div class="card">
                <h2>"参加正式考试"</h2>
                <p>"打开单位发来的考试链接即可；也可以把链接或考试码粘贴在这里。"</p>
                <label class="field">
                    <span>"考试链接或考试码"</span>
                    <textarea rows="3" prop:value=pasted on:input=move |e| pasted.set(event_target_value(&e))></textarea>
                </label>
                <button on:click=open_code>"打开考试"</button>
            </div>
            <div class="card">
                <h2>"我的考试记录"</h2>
                <ul class="attempts">{attempts}</ul>
            </div>
            <p>
                <a href=other_app_href("/admin/issue") rel="external">
                    "单位管理员：发布正式考试"
                </a>
            </p>
        </section>
    }
}
