//! The county-sized set of the benchmarks: 13,492 people in 159 units sit one official exam;
//! every 33rd person does not sit and the one before sits twice, so there are 13,492 result
//! records. Shared by `tests/bench_browser.rs`, `tests/e2e_stats_scale.rs` and
//! `benches/core.rs`, so that the browser and the native figures measure the same records.
//! [`handed_in`], the record of a sat paper, also serves `tests/e2e_stats.rs` and
//! `tests/report_command_records.rs`.

use xuefa::core::bank::Bank;
use xuefa::core::exam::{bank_version, draw, Attempt, ExamDefinition, Participant, ResultRecord};
use xuefa::core::units::{Person, Roster};

/// People on the roster.
pub const PEOPLE: usize = 13_492;
/// Units they work in.
pub const UNITS: usize = 159;

/// The unit `person` works in.
pub fn unit_of(person: usize) -> String {
    format!("第{}单位", person % UNITS + 1)
}

/// The official exam the county sits: the mock blueprint (60 questions) on `bank`.
pub fn exam(bank: &Bank) -> ExamDefinition {
    let mut exam = ExamDefinition::mock("E-county-bench".into(), bank_version(bank));
    exam.title = "县级考试".into();
    exam.official = true;
    exam.units = (0..UNITS).map(unit_of).collect();
    exam
}

/// Everyone on the roster, in 工号 order.
pub fn people() -> Vec<Person> {
    (0..PEOPLE)
        .map(|person| Person {
            id: format!("GD{person:06}").into(),
            name: format!("职工{person}").into(),
            unit: unit_of(person).into(),
        })
        .collect()
}

/// The roster of [`people`].
pub fn roster() -> Roster {
    Roster::of_people(people())
}

/// The roster as the CSV file an administrator imports (单位,工号,姓名).
pub fn roster_csv() -> String {
    let mut roster = String::from("单位,工号,姓名\n");
    for person in people() {
        roster.push_str(&format!("{},{},{}\n", person.unit, person.id, person.name));
    }
    roster
}

/// A handed-in record of `person`'s `sitting`, answering the first few questions right.
fn record(exam: &ExamDefinition, bank: &Bank, person: usize, sitting: u64) -> ResultRecord {
    let id = format!("GD{person:06}");
    let seed = person as u64 * 2 + sitting;
    let participant =
        Participant::new(&format!("职工{person}"), &id, &unit_of(person), &exam.units).unwrap();
    let start = 1_795_000_000_000 + seed * 1000;
    handed_in(exam, bank, &id, participant, seed, start, person % 61)
}

/// The record of an attempt `attempt_id` by `participant` on the paper drawn from `seed`,
/// started at `at` (ms), with the first `right` questions answered with the key and the rest
/// left blank, handed in 2 ms later.
pub fn handed_in(
    exam: &ExamDefinition,
    bank: &Bank,
    attempt_id: &str,
    participant: Participant,
    seed: u64,
    at: u64,
    right: usize,
) -> ResultRecord {
    let paper = draw(&exam.blueprint, bank, seed).unwrap();
    let mut attempt = Attempt::start(
        attempt_id.into(),
        exam.clone(),
        Some(participant),
        seed,
        paper,
        0,
        at,
    )
    .unwrap();
    for item in attempt.paper.items.clone().iter().take(right) {
        let key = bank.question(&item.question).unwrap().answer.clone();
        attempt
            .set_answer(&item.question, Some(key), at + 1)
            .unwrap();
    }
    attempt.submit(at + 2);
    let grade = attempt.grade(bank).unwrap();
    ResultRecord::of(&attempt, &grade).unwrap()
}

/// The county's result codes, one per record, in the order they are pasted.
pub fn result_codes(exam: &ExamDefinition, bank: &Bank) -> Vec<String> {
    (0..PEOPLE)
        .map(|j| match j % 33 {
            0 if j > 0 => record(exam, bank, j - 1, 1),
            _ => record(exam, bank, j, 0),
        })
        .map(|r| r.code())
        .collect()
}
