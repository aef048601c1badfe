//! One question in the 题库 list: a summary line that opens to the options, the answer, the
//! explanation and the articles. Everything is rendered as text.

use leptos::prelude::*;

use crate::core::bank::{option_letter, Question, UNIT_BANK};
use crate::core::study::difficulty_label;
use crate::ui::widgets::CitedArticles;

/// A question as listed; `set_name` is the imported set it belongs to, if any.
#[component]
pub fn BankEntry(question: Question, set_name: Option<String>) -> impl IntoView {
    let source = match set_name {
        Some(name) => format!("{UNIT_BANK} · {name}"),
        None => "内置题库".to_string(),
    };
    let options = question
        .options
        .iter()
        .enumerate()
        .map(|(i, option)| {
            let key = question.is_key_choice(i as u8);
            view! {
                <li class:key=key>
                    <span class="letter">{option_letter(i as u8).to_string()}</span>
                    " "
                    {option.clone()}
                    {key.then_some(" ✓")}
                </li>
            }
        })
        .collect_view();
    let has_articles = !question.articles.is_empty();
    let explanation = (!question.explanation.is_empty()).then(|| question.explanation.clone());
    view! {
        <li class="bank-entry">
            <details>
                <summary>
                    <span class="bank-stem">{question.stem.clone()}</span>
                    <span class="muted bank-meta">
                        {format!(
                            "{} · {} · {} · {}",
                            question.id,
                            question.kind.label(),
                            difficulty_label(question.difficulty),
                            source,
                        )}
                    </span>
                </summary>
                <div class="bank-detail">
                    <ol class="bank-options">{options}</ol>
                    <p class="bank-answer">
                        <strong>"答案："</strong>
                        {question.answer.display()}
                    </p>
                    {explanation.map(|text| view! { <p class="explanation">{text}</p> })}
                    {has_articles
                        .then(|| {
                            view! {
                                <h3>"法条依据"</h3>
                                <CitedArticles articles=question.articles.clone() />
                            }
                        })}
                </div>
            </details>
        </li>
    }
}
