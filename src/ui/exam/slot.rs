//! The learner's exam data, started the first time something needs it, so that the exam code
//! stays out of the app's first download (docs/PERFORMANCE.md).

use leptos::prelude::*;

use super::state::ExamState;
use crate::core::exam::{feed_study, ExamStore};
use crate::ui::browser::today;
use crate::ui::state::AppState;

/// Where the learner's app keeps its exam data: provided at the app's root and filled by the
/// first exam page shown or, when exam data is stored, once the first page has painted (see
/// `lazy::exam_starter`). Until then none of the exam code has been downloaded.
#[derive(Clone)]
pub struct ExamSlot {
    exams: StoredValue<Option<ExamState>>,
    root: Owner,
}

impl ExamSlot {
    /// An empty slot, owned by the app's root (where it must be created).
    pub fn new() -> ExamSlot {
        ExamSlot {
            exams: StoredValue::new(None),
            root: Owner::current().expect("the exam slot is created by the app"),
        }
    }

    /// The exam data, started on first use: loaded, attempts whose deadline passed while the
    /// app was closed handed in, and finished exams fed to study once the bank is there.
    pub fn exams(&self) -> ExamState {
        if let Some(exams) = self.exams.get_value() {
            return exams;
        }
        let exams = self.root.with(|| {
            let state = expect_context::<AppState>();
            let exams = ExamState::start(state.notice);
            feed_finished_exams(state, exams);
            exams
        });
        self.exams.set_value(Some(exams));
        exams
    }
}

/// Renders its children with the exam data as context, started on first use.
#[component]
pub fn WithExams(children: Children) -> impl IntoView {
    provide_context(expect_context::<ExamSlot>().exams());
    children()
}

/// Finished exams feed study once the bank is there: wrong answers land in the 错题本.
fn feed_finished_exams(state: AppState, exams: ExamState) {
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
}
