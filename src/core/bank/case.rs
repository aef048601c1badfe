//! A case (以案释法): one scenario shared by several questions.

use serde::{Deserialize, Serialize};

/// A realistic scenario that two or more questions ask about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Case {
    pub id: String,
    pub title: String,
    pub scenario: String,
}
