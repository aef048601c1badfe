//! The unit's imported sets: practise one, or remove it (after a confirmation).

use leptos::prelude::*;

use crate::core::study::{Scope, SetSpec};
use crate::ui::browser::local_date;
use crate::ui::shell::other_app_href;
use crate::ui::state::AppState;
use crate::ui::study::set_href;

/// The list of imported sets.
#[component]
pub fn SetsCard() -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirming = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let remove = move |id: String| {
        if confirming.get_untracked().as_deref() != Some(id.as_str()) {
            return confirming.set(Some(id));
        }
        confirming.set(None);
        if let Err(message) = state.change_imported(|bank| {
            bank.remove(&id);
            Ok(())
        }) {
            error.set(Some(message));
        }
    };
    let list = move || {
        let sets = state.imported.get().sets;
        if sets.is_empty() {
            return view! { <p class="status">"还没有导入题目。"</p> }.into_any();
        }
        let items = sets
            .into_iter()
            .map(|set| {
                let id = set.id.clone();
                let practise = set_href(&SetSpec::sequential(Scope::Unit(Some(set.id.clone()))));
                let asking = move || confirming.get().as_deref() == Some(id.as_str());
                let id = set.id.clone();
                view! {
                    <li class="imported-set">
                        <p>
                            <strong>{set.name.clone()}</strong>
                            {format!(
                                " · {} 题 · 来自“{}” · {}",
                                set.questions.len(),
                                set.source,
                                local_date(set.imported_at),
                            )}
                        </p>
                        <div class="actions">
                            <a href=other_app_href(&practise) rel="external" class="button">"练习"</a>
                            <button
                                aria-label=format!("删除题库 {}", set.name)
                                on:click=move |_| remove(id.clone())
                            >
                                {move || if asking() { "确认删除" } else { "删除" }}
                            </button>
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="imported-sets" id="bank-sets">{items}</ul> }.into_any()
    };
    view! {
        <div class="card">
            <h2>"本单位题库"</h2>
            {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
            <div id="bank-sets-card">{list}</div>
        </div>
    }
}
