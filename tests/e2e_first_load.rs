//! End to end, in headless Chromium against the release `dist/`: on a first visit the bank
//! starts downloading with the page (`public/fetch-bank.js`) and the app takes that download
//! rather than asking again; when the bank cannot be downloaded, the learner is told why. The
//! first download holds 首页; 练习's code is fetched once 首页 has painted (so 练习 opens offline
//! after that), the other pages' code comes when first shown (and a page whose code cannot be
//! downloaded says so, and shows once the network is back), and a page opened directly has its
//! code downloading with the page, before the app has started.

mod support;

use support::{copy_of_dist, Browser, StaticServer};

#[tokio::test(flavor = "multi_thread")]
async fn the_first_visit_downloads_the_bank_once_and_a_missing_bank_is_reported() {
    let server = StaticServer::dist();
    let browser = Browser::start_recording_requests(360, 800).await;
    browser.requested_urls().await; // the browser's own start page

    browser.open(&server.url("/practice/1")).await;
    browser.wait_for_text("提交答案").await;
    let bank_requests = browser
        .requested_urls()
        .await
        .into_iter()
        .filter(|url| url.ends_with("/bank.json"))
        .count();
    assert_eq!(
        bank_requests, 1,
        "the page asks for the bank once: the app takes the page's early download"
    );
    let started_before_the_app = browser
        .eval(
            "const bank = performance.getEntriesByType('resource')\
               .find(e => e.name.endsWith('/bank.json'));\
             const app = performance.getEntriesByName('xuefa:app-started')[0];\
             return bank.startTime < app.startTime",
        )
        .await;
    assert_eq!(
        started_before_the_app,
        serde_json::Value::Bool(true),
        "the bank's download starts before the app has started"
    );
    drop(browser);

    let site = copy_of_dist();
    std::fs::remove_file(site.0.join("bank.json")).unwrap();
    let server = StaticServer::start(site.0.clone());
    let browser = Browser::start(360, 800).await;
    browser.open(&server.url("/")).await;
    let said = browser.wait_for_text("题库加载失败").await;
    assert!(said.contains("服务器返回 404"), "{said}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_downloaded_when_first_shown_reports_a_failed_download_and_retries() {
    let site = copy_of_dist();
    // No service worker, so nothing is cached ahead: every page's code comes from the network.
    std::fs::remove_file(site.0.join("sw.js")).unwrap();
    let server = StaticServer::start(site.0.clone());
    let browser = Browser::start_recording_requests(360, 800).await;
    browser.requested_urls().await; // the browser's own start page

    browser.open(&server.url("/")).await;
    browser.wait_for_text("第一编 总则").await;
    // 首页 paints with the first download alone; 练习's code is fetched after that, so that
    // going to 练习 does not wait for the network.
    let practice_fetched = "if (!performance.getEntriesByName('xuefa:practice-fetched').length) return null;\
         const prefetch = performance.getEntriesByName('xuefa:practice-prefetch')[0].startTime;\
         return performance.getEntriesByType('resource')\
           .filter(e => e.name.includes('/split-') && e.name.endsWith('.wasm') && e.startTime < prefetch)\
           .map(e => e.name);";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let before_prefetch = loop {
        match browser.eval(practice_fetched).await {
            serde_json::Value::Null => {
                assert!(
                    std::time::Instant::now() < deadline,
                    "练习's code was not fetched after 首页 painted"
                );
                tokio::time::sleep(std::time::Duration::from_millis(50)).await
            }
            fetched => break fetched,
        }
    };
    assert_eq!(
        before_prefetch,
        serde_json::json!([]),
        "首页 needs no page downloaded later"
    );
    let first_load = browser.requested_urls().await;
    assert!(
        !first_load.iter().any(|url| url.contains("/split_exam")),
        "the exam pages' code is not fetched ahead: {first_load:#?}"
    );

    // Offline now: 练习 opens from what was fetched after 首页 painted.
    server.set_online(false);
    browser.click_text("第一编 总则").await;
    browser.wait_for_text("提交答案").await;
    browser.click_text("考试").await;
    browser
        .wait_for_text("页面未能下载，请检查网络连接后重试。")
        .await;
    server.set_online(true);
    browser.click_text("重试").await;
    browser.wait_for_text("开始模拟考试").await;
    let later = browser.requested_urls().await;
    assert!(
        later
            .iter()
            .any(|url| url.contains("/split-") && url.ends_with(".wasm")),
        "the exam pages' code was downloaded when they were shown: {later:#?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_opened_directly_has_its_code_downloading_before_the_app_starts() {
    let server = StaticServer::dist();
    let browser = Browser::start(360, 800).await;
    for (path, shown) in [
        ("/practice/1", "提交答案"),
        ("/exam", "开始模拟考试"),
        ("/wrong", "答错的题自动收录"),
        ("/search", "搜索题目"),
        ("/data", "只保存在本机浏览器中"),
        ("/bank", "浏览内置题库"),
    ] {
        browser.open(&server.url(path)).await;
        browser.wait_for_text(shown).await;
        // The chunks asked for before the page painted: 练习's, fetched after that, are not
        // this page's own.
        let chunks = browser
            .eval(
                "const app = performance.getEntriesByName('xuefa:app-started')[0].startTime;\
                 const prefetch = performance.getEntriesByName('xuefa:practice-prefetch');\
                 const painted = prefetch.length ? prefetch[0].startTime : Infinity;\
                 return performance.getEntriesByType('resource')\
                   .filter(e => e.name.includes('/split-') && e.name.endsWith('.wasm'))\
                   .filter(e => e.startTime < painted)\
                   .map(e => [e.name.split('/').pop(), e.startTime < app]);",
            )
            .await;
        let chunks = chunks.as_array().unwrap();
        assert!(!chunks.is_empty(), "{path} needs code downloaded later");
        assert!(
            chunks.iter().all(|chunk| chunk[1] == true),
            "{path}: every chunk of its code started downloading before the app started: {chunks:?}"
        );
    }
}
