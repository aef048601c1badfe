//! The versioned schema of the statistics page's data in the browser (the chosen exam, the
//! accepted roster and the collected result texts), under its own localStorage key apart
//! from the learner's and the exam records. Rosters and results are kept as imported, so
//! every figure is recomputed (and every record re-checked) after a reload.
//!
//! Versions:
//! - 1: `{"version":1,"exam":{…}|null,"people":[…],"results":[…]}`.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::{CollectedInput, Person, Roster};
use crate::core::exam::ExamDefinition;
use crate::core::storage::{decode_versioned, StorageError};

/// The localStorage key of the statistics data.
pub const ADMIN_KEY: &str = "xuefa.admin";

/// The schema version this build writes.
pub const ADMIN_SCHEMA_VERSION: u64 = 1;

/// What the statistics page keeps between visits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminStore {
    pub exam: Option<ExamDefinition>,
    /// The accepted roster's people, in roster order (empty: no roster yet).
    pub people: Vec<Person>,
    /// The result files and codes as collected.
    pub results: Vec<CollectedInput>,
}

impl AdminStore {
    /// The stored roster, if one was accepted.
    pub fn roster(&self) -> Option<Roster> {
        (!self.people.is_empty()).then(|| Roster::of_people(self.people.clone()))
    }
}

/// What merging a backup into the statistics data changed, for the preview.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AdminMerge {
    /// The backup's chosen exam was taken (none was chosen here).
    pub exam_taken: bool,
    /// The title of the backup's chosen exam, kept out because another one is chosen here.
    pub exam_kept_out: Option<String>,
    /// Roster people (by 工号) only in the backup.
    pub people_added: usize,
    /// Collected result texts only in the backup.
    pub results_added: usize,
}

impl AdminStore {
    /// Merges a backup: the chosen exam stays as here (the backup's is taken when none is
    /// chosen); roster people are added by 工号 and result texts by their text, each once.
    pub fn merge(&mut self, other: &AdminStore) -> AdminMerge {
        let mut changes = AdminMerge::default();
        match (&self.exam, &other.exam) {
            (None, Some(theirs)) => {
                self.exam = Some(theirs.clone());
                changes.exam_taken = true;
            }
            (Some(mine), Some(theirs)) if mine != theirs => {
                changes.exam_kept_out = Some(theirs.title.clone());
            }
            _ => {}
        }
        for person in &other.people {
            if !self.people.iter().any(|mine| mine.id == person.id) {
                self.people.push(person.clone());
                changes.people_added += 1;
            }
        }
        for result in &other.results {
            if !self.results.iter().any(|mine| mine.text == result.text) {
                self.results.push(result.clone());
                changes.results_added += 1;
            }
        }
        changes
    }
}

/// Serialises the statistics data in the current schema version.
pub fn encode_admin_store(store: &AdminStore) -> String {
    let mut value = serde_json::to_value(store).expect("admin data serialises");
    value["version"] = json!(ADMIN_SCHEMA_VERSION);
    value.to_string()
}

/// Reads stored statistics data of any known version, migrating it to the current one.
pub fn decode_admin_store(raw: &str) -> Result<AdminStore, StorageError> {
    decode_versioned(raw, ADMIN_SCHEMA_VERSION, migrate).map(|(store, _)| store)
}

/// One migration step, from `version` to `version + 1`. Version 1 is the first; add a
/// step here when the schema changes.
fn migrate(version: u64, _value: Value) -> Result<Value, String> {
    Err(format!("没有从版本 {version} 升级的方法"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> AdminStore {
        AdminStore {
            exam: Some(ExamDefinition::mock("E1".into(), "v".into())),
            people: vec![Person {
                id: "001".into(),
                name: "<script>张三</script>".into(),
                unit: "司法局".into(),
            }],
            results: vec![CollectedInput {
                source: "a.json".into(),
                text: "{}".into(),
            }],
        }
    }

    #[test]
    fn the_current_version_round_trips() {
        let raw = encode_admin_store(&sample());
        assert!(raw.contains(r#""version":1"#));
        assert_eq!(decode_admin_store(&raw), Ok(sample()));
        assert_eq!(sample().roster().unwrap().people().len(), 1);
        assert_eq!(AdminStore::default().roster(), None);
    }

    #[test]
    fn unreadable_values_are_errors_not_defaults() {
        assert!(matches!(
            decode_admin_store("{"),
            Err(StorageError::NotJson(_))
        ));
        assert_eq!(
            decode_admin_store(r#"{"version":2,"exam":null,"people":[],"results":[]}"#),
            Err(StorageError::FromTheFuture(2))
        );
        assert!(matches!(
            decode_admin_store(r#"{"version":1,"exam":null,"people":"many","results":[]}"#),
            Err(StorageError::Invalid { version: 1, .. })
        ));
        assert!(matches!(
            decode_admin_store(r#"{"version":0,"exam":null,"people":[],"results":[]}"#),
            Err(StorageError::Invalid { version: 0, .. })
        ));
    }

    #[test]
    fn merging_a_backup_adds_people_and_results_once() {
        let mut device = sample();
        assert_eq!(device.merge(&sample()), AdminMerge::default());
        assert_eq!(device, sample());

        let mut backup = sample();
        backup.people.push(Person {
            id: "002".into(),
            name: "李四".into(),
            unit: "法院".into(),
        });
        backup.results.push(CollectedInput {
            source: "第 1 行".into(),
            text: "XFR1.abc".into(),
        });
        backup.exam = Some(ExamDefinition::mock("E9".into(), "v".into()));
        let changes = device.merge(&backup);
        assert_eq!(changes.people_added, 1);
        assert_eq!(changes.results_added, 1);
        assert!(!changes.exam_taken);
        assert!(changes.exam_kept_out.is_some(), "the chosen exam stays");
        assert_eq!(device.exam, sample().exam);

        let mut empty = AdminStore::default();
        let changes = empty.merge(&backup);
        assert!(changes.exam_taken);
        assert_eq!(empty, backup, "into nothing, the backup as it is");
    }
}
