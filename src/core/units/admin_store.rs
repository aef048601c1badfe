//! The versioned schema of the statistics page's data in the browser (the chosen exam, the
//! accepted roster and the collected result texts), under its own key apart from the
//! learner's and the exam records (in IndexedDB from version 2 on, as it outgrows
//! localStorage). Rosters and results are kept as imported, so every figure is recomputed
//! (and every record re-checked) after a reload.
//!
//! Versions:
//! - 1: `{"version":1,"exam":{…}|null,"people":[…],"results":[…]}` (localStorage).
//! - 2: adds `"headcounts":[["单位",应考人数],…]`, the roster of units when names are not
//!   collected (empty: the roster names people, or there is none), and `"tables":[…]`, result
//!   tables (个人成绩) other administrators exported, each kept as CSV text.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::{CollectedInput, Person, Roster};
use crate::core::exam::ExamDefinition;
use crate::core::storage::{decode_versioned, StorageError};

/// The key of the statistics data (in localStorage up to version 1, in IndexedDB since).
pub const ADMIN_KEY: &str = "xuefa.admin";

/// The schema version this build writes.
pub const ADMIN_SCHEMA_VERSION: u64 = 2;

/// What the statistics page keeps between visits.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminStore {
    pub exam: Option<ExamDefinition>,
    /// The accepted roster's people, in roster order (empty: no roster yet).
    pub people: Vec<Person>,
    /// The accepted head-count roster (单位, 应考人数), when names are not collected.
    pub headcounts: Vec<(String, usize)>,
    /// The result files and codes as collected.
    pub results: Vec<CollectedInput>,
    /// Result tables from other administrators: the file name and the rows as CSV text
    /// (see `results_csv`).
    pub tables: Vec<CollectedInput>,
}

impl AdminStore {
    /// The stored roster, if one was accepted.
    pub fn roster(&self) -> Option<Roster> {
        if !self.people.is_empty() {
            Some(Roster::of_people(self.people.clone()))
        } else if !self.headcounts.is_empty() {
            Some(Roster::of_headcounts(self.headcounts.clone()))
        } else {
            None
        }
    }

    /// Keeps `roster` as the accepted one (named people or head counts).
    pub fn set_roster(&mut self, roster: Option<&Roster>) {
        self.people = roster.map(|r| r.people().to_vec()).unwrap_or_default();
        self.headcounts = match roster {
            Some(r) if !r.is_named() => r.units(),
            _ => Vec::new(),
        };
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
    /// The backup's head-count roster was taken (there was no roster here).
    pub headcounts_taken: bool,
    /// Results tables (by their text) only in the backup.
    pub tables_added: usize,
}

impl AdminStore {
    /// Merges a backup: the chosen exam stays as here (the backup's is taken when none is
    /// chosen); roster people are added by 工号, result texts and results tables by their text,
    /// each once; the backup's head-count roster is taken only when there is no roster here.
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
        if self.people.is_empty() && self.headcounts.is_empty() && !other.headcounts.is_empty() {
            self.headcounts = other.headcounts.clone();
            changes.headcounts_taken = true;
        }
        for result in &other.results {
            if !self.results.iter().any(|mine| mine.text == result.text) {
                self.results.push(result.clone());
                changes.results_added += 1;
            }
        }
        for table in &other.tables {
            if !self.tables.iter().any(|mine| mine.text == table.text) {
                self.tables.push(table.clone());
                changes.tables_added += 1;
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

/// Reads stored statistics data of any known version, migrating it to the current one;
/// `true` when it was migrated (and so should be written back).
pub fn decode_admin_store(raw: &str) -> Result<(AdminStore, bool), StorageError> {
    decode_versioned(raw, ADMIN_SCHEMA_VERSION, migrate)
        .map(|(store, version)| (store, version < ADMIN_SCHEMA_VERSION))
}

/// One migration step, from `version` to `version + 1`.
fn migrate(version: u64, mut value: Value) -> Result<Value, String> {
    match version {
        1 => {
            let record = value.as_object_mut().ok_or("不是对象")?;
            record.insert("headcounts".into(), json!([]));
            record.insert("tables".into(), json!([]));
            Ok(value)
        }
        _ => Err(format!("没有从版本 {version} 升级的方法")),
    }
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
            headcounts: Vec::new(),
            results: vec![CollectedInput {
                source: "a.json".into(),
                text: "{}".into(),
            }],
            tables: vec![CollectedInput {
                source: "乡镇汇总.xlsx".into(),
                text: "工号,姓名,单位,得分,交卷时间\n001,张三,司法局,90,\n".into(),
            }],
        }
    }

    #[test]
    fn the_current_version_round_trips() {
        let raw = encode_admin_store(&sample());
        assert!(raw.contains(r#""version":2"#));
        assert_eq!(decode_admin_store(&raw), Ok((sample(), false)));
        assert_eq!(sample().roster().unwrap().people().len(), 1);
        assert_eq!(AdminStore::default().roster(), None);
    }

    #[test]
    fn version_1_gains_an_empty_head_count_roster() {
        let v1 = r#"{"version":1,"exam":null,"people":[{"id":"001","name":"张三","unit":"司法局"}],"results":[]}"#;
        let (store, migrated) = decode_admin_store(v1).unwrap();
        assert!(migrated);
        assert!(store.headcounts.is_empty() && store.tables.is_empty());
        assert_eq!(store.roster().unwrap().person("001").unwrap().name, "张三");
    }

    #[test]
    fn head_count_rosters_are_kept() {
        let roster = Roster::of_headcounts(vec![("城关镇".into(), 120), ("教育局".into(), 0)]);
        let mut store = AdminStore::default();
        store.set_roster(Some(&roster));
        let (back, _) = decode_admin_store(&encode_admin_store(&store)).unwrap();
        assert_eq!(back.roster(), Some(roster));
        store.set_roster(None);
        assert_eq!(store.roster(), None);
    }

    #[test]
    fn merging_a_backup_takes_its_head_counts_and_tables_once() {
        let table = CollectedInput {
            source: "towns.csv".into(),
            text: "工号,姓名,单位,得分,交卷时间\nT01,张三,财政局,95,2026-11-20 09:30:00\n".into(),
        };
        let backup = AdminStore {
            headcounts: vec![("财政局".into(), 10)],
            tables: vec![table.clone()],
            ..AdminStore::default()
        };
        let mut empty = AdminStore::default();
        let changes = empty.merge(&backup);
        assert!(changes.headcounts_taken);
        assert_eq!(changes.tables_added, 1);
        assert_eq!(empty.merge(&backup), AdminMerge::default(), "nothing twice");
        assert_eq!(empty.tables, vec![table]);

        let mut named = sample();
        let changes = named.merge(&backup);
        assert!(!changes.headcounts_taken, "a named roster here stays");
        assert!(named.headcounts.is_empty());
    }

    #[test]
    fn unreadable_values_are_errors_not_defaults() {
        assert!(matches!(
            decode_admin_store("{"),
            Err(StorageError::NotJson(_))
        ));
        assert_eq!(
            decode_admin_store(r#"{"version":3,"exam":null,"people":[],"results":[]}"#),
            Err(StorageError::FromTheFuture(3))
        );
        assert!(matches!(
            decode_admin_store(
                r#"{"version":2,"exam":null,"people":"many","headcounts":[],"results":[]}"#
            ),
            Err(StorageError::Invalid { version: 2, .. })
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
