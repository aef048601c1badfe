//! Handing finished attempts to study: every answered question counts as a study answer, so
//! the wrong ones land in the 错题本 and every one gets a review schedule.

use super::ExamStore;
use crate::core::bank::Bank;
use crate::core::study::{Day, LearnerState};

/// Feeds each handed-in attempt not fed before into the learner's state, once. A question left
/// blank is no answer and is skipped; an attempt whose questions are missing from the bank
/// stays unfed. Returns how many attempts were fed.
pub fn feed_study(
    store: &mut ExamStore,
    bank: &Bank,
    learner: &mut LearnerState,
    today: Day,
) -> usize {
    let mut fed = 0;
    let waiting = store
        .attempts
        .iter_mut()
        .filter(|a| a.submitted.is_some() && !a.fed_to_study);
    for attempt in waiting {
        let Ok(grade) = attempt.grade(bank) else {
            continue;
        };
        for item in grade.items.iter().filter(|item| item.answered) {
            learner.record_answer(&item.question, item.correct, today);
        }
        attempt.fed_to_study = true;
        fed += 1;
    }
    fed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::Answer;
    use crate::core::exam::paper::tests::{small_bank, small_blueprint};
    use crate::core::exam::{draw, Attempt, ExamDefinition};

    #[test]
    fn wrong_answers_of_a_handed_in_attempt_land_in_the_wrong_book_once() {
        let bank = small_bank();
        let mut exam = ExamDefinition::mock("m1".into(), "v".into());
        exam.blueprint = small_blueprint();
        let paper = draw(&exam.blueprint, &bank, 7).unwrap();
        let mut attempt = Attempt::start("a1".into(), exam, None, 7, paper, 0, 1_000).unwrap();
        let ids: Vec<String> = attempt
            .paper
            .items
            .iter()
            .map(|i| i.question.clone())
            .collect();
        let key = |id: &str| bank.question(id).unwrap().answer.clone();
        let wrong = |id: &str| match key(id) {
            Answer::Verdict(v) => Answer::Verdict(!v),
            Answer::Choices(c) => Answer::Choices(if c == [0] { vec![1] } else { vec![0] }),
        };
        attempt
            .set_answer(&ids[0], Some(key(&ids[0])), 2_000)
            .unwrap();
        attempt
            .set_answer(&ids[1], Some(wrong(&ids[1])), 2_000)
            .unwrap();
        let mut store = ExamStore {
            attempts: vec![attempt],
            issued: vec![],
        };
        let mut learner = LearnerState::default();
        let today = Day::from_ymd(2026, 11, 26).unwrap();

        assert_eq!(
            feed_study(&mut store, &bank, &mut learner, today),
            0,
            "not handed in yet"
        );
        store.attempts[0].submit(3_000);
        assert!(store.has_unfed());
        assert_eq!(feed_study(&mut store, &bank, &mut learner, today), 1);
        assert!(
            learner.wrong.contains(&ids[1]),
            "the wrong answer is in the 错题本"
        );
        assert!(!learner.wrong.contains(&ids[0]), "the right one is not");
        assert!(!learner.wrong.contains(&ids[2]), "a blank is no answer");
        assert_eq!(learner.progress.tally(&ids[1]).answered, 1);
        assert_eq!(learner.due_count(today), 0, "reviews are due from tomorrow");

        assert!(!store.has_unfed());
        assert_eq!(
            feed_study(&mut store, &bank, &mut learner, today),
            0,
            "fed once only"
        );
        assert_eq!(learner.progress.tally(&ids[1]).answered, 1);
    }
}
