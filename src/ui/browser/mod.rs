//! Adapters to the browser: storage, network, location, clock, files. Nothing here decides
//! anything.

mod base;
mod clock;
mod fetch;
mod files;
mod hand_over;
mod offline;
mod storage;
mod timing;

pub use base::base_path;
pub use clock::{
    local_date, local_time, now_ms, parse_local_datetime, random_seed, random_tag, today,
};
pub use fetch::fetch_text;
pub use files::{copy_text, decode_gb18030, download_text, print_page, read_chosen_files};
pub use hand_over::{hand_over_to_admin, take_handed_over_route};
pub use offline::{apply_update, register_service_worker};
pub use storage::{load_admin, load_exams, load_learner, save_admin, save_exams, save_learner};
pub use timing::{mark, mark_after_paint};
