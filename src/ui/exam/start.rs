//! Starting an attempt: draw the paper with a fresh seed, fix the deadline, save.

use leptos::prelude::*;

use crate::core::bank::Bank;
use crate::core::exam::{bank_version, draw, Attempt, ExamDefinition, Participant};
use crate::ui::browser::{now_ms, random_seed, random_tag};

use super::state::ExamState;

/// Starts an attempt at `exam` and returns its id, or a message saying why not.
pub fn start_attempt(
    exams: ExamState,
    bank: &Bank,
    exam: ExamDefinition,
    participant: Option<Participant>,
) -> Result<String, String> {
    let version = bank_version(bank);
    if exam.bank_version != version {
        return Err(format!(
            "本考试按题库版本 {} 出题，本机题库版本为 {version}，无法生成相同的试卷。请联系管理员重新发布考试。",
            exam.bank_version
        ));
    }
    let now = now_ms();
    let made = exams.store.with_untracked(|s| {
        let staff_id = participant.as_ref().map(|p| p.staff_id.as_str());
        s.attempts_at(&exam.id, staff_id).len()
    });
    let seed = random_seed();
    let joined = exam.joined_bank(bank);
    let paper =
        draw(&exam.blueprint, joined.as_ref().unwrap_or(bank), seed).map_err(|e| e.to_string())?;
    let id = format!("{now}-{}", random_tag());
    let attempt = Attempt::start(id.clone(), exam, participant, seed, paper, made, now)
        .map_err(|e| e.to_string())?;
    exams.change(|store| store.attempts.push(attempt));
    Ok(id)
}

/// A new mock exam with the default blueprint for this bank.
pub fn new_mock(bank: &Bank) -> ExamDefinition {
    ExamDefinition::mock(format!("mock-{}", random_tag()), bank_version(bank))
}
