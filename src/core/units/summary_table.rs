//! The report's tables as rows of text, the same for the browser's export and the native
//! command: 单位汇总 (one row per unit and the totals) and 未参考名单.

use rustc_hash::FxHashMap as HashMap;

use super::{format_rate, Person, UnitReport, UnitRow};

/// The header of the unit summary, in order.
pub const SUMMARY_HEADERS: [&str; 10] = [
    "单位",
    "应考人数",
    "参考人数",
    "参考率",
    "及格人数",
    "及格率",
    "优秀人数",
    "优秀率",
    "平均分",
    "双100%",
];

/// One row per unit, then the totals row, header first.
pub fn summary_rows(report: &UnitReport) -> Vec<Vec<String>> {
    let header = SUMMARY_HEADERS.iter().map(|h| h.to_string()).collect();
    std::iter::once(header)
        .chain(report.rows.iter().chain([&report.total]).map(summary_row))
        .collect()
}

fn summary_row(row: &UnitRow) -> Vec<String> {
    vec![
        row.unit.clone(),
        row.expected.to_string(),
        row.sat.to_string(),
        format_rate(row.participation_rate()),
        row.passed.to_string(),
        format_rate(row.pass_rate()),
        row.excellent.to_string(),
        format_rate(row.excellence_rate()),
        row.average()
            .map_or_else(|| "—".to_string(), |a| format!("{a:.1}")),
        if row.is_double_hundred() { "是" } else { "" }.to_string(),
    ]
}

/// 未参考名单: everyone on the roster without a result, by unit, header first.
pub fn absent_rows(report: &UnitReport) -> Vec<Vec<String>> {
    let header = vec!["单位".to_string(), "工号".to_string(), "姓名".to_string()];
    // Sorted by unit name, then id: units compared once, by their rank among the names.
    let mut units: Vec<&str> = report.absent.iter().map(|p| p.unit.as_str()).collect();
    units.sort_unstable();
    units.dedup();
    let rank: HashMap<&str, usize> = units.iter().enumerate().map(|(i, u)| (*u, i)).collect();
    // Grouped by unit first (numbers compared), then each unit's few people by id; people
    // sharing a unit and an id (never in an imported roster) keep their roster order.
    let mut absent: Vec<(usize, &str, usize, &Person)> = (report.absent.iter().enumerate())
        .map(|(i, p)| (rank[p.unit.as_str()], p.id.as_str(), i, p))
        .collect();
    absent.sort_unstable_by_key(|&(unit, _, i, _)| (unit, i));
    for unit in absent.chunk_by_mut(|a, b| a.0 == b.0) {
        unit.sort_unstable_by(|a, b| (a.1, a.2).cmp(&(b.1, b.2)));
    }
    std::iter::once(header)
        .chain(
            absent
                .into_iter()
                .map(|(.., p)| vec![p.unit.clone(), p.id.clone(), p.name.clone()]),
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exam::CountRule;
    use crate::core::units::roster::test_person as person;
    use crate::core::units::{unit_report, Lines, Roster, ScoredResult};

    #[test]
    fn the_summary_prints_every_figure_and_the_totals() {
        let roster = Roster::of_people(vec![person("1", "司法局"), person("2", "财政局")]);
        let results = [ScoredResult {
            person_id: "1".into(),
            name: "姓名1".into(),
            unit: "司法局".into(),
            score: 92.0,
            submitted_at: 0,
        }];
        let report = unit_report(
            &roster,
            results.to_vec(),
            Lines::default(),
            CountRule::Highest,
        );
        let rows = summary_rows(&report);
        assert_eq!(
            rows[1],
            [
                "司法局",
                "1",
                "1",
                "100.0%",
                "1",
                "100.0%",
                "1",
                "100.0%",
                "92.0",
                "是"
            ]
        );
        assert_eq!(
            rows[2],
            ["财政局", "1", "0", "0.0%", "0", "—", "0", "—", "—", ""]
        );
        assert_eq!(
            rows[3],
            ["合计", "2", "1", "50.0%", "1", "100.0%", "1", "100.0%", "92.0", ""]
        );
        assert_eq!(absent_rows(&report)[1], ["财政局", "2", "姓名2"]);
    }
}
