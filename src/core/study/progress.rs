//! Practice progress: how often each question was answered, how often correctly, and how
//! many right answers in a row it has had lately (two in a row and it counts as mastered).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::bank::{Bank, Question};
use crate::core::law::{Book, Chapter};

/// Right answers in a row after which a question counts as mastered.
pub const MASTERY_STREAK: u32 = 2;

/// Answers given to one question: how many, how many of them right, and how many right
/// answers in a row up to the latest. Stored as `[answered, correct, in_a_row]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(u32, u32, u32)", into = "(u32, u32, u32)")]
pub struct Tally {
    pub answered: u32,
    pub correct: u32,
    pub right_in_a_row: u32,
}

impl Tally {
    /// Whether the latest answers were right often enough in a row (the mastery rule).
    pub fn is_mastered(&self) -> bool {
        self.right_in_a_row >= MASTERY_STREAK
    }

    /// Wrong answers given.
    pub fn wrong(&self) -> u32 {
        self.answered - self.correct
    }
}

impl From<(u32, u32, u32)> for Tally {
    fn from((answered, correct, right_in_a_row): (u32, u32, u32)) -> Tally {
        Tally {
            answered,
            correct,
            right_in_a_row,
        }
    }
}

impl From<Tally> for (u32, u32, u32) {
    fn from(tally: Tally) -> (u32, u32, u32) {
        (tally.answered, tally.correct, tally.right_in_a_row)
    }
}

/// The tally of every question a learner has answered, by question id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Progress {
    tallies: BTreeMap<String, Tally>,
}

/// Progress over a group of questions (a Book, a chapter), as the progress bars show it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Questions of the group in the bank.
    pub total: usize,
    /// Of them, those answered at least once.
    pub answered: usize,
    /// Of them, those mastered (right the last two times).
    pub mastered: usize,
    /// Answers given in the group, and how many were right.
    pub answers: u32,
    pub correct_answers: u32,
}

impl Summary {
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
        tally.right_in_a_row = if correct { tally.right_in_a_row + 1 } else { 0 };
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
    pub fn of_book(&self, bank: &Bank, book: Book) -> Summary {
        self.summarise(bank.in_book(book))
    }

    /// How far the learner has come in one chapter of the bank.
    pub fn of_chapter(&self, bank: &Bank, chapter: &Chapter) -> Summary {
        self.summarise(
            bank.questions()
                .iter()
                .filter(|q| q.chapter().is_some_and(|c| c.first == chapter.first)),
        )
    }

    /// How far the learner has come in any group of questions (a practice set).
    pub fn summarise<'a>(&self, questions: impl Iterator<Item = &'a Question>) -> Summary {
        questions.fold(Summary::default(), |mut summary, question| {
            let tally = self.tally(&question.id);
            summary.total += 1;
            summary.answered += usize::from(tally.answered > 0);
            summary.mastered += usize::from(tally.is_mastered());
            summary.answers += tally.answered;
            summary.correct_answers += tally.correct;
            summary
        })
    }
}

impl Progress {
    /// Merges tallies from a backup without counting an answer twice: a backup holds an
    /// earlier (or the same) history of the same answers, so per question the tally with
    /// more answers wins. Returns how many tallies were added and how many replaced.
    pub fn merge(&mut self, other: &Progress) -> (usize, usize) {
        let (mut added, mut replaced) = (0, 0);
        for (id, theirs) in &other.tallies {
            match self.tallies.get_mut(id) {
                None => {
                    self.tallies.insert(id.clone(), *theirs);
                    added += 1;
                }
                Some(mine) if theirs.answered > mine.answered => {
                    *mine = *theirs;
                    replaced += 1;
                }
                Some(_) => {}
            }
        }
        (added, replaced)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::{test_question, Question};

    fn question(id: &str, article: u16) -> Question {
        test_question(id, article)
    }

    #[test]
    fn answers_are_tallied_per_question_and_summed_per_book_and_chapter() {
        let bank = Bank::new(
            vec![
                question("B1-0001", 17),
                question("B1-0002", 18),
                question("B1-0003", 60),
                question("B7-0001", 1254),
            ],
            vec![],
        );
        let mut progress = Progress::default();
        progress.record("B1-0001", false);
        progress.record("B1-0001", true);
        progress.record("B1-0003", true);
        progress.record("B1-0003", true);
        progress.record("B7-0001", true);
        assert_eq!(
            progress.tally("B1-0001"),
            Tally {
                answered: 2,
                correct: 1,
                right_in_a_row: 1
            }
        );
        assert!(!progress.has_answered("B1-0002"));
        let general = progress.of_book(&bank, Book::General);
        assert_eq!(
            general,
            Summary {
                total: 3,
                answered: 2,
                mastered: 1,
                answers: 4,
                correct_answers: 3
            }
        );
        assert_eq!(general.accuracy_percent(), Some(75));
        let natural_persons = Chapter::of_article(17).unwrap();
        let chapter = progress.of_chapter(&bank, natural_persons);
        assert_eq!(
            (chapter.total, chapter.answered, chapter.mastered),
            (2, 1, 0)
        );
        assert_eq!(chapter.accuracy_percent(), Some(50));
        assert_eq!(
            progress.of_book(&bank, Book::Contracts).accuracy_percent(),
            None
        );
    }

    #[test]
    fn mastery_takes_two_right_answers_in_a_row() {
        let mut progress = Progress::default();
        progress.record("q", false);
        assert!(!progress.tally("q").is_mastered());
        progress.record("q", true);
        assert!(
            !progress.tally("q").is_mastered(),
            "one right is not enough"
        );
        progress.record("q", false);
        progress.record("q", true);
        assert!(
            !progress.tally("q").is_mastered(),
            "the wrong one broke the run"
        );
        progress.record("q", true);
        assert!(progress.tally("q").is_mastered());
        assert_eq!(progress.tally("q").wrong(), 2);
        progress.record("q", false);
        assert!(
            !progress.tally("q").is_mastered(),
            "a new mistake unmasters it"
        );
    }

    #[test]
    fn tallies_serialise_compactly() {
        let mut progress = Progress::default();
        progress.record("B1-0001", true);
        assert_eq!(
            serde_json::to_string(&progress).unwrap(),
            r#"{"B1-0001":[1,1,1]}"#
        );
    }
}
