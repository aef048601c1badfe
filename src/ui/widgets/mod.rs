//! Components shared by several pages.

mod progress_bar;
mod question_card;
mod rate_recall;

pub use progress_bar::ProgressBar;
pub use question_card::QuestionCard;
pub use rate_recall::RateRecall;
