//! The native `xuefa-report --exam …` collects result records (files, codes, folders) as the
//! 统计 page does: checksums checked, papers re-graded against the bank, the exam's rule and
//! lines, result tables merged; its CSV and XLSX equal what the core computes, and flagged
//! records are counted in its summary and not in the numbers.

#[allow(dead_code)] // only the handed-in record is this test's part
#[path = "support/county.rs"]
mod county;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use xuefa::core::bank::{load_toml_dir, Bank};
use xuefa::core::exam::{
    bank_version, exam_code, CountRule, ExamDefinition, Participant, ResultRecord, Score,
};
use xuefa::core::formats::{read_csv, read_xlsx, write_csv, write_xlsx, xlsx_sheet_names};
use xuefa::core::units::{
    absent_rows, collect_results, item_analysis, item_rows, report_workbook, results_rows,
    summary_rows, CollectedInput, Person, Roster, ScoredResult,
};

const JUSTICE: &str = "县司法局";
const FINANCE: &str = "县财政局";

fn built_in_bank() -> Bank {
    load_toml_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("questions")).unwrap()
}

fn exam(bank: &Bank) -> ExamDefinition {
    let mut exam = ExamDefinition::mock("E-native-1".into(), bank_version(bank));
    exam.title = "命令行统计测试".into();
    exam.official = true;
    exam.units = vec![JUSTICE.into(), FINANCE.into()];
    exam.counts = CountRule::Latest;
    exam
}

/// A handed-in record of `id` answering the first `right` questions with the key.
fn record(
    exam: &ExamDefinition,
    bank: &Bank,
    id: &str,
    unit: &str,
    seed: u64,
    right: usize,
) -> ResultRecord {
    let at = 1_795_000_000_000 + seed * 60_000;
    let participant = Participant::new(&format!("职工{id}"), id, unit, &exam.units).unwrap();
    county::handed_in(
        exam,
        bank,
        &format!("{id}-{seed}"),
        participant,
        seed,
        at,
        right,
    )
}

fn people() -> Vec<Person> {
    [
        ("001", JUSTICE),
        ("002", JUSTICE),
        ("003", JUSTICE),
        ("004", FINANCE),
        ("005", FINANCE),
        ("006", FINANCE),
    ]
    .iter()
    .map(|&(id, unit)| Person {
        id: id.into(),
        name: format!("职工{id}").into(),
        unit: unit.into(),
    })
    .collect()
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xuefa-report"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        .output()
        .unwrap()
}

fn read(path: &Path) -> Vec<Vec<String>> {
    read_csv(&std::fs::read(path).unwrap()).unwrap().rows
}

#[test]
fn result_records_are_collected_and_re_graded_as_in_the_browser() {
    let dir = std::env::temp_dir().join(format!("xuefa-report-records-{}", std::process::id()));
    let records_dir = dir.join("results");
    std::fs::create_dir_all(&records_dir).unwrap();
    let bank = built_in_bank();
    let exam = exam(&bank);
    std::fs::write(dir.join("exam.json"), serde_json::to_string(&exam).unwrap()).unwrap();
    std::fs::write(dir.join("exam.txt"), exam_code(&exam)).unwrap();
    let mut roster_text = String::from("工号,姓名,单位\n");
    for p in people() {
        roster_text.push_str(&format!("{},{},{}\n", p.id, p.name, p.unit));
    }
    std::fs::write(dir.join("roster.csv"), roster_text).unwrap();

    // 001 sat twice (the latest, 10 right, counts by the exam's rule); 003's file was edited after hand-in; 999 is not on the roster; 004 and 005
    // come as codes in a text file; 006 only in a results table another administrator sent.
    let mut tampered = record(&exam, &bank, "003", JUSTICE, 3, 5);
    tampered.score = Score::points(100);
    let files: Vec<(&str, String)> = vec![
        (
            "a-001-first.json",
            record(&exam, &bank, "001", JUSTICE, 1, 60).to_json(),
        ),
        (
            "b-001-again.json",
            record(&exam, &bank, "001", JUSTICE, 2, 10).to_json(),
        ),
        (
            "c-002.json",
            record(&exam, &bank, "002", JUSTICE, 4, 45).to_json(),
        ),
        ("d-003-edited.json", tampered.to_json()),
        (
            "e-stranger.json",
            record(&exam, &bank, "999", FINANCE, 5, 60).to_json(),
        ),
        (
            "f-codes.txt",
            format!(
                "{}\n\n{}\n",
                record(&exam, &bank, "004", FINANCE, 6, 58).code(),
                record(&exam, &bank, "005", FINANCE, 7, 0).code()
            ),
        ),
        ("notes.md", "not a result".into()),
    ];
    for (name, text) in &files {
        std::fs::write(records_dir.join(name), text).unwrap();
    }
    let table = vec![ScoredResult {
        person_id: "006".into(),
        name: "职工006".into(),
        unit: FINANCE.into(),
        score: 90.0,
        submitted_at: 1_795_000_000_000,
    }];
    std::fs::write(dir.join("table.csv"), write_csv(&results_rows(&table))).unwrap();

    let path = |name: &str| -> PathBuf { dir.join(name) };
    let output = run(&[
        "--exam".as_ref(),
        path("exam.json").as_os_str(),
        "--roster".as_ref(),
        path("roster.csv").as_os_str(),
        "--results".as_ref(),
        records_dir.as_os_str(),
        "--results".as_ref(),
        path("table.csv").as_os_str(),
        "--out".as_ref(),
        path("units.csv").as_os_str(),
        "--absent".as_ref(),
        path("absent.csv").as_os_str(),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("7 records: 4 counted, 1 superseded by another attempt, 2 flagged"),
        "{stderr}"
    );
    assert!(stderr.contains("flagged 校验码不符: 1"), "{stderr}");
    assert!(stderr.contains("flagged 不在应考名单中: 1"), "{stderr}");

    // What the core computes from the same records, in the order the command reads them.
    let inputs: Vec<CollectedInput> = files[..5]
        .iter()
        .map(|(name, text)| CollectedInput {
            source: name.to_string(),
            text: text.clone(),
        })
        .chain(
            files[5]
                .1
                .lines()
                .filter(|l| !l.is_empty())
                .map(|l| CollectedInput {
                    source: "code".into(),
                    text: l.into(),
                }),
        )
        .collect();
    let roster = Roster::of_people(people());
    let collection = collect_results(&exam, &bank, &roster, &inputs);
    assert_eq!(collection.flagged.len(), 2);
    let report = collection.report_with_tables(&exam, &roster, &table);
    assert_eq!(
        (report.total.expected, report.total.sat),
        (6, 5),
        "003's edited file does not count; the stranger is outside the roster"
    );
    assert_eq!(report.absent.len(), 1);
    assert_eq!(read(&path("units.csv")), summary_rows(&report));
    assert_eq!(read(&path("absent.csv")), absent_rows(&report));

    // The exam as its code, the bank as bank.json, a workbook with 题目分析.
    std::fs::write(path("bank.json"), bank.to_json()).unwrap();
    let output = run(&[
        "--exam".as_ref(),
        path("exam.txt").as_os_str(),
        "--bank".as_ref(),
        path("bank.json").as_os_str(),
        "--roster".as_ref(),
        path("roster.csv").as_os_str(),
        "--results".as_ref(),
        records_dir.as_os_str(),
        "--results".as_ref(),
        path("table.csv").as_os_str(),
        "--out".as_ref(),
        path("report.xlsx").as_os_str(),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let items = item_rows(&item_analysis(&collection.responses()), Some(&bank));
    let expected = write_xlsx(&report_workbook(&report, Some(&items))).unwrap();
    let written = std::fs::read(path("report.xlsx")).unwrap();
    let names = xlsx_sheet_names(&written).unwrap();
    assert_eq!(names, ["单位汇总", "个人成绩", "未参考名单", "题目分析"]);
    for name in &names {
        assert_eq!(
            read_xlsx(&written, Some(name)).unwrap(),
            read_xlsx(&expected, Some(name)).unwrap(),
            "sheet {name}"
        );
    }

    // A bank of another version is refused with a clear message, and nothing is written.
    let mut questions = bank.questions().to_vec();
    questions[0].stem.push('。');
    let other = Bank::new(questions, bank.cases().to_vec());
    std::fs::write(path("other.json"), other.to_json()).unwrap();
    let output = run(&[
        "--exam".as_ref(),
        path("exam.json").as_os_str(),
        "--bank".as_ref(),
        path("other.json").as_os_str(),
        "--roster".as_ref(),
        path("roster.csv").as_os_str(),
        "--results".as_ref(),
        records_dir.as_os_str(),
        "--out".as_ref(),
        path("other.csv").as_os_str(),
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("bank version"));
    assert!(!path("other.csv").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}
