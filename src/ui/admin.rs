//! The administrators' app (`xuefa-admin`, its page is `admin/index.html`): the statistics
//! (统计), issuing official exams and the bank tools (题库管理: import, export). It is a separate wasm binary so that its code never
//! weighs on the learner's first load; it shares the header, the state and the browser
//! adapters with the learner's app through this library.

use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;

use super::bank_tools::BankToolsPage;
use super::browser::{base_path, take_handed_over_route};
use super::exam::{ExamState, IssuePage};
use super::pages::NotFound;
use super::shell::{Area, Header, Notice};
use super::state::AppState;
use super::stats::StatsPage;
use super::widgets::UpdatePrompt;

/// The administrators' application.
#[component]
pub fn AdminApp() -> impl IntoView {
    take_handed_over_route();
    let state = AppState::start();
    provide_context(state);
    provide_context(ExamState::start(state.notice));
    view! {
        <Router base=base_path()>
            <Header here=Area::Admin />
            <UpdatePrompt />
            <Notice />
            <main>
                <Routes fallback=NotFound>
                    <Route path=path!("/admin") view=|| view! { <Redirect path="/admin/stats" /> } />
                    <Route path=path!("/admin/stats") view=StatsPage />
                    <Route path=path!("/admin/issue") view=IssuePage />
                    <Route path=path!("/admin/bank") view=BankToolsPage />
                </Routes>
            </main>
        </Router>
    }
}
