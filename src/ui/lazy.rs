//! The learner's pages that are downloaded when first shown. Each function below is split off
//! the app's wasm by `xuefa-link` (src/bin/xuefa_link.rs) into a chunk of its group (study:
//! 练习 and the study tools; exam; 题库; 我的数据), which the browser fetches the first time one
//! of its pages is shown; the service worker caches every chunk at install, so they work
//! offline too. Only 首页 and the app's frame are in the first download; the study group is
//! also fetched with a page opened on it (`public/preload-page.js`) or once the first page has
//! painted (`practice_ready`). 练习 shares the study tools' group: in a group of its own it
//! needed 14 files rather than 8, and its first question came later (docs/PERFORMANCE.md).
//! The exam data's code comes with the exam pages (`exam_starter`, `super::exam::ExamSlot`).

use std::future::Future;

use leptos::prelude::*;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use send_wrapper::SendWrapper;

use super::bank::BankPage;
use super::data::DataPage;
use super::exam::{
    AttemptPage, CertificatePage, ExamHome, ExamSlot, ExamState, JoinPage, ResultPage,
    ScoreSheetPage, WithExams,
};
use super::study::{ChooserPage, PracticePage, ProgressPage, SearchPage, SetPage, WrongBookPage};

/// A page whose code `load` downloads: a line while it loads, and a clear message with a way
/// to try again if it cannot be downloaded (offline before the app was ever cached, say).
pub fn lazy_page<F>(load: fn() -> F) -> impl IntoView
where
    F: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    move || {
        attempt.track();
        view! {
            <Suspense fallback=|| view! { <p class="muted page">"正在加载页面……"</p> }>
                {Suspend::new(SendWrapper::new(async move {
                    load().await.unwrap_or_else(|_| view! {
                        <section class="page">
                            <p class="status error" role="alert">
                                "页面未能下载，请检查网络连接后重试。"
                            </p>
                            <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>
                                "重试"
                            </button>
                        </section>
                    }.into_any())
                }))}
            </Suspense>
        }
    }
}

macro_rules! lazy_pages {
    ($($group:ident $(in $frame:ident)?: $($name:ident => $page:ident),+;)+) => {$(
        lazy_pages!(@group $group [$($frame)?] $($name => $page),+);
    )+};
    (@group $group:ident $frame:tt $($name:ident => $page:ident),+) => {$(
        #[doc = concat!("The ", stringify!($page), " page, downloaded with its group when first shown.")]
        #[wasm_split($group, fallible, wasm_split_path = ::leptos::wasm_split)]
        pub fn $name() -> Result<AnyView, SplitLoaderError> {
            Ok(lazy_pages!(@view $frame $page).into_any())
        }
    )+};
    (@view [$frame:ident] $page:ident) => { view! { <$frame><$page /></$frame> } };
    (@view [] $page:ident) => { view! { <$page /> } };
}

lazy_pages! {
    exam in WithExams: exam_home => ExamHome, attempt_page => AttemptPage,
        result_page => ResultPage, score_sheet_page => ScoreSheetPage,
        certificate_page => CertificatePage, join_page => JoinPage;
    study: chooser_page => ChooserPage, practice_page => PracticePage, set_page => SetPage,
        wrong_book_page => WrongBookPage, progress_page => ProgressPage,
        search_page => SearchPage;
    bank: bank_page => BankPage;
    data: data_page => DataPage;
}

/// How the exam data is started (`ExamSlot::exams`), downloaded with the exam pages: the app
/// calls it once its first page has painted when exam data is stored.
#[wasm_split(exam, fallible, wasm_split_path = ::leptos::wasm_split)]
pub fn exam_starter() -> Result<fn(&ExamSlot) -> ExamState, SplitLoaderError> {
    Ok(ExamSlot::exams)
}

/// Downloads the study pages' code (练习's among them), if it is not there yet: the app calls
/// it once its first page has painted, so that going from 首页 to 练习 does not wait for the
/// network.
#[wasm_split(study, fallible, wasm_split_path = ::leptos::wasm_split)]
pub fn practice_ready() -> Result<(), SplitLoaderError> {
    Ok(())
}
