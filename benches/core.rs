//! Criterion benches for the core's hot paths: loading the bank (TOML as the build does, JSON
//! as the browser does), drawing a paper, grading it, reading a results CSV, aggregating a
//! county's results per unit, and collecting a county's result codes (what the 统计 page does
//! with them). `cargo bench` measures; `cargo test --all-targets` runs each once.

#[allow(dead_code)] // the roster as a CSV file is the browser bench's part
#[path = "../tests/support/county.rs"]
mod county;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use xuefa::core::bank::{load_toml_files, toml_files, Bank};
use xuefa::core::exam::{draw, grade, Blueprint, CountRule, DrawOrder, MultipleRule};
use xuefa::core::units::{
    collect_results, item_analysis, read_results_table, unit_report, CollectedInput, Lines, Roster,
    ScoredResult,
};

/// The built-in bank's TOML files, as (file name, text), in name order.
fn bank_sources() -> Vec<(String, String)> {
    toml_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("questions")).unwrap()
}

fn load(files: &[(String, String)]) -> Bank {
    load_toml_files(files).unwrap_or_else(|problems| panic!("{problems}"))
}

/// A county-sized set (13,492 people in 159 units; most sit once, some twice, 3% never),
/// generated deterministically.
fn county() -> (Roster, Vec<ScoredResult>) {
    let mut state = 2020_u64;
    let mut next = |below: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % below
    };
    let people = county::people();
    let mut results = Vec::new();
    for person in &people {
        let sittings = match next(100) {
            0..=2 => 0,
            3..=9 => 2,
            _ => 1,
        };
        for _ in 0..sittings {
            results.push(ScoredResult {
                person_id: person.id.clone(),
                name: person.name.clone(),
                unit: person.unit.clone(),
                score: next(201) as f64 / 2.0,
                submitted_at: 1_795_000_000_000 + next(86_400) as i64 * 1000,
            });
        }
    }
    (Roster::of_people(people), results)
}

/// The results as the 个人成绩 CSV table `xuefa-report` reads.
fn results_csv(results: &[ScoredResult]) -> Vec<u8> {
    let mut text = String::from("工号,姓名,单位,得分,交卷时间\n");
    for r in results {
        let minute = (r.submitted_at / 60_000) % (24 * 60);
        text.push_str(&format!(
            "{},{},{},{},2026-11-20 {:02}:{:02}:00\n",
            r.person_id,
            r.name,
            r.unit,
            r.score,
            minute / 60,
            minute % 60
        ));
    }
    text.into_bytes()
}

fn bank_load(c: &mut Criterion) {
    let files = bank_sources();
    let json = load(&files).to_json();
    c.bench_function("bank load, TOML (the build)", |b| {
        b.iter(|| load(black_box(&files)))
    });
    c.bench_function("bank load, JSON (the browser)", |b| {
        b.iter(|| Bank::from_json(black_box(&json)).unwrap())
    });
}

fn exam(c: &mut Criterion) {
    let bank = load(&bank_sources());
    let blueprint = Blueprint::mock_default();
    let first_exams = Blueprint {
        draw: DrawOrder::WholeBank,
        ..blueprint.clone()
    };
    for (name, blueprint) in [
        ("paper draw, mock exam", &blueprint),
        (
            "paper draw, mock exam, the first exams' order",
            &first_exams,
        ),
    ] {
        c.bench_function(name, |b| {
            let mut seed = 0_u64;
            b.iter(|| {
                seed += 1;
                draw(blueprint, &bank, black_box(seed)).unwrap()
            })
        });
    }
    let paper = draw(&blueprint, &bank, 7).unwrap();
    let answers: BTreeMap<_, _> = paper
        .items
        .iter()
        .map(|item| {
            let question = bank.question(&item.question).unwrap();
            (item.question.clone(), question.answer.clone())
        })
        .collect();
    c.bench_function("grading, mock exam", |b| {
        b.iter(|| {
            grade(
                black_box(&paper),
                &bank,
                &blueprint,
                &answers,
                MultipleRule::AllOrNothing,
                (60, 90),
            )
            .unwrap()
        })
    });
}

fn units(c: &mut Criterion) {
    let (roster, results) = county();
    let csv = results_csv(&results);
    c.bench_function("CSV parse, county results table", |b| {
        b.iter(|| read_results_table(black_box(&csv)).unwrap())
    });
    // unit_report takes the results: each run gets a copy made outside the timing.
    c.bench_function("aggregation per unit, county", |b| {
        b.iter_batched(
            || results.clone(),
            |results| {
                unit_report(
                    black_box(&roster),
                    results,
                    Lines::default(),
                    CountRule::Highest,
                )
            },
            BatchSize::LargeInput,
        )
    });
}

/// The 统计 page's work on the county's pasted result codes: every code decoded and its
/// checksum verified, its paper redrawn and re-graded, then the per-unit report and the item
/// analysis (what `tests/bench_browser.rs` times in Chromium, without the rendering).
fn county_collect(c: &mut Criterion) {
    let bank = load(&bank_sources());
    let exam = county::exam(&bank);
    let roster = county::roster();
    // What the page makes of the codes pasted one per line.
    let inputs = CollectedInput::per_line(&county::result_codes(&exam, &bank).join("\n"), "粘贴");
    let mut group = c.benchmark_group("county");
    group.sample_size(10);
    group.bench_function("collect and report, county result codes", |b| {
        b.iter(|| {
            let collection = collect_results(&exam, &bank, &roster, black_box(&inputs));
            let report = collection.report(&exam, &roster);
            (report, item_analysis(&collection.responses()))
        })
    });
    group.finish();
}

criterion_group!(benches, bank_load, exam, units, county_collect);
criterion_main!(benches);
