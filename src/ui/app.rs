//! The app shell: header, navigation, notices and the routes.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

use super::bank::BankPage;
use super::bank_tools::BankToolsPage;
use super::browser::{base_path, today};
use super::exam::{
    AttemptPage, CertificatePage, ExamHome, ExamState, IssuePage, JoinPage, ResultPage,
    ScoreSheetPage,
};
use super::pages::NotFound;
use super::state::AppState;
use super::stats::StatsPage;
use super::study::{
    ChooserPage, HomePage, PracticePage, ProgressPage, SearchPage, SetPage, WrongBookPage,
};
use super::widgets::UpdatePrompt;
use crate::core::exam::{feed_study, ExamStore};

/// The whole application.
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
            <Header />
            <UpdatePrompt />
            {move || {
                state
                    .notice
                    .get()
                    .map(|text| {
                        view! {
                            <div class="notice" role="alert">
                                <p>{text}</p>
                                <button on:click=move |_| state.notice.set(None)>"知道了"</button>
                            </div>
                        }
                    })
            }}
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
                    <Route path=path!("/exam/issue") view=IssuePage />
                    <Route path=path!("/exam/join") view=JoinPage />
                    <Route path=path!("/stats") view=StatsPage />
                    <Route path=path!("/bank") view=BankPage />
                    <Route path=path!("/bank/manage") view=BankToolsPage />
                </Routes>
            </main>
        </Router>
    }
}

/// The header: the brand and the main navigation — which an exam attempt replaces by a plain
/// "考试进行中", so that no tap in the app leaves a running exam by accident.
#[component]
fn Header() -> impl IntoView {
    let location = use_location();
    let in_attempt = move || location.pathname.get().contains("/exam/attempt/");
    view! {
        <header class="top">
            <Show
                when=in_attempt
                fallback=|| {
                    view! {
                        <A href="/" exact=true>
                            <span class="brand">"学法"</span>
                        </A>
                        <nav aria-label="主导航">
                            <A href="/" exact=true>"学习"</A>
                            <A href="/exam">"考试"</A>
                            <A href="/stats">"统计"</A>
                            <A href="/bank">"题库"</A>
                        </nav>
                    }
                }
            >
                <span class="brand">"学法"</span>
                <span class="in-exam">"考试进行中"</span>
            </Show>
        </header>
    }
}
