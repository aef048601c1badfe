//! One question of the bank and the answers it accepts.

use serde::{Deserialize, Serialize};

use crate::core::law::{Book, Chapter};

/// The kinds of question: 单选, 多选, 判断.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuestionKind {
    Single,
    Multiple,
    Judge,
}

impl QuestionKind {
    /// The name a Chinese exam paper uses: 单选题, 多选题, 判断题.
    pub fn label(self) -> &'static str {
        match self {
            QuestionKind::Single => "单选题",
            QuestionKind::Multiple => "多选题",
            QuestionKind::Judge => "判断题",
        }
    }
}

/// An answer: the chosen options (0-based, ascending) or a true/false verdict.
///
/// The same type is the key of a question and what a learner gives, so grading is equality.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    Choices(Vec<u8>),
    Verdict(bool),
}

impl Answer {
    /// Builds a choice answer from any order of option indexes, removing repeats.
    pub fn choices(mut options: Vec<u8>) -> Answer {
        options.sort_unstable();
        options.dedup();
        Answer::Choices(options)
    }

    /// The answer as a paper prints it: "ABD", "正确", "错误".
    pub fn display(&self) -> String {
        match self {
            Answer::Choices(options) => options.iter().map(|&i| option_letter(i)).collect(),
            Answer::Verdict(true) => "正确".to_string(),
            Answer::Verdict(false) => "错误".to_string(),
        }
    }
}

/// The letter of an option index: 0 → 'A'.
pub fn option_letter(index: u8) -> char {
    char::from(b'A' + index)
}

/// One question of the bank, validated (see `bank::load`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub stem: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    pub answer: Answer,
    /// The articles that decide the answer; the first is the main one.
    pub articles: Vec<u16>,
    pub explanation: String,
    /// 1 easy, 2 medium, 3 hard.
    pub difficulty: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
}

impl Question {
    /// The main article, which decides where the question belongs; every built-in question
    /// has one, an imported question (a unit's own regulations) may have none.
    pub fn main_article(&self) -> Option<u16> {
        self.articles.first().copied()
    }

    /// The Book of the main article, if the question rests on an article of the Code.
    pub fn book(&self) -> Option<Book> {
        self.main_article().and_then(Book::of_article)
    }

    /// The chapter of the main article, if the question rests on an article of the Code.
    pub fn chapter(&self) -> Option<&'static Chapter> {
        self.main_article().and_then(Chapter::of_article)
    }

    /// Whether a given answer earns the question (all or nothing).
    pub fn is_correct(&self, given: &Answer) -> bool {
        &self.answer == given
    }

    /// The choices a learner picks from: the options, or 正确 / 错误 for a judge question.
    pub fn choice_labels(&self) -> Vec<&str> {
        match self.kind {
            QuestionKind::Judge => vec!["正确", "错误"],
            _ => self.options.iter().map(String::as_str).collect(),
        }
    }

    /// Whether choice `index` (as in [`Question::choice_labels`]) is part of the key.
    pub fn is_key_choice(&self, index: u8) -> bool {
        match &self.answer {
            Answer::Choices(key) => key.contains(&index),
            Answer::Verdict(verdict) => (index == 0) == *verdict,
        }
    }

    /// The answer a selection of choices amounts to, or `None` while it is incomplete
    /// (nothing chosen, or more than one choice for a single or judge question).
    pub fn answer_from_choices(&self, chosen: &[u8]) -> Option<Answer> {
        let answer = Answer::choices(chosen.to_vec());
        let Answer::Choices(picked) = &answer else {
            unreachable!()
        };
        match (self.kind, picked.as_slice()) {
            (_, []) => None,
            (QuestionKind::Judge, [choice]) => Some(Answer::Verdict(*choice == 0)),
            (QuestionKind::Single, [_]) | (QuestionKind::Multiple, _) => Some(answer),
            _ => None,
        }
    }
}

/// A plain true/false question on one article, for the core's tests.
#[cfg(test)]
pub(crate) fn test_question(id: &str, article: u16) -> Question {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(answer: bool) -> Question {
        Question {
            id: "B1-0001".into(),
            kind: QuestionKind::Judge,
            stem: "十八周岁以上的自然人为成年人。".into(),
            options: vec![],
            answer: Answer::Verdict(answer),
            articles: vec![17],
            explanation: "第十七条。".into(),
            difficulty: 1,
            case: None,
            tags: vec![],
        }
    }

    #[test]
    fn choices_are_order_free_and_deduplicated() {
        assert_eq!(
            Answer::choices(vec![3, 0, 1, 0]),
            Answer::Choices(vec![0, 1, 3])
        );
        assert_eq!(Answer::choices(vec![3, 0, 1]).display(), "ABD");
    }

    #[test]
    fn grading_is_all_or_nothing() {
        let q = judge(true);
        assert!(q.is_correct(&Answer::Verdict(true)));
        assert!(!q.is_correct(&Answer::Verdict(false)));
        assert!(!q.is_correct(&Answer::Choices(vec![0])));
        assert_eq!(q.book(), Some(Book::General));
        assert_eq!(q.chapter().unwrap().title, "第二章 自然人");
    }

    #[test]
    fn judge_questions_are_answered_by_choosing_true_or_false() {
        let q = judge(false);
        assert_eq!(q.choice_labels(), ["正确", "错误"]);
        assert!(!q.is_key_choice(0));
        assert!(q.is_key_choice(1));
        assert_eq!(q.answer_from_choices(&[1]), Some(Answer::Verdict(false)));
        assert_eq!(q.answer_from_choices(&[0]), Some(Answer::Verdict(true)));
        assert_eq!(q.answer_from_choices(&[]), None);
    }

    #[test]
    fn choice_selections_become_answers_by_kind() {
        let mut q = judge(true);
        q.kind = QuestionKind::Multiple;
        q.options = vec!["甲".into(), "乙".into(), "丙".into(), "丁".into()];
        q.answer = Answer::Choices(vec![0, 2]);
        assert_eq!(
            q.answer_from_choices(&[2, 0]),
            Some(Answer::Choices(vec![0, 2]))
        );
        assert!(q.is_key_choice(2) && !q.is_key_choice(1));
        q.kind = QuestionKind::Single;
        assert_eq!(q.answer_from_choices(&[1]), Some(Answer::Choices(vec![1])));
        assert_eq!(q.answer_from_choices(&[1, 2]), None);
        assert_eq!(q.choice_labels(), ["甲", "乙", "丙", "丁"]);
    }

    #[test]
    fn answers_print_as_on_paper() {
        assert_eq!(Answer::Verdict(true).display(), "正确");
        assert_eq!(Answer::Verdict(false).display(), "错误");
        assert_eq!(Answer::Choices(vec![2]).display(), "C");
    }
}
