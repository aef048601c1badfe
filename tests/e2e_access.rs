//! End to end, in headless Chromium against the release `dist/`: the 简/繁 switch (the
//! converter and its table are fetched only when chosen, convert the interface and the
//! questions, are remembered and work offline), focus after each step, the exam timer's
//! polite announcement, and printing (certificate, score sheet, unit report) under
//! print-media emulation and as an A4 PDF.

mod support;

use std::time::Duration;

use base64::Engine;
use serde_json::{json, Value};
use support::{Browser, StaticServer};
use xuefa::core::bank::Bank;
use xuefa::core::exam::{
    bank_version, draw, encode_exam_store, Attempt, ExamDefinition, ExamStore, Participant,
    ResultRecord,
};
use xuefa::core::units::{encode_admin_store, AdminStore, CollectedInput, Person};

fn bank() -> Bank {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/dist/bank.json"))
        .expect("dist/ is built (./scripts/test.sh builds it)");
    Bank::from_json(&json).unwrap()
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64
}

/// A handed-in attempt answering every question with the key.
fn full_marks(
    exam: &ExamDefinition,
    bank: &Bank,
    id: &str,
    person: Option<Participant>,
) -> Attempt {
    let now = now();
    let seed = 7;
    let paper = draw(&exam.blueprint, bank, seed).unwrap();
    let mut attempt = Attempt::start(
        id.into(),
        exam.clone(),
        person,
        seed,
        paper,
        0,
        now - 60_000,
    )
    .unwrap();
    for item in attempt.paper.items.clone() {
        let key = bank.question(&item.question).unwrap().answer.clone();
        attempt
            .set_answer(&item.question, Some(key), now - 30_000)
            .unwrap();
    }
    attempt.submit(now - 20_000);
    attempt
}

/// Which element is focused: its class list.
async fn focused(browser: &Browser) -> String {
    browser
        .eval("return document.activeElement ? document.activeElement.className : '';")
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn traditional_script_on_demand_and_focus_after_each_step() {
    let server = StaticServer::dist();
    let browser = Browser::start_recording_requests(390, 844).await;

    browser.open(&server.url("/practice/1")).await;
    browser.wait_for_text("提交答案").await;
    assert_eq!(
        focused(&browser).await,
        "stem",
        "a new question's stem has focus"
    );
    browser.answer_question_on_screen().await;
    browser.wait_for(".feedback").await;
    assert!(
        focused(&browser).await.starts_with("feedback"),
        "after answering, the feedback"
    );
    browser.click_text("下一题").await;
    browser.wait_for_text("提交答案").await;
    assert_eq!(focused(&browser).await, "stem", "after next, the new stem");

    let before = browser.requested_urls().await;
    assert!(
        !before.iter().any(|u| u.contains("/hant.")),
        "neither the 繁體 converter nor its table is loaded unasked: {before:?}"
    );
    let stem = browser.wait_for(".stem").await.text().await.unwrap();
    // Once the service worker serves the page, what 繁體 fetches is kept for offline use.
    for _ in 0..200 {
        let controlled = browser
            .eval("return navigator.serviceWorker.controller !== null;")
            .await;
        if controlled == Value::Bool(true) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    browser
        .wait_for("button.script-toggle")
        .await
        .click()
        .await
        .unwrap();
    let page = browser.wait_for_text("學習").await;
    assert!(page.contains("考試") && !page.contains("学习"), "{page}");
    let requested = browser.requested_urls().await;
    assert!(
        requested.iter().any(|u| u.ends_with("hant.txt")),
        "{requested:?}"
    );
    let lang = browser.eval("return document.documentElement.lang;").await;
    assert_eq!(lang, "zh-Hant");
    let converted = browser.wait_for(".stem").await.text().await.unwrap();
    assert_ne!(converted, stem, "the question text is converted too");

    // What the app renders later is converted as well, and the choice is remembered, also
    // with the server gone.
    browser.click_text("考試").await;
    browser.wait_for_text("開始模擬考試").await;
    server.set_online(false);
    browser.reload().await;
    browser.wait_for_text("開始模擬考試").await;
    server.set_online(true);
    browser
        .wait_for("button.script-toggle")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_text("开始模拟考试").await;
    let lang = browser.eval("return document.documentElement.lang;").await;
    assert_eq!(lang, "zh-CN");

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// Under print media: whether the app's chrome is hidden and the printable part shown.
async fn print_layout(browser: &Browser, printable: &str) -> Value {
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let script = format!(
        r#"const visible = (css) => {{ const e = document.querySelector(css);
             return !!e && getComputedStyle(e).display !== "none" && e.getBoundingClientRect().height > 0; }};
           return {{ header: visible("header.top"), footer: visible("footer.bottom"), nav: visible("nav"),
                    buttons: [...document.querySelectorAll("main button")]
                      .filter(b => b.offsetParent !== null && !b.closest("th")).length,
                    printable: visible("{printable}") }};"#
    );
    let layout = browser.eval(&script).await;
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))
        .await;
    layout
}

/// Prints the page to an A4 PDF and counts its pages.
async fn a4_pages(browser: &Browser) -> usize {
    let pdf = browser
        .cdp(
            "Page.printToPDF",
            json!({ "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": true }),
        )
        .await;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(pdf["data"].as_str().expect("a PDF"))
        .unwrap();
    let text = String::from_utf8_lossy(&bytes);
    text.matches("/Type /Page").count() - text.matches("/Type /Pages").count()
}

#[tokio::test(flavor = "multi_thread")]
async fn certificate_score_sheet_and_unit_report_print_on_a4_and_the_timer_speaks_politely() {
    let bank = bank();
    let mock = ExamDefinition::mock("E-print".into(), bank_version(&bank));
    let attempt = full_marks(&mock, &bank, "print-1", None);
    let exams = ExamStore {
        attempts: vec![attempt],
        issued: vec![],
    };
    let mut official = ExamDefinition::mock("E-print-units".into(), bank_version(&bank));
    official.title = "打印测试考试".into();
    official.official = true;
    official.units = vec!["县司法局".into()];
    let person = Participant::new("张三", "001", "县司法局", &official.units).unwrap();
    let handed_in = full_marks(&official, &bank, "print-2", Some(person));
    let record = ResultRecord::of(&handed_in, &handed_in.grade(&bank).unwrap()).unwrap();
    let admin = AdminStore {
        exam: Some(official),
        people: vec![
            Person {
                id: "001".into(),
                name: "张三".into(),
                unit: "县司法局".into(),
            },
            Person {
                id: "002".into(),
                name: "李四".into(),
                unit: "县司法局".into(),
            },
        ],
        results: vec![CollectedInput {
            source: "a.json".into(),
            text: record.to_json(),
        }],
        ..AdminStore::default()
    };

    let server = StaticServer::dist();
    let browser = Browser::start(1024, 768).await;
    browser.open(&server.url("/")).await;
    let seed = format!(
        "localStorage.setItem('xuefa.exams', {}); localStorage.setItem('xuefa.admin', {}); return null;",
        Value::from(encode_exam_store(&exams)),
        Value::from(encode_admin_store(&admin)),
    );
    browser.eval(&seed).await;

    for (path, marker, printable, most_pages) in [
        ("/exam/certificate/print-1", "结业证书", ".certificate", 1),
        ("/exam/sheet/print-1", "成绩单", ".sheet", 2),
        ("/admin/stats", "各单位统计", ".printable #unit-table", 1),
    ] {
        browser.open(&server.url(path)).await;
        browser.wait_for_text(marker).await;
        browser.wait_for(printable).await;
        let layout = print_layout(&browser, printable).await;
        assert_eq!(
            layout["header"], false,
            "{path}: no header in print: {layout}"
        );
        assert_eq!(
            layout["footer"], false,
            "{path}: no footer in print: {layout}"
        );
        assert_eq!(
            layout["nav"], false,
            "{path}: no navigation in print: {layout}"
        );
        assert_eq!(
            layout["buttons"], 0,
            "{path}: no buttons in print: {layout}"
        );
        assert_eq!(layout["printable"], true, "{path}: {layout}");
        let pages = a4_pages(&browser).await;
        assert!(
            (1..=most_pages).contains(&pages),
            "{path}: {pages} A4 pages"
        );
    }

    // The timer: the visible clock is not read out every second; a polite live region says
    // the whole minutes left, which do not change from one second to the next.
    browser.open(&server.url("/exam")).await;
    browser.click_text("开始模拟考试").await;
    let live = browser.wait_for("[aria-live=polite]").await;
    let said = live.text().await.unwrap();
    assert!(said.contains("剩余") && said.contains("分钟"), "{said}");
    let timer = browser.wait_for(".timer").await;
    assert_eq!(
        timer.attr("aria-live").await.unwrap().as_deref(),
        Some("off")
    );
    let first_clock = timer.text().await.unwrap();
    tokio::time::sleep(Duration::from_millis(2200)).await;
    let timer = browser.wait_for(".timer").await;
    assert_ne!(timer.text().await.unwrap(), first_clock, "the clock ticks");
    let live = browser.wait_for("[aria-live=polite]").await;
    assert_eq!(
        live.text().await.unwrap(),
        said,
        "the announcement waits for the minute"
    );
    assert_eq!(
        focused(&browser).await,
        "stem",
        "the first question's stem has focus"
    );

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
