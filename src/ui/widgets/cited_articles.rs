//! The list of articles a question rests on, each with its Book and chapter.

use leptos::prelude::*;

use crate::core::law::Chapter;

/// `第N条` and where it stands in the Code (Book · chapter), one item per article.
#[component]
pub fn CitedArticles(articles: Vec<u16>) -> impl IntoView {
    let items = articles
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
    view! { <ul class="articles">{items}</ul> }
}
