//! The versioned schema of exam data in the browser (attempts and issued exams), kept under
//! its own localStorage key apart from the learner's study state.
//!
//! Versions:
//! - 1: `{"version":1,"attempts":[…],"issued":[…]}`.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::{Attempt, ExamDefinition};
use crate::core::storage::{decode_versioned, StorageError};

/// The localStorage key of exam data.
pub const EXAM_KEY: &str = "xuefa.exams";

/// The schema version this build writes.
pub const EXAM_SCHEMA_VERSION: u64 = 1;

/// Everything about exams kept on this device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamStore {
    /// Every attempt, running or finished, oldest first.
    pub attempts: Vec<Attempt>,
    /// Exams this device issued as an administrator, oldest first.
    pub issued: Vec<ExamDefinition>,
}

impl ExamStore {
    /// The attempt with this id.
    pub fn attempt(&self, id: &str) -> Option<&Attempt> {
        self.attempts.iter().find(|a| a.id == id)
    }

    /// The attempt with this id, to change it.
    pub fn attempt_mut(&mut self, id: &str) -> Option<&mut Attempt> {
        self.attempts.iter_mut().find(|a| a.id == id)
    }

    /// The attempts at one exam made on this device by a staff id (any, for a mock exam).
    pub fn attempts_at(&self, exam_id: &str, staff_id: Option<&str>) -> Vec<&Attempt> {
        self.attempts
            .iter()
            .filter(|a| a.exam.id == exam_id)
            .filter(|a| {
                staff_id.is_none()
                    || a.participant.as_ref().map(|p| p.staff_id.as_str()) == staff_id
            })
            .collect()
    }

    /// Whether a handed-in attempt has not been fed to study yet (see `feed_study`).
    pub fn has_unfed(&self) -> bool {
        self.attempts
            .iter()
            .any(|a| a.submitted.is_some() && !a.fed_to_study)
    }

    /// Submits every attempt whose deadline has passed; returns their ids.
    pub fn settle(&mut self, now_ms: u64) -> Vec<String> {
        self.attempts
            .iter_mut()
            .filter_map(|a| a.settle(now_ms).then(|| a.id.clone()))
            .collect()
    }
}

/// What merging a backup into the exam data changed, counted for the preview.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExamMerge {
    /// Attempts only in the backup.
    pub attempts_added: usize,
    /// Attempts running here but handed in in the backup.
    pub attempts_replaced: usize,
    /// Issued exams only in the backup.
    pub issued_added: usize,
}

impl ExamStore {
    /// Merges a backup by id: an attempt or issued exam this device lacks is added; an attempt
    /// both have stays as here, unless only the backup's was handed in. Attempts stay oldest
    /// first.
    pub fn merge(&mut self, other: &ExamStore) -> ExamMerge {
        let mut changes = ExamMerge::default();
        for theirs in &other.attempts {
            match self.attempt_mut(&theirs.id) {
                None => {
                    self.attempts.push(theirs.clone());
                    changes.attempts_added += 1;
                }
                Some(mine) if mine.submitted.is_none() && theirs.submitted.is_some() => {
                    *mine = theirs.clone();
                    changes.attempts_replaced += 1;
                }
                Some(_) => {}
            }
        }
        self.attempts.sort_by_key(|a| a.started_ms);
        for exam in &other.issued {
            if !self.issued.iter().any(|mine| mine.id == exam.id) {
                self.issued.push(exam.clone());
                changes.issued_added += 1;
            }
        }
        changes
    }
}

/// Exam data read from storage, with the version it was stored in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedExamStore {
    pub store: ExamStore,
    pub stored_version: u64,
}

/// Serialises exam data in the current schema version.
pub fn encode_exam_store(store: &ExamStore) -> String {
    let mut value = serde_json::to_value(store).expect("exam data serialises");
    value["version"] = json!(EXAM_SCHEMA_VERSION);
    value.to_string()
}

/// Reads stored exam data of any known version, migrating it to the current one.
pub fn decode_exam_store(raw: &str) -> Result<DecodedExamStore, StorageError> {
    decode_with(raw, EXAM_SCHEMA_VERSION, migrate)
}

/// Decoding with the current version and migrations as parameters, so that the migration
/// path is tested before its first real step exists.
fn decode_with(
    raw: &str,
    current: u64,
    migrate: fn(u64, Value) -> Result<Value, String>,
) -> Result<DecodedExamStore, StorageError> {
    let (store, stored_version) = decode_versioned(raw, current, migrate)?;
    Ok(DecodedExamStore {
        store,
        stored_version,
    })
}

/// One migration step, from `version` to `version + 1`. Version 1 is the first; add a
/// step here when the schema changes.
fn migrate(version: u64, _value: Value) -> Result<Value, String> {
    Err(format!("没有从版本 {version} 升级的方法"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::Answer;
    use crate::core::exam::definition::tests::official;
    use crate::core::exam::{Paper, PaperItem};

    fn sample() -> ExamStore {
        let paper = Paper {
            items: vec![PaperItem {
                question: "B1-0001".into(),
                order: vec![1, 0, 2, 3],
            }],
        };
        let mut attempt =
            Attempt::start("a1".into(), official(), None, u64::MAX, paper, 0, 2_000_000).unwrap();
        attempt
            .set_answer("B1-0001", Some(Answer::Choices(vec![1])), 2_000_001)
            .unwrap();
        attempt.toggle_flag("B1-0001", 2_000_002).unwrap();
        ExamStore {
            attempts: vec![attempt],
            issued: vec![official()],
        }
    }

    #[test]
    fn the_current_version_round_trips() {
        let raw = encode_exam_store(&sample());
        assert!(raw.contains(r#""version":1"#));
        let decoded = decode_exam_store(&raw).unwrap();
        assert_eq!(decoded.store, sample());
        assert_eq!(decoded.stored_version, 1);
    }

    #[test]
    fn unreadable_values_are_errors_not_defaults() {
        assert!(matches!(
            decode_exam_store("{"),
            Err(StorageError::NotJson(_))
        ));
        assert_eq!(
            decode_exam_store(r#"{"attempts":[]}"#),
            Err(StorageError::NoVersion)
        );
        assert_eq!(
            decode_exam_store(r#"{"version":2,"attempts":[],"issued":[]}"#),
            Err(StorageError::FromTheFuture(2))
        );
        assert!(matches!(
            decode_exam_store(r#"{"version":1,"attempts":"many","issued":[]}"#),
            Err(StorageError::Invalid { version: 1, .. })
        ));
        assert!(matches!(
            decode_exam_store(r#"{"version":0,"attempts":[],"issued":[]}"#),
            Err(StorageError::Invalid { version: 0, .. })
        ));
    }

    #[test]
    fn older_versions_go_through_each_migration_step() {
        // A pretend version 2 that renamed "issued" to "exams": the loop must apply the
        // step and then read the result in the new shape.
        fn rename(version: u64, mut value: Value) -> Result<Value, String> {
            assert_eq!(version, 1);
            let issued = value
                .as_object_mut()
                .unwrap()
                .remove("exams")
                .ok_or("缺少 exams")?;
            value["issued"] = issued;
            Ok(value)
        }
        let old = r#"{"version":1,"attempts":[],"exams":[]}"#;
        let decoded = decode_with(old, 2, rename).unwrap();
        assert_eq!(decoded.stored_version, 1);
        assert_eq!(decoded.store, ExamStore::default());
        assert!(matches!(
            decode_with(r#"{"version":1,"attempts":[]}"#, 2, rename),
            Err(StorageError::Invalid { version: 1, .. })
        ));
    }

    #[test]
    fn settling_submits_only_expired_attempts() {
        let mut store = sample();
        assert!(store.settle(2_000_010).is_empty());
        assert_eq!(store.settle(9_000_000), ["a1"]);
        assert!(store.attempt("a1").unwrap().submitted.is_some());
        assert_eq!(store.attempts_at(&official().id, None).len(), 1);
        assert!(store.attempts_at(&official().id, Some("007")).is_empty());
    }

    #[test]
    fn merging_a_backup_adds_attempts_by_id_and_keeps_handed_in_ones() {
        let mut device = sample();
        let backup = sample();
        assert_eq!(device.merge(&backup), ExamMerge::default());
        assert_eq!(device, sample(), "the same data adds nothing");

        // The backup has the attempt handed in, another one and another issued exam.
        let mut newer = sample();
        newer.settle(9_000_000);
        let mut second = newer.attempts[0].clone();
        second.id = "a0".into();
        second.started_ms = 1_000_000;
        newer.attempts.push(second);
        let mut other_exam = official();
        other_exam.id = "E2".into();
        newer.issued.push(other_exam);
        let changes = device.merge(&newer);
        assert_eq!(
            changes,
            ExamMerge {
                attempts_added: 1,
                attempts_replaced: 1,
                issued_added: 1
            }
        );
        let ids: Vec<&str> = device.attempts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a0", "a1"], "oldest first");
        assert!(device.attempt("a1").unwrap().submitted.is_some());

        // A handed-in attempt is never replaced by a running copy from an older backup.
        let before = device.clone();
        assert_eq!(device.merge(&sample()), ExamMerge::default());
        assert_eq!(device, before);
    }
}
