//! Studying: practice order, progress and the learner's remembered state.

mod learner;
mod practice;
mod progress;

pub use learner::LearnerState;
pub use practice::{next_question, practice_order};
pub use progress::{BookProgress, Progress, Tally};
