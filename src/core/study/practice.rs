//! The order questions come in, and which one is next.

use crate::core::bank::{Bank, Question};
use crate::core::bank_io::imported_set_of;
use crate::core::law::Book;

use super::Progress;

/// How a practice set is ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    /// In the order of the Code's articles.
    Sequential,
    /// Shuffled with the given seed (the same seed gives the same order).
    Shuffled(u64),
}

/// The questions of a Book in the order of the Code's articles, with every case group kept
/// together where its first question falls.
pub fn practice_order(bank: &Bank, book: Book) -> Vec<&Question> {
    arrange(bank.in_book(book).collect(), Order::Sequential)
}

/// Puts questions in order, keeping the questions of one case together (in article order)
/// as a single unit, whether the units are in article order or shuffled.
pub fn arrange(mut questions: Vec<&Question>, order: Order) -> Vec<&Question> {
    // The Code's order; imported questions after the built-in ones, in their file's order.
    let key = |q: &Question| {
        let imported = imported_set_of(&q.id).is_some();
        (
            imported,
            (!imported).then(|| q.main_article()),
            q.id.clone(),
        )
    };
    questions.sort_by_cached_key(|q| key(q));
    let mut units: Vec<Vec<&Question>> = Vec::new();
    for question in &questions {
        if units.iter().flatten().any(|q| q.id == question.id) {
            continue;
        }
        match &question.case {
            Some(case) => units.push(
                questions
                    .iter()
                    .filter(|q| q.case.as_ref() == Some(case))
                    .copied()
                    .collect(),
            ),
            None => units.push(vec![question]),
        }
    }
    if let Order::Shuffled(seed) = order {
        fastrand::Rng::with_seed(seed).shuffle(&mut units);
    }
    units.into_iter().flatten().collect()
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

/// The question after `current` (or the first) going once through the set; `None` at its end.
pub fn next_once<'a>(order: &[&'a Question], current: Option<&str>) -> Option<&'a Question> {
    let start = current
        .and_then(|id| order.iter().position(|q| q.id == id))
        .map_or(0, |i| i + 1);
    order.get(start).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::{test_question, Case};

    fn question(id: &str, article: u16, case: Option<&str>) -> Question {
        Question {
            case: case.map(Into::into),
            ..test_question(id, article)
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
    fn shuffling_is_reproducible_and_keeps_cases_together() {
        let bank = bank();
        let all: Vec<&Question> = bank.questions().iter().collect();
        let mut orders = std::collections::BTreeSet::new();
        for seed in 0..20 {
            let order = ids(&arrange(all.clone(), Order::Shuffled(seed)));
            assert_eq!(order, ids(&arrange(all.clone(), Order::Shuffled(seed))));
            assert_eq!(order.len(), 5);
            let at = order.iter().position(|id| id == "B1-0001").unwrap();
            assert_eq!(
                order[at + 1],
                "B1-0004",
                "the case stays together: {order:?}"
            );
            orders.insert(order);
        }
        assert!(orders.len() > 5, "seeds give different orders");
    }

    #[test]
    fn next_skips_answered_questions_and_wraps_around() {
        let bank = bank();
        let order = practice_order(&bank, Book::General);
        let mut progress = Progress::default();
        let next = |progress: &Progress, current| {
            next_question(&order, progress, current).unwrap().id.clone()
        };
        assert_eq!(next(&progress, None), "B1-0001");
        progress.record("B1-0004", true);
        progress.record("B1-0002", false);
        assert_eq!(next(&progress, Some("B1-0001")), "B1-0003");
        progress.record("B1-0003", true);
        assert_eq!(next(&progress, Some("B1-0003")), "B1-0001");
        progress.record("B1-0001", true);
        assert_eq!(next(&progress, Some("B1-0001")), "B1-0004");
        assert_eq!(next(&progress, Some("B1-0003")), "B1-0001");
        assert!(next_question(&[], &progress, None).is_none());
    }

    #[test]
    fn a_set_gone_through_once_ends() {
        let bank = bank();
        let order = practice_order(&bank, Book::General);
        assert_eq!(next_once(&order, None).unwrap().id, "B1-0001");
        assert_eq!(next_once(&order, Some("B1-0002")).unwrap().id, "B1-0003");
        assert_eq!(next_once(&order, Some("B1-0003")), None);
    }
}
