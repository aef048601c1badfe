//! Going through a practice set: one question at a time, feedback after each answer, and
//! at the end of a set that does not go round, a summary.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::core::bank::Question;
use crate::core::study::{next_once, next_question, shuffle_options, Recorded, SetSpec};
use crate::ui::browser::{random_seed, today};
use crate::ui::state::{AppState, BankLoad};
use crate::ui::widgets::QuestionCard;

/// Runs the practice set `spec`. The set's questions are fixed when the bank is ready, so a
/// 错题本 or review set does not change under the learner while they answer it.
#[component]
pub fn PracticeSession(
    /// The set to practise.
    spec: SetSpec,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let spec = StoredValue::new(spec);
    let order = Memo::new(move |_| {
        let bank = state.study_bank()?;
        let learner = state.learner.read_untracked();
        let ids: Vec<String> = spec.with_value(|s| {
            s.questions(&bank, &learner, today())
                .iter()
                .map(|q| q.id.clone())
                .collect()
        });
        Some(ids)
    });
    // The question on screen: `None` at the start; a showing count makes a repeat re-render.
    let current = RwSignal::new(None::<String>);
    let showing = RwSignal::new(0u32);
    let finished = RwSignal::new(false);
    let right = RwSignal::new(0u32);
    let answered = RwSignal::new(0u32);
    let goes_round = spec.with_value(SetSpec::goes_round);

    let questions_of = move |bank: &crate::core::bank::Bank, ids: &[String]| -> Vec<Question> {
        ids.iter()
            .filter_map(|id| bank.question(id))
            .cloned()
            .collect()
    };
    let pick_next = move |from: Option<String>| {
        let (Some(bank), Some(ids)) = (state.study_bank(), order.get_untracked()) else {
            return;
        };
        let questions = questions_of(&bank, &ids);
        let refs: Vec<&Question> = questions.iter().collect();
        let next = if goes_round {
            let progress = &state.learner.read_untracked().progress;
            next_question(&refs, progress, from.as_deref())
        } else {
            next_once(&refs, from.as_deref())
        };
        match next {
            Some(q) => {
                current.set(Some(q.id.clone()));
                showing.update(|n| *n += 1);
            }
            None => finished.set(true),
        }
    };

    let header = move || {
        let ids = order.get()?;
        let bank = state.study_bank()?;
        let s = state.learner.with(|l| {
            l.progress
                .summarise(ids.iter().filter_map(|id| bank.question(id)))
        });
        let accuracy = s
            .accuracy_percent()
            .map(|a| format!(" · 正确率 {a}%"))
            .unwrap_or_default();
        Some(view! {
            <h1>{spec.with_value(SetSpec::title)}</h1>
            <p class="practice-progress">{format!("已练 {}/{}{accuracy}", s.answered, s.total)}</p>
        })
    };

    let card = move || {
        let bank = match state.study_load() {
            BankLoad::Ready(bank) => bank,
            BankLoad::Loading => return view! { <p class="status">"题库加载中……"</p> }.into_any(),
            BankLoad::Failed(message) => {
                return view! { <p class="status error">"题库加载失败：" {message}</p> }.into_any()
            }
        };
        let ids = order.get().unwrap_or_default();
        if ids.is_empty() {
            return view! {
                <p class="status">"这一组没有题目。"</p>
                <A href="/">"返回首页"</A>
            }
            .into_any();
        }
        if finished.get() {
            return view! {
                <div class="status finished">
                    <p>{format!("本组完成：答对 {} / {} 题。", right.get(), answered.get())}</p>
                    <button
                        class="primary"
                        on:click=move |_| {
                            right.set(0);
                            answered.set(0);
                            finished.set(false);
                            pick_next(None);
                        }
                    >
                        "再做一遍"
                    </button>
                    " "
                    <A href="/">"返回首页"</A>
                </div>
            }
            .into_any();
        }
        showing.track();
        let wanted = current.get();
        let questions = questions_of(&bank, &ids);
        let refs: Vec<&Question> = questions.iter().collect();
        let question = match wanted {
            Some(id) => refs.iter().find(|q| q.id == id).copied(),
            None if goes_round => {
                let progress = &state.learner.read_untracked().progress;
                next_question(&refs, progress, None)
            }
            None => refs.first().copied(),
        };
        let Some(question) = question else {
            return view! { <p class="status">"这一组没有题目。"</p> }.into_any();
        };
        let shown = if spec.with_value(|s| s.shuffle_options) {
            shuffle_options(question, random_seed())
        } else {
            question.clone()
        };
        let is_last = !goes_round && ids.last() == Some(&question.id);
        let case = question.case.as_ref().and_then(|id| bank.case(id)).cloned();
        let shown_id = question.id.clone();
        let recorded = StoredValue::new(None::<Recorded>);
        let on_answered = Callback::new({
            let id = shown_id.clone();
            move |correct: bool| {
                answered.update(|n| *n += 1);
                right.update(|n| *n += u32::from(correct));
                recorded.set_value(Some(state.record_answer(&id, correct)));
            }
        });
        let on_rate = Callback::new(move |rating| {
            if let Some(r) = recorded.get_value() {
                state.rate_again(&r, rating);
            }
        });
        let on_next = Callback::new(move |()| pick_next(Some(shown_id.clone())));
        let next_label = if is_last { "完成" } else { "下一题" };
        view! { <QuestionCard question=shown case on_answered on_rate on_next next_label /> }
            .into_any()
    };

    view! {
        <section class="page practice">
            {header}
            {card}
        </section>
    }
}
