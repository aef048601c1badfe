//! Search the bank by words or by article; the results open as a practice set.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::set_href;
use crate::core::bank::SearchQuery;
use crate::core::study::{Scope, SetSpec};
use crate::ui::state::AppState;

/// A search box and the questions it finds (`/search?q=第1254条`).
#[component]
pub fn SearchPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = use_query_map();
    let navigate = use_navigate();
    let typed = RwSignal::new(query.read_untracked().get("q").unwrap_or_default());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = typed.get_untracked();
        navigate(
            &format!("/search?q={}", js_sys::encode_uri_component(text.trim())),
            Default::default(),
        );
    };
    let results = move || {
        let text = query.read().get("q").unwrap_or_default();
        let parsed = SearchQuery::parse(&text)?;
        let Some(bank) = state.study_bank() else {
            return Some(view! { <p class="status">"题库加载中……"</p> }.into_any());
        };
        let found = bank.search(&parsed);
        if found.is_empty() {
            return Some(view! { <p class="status">"没有找到相关题目。"</p> }.into_any());
        }
        let what = match parsed {
            SearchQuery::Article(n) => format!("引用第{n}条的题目"),
            SearchQuery::Words(_) => format!("含“{}”的题目", text.trim()),
        };
        let practise = set_href(&SetSpec::sequential(Scope::Search(text.trim().to_string())));
        let items = found
            .iter()
            .map(|q| {
                let articles: Vec<String> = q.articles.iter().map(|a| format!("第{a}条")).collect();
                view! {
                    <li class="result">
                        <p class="result-stem">{q.stem.clone()}</p>
                        <p class="result-meta">{format!("{} · {} · {}", q.id, q.kind.label(), articles.join("、"))}</p>
                    </li>
                }
            })
            .collect_view();
        Some(
            view! {
                <p class="result-count">{format!("找到 {} 道{what}", found.len())}</p>
                <A href=practise attr:class="button primary">{format!("练习这些题（{}）", found.len())}</A>
                <ul class="results">{items}</ul>
            }
            .into_any(),
        )
    };
    view! {
        <section class="page">
            <h1>"搜索题目"</h1>
            <form class="search" role="search" on:submit=submit>
                <input
                    type="search"
                    id="search-text"
                    aria-label="搜索词或条文号"
                    placeholder="关键词，或条文号：1254、第1254条、第一千二百五十四条"
                    prop:value=move || typed.get()
                    on:input=move |ev| typed.set(event_target_value(&ev))
                />
                <button class="primary" type="submit">"搜索"</button>
            </form>
            {results}
        </section>
    }
}
