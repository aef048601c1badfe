//! The streak of study days: consecutive days with at least one answer.

use serde::{Deserialize, Serialize};

use super::Day;

/// The current run of study days and the longest so far, stored as `[last day, run, best]`
/// (a last day of 0 means never studied).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(Day, u32, u32)", into = "(Day, u32, u32)")]
pub struct Streak {
    last: Day,
    run: u32,
    best: u32,
}

impl From<(Day, u32, u32)> for Streak {
    fn from((last, run, best): (Day, u32, u32)) -> Streak {
        Streak { last, run, best }
    }
}

impl From<Streak> for (Day, u32, u32) {
    fn from(s: Streak) -> (Day, u32, u32) {
        (s.last, s.run, s.best)
    }
}

impl Streak {
    /// Notes that the learner studied on `today`.
    pub fn studied(&mut self, today: Day) {
        if self.run > 0 && self.last == today {
            return;
        }
        let continues = self.run > 0 && today.previous() == Some(self.last);
        self.run = if continues { self.run + 1 } else { 1 };
        self.last = today;
        self.best = self.best.max(self.run);
    }

    /// The run of study days as of `today`: still alive if the learner studied today or
    /// yesterday, else 0.
    pub fn current(&self, today: Day) -> u32 {
        let alive = self.last == today || today.previous() == Some(self.last);
        if alive {
            self.run
        } else {
            0
        }
    }

    /// The longest run so far.
    pub fn best(&self) -> u32 {
        self.best
    }
}

impl Streak {
    /// Merges a streak from a backup: the run that reaches the later day wins (the longer
    /// one on the same day), and the best run is the best of both. Returns whether it changed.
    pub fn merge(&mut self, other: &Streak) -> bool {
        let before = *self;
        if (other.last, other.run) > (self.last, self.run) {
            self.last = other.last;
            self.run = other.run;
        }
        self.best = self.best.max(other.best);
        *self != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> Day {
        Day::from_ymd(2024, 3, d).unwrap()
    }

    #[test]
    fn consecutive_days_grow_the_streak_and_a_missed_day_restarts_it() {
        let mut streak = Streak::default();
        assert_eq!(streak.current(day(1)), 0);
        streak.studied(day(1));
        streak.studied(day(1));
        assert_eq!(streak.current(day(1)), 1, "twice a day counts once");
        streak.studied(day(2));
        streak.studied(day(3));
        assert_eq!(streak.current(day(3)), 3);
        assert_eq!(streak.current(day(4)), 3, "still alive the next morning");
        assert_eq!(streak.current(day(5)), 0, "a missed day ends it");
        streak.studied(day(5));
        assert_eq!(streak.current(day(5)), 1);
        assert_eq!(streak.best(), 3);
        let across_months = Day::from_ymd(2024, 2, 29).unwrap();
        let mut streak = Streak::default();
        streak.studied(across_months);
        streak.studied(day(1));
        assert_eq!(streak.current(day(1)), 2);
    }
}
