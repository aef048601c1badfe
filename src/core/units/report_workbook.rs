//! The report as a workbook, the same in the browser's download and the native command:
//! sheets 单位汇总, 个人成绩, 未参考名单 and, when answers were collected, 题目分析.

use super::{absent_rows, format_rate, results_rows, summary_rows, ItemAnalysis, UnitReport};
use crate::core::bank::Bank;
use crate::core::formats::XlsxSheet;

/// The header of the item analysis sheet, in order.
pub const ITEM_HEADERS: [&str; 8] = [
    "题号",
    "题干",
    "法条",
    "作答人数",
    "答对人数",
    "通过率",
    "区分度",
    "点二列相关",
];

fn two_places(value: Option<f64>) -> String {
    value.map_or_else(|| "—".to_string(), |v| format!("{v:.2}"))
}

/// One row per question, the most missed first (ties in paper order), header first, then a
/// closing row with KR-20. Stems and articles come from `bank` when it holds the question.
pub fn item_rows(analysis: &ItemAnalysis, bank: Option<&Bank>) -> Vec<Vec<String>> {
    let mut items: Vec<_> = analysis.items.iter().collect();
    items.sort_by(|a, b| a.facility().total_cmp(&b.facility()));
    let header = ITEM_HEADERS.iter().map(|h| h.to_string()).collect();
    let rows = items.into_iter().map(|item| {
        let question = bank.and_then(|b| b.question(&item.question));
        let articles = question.map_or_else(String::new, |q| {
            q.articles
                .iter()
                .map(|a| format!("第{a}条"))
                .collect::<Vec<_>>()
                .join("、")
        });
        vec![
            item.question.clone(),
            question.map_or_else(String::new, |q| q.stem.clone()),
            articles,
            item.seen.to_string(),
            item.right.to_string(),
            format_rate(Some(item.facility())),
            two_places(item.discrimination),
            two_places(item.point_biserial),
        ]
    });
    let kr20 = vec!["KR-20".to_string(), two_places(analysis.kr20)];
    std::iter::once(header)
        .chain(rows)
        .chain(std::iter::once(kr20))
        .collect()
}

/// The report's sheets; 题目分析 only when `items` (from [`item_rows`]) is given. Counts and
/// scores are written as numbers, rates as the text the page shows ("91.7%").
pub fn report_workbook(report: &UnitReport, items: Option<&[Vec<String>]>) -> Vec<XlsxSheet> {
    let mut sheets = vec![
        XlsxSheet::of_text_with_numbers("单位汇总", &summary_rows(report), &[1, 2, 4, 6, 8]),
        XlsxSheet::of_text_with_numbers("个人成绩", &results_rows(&report.counted), &[3]),
        XlsxSheet::of_text("未参考名单", &absent_rows(report)),
    ];
    if let Some(items) = items {
        sheets.push(XlsxSheet::of_text_with_numbers("题目分析", items, &[3, 4]));
    }
    sheets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exam::CountRule;
    use crate::core::formats::{read_xlsx, write_xlsx, xlsx_sheet_names, XlsxCell};
    use crate::core::units::{
        item_analysis, unit_report, Lines, Person, Responses, Roster, ScoredResult,
    };

    fn scored(id: &str, unit: &str, name: &str, score: f64) -> ScoredResult {
        ScoredResult {
            person_id: id.into(),
            name: name.into(),
            unit: unit.into(),
            score,
            submitted_at: 0,
        }
    }

    fn hostile_report() -> UnitReport {
        let people = vec![
            Person {
                id: "1".into(),
                name: "<script>alert(1)</script>".into(),
                unit: "=HYPERLINK(\"http://x\")".into(),
            },
            Person {
                id: "2".into(),
                name: "<img src=x onerror=alert(1)>".into(),
                unit: "司法局".into(),
            },
            Person {
                id: "3".into(),
                name: "@张三".into(),
                unit: "司法局".into(),
            },
        ];
        let results = [
            scored(
                "1",
                "=HYPERLINK(\"http://x\")",
                "<script>alert(1)</script>",
                90.0,
            ),
            scored("2", "司法局", "<img src=x onerror=alert(1)>", 59.5),
        ];
        unit_report(
            &Roster::of_people(people),
            results.to_vec(),
            Lines::default(),
            CountRule::Highest,
        )
    }

    #[test]
    fn the_workbook_reads_back_as_the_csv_tables_with_formulas_neutralised() {
        let report = hostile_report();
        let analysis = item_analysis(&[
            Responses {
                score: 90.0,
                items: vec![("Q1", true), ("Q2", true)],
            },
            Responses {
                score: 59.5,
                items: vec![("Q1", true), ("Q2", false)],
            },
        ]);
        let items = item_rows(&analysis, None);
        let bytes = write_xlsx(&report_workbook(&report, Some(&items))).unwrap();
        assert_eq!(
            xlsx_sheet_names(&bytes).unwrap(),
            ["单位汇总", "个人成绩", "未参考名单", "题目分析"]
        );
        let guarded = |rows: Vec<Vec<String>>| -> Vec<Vec<String>> {
            rows.iter()
                .map(|r| {
                    r.iter()
                        .map(|c| crate::core::formats::guard_formula(c))
                        .collect()
                })
                .collect()
        };
        assert_eq!(
            read_xlsx(&bytes, Some("个人成绩")).unwrap(),
            guarded(results_rows(&report.counted))
        );
        assert_eq!(
            read_xlsx(&bytes, Some("未参考名单")).unwrap(),
            guarded(absent_rows(&report))
        );
        let summary = read_xlsx(&bytes, Some("单位汇总")).unwrap();
        assert_eq!(summary[1][0], "'=HYPERLINK(\"http://x\")");
        assert_eq!(
            summary[1][1..],
            ["1", "1", "100.0%", "1", "100.0%", "1", "100.0%", "90", "是"]
        );
        assert_eq!(
            summary[3],
            ["合计", "3", "2", "66.7%", "1", "50.0%", "1", "50.0%", "74.8"]
        );
        let people = read_xlsx(&bytes, Some("个人成绩")).unwrap();
        assert_eq!(
            people[1][1], "<script>alert(1)</script>",
            "markup is only text"
        );
        assert_eq!(people[2][3], "59.5");
        let absent = read_xlsx(&bytes, Some("未参考名单")).unwrap();
        assert_eq!(absent[1], ["司法局", "3", "'@张三"]);
        let items = read_xlsx(&bytes, Some("题目分析")).unwrap();
        assert_eq!(items[1][0], "Q2", "the most missed first");
        assert_eq!(items[1][3..6], ["2", "1", "50.0%"]);
        assert_eq!(items[3][0], "KR-20");
    }

    #[test]
    fn counts_and_scores_are_numbers() {
        let sheets = report_workbook(&hostile_report(), None);
        assert_eq!(sheets.len(), 3, "no 题目分析 without answers");
        assert_eq!(sheets[0].rows[1][1], XlsxCell::Number(1.0));
        assert_eq!(sheets[0].rows[1][3], XlsxCell::Text("100.0%".into()));
        assert_eq!(sheets[1].rows[2][3], XlsxCell::Number(59.5));
    }

    #[test]
    fn item_rows_carry_stems_and_articles_from_the_bank() {
        let bank = crate::core::exam::small_bank();
        let question = &bank.questions()[0];
        let analysis = item_analysis(&[
            Responses {
                score: 1.0,
                items: vec![(question.id.as_str(), true)],
            },
            Responses {
                score: 0.0,
                items: vec![(question.id.as_str(), false)],
            },
        ]);
        let rows = item_rows(&analysis, Some(&bank));
        assert_eq!(rows[1][1], question.stem);
        assert!(rows[1][2].starts_with(&format!("第{}条", question.articles[0])));
        assert_eq!(rows[1][5], "50.0%");
    }
}
