//! Opening an official exam's link: its cover, the participant's identity, and the start.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::start::start_attempt;
use super::state::ExamState;
use crate::core::exam::{
    decode_exam_code, CountRule, ExamDefinition, Participant, ReviewRule, WindowState,
};
use crate::ui::browser::{local_time, now_ms};
use crate::ui::state::AppState;

/// The cover page of the exam in the link (`/exam/join?c=<code>`).
#[component]
pub fn JoinPage() -> impl IntoView {
    let query = use_query_map();
    let exam = Memo::new(move |_| decode_exam_code(&query.read().get("c").unwrap_or_default()));
    move || {
        match exam.get() {
        Ok(exam) => view! { <Cover exam /> }.into_any(),
        Err(e) => view! {
            <section class="page">
                <h1>"无法打开考试"</h1>
                <p class="status error">{format!("考试链接无效：{e}。请向发布考试的管理员重新索取链接或考试码。")}</p>
                <A href="/exam">"返回考试"</A>
            </section>
        }
        .into_any(),
    }
    }
}

/// The exam's rules, the identity form and the attempts already made on this device.
#[component]
fn Cover(
    /// The exam read from the link.
    exam: ExamDefinition,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let exams = expect_context::<ExamState>();
    exams.settle();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let staff_id = RwSignal::new(String::new());
    let unit = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let exam = StoredValue::new(exam);

    let start = move |_| {
        let Some(bank) = app.ready_bank() else { return };
        let exam = exam.get_value();
        let started = Participant::new(&name.get(), &staff_id.get(), &unit.get(), &exam.units)
            .and_then(|participant| start_attempt(exams, &bank, exam, Some(participant)));
        match started {
            Ok(id) => navigate(&format!("/exam/attempt/{id}"), Default::default()),
            Err(message) => error.set(Some(message)),
        }
    };

    let e = exam.get_value();
    let now = now_ms();
    let window = e.window.map_or("不限".to_string(), |w| {
        format!("{} 至 {}", local_time(w.opens_ms), local_time(w.closes_ms))
    });
    let state = match e.window_state(now) {
        WindowState::NotYetOpen => Some("考试尚未开始，请在开始时间之后再打开此链接。"),
        WindowState::Closed => Some("考试已经结束。"),
        WindowState::Open => None,
    };
    let sections = e
        .blueprint
        .sections
        .iter()
        .map(|s| format!("{} {} 道 × {} 分", s.kind.label(), s.count, s.points))
        .chain(
            e.blueprint
                .unit
                .iter()
                .map(|u| format!("本单位题目 {} 道 × {} 分", u.count, u.points)),
        )
        .collect::<Vec<_>>()
        .join("，");
    let books = if e.blueprint.books.is_empty() {
        "《民法典》各编".to_string()
    } else {
        e.blueprint
            .books
            .iter()
            .map(|b| b.heading())
            .collect::<Vec<_>>()
            .join("、")
    };
    let attempts = if e.attempts_allowed == 0 {
        "不限".to_string()
    } else {
        format!("{} 次", e.attempts_allowed)
    };
    let counts = match e.counts {
        CountRule::Highest => "最高分",
        CountRule::Latest => "最后一次",
        CountRule::First => "第一次",
    };
    let review = match e.review {
        ReviewRule::AfterSubmit => "交卷后可查看",
        ReviewRule::AfterWindowCloses => "考试结束时间过后可查看",
        ReviewRule::Never => "不公布",
    };
    let units = e
        .units
        .iter()
        .map(|u| view! { <option value=u.clone()>{u.clone()}</option> })
        .collect_view();
    let exam_id = e.id.clone();
    let mine = move || {
        exams
            .store
            .get()
            .attempts_at(&exam_id, None)
            .into_iter()
            .map(|a| {
                let who = a.participant.as_ref().map(|p| format!("{}（{}）", p.name, p.staff_id)).unwrap_or_default();
                let (href, text) = match a.submitted {
                    None => (format!("/exam/attempt/{}", a.id), "继续作答"),
                    Some(_) => (format!("/exam/result/{}", a.id), "查看成绩"),
                };
                view! { <li>{who} " · " {local_time(a.started_ms)} " " <A href=href>{text}</A></li> }
            })
            .collect_view()
    };

    view! {
        <section class="page cover">
            <p class="muted">"正式考试"</p>
            <h1>{e.title.clone()}</h1>
            <dl class="facts">
                <dt>"试卷"</dt><dd>{format!("{sections}，共 {} 题 {} 分", e.blueprint.question_count(), e.blueprint.total_points())}</dd>
                <dt>"范围"</dt><dd>{books}</dd>
                <dt>"时长"</dt><dd>{format!("{} 分钟（从开始作答计时，刷新或关闭页面不停表）", e.minutes)}</dd>
                <dt>"考试时段"</dt><dd>{window}</dd>
                <dt>"作答次数"</dt><dd>{attempts} "，计入" {counts}</dd>
                <dt>"及格 / 优秀"</dt><dd>{format!("{} 分 / {} 分", e.pass_line, e.excellence_line)}</dd>
                <dt>"答案解析"</dt><dd>{review}</dd>
            </dl>
            {state.map(|s| view! { <p class="status error">{s}</p> })}
            <div class="card identity">
                <h2>"考生信息"</h2>
                <label class="field">
                    <span>"姓名"</span>
                    <input type="text" name="name" autocomplete="name" prop:value=name on:input=move |ev| name.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>"工号"</span>
                    <input type="text" name="staff-id" prop:value=staff_id on:input=move |ev| staff_id.set(event_target_value(&ev)) />
                </label>
                <label class="field">
                    <span>"单位"</span>
                    <select name="unit" on:change=move |ev| unit.set(event_target_value(&ev))>
                        <option value="">"请选择单位"</option>
                        {units}
                    </select>
                </label>
                {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
                <button class="primary" on:click=start disabled=move || app.ready_bank().is_none() || state.is_some()>
                    "开始考试"
                </button>
            </div>
            <h2>"本机上的作答记录"</h2>
            <ul class="attempts">{mine}</ul>
        </section>
    }
}
