//! The learner's app (`xuefa`): study and exams. Paths under `/admin/` belong to the
//! administrators' app and are handed over to it (see `super::admin`).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

use super::browser::{base_path, exam_data_stored, mark};
use super::exam::ExamSlot;
use super::lazy::{self, lazy_page};
use super::pages::{AdminHandOver, NotFound};
use super::shell::{Area, Header, Notice};
use super::state::AppState;
use super::study::HomePage;
use super::widgets::{ScriptToggle, UpdatePrompt};

/// The learner's application.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::start();
    provide_context(state);
    let exams = ExamSlot::new();
    provide_context(exams.clone());
    // 练习's code is fetched once the first page has painted: the page most opened next (a
    // failed download is tried again when 练习 is shown).
    state.after_first_page(|| async {
        mark("xuefa:practice-prefetch");
        if lazy::practice_ready().await.is_ok() {
            mark("xuefa:practice-fetched");
        }
    });
    // Stored exam data is started once the first page has painted (its code is downloaded
    // with the exam pages): attempts whose time ran out are handed in and finished exams feed
    // study. Without stored exam data nothing is needed until an exam page is shown.
    state.after_first_page(move || async move {
        if exam_data_stored() {
            if let Ok(start) = lazy::exam_starter().await {
                start(&exams);
            }
        }
    });
    view! {
        <Router base=base_path()>
            <Header here=Area::Learner />
            <UpdatePrompt />
            <Notice />
            <main>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/practice") view=|| lazy_page(lazy::chooser_page) />
                    <Route path=path!("/practice/:book") view=|| lazy_page(lazy::practice_page) />
                    <Route path=path!("/set") view=|| lazy_page(lazy::set_page) />
                    <Route path=path!("/wrong") view=|| lazy_page(lazy::wrong_book_page) />
                    <Route path=path!("/progress") view=|| lazy_page(lazy::progress_page) />
                    <Route path=path!("/search") view=|| lazy_page(lazy::search_page) />
                    <Route path=path!("/exam") view=|| lazy_page(lazy::exam_home) />
                    <Route path=path!("/exam/attempt/:id") view=|| lazy_page(lazy::attempt_page) />
                    <Route path=path!("/exam/result/:id") view=|| lazy_page(lazy::result_page) />
                    <Route path=path!("/exam/sheet/:id") view=|| lazy_page(lazy::score_sheet_page) />
                    <Route path=path!("/exam/certificate/:id") view=|| lazy_page(lazy::certificate_page) />
                    <Route path=path!("/exam/join") view=|| lazy_page(lazy::join_page) />
                    <Route path=path!("/data") view=|| lazy_page(lazy::data_page) />
                    <Route path=path!("/admin/*any") view=AdminHandOver />
                    <Route path=path!("/bank") view=|| lazy_page(lazy::bank_page) />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}

/// The footer: the 简/繁 switch, and 我的数据 (not during an exam attempt, like the
/// navigation).
#[component]
fn Footer() -> impl IntoView {
    let location = use_location();
    let in_attempt = move || location.pathname.get().contains("/exam/attempt/");
    view! {
        <footer class="bottom">
            <ScriptToggle />
            <Show when=move || !in_attempt()>
                <A href="/data">"我的数据（备份与恢复）"</A>
            </Show>
        </footer>
    }
}
