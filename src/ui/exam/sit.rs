//! The exam screen: timer with a progress bar, one question at a time, flags, a question
//! grid, previous/next, and handing in with a confirmation that lists what is left.

use std::time::Duration;

use leptos::leptos_dom::helpers::{set_interval_with_handle, window_event_listener_untyped};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::state::ExamState;
use crate::core::bank::{option_letter, QuestionKind};
use crate::core::exam::{clock, minutes_left, Attempt};
use crate::ui::browser::now_ms;
use crate::ui::state::AppState;
use crate::ui::widgets::ProgressBar;

/// The screen of a running attempt (`/exam/attempt/:id`); a finished one goes to its result.
#[component]
pub fn AttemptPage() -> impl IntoView {
    let app = expect_context::<AppState>();
    let exams = expect_context::<ExamState>();
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .unwrap_or_default();
    let attempt = Memo::new({
        let id = id.clone();
        move |_| exams.attempt(&id)
    });
    let now = RwSignal::new(now_ms());
    let confirming = RwSignal::new(false);

    if let Ok(ticker) =
        set_interval_with_handle(move || now.set(now_ms()), Duration::from_millis(500))
    {
        on_cleanup(move || ticker.clear());
    }
    // Leaving (closing, reloading, typing another address) asks first while the attempt runs.
    let leave_guard = window_event_listener_untyped("beforeunload", move |event| {
        let running = attempt.with_untracked(|a| a.as_ref().is_some_and(|a| a.is_open(now_ms())));
        if running {
            event.prevent_default();
            let _ = js_sys::Reflect::set(&event, &"returnValue".into(), &"".into());
        }
    });
    on_cleanup(move || leave_guard.remove());

    // At the deadline, or when opened after it, hand in what was saved and show the result.
    let navigate = use_navigate();
    let result_path = format!("/exam/result/{id}");
    Effect::new({
        let result_path = result_path.clone();
        let navigate = navigate.clone();
        move |_| {
            let now = now.get();
            let Some(a) = attempt.get() else { return };
            if a.submitted.is_none() && a.is_expired(now) {
                exams.settle();
            }
            if attempt.with_untracked(|a| a.as_ref().is_some_and(|a| a.submitted.is_some())) {
                navigate(&result_path, Default::default());
            }
        }
    });

    let go_to = Callback::new({
        let id = id.clone();
        move |position: usize| {
            exams.change_attempt(&id, |a| {
                a.current = position.min(a.paper.items.len().saturating_sub(1))
            })
        }
    });
    let hand_in = Callback::new({
        let id = id.clone();
        move |_: web_sys::MouseEvent| {
            exams.change_attempt(&id, |a| a.submit(now_ms()));
        }
    });

    let body = move || {
        let Some(a) = attempt.get() else {
            return view! {
                <p class="status error">"找不到这次考试的记录。"</p>
                <A href="/exam">"返回考试"</A>
            }
            .into_any();
        };
        if app.ready_bank().is_none() {
            return view! { <p class="status">"题库加载中……"</p> }.into_any();
        }
        let total = a.paper.items.len();
        view! {
            <TimerBar attempt now />
            <QuestionView attempt_id=id.clone() attempt go_to />
            <QuestionGrid attempt go_to />
            <div class="submit-row">
                <button class="primary" on:click=move |_| confirming.set(true)>"交卷"</button>
            </div>
            <Show when=move || confirming.get()>
                <SubmitDialog attempt on_cancel=Callback::new(move |()| confirming.set(false)) on_confirm=hand_in />
            </Show>
            <p class="muted">{format!("共 {total} 题。答案随答随存：刷新或关闭页面后重新打开，可从原处继续；时间到自动交卷。")}</p>
        }
        .into_any()
    };
    view! { <section class="page sit">{body}</section> }
}

/// The title, the time left with a bar of time used, and how many are answered.
#[component]
fn TimerBar(
    /// The attempt on screen.
    attempt: Memo<Option<Attempt>>,
    /// The current time, ticking.
    now: RwSignal<u64>,
) -> impl IntoView {
    let status = move || {
        let a = attempt.get()?;
        let now = now.get();
        let remaining = a.remaining_ms(now);
        let limit = a.deadline_ms.saturating_sub(a.started_ms);
        let answered = a.answers.len();
        let total = a.paper.items.len();
        Some(view! {
            <div class="timer-bar" class:urgent=remaining < 5 * 60_000>
                <div class="timer-line">
                    <strong class="exam-title">{a.exam.title.clone()}</strong>
                    <span class="timer" role="timer" aria-live="off">"剩余 " {clock(remaining)}</span>
                </div>
                <ProgressBar label="考试用时" done=(limit - remaining) as usize / 1000 total=limit as usize / 1000 />
                <span class="answered-count">{format!("已答 {answered}/{total}")}</span>
            </div>
        })
    };
    // Said politely once a minute (not every second): whole minutes left.
    let minutes = Memo::new(move |_| {
        attempt.with(|a| a.as_ref().map(|a| minutes_left(a.remaining_ms(now.get()))))
    });
    view! {
        {status}
        <p class="sr-only" aria-live="polite" aria-atomic="true">
            {move || minutes.get().map(|m| format!("剩余 {m} 分钟"))}
        </p>
    }
}

/// The question at the attempt's current position, with its choices and flag.
#[component]
fn QuestionView(
    /// The attempt's id, for saving.
    attempt_id: String,
    /// The attempt on screen.
    attempt: Memo<Option<Attempt>>,
    /// Moves to another position.
    go_to: Callback<usize>,
) -> impl IntoView {
    let app = expect_context::<AppState>();
    let exams = expect_context::<ExamState>();
    let position = Memo::new(move |_| attempt.with(|a| a.as_ref().map(|a| a.current)));
    let attempt_id = StoredValue::new(attempt_id);
    move || {
        let p = position.get()?;
        let bank = attempt.with_untracked(|a| a.as_ref().map(|a| app.exam_bank(&a.exam)))??;
        let (item, total, flagged_id) = attempt.with_untracked(|a| {
            let a = a.as_ref()?;
            let item = a.paper.items.get(p)?.clone();
            Some((item.clone(), a.paper.items.len(), item.question))
        })?;
        let Some(question) = bank.question(&item.question).cloned() else {
            return Some(view! { <p class="status error">{format!("题库中已没有第 {} 题（{}）", p + 1, item.question)}</p> }.into_any());
        };
        let case = question.case.as_ref().and_then(|c| bank.case(c)).cloned();
        let points = attempt.with_untracked(|a| {
            a.as_ref()
                .map_or(0, |a| a.exam.blueprint.points_for(&question))
        });
        let multiple = question.kind == QuestionKind::Multiple;
        let item = StoredValue::new(item);
        let question = StoredValue::new(question);
        let picked = move || -> Vec<u8> {
            let qid = item.with_value(|i| i.question.clone());
            attempt.with(|a| {
                a.as_ref()
                    .and_then(|a| a.answers.get(&qid))
                    .map(|answer| item.with_value(|i| i.shown_choices(answer)))
                    .unwrap_or_default()
            })
        };
        let choose = move |shown: u8| {
            let mut selection = picked();
            if multiple {
                match selection.iter().position(|&s| s == shown) {
                    Some(at) => {
                        selection.remove(at);
                    }
                    None => selection.push(shown),
                }
            } else {
                selection = vec![shown];
            }
            let answer =
                question.with_value(|q| item.with_value(|i| i.answer_from_shown(q, &selection)));
            let qid = item.with_value(|i| i.question.clone());
            let mut refused = None;
            attempt_id.with_value(|id| {
                exams.change_attempt(id, |a| refused = a.set_answer(&qid, answer, now_ms()).err())
            });
            if let Some(closed) = refused {
                exams.tell(closed.to_string());
            }
        };
        let labels: Vec<String> = question.with_value(|q| {
            item.with_value(|i| i.shown_labels(q).into_iter().map(str::to_string).collect())
        });
        let group = format!("q{p}");
        let choices = labels
            .into_iter()
            .enumerate()
            .map(|(s, label)| {
                let s = s as u8;
                let is_picked = move || picked().contains(&s);
                view! {
                    <li>
                        <label class="choice" class:picked=is_picked>
                            <input
                                type=if multiple { "checkbox" } else { "radio" }
                                name=group.clone()
                                prop:checked=is_picked
                                on:change=move |_| choose(s)
                            />
                            <span class="letter">{option_letter(s)} "."</span>
                            <span class="label">{label}</span>
                        </label>
                    </li>
                }
            })
            .collect_view();
        let flagged_id = StoredValue::new(flagged_id);
        let flagged = move || {
            attempt.with(|a| {
                a.as_ref()
                    .is_some_and(|a| flagged_id.with_value(|q| a.flags.contains(q)))
            })
        };
        let toggle_flag = move |_| {
            let qid = item.with_value(|i| i.question.clone());
            attempt_id.with_value(|id| {
                exams.change_attempt(id, |a| {
                    let _ = a.toggle_flag(&qid, now_ms());
                })
            });
        };
        let (kind, stem) = question.with_value(|q| (q.kind.label(), q.stem.clone()));
        // Moving to a question moves focus to its stem (a screen reader reads it next).
        let stem_ref = NodeRef::<leptos::html::P>::new();
        Effect::new(move |_| {
            if let Some(stem) = stem_ref.get() {
                let _ = stem.focus();
            }
        });
        Some(view! {
            <article class="question">
                {case.map(|case| view! {
                    <aside class="case">
                        <h2>"以案释法 · " {case.title}</h2>
                        <p>{case.scenario}</p>
                    </aside>
                })}
                <p class="position">
                    <span class="number">{format!("第 {} 题 / 共 {total} 题", p + 1)}</span>
                    <span class="kind">{kind}</span>
                    <span class="muted">{format!("{points} 分")}</span>
                </p>
                <p class="stem" tabindex="-1" node_ref=stem_ref>{stem}</p>
                {multiple.then(|| view! { <p class="muted">"（多选：选出全部正确选项）"</p> })}
                <ul class="choices">{choices}</ul>
                <div class="question-actions">
                    <button on:click=move |_| go_to.run(p.saturating_sub(1)) disabled={p == 0}>"上一题"</button>
                    <button class="flag" class:on=flagged aria-pressed=move || flagged().to_string() on:click=toggle_flag>
                        {move || if flagged() { "★ 已标记" } else { "☆ 标记" }}
                    </button>
                    <button on:click=move |_| go_to.run(p + 1) disabled={p + 1 >= total}>"下一题"</button>
                </div>
            </article>
        }.into_any())
    }
}

/// A button per question: answered, unanswered, flagged, current.
#[component]
fn QuestionGrid(
    /// The attempt on screen.
    attempt: Memo<Option<Attempt>>,
    /// Moves to a position.
    go_to: Callback<usize>,
) -> impl IntoView {
    let cells = move || {
        let a = attempt.get()?;
        Some(
            a.paper
                .items
                .iter()
                .enumerate()
                .map(|(p, item)| {
                    let answered = a.answers.contains_key(&item.question);
                    let flagged = a.flags.contains(&item.question);
                    let label = format!(
                        "第 {} 题，{}{}",
                        p + 1,
                        if answered { "已答" } else { "未答" },
                        if flagged { "，已标记" } else { "" }
                    );
                    view! {
                        <button
                            class="cell"
                            class:answered=answered
                            class:flagged=flagged
                            class:current=p == a.current
                            aria-label=label
                            on:click=move |_| go_to.run(p)
                        >
                            {p + 1}
                        </button>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <details class="grid-box" open=true>
            <summary>"答题卡（已答 / 未答 / ★ 标记）"</summary>
            <div class="question-grid">{cells}</div>
        </details>
    }
}

/// Asks before handing in, listing unanswered and flagged questions.
#[component]
fn SubmitDialog(
    /// The attempt on screen.
    attempt: Memo<Option<Attempt>>,
    /// Back to the paper.
    on_cancel: Callback<()>,
    /// Hand in.
    on_confirm: Callback<web_sys::MouseEvent>,
) -> impl IntoView {
    let numbers = |positions: Vec<usize>| -> String {
        positions
            .iter()
            .map(|p| (p + 1).to_string())
            .collect::<Vec<_>>()
            .join("、")
    };
    let summary = move || {
        let a = attempt.get()?;
        let unanswered = a.unanswered();
        let flagged = a.flagged();
        Some(view! {
            <p>
                {if unanswered.is_empty() {
                    "全部题目均已作答。".to_string()
                } else {
                    format!("还有 {} 题未答：第 {} 题。", unanswered.len(), numbers(unanswered))
                }}
            </p>
            {(!flagged.is_empty()).then(|| view! {
                <p>{format!("已标记待查 {} 题：第 {} 题。", flagged.len(), numbers(flagged.clone()))}</p>
            })}
        })
    };
    view! {
        <div class="dialog" role="alertdialog" aria-labelledby="submit-title">
            <h2 id="submit-title">"确认交卷？"</h2>
            {summary}
            <p>"交卷后不能再修改答案。"</p>
            <div class="dialog-actions">
                <button on:click=move |_| on_cancel.run(())>"继续作答"</button>
                <button class="primary" on:click=move |e| on_confirm.run(e)>"确认交卷"</button>
            </div>
        </div>
    }
}
