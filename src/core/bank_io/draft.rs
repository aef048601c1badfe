//! A question as read from a file, before it is given an id, and the rules every imported
//! question must meet whatever its format.

use crate::core::bank::{Answer, Question, QuestionKind};

use super::Problem;

/// The most options a question may have (A–F).
pub const MAX_OPTIONS: usize = 6;
/// The longest stem, option and explanation kept, in characters (a sane bound on storage).
const MAX_STEM: usize = 2000;
const MAX_OPTION: usize = 500;
const MAX_EXPLANATION: usize = 4000;

/// An imported question without its id.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub kind: QuestionKind,
    pub stem: String,
    /// Empty for a judge question.
    pub options: Vec<String>,
    pub answer: Answer,
    /// Articles of the Civil Code the question rests on; may be empty (local regulations).
    pub articles: Vec<u16>,
    pub explanation: String,
    /// 1 easy, 2 medium, 3 hard.
    pub difficulty: u8,
}

impl Draft {
    /// The draft of an existing question (for export).
    pub fn of(question: &Question) -> Draft {
        Draft {
            kind: question.kind,
            stem: question.stem.clone(),
            options: question.options.clone(),
            answer: question.answer.clone(),
            articles: question.articles.clone(),
            explanation: question.explanation.clone(),
            difficulty: question.difficulty,
        }
    }

    /// The question this draft becomes under `id`.
    pub fn into_question(self, id: String) -> Question {
        Question {
            id,
            kind: self.kind,
            stem: self.stem,
            options: self.options,
            answer: self.answer,
            articles: self.articles,
            explanation: self.explanation,
            difficulty: self.difficulty,
            case: None,
            tags: vec![],
        }
    }

    /// What is wrong with the draft by the rules every question meets (each problem names
    /// its field); empty when it may be saved.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut problem = |field: &str, message: String| {
            problems.push(Problem::new(field, message));
        };
        if self.stem.trim().is_empty() {
            problem("题干", "题干为空".into());
        } else if self.stem.chars().count() > MAX_STEM {
            problem("题干", format!("题干超过 {MAX_STEM} 字"));
        }
        let n = self.options.len();
        match self.kind {
            QuestionKind::Judge if n > 0 => problem("选项", "判断题不应有选项".into()),
            QuestionKind::Single | QuestionKind::Multiple if !(2..=MAX_OPTIONS).contains(&n) => {
                problem("选项", format!("应有 2–{MAX_OPTIONS} 个选项，现有 {n} 个"))
            }
            _ => {}
        }
        if let Some(i) = self.options.iter().position(|o| o.trim().is_empty()) {
            problem(
                "选项",
                format!("选项{}为空", crate::core::bank::option_letter(i as u8)),
            );
        }
        if self.options.iter().any(|o| o.chars().count() > MAX_OPTION) {
            problem("选项", format!("有选项超过 {MAX_OPTION} 字"));
        }
        match (&self.answer, self.kind) {
            (Answer::Verdict(_), QuestionKind::Judge) => {}
            (Answer::Choices(key), QuestionKind::Single | QuestionKind::Multiple) => {
                let wanted = if self.kind == QuestionKind::Single {
                    key.len() == 1
                } else {
                    key.len() >= 2
                };
                if !wanted {
                    let rule = if self.kind == QuestionKind::Single {
                        "单选题的答案应是一个字母"
                    } else {
                        "多选题的答案应至少有两个字母"
                    };
                    problem("答案", rule.into());
                }
                if key.iter().any(|&k| usize::from(k) >= n) {
                    problem("答案", "答案指向不存在的选项".into());
                }
            }
            _ => problem("答案", "答案与题型不符".into()),
        }
        if self.explanation.chars().count() > MAX_EXPLANATION {
            problem("解析", format!("解析超过 {MAX_EXPLANATION} 字"));
        }
        if !(1..=3).contains(&self.difficulty) {
            problem("难度", "难度应为 1、2、3".into());
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn single() -> Draft {
        Draft {
            kind: QuestionKind::Single,
            stem: "成年人是多少周岁以上的自然人？".into(),
            options: vec!["十六周岁".into(), "十八周岁".into(), "二十周岁".into()],
            answer: Answer::Choices(vec![1]),
            articles: vec![17],
            explanation: "第十七条。".into(),
            difficulty: 1,
        }
    }

    #[test]
    fn a_sound_draft_has_no_problems_and_becomes_a_question() {
        assert_eq!(single().problems(), vec![]);
        let question = single().into_question("Uabc-0001".into());
        assert_eq!(question.id, "Uabc-0001");
        assert_eq!(Draft::of(&question), single());
    }

    #[test]
    fn each_broken_rule_names_its_field() {
        let fields = |draft: Draft| -> Vec<String> {
            draft.problems().into_iter().map(|p| p.field).collect()
        };
        let mut empty = single();
        empty.stem = " ".into();
        assert_eq!(fields(empty), ["题干"]);
        let mut two_keys = single();
        two_keys.answer = Answer::Choices(vec![0, 1]);
        assert_eq!(fields(two_keys), ["答案"]);
        let mut beyond = single();
        beyond.answer = Answer::Choices(vec![5]);
        assert_eq!(fields(beyond), ["答案"]);
        let mut one_option = single();
        one_option.options.truncate(1);
        one_option.answer = Answer::Choices(vec![0]);
        assert_eq!(fields(one_option), ["选项"]);
        let mut judge = single();
        judge.kind = QuestionKind::Judge;
        assert_eq!(fields(judge), ["选项", "答案"]);
        let mut multiple = single();
        multiple.kind = QuestionKind::Multiple;
        assert_eq!(fields(multiple), ["答案"]);
        let mut hard = single();
        hard.difficulty = 4;
        assert_eq!(fields(hard), ["难度"]);
    }
}
