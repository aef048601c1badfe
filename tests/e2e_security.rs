//! End to end, in headless Chromium against the release `dist/`: the app runs under its
//! Content-Security-Policy without a single violation, and a whole session — studying,
//! searching, sitting and handing in a mock exam, reloading — never requests anything from
//! another origin.

mod support;

use support::{Browser, StaticServer};

#[tokio::test(flavor = "multi_thread")]
async fn a_whole_session_stays_on_the_origin_under_the_csp() {
    let server = StaticServer::dist();
    let browser = Browser::start_recording_requests(390, 844).await;
    browser.requested_urls().await; // what the browser did before the app: its own start page

    browser.open(&server.url("/")).await;
    let policy = browser
        .eval(
            "return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')\
             ?.getAttribute('content') ?? ''",
        )
        .await;
    let policy = policy.as_str().unwrap();
    assert!(
        policy.contains("script-src 'self' 'wasm-unsafe-eval'"),
        "{policy}"
    );
    assert!(policy.contains("connect-src 'self'"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "{policy}");
    let inline_scripts = browser
        .eval("return [...document.scripts].filter(s => !s.src).length")
        .await;
    assert_eq!(
        inline_scripts, 0,
        "no inline script is left for the CSP to block"
    );

    // Study: a Book, one answer, the 错题本, search, progress.
    browser.click_text("第一编 总则").await;
    browser.wait_for_text("提交答案").await;
    browser.answer_question_on_screen().await;
    browser.wait_for(".feedback").await;
    browser.open(&server.url("/wrong")).await;
    browser.open(&server.url("/search")).await;
    browser.open(&server.url("/progress")).await;

    // A mock exam, handed in, with its score sheet; then a reload.
    browser.open(&server.url("/exam")).await;
    browser.click_text("开始模拟考试").await;
    browser.wait_for(".timer").await;
    browser
        .wait_for(".sit label.choice")
        .await
        .click()
        .await
        .unwrap();
    browser.click_text("交卷").await;
    browser.click_text("确认交卷").await;
    browser.wait_for_text("打印成绩单").await;
    browser.reload().await;
    browser.wait_for_text("打印成绩单").await;

    let requests = browser.requested_urls().await;
    assert!(
        requests.iter().any(|url| url.ends_with("/bank.json")),
        "the log records the app's own requests: {requests:?}"
    );
    assert!(
        requests.iter().any(|url| url.ends_with(".wasm")),
        "the log records the wasm download: {requests:?}"
    );
    let elsewhere: Vec<&String> = requests
        .iter()
        .filter(|url| {
            // chrome:// pages are the browser's own start page, drawn without a network.
            !url.starts_with("chrome://")
                && !url.starts_with(&format!("{}/", server.origin))
                && !url.starts_with("data:")
                && !url.starts_with("blob:")
        })
        .collect();
    assert!(
        elsewhere.is_empty(),
        "requests left the origin: {elsewhere:?}"
    );

    let errors = browser.console_errors().await;
    assert!(
        errors.is_empty(),
        "the console reports errors (a CSP violation is one): {errors:?}"
    );
}
