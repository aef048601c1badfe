//! A county-sized set in headless Chromium (`support::county`, as the benchmark: 159 units,
//! 13,492 people on the roster, 13,492 result codes incl. second sittings): the roster CSV and the pasted codes are imported through the
//! page, and the unit table's totals must equal what the core computes from the same data.
//! A province-sized set: a head-count roster of 1,000 units and a results table of 1,000,000
//! rows, imported, reported and kept over a reload. Each prints how long its steps took
//! (timings are reported, never asserted). Heavy, so they run on request:
//! `cargo test --test e2e_stats_scale -- --ignored --nocapture --test-threads 1`.

mod support;

use std::time::{Duration, Instant};

use serde_json::json;
use support::{county, Browser, StaticServer, TempDir};
use xuefa::core::bank::Bank;
use xuefa::core::exam::{bank_version, exam_code, ExamDefinition};
use xuefa::core::units::{collect_results, summary_rows, CollectedInput};

fn bank() -> Bank {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/dist/bank.json"))
        .expect("dist/ is built (./scripts/test.sh builds it)");
    Bank::from_json(&json).unwrap()
}

/// Polls the page until `script` returns true, for up to five minutes; the time it took.
async fn until(browser: &Browser, script: &str) -> Duration {
    let start = Instant::now();
    while browser.eval(script).await != json!(true) {
        assert!(
            start.elapsed() < Duration::from_secs(300),
            "{script} never held"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    start.elapsed()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a county-sized measurement: run with --ignored"]
async fn a_county_imports_and_renders() {
    let bank = bank();
    let exam = county::exam(&bank);
    let roster = county::roster();
    let codes = county::result_codes(&exam, &bank).join("\n");
    let inputs = CollectedInput::per_line(&codes, "粘贴");
    let expected =
        summary_rows(&collect_results(&exam, &bank, &roster, &inputs).report(&exam, &roster));
    let total = expected.last().unwrap().clone();

    let files = TempDir::new();
    let roster_file = files.0.join("roster.csv");
    std::fs::write(&roster_file, county::roster_csv()).unwrap();

    let server = StaticServer::dist();
    let browser = Browser::start(1280, 900).await;
    browser.open(&server.url("/admin/stats")).await;
    browser.fill("#stats-exam-code", &exam_code(&exam)).await;
    browser.click_text("读取考试码").await;
    browser.wait_for_text("已选：县级考试").await;

    let start = Instant::now();
    let input = browser.wait_for("#roster-file").await;
    input
        .send_keys(&roster_file.to_string_lossy())
        .await
        .unwrap();
    browser
        .wait_for_text(&format!("读到 {} 人，0 处问题", county::PEOPLE))
        .await;
    browser.click_text("全部导入").await;
    browser
        .wait_for_text(&format!(
            "已导入 {} 人，{} 个单位",
            county::PEOPLE,
            county::UNITS
        ))
        .await;
    let roster_time = start.elapsed();

    browser
        .cdp(
            "Runtime.evaluate",
            json!({ "expression": format!(
            "(() => {{ const t = document.querySelector('#result-codes'); t.value = {}; \
              t.dispatchEvent(new Event('input', {{ bubbles: true }})); }})()",
            serde_json::to_string(&codes).unwrap()) }),
        )
        .await;
    let total_row = format!(
        "(() => {{ const f = document.querySelector('#unit-table tfoot tr'); \
         return !!f && f.cells[2].textContent === '{}' && !document.querySelector('#collect-progress'); }})()",
        total[2]
    );
    browser.click_text("加入成绩代码").await;
    let results_time = until(&browser, &format!("return {total_row};")).await;
    let shown = browser
        .eval("return [...document.querySelector('#unit-table tfoot tr').cells].map(c => c.textContent);")
        .await;
    assert_eq!(shown, json!(total), "the page's totals equal the core's");

    browser.wait_until_gone("#stats-saving").await;
    let start = Instant::now();
    browser.reload().await;
    let reload_time = start.elapsed() + until(&browser, &format!("return {total_row};")).await;
    println!(
        "county ({} people, {} units, {} result codes): roster import {:.2} s, \
         codes checked, re-graded and rendered {:.2} s, reload from IndexedDB to table {:.2} s",
        county::PEOPLE,
        county::UNITS,
        inputs.len(),
        roster_time.as_secs_f64(),
        results_time.as_secs_f64(),
        reload_time.as_secs_f64()
    );
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a province-sized measurement: run with --ignored"]
async fn a_province_table_of_a_million_rows_imports_and_survives_a_reload() {
    const ROWS: usize = 1_000_000;
    const PROVINCE_UNITS: usize = 1_000;
    let bank = bank();
    let mut exam = ExamDefinition::mock("E-province".into(), bank_version(&bank));
    // Its units are the province's 1,000, more than an exam lists: a practice-style definition.
    exam.title = "省级规模测试".into();
    let files = TempDir::new();
    let mut counts = String::from("单位,应考人数\n");
    for u in 0..PROVINCE_UNITS {
        counts.push_str(&format!("第{u}单位,{}\n", ROWS / PROVINCE_UNITS + 10));
    }
    let roster_file = files.0.join("counts.csv");
    std::fs::write(&roster_file, counts).unwrap();
    let mut table = String::from("工号,姓名,单位,得分,交卷时间\n");
    for i in 0..ROWS {
        let score = 40 + (i * 7919) % 61;
        table.push_str(&format!(
            "P{i:07},职工{i},第{}单位,{score},2026-11-20 09:30:00\n",
            i % PROVINCE_UNITS
        ));
    }
    let table_file = files.0.join("province.csv");
    std::fs::write(&table_file, table).unwrap();

    let server = StaticServer::dist();
    let browser = Browser::start(1280, 900).await;
    browser.open(&server.url("/admin/stats")).await;
    browser.fill("#stats-exam-code", &exam_code(&exam)).await;
    browser.click_text("读取考试码").await;
    browser.wait_for_text("已选：省级规模测试").await;
    let input = browser.wait_for("#roster-file").await;
    input
        .send_keys(&roster_file.to_string_lossy())
        .await
        .unwrap();
    browser.click_text("导入各单位应考人数").await;
    browser
        .wait_for_text(&format!("已导入 {PROVINCE_UNITS} 个单位的应考人数"))
        .await;

    let total_row = format!(
        "return (() => {{ const f = document.querySelector('#unit-table tfoot tr'); \
         return !!f && f.cells[2].textContent === '{ROWS}' && !document.querySelector('#collect-progress'); }})();"
    );
    let start = Instant::now();
    let input = browser.wait_for("#result-files").await;
    input
        .send_keys(&table_file.to_string_lossy())
        .await
        .unwrap();
    let import_time = start.elapsed() + until(&browser, &total_row).await;
    let start = Instant::now();
    browser.reload().await;
    let reload_time = start.elapsed() + until(&browser, &total_row).await;
    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
    println!(
        "province ({ROWS} table rows, {PROVINCE_UNITS} units): import to table {:.1} s, \
         reload from IndexedDB to table {:.1} s",
        import_time.as_secs_f64(),
        reload_time.as_secs_f64()
    );
}
