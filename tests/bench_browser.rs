//! The browser half of the benchmark (`scripts/bench.sh` runs it; `cargo test` skips it, since
//! timings are measured, never asserted). Headless Chromium over loopback against the release
//! `dist/`, reading the Performance API: navigation start → first question painted on
//! `/practice/1` (the app's `xuefa:question-painted` mark), and answer → feedback painted
//! (`xuefa:answer` → `xuefa:feedback-painted`), and on 统计 a county-sized set (13,492 result
//! codes of 159 units, roster already imported) added → report painted (`xuefa:results-added`
//! → `xuefa:dashboard-painted`; the work includes verifying and re-grading every record; the
//! part until `xuefa:results-collected`, before rendering, is printed apart), and 首页, 练习
//! and the exam page opened from a link over a throttled "phone" network.
//! Prints one `BENCH <figure> <milliseconds>` line per run; first visits (a fresh browser: empty
//! cache, no service worker yet) are reported apart from later visits.

mod support;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::county::{self, PEOPLE, UNITS};
use support::{Browser, StaticServer, TempDir};
use xuefa::core::bank::Bank;
use xuefa::core::exam::exam_code;

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

/// Pages opened from a link on a phone network (Chromium's "Fast 4G" throttling: 60 ms round
/// trips, 9 Mbit/s down, 1.5 Mbit/s up) from a host that compresses (gzip), a fresh browser
/// each time: navigation start → the page's text on screen. 首页 is in the first download; 练习 and the exam page are pages whose
/// code is downloaded when first shown (with the page, `public/preload-page.js`).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: run by scripts/bench.sh"]
async fn bench_pages_on_a_phone_network() {
    let server = StaticServer::dist_compressed();
    for (figure, path, text) in [
        ("home_page", "/", "第一编 总则"),
        ("first_question", "/practice/1", "提交答案"),
        ("exam_page", "/exam", "开始模拟考试"),
    ] {
        // Checked on every frame from the document's start, so the mark is the first frame
        // with the text.
        let shown = format!(
            "(function check() {{\
               if (document.body && document.body.textContent.includes('{text}')) {{\
                 performance.mark('bench:page-shown');\
               }} else {{ requestAnimationFrame(check); }}\
             }})();"
        );
        for _ in 0..RUNS {
            let browser = Browser::start(390, 844).await;
            browser.cdp("Network.enable", json!({})).await;
            let fast_4g = json!({ "offline": false, "latency": 60,
                "downloadThroughput": 9_000_000 / 8, "uploadThroughput": 1_500_000 / 8 });
            browser
                .cdp("Network.emulateNetworkConditions", fast_4g)
                .await;
            browser
                .cdp(
                    "Page.addScriptToEvaluateOnNewDocument",
                    json!({ "source": shown }),
                )
                .await;
            browser.open(&server.url(path)).await;
            let at = mark_time(&browser, "bench:page-shown").await;
            println!("BENCH {figure}_fast4g_ms {at:.1}");
            let started = mark_time(&browser, "xuefa:app-started").await;
            println!("BENCH {figure}_fast4g_app_started_ms {started:.1}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: run by scripts/bench.sh"]
async fn bench_county_report() {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/dist/bank.json"))
        .expect("dist/ is built");
    let bank = Bank::from_json(&json).unwrap();
    let exam = county::exam(&bank);
    let roster = county::roster_csv();
    let codes = county::result_codes(&exam, &bank);
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
        let collected = mark_time_after(&browser, "xuefa:results-collected", added).await;
        let painted = mark_time_after(&browser, "xuefa:dashboard-painted", added).await;
        println!("BENCH county_report_ms {:.1}", painted - added);
        println!("BENCH county_collected_ms {:.1}", collected - added);
        browser.click_text("清空成绩").await;
        browser.wait_for_text("已收到 0 份成绩").await;
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
}
