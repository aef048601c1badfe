//! Where a results table's reader keeps the rows it reads: every row (a `Vec`), or only each
//! person's counted result so far ([`CountedResults`]), which a large table's report needs
//! and which takes a third less memory and no second pass.

use hashbrown::HashTable;

use super::people_index::hash_id;
use super::report::prefers;
use super::{Counted, ScoredResult};
use crate::core::exam::CountRule;

/// The rows a results table's reader keeps, part by part.
pub trait ResultRows: Sized {
    /// Whether the rows' names and units are kept (the reader need not read them otherwise).
    const NAMED: bool = true;
    /// Keeps the next row read.
    fn push(&mut self, result: ScoredResult);
    /// Makes room for about `rows` more rows.
    fn reserve(&mut self, rows: usize);
    /// An empty store of the same kind, for a later part of the table.
    fn empty_like(&self) -> Self;
    /// Takes in the rows of a later part of the table.
    fn append(&mut self, later: Self);
    /// How many rows were pushed, all parts together.
    fn rows_read(&self) -> usize;
}

impl ResultRows for Vec<ScoredResult> {
    fn push(&mut self, result: ScoredResult) {
        Vec::push(self, result);
    }

    fn reserve(&mut self, rows: usize) {
        Vec::reserve(self, rows);
    }

    fn empty_like(&self) -> Self {
        Vec::new()
    }

    fn append(&mut self, mut later: Self) {
        if self.is_empty() {
            *self = later;
        } else {
            Vec::append(self, &mut later);
        }
    }

    fn rows_read(&self) -> usize {
        self.len()
    }
}

/// Each person's counted result under the exam's rule, picked as rows arrive: the same
/// results, in the same order (people by first appearance), as
/// [`counted_results`](super::counted_results) of all the rows pushed, kept whole or as
/// [`CountedScore`](super::CountedScore)s.
#[derive(Debug)]
pub struct CountedResults<T = ScoredResult> {
    rule: CountRule,
    /// Each person's counted result so far, people in order of first appearance.
    kept: Vec<T>,
    /// Positions in `kept`, found by person id.
    position_of: HashTable<u32>,
    rows_read: usize,
}

impl<T: Counted + From<ScoredResult>> CountedResults<T> {
    /// No results yet, counted by `rule`.
    pub fn new(rule: CountRule) -> CountedResults<T> {
        CountedResults {
            rule,
            kept: Vec::new(),
            position_of: HashTable::new(),
            rows_read: 0,
        }
    }

    /// Each person's counted result, people in order of first appearance.
    pub fn into_results(self) -> Vec<T> {
        self.kept
    }

    /// Takes a result: a person's first, or one the rule prefers to the one kept (ties keep
    /// the earlier one).
    fn offer(&mut self, result: T) {
        let kept = &mut self.kept;
        let hash = hash_id(result.person_id());
        let same = |&position: &u32| kept[position as usize].person_id() == result.person_id();
        match self.position_of.find(hash, same) {
            Some(&position) => {
                let kept = &mut kept[position as usize];
                if prefers(self.rule, &result, kept) {
                    *kept = result;
                }
            }
            None => {
                let position = u32::try_from(kept.len()).expect("fewer than 2³² people");
                let rehash = |&position: &u32| hash_id(kept[position as usize].person_id());
                self.position_of.insert_unique(hash, position, rehash);
                kept.push(result);
            }
        }
    }
}

impl<T: Counted + From<ScoredResult>> ResultRows for CountedResults<T> {
    const NAMED: bool = T::NAMED;

    fn push(&mut self, result: ScoredResult) {
        self.rows_read += 1;
        self.offer(T::from(result));
    }

    fn reserve(&mut self, rows: usize) {
        self.kept.reserve(rows);
        let kept = &self.kept;
        let rehash = |&position: &u32| hash_id(kept[position as usize].person_id());
        self.position_of.reserve(rows, rehash);
    }

    fn empty_like(&self) -> Self {
        CountedResults::new(self.rule)
    }

    /// Each person's counted result of the later part competes with the one kept here: as
    /// each is the first the rule prefers in its part, the one picked is the first the rule
    /// prefers in both.
    fn append(&mut self, later: Self) {
        if self.kept.is_empty() {
            *self = CountedResults {
                rows_read: self.rows_read + later.rows_read,
                ..later
            };
            return;
        }
        self.rows_read += later.rows_read;
        for result in later.kept {
            self.offer(result);
        }
    }

    fn rows_read(&self) -> usize {
        self.rows_read
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::units::{counted_results, CountedScore};

    fn result(id: usize, score: f64, at: i64) -> ScoredResult {
        ScoredResult {
            person_id: format!("P{id}").into(),
            score,
            submitted_at: at,
            ..ScoredResult::default()
        }
    }

    /// Results with repeated people, equal scores and times, in a scrambled order.
    fn results(count: usize) -> Vec<ScoredResult> {
        (0..count)
            .map(|i| {
                let person = (i * 7919) % (count / 3 + 1);
                result(person, ((i * 31) % 5) as f64 * 10.0, ((i * 17) % 4) as i64)
            })
            .collect()
    }

    /// The rows picked part by part, cut before each of `cuts`, kept as `T`.
    fn picked_in_parts<T: Counted + From<ScoredResult>>(
        rows: &[ScoredResult],
        rule: CountRule,
        cuts: &[usize],
    ) -> Vec<T> {
        let mut parts = CountedResults::<T>::new(rule);
        let mut start = 0;
        for &end in cuts.iter().chain([&rows.len()]) {
            let mut part = parts.empty_like();
            part.reserve(end - start);
            rows[start..end].iter().cloned().for_each(|r| part.push(r));
            parts.append(part);
            start = end;
        }
        assert_eq!(parts.rows_read(), rows.len());
        parts.into_results()
    }

    #[test]
    fn parts_picked_then_appended_count_as_all_the_rows_at_once() {
        let rows: Vec<ScoredResult> = (results(200).into_iter().enumerate())
            .map(|(i, r)| ScoredResult {
                name: format!("姓名{i}").into(),
                unit: format!("单位{}", i % 3).into(),
                ..r
            })
            .collect();
        for rule in [CountRule::Highest, CountRule::Latest, CountRule::First] {
            let whole = counted_results(rows.clone(), rule);
            let scores: Vec<CountedScore> = whole.iter().cloned().map(CountedScore::from).collect();
            for cuts in [
                vec![],
                vec![0],
                vec![1],
                vec![100],
                vec![37, 120, 199],
                vec![200],
            ] {
                let picked: Vec<ScoredResult> = picked_in_parts(&rows, rule, &cuts);
                assert_eq!(picked, whole, "{rule:?}");
                let picked: Vec<CountedScore> = picked_in_parts(&rows, rule, &cuts);
                assert_eq!(picked, scores, "scores only, {rule:?}");
            }
        }
    }

    #[test]
    fn scores_keep_whose_they_are_the_score_and_the_time() {
        let result = ScoredResult {
            person_id: "SF001".into(),
            name: "张三".into(),
            unit: "司法局".into(),
            score: 87.5,
            submitted_at: 42,
        };
        let score = CountedScore::from(result.clone());
        assert_eq!(
            (
                score.person_id(),
                score.score(),
                score.submitted_at(),
                score.unit()
            ),
            ("SF001", 87.5, 42, None)
        );
        assert_eq!(result.unit(), Some("司法局"));
        assert!(std::mem::size_of::<CountedScore>() < std::mem::size_of::<ScoredResult>() / 2);
    }
}
