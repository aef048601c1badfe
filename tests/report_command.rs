//! The native `xuefa-report` on a generated county-sized set (159 units, 13,492 people, a GBK
//! roster as Excel writes it, results spread over several files) gives exactly what the core
//! computes from the same data.

use std::path::Path;
use std::process::Command;

use xuefa::core::exam::CountRule;
use xuefa::core::formats::{
    format_beijing_time, read_csv, read_xlsx, write_csv, write_xlsx, xlsx_sheet_names, XlsxSheet,
};
use xuefa::core::units::{
    absent_rows, report_workbook, results_rows, summary_rows, unit_report, Lines, Person, Roster,
    ScoredResult,
};

/// A small deterministic generator (64-bit LCG), so the data set is the same on every run.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn county() -> (Vec<Person>, Vec<ScoredResult>) {
    let mut rng = Lcg(2020);
    let units: Vec<String> = (1..=159).map(|i| format!("第{i}单位(机关)")).collect();
    let people: Vec<Person> = (0..13_492)
        .map(|i| Person {
            id: format!("GD{i:06}").into(),
            name: format!("职工{i}").into(),
            unit: units[(i * 7 + i / 100) % 159].as_str().into(),
        })
        .collect();
    let mut results = Vec::new();
    let start = 1_795_000_000_000;
    for person in &people {
        let sittings = match rng.next(100) {
            0..=2 => 0,
            3..=9 => 2,
            _ => 1,
        };
        for _ in 0..sittings {
            results.push(ScoredResult {
                person_id: person.id.clone(),
                name: person.name.clone(),
                unit: person.unit.clone(),
                score: (40 + rng.next(121)) as f64 / 2.0 + 20.0,
                submitted_at: start + rng.next(86_400) as i64 * 1000,
            });
        }
    }
    for i in 0..25 {
        results.push(ScoredResult {
            person_id: format!("XX{i:04}").into(),
            name: format!("外来{i}").into(),
            unit: "不在名单".into(),
            score: 95.0,
            submitted_at: start,
        });
    }
    (people, results)
}

#[test]
fn the_native_report_equals_the_core_on_a_county() {
    let dir = std::env::temp_dir().join(format!("xuefa-report-{}", std::process::id()));
    let results_dir = dir.join("results");
    std::fs::create_dir_all(&results_dir).unwrap();
    let (people, results) = county();

    let mut roster_text = String::from("某县2026年度学法考试应考名单\r\n单位,工号,姓名\r\n");
    for p in &people {
        // Offices type full-width brackets and stray spaces; the import tidies them.
        let unit = p.unit.replace('(', "（").replace(')', "）");
        roster_text.push_str(&format!("{unit} ,{},{}\r\n", p.id, p.name));
    }
    let (gbk, _, _) = encoding_rs::GBK.encode(&roster_text);
    std::fs::write(dir.join("roster.csv"), &gbk).unwrap();
    for (n, chunk) in results.chunks(5_000).enumerate() {
        std::fs::write(
            results_dir.join(format!("part{n}.csv")),
            write_csv(&results_rows(chunk)),
        )
        .unwrap();
    }

    let status = Command::new(env!("CARGO_BIN_EXE_xuefa-report"))
        .arg("--roster")
        .arg(dir.join("roster.csv"))
        .arg("--results")
        .arg(&results_dir)
        .arg("--out")
        .arg(dir.join("units.csv"))
        .arg("--absent")
        .arg(dir.join("absent.csv"))
        .status()
        .unwrap();
    assert!(status.success());

    // Times in the files have second precision, as the core sees them after a round trip.
    let results: Vec<ScoredResult> = results
        .into_iter()
        .map(|mut r| {
            r.submitted_at =
                xuefa::core::formats::parse_beijing_time(&format_beijing_time(r.submitted_at))
                    .unwrap();
            r
        })
        .collect();
    let report = unit_report(
        &Roster::of_people(people),
        results,
        Lines::default(),
        CountRule::Highest,
    );
    assert_eq!(report.rows.len(), 159);
    assert_eq!(report.total.expected, 13_492);
    assert_eq!(report.outside_roster.len(), 25);
    assert_eq!(read(&dir.join("units.csv")), summary_rows(&report));
    assert_eq!(read(&dir.join("absent.csv")), absent_rows(&report));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_xlsx_roster_and_results_give_the_same_workbook_as_the_core() {
    let dir = std::env::temp_dir().join(format!("xuefa-report-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (people, results) = county();
    let mut roster_rows = vec![
        vec!["某县2026年度学法考试应考名单".to_string()],
        vec!["工号".into(), "姓名".into(), "单位".into()],
    ];
    roster_rows.extend(
        people
            .iter()
            .map(|p| vec![p.id.to_string(), p.name.to_string(), p.unit.to_string()]),
    );
    let roster_book = write_xlsx(&[XlsxSheet::of_text("名单", &roster_rows)]).unwrap();
    std::fs::write(dir.join("roster.xlsx"), roster_book).unwrap();
    let results_book = write_xlsx(&[XlsxSheet::of_text_with_numbers(
        "个人成绩",
        &results_rows(&results),
        &[3],
    )])
    .unwrap();
    std::fs::write(dir.join("results.xlsx"), results_book).unwrap();

    let status = Command::new(env!("CARGO_BIN_EXE_xuefa-report"))
        .arg("--roster")
        .arg(dir.join("roster.xlsx"))
        .arg("--results")
        .arg(dir.join("results.xlsx"))
        .arg("--out")
        .arg(dir.join("report.xlsx"))
        .status()
        .unwrap();
    assert!(status.success());

    let results: Vec<ScoredResult> = results
        .into_iter()
        .map(|mut r| {
            r.submitted_at =
                xuefa::core::formats::parse_beijing_time(&format_beijing_time(r.submitted_at))
                    .unwrap();
            r
        })
        .collect();
    let report = unit_report(
        &Roster::of_people(people),
        results,
        Lines::default(),
        CountRule::Highest,
    );
    let expected = write_xlsx(&report_workbook(&report, None)).unwrap();
    let written = std::fs::read(dir.join("report.xlsx")).unwrap();
    let names = xlsx_sheet_names(&written).unwrap();
    assert_eq!(names, ["单位汇总", "个人成绩", "未参考名单"]);
    for name in &names {
        assert_eq!(
            read_xlsx(&written, Some(name)).unwrap(),
            read_xlsx(&expected, Some(name)).unwrap(),
            "sheet {name}"
        );
    }
    assert_eq!(read_xlsx(&written, None).unwrap().len(), 159 + 2);
    std::fs::remove_dir_all(&dir).unwrap();
}

fn read(path: &Path) -> Vec<Vec<String>> {
    read_csv(&std::fs::read(path).unwrap()).unwrap().rows
}
