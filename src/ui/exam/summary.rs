//! The score of a finished attempt with its breakdown by kind and by Book, shared by the
//! result page and the printable score sheet.

use leptos::prelude::*;

use crate::core::exam::{clock, Attempt, Grade, SubmittedHow, Tally};
use crate::ui::browser::local_time;

/// 优秀, 及格 or 不及格.
pub fn verdict(grade: &Grade) -> &'static str {
    if grade.excellent {
        "优秀"
    } else if grade.passed {
        "及格"
    } else {
        "不及格"
    }
}

fn tally_row(name: String, tally: &Tally) -> impl IntoView {
    view! {
        <tr>
            <th scope="row">{name}</th>
            <td>{tally.count}</td>
            <td>{tally.correct}</td>
            <td>{format!("{} / {}", tally.earned, tally.full)}</td>
        </tr>
    }
}

/// Score, verdict, times and the two breakdown tables.
#[component]
pub fn ScoreSummary(
    /// The finished attempt.
    attempt: Attempt,
    /// Its grade.
    grade: Grade,
) -> impl IntoView {
    let exam = &attempt.exam;
    let submitted = attempt.submitted;
    let by_kind = grade
        .by_kind
        .iter()
        .map(|(kind, t)| tally_row(kind.label().to_string(), t))
        .collect_view();
    let by_book = grade
        .by_book
        .iter()
        .map(|(book, t)| tally_row(book.heading().to_string(), t))
        .collect_view();
    view! {
        <div class="score-box" class:passed=grade.passed>
            <p class="score">
                <span class="score-label">"得分"</span>
                <strong class="score-value">{grade.total.earned.to_string()}</strong>
                <span>{format!(" / {} 分", grade.total.full)}</span>
            </p>
            <p class="verdict-line">
                <strong>{verdict(&grade)}</strong>
                {format!("（及格线 {} 分，优秀线 {} 分）", exam.pass_line, exam.excellence_line)}
            </p>
        </div>
        <dl class="facts">
            {attempt.participant.clone().map(|p| view! {
                <dt>"姓名"</dt><dd>{p.name}</dd>
                <dt>"工号"</dt><dd>{p.staff_id}</dd>
                <dt>"单位"</dt><dd>{p.unit}</dd>
            })}
            <dt>"开始"</dt><dd>{local_time(attempt.started_ms)}</dd>
            <dt>"交卷"</dt>
            <dd>
                {submitted.map(|s| local_time(s.at_ms)).unwrap_or_default()}
                {(submitted.map(|s| s.how) == Some(SubmittedHow::AtDeadline)).then_some("（时间到，自动交卷）")}
            </dd>
            <dt>"用时"</dt><dd>{clock(attempt.time_used_ms(attempt.deadline_ms))}</dd>
            <dt>"答对"</dt><dd>{format!("{} / {} 题", grade.total.correct, grade.total.count)}</dd>
        </dl>
        <table class="breakdown">
            <caption>"按题型"</caption>
            <thead><tr><th scope="col">"题型"</th><th scope="col">"题数"</th><th scope="col">"答对"</th><th scope="col">"得分"</th></tr></thead>
            <tbody>{by_kind}</tbody>
        </table>
        <table class="breakdown">
            <caption>"按编"</caption>
            <thead><tr><th scope="col">"编"</th><th scope="col">"题数"</th><th scope="col">"答对"</th><th scope="col">"得分"</th></tr></thead>
            <tbody>{by_book}</tbody>
        </table>
    }
}
