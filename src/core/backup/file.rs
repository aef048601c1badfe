//! The backup file: `{"format":"xuefa-backup","version":1,"created_ms":…,"records":{key: text}}`,
//! where each record is the stored text of one `xuefa.*` key, with its own schema version.
//!
//! Versions of the file:
//! - 1: the layout above.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use super::sections::section;
use crate::core::storage::{decode_versioned, StorageError};

/// What the `format` field of every backup file says.
pub const BACKUP_FORMAT: &str = "xuefa-backup";

/// The version of the backup file this build writes.
pub const BACKUP_VERSION: u64 = 1;

/// A backup: every record as it was stored, by key, and when it was made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Backup {
    pub created_ms: u64,
    pub records: BTreeMap<String, String>,
}

/// Why a file cannot be restored; nothing is changed then.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum BackupError {
    #[error("这不是学法的备份文件（无法按 JSON 读取）")]
    NotJson,
    #[error("这不是学法的备份文件")]
    Foreign,
    #[error("备份文件已损坏：{0}")]
    Broken(StorageError),
    #[error("备份中的{name}已损坏（{error}），整个文件未导入")]
    BrokenRecord { name: String, error: StorageError },
    #[error("备份中有不属于学法的记录“{0}”")]
    ForeignRecord(String),
}

/// Writes a backup file of the given records (one line of JSON).
pub fn encode_backup(records: &BTreeMap<String, String>, created_ms: u64) -> String {
    let value = json!({
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "created_ms": created_ms,
        "records": records,
    });
    serde_json::to_string(&value).expect("a backup serialises")
}

/// Reads a backup file of any known version. Every known record in it must read in its own
/// schema (any known version of it); otherwise the whole file is refused.
pub fn decode_backup(text: &str) -> Result<Backup, BackupError> {
    let value: Value = serde_json::from_str(text).map_err(|_| BackupError::NotJson)?;
    if value.get("format").and_then(Value::as_str) != Some(BACKUP_FORMAT) {
        return Err(BackupError::Foreign);
    }
    let (backup, _): (Backup, u64) =
        decode_versioned(text, BACKUP_VERSION, migrate).map_err(BackupError::Broken)?;
    for (key, raw) in &backup.records {
        if !super::is_app_key(key) {
            return Err(BackupError::ForeignRecord(key.clone()));
        }
        if let Some(kind) = section(key) {
            (kind.check)(raw).map_err(|error| BackupError::BrokenRecord {
                name: kind.name.to_string(),
                error,
            })?;
        }
    }
    Ok(backup)
}

/// One migration step of the file, from `version` to `version + 1`. Version 1 is the first.
fn migrate(version: u64, _value: Value) -> Result<Value, String> {
    Err(format!("没有从版本 {version} 升级的方法"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records() -> BTreeMap<String, String> {
        BTreeMap::from([
            (
                "xuefa.learner".to_string(),
                r#"{"version":2,"progress":{"B1-0001":[2,1]}}"#.to_string(),
            ),
            ("xuefa.script".to_string(), "hant".to_string()),
        ])
    }

    #[test]
    fn a_backup_round_trips_its_records_exactly() {
        let text = encode_backup(&records(), 1_700_000);
        assert!(text.contains(r#""format":"xuefa-backup""#), "{text}");
        let backup = decode_backup(&text).unwrap();
        assert_eq!(backup.records, records());
        assert_eq!(backup.created_ms, 1_700_000);
    }

    #[test]
    fn foreign_or_broken_files_are_refused_with_a_reason() {
        assert_eq!(decode_backup("PK\u{3}\u{4}…"), Err(BackupError::NotJson));
        assert_eq!(
            decode_backup(r#"{"version":1,"records":{}}"#),
            Err(BackupError::Foreign)
        );
        assert_eq!(
            decode_backup(r#"{"format":"xuefa-backup","version":7,"created_ms":0,"records":{}}"#),
            Err(BackupError::Broken(StorageError::FromTheFuture(7)))
        );
        assert!(matches!(
            decode_backup(r#"{"format":"xuefa-backup","version":1,"records":[]}"#),
            Err(BackupError::Broken(StorageError::Invalid { .. }))
        ));
        let mut foreign = records();
        foreign.insert("other.app".into(), "{}".into());
        assert_eq!(
            decode_backup(&encode_backup(&foreign, 0)),
            Err(BackupError::ForeignRecord("other.app".into()))
        );
        let mut broken = records();
        broken.insert(
            "xuefa.exams".into(),
            r#"{"version":1,"attempts":"x"}"#.into(),
        );
        let error = decode_backup(&encode_backup(&broken, 0)).unwrap_err();
        assert!(matches!(&error, BackupError::BrokenRecord { name, .. } if name == "考试记录"));
        assert!(error.to_string().contains("整个文件未导入"), "{error}");
    }
}
