//! Adapters to the browser: storage, network, location, clock, files. Nothing here decides
//! anything.

mod admin_storage;
mod base;
mod clock;
mod fetch;
mod files;
mod idb;
mod offline;
mod storage;

pub use admin_storage::{load_admin, save_admin};
pub use base::base_path;
pub use clock::{
    local_date, local_time, now_ms, parse_local_datetime, random_seed, random_tag, today,
    yield_to_browser,
};
pub use fetch::fetch_text;
pub use files::{
    copy_text, decode_gb18030, download_bytes, download_text, print_page, read_chosen_files,
    read_dropped_files,
};
pub use offline::{apply_update, register_service_worker};
pub use storage::{load_exams, load_learner, save_exams, save_learner};
