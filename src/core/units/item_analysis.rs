//! Item analysis of an exam's counted results: per question the facility (share right), the
//! discrimination between the upper and lower 27% by score and the point-biserial correlation;
//! KR-20 for the paper; the most-missed questions with their articles.
//!
//! Papers are drawn per person, so a question is analysed over those whose paper held it.
//! KR-20 = k/(k−1) · (1 − Σ p·q / variance of number right) needs everyone to have answered
//! the same k questions; when papers differ it is not computed. Variances are population
//! variances (divided by n).

use rustc_hash::FxHashMap;

use crate::core::bank::Bank;

/// One person's counted paper: total score and, per question (its id), whether it was
/// answered right.
#[derive(Clone, Debug, PartialEq)]
pub struct Responses<'a> {
    pub score: f64,
    pub items: Vec<(&'a str, bool)>,
}

/// The statistics of one question.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemStats {
    pub question: String,
    /// How many counted papers held it.
    pub seen: usize,
    /// How many of them answered it right.
    pub right: usize,
    /// Upper-group share right minus lower-group share right; `None` when either group never
    /// saw the question.
    pub discrimination: Option<f64>,
    /// Correlation of right/wrong with the total score; `None` when everyone (or no one) was
    /// right or all scores are equal.
    pub point_biserial: Option<f64>,
}

impl ItemStats {
    /// Facility (难度, share right).
    pub fn facility(&self) -> f64 {
        self.right as f64 / self.seen as f64
    }
}

/// The analysis of a paper.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemAnalysis {
    /// In order of first appearance.
    pub items: Vec<ItemStats>,
    /// `None` with fewer than two people, fewer than two items, papers holding different
    /// questions, or no spread.
    pub kr20: Option<f64>,
    /// How many people form each of the upper and lower groups.
    pub group_size: usize,
}

/// Analyses the counted papers.
pub fn item_analysis(people: &[Responses]) -> ItemAnalysis {
    let n = people.len();
    let group_size = ((n as f64 * 0.27).round() as usize).max(1).min(n / 2);
    let mut ranked: Vec<usize> = (0..n).collect();
    ranked.sort_by(|&a, &b| people[b].score.total_cmp(&people[a].score));
    let mut group = vec![0i8; n];
    if group_size > 0 {
        for &i in &ranked[..group_size] {
            group[i] = 1;
        }
        for &i in &ranked[n - group_size..] {
            group[i] = -1;
        }
    }

    #[derive(Default)]
    struct Sums {
        seen: usize,
        right: usize,
        score_right: f64,
        score_all: f64,
        score_sq_all: f64,
        upper: (usize, usize),
        lower: (usize, usize),
    }
    let mut order: Vec<&str> = Vec::new();
    let mut sums: FxHashMap<&str, Sums> = FxHashMap::default();
    for (i, person) in people.iter().enumerate() {
        for (question, right) in &person.items {
            let s = sums.entry(question).or_insert_with(|| {
                order.push(question);
                Sums::default()
            });
            s.seen += 1;
            s.right += usize::from(*right);
            s.score_all += person.score;
            s.score_sq_all += person.score * person.score;
            if *right {
                s.score_right += person.score;
            }
            let cell = match group[i] {
                1 => &mut s.upper,
                -1 => &mut s.lower,
                _ => continue,
            };
            cell.0 += 1;
            cell.1 += usize::from(*right);
        }
    }
    let items: Vec<ItemStats> = order
        .iter()
        .map(|&question| {
            let s = &sums[question];
            let share = |(seen, right): (usize, usize)| right as f64 / seen as f64;
            let discrimination =
                (s.upper.0 > 0 && s.lower.0 > 0).then(|| share(s.upper) - share(s.lower));
            ItemStats {
                question: question.to_string(),
                seen: s.seen,
                right: s.right,
                discrimination,
                point_biserial: point_biserial(
                    s.seen,
                    s.right,
                    s.score_right,
                    s.score_all,
                    s.score_sq_all,
                ),
            }
        })
        .collect();
    let kr20 = kr20(people, &items);
    ItemAnalysis {
        items,
        kr20,
        group_size,
    }
}

/// r = (M₁ − M₀) / s · √(p q), with s the population standard deviation of the scores.
fn point_biserial(seen: usize, right: usize, sum_right: f64, sum: f64, sum_sq: f64) -> Option<f64> {
    if right == 0 || right == seen {
        return None;
    }
    let n = seen as f64;
    let mean = sum / n;
    let sd = (sum_sq / n - mean * mean).max(0.0).sqrt();
    if sd < 1e-12 {
        return None;
    }
    let p = right as f64 / n;
    let mean_right = sum_right / right as f64;
    let mean_wrong = (sum - sum_right) / (seen - right) as f64;
    Some((mean_right - mean_wrong) / sd * (p * (1.0 - p)).sqrt())
}

fn kr20(people: &[Responses], items: &[ItemStats]) -> Option<f64> {
    let n = people.len();
    let k = people.first()?.items.len();
    if n < 2 || k < 2 {
        return None;
    }
    if items.len() != k || items.iter().any(|i| i.seen != n) {
        return None;
    }
    let rights: Vec<f64> = people
        .iter()
        .map(|p| p.items.iter().filter(|(_, r)| *r).count() as f64)
        .collect();
    let mean = rights.iter().sum::<f64>() / n as f64;
    let variance = rights.iter().map(|r| (r - mean).powi(2)).sum::<f64>() / n as f64;
    if variance < 1e-12 {
        return None;
    }
    let item_variance: f64 = items
        .iter()
        .map(|i| i.facility() * (1.0 - i.facility()))
        .sum();
    let k = k as f64;
    Some(k / (k - 1.0) * (1.0 - item_variance / variance))
}

/// A question most people miss, with what the bureau needs to teach it.
#[derive(Clone, Debug, PartialEq)]
pub struct MissedQuestion {
    pub stats: ItemStats,
    pub stem: String,
    /// The articles that decide the answer (the first is the main one).
    pub articles: Vec<u16>,
}

/// The `count` questions with the lowest facility (ties: seen by more people first, then
/// paper order), with their stems and articles from the bank.
pub fn most_missed(analysis: &ItemAnalysis, bank: &Bank, count: usize) -> Vec<MissedQuestion> {
    let mut items: Vec<&ItemStats> = analysis.items.iter().collect();
    items.sort_by(|a, b| {
        a.facility()
            .total_cmp(&b.facility())
            .then(b.seen.cmp(&a.seen))
    });
    items
        .into_iter()
        .filter(|i| i.right < i.seen)
        .take(count)
        .filter_map(|stats| {
            let question = bank.question(&stats.question)?;
            Some(MissedQuestion {
                stats: stats.clone(),
                stem: question.stem.clone(),
                articles: question.articles.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exam::small_bank;

    /// Six people, three one-point questions, the same paper:
    ///
    /// ```text
    ///        Q000 Q001 Q002  total
    ///   A     1    1    1     3
    ///   B     1    1    0     2
    ///   C     1    0    1     2
    ///   D     0    1    0     1
    ///   E     1    0    0     1
    ///   F     0    0    0     0
    /// ```
    fn hand_example() -> Vec<Responses<'static>> {
        let rows = [
            [true, true, true],
            [true, true, false],
            [true, false, true],
            [false, true, false],
            [true, false, false],
            [false, false, false],
        ];
        rows.iter()
            .map(|row| Responses {
                score: row.iter().filter(|r| **r).count() as f64,
                items: ["Q000", "Q001", "Q002"]
                    .iter()
                    .zip(row)
                    .map(|(q, r)| (*q, *r))
                    .collect(),
            })
            .collect()
    }

    fn close(actual: Option<f64>, expected: f64) -> bool {
        actual.is_some_and(|a| (a - expected).abs() < 1e-9)
    }

    #[test]
    fn facility_discrimination_and_point_biserial_match_the_hand_computation() {
        let analysis = item_analysis(&hand_example());
        // 27% of 6 = 1.62 → 2 per group; upper A, B (B before C on the tie), lower E, F.
        assert_eq!(analysis.group_size, 2);
        let [q0, q1, q2] = &analysis.items[..] else {
            panic!("three items")
        };
        assert_eq!((q0.seen, q0.right), (6, 4));
        assert!((q0.facility() - 4.0 / 6.0).abs() < 1e-12);
        assert!((q1.facility() - 0.5).abs() < 1e-12);
        assert!((q2.facility() - 2.0 / 6.0).abs() < 1e-12);
        assert!(close(q0.discrimination, 1.0 - 0.5), "upper 2/2, lower 1/2");
        assert!(close(q1.discrimination, 1.0), "upper 2/2, lower 0/2");
        assert!(close(q2.discrimination, 0.5), "upper 1/2, lower 0/2");
        // Scores 3,2,2,1,1,0: mean 1.5, population variance 5.5/6.
        let sd = (5.5f64 / 6.0).sqrt();
        // Q000: right A,B,C,E mean 2, wrong D,F mean 0.5, p = 2/3.
        assert!(close(q0.point_biserial, 1.5 / sd * (2.0f64 / 9.0).sqrt()));
        assert!((q0.point_biserial.unwrap() - 0.738549).abs() < 1e-6);
        // Q001: right A,B,D mean 2, wrong C,E,F mean 1, p = 1/2.
        assert!(close(q1.point_biserial, 1.0 / sd * 0.5));
        // Q002: right A,C mean 2.5, wrong B,D,E,F mean 1, p = 1/3.
        assert!(close(q2.point_biserial, 1.5 / sd * (2.0f64 / 9.0).sqrt()));
    }

    #[test]
    fn kr20_matches_the_hand_computation() {
        // Σpq = 2/9 + 1/4 + 2/9 = 25/36; variance 11/12; 3/2 · (1 − (25/36)/(11/12)) = 4/11.
        let analysis = item_analysis(&hand_example());
        assert!(close(analysis.kr20, 4.0 / 11.0), "{:?}", analysis.kr20);
    }

    #[test]
    fn degenerate_groups_have_no_statistics() {
        assert_eq!(item_analysis(&[]), ItemAnalysis::default());
        let one = &hand_example()[..1];
        let analysis = item_analysis(one);
        assert_eq!(analysis.kr20, None);
        assert_eq!(analysis.items[0].point_biserial, None, "everyone right");
        assert_eq!(analysis.items[0].discrimination, None);
    }

    #[test]
    fn questions_on_only_some_papers_are_analysed_over_those_papers() {
        let mut people = hand_example();
        people[0].items.push(("Q009", false));
        let analysis = item_analysis(&people);
        let extra = analysis
            .items
            .iter()
            .find(|i| i.question == "Q009")
            .unwrap();
        assert_eq!((extra.seen, extra.right), (1, 0));
        assert_eq!(extra.discrimination, None, "the lower group never saw it");
        assert_eq!(
            analysis.kr20, None,
            "papers with different questions have no KR-20"
        );
    }

    #[test]
    fn the_most_missed_come_first_with_their_articles() {
        let analysis = item_analysis(&hand_example());
        let bank = small_bank();
        let missed = most_missed(&analysis, &bank, 2);
        let ids: Vec<&str> = missed.iter().map(|m| m.stats.question.as_str()).collect();
        assert_eq!(ids, ["Q002", "Q001"]);
        assert_eq!(missed[0].articles, vec![17]);
        assert_eq!(missed[0].stem, "第 2 题");
    }
}
