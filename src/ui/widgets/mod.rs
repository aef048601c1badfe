//! Components shared by several pages.

mod progress_bar;
mod question_card;

pub use progress_bar::ProgressBar;
pub use question_card::QuestionCard;
