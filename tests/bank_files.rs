//! The built-in bank in `questions/` loads and validates as the app loads it, and covers the
//! whole Code. (The law-text checks of ../shared/tools/check_bank.py come on top of this.)

use std::collections::BTreeMap;
use std::path::Path;

use xuefa::core::bank::{load_toml, load_toml_dir, Bank, SourceFile};
use xuefa::core::law::{Book, Chapter, CHAPTERS};

fn built_in_bank() -> Bank {
    load_toml_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("questions"))
        .unwrap_or_else(|problems| panic!("{problems}"))
}

#[test]
fn every_question_file_loads_and_validates() {
    let bank = built_in_bank();
    assert!(
        bank.questions().len() >= 40,
        "at least the first 40 questions"
    );
}

#[test]
fn each_file_holds_the_book_its_name_says() {
    let expected = [
        ("01-general.toml", Book::General),
        ("02-real-rights.toml", Book::RealRights),
        ("03-contracts.toml", Book::Contracts),
        ("04-personality-rights.toml", Book::PersonalityRights),
        ("05-marriage-family.toml", Book::MarriageFamily),
        ("06-succession.toml", Book::Succession),
        ("07-torts.toml", Book::Torts),
        ("08-supplementary.toml", Book::Supplementary),
    ];
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("questions");
    for (name, book) in expected {
        let text = std::fs::read_to_string(dir.join(name)).unwrap_or_else(|_| panic!("{name}"));
        let bank = load_toml(&[SourceFile { name, text: &text }]).unwrap();
        for question in bank.questions() {
            assert_eq!(
                question.book(),
                Some(book),
                "{name}: {} belongs to another Book",
                question.id
            );
        }
    }
}

#[test]
fn every_book_and_chapter_has_questions_and_cases_group_them() {
    let bank = built_in_bank();
    let mut per_chapter: BTreeMap<usize, usize> = BTreeMap::new();
    for question in bank.questions() {
        *per_chapter
            .entry(
                question
                    .chapter()
                    .expect("a built-in question rests on an article")
                    .index(),
            )
            .or_default() += 1;
    }
    for chapter in &CHAPTERS {
        let count = per_chapter.get(&chapter.index()).copied().unwrap_or(0);
        assert!(
            count >= 4,
            "{} {}: {count} questions",
            chapter.book.heading(),
            chapter.title
        );
    }
    for book in Book::ALL {
        assert!(Chapter::of_book(book).count() > 0);
        assert!(bank.in_book(book).count() >= 4, "{}", book.heading());
    }
    assert!(bank.cases().len() >= 2);
}

#[test]
fn the_shipped_json_round_trips_the_bank() {
    let bank = built_in_bank();
    let json = bank.to_json();
    assert_eq!(Bank::from_json(&json).unwrap(), bank);
}

#[test]
fn the_default_mock_exam_draws_from_the_built_in_bank() {
    use xuefa::core::exam::{draw, Blueprint};
    let bank = built_in_bank();
    let blueprint = Blueprint::mock_default();
    for seed in 0..30 {
        let paper = draw(&blueprint, &bank, seed).expect("the bank is large enough");
        assert_eq!(paper.items.len(), 60, "seed {seed}");
    }
}
