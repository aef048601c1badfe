//! The unit's own question sets (本单位题库), imported from files and kept apart from the
//! built-in bank under their own localStorage key. A set's id is a hash of its questions, so
//! its question ids (`U<set>-0001`) can never collide with built-in ids (`B1-0001`), the same
//! file imported twice is recognised, and two devices' records merge without duplicates.
//!
//! Versions:
//! - 1: `{"version":1,"sets":[{"id","name","source","imported_at","questions":[…]}]}`.

use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::core::bank::{Bank, Question};
use crate::core::exam::short_hash;
use crate::core::storage::{decode_versioned, StorageError};

use super::Draft;

/// The localStorage key of the imported sets.
pub const IMPORTED_KEY: &str = "xuefa.imported";

/// The schema version this build writes.
pub const IMPORTED_SCHEMA_VERSION: u64 = 1;

/// One imported set of questions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportedSet {
    /// 8 hex digits of the hash of the questions' content.
    pub id: String,
    /// The name the user gave (defaults to the file name).
    pub name: String,
    /// The file it came from.
    pub source: String,
    /// When it was imported (ms since the epoch).
    pub imported_at: u64,
    /// The questions, with ids `U<id>-0001`, … in file order.
    pub questions: Vec<Question>,
}

/// Every imported set, in the order imported.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportedBank {
    pub sets: Vec<ImportedSet>,
}

/// The prefix of every imported question id.
const PREFIX: char = 'U';

impl ImportedSet {
    /// A set of these questions, named, with ids derived from their content.
    pub fn new(name: &str, source: &str, drafts: Vec<Draft>, now_ms: u64) -> ImportedSet {
        let blank: Vec<Question> = drafts
            .iter()
            .map(|d| d.clone().into_question(String::new()))
            .collect();
        let content = serde_json::to_string(&blank).expect("questions serialise");
        let id = short_hash(content.as_bytes(), 8);
        let questions = drafts
            .into_iter()
            .enumerate()
            .map(|(i, d)| d.into_question(format!("{PREFIX}{id}-{:04}", i + 1)))
            .collect();
        ImportedSet {
            id,
            name: name.trim().to_string(),
            source: source.to_string(),
            imported_at: now_ms,
            questions,
        }
    }
}

/// Whether a question id belongs to an imported set (and which): `U1a2b3c4d-0001`.
pub fn imported_set_of(question_id: &str) -> Option<&str> {
    let rest = question_id.strip_prefix(PREFIX)?;
    rest.split_once('-').map(|(set, _)| set)
}

impl ImportedBank {
    /// Adds a set; refuses one whose questions are already stored (the name of the set that
    /// holds them is the error).
    pub fn add(&mut self, set: ImportedSet) -> Result<(), String> {
        if let Some(existing) = self.set(&set.id) {
            return Err(existing.name.clone());
        }
        self.sets.push(set);
        Ok(())
    }

    /// Removes a set; returns whether it was there.
    pub fn remove(&mut self, set_id: &str) -> bool {
        let before = self.sets.len();
        self.sets.retain(|s| s.id != set_id);
        self.sets.len() != before
    }

    /// The set with this id.
    pub fn set(&self, set_id: &str) -> Option<&ImportedSet> {
        self.sets.iter().find(|s| s.id == set_id)
    }

    /// The set an imported question belongs to.
    pub fn set_of_question(&self, question_id: &str) -> Option<&ImportedSet> {
        imported_set_of(question_id).and_then(|id| self.set(id))
    }

    /// Every imported question, set by set.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.sets.iter().flat_map(|s| &s.questions)
    }

    /// The union of two records (e.g. this device's and a backup's): every set of `self`,
    /// then the sets of `other` not already there. Sets are known by their content hash, so
    /// nothing is duplicated.
    pub fn merge(&self, other: &ImportedBank) -> ImportedBank {
        let mut merged = self.clone();
        for set in &other.sets {
            let _ = merged.add(set.clone());
        }
        merged
    }

    /// The built-in bank with the imported questions after its own, for study and browsing.
    /// (Exams draw from the built-in bank alone, so a paper stays the same on every device.)
    pub fn joined_with(&self, builtin: &Bank) -> Bank {
        let mut questions = builtin.questions().to_vec();
        questions.extend(self.questions().cloned());
        Bank::new(questions, builtin.cases().to_vec())
    }
}

/// Serialises the imported sets in the current schema version.
pub fn encode_imported(bank: &ImportedBank) -> String {
    let mut value = serde_json::to_value(bank).expect("imported sets serialise");
    value["version"] = json!(IMPORTED_SCHEMA_VERSION);
    value.to_string()
}

/// Reads stored imported sets of any known version, migrating them to the current one.
pub fn decode_imported(raw: &str) -> Result<ImportedBank, StorageError> {
    decode_versioned(raw, IMPORTED_SCHEMA_VERSION, migrate).map(|(bank, _)| bank)
}

/// One migration step, from `version` to `version + 1`. Version 1 is the first.
fn migrate(version: u64, _value: Value) -> Result<Value, String> {
    Err(format!("没有从版本 {version} 升级的方法"))
}
