//! The question of the day: the same for everyone on a given date.

use crate::core::bank::{Bank, Question};

use super::Day;

/// The question of the day: a pick by the date from all questions in id order, so every
/// learner with the same bank sees the same one, and it changes from day to day.
pub fn daily_question(bank: &Bank, today: Day) -> Option<&Question> {
    let mut questions: Vec<&Question> = bank.questions().iter().collect();
    if questions.is_empty() {
        return None;
    }
    questions.sort_by(|a, b| a.id.cmp(&b.id));
    let pick = mix(u64::from(today.0)) % questions.len() as u64;
    Some(questions[pick as usize])
}

/// SplitMix64's finaliser: spreads neighbouring day numbers far apart.
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::test_question;

    fn question(id: &str) -> Question {
        test_question(id, 17)
    }

    #[test]
    fn the_question_of_the_day_depends_only_on_the_date() {
        let ids: Vec<String> = (1..=50).map(|n| format!("B1-{n:04}")).collect();
        let bank = Bank::new(ids.iter().map(|id| question(id)).collect(), vec![]);
        let mut reversed_ids = ids.clone();
        reversed_ids.reverse();
        let reversed = Bank::new(reversed_ids.iter().map(|id| question(id)).collect(), vec![]);
        let day = Day::from_ymd(2024, 3, 2).unwrap();
        let today = daily_question(&bank, day).unwrap();
        assert_eq!(daily_question(&bank, day).unwrap().id, today.id);
        assert_eq!(
            daily_question(&reversed, day).unwrap().id,
            today.id,
            "the bank's order does not matter"
        );
        let week: std::collections::BTreeSet<String> = (0..7)
            .map(|n| daily_question(&bank, day.plus(n)).unwrap().id.clone())
            .collect();
        assert!(week.len() >= 5, "it changes from day to day: {week:?}");
        assert_eq!(daily_question(&Bank::default(), day), None);
    }
}
