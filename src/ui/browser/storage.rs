//! Versioned records in localStorage: the learner's state (`xuefa.learner`), the exam data
//! (`xuefa.exams`) and the imported question sets (`xuefa.imported`), each through its schema
//! in the core (the statistics data lives in IndexedDB, see `admin_storage`). A value that cannot be read is
//! copied aside under a stamped key and the user is told; if even that copy fails, nothing is
//! saved over the stored value for this visit.

use gloo_storage::{LocalStorage, Storage};

use crate::core::bank_io::{decode_imported, encode_imported, ImportedBank, IMPORTED_KEY};
use crate::core::exam::{decode_exam_store, encode_exam_store, ExamStore, EXAM_KEY};
use crate::core::storage::{aside_key, decode_learner, encode_learner, StorageError, LEARNER_KEY};
use crate::core::study::LearnerState;

/// What loading found: the value to start from, whether it may be saved over the stored
/// value, and a message for the user when something was wrong.
pub struct Loaded<T> {
    pub value: T,
    pub writable: bool,
    pub notice: Option<String>,
}

/// One kind of stored record: its key, its codec and how it is named to the user.
struct Record<T> {
    key: &'static str,
    /// Decodes any known version; `true` when it was migrated and should be written back.
    decode: fn(&str) -> Result<(T, bool), StorageError>,
    encode: fn(&T) -> String,
    /// 学习记录, 考试记录.
    name: &'static str,
    /// What it means for this record when the browser allows no storage at all.
    no_storage: &'static str,
    /// What it means when a save fails (storage full).
    not_saved: &'static str,
}

const LEARNER: Record<LearnerState> = Record {
    key: LEARNER_KEY,
    decode: |raw| {
        let decoded = decode_learner(raw)?;
        let migrated = decoded.was_migrated();
        Ok((decoded.state, migrated))
    },
    encode: encode_learner,
    name: "学习记录",
    no_storage: "本次练习记录不会保留。",
    not_saved: "最新的练习记录未能保存。请导出错题本后清理浏览器中其他网站的数据，再继续练习。",
};

const EXAMS: Record<ExamStore> = Record {
    key: EXAM_KEY,
    decode: |raw| decode_exam_store(raw).map(|d| (d.store, false)),
    encode: encode_exam_store,
    name: "考试记录",
    no_storage: "考试答案无法保存，请勿在此模式下考试。",
    not_saved: "最新的答案未能保存！请勿关闭页面，并尽快交卷。",
};

const IMPORTED: Record<ImportedBank> = Record {
    key: IMPORTED_KEY,
    decode: |raw| decode_imported(raw).map(|bank| (bank, false)),
    encode: encode_imported,
    name: "本单位题库",
    no_storage: "导入的题目在关闭页面后不会保留。",
    not_saved: "题目未能保存：存储空间已满。",
};

/// Reads the imported question sets.
pub fn load_imported(now_ms: u64) -> Loaded<ImportedBank> {
    load(&IMPORTED, now_ms)
}

/// Writes the imported question sets; the error is a message for the user.
pub fn save_imported(bank: &ImportedBank) -> Result<(), String> {
    save(&IMPORTED, bank)
}

/// Reads the learner's state.
pub fn load_learner(now_ms: u64) -> Loaded<LearnerState> {
    load(&LEARNER, now_ms)
}

/// Writes the learner's state; the error is a message for the learner.
pub fn save_learner(state: &LearnerState) -> Result<(), String> {
    save(&LEARNER, state)
}

/// Reads the exam data.
pub fn load_exams(now_ms: u64) -> Loaded<ExamStore> {
    load(&EXAMS, now_ms)
}

/// Whether exam data is stored (without reading it).
pub fn exam_data_stored() -> bool {
    matches!(LocalStorage::raw().get_item(EXAM_KEY), Ok(Some(_)))
}

/// Writes the exam data; the error is a message for the user.
pub fn save_exams(store: &ExamStore) -> Result<(), String> {
    save(&EXAMS, store)
}

fn load<T: Default>(record: &Record<T>, now_ms: u64) -> Loaded<T> {
    let fresh = |writable, notice| Loaded {
        value: T::default(),
        writable,
        notice,
    };
    let raw = match LocalStorage::raw().get_item(record.key) {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(true, None),
        Err(_) => {
            let message = format!(
                "浏览器不允许保存数据（可能处于隐私模式），{}",
                record.no_storage
            );
            return fresh(false, Some(message));
        }
    };
    match (record.decode)(&raw) {
        Ok((value, migrated)) => {
            if migrated {
                let _ = LocalStorage::raw().set_item(record.key, &(record.encode)(&value));
            }
            Loaded {
                value,
                writable: true,
                notice: None,
            }
        }
        Err(error) => {
            let key = aside_key(record.key, now_ms);
            let name = record.name;
            match LocalStorage::raw().set_item(&key, &raw) {
                Ok(()) => fresh(
                    true,
                    Some(format!(
                        "原有{name}无法读取（{error}）。原数据已原样另存为“{key}”，现从空白记录开始。"
                    )),
                ),
                Err(_) => fresh(
                    false,
                    Some(format!(
                        "原有{name}无法读取（{error}），且存储空间不足以另存备份。为免覆盖原数据，本次{name}不会保存。"
                    )),
                ),
            }
        }
    }
}

fn save<T>(record: &Record<T>, value: &T) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(record.key, &(record.encode)(value))
        .map_err(|_| format!("存储空间已满或不可用，{}", record.not_saved))
}
