//! The learner's state in localStorage, through the versioned schema of `core::storage`.

use gloo_storage::{LocalStorage, Storage};

use crate::core::storage::{aside_key, decode_learner, encode_learner, LEARNER_KEY};
use crate::core::study::LearnerState;

/// What loading found: the state to start from, whether it may be saved over the stored
/// value, and a message for the learner when something was wrong.
pub struct LoadedLearner {
    pub state: LearnerState,
    pub writable: bool,
    pub notice: Option<String>,
}

/// Reads the learner's state. A value that cannot be read is copied aside under a stamped
/// key and reported; if even that copy fails, the app keeps the stored value untouched by
/// not saving over it for this visit.
pub fn load_learner() -> LoadedLearner {
    let fresh = |writable, notice| LoadedLearner {
        state: LearnerState::default(),
        writable,
        notice,
    };
    let raw = match LocalStorage::raw().get_item(LEARNER_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(true, None),
        Err(_) => {
            return fresh(
                false,
                Some("浏览器不允许保存数据（可能处于隐私模式），本次练习记录不会保留。".into()),
            )
        }
    };
    match decode_learner(&raw) {
        Ok(decoded) => {
            if decoded.was_migrated() {
                let _ = LocalStorage::raw().set_item(LEARNER_KEY, &encode_learner(&decoded.state));
            }
            LoadedLearner {
                state: decoded.state,
                writable: true,
                notice: None,
            }
        }
        Err(error) => {
            let key = aside_key(LEARNER_KEY, js_sys::Date::now() as u64);
            match LocalStorage::raw().set_item(&key, &raw) {
                Ok(()) => fresh(
                    true,
                    Some(format!(
                        "原有学习记录无法读取（{error}）。原数据已原样另存为“{key}”，现从空白记录开始。"
                    )),
                ),
                Err(_) => fresh(
                    false,
                    Some(format!(
                        "原有学习记录无法读取（{error}），且存储空间不足以另存备份。为免覆盖原数据，本次练习记录不会保存。"
                    )),
                ),
            }
        }
    }
}

/// Writes the learner's state; the error is a message for the learner (e.g. storage full).
pub fn save_learner(state: &LearnerState) -> Result<(), String> {
    LocalStorage::raw()
        .set_item(LEARNER_KEY, &encode_learner(state))
        .map_err(|_| "存储空间已满或不可用，最新的练习记录未能保存。请导出错题本后清理浏览器中其他网站的数据，再继续练习。".to_string())
}
