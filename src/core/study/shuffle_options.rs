//! Shuffling a question's options for one showing, with its key remapped to match.

use crate::core::bank::{Answer, Question, QuestionKind};

/// The question with its options in an order drawn from `seed` and the key following them.
/// True/false questions keep 正确 before 错误.
pub fn shuffle_options(question: &Question, seed: u64) -> Question {
    if question.kind == QuestionKind::Judge || question.options.len() < 2 {
        return question.clone();
    }
    // shown[i] is the original index of the option shown in place i.
    let mut shown: Vec<u8> = (0..question.options.len() as u8).collect();
    fastrand::Rng::with_seed(seed).shuffle(&mut shown);
    let mut shuffled = question.clone();
    shuffled.options = shown
        .iter()
        .map(|&original| question.options[usize::from(original)].clone())
        .collect();
    if let Answer::Choices(key) = &question.answer {
        let place = |original: &u8| shown.iter().position(|s| s == original).unwrap() as u8;
        shuffled.answer = Answer::choices(key.iter().map(place).collect());
    }
    shuffled
}

#[cfg(test)]
mod tests {
    use super::*;

    fn multiple() -> Question {
        Question {
            id: "B1-0001".into(),
            kind: QuestionKind::Multiple,
            stem: "哪些正确？".into(),
            options: vec!["甲对".into(), "乙错".into(), "丙对".into(), "丁错".into()],
            answer: Answer::Choices(vec![0, 2]),
            articles: vec![17],
            explanation: "第17条。".into(),
            difficulty: 1,
            case: None,
            tags: vec![],
        }
    }

    #[test]
    fn the_key_follows_its_options() {
        let question = multiple();
        let mut orders = std::collections::BTreeSet::new();
        for seed in 0..30 {
            let shown = shuffle_options(&question, seed);
            let Answer::Choices(key) = &shown.answer else {
                panic!()
            };
            let keyed: Vec<&str> = key
                .iter()
                .map(|&i| shown.options[usize::from(i)].as_str())
                .collect();
            assert_eq!(keyed.len(), 2);
            assert!(
                keyed.iter().all(|o| o.ends_with('对')),
                "seed {seed}: {keyed:?}"
            );
            let mut sorted = shown.options.clone();
            sorted.sort();
            let mut original = question.options.clone();
            original.sort();
            assert_eq!(sorted, original);
            assert_eq!(
                shown,
                shuffle_options(&question, seed),
                "a seed gives one order"
            );
            orders.insert(shown.options);
        }
        assert!(orders.len() > 5);
    }

    #[test]
    fn true_false_questions_stay_as_they_are() {
        let mut judge = multiple();
        judge.kind = QuestionKind::Judge;
        judge.options.clear();
        judge.answer = Answer::Verdict(false);
        assert_eq!(shuffle_options(&judge, 7), judge);
    }
}
