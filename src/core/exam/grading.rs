//! Grading a paper: all or nothing per question, or half points for a multiple-choice answer
//! that picks a strict subset of the key; totals by kind and by Book; pass and excellence.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Blueprint, GivenAnswer, Paper};
use crate::core::bank::{Answer, Bank, Question, QuestionKind};
use crate::core::law::Book;

/// How a multiple-choice answer is marked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MultipleRule {
    /// Only the exact key earns the points.
    #[default]
    AllOrNothing,
    /// A strict, non-empty subset of the key earns half the points.
    HalfForSubset,
}

/// A score counted in half points, so that half credit is exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Score(pub u32);

impl Score {
    /// A whole number of points.
    pub fn points(points: u32) -> Score {
        Score(points * 2)
    }

    /// The score in points, a half point as .5.
    pub fn as_points(self) -> f64 {
        f64::from(self.0) / 2.0
    }
}

impl fmt::Display for Score {
    /// "60" or "59.5".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_multiple_of(2) {
            write!(f, "{}", self.0 / 2)
        } else {
            write!(f, "{}.5", self.0 / 2)
        }
    }
}

/// The marks of a question given an answer (or none).
pub fn mark(question: &Question, given: Option<&Answer>, points: u16, rule: MultipleRule) -> Score {
    let full = Score::points(u32::from(points));
    let Some(given) = given else {
        return Score(0);
    };
    if question.is_correct(given) {
        return full;
    }
    match (question.kind, rule, given, &question.answer) {
        (
            QuestionKind::Multiple,
            MultipleRule::HalfForSubset,
            Answer::Choices(g),
            Answer::Choices(key),
        ) if !g.is_empty() && g.len() < key.len() && g.iter().all(|o| key.contains(o)) => {
            Score(full.0 / 2)
        }
        _ => Score(0),
    }
}

/// What [`mark`] gives for the answer a [`GivenAnswer`] stands for, and whether that answer
/// is exactly the key: re-grading a result record without building its answers.
pub fn mark_given(
    question: &Question,
    given: GivenAnswer,
    points: u16,
    rule: MultipleRule,
) -> (Score, bool) {
    let full = Score::points(u32::from(points));
    let chosen = |set: u32| (0..32u8).filter(move |&o| set & 1 << o != 0);
    let correct = match (given, &question.answer) {
        (GivenAnswer::Blank, _) => false,
        (GivenAnswer::Verdict(v), answer) => *answer == Answer::Verdict(v),
        (GivenAnswer::Choices(set), Answer::Choices(key)) => key.iter().copied().eq(chosen(set)),
        (GivenAnswer::Choices(_), Answer::Verdict(_)) => false,
    };
    if correct {
        return (full, true);
    }
    let earned = match (question.kind, rule, given, &question.answer) {
        (
            QuestionKind::Multiple,
            MultipleRule::HalfForSubset,
            GivenAnswer::Choices(set),
            Answer::Choices(key),
        ) if set != 0
            && (set.count_ones() as usize) < key.len()
            && chosen(set).all(|o| key.contains(&o)) =>
        {
            Score(full.0 / 2)
        }
        _ => Score(0),
    };
    (earned, false)
}

/// Earned and full marks over some questions, with how many were fully right.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub earned: Score,
    pub full: Score,
    pub correct: usize,
    pub count: usize,
}

impl Tally {
    fn add(&mut self, item: &ItemResult) {
        self.earned.0 += item.earned.0;
        self.full.0 += item.full.0;
        self.correct += usize::from(item.correct);
        self.count += 1;
    }
}

/// One question's outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ItemResult {
    pub question: String,
    pub kind: QuestionKind,
    /// The Book of the question's main article; `None` for a unit's own question.
    pub book: Option<Book>,
    pub earned: Score,
    pub full: Score,
    /// Whether the answer was exactly the key.
    pub correct: bool,
    pub answered: bool,
}

/// The outcome of a paper.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grade {
    /// One per paper item, in paper order.
    pub items: Vec<ItemResult>,
    pub total: Tally,
    /// In the blueprint's order of kinds.
    pub by_kind: Vec<(QuestionKind, Tally)>,
    /// In the Code's order, only Books that have questions on the paper.
    pub by_book: Vec<(Book, Tally)>,
    pub passed: bool,
    pub excellent: bool,
}

impl Grade {
    /// Every question with whether it was answered exactly right: what the 错题本 takes in.
    pub fn outcomes(&self) -> Vec<(String, bool)> {
        self.items
            .iter()
            .map(|i| (i.question.clone(), i.correct))
            .collect()
    }
}

/// Why a paper could not be graded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum GradeError {
    #[error("题库中已没有试卷上的题目 {0}")]
    MissingQuestion(String),
}

/// Grades a paper against the bank with the given answers (keyed by question id, in the
/// bank's option terms), the multiple-choice rule and the pass and excellence lines.
pub fn grade(
    paper: &Paper,
    bank: &Bank,
    blueprint: &Blueprint,
    answers: &BTreeMap<String, Answer>,
    rule: MultipleRule,
    lines: (u32, u32),
) -> Result<Grade, GradeError> {
    let mut answered = Vec::with_capacity(paper.items.len());
    for item in &paper.items {
        let question = bank
            .question(&item.question)
            .ok_or_else(|| GradeError::MissingQuestion(item.question.clone()))?;
        answered.push((question, answers.get(&item.question)));
    }
    Ok(grade_answered(answered, blueprint, rule, lines))
}

/// Grades a paper's questions, each with the answer given (in the bank's option terms), in
/// paper order: what [`grade`] does once it has found the questions.
fn grade_answered<'q>(
    answered: impl IntoIterator<Item = (&'q Question, Option<&'q Answer>)>,
    blueprint: &Blueprint,
    rule: MultipleRule,
    (pass_line, excellence_line): (u32, u32),
) -> Grade {
    let items: Vec<ItemResult> = answered
        .into_iter()
        .map(|(question, given)| {
            let points = blueprint.points_for(question);
            ItemResult {
                question: question.id.clone(),
                kind: question.kind,
                book: question.book(),
                earned: mark(question, given, points, rule),
                full: Score::points(u32::from(points)),
                correct: given.is_some_and(|g| question.is_correct(g)),
                answered: given.is_some(),
            }
        })
        .collect();
    let mut total = Tally::default();
    let mut by_kind: Vec<(QuestionKind, Tally)> = blueprint
        .sections
        .iter()
        .map(|s| (s.kind, Tally::default()))
        .collect();
    let mut by_book: Vec<(Book, Tally)> = Book::ALL.map(|b| (b, Tally::default())).to_vec();
    for item in &items {
        total.add(item);
        if let Some((_, tally)) = by_kind.iter_mut().find(|(k, _)| *k == item.kind) {
            tally.add(item);
        }
        if let Some((_, tally)) = by_book.iter_mut().find(|(b, _)| Some(*b) == item.book) {
            tally.add(item);
        }
    }
    by_book.retain(|(_, tally)| tally.count > 0);
    Grade {
        passed: total.earned >= Score::points(pass_line),
        excellent: total.earned >= Score::points(excellence_line),
        items,
        total,
        by_kind,
        by_book,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exam::draw;
    use crate::core::exam::paper::tests::{small_bank, small_blueprint};

    #[test]
    fn a_score_in_points_keeps_its_half_point() {
        assert_eq!(Score(119).as_points(), 59.5);
        assert_eq!(Score::points(60).as_points(), 60.0);
        assert_eq!(Score(0).as_points(), 0.0);
    }

    #[test]
    fn a_given_answer_marks_as_the_answer_it_stands_for() {
        let mut questions = small_bank().questions().to_vec();
        let mut unsorted_key = questions[4].clone();
        unsorted_key.answer = Answer::Choices(vec![2, 0]);
        questions.push(unsorted_key);
        let tokens = [
            "-", "T", "F", "A", "B", "C", "D", "AC", "CA", "AAC", "ABC", "ABCD", "BD", "Z", "AZ",
        ];
        for question in &questions {
            for token in tokens {
                let given = crate::core::exam::given_answers(token)
                    .next()
                    .unwrap()
                    .unwrap();
                let answer = match token {
                    "-" => None,
                    "T" => Some(Answer::Verdict(true)),
                    "F" => Some(Answer::Verdict(false)),
                    letters => Some(Answer::choices(letters.bytes().map(|b| b - b'A').collect())),
                };
                for rule in [MultipleRule::AllOrNothing, MultipleRule::HalfForSubset] {
                    let right = answer.as_ref().is_some_and(|a| question.is_correct(a));
                    assert_eq!(
                        mark_given(question, given, 3, rule),
                        (mark(question, answer.as_ref(), 3, rule), right),
                        "{} {token} {rule:?}",
                        question.id
                    );
                }
            }
        }
    }

    fn multiple() -> Question {
        let bank = small_bank();
        let q = bank
            .questions()
            .iter()
            .find(|q| q.kind == QuestionKind::Multiple)
            .unwrap();
        assert_eq!(q.answer, Answer::Choices(vec![0, 2]));
        q.clone()
    }

    #[test]
    fn single_and_judge_are_all_or_nothing() {
        let bank = small_bank();
        let single = bank
            .questions()
            .iter()
            .find(|q| q.kind == QuestionKind::Single)
            .unwrap();
        let judge = bank
            .questions()
            .iter()
            .find(|q| q.kind == QuestionKind::Judge)
            .unwrap();
        let rule = MultipleRule::HalfForSubset;
        assert_eq!(mark(single, Some(&single.answer), 2, rule), Score(4));
        assert_eq!(
            mark(single, Some(&Answer::Choices(vec![3])), 2, rule),
            Score(0)
        );
        assert_eq!(mark(single, None, 2, rule), Score(0));
        let Answer::Verdict(v) = judge.answer else {
            unreachable!()
        };
        assert_eq!(mark(judge, Some(&Answer::Verdict(v)), 1, rule), Score(2));
        assert_eq!(mark(judge, Some(&Answer::Verdict(!v)), 1, rule), Score(0));
    }

    #[test]
    fn multiple_is_all_or_nothing_by_default() {
        let q = multiple();
        let all = MultipleRule::AllOrNothing;
        assert_eq!(
            mark(&q, Some(&Answer::Choices(vec![0, 2])), 2, all),
            Score(4)
        );
        assert_eq!(mark(&q, Some(&Answer::Choices(vec![0])), 2, all), Score(0));
        assert_eq!(
            mark(&q, Some(&Answer::Choices(vec![0, 1, 2])), 2, all),
            Score(0)
        );
    }

    #[test]
    fn a_strict_subset_earns_half_when_the_exam_says_so() {
        let q = multiple();
        let half = MultipleRule::HalfForSubset;
        assert_eq!(
            mark(&q, Some(&Answer::Choices(vec![0, 2])), 2, half),
            Score(4)
        );
        assert_eq!(mark(&q, Some(&Answer::Choices(vec![2])), 2, half), Score(2));
        assert_eq!(mark(&q, Some(&Answer::Choices(vec![2])), 3, half), Score(3));
        assert_eq!(Score(3).to_string(), "1.5");
        assert_eq!(
            mark(&q, Some(&Answer::Choices(vec![1])), 2, half),
            Score(0),
            "a wrong option"
        );
        assert_eq!(
            mark(&q, Some(&Answer::Choices(vec![0, 1, 2])), 2, half),
            Score(0),
            "a superset"
        );
        assert_eq!(
            mark(&q, Some(&Answer::Choices(vec![])), 2, half),
            Score(0),
            "nothing"
        );
    }

    #[test]
    fn papers_total_by_kind_and_book_with_lines() {
        let bank = small_bank();
        let blueprint = small_blueprint();
        let paper = draw(&blueprint, &bank, 3).unwrap();
        let key = |ids: &mut dyn Iterator<Item = &String>| -> BTreeMap<String, Answer> {
            ids.map(|id| (id.clone(), bank.question(id).unwrap().answer.clone()))
                .collect()
        };
        let all = key(&mut paper.items.iter().map(|i| &i.question));
        let full = grade(
            &paper,
            &bank,
            &blueprint,
            &all,
            MultipleRule::AllOrNothing,
            (15, 25),
        )
        .unwrap();
        assert_eq!(full.total.earned, Score::points(blueprint.total_points()));
        assert_eq!(full.total.earned, Score::points(23));
        assert!(
            full.passed && !full.excellent,
            "23 of 23 is below a line of 25"
        );
        assert_eq!(full.by_kind.len(), 3);
        assert_eq!(full.by_kind[0].1.full, Score::points(12));
        let book_total: u32 = full.by_book.iter().map(|(_, t)| t.earned.0).sum();
        assert_eq!(book_total, full.total.earned.0);
        assert!(full.outcomes().iter().all(|(_, right)| *right));

        let judges = key(&mut paper
            .items
            .iter()
            .map(|i| &i.question)
            .filter(|id| bank.question(id).unwrap().kind == QuestionKind::Judge));
        let some = grade(
            &paper,
            &bank,
            &blueprint,
            &judges,
            MultipleRule::AllOrNothing,
            (6, 20),
        )
        .unwrap();
        assert_eq!(some.total.earned, Score::points(5));
        assert!(!some.passed && !some.excellent);
        assert_eq!(
            some.outcomes().iter().filter(|(_, right)| *right).count(),
            5
        );
        assert_eq!(some.items.iter().filter(|i| i.answered).count(), 5);
    }

    #[test]
    fn a_question_gone_from_the_bank_is_an_error_not_a_zero() {
        let bank = small_bank();
        let mut paper = draw(&small_blueprint(), &bank, 3).unwrap();
        paper.items[0].question = "GONE".into();
        let result = grade(
            &paper,
            &bank,
            &small_blueprint(),
            &BTreeMap::new(),
            MultipleRule::AllOrNothing,
            (60, 90),
        );
        assert_eq!(result, Err(GradeError::MissingQuestion("GONE".into())));
    }
}
