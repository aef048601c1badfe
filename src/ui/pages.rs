//! Small pages that stand on their own: not found.

use leptos::prelude::*;
use leptos_router::components::A;

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
