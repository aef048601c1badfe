//! Practice progress: how often each question was answered, and how often correctly.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::bank::Bank;
use crate::core::law::Book;

/// Answers given to one question: how many, and how many of them right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(u32, u32)", into = "(u32, u32)")]
pub struct Tally {
    pub answered: u32,
    pub correct: u32,
}

impl From<(u32, u32)> for Tally {
    fn from((answered, correct): (u32, u32)) -> Tally {
        Tally { answered, correct }
    }
}

impl From<Tally> for (u32, u32) {
    fn from(tally: Tally) -> (u32, u32) {
        (tally.answered, tally.correct)
    }
}

/// The tally of every question a learner has answered, by question id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Progress {
    tallies: BTreeMap<String, Tally>,
}

/// A Book's progress as the home page shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BookProgress {
    /// Questions of the Book in the bank.
    pub total: usize,
    /// Of them, those answered at least once.
    pub answered: usize,
    /// Answers given in the Book, and how many were right.
    pub answers: u32,
    pub correct_answers: u32,
}

impl BookProgress {
    /// Share of right answers, in percent, or `None` before the first answer.
    pub fn accuracy_percent(&self) -> Option<u32> {
        (self.answers > 0).then(|| (self.correct_answers * 100 + self.answers / 2) / self.answers)
    }
}

impl Progress {
    /// Records one answer to a question.
    pub fn record(&mut self, question_id: &str, correct: bool) {
        let tally = self.tallies.entry(question_id.to_string()).or_default();
        tally.answered += 1;
        tally.correct += u32::from(correct);
    }

    /// The tally of one question (zero if never answered).
    pub fn tally(&self, question_id: &str) -> Tally {
        self.tallies.get(question_id).copied().unwrap_or_default()
    }

    /// Whether the question has been answered at least once.
    pub fn has_answered(&self, question_id: &str) -> bool {
        self.tallies.contains_key(question_id)
    }

    /// How far the learner has come in one Book of the bank.
    pub fn of_book(&self, bank: &Bank, book: Book) -> BookProgress {
        bank.in_book(book)
            .fold(BookProgress::default(), |mut summary, question| {
                let tally = self.tally(&question.id);
                summary.total += 1;
                summary.answered += usize::from(tally.answered > 0);
                summary.answers += tally.answered;
                summary.correct_answers += tally.correct;
                summary
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::{Answer, Question, QuestionKind};

    fn question(id: &str, article: u16) -> Question {
        Question {
            id: id.into(),
            kind: QuestionKind::Judge,
            stem: format!("{id} 的题干"),
            options: vec![],
            answer: Answer::Verdict(true),
            articles: vec![article],
            explanation: format!("第{article}条。"),
            difficulty: 1,
            case: None,
            tags: vec![],
        }
    }

    #[test]
    fn answers_are_tallied_per_question_and_summed_per_book() {
        let bank = Bank::new(
            vec![
                question("B1-0001", 17),
                question("B1-0002", 18),
                question("B7-0001", 1254),
            ],
            vec![],
        );
        let mut progress = Progress::default();
        progress.record("B1-0001", false);
        progress.record("B1-0001", true);
        progress.record("B7-0001", true);
        assert_eq!(
            progress.tally("B1-0001"),
            Tally {
                answered: 2,
                correct: 1
            }
        );
        assert!(!progress.has_answered("B1-0002"));
        let general = progress.of_book(&bank, Book::General);
        assert_eq!(
            general,
            BookProgress {
                total: 2,
                answered: 1,
                answers: 2,
                correct_answers: 1
            }
        );
        assert_eq!(general.accuracy_percent(), Some(50));
        assert_eq!(
            progress.of_book(&bank, Book::Contracts).accuracy_percent(),
            None
        );
    }

    #[test]
    fn tallies_serialise_compactly() {
        let mut progress = Progress::default();
        progress.record("B1-0001", true);
        assert_eq!(
            serde_json::to_string(&progress).unwrap(),
            r#"{"B1-0001":[1,1]}"#
        );
    }
}
