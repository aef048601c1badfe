//! Drawing a paper from the bank with a seeded ChaCha generator: the same blueprint, bank
//! and seed give the same paper on every machine. A case's questions are drawn together.

use rand_chacha::rand_core::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::{Blueprint, DrawOrder};
use crate::core::bank::{Answer, Bank, Question, QuestionKind};
use crate::core::bank_io::imported_set_of;

/// One question of a paper and the order its options are shown in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperItem {
    /// The bank id of the question.
    pub question: String,
    /// `order[shown] = original` option index; empty when options keep the bank's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order: Vec<u8>,
}

/// The concrete questions of one attempt, in the order they are shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paper {
    pub items: Vec<PaperItem>,
}

/// Why a paper could not be drawn.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DrawError {
    #[error("题库中符合条件的{kind}只有 {found} 道，试卷需要 {wanted} 道")]
    NotEnough {
        kind: &'static str,
        wanted: u16,
        found: u16,
    },
    #[error("{0}")]
    InvalidBlueprint(String),
}

impl PaperItem {
    /// The original option index shown at position `shown`.
    fn original(&self, shown: u8) -> u8 {
        self.order.get(usize::from(shown)).copied().unwrap_or(shown)
    }

    /// The position at which original option `original` is shown.
    fn shown(&self, original: u8) -> u8 {
        self.order
            .iter()
            .position(|&o| o == original)
            .map_or(original, |p| p as u8)
    }

    /// The labels of the choices in the order shown.
    pub fn shown_labels<'q>(&self, question: &'q Question) -> Vec<&'q str> {
        let labels = question.choice_labels();
        (0..labels.len() as u8)
            .map(|shown| labels[usize::from(self.original(shown))])
            .collect()
    }

    /// The answer that a selection of shown positions amounts to, in the bank's terms.
    pub fn answer_from_shown(&self, question: &Question, shown: &[u8]) -> Option<Answer> {
        let original: Vec<u8> = shown.iter().map(|&s| self.original(s)).collect();
        question.answer_from_choices(&original)
    }

    /// The shown positions an answer (in the bank's terms) selects, ascending.
    pub fn shown_choices(&self, answer: &Answer) -> Vec<u8> {
        match answer {
            Answer::Choices(options) => {
                let mut shown: Vec<u8> = options.iter().map(|&o| self.shown(o)).collect();
                shown.sort_unstable();
                shown
            }
            Answer::Verdict(verdict) => vec![if *verdict { 0 } else { 1 }],
        }
    }

    /// An answer as the participant saw it: letters of the shown positions, or 正确 / 错误.
    pub fn shown_display(&self, answer: &Answer) -> String {
        match answer {
            Answer::Choices(_) => Answer::Choices(self.shown_choices(answer)).display(),
            Answer::Verdict(_) => answer.display(),
        }
    }
}

/// A uniform number below `n` (n > 0), by rejection so that no value is favoured.
fn below(rng: &mut ChaCha8Rng, n: u64) -> u64 {
    loop {
        let x = rng.next_u64();
        let r = x % n;
        if x - r <= u64::MAX - (n - 1) {
            return r;
        }
    }
}

/// Fisher–Yates, written out so that the order never depends on a library's version.
fn shuffle<T>(items: &mut [T], rng: &mut ChaCha8Rng) {
    for i in (1..items.len()).rev() {
        let j = below(rng, i as u64 + 1) as usize;
        items.swap(i, j);
    }
}

/// The items in a seeded random order, Fisher–Yates from the front: each item is final once
/// given, so a caller that stops early has used one random number per item it took. Written
/// out, like [`shuffle`], so that the order never depends on a library's version.
fn shuffled_as_needed<'a, T: Copy>(
    items: &'a mut [T],
    rng: &'a mut ChaCha8Rng,
) -> impl Iterator<Item = T> + 'a {
    let n = items.len();
    (0..n).map(move |i| {
        let j = i + below(rng, (n - i) as u64) as usize;
        items.swap(i, j);
        items[i]
    })
}

/// The items in the seeded order in which `order` draws them (see [`DrawOrder`]).
fn drawn<'a, T: Copy>(
    order: DrawOrder,
    items: &'a mut [T],
    rng: &'a mut ChaCha8Rng,
) -> Box<dyn Iterator<Item = T> + 'a> {
    match order {
        DrawOrder::WholeBank => {
            shuffle(items, rng);
            Box::new(items.iter().copied())
        }
        DrawOrder::AsNeeded => Box::new(shuffled_as_needed(items, rng)),
    }
}

/// The three kinds in the order a unit's needs and a blueprint's quotas are counted.
const KINDS: [QuestionKind; 3] = [
    QuestionKind::Single,
    QuestionKind::Multiple,
    QuestionKind::Judge,
];

/// The position of a kind in [`KINDS`].
fn slot(kind: QuestionKind) -> usize {
    match kind {
        QuestionKind::Single => 0,
        QuestionKind::Multiple => 1,
        QuestionKind::Judge => 2,
    }
}

/// A drawable unit: a standalone question, or a case's questions together in bank order.
struct Unit {
    /// The positions of its questions in the bank.
    questions: Vec<usize>,
    /// How many questions of each kind (in [`KINDS`] order) the unit takes up.
    needs: [u16; 3],
    is_case: bool,
}

/// The drawable units of the bank: each standalone question alone, each case's questions
/// together in bank order; only units all of whose questions the blueprint admits.
fn units(bank: &[Question], blueprint: &Blueprint) -> Vec<Unit> {
    let mut units: Vec<Vec<usize>> = Vec::new();
    let mut case_unit: Vec<(&str, usize)> = Vec::new();
    for (at_bank, question) in bank.iter().enumerate() {
        match &question.case {
            None => units.push(vec![at_bank]),
            Some(case) => match case_unit.iter().find(|(id, _)| id == case) {
                Some(&(_, at)) => units[at].push(at_bank),
                None => {
                    case_unit.push((case, units.len()));
                    units.push(vec![at_bank]);
                }
            },
        }
    }
    units.retain(|unit| unit.iter().all(|&q| blueprint.admits(&bank[q])));
    units
        .into_iter()
        .map(|questions| {
            let mut needs = [0u16; 3];
            for &q in &questions {
                needs[slot(bank[q].kind)] += 1;
            }
            let is_case = bank[questions[0]].case.is_some();
            Unit {
                questions,
                needs,
                is_case,
            }
        })
        .collect()
}

/// Draws a paper. Sections come in the blueprint's order with their standalone questions;
/// cases follow at the end, each with its questions together, counted towards their kinds.
pub fn draw(blueprint: &Blueprint, bank: &Bank, seed: u64) -> Result<Paper, DrawError> {
    Drawer::new(blueprint, bank)?.draw(seed)
}

/// Draws many papers of one blueprint from one bank (re-grading thousands of results): the
/// bank's drawable units, what each takes up and the sections' quotas are found once, not for
/// every paper.
pub struct Drawer<'b> {
    blueprint: &'b Blueprint,
    /// The bank's questions, which the units and the pool point into.
    bank: &'b [Question],
    units: Vec<Unit>,
    /// The units' positions, `0..units.len()`: copied for each paper and shuffled.
    unit_positions: Vec<u32>,
    /// Each kind's count on the paper, in [`KINDS`] order.
    quotas: [u16; 3],
    /// The imported set's questions the blueprint's unit draw picks from (empty without one).
    unit_pool: Vec<usize>,
}

impl<'b> Drawer<'b> {
    /// A drawer for the blueprint, which must be valid.
    pub fn new(blueprint: &'b Blueprint, bank: &'b Bank) -> Result<Drawer<'b>, DrawError> {
        blueprint.validate().map_err(DrawError::InvalidBlueprint)?;
        let questions = bank.questions();
        let units = units(questions, blueprint);
        Ok(Drawer {
            blueprint,
            bank: questions,
            unit_positions: (0..units.len() as u32).collect(),
            units,
            quotas: KINDS.map(|kind| blueprint.section(kind).map_or(0, |s| s.count)),
            unit_pool: match blueprint.unit.as_ref().filter(|u| u.count > 0) {
                Some(draw) => (0..questions.len())
                    .filter(|&q| imported_set_of(&questions[q].id) == Some(draw.set.as_str()))
                    .collect(),
                None => Vec::new(),
            },
        })
    }

    /// The paper of `seed`: the same as [`draw`] gives. The options of each question are
    /// shuffled after all questions are drawn, so the questions do not depend on them.
    pub fn draw(&self, seed: u64) -> Result<Paper, DrawError> {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let questions = self.draw_from(&mut rng)?;
        let items = questions
            .into_iter()
            .map(|at| {
                let question = &self.bank[at];
                let mut order = Vec::new();
                if self.blueprint.shuffle_options && question.kind != QuestionKind::Judge {
                    order = (0..question.options.len() as u8).collect();
                    shuffle(&mut order, &mut rng);
                }
                PaperItem {
                    question: question.id.clone(),
                    order,
                }
            })
            .collect();
        Ok(Paper { items })
    }

    /// The positions in the bank of the questions of the paper of `seed`, in paper order:
    /// the questions [`Drawer::draw`] gives, without the option orders (grading takes answers
    /// in the bank's option terms; they are shuffled after all questions are drawn) and
    /// without copying the question ids.
    pub fn draw_positions(&self, seed: u64) -> Result<Vec<usize>, DrawError> {
        self.draw_from(&mut ChaCha8Rng::seed_from_u64(seed))
    }

    /// The positions in the bank of the questions drawn with `rng`, in paper order.
    fn draw_from(&self, rng: &mut ChaCha8Rng) -> Result<Vec<usize>, DrawError> {
        let blueprint = self.blueprint;
        let mut positions = self.unit_positions.clone();
        let quotas = self.quotas;
        let mut taken = [0u16; 3];
        let mut chosen: Vec<&Unit> = Vec::with_capacity(blueprint.question_count() as usize);
        for at in drawn(blueprint.draw, &mut positions, rng) {
            let unit = &self.units[at as usize];
            if (0..3).all(|i| taken[i] + unit.needs[i] <= quotas[i]) {
                for (taken, needs) in taken.iter_mut().zip(unit.needs) {
                    *taken += needs;
                }
                chosen.push(unit);
            }
            if taken == quotas {
                break;
            }
        }
        for (i, &kind) in KINDS.iter().enumerate() {
            if taken[i] < quotas[i] {
                return Err(DrawError::NotEnough {
                    kind: kind.label(),
                    wanted: quotas[i],
                    found: taken[i],
                });
            }
        }

        let mut ordered: Vec<usize> = Vec::with_capacity(blueprint.question_count() as usize);
        for section in &blueprint.sections {
            // A standalone unit needs one question, of its own kind.
            let kind = slot(section.kind);
            ordered.extend(
                chosen
                    .iter()
                    .filter(|u| !u.is_case && u.needs[kind] > 0)
                    .map(|u| u.questions[0]),
            );
        }
        for unit in chosen.iter().filter(|u| u.is_case) {
            ordered.extend(unit.questions.iter().copied());
        }
        if let Some(draw) = blueprint.unit.as_ref().filter(|u| u.count > 0) {
            if self.unit_pool.len() < usize::from(draw.count) {
                return Err(DrawError::NotEnough {
                    kind: "本单位题目",
                    wanted: draw.count,
                    found: self.unit_pool.len() as u16,
                });
            }
            let mut pool = self.unit_pool.clone();
            ordered.extend(drawn(blueprint.draw, &mut pool, rng).take(usize::from(draw.count)));
        }

        Ok(ordered)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::bank::Case;
    use crate::core::exam::Section;

    fn question(id: usize, kind: QuestionKind, case: Option<&str>) -> Question {
        let (options, answer) = match kind {
            QuestionKind::Judge => (vec![], Answer::Verdict(id.is_multiple_of(2))),
            QuestionKind::Single => (
                vec!["甲".into(), "乙".into(), "丙".into(), "丁".into()],
                Answer::Choices(vec![(id % 4) as u8]),
            ),
            QuestionKind::Multiple => (
                vec!["甲".into(), "乙".into(), "丙".into(), "丁".into()],
                Answer::Choices(vec![0, 2]),
            ),
        };
        Question {
            id: format!("Q{id:03}"),
            kind,
            stem: format!("第 {id} 题"),
            options,
            answer,
            articles: vec![if id.is_multiple_of(3) { 500 } else { 17 }],
            explanation: "解析".into(),
            difficulty: (id % 3) as u8 + 1,
            case: case.map(str::to_string),
            tags: vec![],
        }
    }

    /// 40 single, 20 multiple, 30 judge standalone questions and three cases of three.
    pub(crate) fn small_bank() -> Bank {
        let mut questions = Vec::new();
        for id in 0..90 {
            let kind = match id % 9 {
                0..=3 => QuestionKind::Single,
                4 | 5 => QuestionKind::Multiple,
                _ => QuestionKind::Judge,
            };
            questions.push(question(id, kind, None));
        }
        let mut cases = Vec::new();
        for c in 0..3 {
            let case = format!("C{c}");
            cases.push(Case {
                id: case.clone(),
                title: format!("案例 {c}"),
                scenario: "某甲……".into(),
            });
            let kinds = [
                QuestionKind::Single,
                QuestionKind::Judge,
                QuestionKind::Multiple,
            ];
            for (k, kind) in kinds.into_iter().enumerate() {
                questions.push(question(100 + c * 10 + k, kind, Some(&case)));
            }
        }
        Bank::new(questions, cases)
    }

    pub(crate) fn small_blueprint() -> Blueprint {
        Blueprint {
            sections: vec![
                Section {
                    kind: QuestionKind::Single,
                    count: 6,
                    points: 2,
                },
                Section {
                    kind: QuestionKind::Multiple,
                    count: 3,
                    points: 2,
                },
                Section {
                    kind: QuestionKind::Judge,
                    count: 5,
                    points: 1,
                },
            ],
            books: vec![],
            difficulties: vec![],
            shuffle_options: true,
            unit: None,
            draw: DrawOrder::WholeBank,
        }
    }

    /// The small blueprint in each draw order.
    pub(crate) fn in_each_order(blueprint: &Blueprint) -> [Blueprint; 2] {
        [DrawOrder::WholeBank, DrawOrder::AsNeeded].map(|draw| Blueprint {
            draw,
            ..blueprint.clone()
        })
    }

    fn ids(paper: &Paper) -> Vec<&str> {
        paper.items.iter().map(|i| i.question.as_str()).collect()
    }

    #[test]
    fn the_same_seed_draws_the_same_paper_and_another_seed_another() {
        let bank = small_bank();
        let [whole_bank, as_needed] = in_each_order(&small_blueprint());
        for blueprint in [&whole_bank, &as_needed] {
            let a = draw(blueprint, &bank, 42).unwrap();
            let b = draw(blueprint, &bank.clone(), 42).unwrap();
            assert_eq!(a, b);
            assert_ne!(ids(&a), ids(&draw(blueprint, &bank, 43).unwrap()));
            assert_eq!(a.items.len(), 14);
        }
        let differ = (0..20)
            .filter(|&seed| draw(&whole_bank, &bank, seed) != draw(&as_needed, &bank, seed))
            .count();
        assert_eq!(differ, 20, "the two orders are two ways of drawing");
    }

    #[test]
    fn a_drawer_draws_what_draw_draws() {
        let bank = small_bank();
        for blueprint in in_each_order(&small_blueprint()) {
            a_drawer_draws_what_draw_draws_for(&blueprint, &bank);
        }
    }

    fn a_drawer_draws_what_draw_draws_for(blueprint: &Blueprint, bank: &Bank) {
        let drawer = Drawer::new(blueprint, bank).unwrap();
        for seed in 0..40 {
            let paper = drawer.draw(seed).unwrap();
            assert_eq!(Ok(&paper), draw(blueprint, bank, seed).as_ref());
            let questions: Vec<&str> = drawer
                .draw_positions(seed)
                .unwrap()
                .into_iter()
                .map(|at| bank.questions()[at].id.as_str())
                .collect();
            assert_eq!(questions, ids(&paper), "the same questions without options");
        }
    }

    #[test]
    fn papers_are_pinned_across_machines_and_versions() {
        // A golden value: if this changes, old seeds no longer reproduce their papers.
        let paper = draw(&small_blueprint(), &small_bank(), 7).unwrap();
        let pinned = serde_json::to_string(&paper).unwrap();
        assert_eq!(pinned, GOLDEN_PAPER, "{pinned}");
    }

    const GOLDEN_PAPER: &str = r#"{"items":[{"question":"Q030","order":[0,2,1,3]},{"question":"Q000","order":[2,3,1,0]},{"question":"Q074","order":[1,0,3,2]},{"question":"Q048","order":[0,2,1,3]},{"question":"Q066","order":[0,2,3,1]},{"question":"Q046","order":[1,0,3,2]},{"question":"Q023","order":[0,1,2,3]},{"question":"Q013","order":[0,2,3,1]},{"question":"Q085","order":[2,0,3,1]},{"question":"Q044"},{"question":"Q034"},{"question":"Q052"},{"question":"Q071"},{"question":"Q080"}]}"#;

    #[test]
    fn sections_follow_the_blueprint_and_kinds_are_counted() {
        let bank = small_bank();
        for (blueprint, seed) in in_each_order(&small_blueprint())
            .iter()
            .flat_map(|b| (0..50).map(move |seed| (b, seed)))
        {
            let paper = draw(blueprint, &bank, seed).unwrap();
            let kinds: Vec<QuestionKind> = paper
                .items
                .iter()
                .map(|i| bank.question(&i.question).unwrap().kind)
                .collect();
            for section in small_blueprint().sections {
                let n = kinds.iter().filter(|&&k| k == section.kind).count();
                assert_eq!(n, usize::from(section.count), "seed {seed}");
            }
            let mut seen = ids(&paper);
            seen.sort_unstable();
            seen.dedup();
            assert_eq!(seen.len(), 14, "no question twice (seed {seed})");
        }
    }

    #[test]
    fn in_either_order_no_question_is_favoured() {
        let bank = small_bank();
        for blueprint in in_each_order(&small_blueprint()) {
            let drawer = Drawer::new(&blueprint, &bank).unwrap();
            let mut drawn = vec![0u32; bank.questions().len()];
            for seed in 0..3000 {
                for at in drawer.draw_positions(seed).unwrap() {
                    drawn[at] += 1;
                }
            }
            // Alike questions (of one kind, standalone or in a case) are drawn alike often.
            for kind in KINDS {
                for in_case in [false, true] {
                    let alike: Vec<u32> = (0..bank.questions().len())
                        .filter(|&at| bank.questions()[at].kind == kind)
                        .filter(|&at| bank.questions()[at].case.is_some() == in_case)
                        .map(|at| drawn[at])
                        .collect();
                    let mean = alike.iter().sum::<u32>() as f64 / alike.len() as f64;
                    for count in alike {
                        let off = (f64::from(count) - mean).abs() / mean;
                        let order = blueprint.draw;
                        assert!(off < 0.25, "{order:?} {kind:?}: {count} vs {mean}");
                    }
                }
            }
        }
    }

    #[test]
    fn case_groups_stay_together() {
        let bank = small_bank();
        for blueprint in in_each_order(&small_blueprint()) {
            case_groups_stay_together_in(&blueprint, &bank);
        }
    }

    fn case_groups_stay_together_in(blueprint: &Blueprint, bank: &Bank) {
        let mut cases_drawn = 0;
        for seed in 0..200 {
            let paper = draw(blueprint, bank, seed).unwrap();
            let ids = ids(&paper);
            for case in ["C0", "C1", "C2"] {
                let positions: Vec<usize> = ids
                    .iter()
                    .enumerate()
                    .filter(|(_, id)| bank.question(id).unwrap().case.as_deref() == Some(case))
                    .map(|(p, _)| p)
                    .collect();
                if positions.is_empty() {
                    continue;
                }
                cases_drawn += 1;
                assert_eq!(positions.len(), 3, "all of {case} or none (seed {seed})");
                assert_eq!(
                    positions[2] - positions[0],
                    2,
                    "{case} adjacent (seed {seed})"
                );
            }
        }
        assert!(cases_drawn > 0, "some papers include a case");
    }

    #[test]
    fn book_and_difficulty_filters_hold() {
        for blueprint in in_each_order(&small_blueprint()) {
            book_and_difficulty_filters_hold_in(blueprint);
        }
    }

    fn book_and_difficulty_filters_hold_in(mut blueprint: Blueprint) {
        let bank = small_bank();
        blueprint.books = vec![crate::core::law::Book::Contracts];
        blueprint.difficulties = vec![1];
        blueprint.sections[0].count = 2;
        blueprint.sections[1].count = 0;
        blueprint.sections[2].count = 1;
        let paper = draw(&blueprint, &bank, 1).unwrap();
        for item in &paper.items {
            let q = bank.question(&item.question).unwrap();
            assert_eq!(q.main_article(), Some(500));
            assert_eq!(q.difficulty, 1);
        }
        blueprint.sections[0].count = 40;
        assert!(matches!(
            draw(&blueprint, &bank, 1),
            Err(DrawError::NotEnough {
                kind: "单选题",
                wanted: 40,
                ..
            })
        ));
    }

    #[test]
    fn shuffling_remaps_the_key_to_the_same_option_text() {
        let bank = small_bank();
        let mut shuffled_some = false;
        for (blueprint, seed) in in_each_order(&small_blueprint())
            .iter()
            .flat_map(|b| (0..20).map(move |seed| (b, seed)))
        {
            let paper = draw(blueprint, &bank, seed).unwrap();
            for item in &paper.items {
                let q = bank.question(&item.question).unwrap();
                let labels = item.shown_labels(q);
                let mut sorted = labels.clone();
                sorted.sort_unstable();
                let mut original = q.choice_labels();
                original.sort_unstable();
                assert_eq!(sorted, original, "a permutation of the options");
                shuffled_some |= labels != q.choice_labels();
                let shown_key = item.shown_choices(&q.answer);
                let key_texts: Vec<&str> =
                    shown_key.iter().map(|&s| labels[usize::from(s)]).collect();
                let mut bank_texts: Vec<&str> = match &q.answer {
                    Answer::Choices(k) => k
                        .iter()
                        .map(|&o| q.options[usize::from(o)].as_str())
                        .collect(),
                    Answer::Verdict(v) => vec![if *v { "正确" } else { "错误" }],
                };
                let mut key_sorted = key_texts.clone();
                key_sorted.sort_unstable();
                bank_texts.sort_unstable();
                assert_eq!(key_sorted, bank_texts);
                assert_eq!(
                    item.answer_from_shown(q, &shown_key),
                    Some(q.answer.clone())
                );
            }
        }
        assert!(shuffled_some);
    }

    #[test]
    fn a_unit_draw_adds_questions_of_the_set_carried_by_the_exam() {
        for blueprint in in_each_order(&small_blueprint()) {
            a_unit_draw_adds_questions_of_the_set_carried_by_the_exam_in(blueprint);
        }
    }

    fn a_unit_draw_adds_questions_of_the_set_carried_by_the_exam_in(blueprint: Blueprint) {
        use crate::core::bank_io::{Draft, ImportedSet};
        use crate::core::exam::{grade, ExamDefinition, MultipleRule, Score, UnitDraw};
        let drafts: Vec<Draft> = (0..5)
            .map(|i| Draft::of(&question(i, QuestionKind::Judge, None)))
            .map(|mut d| {
                d.stem = format!("本单位第 {} 题", d.stem);
                d
            })
            .collect();
        let set = ImportedSet::new("本局", "a.csv", drafts, 1);
        let builtin = small_bank();
        let mut exam = ExamDefinition::mock("E1".into(), "v".into());
        exam.blueprint = blueprint;
        assert_eq!(
            exam.joined_bank(&builtin),
            None,
            "no unit questions: the bank itself"
        );
        exam.blueprint.unit = Some(UnitDraw {
            set: set.id.clone(),
            count: 3,
            points: 4,
        });
        exam.unit_questions = set.questions.clone();
        (exam.pass_line, exam.excellence_line) = (21, 32);
        assert_eq!(exam.validate(), Ok(()));
        assert_eq!(exam.blueprint.question_count(), 17);
        assert_eq!(exam.blueprint.total_points(), 12 + 6 + 5 + 12);
        let bank = exam.joined_bank(&builtin).unwrap();
        let paper = draw(&exam.blueprint, &bank, 11).unwrap();
        assert_eq!(paper, draw(&exam.blueprint, &bank, 11).unwrap());
        let drawn = ids(&paper);
        assert_eq!(drawn.len(), 17);
        let from_set = |id: &str| id.starts_with(&format!("U{}", set.id));
        assert!(
            drawn[..14].iter().all(|id| !from_set(id)),
            "sections take built-in questions only"
        );
        assert!(
            drawn[14..].iter().all(|id| from_set(id)),
            "the unit draw comes last"
        );

        let answers = paper
            .items
            .iter()
            .map(|i| {
                (
                    i.question.clone(),
                    bank.question(&i.question).unwrap().answer.clone(),
                )
            })
            .collect();
        let full = grade(
            &paper,
            &bank,
            &exam.blueprint,
            &answers,
            MultipleRule::AllOrNothing,
            (60, 90),
        )
        .unwrap();
        assert_eq!(full.total.earned, Score::points(35));

        exam.blueprint.unit.as_mut().unwrap().count = 6;
        assert!(exam.validate().unwrap_err().contains("只有 5 道"));
        assert!(matches!(
            draw(&exam.blueprint, &bank, 11),
            Err(DrawError::NotEnough {
                wanted: 6,
                found: 5,
                ..
            })
        ));
        exam.blueprint.unit.as_mut().unwrap().count = 3;
        assert_eq!(exam.validate(), Ok(()));
        exam.unit_questions[0].options = vec!["判断题不应有选项".into()];
        assert_eq!(exam.validate(), Err("考试所带的本单位题目有误".into()));
        exam.blueprint.unit = None;
        assert!(
            exam.validate().is_err(),
            "carried questions must be drawn from"
        );
    }
}
