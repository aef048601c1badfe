//! The report's tables as rows of text, the same for the browser's export and the native
//! command: 单位汇总 (one row per unit and the totals) and 未参考名单.

use rustc_hash::FxHashMap as HashMap;

use super::grouped_order::grouped_order;
use super::{format_rate, one_after_another, Halves, Person, UnitReport, UnitRow};

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
pub fn summary_rows<R>(report: &UnitReport<R>) -> Vec<Vec<String>> {
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
    let cells = absent_cells(report);
    cells
        .iter()
        .map(|row| row.iter().map(|cell| cell.to_string()).collect())
        .collect()
}

/// The header of the 未参考名单, in order.
pub const ABSENT_HEADERS: [&str; 3] = ["单位", "工号", "姓名"];

/// [`absent_rows`] borrowing the cells from the report (for writing a large list at once).
pub fn absent_cells<R: Sync>(report: &UnitReport<R>) -> Vec<[&str; 3]> {
    let (order, _) = absent_order_in_halves(report, one_after_another);
    let mut cells = Vec::with_capacity(1 + order.len());
    cells.push(ABSENT_HEADERS);
    cells.extend(order.iter().map(|&i| absent_row(report, i)));
    cells
}

/// The order of the 未参考名单's rows below the header: positions in the report's absent
/// people, by unit name, then id. The units' people are sorted in two parts by `join`
/// (which may run them side by side); the second part starts at the position returned, so
/// that a large list's rows can be made in two parts as well.
pub fn absent_order_in_halves<R: Sync>(
    report: &UnitReport<R>,
    join: impl FnOnce(Halves<'_>),
) -> (Vec<u32>, usize) {
    // Sorted by unit name, then id: each unit is named by its rank among the unit names,
    // found once per person in a map of the few units.
    let absent = &report.absent;
    let mut unit_of_name: HashMap<&str, u32> = HashMap::default();
    let mut names: Vec<&str> = Vec::new();
    let units: Vec<u32> = (absent.iter())
        .map(|person| {
            *unit_of_name.entry(&person.unit).or_insert_with(|| {
                names.push(&person.unit);
                u32::try_from(names.len() - 1).expect("fewer than 2³² units")
            })
        })
        .collect();
    let mut by_name: Vec<usize> = (0..names.len()).collect();
    by_name.sort_unstable_by_key(|&unit| names[unit]);
    let mut rank = vec![0; names.len()];
    for (place, &unit) in by_name.iter().enumerate() {
        rank[unit] = place;
    }
    // Grouped by unit rank (counted, then placed in roster order), then each unit's few
    // people by id; people sharing a unit and an id (never in an imported roster) keep their
    // roster order.
    let (mut order, starts) = grouped_order(units.len(), names.len(), |i| rank[units[i] as usize]);
    // The halves: the units before the one the middle person is in, and the others.
    let middle = starts.partition_point(|&start| start < order.len() / 2);
    let (first, second) = order.split_at_mut(starts[middle]);
    join((
        &mut || sort_by_id(report, first, &starts[..=middle]),
        &mut || sort_by_id(report, second, &starts[middle..]),
    ));
    (order, starts[middle])
}

/// The 未参考名单's cells for absent person `i` (a position in the report's absent people).
pub fn absent_row<R>(report: &UnitReport<R>, i: u32) -> [&str; 3] {
    let person: &Person = &report.absent[i as usize];
    [
        person.unit.as_str(),
        person.id.as_str(),
        person.name.as_str(),
    ]
}

/// Sorts each unit's absent people at `order` by id: the units start at `starts` (as counted
/// in the whole list, whose part `order` is; the last is the end).
fn sort_by_id<R>(report: &UnitReport<R>, order: &mut [u32], starts: &[usize]) {
    let absent = &report.absent;
    let id = |i: u32| absent[i as usize].id.as_str();
    for unit in starts.windows(2) {
        let (start, end) = (unit[0] - starts[0], unit[1] - starts[0]);
        order[start..end].sort_unstable_by(|&a, &b| (id(a), a).cmp(&(id(b), b)));
    }
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

    #[test]
    fn the_absent_list_is_sorted_by_unit_then_id_whatever_the_halves() {
        for people in 0..60 {
            // Units and ids out of order, some people sharing a unit and an id.
            let roster: Vec<Person> = (0..people)
                .map(|i| {
                    person(
                        &format!("{}", (i * 7) % 11),
                        &format!("单位{}", (i * 5) % 4),
                    )
                })
                .collect();
            let mut expected: Vec<(usize, &Person)> = roster.iter().enumerate().collect();
            expected.sort_by_key(|(i, p)| (p.unit.as_str(), p.id.as_str(), *i));
            let report = unit_report(
                &Roster::of_people(roster.clone()),
                Vec::new(),
                Lines::default(),
                CountRule::Highest,
            );
            let mut rows = Vec::new();
            let join = |(first, second): Halves<'_>| {
                second();
                first();
            };
            let (order, cut) = absent_order_in_halves(&report, join);
            assert!(cut <= order.len());
            if 0 < cut && cut < order.len() {
                let unit = |i: usize| absent_row(&report, order[i])[0];
                assert_ne!(unit(cut - 1), unit(cut), "the parts are cut between units");
            }
            let halves = std::iter::once(ABSENT_HEADERS)
                .chain(order.iter().map(|&i| absent_row(&report, i)))
                .collect();
            for cells in [absent_cells(&report), halves] {
                assert_eq!(cells[0], ["单位", "工号", "姓名"]);
                rows = cells[1..].iter().map(|c| c.map(str::to_string)).collect();
                let names: Vec<[String; 3]> = (expected.iter())
                    .map(|(_, p)| [p.unit.to_string(), p.id.to_string(), p.name.to_string()])
                    .collect();
                assert_eq!(rows, names, "{people} people");
            }
            assert_eq!(rows.len(), people);
        }
    }
}
