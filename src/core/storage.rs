//! The versioned schema of what the browser stores, and its migrations.
//!
//! Strings in, values out: the browser adapter hands over what localStorage holds and
//! gets back either the learner's state or an error saying why it cannot be read. A value
//! that cannot be read is never replaced here; the adapter keeps it aside.
//!
//! Versions of the learner record:
//! - 1: `{"version":1,"progress":{"B1-0001":{"answered":2,"correct":1}}}` (first draft);
//! - 2: `{"version":2,"progress":{"B1-0001":[2,1]}}` (compact tallies, about a third of the size).

use serde_json::{json, Value};

use crate::core::study::LearnerState;

/// The localStorage key of the learner's state.
pub const LEARNER_KEY: &str = "xuefa.learner";

/// The schema version this build writes.
pub const SCHEMA_VERSION: u64 = 2;

/// Why a stored value could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("不是有效的 JSON：{0}")]
    NotJson(String),
    #[error("缺少版本号")]
    NoVersion,
    #[error("由更新版本的学法写入（版本 {0}），本版本无法读取")]
    FromTheFuture(u64),
    #[error("版本 {version} 的数据格式有误：{message}")]
    Invalid { version: u64, message: String },
}

/// A learner record read from storage, with the version it was stored in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub state: LearnerState,
    pub stored_version: u64,
}

impl Decoded {
    /// Whether the record was upgraded and should be written back in the current version.
    pub fn was_migrated(&self) -> bool {
        self.stored_version != SCHEMA_VERSION
    }
}

/// Serialises the learner's state in the current schema version.
pub fn encode_learner(state: &LearnerState) -> String {
    let mut value = serde_json::to_value(state).expect("learner state serialises");
    value["version"] = json!(SCHEMA_VERSION);
    value.to_string()
}

/// Reads a stored learner record of any known version, migrating it to the current one.
pub fn decode_learner(raw: &str) -> Result<Decoded, StorageError> {
    let mut value: Value =
        serde_json::from_str(raw).map_err(|e| StorageError::NotJson(e.to_string()))?;
    let stored_version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(StorageError::NoVersion)?;
    if stored_version > SCHEMA_VERSION {
        return Err(StorageError::FromTheFuture(stored_version));
    }
    let invalid = |version, message: String| StorageError::Invalid { version, message };
    for version in stored_version..SCHEMA_VERSION {
        value = migrate(version, value).map_err(|m| invalid(version, m))?;
    }
    let state =
        serde_json::from_value(value).map_err(|e| invalid(stored_version, e.to_string()))?;
    Ok(Decoded {
        state,
        stored_version,
    })
}

/// The key under which an unreadable value is kept aside, stamped with the time it was found.
pub fn aside_key(key: &str, now_ms: u64) -> String {
    format!("{key}.unreadable.{now_ms}")
}

/// One migration step, from `version` to `version + 1`.
fn migrate(version: u64, mut value: Value) -> Result<Value, String> {
    match version {
        1 => {
            let progress = value
                .get_mut("progress")
                .and_then(Value::as_object_mut)
                .ok_or("缺少 progress")?;
            for (id, tally) in progress.iter_mut() {
                let count = |field: &str| tally.get(field).and_then(Value::as_u64);
                let (Some(answered), Some(correct)) = (count("answered"), count("correct")) else {
                    return Err(format!("题目 {id} 的记录不完整"));
                };
                *tally = json!([answered, correct]);
            }
            Ok(value)
        }
        _ => Err(format!("没有从版本 {version} 升级的方法")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> LearnerState {
        let mut state = LearnerState::default();
        state.progress.record("B1-0001", true);
        state.progress.record("B1-0001", false);
        state.progress.record("B7-0003", true);
        state
    }

    #[test]
    fn current_version_round_trips() {
        let raw = encode_learner(&sample());
        assert!(raw.contains(r#""version":2"#), "{raw}");
        let decoded = decode_learner(&raw).unwrap();
        assert_eq!(decoded.state, sample());
        assert!(!decoded.was_migrated());
    }

    #[test]
    fn version_1_migrates_to_the_compact_form() {
        let v1 = r#"{"version":1,"progress":{"B1-0001":{"answered":2,"correct":1},"B7-0003":{"answered":1,"correct":1}}}"#;
        let decoded = decode_learner(v1).unwrap();
        assert_eq!(decoded.state, sample());
        assert_eq!(decoded.stored_version, 1);
        assert!(decoded.was_migrated());
        assert!(encode_learner(&decoded.state).len() < v1.len());
    }

    #[test]
    fn unreadable_values_are_errors_not_defaults() {
        assert!(matches!(
            decode_learner("{not json"),
            Err(StorageError::NotJson(_))
        ));
        assert_eq!(
            decode_learner(r#"{"progress":{}}"#),
            Err(StorageError::NoVersion)
        );
        assert_eq!(
            decode_learner(r#"{"version":9,"progress":{}}"#),
            Err(StorageError::FromTheFuture(9))
        );
        let broken_v1 = r#"{"version":1,"progress":{"B1-0001":{"answered":2}}}"#;
        assert!(matches!(
            decode_learner(broken_v1),
            Err(StorageError::Invalid { version: 1, .. })
        ));
        let broken_v2 = r#"{"version":2,"progress":{"B1-0001":"lots"}}"#;
        assert!(matches!(
            decode_learner(broken_v2),
            Err(StorageError::Invalid { version: 2, .. })
        ));
    }

    #[test]
    fn unreadable_values_are_kept_under_a_stamped_key() {
        assert_eq!(
            aside_key(LEARNER_KEY, 1700),
            "xuefa.learner.unreadable.1700"
        );
    }
}
