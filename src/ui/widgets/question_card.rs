//! One question on screen: the case above it, the choices, and feedback after answering.

use leptos::prelude::*;

use crate::core::bank::{option_letter, Answer, Case, Question, QuestionKind};
use crate::core::law::Chapter;

/// Shows a question; once answered, marks the key, explains, and offers the next one.
#[component]
pub fn QuestionCard(
    /// The question to show.
    question: Question,
    /// The case (以案释法) the question belongs to, shown above it.
    case: Option<Case>,
    /// Called once, with whether the answer was right.
    on_answered: Callback<bool>,
    /// Called when the learner asks for the next question.
    on_next: Callback<()>,
) -> impl IntoView {
    let question = StoredValue::new(question);
    let chosen = RwSignal::new(Vec::<u8>::new());
    let given = RwSignal::new(None::<Answer>);
    let multiple = question.with_value(|q| q.kind == QuestionKind::Multiple);
    let group = question.with_value(|q| format!("choice-{}", q.id));

    let submit = move |_| {
        let Some(answer) = question.with_value(|q| q.answer_from_choices(&chosen.get())) else {
            return;
        };
        let correct = question.with_value(|q| q.is_correct(&answer));
        given.set(Some(answer));
        on_answered.run(correct);
    };

    let choices = question.with_value(|q| {
        q.choice_labels()
            .into_iter()
            .enumerate()
            .map(|(i, label)| {
                let index = i as u8;
                let is_key = q.is_key_choice(index);
                let picked = move || chosen.with(|c| c.contains(&index));
                let toggle = move |_| {
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
                                on:change=toggle
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
        let cited = articles
            .into_iter()
            .map(|article| {
                let place = Chapter::of_article(article)
                    .map(|c| format!("{} · {}", c.book.heading(), c.title))
                    .unwrap_or_default();
                view! {
                    <li>
                        <strong>{format!("第{article}条")}</strong>
                        " "
                        <span class="place">{place}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="feedback" class:right=correct role="status">
                <p class="verdict">
                    {if correct { "✓ 回答正确" } else { "✗ 回答错误" }}
                    <span class="key">{format!("正确答案：{key}")}</span>
                </p>
                <p class="explanation">{explanation}</p>
                <h3>"法条依据"</h3>
                <ul class="articles">{cited}</ul>
                <button class="primary" on:click=move |_| on_next.run(())>"下一题"</button>
            </div>
        })
    };

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
            <p class="stem">{stem}</p>
            <ul class="choices">{choices}</ul>
            <Show when=move || given.get().is_none()>
                <button
                    class="primary"
                    disabled=move || question.with_value(|q| q.answer_from_choices(&chosen.get()).is_none())
                    on:click=submit
                >
                    "提交答案"
                </button>
            </Show>
            {feedback}
        </article>
    }
}
