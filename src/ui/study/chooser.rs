//! Choosing a practice set: by Book, chapter, kind, difficulty, or at random from everything;
//! in order or shuffled; with options shuffled or not.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::set_href;
use crate::core::bank::QuestionKind;
use crate::core::law::{Book, CHAPTERS};
use crate::core::study::{chapter_heading, difficulty_label, Order, Scope, SetSpec};
use crate::ui::browser::random_seed;
use crate::ui::state::AppState;

/// The form that starts a practice set.
#[component]
pub fn ChooserPage() -> impl IntoView {
    let navigate = use_navigate();
    let state = expect_context::<AppState>();
    // The unit's imported sets: all of them, or one.
    let unit_choices = move || -> Vec<(String, String)> {
        let mut choices = vec![(String::new(), "全部导入的题目".to_string())];
        state.imported.with(|b| {
            choices.extend(b.sets.iter().map(|s| (s.id.clone(), s.name.clone())));
        });
        choices
    };
    let choices = move |by: &str| {
        if by == "unit" {
            unit_choices()
        } else {
            choices_for(by)
        }
    };
    let by = RwSignal::new("book".to_string());
    let value = RwSignal::new("1".to_string());
    let shuffled = RwSignal::new(false);
    let mix = RwSignal::new(true);

    let options = move || choices(&by.get());
    let scope = move || -> Option<Scope> {
        let value = value.get_untracked();
        Some(match by.get_untracked().as_str() {
            "all" => Scope::All,
            "book" => Scope::Book(Book::from_number(value.parse().ok()?)?),
            "chapter" => Scope::Chapter(value.parse().ok()?),
            "kind" => Scope::Kind(match value.as_str() {
                "Single" => QuestionKind::Single,
                "Multiple" => QuestionKind::Multiple,
                _ => QuestionKind::Judge,
            }),
            "level" => Scope::Difficulty(value.parse().ok()?),
            "unit" => Scope::Unit((!value.is_empty()).then_some(value)),
            _ => return None,
        })
    };
    let start = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(scope) = scope() else { return };
        let random_all = scope == Scope::All;
        let spec = SetSpec {
            scope,
            order: if shuffled.get_untracked() || random_all {
                Order::Shuffled(random_seed())
            } else {
                Order::Sequential
            },
            shuffle_options: mix.get_untracked(),
        };
        navigate(&set_href(&spec), Default::default());
    };

    view! {
        <section class="page">
            <h1>"自选练习"</h1>
            <form class="chooser" on:submit=start>
                <label>
                    "练习范围"
                    <select
                        id="set-by"
                        on:change=move |ev| {
                            let picked = event_target_value(&ev);
                            let first = choices(&picked).into_iter().next();
                            value.set(first.map(|(v, _)| v).unwrap_or_default());
                            by.set(picked);
                        }
                    >
                        <option value="book" selected>"按编"</option>
                        <option value="chapter">"按章"</option>
                        <option value="kind">"按题型"</option>
                        <option value="level">"按难度"</option>
                        <option value="all">"全部题目随机"</option>
                        <Show when=move || state.imported.with(|b| !b.sets.is_empty())>
                            <option value="unit">"本单位题库"</option>
                        </Show>
                    </select>
                </label>
                <Show when=move || by.get() != "all">
                    <label>
                        "选择"
                        <select
                            id="set-value"
                            on:change=move |ev| value.set(event_target_value(&ev))
                            prop:value=move || value.get()
                        >
                            {move || {
                                options()
                                    .into_iter()
                                    .map(|(v, label)| view! { <option value=v>{label}</option> })
                                    .collect_view()
                            }}
                        </select>
                    </label>
                </Show>
                <label class="check">
                    <input
                        type="checkbox"
                        id="set-shuffle"
                        prop:checked=move || shuffled.get()
                        on:change=move |ev| shuffled.set(event_target_checked(&ev))
                    />
                    "打乱题目顺序"
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        id="set-mix"
                        prop:checked=move || mix.get()
                        on:change=move |ev| mix.set(event_target_checked(&ev))
                    />
                    "打乱选项顺序"
                </label>
                <button class="primary" type="submit">"开始练习"</button>
            </form>
        </section>
    }
}

/// The values to choose from for one kind of scope, as (value, label).
fn choices_for(by: &str) -> Vec<(String, String)> {
    match by {
        "book" => Book::ALL
            .iter()
            .map(|b| (b.number().to_string(), b.heading().to_string()))
            .collect(),
        "chapter" => CHAPTERS
            .iter()
            .enumerate()
            .map(|(i, c)| (i.to_string(), chapter_heading(c)))
            .collect(),
        "kind" => [
            QuestionKind::Single,
            QuestionKind::Multiple,
            QuestionKind::Judge,
        ]
        .iter()
        .map(|k| (format!("{k:?}"), k.label().to_string()))
        .collect(),
        "level" => (1..=3u8)
            .map(|l| (l.to_string(), difficulty_label(l).to_string()))
            .collect(),
        _ => vec![],
    }
}
