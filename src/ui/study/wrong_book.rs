//! The 错题本 page: the questions once answered wrong, by Book and chapter, with redo,
//! remove and CSV export.

use leptos::prelude::*;
use leptos_router::components::A;

use super::set_href;
use crate::core::bank::UNIT_BANK;
use crate::core::law::Book;
use crate::core::study::{wrong_book_csv, Scope, SetSpec};
use crate::ui::browser::{download_text, today};
use crate::ui::state::AppState;

/// Lists the 错题本 grouped by Book and chapter.
#[component]
pub fn WrongBookPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let export = move |_| {
        let Some(bank) = state.study_bank() else {
            return;
        };
        let bytes = state.learner.with_untracked(|l| wrong_book_csv(&bank, l));
        let csv = String::from_utf8(bytes).expect("the CSV writer writes UTF-8");
        let name = format!("学法错题本-{}.csv", today().label());
        if let Err(message) = download_text(&name, &csv, "text/csv;charset=utf-8") {
            state.notice.set(Some(message));
        }
    };
    let listing = move || {
        let Some(bank) = state.study_bank() else {
            return view! { <p class="status">"题库加载中……"</p> }.into_any();
        };
        state.learner.with(|learner| {
            let groups = learner.wrong.groups(&bank, &learner.progress);
            if groups.is_empty() {
                return view! {
                    <p class="status">"错题本是空的。练习或考试中答错的题会自动收录到这里。"</p>
                }
                .into_any();
            }
            let total: usize = groups.iter().map(|g| g.entries.len()).sum();
            let mastered: usize = groups
                .iter()
                .flat_map(|g| &g.entries)
                .filter(|e| e.mastered)
                .count();
            let mut shown_book: Option<Option<Book>> = None;
            let sections = groups
                .iter()
                .map(|group| {
                    let book = group.chapter.map(|c| c.book);
                    let book_heading = (shown_book != Some(book)).then(|| {
                        shown_book = Some(book);
                        let heading = book.map_or(UNIT_BANK, Book::heading);
                        view! { <h2 class="wrong-book">{heading}</h2> }
                    });
                    let scope = match group.chapter {
                        Some(chapter) => Scope::Wrong(Some(chapter.index())),
                        None => Scope::WrongUnit,
                    };
                    let redo = set_href(&SetSpec::sequential(scope));
                    let title = group.chapter.map_or("未注明条文的题目", |c| c.title);
                    let entries = group
                        .entries
                        .iter()
                        .map(|entry| {
                            let id = entry.question.id.clone();
                            let remove_id = id.clone();
                            let status = if entry.mastered { "已掌握" } else { "未掌握" };
                            view! {
                                <li class="wrong-entry" class:mastered=entry.mastered>
                                    <p class="wrong-stem">{entry.question.stem.clone()}</p>
                                    <p class="wrong-meta">
                                        <span class="wrong-status">{status}</span>
                                        {format!(" · {} · 答错 {} 次", id, entry.wrong_answers)}
                                        {entry.question.main_article().map(|a| format!(" · 第{a}条"))}
                                    </p>
                                    <button
                                        class="small"
                                        aria-label=format!("从错题本移除 {id}")
                                        on:click=move |_| state.remove_wrong(&remove_id)
                                    >
                                        "移除"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        {book_heading}
                        <section class="wrong-group">
                            <div class="wrong-group-head">
                                <h3>{title}</h3>
                                <A href=redo>"重做本章"</A>
                            </div>
                            <ul class="wrong-list">{entries}</ul>
                        </section>
                    }
                })
                .collect_view();
            let redo_all = set_href(&SetSpec::sequential(Scope::Wrong(None)));
            view! {
                <p class="wrong-summary">{format!("共 {total} 题，已掌握 {mastered} 题")}</p>
                <div class="actions">
                    <A href=redo_all attr:class="button primary">"全部重做"</A>
                    <button on:click=export>"导出 CSV"</button>
                </div>
                {sections}
            }
            .into_any()
        })
    };
    view! {
        <section class="page">
            <h1>"错题本"</h1>
            <p class="lead">"答错的题自动收录；连续答对 2 次即标记为已掌握。"</p>
            {listing}
        </section>
    }
}
