//! What the statistics page shows besides the report itself: the unit table sorted by any
//! column, and the score histogram.

use std::cmp::Ordering;

use super::UnitRow;

/// The columns of the unit table, in the order of `SUMMARY_HEADERS`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitColumn {
    Unit,
    Expected,
    Sat,
    Participation,
    Passed,
    PassRate,
    Excellent,
    Excellence,
    Average,
    DoubleHundred,
}

impl UnitColumn {
    /// Every column, in table order.
    pub const ALL: [UnitColumn; 10] = [
        UnitColumn::Unit,
        UnitColumn::Expected,
        UnitColumn::Sat,
        UnitColumn::Participation,
        UnitColumn::Passed,
        UnitColumn::PassRate,
        UnitColumn::Excellent,
        UnitColumn::Excellence,
        UnitColumn::Average,
        UnitColumn::DoubleHundred,
    ];

    fn compare(self, a: &UnitRow, b: &UnitRow) -> Ordering {
        // Undefined rates ("—") sort below every defined one.
        let rate = |r: Option<f64>| r.unwrap_or(-1.0);
        match self {
            UnitColumn::Unit => a.unit.cmp(&b.unit),
            UnitColumn::Expected => a.expected.cmp(&b.expected),
            UnitColumn::Sat => a.sat.cmp(&b.sat),
            UnitColumn::Participation => {
                rate(a.participation_rate()).total_cmp(&rate(b.participation_rate()))
            }
            UnitColumn::Passed => a.passed.cmp(&b.passed),
            UnitColumn::PassRate => rate(a.pass_rate()).total_cmp(&rate(b.pass_rate())),
            UnitColumn::Excellent => a.excellent.cmp(&b.excellent),
            UnitColumn::Excellence => {
                rate(a.excellence_rate()).total_cmp(&rate(b.excellence_rate()))
            }
            UnitColumn::Average => rate(a.average()).total_cmp(&rate(b.average())),
            UnitColumn::DoubleHundred => a.is_double_hundred().cmp(&b.is_double_hundred()),
        }
    }
}

/// The unit rows sorted by a column (stable: equal rows keep the roster's order).
pub fn sorted_rows(rows: &[UnitRow], column: UnitColumn, descending: bool) -> Vec<UnitRow> {
    let mut sorted = rows.to_vec();
    sorted.sort_by(|a, b| {
        let order = column.compare(a, b);
        if descending {
            order.reverse()
        } else {
            order
        }
    });
    sorted
}

/// How many scores fall in each of ten bins of the total: [0, 10%), [10%, 20%), …,
/// [90%, 100%]; the full score belongs to the last bin.
pub fn score_histogram(scores: &[f64], total: f64) -> [usize; 10] {
    let mut bins = [0; 10];
    if total <= 0.0 {
        return bins;
    }
    for &score in scores {
        let bin = ((score / total * 10.0).floor().max(0.0) as usize).min(9);
        bins[bin] += 1;
    }
    bins
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(unit: &str, expected: usize, sat: usize, excellent: usize) -> UnitRow {
        UnitRow {
            unit: unit.into(),
            expected,
            sat,
            passed: sat,
            excellent,
            score_sum: 90.0 * sat as f64,
        }
    }

    #[test]
    fn rows_sort_by_any_column_with_undefined_rates_last() {
        let rows = [row("甲", 4, 2, 1), row("乙", 0, 0, 0), row("丙", 2, 2, 2)];
        let units = |rows: Vec<UnitRow>| rows.into_iter().map(|r| r.unit).collect::<Vec<_>>();
        assert_eq!(
            units(sorted_rows(&rows, UnitColumn::Participation, true)),
            ["丙", "甲", "乙"]
        );
        assert_eq!(
            units(sorted_rows(&rows, UnitColumn::Expected, false)),
            ["乙", "丙", "甲"]
        );
        assert_eq!(
            units(sorted_rows(&rows, UnitColumn::DoubleHundred, true)),
            ["丙", "甲", "乙"],
            "ties keep the roster's order"
        );
    }

    #[test]
    fn scores_fall_into_tenths_with_the_full_score_in_the_last() {
        let bins = score_histogram(&[0.0, 9.5, 10.0, 59.5, 60.0, 89.5, 90.0, 100.0], 100.0);
        assert_eq!(bins, [2, 1, 0, 0, 0, 1, 1, 0, 1, 2]);
        assert_eq!(score_histogram(&[5.0], 0.0), [0; 10]);
    }
}
