//! A blueprint: the rules that draw a paper (how many questions of each kind, from which
//! Books and difficulties, points each, whether option order is shuffled).

use serde::{Deserialize, Serialize};

use crate::core::bank::{Question, QuestionKind};
use crate::core::bank_io::imported_set_of;
use crate::core::law::Book;

/// How many questions of one kind a paper has, and the points each is worth.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub kind: QuestionKind,
    pub count: u16,
    pub points: u16,
}

/// Questions drawn from one of the unit's imported sets (本单位题库), in addition to the
/// sections, whatever their kind; the exam carries that set's questions (see
/// `ExamDefinition::unit_questions`), so every device draws the same paper.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitDraw {
    /// The imported set's id.
    pub set: String,
    /// How many of its questions the paper has.
    pub count: u16,
    /// Points for each of them.
    pub points: u16,
}

/// How a paper's questions are taken from the seeded shuffle of the bank. Each order is pinned
/// by tests: an exam, once issued, must draw the same papers on every device and version.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DrawOrder {
    /// The first exams' order (exam codes `XFE1.`): the whole bank is shuffled from its end,
    /// then read from the front until the paper is full — one random number per question of
    /// the bank, whatever the paper's size.
    #[default]
    WholeBank,
    /// Exams issued since 2026-11-27 (exam codes `XFE2.`): shuffled from the front only as
    /// far as the paper needs, so a paper costs about one random number per question looked
    /// at (a tenth as many for 60 questions of 983), and re-grading a county's results is
    /// that much quicker.
    AsNeeded,
}

impl DrawOrder {
    /// The order of every exam issued now (发布考试, and a learner's mock exams).
    pub const FOR_NEW_EXAMS: DrawOrder = DrawOrder::AsNeeded;

    /// Whether this is the first exams' order, which a definition does not spell out.
    pub fn is_whole_bank(&self) -> bool {
        *self == DrawOrder::WholeBank
    }
}

/// The rules that draw a paper from the bank.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Blueprint {
    /// One section per kind, in the order the paper prints them.
    pub sections: Vec<Section>,
    /// The Books questions may come from; empty means every Book.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub books: Vec<Book>,
    /// The difficulties (1..=3) questions may have; empty means any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub difficulties: Vec<u8>,
    /// Whether the options of single and multiple choice questions are shown in a drawn order.
    pub shuffle_options: bool,
    /// Questions from the unit's own set, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitDraw>,
    /// How questions are taken from the shuffled bank; absent in the first exams'
    /// definitions, whose hashes and papers therefore stay as they were.
    #[serde(default, skip_serializing_if = "DrawOrder::is_whole_bank")]
    pub draw: DrawOrder,
}

/// The most questions a paper may have.
const MAX_QUESTIONS: u32 = 300;

impl Blueprint {
    /// The default mock exam: 单选 30 × 2, 多选 10 × 2, 判断 20 × 1 = 100 points.
    pub fn mock_default() -> Blueprint {
        Blueprint {
            sections: vec![
                Section {
                    kind: QuestionKind::Single,
                    count: 30,
                    points: 2,
                },
                Section {
                    kind: QuestionKind::Multiple,
                    count: 10,
                    points: 2,
                },
                Section {
                    kind: QuestionKind::Judge,
                    count: 20,
                    points: 1,
                },
            ],
            books: vec![],
            difficulties: vec![],
            shuffle_options: true,
            unit: None,
            draw: DrawOrder::FOR_NEW_EXAMS,
        }
    }

    /// The section of a kind, if the paper has that kind.
    pub fn section(&self, kind: QuestionKind) -> Option<&Section> {
        self.sections.iter().find(|s| s.kind == kind)
    }

    /// How many questions the paper has.
    pub fn question_count(&self) -> u32 {
        let unit = self.unit.as_ref().map_or(0, |u| u32::from(u.count));
        self.sections
            .iter()
            .map(|s| u32::from(s.count))
            .sum::<u32>()
            + unit
    }

    /// The full marks of the paper.
    pub fn total_points(&self) -> u32 {
        let unit = self
            .unit
            .as_ref()
            .map_or(0, |u| u32::from(u.count) * u32::from(u.points));
        self.sections
            .iter()
            .map(|s| u32::from(s.count) * u32::from(s.points))
            .sum::<u32>()
            + unit
    }

    /// What a question of the paper is worth: the unit draw's points for an imported
    /// question, its kind's section points otherwise.
    pub fn points_for(&self, question: &Question) -> u16 {
        match (imported_set_of(&question.id), &self.unit) {
            (Some(_), Some(unit)) => unit.points,
            (Some(_), None) => 0,
            (None, _) => self.section(question.kind).map_or(0, |s| s.points),
        }
    }

    /// Whether a question may be drawn for a section of this blueprint (its kind, Book and
    /// difficulty); imported questions only ever come through the unit draw.
    pub fn admits(&self, question: &Question) -> bool {
        imported_set_of(&question.id).is_none()
            && self.section(question.kind).is_some_and(|s| s.count > 0)
            && (self.books.is_empty() || question.book().is_some_and(|b| self.books.contains(&b)))
            && (self.difficulties.is_empty() || self.difficulties.contains(&question.difficulty))
    }

    /// Checks that the blueprint can describe a paper; the error says what is wrong, in Chinese.
    pub fn validate(&self) -> Result<(), String> {
        for (i, section) in self.sections.iter().enumerate() {
            if self.sections[..i].iter().any(|s| s.kind == section.kind) {
                return Err(format!("{}重复出现", section.kind.label()));
            }
            if section.count > 0 && section.points == 0 {
                return Err(format!("{}每题分值不能为 0", section.kind.label()));
            }
        }
        let count = self.question_count();
        if count == 0 {
            return Err("试卷至少要有一道题".into());
        }
        if count > MAX_QUESTIONS {
            return Err(format!("试卷最多 {MAX_QUESTIONS} 道题"));
        }
        if self.difficulties.iter().any(|d| !(1..=3).contains(d)) {
            return Err("难度只能是 1、2、3".into());
        }
        if self
            .unit
            .as_ref()
            .is_some_and(|u| u.count > 0 && u.points == 0)
        {
            return Err("本单位题目每题分值不能为 0".into());
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_mock_exam_is_sixty_questions_for_a_hundred_points() {
        let blueprint = Blueprint::mock_default();
        assert_eq!(blueprint.question_count(), 60);
        assert_eq!(blueprint.total_points(), 100);
        assert_eq!(blueprint.validate(), Ok(()));
        assert_eq!(blueprint.section(QuestionKind::Multiple).unwrap().count, 10);
    }

    #[test]
    fn broken_blueprints_are_refused_with_a_reason() {
        let mut twice = Blueprint::mock_default();
        twice.sections.push(twice.sections[0].clone());
        assert_eq!(twice.validate(), Err("单选题重复出现".into()));
        let mut free = Blueprint::mock_default();
        free.sections[2].points = 0;
        assert!(free.validate().unwrap_err().contains("分值"));
        let mut empty = Blueprint::mock_default();
        empty.sections.clear();
        assert!(empty.validate().is_err());
        let mut hard = Blueprint::mock_default();
        hard.difficulties = vec![4];
        assert!(hard.validate().is_err());
    }
}
