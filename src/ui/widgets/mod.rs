//! Components shared by several pages.

mod cited_articles;
mod progress_bar;
mod question_card;
mod rate_recall;
mod script_toggle;
mod update_prompt;

pub use cited_articles::CitedArticles;
pub use progress_bar::ProgressBar;
pub use question_card::QuestionCard;
pub use rate_recall::RateRecall;
pub use script_toggle::ScriptToggle;
pub use update_prompt::UpdatePrompt;
