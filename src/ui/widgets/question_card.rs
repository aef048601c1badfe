//! One question on screen: the case above it, the choices, and feedback after answering.
//! Keys: A–F or 1–6 pick a choice, Enter submits and then goes on. Focus follows the steps:
//! a new question's stem takes it, and after answering the feedback does, so a screen reader
//! reads what just happened and the keyboard goes on from there.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::{CitedArticles, RateRecall};
use crate::core::bank::{option_letter, Answer, Case, Question, QuestionKind};
use crate::core::study::{choice_for_key, Rating};
use crate::ui::browser::{mark, mark_after_paint};

/// Shows a question; once answered, marks the key, explains, and offers the next one.
#[component]
pub fn QuestionCard(
    /// The question to show.
    question: Question,
    /// The case (以案释法) the question belongs to, shown above it.
    case: Option<Case>,
    /// Called once, with whether the answer was right.
    on_answered: Callback<bool>,
    /// Called when the learner says a right answer was hard or easy.
    on_rate: Callback<Rating>,
    /// Called when the learner asks for the next question.
    on_next: Callback<()>,
    /// The label of the button that goes on ("下一题", or "完成" on the last question).
    next_label: &'static str,
) -> impl IntoView {
    let question = StoredValue::new(question);
    let chosen = RwSignal::new(Vec::<u8>::new());
    let given = RwSignal::new(None::<Answer>);
    let multiple = question.with_value(|q| q.kind == QuestionKind::Multiple);
    let group = question.with_value(|q| format!("choice-{}", q.id));

    let choice_count = question.with_value(|q| q.choice_labels().len());
    let stem_ref = NodeRef::<leptos::html::P>::new();
    let feedback_ref = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(stem) = stem_ref.get() {
            let _ = stem.focus();
        }
    });
    Effect::new(move |_| {
        if let Some(feedback) = feedback_ref.get() {
            let _ = feedback.focus();
        }
    });

    let submit = move || {
        if given.get_untracked().is_some() {
            return;
        }
        let picked = chosen.get_untracked();
        let Some(answer) = question.with_value(|q| q.answer_from_choices(&picked)) else {
            return;
        };
        mark("xuefa:answer");
        let correct = question.with_value(|q| q.is_correct(&answer));
        given.set(Some(answer));
        on_answered.run(correct);
        mark_after_paint("xuefa:feedback-painted");
    };
    let toggle = move |index: u8| {
        if given.get_untracked().is_some() {
            return;
        }
        chosen.update(|c| {
            if multiple {
                if let Some(at) = c.iter().position(|&x| x == index) {
                    c.remove(at);
                } else {
                    c.push(index);
                }
            } else {
                *c = vec![index];
            }
        })
    };

    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing_in_a_field(&ev) {
            return;
        }
        let key = ev.key();
        if key == "Enter" {
            ev.prevent_default();
            if given.get_untracked().is_some() {
                on_next.run(());
            } else {
                submit();
            }
        } else if let Some(index) = choice_for_key(&key, choice_count) {
            ev.prevent_default();
            toggle(index);
        }
    });
    on_cleanup(move || keys.remove());

    let choices = question.with_value(|q| {
        q.choice_labels()
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                let index = i as u8;
                let is_key = q.is_key_choice(index);
                let picked = move || chosen.with(|c| c.contains(&index));
                let mark = move || match (given.get().is_some(), is_key, picked()) {
                    (false, _, _) => "",
                    (true, true, _) => " ✓ 正确答案",
                    (true, false, true) => " ✗ 你的选择",
                    (true, false, false) => "",
                };
                view! {
                    <li>
                        <label
                            class="choice"
                            class:picked=picked
                            class:key=move || given.get().is_some() && is_key
                            class:wrong=move || given.get().is_some() && !is_key && picked()
                        >
                            <input
                                type=if multiple { "checkbox" } else { "radio" }
                                name=group.clone()
                                prop:checked=picked
                                disabled=move || given.get().is_some()
                                on:change=move |_| toggle(index)
                            />
                            <span class="letter">{option_letter(index)} "."</span>
                            <span class="label">{label.to_string()}</span>
                            <span class="mark">{mark}</span>
                        </label>
                    </li>
                }
            })
            .collect_view()
    });

    let feedback = move || {
        let answer = given.get()?;
        let (correct, key, explanation, articles) = question.with_value(|q| {
            (
                q.is_correct(&answer),
                q.answer.display(),
                q.explanation.clone(),
                q.articles.clone(),
            )
        });
        Some(view! {
            <div class="feedback" class:right=correct role="status" tabindex="-1" node_ref=feedback_ref>
                <p class="verdict">
                    {if correct { "✓ 回答正确" } else { "✗ 回答错误" }}
                    <span class="key">{format!("正确答案：{key}")}</span>
                </p>
                <p class="explanation">{explanation}</p>
                <h3>"法条依据"</h3>
                <CitedArticles articles />
                {correct.then(|| view! { <RateRecall on_rate /> })}
                <button class="primary" on:click=move |_| on_next.run(())>
                    {next_label}
                </button>
                <p class="hint">"键盘：A–F 或 1–6 选择，回车提交并进入下一题"</p>
            </div>
        })
    };

    // For the benchmark: when a question first shows and when its feedback has painted.
    Effect::new(|_| mark_after_paint("xuefa:question-painted"));
    let (kind, stem) = question.with_value(|q| (q.kind.label(), q.stem.clone()));
    view! {
        <article class="question">
            {case.map(|case| {
                view! {
                    <aside class="case">
                        <h2>"以案释法 · " {case.title}</h2>
                        <p>{case.scenario}</p>
                    </aside>
                }
            })}
            <p class="kind">{kind}</p>
            <p class="stem" tabindex="-1" node_ref=stem_ref>{stem}</p>
            <ul class="choices">{choices}</ul>
            <Show when=move || given.get().is_none()>
                <button
                    class="primary"
                    disabled=move || question.with_value(|q| q.answer_from_choices(&chosen.get()).is_none())
                    on:click=move |_| submit()
                >
                    "提交答案"
                </button>
            </Show>
            {feedback}
        </article>
    }
}

/// Whether a key was typed into a text field (where letters and Enter mean typing).
fn typing_in_a_field(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = ev
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    match element.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            element.get_attribute("type").as_deref(),
            Some("radio" | "checkbox")
        ),
        _ => false,
    }
}
