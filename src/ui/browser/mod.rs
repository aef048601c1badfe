//! Adapters to the browser: storage, network, location, clock, downloads. Nothing here
//! decides anything.

mod base;
mod clock;
mod download;
mod fetch;
mod storage;

pub use base::base_path;
pub use clock::{random_seed, today};
pub use download::download_text;
pub use fetch::fetch_text;
pub use storage::{load_learner, save_learner};
