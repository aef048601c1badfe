//! The learner's app (`xuefa`): study and exams. Paths under `/admin/` belong to the
//! administrators' app and are handed over to it (see `super::admin`).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

use super::bank::BankPage;
use super::browser::{base_path, today};
use super::data::DataPage;
use super::exam::{
    AttemptPage, CertificatePage, ExamHome, ExamState, JoinPage, ResultPage, ScoreSheetPage,
};
use super::pages::{AdminHandOver, NotFound};
use super::shell::{Area, Header, Notice};
use super::state::AppState;
use super::study::{
    ChooserPage, HomePage, PracticePage, ProgressPage, SearchPage, SetPage, WrongBookPage,
};
use super::widgets::{ScriptToggle, UpdatePrompt};
use crate::core::exam::{feed_study, ExamStore};

/// The learner's application.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::start();
    provide_context(state);
    let exams = ExamState::start(state.notice);
    provide_context(exams);
    // Finished exams feed study once the bank is there: wrong answers land in the 错题本.
    Effect::new(move |_| {
        let Some(bank) = state.ready_bank() else {
            return;
        };
        if exams.store.with(ExamStore::has_unfed) {
            exams.change(|store| {
                state.change_learner(|learner| {
                    feed_study(store, &bank, learner, today());
                })
            });
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
                    <Route path=path!("/practice") view=ChooserPage />
                    <Route path=path!("/practice/:book") view=PracticePage />
                    <Route path=path!("/set") view=SetPage />
                    <Route path=path!("/wrong") view=WrongBookPage />
                    <Route path=path!("/progress") view=ProgressPage />
                    <Route path=path!("/search") view=SearchPage />
                    <Route path=path!("/exam") view=ExamHome />
                    <Route path=path!("/exam/attempt/:id") view=AttemptPage />
                    <Route path=path!("/exam/result/:id") view=ResultPage />
                    <Route path=path!("/exam/sheet/:id") view=ScoreSheetPage />
                    <Route path=path!("/exam/certificate/:id") view=CertificatePage />
                    <Route path=path!("/exam/join") view=JoinPage />
                    <Route path=path!("/data") view=DataPage />
                    <Route path=path!("/admin/*any") view=AdminHandOver />
                    <Route path=path!("/bank") view=BankPage />
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
