//! An exam: what an administrator issues (or a learner makes for themself as a mock exam):
//! title, blueprint, time limit, window, attempts, which attempt counts, lines, review rule.

use serde::{Deserialize, Serialize};

use super::{short_hash, Blueprint, MultipleRule, Score};
use crate::core::bank::{Bank, Question};
use crate::core::bank_io::{imported_set_of, Draft};

/// When an exam may be sat, in milliseconds since the Unix epoch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub opens_ms: u64,
    pub closes_ms: u64,
}

/// Where "now" lies relative to an exam's window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowState {
    NotYetOpen,
    Open,
    Closed,
}

/// When a participant may see the right answers of a finished attempt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReviewRule {
    #[default]
    AfterSubmit,
    AfterWindowCloses,
    Never,
}

/// Which attempt counts when a person sat more than once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CountRule {
    #[default]
    Highest,
    Latest,
    First,
}

/// Why an attempt cannot start now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum StartRefusal {
    #[error("考试尚未开始")]
    NotYetOpen,
    #[error("考试已经结束")]
    Closed,
    #[error("作答次数已用完（共 {0} 次）")]
    NoAttemptsLeft(u32),
}

/// An exam as issued.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamDefinition {
    /// Unique per issue, e.g. a time stamp with a random tail.
    pub id: String,
    pub title: String,
    /// Issued by an administrator (true) or a learner's own mock exam (false).
    pub official: bool,
    pub blueprint: Blueprint,
    /// The bank version the blueprint draws from (see `bank_version`).
    pub bank_version: String,
    pub minutes: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<Window>,
    /// How many attempts one person may make; 0 means no limit.
    pub attempts_allowed: u32,
    #[serde(default)]
    pub counts: CountRule,
    pub pass_line: u32,
    pub excellence_line: u32,
    #[serde(default)]
    pub review: ReviewRule,
    #[serde(default)]
    pub multiple_rule: MultipleRule,
    /// The units (单位) a participant picks from; empty for a mock exam.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    /// The questions of the imported set the blueprint's unit draw takes from, carried by
    /// the exam so that a participant's device, which does not hold the set, draws the
    /// same paper.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unit_questions: Vec<Question>,
}

/// Longest title, unit name and number of units an exam may carry.
const MAX_TITLE: usize = 100;
const MAX_UNIT: usize = 60;
const MAX_UNITS: usize = 500;

impl ExamDefinition {
    /// The learner's own default mock exam: 60 questions, 100 points, 60 minutes, lines 60/90.
    pub fn mock(id: String, bank_version: String) -> ExamDefinition {
        ExamDefinition {
            id,
            title: "模拟考试".into(),
            official: false,
            blueprint: Blueprint::mock_default(),
            bank_version,
            minutes: 60,
            window: None,
            attempts_allowed: 0,
            counts: CountRule::Highest,
            pass_line: 60,
            excellence_line: 90,
            review: ReviewRule::AfterSubmit,
            multiple_rule: MultipleRule::AllOrNothing,
            units: vec![],
            unit_questions: vec![],
        }
    }

    /// The bank this exam draws from and is graded against: the built-in bank, joined with
    /// the unit questions it carries (`None` when it carries none: use `builtin` itself).
    pub fn joined_bank(&self, builtin: &Bank) -> Option<Bank> {
        if self.unit_questions.is_empty() {
            return None;
        }
        let mut questions = builtin.questions().to_vec();
        questions.extend(self.unit_questions.iter().cloned());
        Some(Bank::new(questions, builtin.cases().to_vec()))
    }

    /// A short hash of the definition's canonical JSON, carried by every result.
    pub fn hash(&self) -> String {
        let canonical = serde_json::to_string(self).expect("a definition serialises");
        short_hash(canonical.as_bytes(), 12)
    }

    /// Where `now_ms` lies relative to the window; always open without one.
    pub fn window_state(&self, now_ms: u64) -> WindowState {
        match self.window {
            Some(w) if now_ms < w.opens_ms => WindowState::NotYetOpen,
            Some(w) if now_ms >= w.closes_ms => WindowState::Closed,
            _ => WindowState::Open,
        }
    }

    /// Whether a new attempt may start now, given how many this person has made.
    pub fn may_start(&self, attempts_made: usize, now_ms: u64) -> Result<(), StartRefusal> {
        match self.window_state(now_ms) {
            WindowState::NotYetOpen => return Err(StartRefusal::NotYetOpen),
            WindowState::Closed => return Err(StartRefusal::Closed),
            WindowState::Open => {}
        }
        let allowed = self.attempts_allowed;
        if allowed > 0 && attempts_made >= allowed as usize {
            return Err(StartRefusal::NoAttemptsLeft(allowed));
        }
        Ok(())
    }

    /// The deadline of an attempt started at `started_ms`: the time limit, cut short by the
    /// window's close.
    pub fn deadline(&self, started_ms: u64) -> u64 {
        let limit = started_ms.saturating_add(u64::from(self.minutes) * 60_000);
        self.window.map_or(limit, |w| limit.min(w.closes_ms))
    }

    /// Whether the right answers of a finished attempt may be shown now.
    pub fn review_open(&self, now_ms: u64) -> bool {
        match self.review {
            ReviewRule::AfterSubmit => true,
            ReviewRule::AfterWindowCloses => self.window_state(now_ms) == WindowState::Closed,
            ReviewRule::Never => false,
        }
    }

    /// Checks an exam read from a link or made on the issue screen; the error is in Chinese.
    pub fn validate(&self) -> Result<(), String> {
        self.blueprint.validate()?;
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            return Err(format!("考试名称须为 1 到 {MAX_TITLE} 个字"));
        }
        if self.id.is_empty() || self.id.len() > 40 {
            return Err("考试编号无效".into());
        }
        if !(1..=600).contains(&self.minutes) {
            return Err("考试时长须为 1 到 600 分钟".into());
        }
        if let Some(w) = self.window {
            if w.closes_ms <= w.opens_ms {
                return Err("结束时间须晚于开始时间".into());
            }
        }
        let total = self.blueprint.total_points();
        if self.pass_line > total || self.excellence_line > total {
            return Err(format!("及格线和优秀线不能超过总分 {total}"));
        }
        if self.excellence_line < self.pass_line {
            return Err("优秀线不能低于及格线".into());
        }
        if self.units.len() > MAX_UNITS {
            return Err(format!("单位最多 {MAX_UNITS} 个"));
        }
        if self
            .units
            .iter()
            .any(|u| u.trim().is_empty() || u.chars().count() > MAX_UNIT)
        {
            return Err(format!("单位名称须为 1 到 {MAX_UNIT} 个字"));
        }
        if self.official && self.units.is_empty() {
            return Err("正式考试至少要列出一个单位".into());
        }
        let carried = |set: &str| {
            self.unit_questions
                .iter()
                .filter(|q| imported_set_of(&q.id) == Some(set))
                .count()
        };
        match &self.blueprint.unit {
            Some(unit) if carried(&unit.set) != self.unit_questions.len() => {
                return Err("考试所带的本单位题目不属于所选题库".into())
            }
            Some(unit) if carried(&unit.set) < usize::from(unit.count) => {
                return Err(format!(
                    "本单位题库只有 {} 道题，试卷需要 {} 道",
                    carried(&unit.set),
                    unit.count
                ))
            }
            None if !self.unit_questions.is_empty() => {
                return Err("考试带有本单位题目，但试卷不抽取它们".into())
            }
            _ => {}
        }
        if self
            .unit_questions
            .iter()
            .any(|q| !Draft::of(q).problems().is_empty())
        {
            return Err("考试所带的本单位题目有误".into());
        }
        Ok(())
    }
}

/// Which of a person's finished attempts counts under the rule: attempts are given as
/// (score, submitted at), in any order; returns the index of the one that counts.
pub fn counted_attempt(rule: CountRule, attempts: &[(Score, u64)]) -> Option<usize> {
    let indexed = attempts.iter().enumerate();
    match rule {
        // The highest score; among equal scores the earliest.
        CountRule::Highest => indexed
            .max_by(|(_, a), (_, b)| a.0.cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|(i, _)| i),
        CountRule::Latest => indexed.max_by_key(|(_, a)| a.1).map(|(i, _)| i),
        CountRule::First => indexed.min_by_key(|(_, a)| a.1).map(|(i, _)| i),
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn official() -> ExamDefinition {
        let mut exam = ExamDefinition::mock("E20240601-ab12".into(), "0123456789ab".into());
        exam.title = "2024 年度民法典知识考试".into();
        exam.official = true;
        exam.minutes = 30;
        exam.window = Some(Window {
            opens_ms: 1_000_000,
            closes_ms: 5_000_000,
        });
        exam.attempts_allowed = 2;
        exam.units = vec!["县司法局".into(), "城关镇人民政府".into()];
        exam
    }

    #[test]
    fn the_window_decides_whether_to_start() {
        let exam = official();
        assert_eq!(exam.window_state(999_999), WindowState::NotYetOpen);
        assert_eq!(exam.window_state(1_000_000), WindowState::Open);
        assert_eq!(exam.window_state(4_999_999), WindowState::Open);
        assert_eq!(exam.window_state(5_000_000), WindowState::Closed);
        assert_eq!(exam.may_start(0, 500), Err(StartRefusal::NotYetOpen));
        assert_eq!(exam.may_start(0, 6_000_000), Err(StartRefusal::Closed));
        assert_eq!(exam.may_start(1, 2_000_000), Ok(()));
        assert_eq!(
            exam.may_start(2, 2_000_000),
            Err(StartRefusal::NoAttemptsLeft(2))
        );
        let mock = ExamDefinition::mock("m".into(), "v".into());
        assert_eq!(mock.window_state(0), WindowState::Open);
        assert_eq!(
            mock.may_start(1000, 0),
            Ok(()),
            "mock exams have no attempt limit"
        );
    }

    #[test]
    fn the_deadline_is_the_limit_cut_short_by_the_window() {
        let exam = official();
        assert_eq!(exam.deadline(1_000_000), 1_000_000 + 30 * 60_000);
        assert_eq!(
            exam.deadline(4_000_000),
            5_000_000,
            "the window closes first"
        );
        let mock = ExamDefinition::mock("m".into(), "v".into());
        assert_eq!(mock.deadline(10), 10 + 3_600_000);
    }

    #[test]
    fn review_follows_the_exam_rule() {
        let mut exam = official();
        assert!(exam.review_open(2_000_000));
        exam.review = ReviewRule::AfterWindowCloses;
        assert!(!exam.review_open(2_000_000));
        assert!(exam.review_open(5_000_000));
        exam.review = ReviewRule::Never;
        assert!(!exam.review_open(9_000_000));
    }

    #[test]
    fn which_attempt_counts() {
        let attempts = [
            (Score(100), 30),
            (Score(150), 10),
            (Score(150), 20),
            (Score(90), 40),
        ];
        assert_eq!(counted_attempt(CountRule::Highest, &attempts), Some(1));
        assert_eq!(counted_attempt(CountRule::Latest, &attempts), Some(3));
        assert_eq!(counted_attempt(CountRule::First, &attempts), Some(1));
        assert_eq!(counted_attempt(CountRule::Highest, &[]), None);
    }

    #[test]
    fn definitions_are_validated_and_hashed() {
        let exam = official();
        assert_eq!(exam.validate(), Ok(()));
        assert_eq!(exam.hash().len(), 12);
        let mut other = exam.clone();
        other.pass_line = 70;
        assert_ne!(other.hash(), exam.hash());
        other.pass_line = 101;
        assert!(other.validate().is_err());
        let mut no_units = exam.clone();
        no_units.units.clear();
        assert!(no_units.validate().is_err());
        let mut lines = exam.clone();
        lines.excellence_line = 50;
        assert!(lines.validate().is_err());
        let mut window = exam.clone();
        window.window = Some(Window {
            opens_ms: 5,
            closes_ms: 5,
        });
        assert!(window.validate().is_err());
        let mut long = exam;
        long.minutes = 0;
        assert!(long.validate().is_err());
    }
}
