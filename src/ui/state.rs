//! The state shared by all pages: the bank, the imported sets, the learner and a notice line.

use std::future::Future;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{
    after_paint, fetch_bank_text, load_imported, load_learner, mark, now_ms, save_imported,
    save_learner, today,
};
use crate::core::bank::Bank;
use crate::core::bank_io::ImportedBank;
use crate::core::exam::ExamDefinition;
use crate::core::study::{LearnerState, Rating, Recorded};

/// Where the bank is: still loading, ready, or failed with a message.
#[derive(Clone, Debug, PartialEq)]
pub enum BankLoad {
    Loading,
    Ready(Arc<Bank>),
    Failed(String),
}

/// Shared state, provided as context by the app.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The built-in bank, which exams draw from.
    pub bank: RwSignal<BankLoad>,
    /// The unit's imported question sets (本单位题库).
    pub imported: RwSignal<ImportedBank>,
    /// The built-in bank joined with the imported sets, which study and browsing use.
    study: Memo<BankLoad>,
    imported_writable: StoredValue<bool>,
    pub learner: RwSignal<LearnerState>,
    /// A message for the user (storage problems), shown until dismissed.
    pub notice: RwSignal<Option<String>>,
    writable: StoredValue<bool>,
}

impl AppState {
    /// Reads the learner's state from storage and starts downloading the bank.
    pub fn start() -> AppState {
        mark("xuefa:app-started");
        let loaded = load_learner(now_ms());
        let imported = load_imported(now_ms());
        let bank = RwSignal::new(BankLoad::Loading);
        let imported_sets = RwSignal::new(imported.value);
        let study = Memo::new(move |_| match bank.get() {
            BankLoad::Ready(builtin) => imported_sets.with(|sets| {
                if sets.sets.is_empty() {
                    BankLoad::Ready(builtin)
                } else {
                    BankLoad::Ready(Arc::new(sets.joined_with(&builtin)))
                }
            }),
            other => other,
        });
        let state = AppState {
            bank,
            imported: imported_sets,
            study,
            imported_writable: StoredValue::new(imported.writable),
            learner: RwSignal::new(loaded.value),
            notice: RwSignal::new(loaded.notice.or(imported.notice)),
            writable: StoredValue::new(loaded.writable),
        };
        spawn_local(async move {
            let load = match fetch_bank_text().await {
                Ok(json) => {
                    mark("xuefa:bank-fetched");
                    let parsed = Bank::from_json(&json);
                    mark("xuefa:bank-parsed");
                    match parsed {
                        Ok(bank) => BankLoad::Ready(Arc::new(bank)),
                        Err(e) => BankLoad::Failed(format!("题库文件已损坏：{e}")),
                    }
                }
                Err(message) => BankLoad::Failed(message),
            };
            state.bank.set(load);
        });
        state
    }

    /// Runs `task` once, after the first page has its bank (or the bank has failed) and has
    /// painted: for work that page does not need, which would otherwise compete with it.
    pub fn after_first_page<F>(self, task: impl FnOnce() -> F + 'static)
    where
        F: Future<Output = ()> + 'static,
    {
        let mut task = Some(task);
        Effect::new(move |_| {
            if self.bank.with(|bank| matches!(bank, BankLoad::Loading)) {
                return;
            }
            if let Some(task) = task.take() {
                spawn_local(async move {
                    after_paint().await;
                    task().await;
                });
            }
        });
    }

    /// The bank once it has loaded (tracked).
    pub fn ready_bank(&self) -> Option<Arc<Bank>> {
        match self.bank.get() {
            BankLoad::Ready(bank) => Some(bank),
            _ => None,
        }
    }

    /// The bank an exam draws from and is graded against, once loaded (tracked): the
    /// built-in bank, joined with the unit questions the exam carries.
    pub fn exam_bank(&self, exam: &ExamDefinition) -> Option<Arc<Bank>> {
        let bank = self.ready_bank()?;
        Some(exam.joined_bank(&bank).map_or(bank, Arc::new))
    }

    /// The bank for study and browsing (built-in and imported questions), as it loads (tracked).
    pub fn study_load(&self) -> BankLoad {
        self.study.get()
    }

    /// The bank for study and browsing once it has loaded (tracked).
    pub fn study_bank(&self) -> Option<Arc<Bank>> {
        match self.study.get() {
            BankLoad::Ready(bank) => Some(bank),
            _ => None,
        }
    }

    /// Changes the imported sets and saves them; the error (the edit refused, storage full, or
    /// this visit must not write over an unreadable record) is a message for the user, and
    /// nothing changes.
    pub fn change_imported(
        &self,
        edit: impl FnOnce(&mut ImportedBank) -> Result<(), String>,
    ) -> Result<(), String> {
        if !self.imported_writable.get_value() {
            return Err("原有的本单位题库无法读取，为免覆盖，本次不能保存题库的变动。".into());
        }
        let mut next = self.imported.get_untracked();
        edit(&mut next)?;
        save_imported(&next)?;
        self.imported.set(next);
        Ok(())
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
