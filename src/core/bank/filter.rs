//! Browsing filters for the 题库 page and the export: by Book, chapter, kind, difficulty,
//! source (built-in, the unit's sets, one set) and text (words or an article).

use crate::core::bank_io::imported_set_of;
use crate::core::law::Book;

use super::{Bank, Question, QuestionKind, SearchQuery};

/// Where a question comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Source {
    #[default]
    Any,
    /// The built-in bank.
    BuiltIn,
    /// Any imported set (本单位题库).
    Unit,
    /// One imported set, by its id.
    Set(String),
}

/// A combination of filters; an unset filter admits everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BankFilter {
    pub book: Option<Book>,
    /// A chapter, by its index in the Code's table.
    pub chapter: Option<usize>,
    pub kind: Option<QuestionKind>,
    pub difficulty: Option<u8>,
    pub source: Source,
    /// Words or an article, as in the search box; blank admits everything.
    pub text: String,
}

impl BankFilter {
    /// Whether a question passes every filter.
    pub fn matches(&self, question: &Question) -> bool {
        let set = imported_set_of(&question.id);
        let source = match &self.source {
            Source::Any => true,
            Source::BuiltIn => set.is_none(),
            Source::Unit => set.is_some(),
            Source::Set(id) => set == Some(id.as_str()),
        };
        source
            && self.book.is_none_or(|b| question.book() == Some(b))
            && self
                .chapter
                .is_none_or(|i| question.chapter().is_some_and(|c| c.index() == i))
            && self.kind.is_none_or(|k| question.kind == k)
            && self.difficulty.is_none_or(|d| question.difficulty == d)
            && SearchQuery::parse(&self.text).is_none_or(|query| query.matches(question))
    }

    /// The questions of the bank that pass, in bank order.
    pub fn apply<'a>(&self, bank: &'a Bank) -> Vec<&'a Question> {
        bank.questions()
            .iter()
            .filter(|q| self.matches(q))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::test_question;
    use crate::core::law::Chapter;

    fn bank() -> Bank {
        let mut unit = test_question("Uaaaa-0001", 17);
        unit.articles.clear();
        unit.stem = "本单位每周一学法。".into();
        let mut hard = test_question("B7-0001", 1254);
        hard.difficulty = 3;
        hard.kind = QuestionKind::Single;
        Bank::new(
            vec![
                test_question("B1-0001", 17),
                hard,
                unit,
                test_question("Ubbbb-0001", 1254),
            ],
            vec![],
        )
    }

    fn ids(filter: BankFilter) -> Vec<String> {
        filter.apply(&bank()).iter().map(|q| q.id.clone()).collect()
    }

    #[test]
    fn each_filter_narrows_and_they_combine() {
        assert_eq!(ids(BankFilter::default()).len(), 4);
        let torts = BankFilter {
            book: Some(Book::Torts),
            ..BankFilter::default()
        };
        assert_eq!(ids(torts.clone()), ["B7-0001", "Ubbbb-0001"]);
        let chapter = Chapter::of_article(17).unwrap().index();
        assert_eq!(
            ids(BankFilter {
                chapter: Some(chapter),
                ..BankFilter::default()
            }),
            ["B1-0001"]
        );
        assert_eq!(
            ids(BankFilter {
                kind: Some(QuestionKind::Single),
                ..BankFilter::default()
            }),
            ["B7-0001"]
        );
        assert_eq!(
            ids(BankFilter {
                difficulty: Some(3),
                ..BankFilter::default()
            }),
            ["B7-0001"]
        );
        assert_eq!(
            ids(BankFilter {
                source: Source::Unit,
                ..torts.clone()
            }),
            ["Ubbbb-0001"]
        );
        assert_eq!(
            ids(BankFilter {
                source: Source::BuiltIn,
                ..torts
            }),
            ["B7-0001"]
        );
        assert_eq!(
            ids(BankFilter {
                source: Source::Set("aaaa".into()),
                ..BankFilter::default()
            }),
            ["Uaaaa-0001"]
        );
        assert_eq!(
            ids(BankFilter {
                text: "学法".into(),
                ..BankFilter::default()
            }),
            ["Uaaaa-0001"]
        );
        assert_eq!(
            ids(BankFilter {
                text: "第1254条".into(),
                ..BankFilter::default()
            }),
            ["B7-0001", "Ubbbb-0001"]
        );
    }
}
