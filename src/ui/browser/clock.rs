//! The browser's clock and randomness, handed to the core as plain values.

use crate::core::study::Day;

/// Today in the learner's own time zone.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    Day::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// A fresh random seed (for shuffling).
pub fn random_seed() -> u64 {
    (js_sys::Math::random() * 9_007_199_254_740_992.0) as u64
}
