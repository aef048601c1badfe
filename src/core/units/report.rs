//! Per-unit rates of one exam, exactly as DESIGN.md defines them:
//! 参考率 = 参考人数 / 应考人数; 及格率 = 及格人数 / 参考人数; 优秀率 = 优秀人数 / 参考人数;
//! 平均分 = mean of the counted scores of those who sat. A result from someone not on the
//! roster is listed apart and counts towards no rate.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::{FxBuildHasher, FxHashMap as HashMap};

use super::{one_after_another, AbsentList, Halves, Roster, Text};
use crate::core::exam::CountRule;

/// One scored result as collected: who (as they identified themselves), score and time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoredResult {
    pub person_id: Text,
    pub name: Text,
    pub unit: Text,
    /// Points out of 100.
    pub score: f64,
    /// Submission time, milliseconds since the Unix epoch.
    pub submitted_at: i64,
}

/// A counted result without the name and unit its row gave: all that the per-unit figures
/// and the 未参考名单 need, in less than half the memory of a [`ScoredResult`] (for the native
/// command's large tables, when no report lists the results themselves).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountedScore {
    pub person_id: Text,
    /// Points out of 100.
    pub score: f64,
    /// Submission time, milliseconds since the Unix epoch.
    pub submitted_at: i64,
}

impl From<ScoredResult> for CountedScore {
    fn from(result: ScoredResult) -> CountedScore {
        CountedScore {
            person_id: result.person_id,
            score: result.score,
            submitted_at: result.submitted_at,
        }
    }
}

/// What a report needs of each counted result: whose it is, its score, and when it was
/// handed in (for the which-attempt-counts rule).
pub trait Counted: Default {
    /// Whether it keeps the name and unit of its row.
    const NAMED: bool;
    /// The staff id the result was handed in under.
    fn person_id(&self) -> &str;
    /// Points out of 100.
    fn score(&self) -> f64;
    /// Submission time, milliseconds since the Unix epoch.
    fn submitted_at(&self) -> i64;
    /// The unit the row gave, if kept: a head-count roster finds results by it, so a result
    /// without one is outside such a roster.
    fn unit(&self) -> Option<&str>;
}

impl Counted for ScoredResult {
    const NAMED: bool = true;

    fn person_id(&self) -> &str {
        &self.person_id
    }

    fn score(&self) -> f64 {
        self.score
    }

    fn submitted_at(&self) -> i64 {
        self.submitted_at
    }

    fn unit(&self) -> Option<&str> {
        Some(&self.unit)
    }
}

impl Counted for CountedScore {
    const NAMED: bool = false;

    fn person_id(&self) -> &str {
        &self.person_id
    }

    fn score(&self) -> f64 {
        self.score
    }

    fn submitted_at(&self) -> i64 {
        self.submitted_at
    }

    fn unit(&self) -> Option<&str> {
        None
    }
}

/// Whether `candidate` replaces `kept` under the exam's which-attempt-counts rule (ties keep
/// the earlier one).
pub(super) fn prefers<R: Counted>(rule: CountRule, candidate: &R, kept: &R) -> bool {
    match rule {
        CountRule::Highest => candidate.score() > kept.score(),
        CountRule::Latest => candidate.submitted_at() > kept.submitted_at(),
        CountRule::First => candidate.submitted_at() < kept.submitted_at(),
    }
}

/// The pass and excellence lines (及格线, 优秀线), in points out of 100.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lines {
    pub pass: f64,
    pub excellent: f64,
}

impl Default for Lines {
    fn default() -> Lines {
        Lines {
            pass: 60.0,
            excellent: 90.0,
        }
    }
}

/// The figures of one unit (or of all units, for the totals row).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnitRow {
    pub unit: String,
    /// 应考人数.
    pub expected: usize,
    /// 参考人数.
    pub sat: usize,
    /// 及格人数.
    pub passed: usize,
    /// 优秀人数.
    pub excellent: usize,
    /// Sum of the counted scores of those who sat.
    pub score_sum: f64,
}

impl UnitRow {
    /// 参考率, or `None` when nobody should sit.
    pub fn participation_rate(&self) -> Option<f64> {
        ratio(self.sat, self.expected)
    }

    /// 及格率, or `None` when nobody sat.
    pub fn pass_rate(&self) -> Option<f64> {
        ratio(self.passed, self.sat)
    }

    /// 优秀率, or `None` when nobody sat.
    pub fn excellence_rate(&self) -> Option<f64> {
        ratio(self.excellent, self.sat)
    }

    /// 平均分 rounded to one decimal, or `None` when nobody sat.
    pub fn average(&self) -> Option<f64> {
        (self.sat > 0).then(|| round1(self.score_sum / self.sat as f64))
    }

    /// "双100%": 参考率 and 优秀率 both 100%.
    pub fn is_double_hundred(&self) -> bool {
        self.expected > 0 && self.sat == self.expected && self.excellent == self.sat
    }

    fn count(&mut self, score: f64, lines: Lines) {
        self.sat += 1;
        self.passed += usize::from(score >= lines.pass);
        self.excellent += usize::from(score >= lines.excellent);
        self.score_sum += score;
    }
}

/// A rate as the statistics page prints it: one decimal and a percent sign, "—" when undefined.
pub fn format_rate(rate: Option<f64>) -> String {
    match rate {
        Some(rate) => format!("{:.1}%", round1(rate * 100.0)),
        None => "—".to_string(),
    }
}

fn ratio(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// The whole report of one exam: a row per unit of the roster, the totals, who sat but is not
/// on the roster, and who is on it but has not sat (未参考名单). Its results are
/// [`ScoredResult`]s, or for a report that does not list them, [`CountedScore`]s.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UnitReport<R = ScoredResult> {
    pub rows: Vec<UnitRow>,
    pub total: UnitRow,
    /// Counted results of people the roster does not name (or whose unit it does not know).
    pub outside_roster: Vec<R>,
    /// Named people without a result.
    pub absent: AbsentList,
    /// The counted result of each person who sat, by staff id (one per person).
    pub counted: Vec<R>,
}

/// Computes the per-unit report from a roster and the valid results collected (taken, so that
/// the counted ones move into the report rather than being copied).
pub fn unit_report(
    roster: &Roster,
    results: Vec<ScoredResult>,
    lines: Lines,
    rule: CountRule,
) -> UnitReport {
    report_of_counted(roster, counted_results(results, rule), lines)
}

/// Each person's counted result under the exam's rule, people in order of first appearance:
/// the part of [`unit_report`] that needs no roster (so it can run while one is read).
pub fn counted_results(mut results: Vec<ScoredResult>, rule: CountRule) -> Vec<ScoredResult> {
    // `kept[slot]` is the position in `results` of a person's counted result; the table finds
    // a person's slot by staff id, through the person's first result.
    let mut kept: Vec<usize> = Vec::new();
    let mut slots: HashTable<(u32, u32)> = HashTable::with_capacity(results.len());
    let hash = |id: &str| FxBuildHasher.hash_one(id);
    for (index, result) in results.iter().enumerate() {
        let id = result.person_id.as_str();
        let same = |&(first, _): &(u32, u32)| results[first as usize].person_id == id;
        match slots.find(hash(id), same) {
            Some(&(_, slot)) => {
                let slot = &mut kept[slot as usize];
                if prefers(rule, result, &results[*slot]) {
                    *slot = index;
                }
            }
            None => {
                let first = u32::try_from(index).expect("fewer than 2³² results");
                let slot = u32::try_from(kept.len()).expect("fewer than 2³² people");
                let rehash = |&(first, _): &(u32, u32)| hash(&results[first as usize].person_id);
                slots.insert_unique(hash(id), (first, slot), rehash);
                kept.push(index);
            }
        }
    }
    drop(slots);
    // A slot's result is never before the slot's own position (it is the person's first
    // result or a later one, and slots are made in order), so swapping each into its slot's
    // place never moves a result that is still to be placed.
    for (slot, &index) in kept.iter().enumerate() {
        results.swap(slot, index);
    }
    results.truncate(kept.len());
    results
}

/// The per-unit report of results already picked by [`counted_results`].
pub fn report_of_counted(roster: &Roster, counted: Vec<ScoredResult>, lines: Lines) -> UnitReport {
    report_of_counted_in_halves(roster, counted, lines, one_after_another)
}

/// [`report_of_counted`], the results' people looked up in the roster in two halves by
/// `join` (which may run them side by side), the results kept as they are given
/// ([`CountedScore`]s, which know no unit, are all outside a head-count roster).
pub fn report_of_counted_in_halves<R: Counted + Sync>(
    roster: &Roster,
    mut counted: Vec<R>,
    lines: Lines,
    join: impl FnOnce(Halves<'_>),
) -> UnitReport<R> {
    let units = roster.units();
    let mut rows: Vec<UnitRow> = units
        .iter()
        .map(|(unit, expected)| UnitRow {
            unit: unit.clone(),
            expected: *expected,
            ..UnitRow::default()
        })
        .collect();
    let mut report = UnitReport::default();
    // Whether each counted result is of someone the roster knows.
    let mut known = Vec::with_capacity(counted.len());
    if roster.is_named() {
        let mut sat = vec![false; roster.people().len()];
        for (result, &person) in counted.iter().zip(&positions(roster, &counted, join)) {
            if person != NOT_NAMED {
                let person = person as usize;
                sat[person] = true;
                rows[roster.unit_position(person)].count(result.score(), lines);
            }
            known.push(person != NOT_NAMED);
        }
        report.absent = AbsentList::of(roster.shared_people(), &sat);
    } else {
        let row_of: HashMap<&str, usize> = units
            .iter()
            .enumerate()
            .map(|(i, (unit, _))| (unit.as_str(), i))
            .collect();
        for result in &counted {
            let row = result.unit().and_then(|unit| row_of.get(unit));
            if let Some(&row) = row {
                rows[row].count(result.score(), lines);
            }
            known.push(row.is_some());
        }
    }
    let mut known = known.into_iter();
    counted.retain_mut(|result| {
        let known = known.next().expect("a flag per result");
        if !known {
            report.outside_roster.push(std::mem::take(result));
        }
        known
    });
    report.counted = counted;
    report.total = rows.iter().fold(
        UnitRow {
            unit: "合计".to_string(),
            ..UnitRow::default()
        },
        |mut total, row| {
            total.expected += row.expected;
            total.sat += row.sat;
            total.passed += row.passed;
            total.excellent += row.excellent;
            total.score_sum += row.score_sum;
            total
        },
    );
    report.rows = rows;
    report
}

/// Marks a result whose person the roster does not name, in [`positions`].
const NOT_NAMED: u32 = u32::MAX;

/// Where each result's person is in the roster's people ([`NOT_NAMED`] if nowhere), the
/// halves looked up by `join`, each into its part of one list.
fn positions<R: Counted + Sync>(
    roster: &Roster,
    results: &[R],
    join: impl FnOnce(Halves<'_>),
) -> Vec<u32> {
    let look_up = |results: &[R], positions: &mut [u32]| {
        for (result, position) in results.iter().zip(positions) {
            // Positions fit in u32 below NOT_NAMED: a roster of 2³² - 1 people would not fit
            // in memory.
            *position = (roster.position(result.person_id())).map_or(NOT_NAMED, |p| p as u32);
        }
    };
    let mut positions = vec![0; results.len()];
    let middle = results.len() / 2;
    let (first, second) = results.split_at(middle);
    let (head, tail) = positions.split_at_mut(middle);
    join((&mut || look_up(first, head), &mut || look_up(second, tail)));
    positions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::units::roster::test_person as person;

    fn result(id: &str, score: f64, at: i64) -> ScoredResult {
        ScoredResult {
            person_id: id.into(),
            name: format!("姓名{id}").into(),
            unit: "自报单位".into(),
            score,
            submitted_at: at,
        }
    }

    fn roster() -> Roster {
        Roster::of_people(vec![
            person("a1", "司法局"),
            person("a2", "司法局"),
            person("a3", "司法局"),
            person("b1", "财政局"),
            person("c1", "城关镇"),
        ])
    }

    #[test]
    fn rates_follow_the_definitions_exactly() {
        let results = [
            result("a1", 60.0, 1),
            result("a2", 90.0, 2),
            result("b1", 59.5, 3),
        ];
        let report = unit_report(
            &roster(),
            results.to_vec(),
            Lines::default(),
            CountRule::Highest,
        );
        let justice = &report.rows[0];
        assert_eq!(
            (
                justice.expected,
                justice.sat,
                justice.passed,
                justice.excellent
            ),
            (3, 2, 2, 1)
        );
        assert_eq!(format_rate(justice.participation_rate()), "66.7%");
        assert_eq!(format_rate(justice.pass_rate()), "100.0%", "60 is a pass");
        assert_eq!(
            format_rate(justice.excellence_rate()),
            "50.0%",
            "90 is excellent"
        );
        assert_eq!(justice.average(), Some(75.0));
        let finance = &report.rows[1];
        assert_eq!((finance.sat, finance.passed), (1, 0), "59.5 is not a pass");
        let town = &report.rows[2];
        assert_eq!(format_rate(town.participation_rate()), "0.0%");
        assert_eq!(format_rate(town.pass_rate()), "—", "no rate over nobody");
        assert_eq!(town.average(), None);
        assert_eq!((report.total.expected, report.total.sat), (5, 3));
        assert_eq!(format_rate(report.total.participation_rate()), "60.0%");
        assert_eq!(
            report.total.average(),
            Some(69.8),
            "(60 + 90 + 59.5) / 3 = 69.83"
        );
        let absent: Vec<&str> = report.absent.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(absent, ["a3", "c1"]);
    }

    #[test]
    fn units_with_nobody_to_sit_have_no_rates() {
        let roster = Roster::of_headcounts(vec![("档案馆".into(), 0), ("城关镇".into(), 2)]);
        let mut walk_in = result("x", 95.0, 1);
        walk_in.unit = "城关镇".into();
        let report = unit_report(&roster, vec![walk_in], Lines::default(), CountRule::Highest);
        assert_eq!(format_rate(report.rows[0].participation_rate()), "—");
        assert!(!report.rows[0].is_double_hundred());
        assert_eq!(format_rate(report.rows[1].participation_rate()), "50.0%");
    }

    #[test]
    fn which_result_counts_follows_the_rule() {
        let twice = [
            result("a1", 80.0, 10),
            result("a1", 95.0, 20),
            result("a1", 70.0, 30),
        ];
        let counted = |rule| {
            let report = unit_report(&roster(), twice.to_vec(), Lines::default(), rule);
            (report.rows[0].sat, report.rows[0].score_sum)
        };
        assert_eq!(counted(CountRule::Highest), (1, 95.0));
        assert_eq!(counted(CountRule::Latest), (1, 70.0));
        assert_eq!(counted(CountRule::First), (1, 80.0));
    }

    #[test]
    fn results_outside_the_roster_count_towards_no_rate() {
        let results = [result("a1", 100.0, 1), result("zz", 100.0, 2)];
        let report = unit_report(
            &roster(),
            results.to_vec(),
            Lines::default(),
            CountRule::Highest,
        );
        assert_eq!(report.total.sat, 1);
        assert_eq!(report.outside_roster.len(), 1);
        assert_eq!(report.outside_roster[0].person_id, "zz");
    }

    #[test]
    fn people_are_found_in_either_half_whatever_order_the_halves_run() {
        let roster = roster();
        let ids = ["c1", "zz", "a2", "b1", "yy", "a1", "a3"];
        for count in 0..=ids.len() {
            let results: Vec<ScoredResult> = (ids[..count].iter())
                .map(|id| result(id, 50.0, 1))
                .collect();
            let expected: Vec<u32> = (results.iter())
                .map(|r| {
                    roster
                        .position(&r.person_id)
                        .map_or(NOT_NAMED, |p| p as u32)
                })
                .collect();
            let second_first = |(first, second): Halves<'_>| {
                second();
                first();
            };
            assert_eq!(positions(&roster, &results, second_first), expected);
            assert_eq!(positions(&roster, &results, one_after_another), expected);
        }
        assert_eq!(
            positions(&roster, &[result("b1", 1.0, 1)], one_after_another),
            [3]
        );
    }

    #[test]
    fn scores_alone_give_the_same_figures_and_absent_people() {
        let results = vec![
            result("a1", 60.0, 1),
            result("zz", 70.0, 2),
            result("b1", 95.0, 3),
            result("a3", 40.0, 4),
        ];
        let whole = report_of_counted(&roster(), results.clone(), Lines::default());
        let scores = results.into_iter().map(CountedScore::from).collect();
        let report =
            report_of_counted_in_halves(&roster(), scores, Lines::default(), one_after_another);
        assert_eq!((&report.rows, &report.total), (&whole.rows, &whole.total));
        assert_eq!(report.absent, whole.absent);
        let ids = |ids: Vec<&str>| ids.into_iter().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(
            ids(report
                .counted
                .iter()
                .map(|r| r.person_id.as_str())
                .collect()),
            ids(whole.counted.iter().map(|r| r.person_id.as_str()).collect())
        );
        assert_eq!(report.outside_roster.len(), 1);
        assert_eq!(report.outside_roster[0].person_id, "zz");
    }

    #[test]
    fn scores_without_a_unit_are_outside_a_head_count_roster() {
        let roster = Roster::of_headcounts(vec![("自报单位".into(), 2)]);
        let results = vec![result("a1", 60.0, 1)];
        let whole = report_of_counted(&roster, results.clone(), Lines::default());
        assert_eq!((whole.total.sat, whole.outside_roster.len()), (1, 0));
        let scores = results.into_iter().map(CountedScore::from).collect();
        let report =
            report_of_counted_in_halves(&roster, scores, Lines::default(), one_after_another);
        assert_eq!((report.total.sat, report.outside_roster.len()), (0, 1));
    }

    #[test]
    fn double_hundred_needs_everyone_present_and_excellent() {
        let roster = Roster::of_people(vec![person("a1", "司法局"), person("a2", "司法局")]);
        let all = [result("a1", 90.0, 1), result("a2", 100.0, 2)];
        let report = unit_report(&roster, all.to_vec(), Lines::default(), CountRule::Highest);
        assert!(report.rows[0].is_double_hundred());
        let one_short = [result("a1", 90.0, 1), result("a2", 89.5, 2)];
        let report = unit_report(
            &roster,
            one_short.to_vec(),
            Lines::default(),
            CountRule::Highest,
        );
        assert!(!report.rows[0].is_double_hundred());
    }

    #[test]
    fn percentages_round_half_away_from_zero_at_one_decimal() {
        assert_eq!(format_rate(Some(2.0 / 3.0)), "66.7%");
        assert_eq!(format_rate(Some(1.0 / 3.0)), "33.3%");
        assert_eq!(format_rate(Some(0.8125)), "81.3%");
        assert_eq!(format_rate(Some(1.0)), "100.0%");
        assert_eq!(format_rate(Some(0.0)), "0.0%");
    }
}
