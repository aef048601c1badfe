//! Pinned papers: exams already issued depend on a seed drawing exactly the same questions in
//! the same order with the same option order, on every device and in every version of the
//! app. The first exams' digests (`DrawOrder::WholeBank`) were computed before the drawing code
//! was made faster; the `DrawOrder::AsNeeded` ones when that order was introduced. A change to
//! `paper.rs` that alters any of them breaks issued exams.

use super::paper::tests::{small_bank, small_blueprint};
use super::{draw, short_hash, Blueprint, DrawOrder, ExamDefinition, UnitDraw};
use crate::core::bank::{Answer, Bank, Question, QuestionKind};
use crate::core::bank_io::{Draft, ImportedSet};

/// Seeds drawn for each blueprint, small and large.
const SEEDS: [u64; 6] = [0, 1, 2, 77, 1_000_003, u64::MAX];

/// 16 hex digits of the SHA-256 of the papers' JSON, one paper per seed, in seed order.
fn digest(blueprint: &Blueprint, bank: &Bank) -> String {
    let papers: Vec<String> = SEEDS
        .iter()
        .map(|&seed| serde_json::to_string(&draw(blueprint, bank, seed).unwrap()).unwrap())
        .collect();
    short_hash(papers.join("\n").as_bytes(), 16)
}

/// The small bank joined with an imported set of eight single-choice questions, and an exam
/// that draws three of them after its sections.
fn unit_exam() -> (ExamDefinition, Bank) {
    let drafts: Vec<Draft> = (0..8)
        .map(|i| {
            Draft::of(&Question {
                id: String::new(),
                kind: QuestionKind::Single,
                stem: format!("本单位第 {i} 题"),
                options: vec!["甲".into(), "乙".into(), "丙".into()],
                answer: Answer::Choices(vec![i % 3]),
                articles: vec![],
                explanation: String::new(),
                difficulty: 2,
                case: None,
                tags: vec![],
            })
        })
        .collect();
    let set = ImportedSet::new("本局", "a.csv", drafts, 1);
    let builtin = small_bank();
    let mut exam = ExamDefinition::mock("E1".into(), "v".into());
    exam.blueprint = small_blueprint();
    exam.blueprint.unit = Some(UnitDraw {
        set: set.id.clone(),
        count: 3,
        points: 2,
    });
    exam.unit_questions = set.questions.clone();
    let bank = exam.joined_bank(&builtin).unwrap();
    (exam, bank)
}

#[test]
fn a_paper_with_a_unit_draw_is_pinned_in_full() {
    let (exam, bank) = unit_exam();
    let paper = draw(&exam.blueprint, &bank, 3).unwrap();
    let shown: Vec<String> = paper
        .items
        .iter()
        .map(|i| format!("{}{:?}", i.question, i.order))
        .collect();
    assert_eq!(shown.join(" "), PINNED_UNIT_PAPER, "{}", shown.join(" "));
}

const PINNED_UNIT_PAPER: &str =
    "Q001[3, 2, 1, 0] Q045[3, 2, 1, 0] Q074[2, 0, 1, 3] Q002[0, 3, 1, 2] \
Q009[0, 3, 2, 1] Q021[3, 2, 0, 1] Q059[2, 1, 0, 3] Q058[1, 2, 3, 0] Q077[1, 2, 0, 3] Q017[] Q024[] \
Q006[] Q061[] Q071[] Ud6b7f8b3-0003[2, 0, 1] Ud6b7f8b3-0007[0, 2, 1] Ud6b7f8b3-0008[1, 0, 2]";

#[test]
fn papers_of_several_blueprints_and_seeds_are_pinned() {
    let digests = digests(DrawOrder::WholeBank);
    assert_eq!(digests, PINNED_DIGESTS, "{digests:?}");
}

#[test]
fn papers_drawn_as_needed_are_pinned() {
    let digests = digests(DrawOrder::AsNeeded);
    assert_eq!(digests, PINNED_AS_NEEDED, "{digests:?}");
}

/// The digests of five blueprints (shuffled options, bank order, filtered, reordered sections,
/// a unit draw) in the draw order given.
fn digests(order: DrawOrder) -> [String; 5] {
    let bank = small_bank();
    let shuffled = small_blueprint();
    let mut in_bank_order = small_blueprint();
    in_bank_order.shuffle_options = false;
    let mut filtered = small_blueprint();
    filtered.books = vec![crate::core::law::Book::Contracts];
    filtered.difficulties = vec![1, 3];
    filtered.sections[0].count = 3;
    filtered.sections[1].count = 0;
    filtered.sections[2].count = 2;
    let mut reordered = small_blueprint();
    reordered.sections.reverse();
    reordered.sections[0].count = 8;
    let (mut unit, unit_bank) = unit_exam();
    let mut blueprints = [shuffled, in_bank_order, filtered, reordered];
    for blueprint in blueprints.iter_mut().chain([&mut unit.blueprint]) {
        blueprint.draw = order;
    }
    [
        digest(&blueprints[0], &bank),
        digest(&blueprints[1], &bank),
        digest(&blueprints[2], &bank),
        digest(&blueprints[3], &bank),
        digest(&unit.blueprint, &unit_bank),
    ]
}

const PINNED_DIGESTS: [&str; 5] = [
    "96c1ad78d73b56c8",
    "47fe6f12cb5ff8e6",
    "ded7118fc532f188",
    "5fdac09c7af44510",
    "112356d6d59081ed",
];

const PINNED_AS_NEEDED: [&str; 5] = [
    "c4aeffa2a87239dc",
    "efe127da1bf718e4",
    "662d4937bdb3abcd",
    "3a87eb78278c90ab",
    "63a8c28caf7a774c",
];
