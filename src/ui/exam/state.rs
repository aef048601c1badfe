//! The exam data shared by the exam pages: loaded once, saved after every change.

use leptos::prelude::*;

use crate::core::exam::{Attempt, ExamStore};
use crate::ui::browser::{load_exams, now_ms, save_exams};

/// Exam data, provided as context by the app.
#[derive(Clone, Copy)]
pub struct ExamState {
    pub store: RwSignal<ExamStore>,
    notice: RwSignal<Option<String>>,
    writable: StoredValue<bool>,
}

impl ExamState {
    /// Loads the exam data and hands in every attempt whose deadline passed while the app
    /// was closed. Problems go to the app's notice line.
    pub fn start(notice: RwSignal<Option<String>>) -> ExamState {
        let loaded = load_exams(now_ms());
        if let Some(message) = loaded.notice {
            notice.set(Some(message));
        }
        let state = ExamState {
            store: RwSignal::new(loaded.value),
            notice,
            writable: StoredValue::new(loaded.writable),
        };
        state.settle();
        state
    }

    /// Hands in the attempts whose deadline has passed; saves if any were.
    pub fn settle(&self) {
        let now = now_ms();
        let due = self.store.with_untracked(|s| {
            s.attempts
                .iter()
                .any(|a| a.submitted.is_none() && a.is_expired(now))
        });
        if due {
            self.change(|store| {
                store.settle(now);
            });
        }
    }

    /// Changes the exam data and saves it at once.
    pub fn change(&self, edit: impl FnOnce(&mut ExamStore)) {
        self.store.update(edit);
        if self.writable.get_value() {
            if let Err(message) = save_exams(&self.store.read_untracked()) {
                self.notice.set(Some(message));
            }
        }
    }

    /// Changes one attempt and saves.
    pub fn change_attempt(&self, id: &str, edit: impl FnOnce(&mut Attempt)) {
        self.change(|store| {
            if let Some(attempt) = store.attempt_mut(id) {
                edit(attempt);
            }
        });
    }

    /// Shows a message on the app's notice line.
    pub fn tell(&self, message: String) {
        self.notice.set(Some(message));
    }

    /// A copy of the attempt with this id (tracked).
    pub fn attempt(&self, id: &str) -> Option<Attempt> {
        self.store.with(|s| s.attempt(id).cloned())
    }
}
