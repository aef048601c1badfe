//! End to end, in headless Chromium against the release `dist/`: 我的数据. A learner practises,
//! downloads a backup, clears the device (after a confirmation) and restores the backup: the
//! stored records (localStorage and the statistics data in IndexedDB) and what the screens show
//! are the same as before. A foreign file changes
//! nothing and says why; a backup from an older schema version restores through the
//! migrations.

mod support;

use std::time::Duration;

use serde_json::{json, Value};
use support::{downloaded, Browser, StaticServer, TempDir};

/// Every record of the app in localStorage, key → text.
async fn records(browser: &Browser) -> Value {
    browser
        .eval(
            "return Object.fromEntries(Object.keys(localStorage)
               .filter(k => k.startsWith('xuefa.')).map(k => [k, localStorage.getItem(k)]));",
        )
        .await
}

/// The statistics record kept in IndexedDB, parsed (`null` when there is none).
async fn statistics_record(browser: &Browser) -> Value {
    browser
        .eval(
            "window.__record = undefined;
             const open = indexedDB.open('xuefa', 1);
             open.onupgradeneeded = () => open.result.createObjectStore('records');
             open.onsuccess = () => {
               const get = open.result.transaction('records').objectStore('records').get('xuefa.admin');
               get.onsuccess = () => { open.result.close(); window.__record = get.result ?? null; };
             };
             return null;",
        )
        .await;
    poll_record(browser).await
}

/// Stores `text` as the statistics record in IndexedDB, as the administrators' app does.
async fn store_statistics_record(browser: &Browser, text: &str) {
    let script = format!(
        "window.__record = undefined;
         const open = indexedDB.open('xuefa', 1);
         open.onupgradeneeded = () => open.result.createObjectStore('records');
         open.onsuccess = () => {{
           const tx = open.result.transaction('records', 'readwrite');
           tx.objectStore('records').put({}, 'xuefa.admin');
           tx.oncomplete = () => {{ open.result.close(); window.__record = 'stored'; }};
         }};
         return null;",
        serde_json::to_string(text).unwrap()
    );
    browser.eval(&script).await;
    assert_eq!(poll_record(browser).await, json!("stored"));
}

/// Waits for the IndexedDB script above to finish; parses a stored text.
async fn poll_record(browser: &Browser) -> Value {
    for _ in 0..100 {
        let value = browser
            .eval("return window.__record === undefined ? '__pending' : window.__record;")
            .await;
        match value.as_str() {
            Some("__pending") => tokio::time::sleep(Duration::from_millis(50)).await,
            Some("stored") => return value,
            Some(text) => return serde_json::from_str(text).unwrap(),
            None => return value,
        }
    }
    panic!("IndexedDB did not answer");
}

/// What the 错题本, the progress page and the home page show.
async fn screens(browser: &Browser, server: &StaticServer) -> Vec<String> {
    let mut shown = Vec::new();
    for (path, marker) in [
        ("/wrong", "错题本"),
        ("/progress", "第三编 合同"),
        ("/", "第一编 总则"),
    ] {
        browser.open(&server.url(path)).await;
        browser.wait_for_text(marker).await;
        browser.wait_for("main section").await;
        // Past the bank's loading line.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let main = browser.wait_for("main").await.text().await.unwrap();
        shown.push(main);
    }
    shown
}

async fn choose_file(browser: &Browser, path: &std::path::Path) {
    let input = browser.wait_for("#backup-file").await;
    input.send_keys(&path.to_string_lossy()).await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn backup_clear_and_restore_give_back_the_same_state() {
    let server = StaticServer::dist();
    let browser = Browser::start(390, 844).await;
    let downloads = TempDir::new();

    browser.open(&server.url("/practice/1")).await;
    for _ in 0..3 {
        browser.answer_question_on_screen().await;
        browser.wait_for(".feedback").await;
        browser.click_text("下一题").await;
        browser.wait_for_text("提交答案").await;
    }
    // A record of a kind this build does not merge is carried along as it is.
    browser
        .eval("localStorage.setItem('xuefa.extra', '{\"a\":1}'); return null;")
        .await;
    // The statistics data lives in IndexedDB (the administrators' app writes it there).
    let statistics = r#"{"exam":null,"headcounts":[["司法局",12]],"people":[],"results":[],"tables":[],"version":2}"#;
    store_statistics_record(&browser, statistics).await;
    let statistics: Value = serde_json::from_str(statistics).unwrap();
    let before = records(&browser).await;
    assert!(before["xuefa.learner"].as_str().is_some(), "{before}");
    let shown_before = screens(&browser, &server).await;
    assert!(shown_before[2].contains("已练 3/"), "{}", shown_before[2]);

    // Backup.
    browser.open(&server.url("/")).await;
    browser.click_text("我的数据").await;
    browser.wait_for_text("下载备份文件").await;
    let allow = json!({ "behavior": "allow", "downloadPath": downloads.0.to_string_lossy() });
    browser.cdp("Page.setDownloadBehavior", allow).await;
    browser.click_text("下载备份文件").await;
    let backup = downloaded(&downloads.0, "json").await;
    let text = std::fs::read_to_string(&backup).unwrap();
    assert!(text.contains("xuefa-backup") && text.contains("xuefa.extra"));
    assert!(
        text.contains("xuefa.admin"),
        "the statistics data is in the backup"
    );

    // Clear, after a confirmation that can be cancelled.
    browser.click_text("清除我的数据").await;
    browser.wait_for_text("无法撤销").await;
    browser.click_text("取消").await;
    assert_eq!(records(&browser).await, before, "cancel keeps everything");
    browser.click_text("清除我的数据").await;
    browser.click_text("确认清除").await;
    browser.wait_for_text("已全部清除").await;
    assert_eq!(records(&browser).await, json!({}), "every record is gone");
    assert_eq!(
        statistics_record(&browser).await,
        Value::Null,
        "statistics too"
    );
    browser.open(&server.url("/wrong")).await;
    browser.wait_for_text("错题本是空的").await;

    // A foreign file: a clear message, nothing changes.
    let foreign = downloads.0.join("other.json");
    std::fs::write(&foreign, r#"{"hello":"world"}"#).unwrap();
    browser.open(&server.url("/data")).await;
    choose_file(&browser, &foreign).await;
    let page = browser.wait_for_text("不是学法的备份文件").await;
    assert!(page.contains("本机数据没有任何改动"), "{page}");
    assert_eq!(records(&browser).await, json!({}));

    // Restore: a preview first, then the same records and screens as before.
    choose_file(&browser, &backup).await;
    let preview = browser.wait_for_text("导入后将有以下变化").await;
    assert!(preview.contains("新增 3 题的作答记录"), "{preview}");
    assert!(preview.contains("xuefa.extra"), "{preview}");
    assert!(preview.contains("采用备份中的各单位应考人数"), "{preview}");
    browser.click_text("确认导入").await;
    browser.wait_for_text("已导入备份").await;
    assert_eq!(
        records(&browser).await,
        before,
        "the stored records are identical"
    );
    assert_eq!(statistics_record(&browser).await, statistics);
    assert_eq!(
        screens(&browser, &server).await,
        shown_before,
        "the screens are identical"
    );

    // Importing the same backup again would change nothing.
    browser.open(&server.url("/data")).await;
    choose_file(&browser, &backup).await;
    browser.wait_for_text("无需导入").await;
    browser.click_text("取消").await;

    // A backup written by an older version (learner schema 2) goes through the migrations
    // and merges: the question once answered wrong joins the 错题本.
    let old = json!({
        "format": "xuefa-backup", "version": 1, "created_ms": 0,
        "records": { "xuefa.learner": r#"{"version":2,"progress":{"B1-0002":[2,1]}}"# }
    });
    let old_file = downloads.0.join("old.json");
    std::fs::write(&old_file, old.to_string()).unwrap();
    choose_file(&browser, &old_file).await;
    browser.wait_for_text("导入后将有以下变化").await;
    browser.click_text("确认导入").await;
    browser.wait_for_text("已导入备份").await;
    let learner = records(&browser).await["xuefa.learner"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(learner.contains(r#""version":3"#), "{learner}");
    assert!(learner.contains(r#""B1-0002":[2,1,0]"#), "{learner}");

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
