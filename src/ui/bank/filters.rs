//! The filter form of the 题库 page (and of the export): source, Book, chapter, kind,
//! difficulty and text.

use leptos::prelude::*;

use crate::core::bank::{BankFilter, QuestionKind, Source};
use crate::core::law::{Book, Chapter};
use crate::core::study::difficulty_label;
use crate::ui::state::AppState;

const KINDS: [QuestionKind; 3] = [
    QuestionKind::Single,
    QuestionKind::Multiple,
    QuestionKind::Judge,
];

/// The form; every change updates `filter` at once. `prefix` keeps element ids unique when
/// two forms share a page.
#[component]
pub fn FilterForm(filter: RwSignal<BankFilter>, prefix: &'static str) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = move |name: &str| format!("{prefix}-{name}");
    let sets = move || {
        state.imported.with(|b| {
            b.sets
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect::<Vec<_>>()
        })
    };
    let source_value = move || match filter.with(|f| f.source.clone()) {
        Source::Any => String::new(),
        Source::BuiltIn => "builtin".into(),
        Source::Unit => "unit".into(),
        Source::Set(id) => format!("set:{id}"),
    };
    let set_source = move |value: String| {
        let source = match value.as_str() {
            "builtin" => Source::BuiltIn,
            "unit" => Source::Unit,
            other => other
                .strip_prefix("set:")
                .map_or(Source::Any, |id| Source::Set(id.into())),
        };
        filter.update(|f| f.source = source);
    };
    let chapters = move || {
        filter
            .with(|f| f.book)
            .map(|book| Chapter::of_book(book).collect::<Vec<_>>())
    };
    view! {
        <div class="filters">
            <label class="field">
                <span>"来源"</span>
                <select id=id("source") prop:value=source_value on:change=move |ev| set_source(event_target_value(&ev))>
                    <option value="">"全部"</option>
                    <option value="builtin">"内置题库"</option>
                    <option value="unit">"本单位题库（全部）"</option>
                    {move || {
                        sets()
                            .into_iter()
                            .map(|(set, name)| view! { <option value=format!("set:{set}")>{format!("本单位题库 · {name}")}</option> })
                            .collect_view()
                    }}
                </select>
            </label>
            <label class="field">
                <span>"编"</span>
                <select
                    id=id("book")
                    prop:value=move || filter.with(|f| f.book.map(|b| b.number().to_string()).unwrap_or_default())
                    on:change=move |ev| {
                        let book = event_target_value(&ev).parse().ok().and_then(Book::from_number);
                        filter.update(|f| {
                            f.book = book;
                            f.chapter = None;
                        });
                    }
                >
                    <option value="">"全部"</option>
                    {Book::ALL
                        .iter()
                        .map(|b| view! { <option value=b.number().to_string()>{b.heading()}</option> })
                        .collect_view()}
                </select>
            </label>
            {move || {
                chapters()
                    .map(|chapters| {
                        view! {
                            <label class="field">
                                <span>"章"</span>
                                <select
                                    id=id("chapter")
                                    prop:value=move || filter.with(|f| f.chapter.map(|c| c.to_string()).unwrap_or_default())
                                    on:change=move |ev| filter.update(|f| f.chapter = event_target_value(&ev).parse().ok())
                                >
                                    <option value="">"全部"</option>
                                    {chapters
                                        .into_iter()
                                        .map(|c| view! { <option value=c.index().to_string()>{c.title}</option> })
                                        .collect_view()}
                                </select>
                            </label>
                        }
                    })
            }}
            <label class="field">
                <span>"题型"</span>
                <select
                    id=id("kind")
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        filter.update(|f| f.kind = KINDS.into_iter().find(|k| k.label() == value));
                    }
                >
                    <option value="">"全部"</option>
                    {KINDS.iter().map(|k| view! { <option value=k.label()>{k.label()}</option> }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>"难度"</span>
                <select
                    id=id("level")
                    on:change=move |ev| filter.update(|f| f.difficulty = event_target_value(&ev).parse().ok())
                >
                    <option value="">"全部"</option>
                    {(1..=3u8)
                        .map(|l| view! { <option value=l.to_string()>{difficulty_label(l)}</option> })
                        .collect_view()}
                </select>
            </label>
            <label class="field">
                <span>"文字或条文号"</span>
                <input
                    type="search"
                    id=id("text")
                    placeholder="如：高空抛物、1254"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        filter.update(|f| f.text = text);
                    }
                />
            </label>
        </div>
    }
}
