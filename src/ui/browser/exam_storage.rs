//! Exam data in localStorage, through the versioned schema of `core::exam` — under its own
//! key, with the same rule as the learner's state: an unreadable value is kept aside.

use gloo_storage::{LocalStorage, Storage};

use crate::core::exam::{decode_exam_store, encode_exam_store, ExamStore, EXAM_KEY};
use crate::core::storage::aside_key;

/// What loading found: the exam data, whether it may be saved, and a message if needed.
pub struct LoadedExams {
    pub store: ExamStore,
    pub writable: bool,
    pub notice: Option<String>,
}

/// Reads the exam data; an unreadable value is copied aside under a stamped key and
/// reported, and if even that copy fails nothing is saved over it for this visit.
pub fn load_exams(now_ms: u64) -> LoadedExams {
    let fresh = |writable, notice| LoadedExams {
        store: ExamStore::default(),
        writable,
        notice,
    };
    let raw = match LocalStorage::raw().get_item(EXAM_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(true, None),
        Err(_) => return fresh(
            false,
            Some(
                "浏览器不允许保存数据（可能处于隐私模式），考试答案无法保存，请勿在此模式下考试。"
                    .into(),
            ),
        ),
    };
    match decode_exam_store(&raw) {
        Ok(decoded) => LoadedExams {
            store: decoded.store,
            writable: true,
            notice: None,
        },
        Err(error) => {
            let key = aside_key(EXAM_KEY, now_ms);
            match LocalStorage::raw().set_item(&key, &raw) {
                Ok(()) => fresh(
                    true,
                    Some(format!(
                        "原有考试记录无法读取（{error}）。原数据已原样另存为“{key}”，现从空白记录开始。"
                    )),
                ),
                Err(_) => fresh(
                    false,
                    Some(format!(
                        "原有考试记录无法读取（{error}），且存储空间不足以另存备份。为免覆盖原数据，本次考试记录不会保存。"
                    )),
                ),
            }
        }
    }
}

/// Writes the exam data; the error is a message for the user.
pub fn save_exams(store: &ExamStore) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(EXAM_KEY, &encode_exam_store(store))
        .map_err(|_| {
            "存储空间已满或不可用，最新的答案未能保存！请勿关闭页面，并尽快交卷。".to_string()
        })
}
