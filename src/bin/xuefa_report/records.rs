//! With `--exam`: the exam definition, the bank it is graded against, and the result records
//! (files and codes) read as the 统计 page reads them, then collected by the same core.

use std::collections::BTreeMap;
use std::path::Path;

use xuefa::core::bank::{load_toml_dir, Bank};
use xuefa::core::exam::{bank_version, decode_exam_code, ExamDefinition, EXAM_PREFIX};
use xuefa::core::units::{CollectedInput, Collection, Flag};

/// Reads an exam definition: its JSON (the form the app keeps), or its `XFE2.…` (or the first
/// exams' `XFE1.…`) code or share link as text.
pub fn load_exam(path: &Path) -> Result<ExamDefinition, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let text = text.trim_start_matches('\u{feff}').trim();
    let exam = if text.starts_with('{') {
        let exam: ExamDefinition = serde_json::from_str(text)
            .map_err(|e| format!("{}: not an exam definition: {e}", path.display()))?;
        exam.validate()
            .map_err(|e| format!("{}: {e}", path.display()))?;
        exam
    } else {
        decode_exam_code(text).map_err(|e| {
            format!(
                "{}: neither exam JSON nor an {EXAM_PREFIX}… code: {e}",
                path.display()
            )
        })?
    };
    Ok(exam)
}

/// Loads the bank from a folder of TOML files (as `questions/`) or a packed `bank.json`, and
/// checks it is the version the exam was drawn from.
pub fn load_bank(path: &Path, exam: &ExamDefinition) -> Result<Bank, String> {
    let bank = if path.is_dir() {
        load_toml_dir(path)?
    } else {
        let json = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Bank::from_json(&json).map_err(|e| format!("{}: not a bank: {e}", path.display()))?
    };
    let version = bank_version(&bank);
    if version != exam.bank_version {
        return Err(format!(
            "{}: bank version {version}, but the exam was drawn from bank version {}; \
             pass the bank it was issued with (--bank)",
            path.display(),
            exam.bank_version
        ));
    }
    Ok(bank)
}

/// The records in one file: a `.json` result file is one record (as a chosen file on the 统计
/// page); any other text holds result codes, one per line (as pasted codes), blank lines
/// skipped.
pub fn record_inputs(path: &Path, bytes: &[u8]) -> Vec<CollectedInput> {
    let name = path.display().to_string();
    let text = String::from_utf8_lossy(bytes);
    if super::has_extension(path, "json") {
        return vec![CollectedInput {
            source: name,
            text: text.into_owned(),
        }];
    }
    CollectedInput::per_line(&text, &format!("{name} "))
}

/// The summary of a collection for stderr: how many records counted, were outranked by
/// another attempt of the same person, and were flagged, with the count of each reason and
/// the first flagged records.
pub fn collection_summary(collection: &Collection) -> String {
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for flagged in &collection.flagged {
        let reason = match &flagged.flag {
            Flag::Unreadable(_) => "无法读取".to_string(),
            other => other.to_string(),
        };
        *reasons.entry(reason).or_default() += 1;
    }
    let mut lines = vec![format!(
        "{} records: {} counted, {} superseded by another attempt, {} flagged",
        collection.counted.len() + collection.superseded.len() + collection.flagged.len(),
        collection.counted.len(),
        collection.superseded.len(),
        collection.flagged.len()
    )];
    lines.extend(
        reasons
            .iter()
            .map(|(reason, count)| format!("  flagged {reason}: {count}")),
    );
    const SHOWN: usize = 10;
    lines.extend(
        collection
            .flagged
            .iter()
            .take(SHOWN)
            .map(|f| format!("  {}: {}", f.source, f.flag)),
    );
    if collection.flagged.len() > SHOWN {
        lines.push(format!("  …and {} more", collection.flagged.len() - SHOWN));
    }
    let regraded = collection
        .counted
        .iter()
        .filter(|a| a.claimed_score_differs())
        .count();
    if regraded > 0 {
        lines.push(format!(
            "  {regraded} counted record(s) claimed another score than re-grading gives; the re-graded score counts"
        ));
    }
    lines.join("\n")
}
