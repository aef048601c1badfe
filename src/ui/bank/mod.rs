//! The 题库 page: browse the whole bank (built-in and the unit's imported sets) by Book,
//! chapter, kind, difficulty, source and text, and open a question to see its answer,
//! explanation and articles. For everyone; importing and exporting live in `bank_tools`.

mod entry;
mod filters;

use leptos::prelude::*;

use crate::core::bank::BankFilter;
use crate::core::bank_io::imported_set_of;
use crate::ui::shell::other_app_href;
use crate::ui::state::{AppState, BankLoad};
use entry::BankEntry;
pub use filters::FilterForm;

/// How many questions are listed at first, and added by each "more".
const PAGE: usize = 50;

/// The 题库 page.
#[component]
pub fn BankPage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = RwSignal::new(BankFilter::default());
    let shown = RwSignal::new(PAGE);
    Effect::new(move |_| {
        filter.track();
        shown.set(PAGE);
    });
    let listing = move || {
        let bank = match state.study_load() {
            BankLoad::Ready(bank) => bank,
            BankLoad::Loading => return view! { <p class="status">"题库加载中……"</p> }.into_any(),
            BankLoad::Failed(message) => {
                return view! { <p class="status error">"题库加载失败：" {message}</p> }.into_any()
            }
        };
        let found = filter.with(|f| f.apply(&bank).into_iter().cloned().collect::<Vec<_>>());
        let total = found.len();
        let limit = shown.get();
        let entries = found
            .into_iter()
            .take(limit)
            .map(|question| {
                let set_name = imported_set_of(&question.id)
                    .and_then(|set| state.imported.with(|b| b.set(set).map(|s| s.name.clone())));
                view! { <BankEntry question set_name /> }
            })
            .collect_view();
        view! {
            <p class="status" id="bank-count" role="status">{format!("共 {total} 题")}</p>
            <ul class="bank-list">{entries}</ul>
            {(total > limit)
                .then(|| {
                    view! {
                        <button on:click=move |_| shown.update(|n| *n += PAGE)>
                            {format!("再显示 {} 题", PAGE.min(total - limit))}
                        </button>
                    }
                })}
        }
        .into_any()
    };
    view! {
        <section class="page bank">
            <h1>"题库"</h1>
            <p class="lead">"浏览内置题库和本单位导入的题目，点开一题可看答案、解析和法条。"</p>
            <div class="actions">
                <a href=other_app_href("/admin/bank") rel="external" class="button">
                    "导入 / 导出题目"
                </a>
            </div>
            <FilterForm filter prefix="bank" />
            {listing}
        </section>
    }
}
