//! Small pages that stand on their own: not found, and the hand-over to the administrators'
//! app.

use leptos::prelude::*;
use leptos_router::components::A;

use super::browser::hand_over_to_admin;

/// Shown for any path the app does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <section class="page">
            <h1>"页面不存在"</h1>
            <p>"您打开的地址没有对应的页面，可能是链接有误。"</p>
            <A href="/">"返回首页"</A>
        </section>
    }
}

/// A path under `/admin/` reached the learner's app (a host with one fallback page): loads
/// the administrators' app for it, or says the page does not exist if that cannot be done.
#[component]
pub fn AdminHandOver() -> impl IntoView {
    if hand_over_to_admin() {
        view! { <p class="muted">"正在打开管理页面……"</p> }.into_any()
    } else {
        view! { <NotFound /> }.into_any()
    }
}
