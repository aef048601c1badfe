//! The browser half of the benchmark (`scripts/bench.sh` runs it; `cargo test` skips it, since
//! timings are measured, never asserted). Headless Chromium over loopback against the release
//! `dist/`, reading the Performance API: navigation start → first question painted on
//! `/practice/1` (the app's `xuefa:question-painted` mark), and answer → feedback painted
//! (`xuefa:answer` → `xuefa:feedback-painted`), and on 统计 a county-sized set (13,492 result
//! codes of 159 units, roster already imported) added → report painted (`xuefa:results-added`
//! → `xuefa:dashboard-painted`; the work includes verifying and re-grading every record).
//! Prints one `BENCH <figure> <milliseconds>` line per run; first visits (a fresh browser: empty
//! cache, no service worker yet) are reported apart from later visits.

mod support;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::{Browser, StaticServer, TempDir};
use xuefa::core::bank::Bank;
use xuefa::core::exam::{
    bank_version, draw, exam_code, Attempt, ExamDefinition, Participant, ResultRecord,
};

/// Runs of each figure.
const RUNS: usize = 7;

/// Waits for the named performance mark placed after `after` (ms since navigation start) and
/// returns its time.
async fn mark_time_after(browser: &Browser, name: &str, after: f64) -> f64 {
    let script = format!(
        "const m = performance.getEntriesByName('{name}').filter(e => e.startTime > {after}); \
         return m.length ? m[m.length - 1].startTime : null;"
    );
    let deadline = Instant::now() + Duration::from_secs(300);
    loop {
        if let Value::Number(n) = browser.eval(&script).await {
            return n.as_f64().unwrap();
        }
        assert!(Instant::now() < deadline, "no performance mark {name}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits for the named performance mark and returns its time (ms since navigation start).
async fn mark_time(browser: &Browser, name: &str) -> f64 {
    mark_time_after(browser, name, -1.0).await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: run by scripts/bench.sh"]
async fn bench_first_question_and_feedback() {
    let server = StaticServer::dist();
    let page = server.url("/practice/1");
    // First visits: a fresh browser each (empty cache, no service worker yet).
    for _ in 0..RUNS {
        let browser = Browser::start(390, 844).await;
        browser.open(&page).await;
        let painted = mark_time(&browser, "xuefa:question-painted").await;
        println!("BENCH first_question_cold_ms {painted:.1}");
        // Where that time went: the wasm running, the bank downloaded, the bank parsed.
        for stage in ["app-started", "bank-fetched", "bank-parsed"] {
            let at = mark_time(&browser, &format!("xuefa:{stage}")).await;
            println!("BENCH cold_{}_ms {at:.1}", stage.replace('-', "_"));
        }
    }
    // Later visits: one browser, the first load not counted (it installs the service worker).
    let browser = Browser::start(390, 844).await;
    for run in 0..=RUNS {
        browser.open(&page).await;
        let painted = mark_time(&browser, "xuefa:question-painted").await;
        if run > 0 {
            println!("BENCH first_question_ms {painted:.1}");
        }
    }
    for _ in 0..RUNS {
        browser
            .wait_for("label.choice")
            .await
            .click()
            .await
            .unwrap();
        let submit = "performance.clearMarks(); \
                      document.querySelector('article.question button.primary').click(); return true;";
        browser.eval(submit).await;
        let answered = mark_time(&browser, "xuefa:answer").await;
        let painted = mark_time(&browser, "xuefa:feedback-painted").await;
        println!("BENCH answer_feedback_ms {:.1}", painted - answered);
        browser.click_text("下一题").await;
    }
}

/// The county: 13,492 people in 159 units; every 33rd person does not sit and the one before
/// sits twice, so there are 13,492 result records.
const PEOPLE: usize = 13_492;
const UNITS: usize = 159;

fn unit_of(person: usize) -> String {
    format!("第{}单位", person % UNITS + 1)
}

/// A handed-in record of `person`'s `sitting`, answering the first few questions right.
fn record(exam: &ExamDefinition, bank: &Bank, person: usize, sitting: u64) -> ResultRecord {
    let id = format!("GD{person:06}");
    let seed = person as u64 * 2 + sitting;
    let paper = draw(&exam.blueprint, bank, seed).unwrap();
    let participant =
        Participant::new(&format!("职工{person}"), &id, &unit_of(person), &exam.units).unwrap();
    let start = 1_795_000_000_000 + seed * 1000;
    let mut attempt = Attempt::start(
        id.clone(),
        exam.clone(),
        Some(participant),
        seed,
        paper,
        0,
        start,
    )
    .unwrap();
    for item in attempt.paper.items.clone().iter().take(person % 61) {
        let key = bank.question(&item.question).unwrap().answer.clone();
        attempt
            .set_answer(&item.question, Some(key), start + 1)
            .unwrap();
    }
    attempt.submit(start + 2);
    let grade = attempt.grade(bank).unwrap();
    ResultRecord::of(&attempt, &grade).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: run by scripts/bench.sh"]
async fn bench_county_report() {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/dist/bank.json"))
        .expect("dist/ is built");
    let bank = Bank::from_json(&json).unwrap();
    let mut exam = ExamDefinition::mock("E-county-bench".into(), bank_version(&bank));
    exam.title = "县级考试".into();
    exam.official = true;
    exam.units = (0..UNITS).map(unit_of).collect();
    let mut roster = String::from("单位,工号,姓名\n");
    for person in 0..PEOPLE {
        roster.push_str(&format!("{},GD{person:06},职工{person}\n", unit_of(person)));
    }
    let codes: Vec<String> = (0..PEOPLE)
        .map(|j| match j % 33 {
            0 if j > 0 => record(&exam, &bank, j - 1, 1),
            _ => record(&exam, &bank, j, 0),
        })
        .map(|r| r.code())
        .collect();
    let codes = codes.join("\n");
    let files = TempDir::new();
    let roster_file = files.0.join("roster.csv");
    std::fs::write(&roster_file, roster).unwrap();

    let server = StaticServer::dist();
    let browser = Browser::start(1280, 900).await;
    browser.open(&server.url("/admin/stats")).await;
    browser.fill("#stats-exam-code", &exam_code(&exam)).await;
    browser.click_text("读取考试码").await;
    browser.wait_for_text("已选：县级考试").await;
    let input = browser.wait_for("#roster-file").await;
    input
        .send_keys(&roster_file.to_string_lossy())
        .await
        .unwrap();
    browser
        .wait_for("#roster-take-all")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_for_text(&format!("已导入 {PEOPLE} 人，{UNITS} 个单位"))
        .await;
    for _ in 0..RUNS {
        let paste = "const area = document.querySelector('#result-codes'); \
                     area.value = arguments[0]; \
                     area.dispatchEvent(new Event('input', { bubbles: true })); \
                     performance.clearMarks(); return true;";
        browser
            .client
            .execute(paste, vec![json!(codes)])
            .await
            .unwrap();
        browser.click_text("加入成绩代码").await;
        let added = mark_time(&browser, "xuefa:results-added").await;
        let painted = mark_time_after(&browser, "xuefa:dashboard-painted", added).await;
        println!("BENCH county_report_ms {:.1}", painted - added);
        browser.click_text("清空成绩").await;
        browser.wait_for_text("已收到 0 份成绩").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}
