//! One person's attempt at a paper: a deadline fixed at start, answers and flags saved as
//! they change, and submission by the participant or at the deadline.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::{grade, ExamDefinition, Grade, GradeError, Paper, Participant, StartRefusal};
use crate::core::bank::{Answer, Bank};

/// How an attempt ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubmittedHow {
    /// The participant handed it in.
    ByParticipant,
    /// The deadline passed; it was handed in with what was saved.
    AtDeadline,
}

/// When and how an attempt was handed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Submission {
    pub at_ms: u64,
    pub how: SubmittedHow,
}

/// An answer or flag arrived after the attempt had ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("本次考试已结束，答案不能再更改")]
pub struct AttemptClosed;

/// One attempt, as stored after every change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    pub id: String,
    /// A copy of the exam, so the attempt stands on its own.
    pub exam: ExamDefinition,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub participant: Option<Participant>,
    pub seed: u64,
    pub paper: Paper,
    pub started_ms: u64,
    /// Fixed at start; remaining time is always computed from it.
    pub deadline_ms: u64,
    /// By question id, in the bank's option terms.
    pub answers: BTreeMap<String, Answer>,
    pub flags: BTreeSet<String>,
    /// The position on the paper the participant was looking at.
    pub current: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Submission>,
    /// Whether its answers have been handed to study (the 错题本 and the review schedule).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub fed_to_study: bool,
}

impl Attempt {
    /// Starts an attempt now, if the exam allows one more.
    #[allow(clippy::too_many_arguments)]
    pub fn start(
        id: String,
        exam: ExamDefinition,
        participant: Option<Participant>,
        seed: u64,
        paper: Paper,
        attempts_made: usize,
        now_ms: u64,
    ) -> Result<Attempt, StartRefusal> {
        exam.may_start(attempts_made, now_ms)?;
        Ok(Attempt {
            id,
            deadline_ms: exam.deadline(now_ms),
            exam,
            participant,
            seed,
            paper,
            started_ms: now_ms,
            answers: BTreeMap::new(),
            flags: BTreeSet::new(),
            current: 0,
            submitted: None,
            fed_to_study: false,
        })
    }

    /// Milliseconds left before the deadline (0 once it has passed).
    pub fn remaining_ms(&self, now_ms: u64) -> u64 {
        self.deadline_ms.saturating_sub(now_ms)
    }

    /// Whether the deadline has passed.
    pub fn is_expired(&self, now_ms: u64) -> bool {
        now_ms >= self.deadline_ms
    }

    /// Whether answers may still change.
    pub fn is_open(&self, now_ms: u64) -> bool {
        self.submitted.is_none() && !self.is_expired(now_ms)
    }

    /// Sets (or with `None` clears) the answer to a question.
    pub fn set_answer(
        &mut self,
        question: &str,
        answer: Option<Answer>,
        now_ms: u64,
    ) -> Result<(), AttemptClosed> {
        if !self.is_open(now_ms) {
            return Err(AttemptClosed);
        }
        match answer {
            Some(answer) => self.answers.insert(question.to_string(), answer),
            None => self.answers.remove(question),
        };
        Ok(())
    }

    /// Flags a question for review, or removes the flag.
    pub fn toggle_flag(&mut self, question: &str, now_ms: u64) -> Result<(), AttemptClosed> {
        if !self.is_open(now_ms) {
            return Err(AttemptClosed);
        }
        if !self.flags.remove(question) {
            self.flags.insert(question.to_string());
        }
        Ok(())
    }

    /// Hands the attempt in; after the deadline it counts as handed in at the deadline.
    /// Does nothing if it was already handed in.
    pub fn submit(&mut self, now_ms: u64) {
        if self.submitted.is_some() {
            return;
        }
        self.submitted = Some(if self.is_expired(now_ms) {
            Submission {
                at_ms: self.deadline_ms,
                how: SubmittedHow::AtDeadline,
            }
        } else {
            Submission {
                at_ms: now_ms,
                how: SubmittedHow::ByParticipant,
            }
        });
    }

    /// Submits an attempt whose deadline has passed (e.g. when it is reopened late);
    /// returns whether it did.
    pub fn settle(&mut self, now_ms: u64) -> bool {
        let due = self.submitted.is_none() && self.is_expired(now_ms);
        if due {
            self.submit(now_ms);
        }
        due
    }

    /// Milliseconds from start to hand-in (or to now, while running).
    pub fn time_used_ms(&self, now_ms: u64) -> u64 {
        let end = self
            .submitted
            .map_or(now_ms.min(self.deadline_ms), |s| s.at_ms);
        end.saturating_sub(self.started_ms)
    }

    /// Grades the attempt against the built-in bank (joined with the unit questions its exam
    /// carries) with its exam's rules and lines.
    pub fn grade(&self, bank: &Bank) -> Result<Grade, GradeError> {
        let joined = self.exam.joined_bank(bank);
        grade(
            &self.paper,
            joined.as_ref().unwrap_or(bank),
            &self.exam.blueprint,
            &self.answers,
            self.exam.multiple_rule,
            (self.exam.pass_line, self.exam.excellence_line),
        )
    }

    /// Paper positions (0-based) without an answer.
    pub fn unanswered(&self) -> Vec<usize> {
        self.positions(|id| !self.answers.contains_key(id))
    }

    /// Paper positions (0-based) flagged for review.
    pub fn flagged(&self) -> Vec<usize> {
        self.positions(|id| self.flags.contains(id))
    }

    fn positions(&self, keep: impl Fn(&str) -> bool) -> Vec<usize> {
        let items = self.paper.items.iter().enumerate();
        items
            .filter(|(_, i)| keep(&i.question))
            .map(|(p, _)| p)
            .collect()
    }
}

/// "mm:ss", or "h:mm:ss" from an hour up, for a count of milliseconds (rounded up to the second).
pub fn clock(ms: u64) -> String {
    let seconds = ms.div_ceil(1000);
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m:02}:{s:02}")
    }
}

/// The whole minutes left, rounded up, as the exam screen announces them to screen readers:
/// the number changes once a minute, so the announcement is made at minute marks only.
pub fn minutes_left(remaining_ms: u64) -> u64 {
    remaining_ms.div_ceil(60_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_left_change_only_at_minute_marks() {
        assert_eq!(minutes_left(60 * 60_000), 60);
        assert_eq!(
            minutes_left(59 * 60_000 + 1),
            60,
            "the next mark is not reached yet"
        );
        assert_eq!(minutes_left(59 * 60_000), 59);
        assert_eq!(minutes_left(1), 1);
        assert_eq!(minutes_left(0), 0);
        let said: std::collections::BTreeSet<u64> =
            (0..=120).map(|s| minutes_left(s * 1000)).collect();
        assert_eq!(said.len(), 3, "two minutes of ticks say 0, 1 and 2 only");
    }
    use crate::core::exam::definition::tests::official;
    use crate::core::exam::{PaperItem, StartRefusal};

    fn paper() -> Paper {
        Paper {
            items: ["Q1", "Q2", "Q3"]
                .map(|q| PaperItem {
                    question: q.into(),
                    order: vec![],
                })
                .to_vec(),
        }
    }

    fn started(at: u64) -> Attempt {
        Attempt::start("a1".into(), official(), None, 9, paper(), 0, at).unwrap()
    }

    #[test]
    fn the_deadline_is_fixed_at_start_and_time_counts_down_from_it() {
        let attempt = started(2_000_000);
        assert_eq!(attempt.deadline_ms, 2_000_000 + 30 * 60_000);
        assert_eq!(attempt.remaining_ms(2_000_000), 1_800_000);
        assert_eq!(
            attempt.remaining_ms(2_600_000),
            1_200_000,
            "a sleeping tab gains nothing"
        );
        assert!(!attempt.is_expired(3_799_999));
        assert!(attempt.is_expired(3_800_000));
        assert_eq!(attempt.remaining_ms(9_000_000), 0);
        assert_eq!(attempt.time_used_ms(2_060_000), 60_000);
        assert_eq!(clock(1_800_000), "30:00");
        assert_eq!(clock(59_001), "01:00");
        assert_eq!(clock(3_600_000), "1:00:00");
    }

    #[test]
    fn attempts_cannot_start_outside_the_window_or_beyond_the_limit() {
        let start = |made, at| Attempt::start("a".into(), official(), None, 1, paper(), made, at);
        assert_eq!(start(0, 10).unwrap_err(), StartRefusal::NotYetOpen);
        assert_eq!(start(0, 5_000_000).unwrap_err(), StartRefusal::Closed);
        assert_eq!(
            start(2, 2_000_000).unwrap_err(),
            StartRefusal::NoAttemptsLeft(2)
        );
        assert_eq!(start(0, 4_500_000).unwrap().deadline_ms, 5_000_000);
    }

    #[test]
    fn answers_and_flags_change_until_the_deadline_only() {
        let mut attempt = started(2_000_000);
        let a = Some(Answer::Choices(vec![1]));
        attempt.set_answer("Q1", a.clone(), 2_000_100).unwrap();
        attempt
            .set_answer("Q2", Some(Answer::Verdict(true)), 2_000_200)
            .unwrap();
        attempt.set_answer("Q2", None, 2_000_300).unwrap();
        attempt.toggle_flag("Q3", 2_000_400).unwrap();
        attempt.toggle_flag("Q1", 2_000_400).unwrap();
        attempt.toggle_flag("Q1", 2_000_500).unwrap();
        assert_eq!(attempt.unanswered(), [1, 2]);
        assert_eq!(attempt.flagged(), [2]);
        assert_eq!(
            attempt.set_answer("Q2", a.clone(), 3_800_000),
            Err(AttemptClosed)
        );
        assert_eq!(attempt.toggle_flag("Q2", 3_800_000), Err(AttemptClosed));
        assert_eq!(attempt.answers.get("Q1"), a.as_ref());
    }

    #[test]
    fn reopening_after_the_deadline_submits_what_was_saved() {
        let mut attempt = started(2_000_000);
        attempt
            .set_answer("Q1", Some(Answer::Verdict(false)), 2_000_100)
            .unwrap();
        assert!(
            !attempt.settle(3_000_000),
            "nothing to do before the deadline"
        );
        assert!(attempt.settle(9_000_000));
        assert_eq!(
            attempt.submitted,
            Some(Submission {
                at_ms: 3_800_000,
                how: SubmittedHow::AtDeadline
            })
        );
        assert_eq!(attempt.time_used_ms(9_999_999), 1_800_000);
        assert_eq!(attempt.answers.len(), 1);
        assert!(!attempt.settle(9_500_000), "settles once");
    }

    #[test]
    fn a_participant_submits_once() {
        let mut attempt = started(2_000_000);
        attempt.submit(2_500_000);
        attempt.submit(2_600_000);
        assert_eq!(
            attempt.submitted,
            Some(Submission {
                at_ms: 2_500_000,
                how: SubmittedHow::ByParticipant
            })
        );
        assert!(!attempt.is_open(2_500_001));
        assert_eq!(
            attempt.set_answer("Q1", None, 2_500_001),
            Err(AttemptClosed)
        );
    }
}
