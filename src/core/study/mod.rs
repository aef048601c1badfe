//! Studying: practice sets and their order, progress, the 错题本, the review schedule,
//! the streak, the question of the day, and the learner's remembered state.

mod daily;
mod day;
mod keyboard;
mod learner;
mod practice;
mod practice_set;
mod progress;
mod schedule;
mod shuffle_options;
mod streak;
mod wrong_book;
mod wrong_csv;

pub use daily::daily_question;
pub use day::Day;
pub use keyboard::choice_for_key;
pub use learner::{LearnerMerge, LearnerState, Recorded};
pub use practice::{arrange, next_once, next_question, practice_order, Order};
pub use practice_set::{chapter_heading, difficulty_label, Scope, SetSpec};
pub use progress::{Progress, Summary, Tally, MASTERY_STREAK};
pub use schedule::{Rating, ReviewCard, Schedule, DESIRED_RETENTION};
pub use shuffle_options::shuffle_options;
pub use streak::Streak;
pub use wrong_book::{WrongBook, WrongEntry, WrongGroup};
pub use wrong_csv::wrong_book_csv;
