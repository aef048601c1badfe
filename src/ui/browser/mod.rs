//! Adapters to the browser: storage, network, location, clock, files. Nothing here decides
//! anything.

mod admin_storage;
mod base;
mod clock;
mod fetch;
mod files;
mod hand_over;
mod idb;
mod offline;
mod records;
mod storage;
mod timing;
mod traditional;

pub use admin_storage::{load_admin, save_admin};
pub use base::base_path;
pub use clock::{
    local_date, local_time, now_ms, parse_local_datetime, random_seed, random_tag, today,
    yield_to_browser, TimeSlice,
};
pub use fetch::fetch_bank_text;
pub use files::{
    copy_text, decode_gb18030, download_bytes, download_text, print_page, read_chosen_files,
    read_dropped_files,
};
pub use hand_over::{hand_over_to_admin, take_handed_over_route};
pub use offline::{apply_update, register_service_worker};
pub use records::{app_records, clear_app_records, reload_with_query, write_records};
pub use storage::{
    exam_data_stored, load_exams, load_imported, load_learner, save_exams, save_imported,
    save_learner,
};
pub use timing::{after_paint, mark, mark_after_paint};
pub use traditional::{show_simplified, show_traditional, store_script, stored_script};
