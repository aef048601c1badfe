//! Everything the app remembers about one learner, and the one way an answer is recorded.

use serde::{Deserialize, Serialize};

use super::{Day, Progress, Rating, ReviewCard, Schedule, Streak, WrongBook};

/// The learner's state as persisted (see `core::storage` for its versions).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerState {
    /// Answers given, per question.
    pub progress: Progress,
    /// The 错题本.
    pub wrong: WrongBook,
    /// The review schedule (FSRS), per question.
    pub schedule: Schedule,
    /// Consecutive study days.
    pub streak: Streak,
}

/// What recording an answer changed, kept by the page so that the learner can still say a
/// right answer was hard or easy (see [`LearnerState::rate_again`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recorded {
    pub question_id: String,
    pub correct: bool,
    before: Option<ReviewCard>,
}

impl LearnerState {
    /// Records one answer, in practice or in an exam: the tally, the 错题本 (a wrong answer
    /// adds the question once), the review schedule (wrong = Again, right = Good) and the
    /// streak of study days.
    pub fn record_answer(&mut self, question_id: &str, correct: bool, today: Day) -> Recorded {
        self.progress.record(question_id, correct);
        if !correct {
            self.wrong.add(question_id);
        }
        let before = self
            .schedule
            .review(question_id, Rating::of_answer(correct), today);
        self.streak.studied(today);
        Recorded {
            question_id: question_id.to_string(),
            correct,
            before,
        }
    }

    /// Re-rates a right answer just recorded as Hard or Easy instead of Good. A wrong answer
    /// stays Again, and Again cannot be chosen for a right one.
    pub fn rate_again(&mut self, recorded: &Recorded, rating: Rating, today: Day) {
        if !recorded.correct || rating == Rating::Again {
            return;
        }
        self.schedule
            .replace_review(&recorded.question_id, recorded.before, rating, today);
    }

    /// How many questions are due for review on `today`.
    pub fn due_count(&self, today: Day) -> usize {
        self.schedule.due_count(today)
    }
}

/// What merging a backup into the learner's state changed, counted for the preview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LearnerMerge {
    /// Questions answered only in the backup.
    pub tallies_added: usize,
    /// Questions answered more often in the backup.
    pub tallies_replaced: usize,
    /// Questions added to the 错题本.
    pub wrong_added: usize,
    /// Review states added or replaced by later ones.
    pub schedule_changed: usize,
    pub streak_changed: bool,
}

impl LearnerState {
    /// Merges a backup into this state without counting any answer twice (see
    /// `Progress::merge`, `WrongBook::merge`, `Schedule::merge`, `Streak::merge`).
    pub fn merge(&mut self, other: &LearnerState) -> LearnerMerge {
        let (tallies_added, tallies_replaced) = self.progress.merge(&other.progress);
        LearnerMerge {
            tallies_added,
            tallies_replaced,
            wrong_added: self.wrong.merge(&other.wrong),
            schedule_changed: self.schedule.merge(&other.schedule),
            streak_changed: self.streak.merge(&other.streak),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_feeds_tally_wrong_book_schedule_and_streak() {
        let day = Day::from_ymd(2024, 3, 1).unwrap();
        let mut learner = LearnerState::default();
        learner.record_answer("B7-0001", false, day);
        learner.record_answer("B7-0001", false, day);
        learner.record_answer("B1-0001", true, day);
        assert_eq!(learner.wrong.len(), 1, "once per question");
        assert!(learner.wrong.contains("B7-0001"));
        assert_eq!(learner.progress.tally("B7-0001").answered, 2);
        assert_eq!(learner.streak.current(day), 1);
        assert_eq!(learner.due_count(day), 0);
        assert_eq!(
            learner.due_count(day.plus(1)),
            1,
            "the wrong one is due tomorrow"
        );
        assert_eq!(learner.schedule.due(day.plus(30)), ["B7-0001", "B1-0001"]);

        learner.record_answer("B7-0001", true, day.plus(1));
        learner.record_answer("B7-0001", true, day.plus(2));
        assert!(learner.progress.tally("B7-0001").is_mastered());
        assert!(
            learner.wrong.contains("B7-0001"),
            "mastered questions stay listed"
        );
        assert_eq!(learner.streak.current(day.plus(2)), 3);
    }

    #[test]
    fn a_right_answer_can_be_rated_hard_or_easy_afterwards() {
        let day = Day::from_ymd(2024, 3, 1).unwrap();
        let mut learner = LearnerState::default();
        let good = learner.record_answer("q", true, day);
        let good_interval = learner.schedule.card("q").unwrap().interval_days();
        learner.rate_again(&good, Rating::Easy, day);
        let easy_interval = learner.schedule.card("q").unwrap().interval_days();
        assert!(easy_interval > good_interval);
        learner.rate_again(&good, Rating::Hard, day);
        assert!(learner.schedule.card("q").unwrap().interval_days() < good_interval);
        assert_eq!(
            learner.progress.tally("q").answered,
            1,
            "re-rating is not a new answer"
        );

        let wrong = learner.record_answer("w", false, day);
        let again = learner.schedule.card("w");
        learner.rate_again(&wrong, Rating::Easy, day);
        assert_eq!(
            learner.schedule.card("w"),
            again,
            "a wrong answer stays Again"
        );
    }

    #[test]
    fn merging_a_backup_never_counts_an_answer_twice() {
        let day = Day::from_ymd(2024, 3, 1).unwrap();
        let mut backup = LearnerState::default();
        backup.record_answer("q1", false, day);
        backup.record_answer("q2", true, day);
        // Since the backup, this device answered q1 again and q3; and merging the backup
        // into itself changes nothing.
        let mut device = backup.clone();
        device.record_answer("q1", true, day.plus(1));
        device.record_answer("q3", false, day.plus(1));
        let before = device.clone();
        assert_eq!(device.merge(&backup), LearnerMerge::default());
        assert_eq!(device, before, "a backup of the same history adds nothing");
        let mut again = backup.clone();
        assert_eq!(again.merge(&backup), LearnerMerge::default());

        // The other way round: an old device gets what the newer backup knows.
        let mut old = backup.clone();
        let changes = old.merge(&device);
        assert_eq!(old, device, "the newer history wins everywhere");
        assert_eq!(
            changes,
            LearnerMerge {
                tallies_added: 1,
                tallies_replaced: 1,
                wrong_added: 1,
                schedule_changed: 2,
                streak_changed: true,
            }
        );

        // Two devices with separate questions: the union of both.
        let mut other = LearnerState::default();
        other.record_answer("q9", false, day.plus(5));
        let mut merged = device.clone();
        merged.merge(&other);
        assert_eq!(merged.progress.tally("q9").answered, 1);
        assert_eq!(merged.progress.tally("q1").answered, 2);
        assert!(merged.wrong.contains("q9") && merged.wrong.contains("q3"));
        assert_eq!(merged.streak.best(), 2, "the best run of either device");
        assert_eq!(merged.schedule.card("q9"), other.schedule.card("q9"));
    }
}
