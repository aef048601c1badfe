//! The 错题本 as a CSV file for spreadsheets: UTF-8 with a BOM (so Chinese office software
//! reads it as UTF-8), and no cell a spreadsheet would take for a formula.

use crate::core::bank::Bank;
use crate::core::formats::write_csv;

use super::{chapter_heading, LearnerState};
use crate::core::bank::UNIT_BANK;

/// The 错题本 as CSV bytes, one row per question in the Code's order (see
/// [`write_csv`]: BOM first, formula-like cells neutralised).
pub fn wrong_book_csv(bank: &Bank, learner: &LearnerState) -> Vec<u8> {
    let header = [
        "题号",
        "编",
        "章",
        "题型",
        "题干",
        "正确答案",
        "答错次数",
        "状态",
        "法条",
    ];
    let mut rows = vec![header.map(str::to_string).to_vec()];
    for group in learner.wrong.groups(bank, &learner.progress) {
        for entry in &group.entries {
            let q = entry.question;
            let articles: Vec<String> = q.articles.iter().map(|a| format!("第{a}条")).collect();
            let status = if entry.mastered {
                "已掌握"
            } else {
                "未掌握"
            };
            rows.push(vec![
                q.id.clone(),
                q.book().map_or(UNIT_BANK, |b| b.heading()).to_string(),
                group.chapter.map_or(UNIT_BANK.to_string(), chapter_heading),
                q.kind.label().to_string(),
                q.stem.clone(),
                q.answer.display(),
                entry.wrong_answers.to_string(),
                status.to_string(),
                articles.join("、"),
            ]);
        }
    }
    write_csv(&rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::{Answer, Question, QuestionKind};
    use crate::core::study::Day;

    fn question(id: &str, stem: &str, article: u16) -> Question {
        Question {
            id: id.into(),
            kind: QuestionKind::Single,
            stem: stem.into(),
            options: vec!["甲".into(), "乙".into()],
            answer: Answer::Choices(vec![1]),
            articles: vec![article],
            explanation: "解析".into(),
            difficulty: 1,
            case: None,
            tags: vec![],
        }
    }

    #[test]
    fn the_export_is_bom_prefixed_quoted_and_formula_safe() {
        let bank = Bank::new(
            vec![
                question("B7-0001", "高楼抛物，谁来赔偿？", 1254),
                question("B1-0001", "=1+1, \"成年\"", 17),
            ],
            vec![],
        );
        let mut learner = LearnerState::default();
        let day = Day::from_ymd(2024, 3, 1).unwrap();
        learner.record_answer("B7-0001", false, day);
        learner.record_answer("B1-0001", false, day);
        learner.record_answer("B1-0001", true, day);
        learner.record_answer("B1-0001", true, day);
        let csv = String::from_utf8(wrong_book_csv(&bank, &learner)).unwrap();
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(lines[0], "题号,编,章,题型,题干,正确答案,答错次数,状态,法条");
        assert_eq!(
            lines[1],
            r#"B1-0001,第一编 总则,第一编 总则 · 第二章 自然人,单选题,"'=1+1, ""成年""",B,1,已掌握,第17条"#
        );
        assert!(lines[2].starts_with("B7-0001,第七编 侵权责任,"));
        assert!(lines[2].ends_with(",B,1,未掌握,第1254条"));
        assert_eq!(lines.len(), 3);
    }
}
