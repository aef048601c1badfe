//! The wrong-answer book (错题本): every question the learner once got wrong, listed once,
//! grouped by Book and chapter, until the learner removes it. A question in it counts as
//! mastered after two right answers in a row (see `Tally::is_mastered`) and stays listed.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::core::bank::{Bank, Question};
use crate::core::law::Chapter;

use super::Progress;

/// The ids of the questions in the 错题本.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct WrongBook {
    ids: BTreeSet<String>,
}

/// One question in the 错题本, as listed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WrongEntry<'a> {
    pub question: &'a Question,
    /// Wrong answers given to it so far.
    pub wrong_answers: u32,
    /// Whether it has since been answered right twice in a row.
    pub mastered: bool,
}

/// The questions of the 错题本 in one chapter, in the Code's order.
#[derive(Clone, Debug, PartialEq)]
pub struct WrongGroup<'a> {
    /// The chapter; `None` for the group of a unit's own questions (本单位题库), listed last.
    pub chapter: Option<&'static Chapter>,
    pub entries: Vec<WrongEntry<'a>>,
}

impl WrongGroup<'_> {
    /// The questions to redo: those not yet mastered, or all of them once all are.
    pub fn redo_ids(&self) -> Vec<String> {
        redo_ids(&self.entries)
    }
}

impl WrongBook {
    /// Adds a question (after a wrong answer); a question already in the book stays once.
    pub fn add(&mut self, question_id: &str) {
        if !self.ids.contains(question_id) {
            self.ids.insert(question_id.to_string());
        }
    }

    /// Takes a question out of the book; returns whether it was there.
    pub fn remove(&mut self, question_id: &str) -> bool {
        self.ids.remove(question_id)
    }

    /// Whether a question is in the book.
    pub fn contains(&self, question_id: &str) -> bool {
        self.ids.contains(question_id)
    }

    /// How many questions are in the book.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether the book is empty.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// The book's questions found in the bank, grouped by chapter in the Code's order, each
    /// group in the order of articles. Ids the bank no longer has are kept but not listed.
    pub fn groups<'a>(&self, bank: &'a Bank, progress: &Progress) -> Vec<WrongGroup<'a>> {
        let mut entries: Vec<WrongEntry<'a>> = self
            .ids
            .iter()
            .filter_map(|id| bank.question(id))
            .map(|question| {
                let tally = progress.tally(&question.id);
                WrongEntry {
                    question,
                    wrong_answers: tally.wrong(),
                    mastered: tally.is_mastered(),
                }
            })
            .collect();
        entries.sort_by(|a, b| {
            let key = |e: &WrongEntry| {
                let chapter = e.question.chapter().map(|c| c.first);
                (
                    chapter.is_none(),
                    chapter,
                    e.question.main_article(),
                    e.question.id.clone(),
                )
            };
            key(a).cmp(&key(b))
        });
        let mut groups: Vec<WrongGroup<'a>> = Vec::new();
        for entry in entries {
            let chapter = entry.question.chapter();
            match groups.last_mut() {
                Some(group) if group.chapter.map(|c| c.first) == chapter.map(|c| c.first) => {
                    group.entries.push(entry)
                }
                _ => groups.push(WrongGroup {
                    chapter,
                    entries: vec![entry],
                }),
            }
        }
        groups
    }

    /// The questions to redo across the whole book: those not yet mastered, or all once all are.
    pub fn redo_all_ids(&self, bank: &Bank, progress: &Progress) -> Vec<String> {
        let groups = self.groups(bank, progress);
        let entries: Vec<WrongEntry> = groups.into_iter().flat_map(|g| g.entries).collect();
        redo_ids(&entries)
    }
}

fn redo_ids(entries: &[WrongEntry]) -> Vec<String> {
    let open: Vec<String> = entries
        .iter()
        .filter(|e| !e.mastered)
        .map(|e| e.question.id.clone())
        .collect();
    if open.is_empty() {
        entries.iter().map(|e| e.question.id.clone()).collect()
    } else {
        open
    }
}

impl WrongBook {
    /// Adds every question of another book that is not in this one; returns how many.
    pub fn merge(&mut self, other: &WrongBook) -> usize {
        let before = self.ids.len();
        self.ids.extend(other.ids.iter().cloned());
        self.ids.len() - before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::test_question;

    fn question(id: &str, article: u16) -> Question {
        test_question(id, article)
    }

    #[test]
    fn a_question_is_listed_once_however_often_it_is_missed() {
        let mut book = WrongBook::default();
        book.add("B1-0001");
        book.add("B1-0001");
        book.add("B7-0001");
        assert_eq!(book.len(), 2);
        assert_eq!(
            serde_json::to_string(&book).unwrap(),
            r#"["B1-0001","B7-0001"]"#
        );
        assert!(book.remove("B1-0001"));
        assert!(!book.remove("B1-0001"));
        assert!(!book.contains("B1-0001") && book.contains("B7-0001"));
    }

    #[test]
    fn groups_follow_the_code_and_redo_skips_mastered_questions() {
        let bank = Bank::new(
            vec![
                question("B7-0001", 1254),
                question("B1-0002", 18),
                question("B1-0001", 17),
                question("B1-0003", 60),
            ],
            vec![],
        );
        let mut progress = Progress::default();
        let mut book = WrongBook::default();
        for id in ["B7-0001", "B1-0002", "B1-0001", "B1-0003", "gone"] {
            progress.record(id, false);
            book.add(id);
        }
        progress.record("B1-0002", true);
        progress.record("B1-0002", true);

        let groups = book.groups(&bank, &progress);
        let titles: Vec<&str> = groups.iter().map(|g| g.chapter.unwrap().title).collect();
        assert_eq!(
            titles,
            [
                "第二章 自然人",
                "第三章 法人",
                "第十章 建筑物和物件损害责任"
            ]
        );
        let natural = &groups[0];
        let ids: Vec<&str> = natural
            .entries
            .iter()
            .map(|e| e.question.id.as_str())
            .collect();
        assert_eq!(ids, ["B1-0001", "B1-0002"]);
        assert!(natural.entries[1].mastered && !natural.entries[0].mastered);
        assert_eq!(natural.entries[1].wrong_answers, 1);
        assert_eq!(natural.redo_ids(), ["B1-0001"]);
        assert_eq!(
            book.redo_all_ids(&bank, &progress),
            ["B1-0001", "B1-0003", "B7-0001"]
        );
        assert!(book.contains("gone"), "ids the bank lacks are kept");

        progress.record("B1-0001", true);
        progress.record("B1-0001", true);
        let groups = book.groups(&bank, &progress);
        assert_eq!(
            groups[0].redo_ids(),
            ["B1-0001", "B1-0002"],
            "all mastered: redo all"
        );
    }
}
