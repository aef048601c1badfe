//! The review schedule (今日复习): one FSRS memory state per answered question.
//!
//! The algorithm is the `rs-fsrs` crate's, with whole days as the unit (its long-term
//! scheduler), a desired retention of 0.9 and no fuzz, so a review is reproducible.

use std::collections::BTreeMap;

use rs_fsrs::{Card, Parameters, State, FSRS};
use serde::{Deserialize, Serialize};

use super::Day;

/// The probability of recalling a question on its due day that the schedule aims for.
pub const DESIRED_RETENTION: f64 = 0.9;

/// How well a question was recalled: a wrong answer is `Again`, a right one `Good`, and the
/// learner may say a right answer was `Hard` or `Easy`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rating {
    Again,
    Hard,
    Good,
    Easy,
}

impl Rating {
    /// The rating an answer earns before the learner says more: right is Good, wrong is Again.
    pub fn of_answer(correct: bool) -> Rating {
        if correct {
            Rating::Good
        } else {
            Rating::Again
        }
    }

    fn fsrs(self) -> rs_fsrs::Rating {
        match self {
            Rating::Again => rs_fsrs::Rating::Again,
            Rating::Hard => rs_fsrs::Rating::Hard,
            Rating::Good => rs_fsrs::Rating::Good,
            Rating::Easy => rs_fsrs::Rating::Easy,
        }
    }
}

/// One question's memory state, stored compactly as
/// `[due, last review, stability ×1000, difficulty ×1000, reps, lapses, state]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "CardTuple", into = "CardTuple")]
pub struct ReviewCard {
    /// The day the question is due again.
    pub due: Day,
    /// The day of the last review.
    pub last_review: Day,
    stability_milli: u32,
    difficulty_milli: u32,
    /// How many times the question was reviewed.
    pub reps: u32,
    /// How many times it was forgotten after having been learnt.
    pub lapses: u32,
    state: u8,
}

type CardTuple = (Day, Day, u32, u32, u32, u32, u8);

impl From<CardTuple> for ReviewCard {
    fn from(t: CardTuple) -> ReviewCard {
        ReviewCard {
            due: t.0,
            last_review: t.1,
            stability_milli: t.2,
            difficulty_milli: t.3,
            reps: t.4,
            lapses: t.5,
            state: t.6,
        }
    }
}

impl From<ReviewCard> for CardTuple {
    fn from(c: ReviewCard) -> CardTuple {
        (
            c.due,
            c.last_review,
            c.stability_milli,
            c.difficulty_milli,
            c.reps,
            c.lapses,
            c.state,
        )
    }
}

impl ReviewCard {
    /// Days between the last review and the due day.
    pub fn interval_days(&self) -> u32 {
        self.due.0.saturating_sub(self.last_review.0)
    }

    fn to_fsrs(self) -> Card {
        Card {
            due: self.due.start(),
            stability: f64::from(self.stability_milli) / 1000.0,
            difficulty: f64::from(self.difficulty_milli) / 1000.0,
            elapsed_days: 0,
            scheduled_days: i64::from(self.interval_days()),
            reps: i32::try_from(self.reps).unwrap_or(i32::MAX),
            lapses: i32::try_from(self.lapses).unwrap_or(i32::MAX),
            state: match self.state {
                1 => State::Learning,
                2 => State::Review,
                3 => State::Relearning,
                _ => State::New,
            },
            last_review: self.last_review.start(),
        }
    }

    fn from_fsrs(card: &Card) -> ReviewCard {
        let milli = |x: f64| (x * 1000.0).round().clamp(0.0, f64::from(u32::MAX)) as u32;
        ReviewCard {
            due: Day::of_instant(card.due),
            last_review: Day::of_instant(card.last_review),
            stability_milli: milli(card.stability),
            difficulty_milli: milli(card.difficulty),
            reps: u32::try_from(card.reps).unwrap_or(0),
            lapses: u32::try_from(card.lapses).unwrap_or(0),
            state: card.state as u8,
        }
    }
}

/// The FSRS state of every question the learner has answered, by question id.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Schedule {
    cards: BTreeMap<String, ReviewCard>,
}

impl Schedule {
    /// The memory state of one question, if it was ever reviewed.
    pub fn card(&self, question_id: &str) -> Option<ReviewCard> {
        self.cards.get(question_id).copied()
    }

    /// Reviews a question on `today` and returns its state before, so that a different rating
    /// can replace this one (see [`Schedule::replace_review`]).
    pub fn review(&mut self, question_id: &str, rating: Rating, today: Day) -> Option<ReviewCard> {
        let before = self.card(question_id);
        self.cards
            .insert(question_id.to_string(), next_card(before, rating, today));
        before
    }

    /// Replaces the last review of a question, given its state before that review.
    pub fn replace_review(
        &mut self,
        question_id: &str,
        before: Option<ReviewCard>,
        rating: Rating,
        today: Day,
    ) {
        self.cards
            .insert(question_id.to_string(), next_card(before, rating, today));
    }

    /// The questions due on or before `today`, the longest overdue first.
    pub fn due(&self, today: Day) -> Vec<&str> {
        let mut due: Vec<(Day, &str)> = self
            .cards
            .iter()
            .filter(|(_, card)| card.due <= today)
            .map(|(id, card)| (card.due, id.as_str()))
            .collect();
        due.sort();
        due.into_iter().map(|(_, id)| id).collect()
    }

    /// How many questions are due on or before `today`.
    pub fn due_count(&self, today: Day) -> usize {
        self.cards.values().filter(|card| card.due <= today).count()
    }
}

/// The state after one review with the given rating.
fn next_card(before: Option<ReviewCard>, rating: Rating, today: Day) -> ReviewCard {
    let parameters = Parameters {
        request_retention: DESIRED_RETENTION,
        enable_short_term: false,
        enable_fuzz: false,
        ..Parameters::default()
    };
    let card = before.map_or_else(Card::default, ReviewCard::to_fsrs);
    let next = FSRS::new(parameters).next(card, today.start(), rating.fsrs());
    ReviewCard::from_fsrs(&next.card)
}

impl Schedule {
    /// Merges memory states from a backup: per question the state reviewed later (then the
    /// one with more reviews) wins. Returns how many were added or replaced.
    pub fn merge(&mut self, other: &Schedule) -> usize {
        let mut changed = 0;
        for (id, theirs) in &other.cards {
            let newer = |mine: &ReviewCard| {
                (theirs.last_review, theirs.reps) > (mine.last_review, mine.reps)
            };
            if self.cards.get(id).is_none_or(newer) {
                self.cards.insert(id.clone(), *theirs);
                changed += 1;
            }
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Day {
        Day::from_ymd(2024, 3, d).unwrap()
    }

    #[test]
    fn a_wrong_answer_comes_back_sooner_than_a_right_one() {
        let mut schedule = Schedule::default();
        assert_eq!(schedule.review("wrong", Rating::Again, day(1)), None);
        schedule.review("right", Rating::Good, day(1));
        schedule.review("easy", Rating::Easy, day(1));
        let interval = |id| schedule.card(id).unwrap().interval_days();
        assert_eq!(interval("wrong"), 1, "Again: back tomorrow");
        assert!(interval("right") > interval("wrong"));
        assert!(interval("easy") > interval("right"));
        assert_eq!(schedule.due(day(1)), Vec::<&str>::new());
        assert_eq!(schedule.due(day(2)), ["wrong"]);
        assert_eq!(schedule.due_count(day(31)), 3);
    }

    #[test]
    fn reviews_round_trip_through_storage_and_grow_intervals() {
        let mut schedule = Schedule::default();
        schedule.review("B7-0001", Rating::Good, day(1));
        let first = schedule.card("B7-0001").unwrap();
        let stored = serde_json::to_string(&schedule).unwrap();
        let mut restored: Schedule = serde_json::from_str(&stored).unwrap();
        assert_eq!(restored, schedule);

        // Reviewing the restored card on its due day gives the same as the original.
        let due = first.due;
        schedule.review("B7-0001", Rating::Good, due);
        restored.review("B7-0001", Rating::Good, due);
        assert_eq!(restored, schedule);
        let second = schedule.card("B7-0001").unwrap();
        assert!(second.interval_days() > first.interval_days());
        assert_eq!(second.reps, 2);
        assert_eq!(second.last_review, due);

        // Forgetting it on the next due day is a lapse and brings it back the day after.
        schedule.review("B7-0001", Rating::Again, second.due);
        let third = schedule.card("B7-0001").unwrap();
        assert_eq!(third.lapses, 1);
        assert!(third.interval_days() < second.interval_days());
    }

    #[test]
    fn a_review_can_be_rated_again_differently() {
        let mut schedule = Schedule::default();
        let before = schedule.review("q", Rating::Good, day(1));
        let good = schedule.card("q").unwrap();
        schedule.replace_review("q", before, Rating::Hard, day(1));
        let hard = schedule.card("q").unwrap();
        assert!(hard.interval_days() < good.interval_days());
        assert_eq!(hard.reps, 1, "the review is replaced, not added");
    }
}
