//! End to end, in headless Chromium against a copy of the release `dist/`: after one visit the
//! app and the whole bank work with the network off, on every route, including routes never
//! visited; a new version is announced with a reload prompt that stays hidden during an exam
//! attempt (it shows once the attempt is handed in), and reloading switches to it. "Network
//! off" is both Chromium's emulated offline mode and the server answering every request with 503.

mod support;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use support::{copy_of_dist, Browser, StaticServer};

const PROMPT: &str = "有新版本，刷新即可更新";

/// Waits until a script returns `true`.
async fn wait_until(browser: &Browser, what: &str, script: &str) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while browser.eval(script).await != Value::Bool(true) {
        assert!(Instant::now() < deadline, "{what} did not happen");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn set_offline(browser: &Browser, offline: bool) {
    browser.cdp("Network.enable", json!({})).await;
    browser
        .cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn after_one_visit_every_route_works_offline_and_updates_wait_for_the_exam() {
    let site = copy_of_dist();
    let server = StaticServer::start(site.0.clone());
    let browser = Browser::start(390, 844).await;

    browser.open(&server.url("/")).await;
    browser.wait_for_text("第一编 总则").await;
    wait_until(
        &browser,
        "the service worker taking control",
        "return navigator.serviceWorker.controller !== null",
    )
    .await;

    server.set_online(false);
    set_offline(&browser, true).await;
    let offline_fetch = browser
        .eval("return fetch('/not-cached.txt').then(r => r.ok ? 'online' : 'offline', () => 'offline')")
        .await;
    assert_eq!(offline_fetch, "offline", "the network is really off");
    browser.open(&server.url("/practice/1")).await;
    browser.wait_for_text("提交答案").await;
    browser.open(&server.url("/progress")).await;
    browser.wait_for_text("第三编 合同").await;
    browser.open(&server.url("/search")).await;
    // The administrators' app, never visited online, by its deep link.
    browser.open(&server.url("/admin/stats")).await;
    browser.wait_for("#stats-exam-code").await;
    browser.open(&server.url("/exam")).await;
    browser.wait_for_text("开始模拟考试").await;
    browser.reload().await;
    browser.click_text("开始模拟考试").await;
    browser.wait_for(".timer").await;
    set_offline(&browser, false).await;
    server.set_online(true);

    // Publish a new version while an attempt is open.
    let worker = site.0.join("sw.js");
    let newer = std::fs::read_to_string(&worker).unwrap() + "\n// a newer version\n";
    std::fs::write(&worker, newer).unwrap();
    browser
        .eval("navigator.serviceWorker.getRegistration().then(r => r.update()); return true")
        .await;
    wait_until(
        &browser,
        "the new version waiting",
        "return window.__reg_waiting === true || (navigator.serviceWorker.getRegistration()\
         .then(r => { window.__reg_waiting = r.waiting !== null; }), false)",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        !browser.body_text_now().await.contains(PROMPT),
        "no update prompt during an exam attempt"
    );

    // Handing in ends the attempt; on the result page the prompt may show.
    browser.click_text("交卷").await;
    browser.click_text("确认交卷").await;
    browser.wait_for_text(PROMPT).await;
    browser.click_text("刷新").await;
    wait_until(
        &browser,
        "the page reloading under the new version",
        "return window.__reg_waiting === undefined && document.querySelector('header.top') !== null",
    )
    .await;
    assert!(!browser.body_text_now().await.contains(PROMPT));
    wait_until(
        &browser,
        "the old cache going",
        "return window.__caches === 1 || (caches.keys().then(k => { window.__caches = k.length; }), false)",
    )
    .await;
}
