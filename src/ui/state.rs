//! The state shared by all pages: the bank, the learner and a notice line.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{fetch_text, load_learner, now_ms, save_learner, today};
use crate::core::bank::Bank;
use crate::core::study::{LearnerState, Rating, Recorded};

/// Where the bank is: still loading, ready, or failed with a message.
#[derive(Clone, Debug)]
pub enum BankLoad {
    Loading,
    Ready(Arc<Bank>),
    Failed(String),
}

/// Shared state, provided as context by the app.
#[derive(Clone, Copy)]
pub struct AppState {
    pub bank: RwSignal<BankLoad>,
    pub learner: RwSignal<LearnerState>,
    /// A message for the user (storage problems), shown until dismissed.
    pub notice: RwSignal<Option<String>>,
    writable: StoredValue<bool>,
}

impl AppState {
    /// Reads the learner's state from storage and starts downloading the bank.
    pub fn start() -> AppState {
        let loaded = load_learner(now_ms());
        let state = AppState {
            bank: RwSignal::new(BankLoad::Loading),
            learner: RwSignal::new(loaded.value),
            notice: RwSignal::new(loaded.notice),
            writable: StoredValue::new(loaded.writable),
        };
        spawn_local(async move {
            let load = match fetch_text("bank.json").await {
                Ok(json) => match Bank::from_json(&json) {
                    Ok(bank) => BankLoad::Ready(Arc::new(bank)),
                    Err(e) => BankLoad::Failed(format!("题库文件已损坏：{e}")),
                },
                Err(message) => BankLoad::Failed(message),
            };
            state.bank.set(load);
        });
        state
    }

    /// The bank once it has loaded (tracked).
    pub fn ready_bank(&self) -> Option<Arc<Bank>> {
        match self.bank.get() {
            BankLoad::Ready(bank) => Some(bank),
            _ => None,
        }
    }

    /// Records one answer (tally, 错题本, schedule, streak) as of today, and saves.
    pub fn record_answer(&self, question_id: &str, correct: bool) -> Recorded {
        let mut recorded = None;
        self.learner.update(|learner| {
            recorded = Some(learner.record_answer(question_id, correct, today()));
        });
        self.save();
        recorded.expect("update ran")
    }

    /// Re-rates a right answer just recorded as Hard or Easy, and saves.
    pub fn rate_again(&self, recorded: &Recorded, rating: Rating) {
        self.learner
            .update(|learner| learner.rate_again(recorded, rating, today()));
        self.save();
    }

    /// Changes the learner's state in some other way (e.g. feeding a finished exam), and saves.
    pub fn change_learner(&self, edit: impl FnOnce(&mut LearnerState)) {
        self.learner.update(edit);
        self.save();
    }

    /// Takes a question out of the 错题本, and saves.
    pub fn remove_wrong(&self, question_id: &str) {
        self.learner.update(|learner| {
            learner.wrong.remove(question_id);
        });
        self.save();
    }

    /// Writes the learner's state, unless this visit must not (see `load_learner`); a failure
    /// (storage full) becomes the notice.
    fn save(&self) {
        if self.writable.get_value() {
            if let Err(message) = save_learner(&self.learner.read_untracked()) {
                self.notice.set(Some(message));
            }
        }
    }
}
