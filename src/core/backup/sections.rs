//! The records a backup knows how to merge: one entry per stored record, each with its codec
//! and a pure merge function. A new record (imported questions, …) plugs in by adding an
//! entry to [`SECTIONS`].

use crate::core::bank_io::{decode_imported, encode_imported, ImportedBank, IMPORTED_KEY};
use crate::core::exam::{decode_exam_store, encode_exam_store, ExamStore, EXAM_KEY};
use crate::core::storage::{decode_learner, encode_learner, StorageError, LEARNER_KEY};
use crate::core::study::LearnerState;
use crate::core::units::{decode_admin_store, encode_admin_store, AdminStore, ADMIN_KEY};

/// One kind of record a backup can merge.
pub struct SectionKind {
    /// Its localStorage key.
    pub key: &'static str,
    /// How it is named to the user (学习记录).
    pub name: &'static str,
    /// Whether a stored text reads in this record's schema (any known version).
    pub check: fn(&str) -> Result<(), StorageError>,
    /// Merges a backup's text (already checked) into the device's, if it has one.
    pub merge: fn(Option<&str>, &str) -> Merged,
}

/// The outcome of merging one record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The text to store, in the current schema version.
    pub value: String,
    /// What changes, one line each, for the preview (empty: nothing).
    pub changes: Vec<String>,
    /// The device's own text could not be read: it must be kept aside before `value` is
    /// written, and the merge started from an empty record.
    pub local_unreadable: bool,
}

/// Every record a backup knows how to merge.
pub const SECTIONS: &[SectionKind] = &[
    SectionKind {
        key: LEARNER_KEY,
        name: "学习记录",
        check: |raw| decode_learner(raw).map(drop),
        merge: |local, incoming| {
            merge_with(
                local,
                incoming,
                |raw| decode_learner(raw).map(|d| d.state),
                encode_learner,
                merge_learner,
            )
        },
    },
    SectionKind {
        key: EXAM_KEY,
        name: "考试记录",
        check: |raw| decode_exam_store(raw).map(drop),
        merge: |local, incoming| {
            merge_with(
                local,
                incoming,
                |raw| decode_exam_store(raw).map(|d| d.store),
                encode_exam_store,
                merge_exams,
            )
        },
    },
    SectionKind {
        key: ADMIN_KEY,
        name: "统计数据",
        check: |raw| decode_admin_store(raw).map(drop),
        merge: |local, incoming| {
            merge_with(
                local,
                incoming,
                |raw| decode_admin_store(raw).map(|(store, _)| store),
                encode_admin_store,
                merge_admin,
            )
        },
    },
    SectionKind {
        key: IMPORTED_KEY,
        name: "本单位题库",
        check: |raw| decode_imported(raw).map(drop),
        merge: |local, incoming| {
            merge_with(
                local,
                incoming,
                decode_imported,
                encode_imported,
                merge_imported,
            )
        },
    },
];

/// The known record stored under `key`, if any.
pub fn section(key: &str) -> Option<&'static SectionKind> {
    SECTIONS.iter().find(|kind| kind.key == key)
}

fn merge_with<T: Default>(
    local: Option<&str>,
    incoming: &str,
    decode: fn(&str) -> Result<T, StorageError>,
    encode: fn(&T) -> String,
    merge: fn(&mut T, &T) -> Vec<String>,
) -> Merged {
    let theirs = decode(incoming).unwrap_or_default();
    let (mut mine, local_unreadable) = match local.map(decode) {
        None => (T::default(), false),
        Some(Ok(mine)) => (mine, false),
        Some(Err(_)) => (T::default(), true),
    };
    let changes = merge(&mut mine, &theirs);
    Merged {
        value: encode(&mine),
        changes,
        local_unreadable,
    }
}

fn merge_learner(mine: &mut LearnerState, theirs: &LearnerState) -> Vec<String> {
    let m = mine.merge(theirs);
    lines(&[
        (m.tallies_added, "新增 {} 题的作答记录"),
        (m.tallies_replaced, "{} 题的作答记录换成备份中更完整的"),
        (m.wrong_added, "错题本新增 {} 题"),
        (m.schedule_changed, "复习计划更新 {} 题"),
        (usize::from(m.streak_changed), "连续学习天数按备份更新"),
    ])
}

fn merge_exams(mine: &mut ExamStore, theirs: &ExamStore) -> Vec<String> {
    let m = mine.merge(theirs);
    lines(&[
        (m.attempts_added, "新增 {} 次考试"),
        (m.attempts_replaced, "{} 次未交卷的考试换成备份中已交卷的"),
        (m.issued_added, "新增 {} 场发布的考试"),
    ])
}

fn merge_admin(mine: &mut AdminStore, theirs: &AdminStore) -> Vec<String> {
    let m = mine.merge(theirs);
    let mut out = lines(&[
        (usize::from(m.exam_taken), "选用备份中的考试"),
        (m.people_added, "应考名单新增 {} 人"),
        (m.results_added, "新增 {} 份成绩"),
        (
            usize::from(m.headcounts_taken),
            "采用备份中的各单位应考人数",
        ),
        (m.tables_added, "新增 {} 份成绩表"),
    ]);
    if let Some(title) = m.exam_kept_out {
        out.push(format!("本机已选另一场考试，备份中的“{title}”未选用"));
    }
    out
}

fn merge_imported(mine: &mut ImportedBank, theirs: &ImportedBank) -> Vec<String> {
    let before = mine.sets.len();
    *mine = mine.merge(theirs);
    lines(&[(mine.sets.len() - before, "新增 {} 套本单位题库")])
}

/// The lines whose count is not zero, with the count in place of `{}`.
fn lines(counts: &[(usize, &str)]) -> Vec<String> {
    counts
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, text)| text.replace("{}", &n.to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_section_has_its_own_key() {
        for kind in SECTIONS {
            assert!(kind.key.starts_with(super::super::APP_KEY_PREFIX));
            let same_key = SECTIONS.iter().filter(|k| k.key == kind.key).count();
            assert_eq!(same_key, 1, "{}", kind.key);
            assert_eq!(section(kind.key).unwrap().name, kind.name);
        }
        assert!(section("xuefa.other").is_none());
    }

    #[test]
    fn an_unreadable_device_record_is_flagged_and_the_backup_taken() {
        let learner = section(LEARNER_KEY).unwrap();
        let backup = r#"{"version":2,"progress":{"B1-0001":[2,1]}}"#;
        let merged = (learner.merge)(Some("{broken"), backup);
        assert!(merged.local_unreadable);
        let state = decode_learner(&merged.value).unwrap();
        assert!(!state.was_migrated(), "written in the current version");
        assert_eq!(state.state.progress.tally("B1-0001").answered, 2);
        assert_eq!(merged.changes, ["新增 1 题的作答记录", "错题本新增 1 题"]);
    }

    #[test]
    fn imported_question_sets_merge_by_their_content_hash() {
        use crate::core::bank_io::ImportedSet;
        let set = |id: &str| ImportedSet {
            id: id.into(),
            name: format!("题库 {id}"),
            source: "a.xlsx".into(),
            imported_at: 5,
            questions: vec![],
        };
        let device = ImportedBank {
            sets: vec![set("aaaa0001")],
        };
        let backup = ImportedBank {
            sets: vec![set("bbbb0002"), set("aaaa0001")],
        };
        let imported = section(IMPORTED_KEY).unwrap();
        let merged = (imported.merge)(Some(&encode_imported(&device)), &encode_imported(&backup));
        assert_eq!(merged.changes, ["新增 1 套本单位题库"]);
        let ids: Vec<String> = decode_imported(&merged.value)
            .unwrap()
            .sets
            .into_iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(
            ids,
            ["aaaa0001", "bbbb0002"],
            "each set once, the device's first"
        );
        let again = (imported.merge)(Some(&merged.value), &encode_imported(&backup));
        assert!(again.changes.is_empty() && again.value == merged.value);
        assert!((imported.check)(r#"{"version":1,"sets":"none"}"#).is_err());
    }
}
