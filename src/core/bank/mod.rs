//! The question bank: questions, cases, loading, validation and search.

mod case;
mod filter;
mod load;
mod load_dir;
mod question;
mod search;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use case::Case;
pub use filter::{BankFilter, Source};
pub use load::{load_toml, BankError, SourceFile};
pub use load_dir::{load_toml_dir, load_toml_files, toml_files};
#[cfg(test)]
pub(crate) use question::test_question;
pub use question::{option_letter, Answer, Question, QuestionKind};
pub use search::SearchQuery;

/// The name under which a unit's own (imported) questions are grouped.
pub const UNIT_BANK: &str = "本单位题库";

use crate::core::law::Book;

/// All questions available, with their cases, indexed by id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bank {
    questions: Vec<Question>,
    cases: Vec<Case>,
    question_index: HashMap<String, usize>,
    case_index: HashMap<String, usize>,
}

/// The serialised form of a bank, as shipped to the browser (`bank.json`).
#[derive(Serialize, Deserialize)]
struct BankData {
    cases: Vec<Case>,
    questions: Vec<Question>,
}

impl Bank {
    /// A bank of already validated questions and cases.
    pub fn new(questions: Vec<Question>, cases: Vec<Case>) -> Bank {
        let question_index = questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        let case_index = cases
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        Bank {
            questions,
            cases,
            question_index,
            case_index,
        }
    }

    /// Every question, in bank order.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// Every case, in bank order.
    pub fn cases(&self) -> &[Case] {
        &self.cases
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.question_index.get(id).map(|&i| &self.questions[i])
    }

    /// The case with this id.
    pub fn case(&self, id: &str) -> Option<&Case> {
        self.case_index.get(id).map(|&i| &self.cases[i])
    }

    /// The questions whose main article lies in the given Book.
    pub fn in_book(&self, book: Book) -> impl Iterator<Item = &Question> {
        self.questions
            .iter()
            .filter(move |q| q.book() == Some(book))
    }

    /// The bank as compact JSON, the form the app downloads.
    pub fn to_json(&self) -> String {
        let data = BankData {
            cases: self.cases.clone(),
            questions: self.questions.clone(),
        };
        serde_json::to_string(&data).expect("a bank always serialises")
    }

    /// Reads a bank written by [`Bank::to_json`].
    pub fn from_json(json: &str) -> Result<Bank, serde_json::Error> {
        let data: BankData = serde_json::from_str(json)?;
        Ok(Bank::new(data.questions, data.cases))
    }
}
