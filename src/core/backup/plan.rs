//! What restoring a backup would do to the device's records: the writes, the copies kept
//! aside, and a preview per record — worked out before anything is written.

use std::collections::BTreeMap;

use super::{section, Backup};
use crate::core::storage::aside_key;

/// Every key the app stores starts with this.
pub const APP_KEY_PREFIX: &str = "xuefa.";

/// Whether a storage key belongs to the app (and so is backed up and cleared).
pub fn is_app_key(key: &str) -> bool {
    key.starts_with(APP_KEY_PREFIX)
}

/// What restoring changes in one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordPreview {
    /// 学习记录, or the key of a record this build does not know.
    pub name: String,
    /// One line per change; empty when nothing changes.
    pub changes: Vec<String>,
}

/// The whole restore, to show and then carry out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    /// Texts to store, by key.
    pub writes: Vec<(String, String)>,
    /// Unreadable texts of the device to copy aside first, by their new key.
    pub asides: Vec<(String, String)>,
    pub previews: Vec<RecordPreview>,
}

impl ImportPlan {
    /// Whether restoring would change nothing at all.
    pub fn changes_nothing(&self) -> bool {
        self.writes.is_empty()
    }
}

/// Plans restoring `backup` onto the device's `stored` records (key → text) at `now_ms`.
/// Known records are merged (see `sections`); a record this build does not know is restored
/// only where the device has none, and otherwise left as the device has it.
pub fn plan_import(backup: &Backup, stored: &BTreeMap<String, String>, now_ms: u64) -> ImportPlan {
    let mut plan = ImportPlan::default();
    for (key, incoming) in &backup.records {
        let local = stored.get(key);
        let (name, changes) = match section(key) {
            Some(kind) => {
                let merged = (kind.merge)(local.map(String::as_str), incoming);
                let mut changes = Vec::new();
                if merged.local_unreadable {
                    let aside = aside_key(key, now_ms);
                    changes.push(format!(
                        "本机原有的{}无法读取，将原样另存为“{aside}”",
                        kind.name
                    ));
                    plan.asides
                        .push((aside, local.cloned().unwrap_or_default()));
                }
                changes.extend(merged.changes);
                if local != Some(&merged.value) {
                    plan.writes.push((key.clone(), merged.value));
                }
                (kind.name.to_string(), changes)
            }
            None => {
                let change = match local {
                    None => {
                        plan.writes.push((key.clone(), incoming.clone()));
                        vec!["恢复此记录".to_string()]
                    }
                    Some(mine) if mine == incoming => vec![],
                    Some(_) => vec!["本机已有此记录，保留本机的".to_string()],
                };
                (key.clone(), change)
            }
        };
        plan.previews.push(RecordPreview { name, changes });
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::backup::{decode_backup, encode_backup};
    use crate::core::exam::{encode_exam_store, ExamStore, EXAM_KEY};
    use crate::core::storage::{decode_learner, encode_learner, LEARNER_KEY};
    use crate::core::study::{Day, LearnerState};

    fn day(d: u32) -> Day {
        Day::from_ymd(2024, 3, d).unwrap()
    }

    fn learner(ids: &[&str], d: u32) -> LearnerState {
        let mut state = LearnerState::default();
        for id in ids {
            state.record_answer(id, false, day(d));
        }
        state
    }

    fn device() -> BTreeMap<String, String> {
        BTreeMap::from([
            (
                LEARNER_KEY.to_string(),
                encode_learner(&learner(&["q1"], 1)),
            ),
            (
                EXAM_KEY.to_string(),
                encode_exam_store(&ExamStore::default()),
            ),
            ("xuefa.script".to_string(), "hant".to_string()),
        ])
    }

    fn backup_of(records: BTreeMap<String, String>) -> Backup {
        decode_backup(&encode_backup(&records, 5)).unwrap()
    }

    #[test]
    fn restoring_onto_an_empty_device_gives_back_the_same_records() {
        let plan = plan_import(&backup_of(device()), &BTreeMap::new(), 9);
        let written: BTreeMap<String, String> = plan.writes.into_iter().collect();
        assert_eq!(written, device());
        assert!(plan.asides.is_empty());
    }

    #[test]
    fn restoring_a_backup_twice_changes_nothing_the_second_time() {
        let mut stored = BTreeMap::new();
        stored.insert(
            LEARNER_KEY.to_string(),
            encode_learner(&learner(&["q2"], 2)),
        );
        let backup = backup_of(device());
        let first = plan_import(&backup, &stored, 9);
        assert!(!first.changes_nothing());
        stored.extend(first.writes);
        let second = plan_import(&backup, &stored, 9);
        assert!(second.changes_nothing(), "{second:?}");
        assert!(second.previews.iter().all(|p| p.changes.is_empty()));
        let merged = decode_learner(&stored[LEARNER_KEY]).unwrap().state;
        assert!(merged.wrong.contains("q1") && merged.wrong.contains("q2"));
    }

    #[test]
    fn an_older_schema_in_a_backup_restores_through_the_migrations() {
        let old = BTreeMap::from([(
            LEARNER_KEY.to_string(),
            r#"{"version":1,"progress":{"B1-0001":{"answered":3,"correct":1}}}"#.to_string(),
        )]);
        let stored = BTreeMap::from([(
            LEARNER_KEY.to_string(),
            encode_learner(&learner(&["q1"], 1)),
        )]);
        let plan = plan_import(&backup_of(old), &stored, 9);
        let (key, text) = &plan.writes[0];
        assert_eq!(key, LEARNER_KEY);
        let restored = decode_learner(text).unwrap();
        assert!(!restored.was_migrated(), "stored in the current version");
        assert_eq!(restored.state.progress.tally("B1-0001").answered, 3);
        assert!(restored.state.wrong.contains("B1-0001") && restored.state.wrong.contains("q1"));
        assert_eq!(
            plan.previews[0].changes,
            ["新增 1 题的作答记录", "错题本新增 1 题"]
        );
    }

    #[test]
    fn unknown_records_are_restored_only_where_missing_and_unreadable_ones_kept_aside() {
        let mut stored = device();
        stored.insert("xuefa.script".into(), "hans".into());
        stored.insert(LEARNER_KEY.into(), "{broken".into());
        let mut records = device();
        records.insert("xuefa.bank.imported".into(), r#"{"version":1}"#.into());
        let plan = plan_import(&backup_of(records), &stored, 77);
        let written: BTreeMap<String, String> = plan.writes.iter().cloned().collect();
        assert_eq!(
            written.get("xuefa.script"),
            None,
            "the device's own choice stays"
        );
        assert_eq!(written["xuefa.bank.imported"], r#"{"version":1}"#);
        assert_eq!(written[LEARNER_KEY], device()[LEARNER_KEY]);
        assert_eq!(
            plan.asides,
            [(
                "xuefa.learner.unreadable.77".to_string(),
                "{broken".to_string()
            )]
        );
        let kept = plan
            .previews
            .iter()
            .find(|p| p.name == "xuefa.script")
            .unwrap();
        assert_eq!(kept.changes, ["本机已有此记录，保留本机的"]);
    }

    #[test]
    fn only_the_apps_keys_count() {
        assert!(is_app_key("xuefa.learner") && is_app_key("xuefa.learner.unreadable.1"));
        assert!(!is_app_key("other.xuefa") && !is_app_key("xuefa"));
    }
}
