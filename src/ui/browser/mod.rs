//! Adapters to the browser: storage, network, location. Nothing here decides anything.

mod base;
mod fetch;
mod storage;

pub use base::base_path;
pub use fetch::fetch_text;
pub use storage::{load_learner, save_learner};
