//! Practice by Book: the order questions come in, and which one is next.

use crate::core::bank::{Bank, Question};
use crate::core::law::Book;

use super::Progress;

/// The questions of a Book in the order of the Code's articles, with every case group kept
/// together where its first question falls.
pub fn practice_order(bank: &Bank, book: Book) -> Vec<&Question> {
    let mut in_book: Vec<&Question> = bank.in_book(book).collect();
    in_book.sort_by(|a, b| (a.main_article(), &a.id).cmp(&(b.main_article(), &b.id)));
    let mut order: Vec<&Question> = Vec::with_capacity(in_book.len());
    for question in &in_book {
        if order.iter().any(|q| q.id == question.id) {
            continue;
        }
        match &question.case {
            Some(case) => order.extend(in_book.iter().filter(|q| q.case.as_ref() == Some(case))),
            None => order.push(question),
        }
    }
    order
}

/// The question to show after `current` (or first): the next not yet answered, going round;
/// once all are answered, simply the next one.
pub fn next_question<'a>(
    order: &[&'a Question],
    progress: &Progress,
    current: Option<&str>,
) -> Option<&'a Question> {
    let start = current
        .and_then(|id| order.iter().position(|q| q.id == id))
        .map_or(0, |i| i + 1);
    let mut rotation = order.iter().cycle().skip(start).take(order.len());
    let unanswered = rotation.clone().find(|q| !progress.has_answered(&q.id));
    unanswered.or_else(|| rotation.next()).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::{Answer, Case, QuestionKind};

    fn question(id: &str, article: u16, case: Option<&str>) -> Question {
        Question {
            id: id.into(),
            kind: QuestionKind::Judge,
            stem: format!("{id} 的题干"),
            options: vec![],
            answer: Answer::Verdict(true),
            articles: vec![article],
            explanation: format!("第{article}条。"),
            difficulty: 1,
            case: case.map(Into::into),
            tags: vec![],
        }
    }

    fn bank() -> Bank {
        let case = Case {
            id: "C1-001".into(),
            title: "案例".into(),
            scenario: "案情".into(),
        };
        Bank::new(
            vec![
                question("B1-0003", 30, None),
                question("B1-0001", 17, Some("C1-001")),
                question("B1-0002", 20, None),
                question("B1-0004", 145, Some("C1-001")),
                question("B7-0001", 1254, None),
            ],
            vec![case],
        )
    }

    fn ids(order: &[&Question]) -> Vec<String> {
        order.iter().map(|q| q.id.clone()).collect()
    }

    #[test]
    fn order_follows_articles_and_keeps_cases_together() {
        let bank = bank();
        let order = practice_order(&bank, Book::General);
        assert_eq!(ids(&order), ["B1-0001", "B1-0004", "B1-0002", "B1-0003"]);
        assert_eq!(ids(&practice_order(&bank, Book::Torts)), ["B7-0001"]);
        assert!(practice_order(&bank, Book::Contracts).is_empty());
    }

    #[test]
    fn next_skips_answered_questions_and_wraps_around() {
        let bank = bank();
        let order = practice_order(&bank, Book::General);
        let mut progress = Progress::default();
        assert_eq!(
            next_question(&order, &progress, None).unwrap().id,
            "B1-0001"
        );
        progress.record("B1-0004", true);
        progress.record("B1-0002", false);
        assert_eq!(
            next_question(&order, &progress, Some("B1-0001"))
                .unwrap()
                .id,
            "B1-0003"
        );
        progress.record("B1-0003", true);
        assert_eq!(
            next_question(&order, &progress, Some("B1-0003"))
                .unwrap()
                .id,
            "B1-0001"
        );
        progress.record("B1-0001", true);
        assert_eq!(
            next_question(&order, &progress, Some("B1-0001"))
                .unwrap()
                .id,
            "B1-0004"
        );
        assert_eq!(
            next_question(&order, &progress, Some("B1-0003"))
                .unwrap()
                .id,
            "B1-0001"
        );
        assert!(next_question(&[], &progress, None).is_none());
    }
}
