//! Calendar days, the unit of study time: streaks, due dates and the question of the day.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A calendar day in the learner's own time zone, counted from 1970-01-01 (day 0).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Day(pub u32);

impl Day {
    /// The day of a calendar date, or `None` for a date that does not exist or precedes 1970.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Day> {
        let date = NaiveDate::from_ymd_opt(year, month, day)?;
        let days = date.signed_duration_since(NaiveDate::default()).num_days();
        u32::try_from(days).ok().map(Day)
    }

    /// The day `n` days later.
    pub fn plus(self, n: u32) -> Day {
        Day(self.0 + n)
    }

    /// The day before, or `None` on day 0.
    pub fn previous(self) -> Option<Day> {
        self.0.checked_sub(1).map(Day)
    }

    /// The date as people write it: 2024-03-02.
    pub fn label(self) -> String {
        self.date().format("%Y-%m-%d").to_string()
    }

    /// The start of the day as an instant, for the scheduler (which counts whole days).
    pub(crate) fn start(self) -> DateTime<Utc> {
        self.date()
            .and_hms_opt(0, 0, 0)
            .expect("midnight")
            .and_utc()
    }

    /// The day an instant from the scheduler falls on.
    pub(crate) fn of_instant(instant: DateTime<Utc>) -> Day {
        let days = instant
            .date_naive()
            .signed_duration_since(NaiveDate::default())
            .num_days();
        Day(u32::try_from(days).unwrap_or(0))
    }

    fn date(self) -> NaiveDate {
        NaiveDate::default() + chrono::Days::new(u64::from(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_map_to_day_numbers_and_back() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        let day = Day::from_ymd(2024, 3, 2).unwrap();
        assert_eq!(day.label(), "2024-03-02");
        assert_eq!(day.plus(28).label(), "2024-03-30");
        assert_eq!(Day::from_ymd(2024, 2, 30), None);
        assert_eq!(Day::from_ymd(1969, 12, 31), None);
        assert_eq!(Day::of_instant(day.plus(3).start()), day.plus(3));
        assert_eq!(Day(0).previous(), None);
    }
}
