//! The versioned schema of what the browser stores, and its migrations.
//!
//! Strings in, values out: the browser adapter hands over what localStorage holds and
//! gets back either the learner's state or an error saying why it cannot be read. A value
//! that cannot be read is never replaced here; the adapter keeps it aside.
//!
//! Versions of the learner record:
//! - 1: `{"version":1,"progress":{"B1-0001":{"answered":2,"correct":1}}}` (first draft);
//! - 2: `{"version":2,"progress":{"B1-0001":[2,1]}}` (compact tallies, about a third of the size);
//! - 3: `{"version":3,"progress":{"B1-0001":[2,1,1]},"wrong":["B1-0001"],
//!   "schedule":{"B1-0001":[19785,19784,3126,5312,2,1,2]},"streak":[19784,1,1]}`: tallies
//!   with right answers in a row, the 错题本, the FSRS schedule and the streak of study days.

use serde_json::{json, Value};

use crate::core::study::LearnerState;

/// The localStorage key of the learner's state.
pub const LEARNER_KEY: &str = "xuefa.learner";

/// The schema version this build writes.
pub const SCHEMA_VERSION: u64 = 3;

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
    let (state, stored_version) = decode_versioned(raw, SCHEMA_VERSION, migrate)?;
    Ok(Decoded {
        state,
        stored_version,
    })
}

/// Reads any versioned record (`{"version": n, …}`): refuses a missing or newer version,
/// runs `migrate(v, value)` for each step from the stored version up to `current`, then
/// deserialises. Returns the value and the version it was stored in.
pub fn decode_versioned<T: serde::de::DeserializeOwned>(
    raw: &str,
    current: u64,
    migrate: fn(u64, Value) -> Result<Value, String>,
) -> Result<(T, u64), StorageError> {
    let mut value: Value =
        serde_json::from_str(raw).map_err(|e| StorageError::NotJson(e.to_string()))?;
    let stored_version = value
        .get("version")
        .and_then(Value::as_u64)
        .ok_or(StorageError::NoVersion)?;
    if stored_version > current {
        return Err(StorageError::FromTheFuture(stored_version));
    }
    let invalid = |version, message: String| StorageError::Invalid { version, message };
    for version in stored_version..current {
        value = migrate(version, value).map_err(|m| invalid(version, m))?;
    }
    let decoded =
        serde_json::from_value(value).map_err(|e| invalid(stored_version, e.to_string()))?;
    Ok((decoded, stored_version))
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
        2 => {
            // A tally gains its run of right answers: all of them when none was wrong, else
            // unknown and so 0. A question ever answered wrong goes into the 错题本.
            let progress = value
                .get_mut("progress")
                .and_then(Value::as_object_mut)
                .ok_or("缺少 progress")?;
            let mut wrong = Vec::new();
            for (id, tally) in progress.iter_mut() {
                let counts: Option<Vec<u64>> = tally
                    .as_array()
                    .and_then(|items| items.iter().map(Value::as_u64).collect());
                let Some(&[answered, correct]) = counts.as_deref() else {
                    return Err(format!("题目 {id} 的记录不完整"));
                };
                let in_a_row = if correct == answered { answered } else { 0 };
                if correct < answered {
                    wrong.push(id.clone());
                }
                *tally = json!([answered, correct, in_a_row]);
            }
            value["wrong"] = json!(wrong);
            value["schedule"] = json!({});
            value["streak"] = json!([0, 0, 0]);
            Ok(value)
        }
        _ => Err(format!("没有从版本 {version} 升级的方法")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::study::Day;

    fn day(d: u32) -> Day {
        Day::from_ymd(2024, 3, d).unwrap()
    }

    fn sample() -> LearnerState {
        let mut state = LearnerState::default();
        state.record_answer("B1-0001", true, day(1));
        state.record_answer("B1-0001", false, day(2));
        state.record_answer("B7-0003", true, day(2));
        state
    }

    #[test]
    fn current_version_round_trips() {
        let raw = encode_learner(&sample());
        assert!(raw.contains(r#""version":3"#), "{raw}");
        let decoded = decode_learner(&raw).unwrap();
        assert_eq!(decoded.state, sample());
        assert!(!decoded.was_migrated());
    }

    #[test]
    fn version_1_migrates_through_every_step() {
        let v1 = r#"{"version":1,"progress":{"B1-0001":{"answered":2,"correct":1},"B7-0003":{"answered":1,"correct":1}}}"#;
        let decoded = decode_learner(v1).unwrap();
        assert_eq!(decoded.stored_version, 1);
        assert!(decoded.was_migrated());
        let tally = decoded.state.progress.tally("B1-0001");
        assert_eq!(
            (tally.answered, tally.correct, tally.right_in_a_row),
            (2, 1, 0)
        );
        assert!(decoded.state.wrong.contains("B1-0001"));
    }

    #[test]
    fn version_2_migrates_tallies_and_fills_the_wrong_answer_book() {
        let v2 = r#"{"version":2,"progress":{"B1-0001":[2,1],"B7-0003":[3,3],"B2-0001":[1,0]}}"#;
        let decoded = decode_learner(v2).unwrap();
        assert_eq!(decoded.stored_version, 2);
        assert!(decoded.was_migrated());
        let state = &decoded.state;
        let tally = |id| state.progress.tally(id);
        assert_eq!(
            (tally("B1-0001").answered, tally("B1-0001").correct),
            (2, 1)
        );
        assert_eq!(
            tally("B1-0001").right_in_a_row,
            0,
            "unknown run after a mistake"
        );
        assert!(
            tally("B7-0003").is_mastered(),
            "all right: the run is all of them"
        );
        assert!(state.wrong.contains("B1-0001") && state.wrong.contains("B2-0001"));
        assert!(!state.wrong.contains("B7-0003"));
        assert_eq!(state.due_count(day(1)), 0, "no schedule is invented");
        assert_eq!(state.streak.current(day(1)), 0);
        let again = decode_learner(&encode_learner(state)).unwrap();
        assert_eq!(&again.state, state);
        assert!(!again.was_migrated());

        let broken_v2 = r#"{"version":2,"progress":{"B1-0001":[2]}}"#;
        assert!(matches!(
            decode_learner(broken_v2),
            Err(StorageError::Invalid { version: 2, .. })
        ));
    }

    #[test]
    fn a_thousand_answered_questions_fit_in_200_kb() {
        let mut state = LearnerState::default();
        for n in 0..1000u32 {
            let id = format!("B{}-{:04}", n % 7 + 1, n);
            for round in 0..3 {
                state.record_answer(&id, (n + round) % 3 != 0, day(1).plus(n % 300 + round * 40));
            }
        }
        assert_eq!(state.wrong.len(), 1000);
        let raw = encode_learner(&state);
        // localStorage keeps strings as UTF-16: two bytes per (ASCII) character.
        let stored_bytes = raw.encode_utf16().count() * 2;
        assert!(stored_bytes <= 200 * 1000, "{stored_bytes} bytes");
        assert_eq!(decode_learner(&raw).unwrap().state, state);
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
        let broken_v3 = r#"{"version":3,"progress":{"B1-0001":"lots"},"wrong":[],"schedule":{},"streak":[0,0,0]}"#;
        assert!(matches!(
            decode_learner(broken_v3),
            Err(StorageError::Invalid { version: 3, .. })
        ));
        let incomplete_v3 = r#"{"version":3,"progress":{}}"#;
        assert!(matches!(
            decode_learner(incomplete_v3),
            Err(StorageError::Invalid { version: 3, .. })
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
