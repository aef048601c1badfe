//! Everything the app remembers about one learner.

use serde::{Deserialize, Serialize};

use super::Progress;

/// The learner's state as persisted (see `core::storage` for its versions).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LearnerState {
    /// Answers given in practice, per question.
    pub progress: Progress,
}
