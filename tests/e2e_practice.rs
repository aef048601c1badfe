//! End to end, in headless Chromium against the release `dist/`: a learner opens the app,
//! practises a Book, sees the explanation, reloads and finds the progress kept, and deep
//! links work. Storage that cannot be read is kept aside and reported, never overwritten.

mod support;

use support::{Browser, StaticServer};

/// Reads "已练 N/M" from the practice header.
async fn practised(browser: &Browser) -> String {
    let header = browser.wait_for(".practice-progress").await;
    header.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_learner_practises_a_book_and_keeps_progress() {
    let server = StaticServer::dist();
    let browser = Browser::start(390, 844).await;

    browser.open(&server.url("/")).await;
    let home = browser.wait_for_text("第一编 总则").await;
    for book in ["第二编 物权", "第三编 合同", "第七编 侵权责任", "附则"] {
        assert!(home.contains(book), "the home page lists {book}");
    }

    browser.click_text("第一编 总则").await;
    browser.wait_for_text("提交答案").await;
    assert!(practised(&browser).await.starts_with("已练 0/"));
    let stem = browser.wait_for(".stem").await.text().await.unwrap();
    assert!(!stem.is_empty());

    browser.answer_question_on_screen().await;
    let feedback = browser.wait_for(".feedback").await.text().await.unwrap();
    assert!(
        feedback.contains("回答正确") || feedback.contains("回答错误"),
        "a verdict is shown: {feedback}"
    );
    assert!(feedback.contains("正确答案："));
    assert!(feedback.contains("法条依据") && feedback.contains("第一编 总则"));
    let explanation = browser.wait_for(".explanation").await.text().await.unwrap();
    assert!(
        explanation.chars().count() >= 15,
        "the explanation is shown"
    );
    assert!(practised(&browser).await.starts_with("已练 1/"));

    browser.click_text("下一题").await;
    browser.wait_for_text("提交答案").await;
    let next_stem = browser.wait_for(".stem").await.text().await.unwrap();
    assert_ne!(next_stem, stem, "the next question is another one");

    browser.reload().await;
    browser.wait_for_text("提交答案").await;
    assert!(
        practised(&browser).await.starts_with("已练 1/"),
        "progress survives a reload"
    );
    assert_eq!(
        browser.wait_for(".stem").await.text().await.unwrap(),
        next_stem,
        "after a reload the learner continues with the first unanswered question"
    );

    browser.click_text("学习").await;
    let home = browser.wait_for_text("已练 1/").await;
    assert!(home.contains("已练 0/"), "other Books are untouched");

    browser.open(&server.url("/practice/7")).await;
    browser.wait_for_text("第七编 侵权责任").await;
    browser.wait_for_text("提交答案").await;

    browser.open(&server.url("/no/such/page")).await;
    browser.wait_for_text("页面不存在").await;

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn unreadable_storage_is_kept_aside_and_reported() {
    let server = StaticServer::dist();
    let browser = Browser::start(390, 844).await;
    browser.open(&server.url("/")).await;
    browser
        .eval(r#"localStorage.setItem("xuefa.learner", "{\"version\":2,\"progress\":")"#)
        .await;

    browser.reload().await;
    let page = browser.wait_for_text("原有学习记录无法读取").await;
    assert!(
        page.contains("xuefa.learner.unreadable."),
        "the notice names the copy: {page}"
    );
    let kept = browser
        .eval(
            r#"return Object.keys(localStorage)
                 .filter(k => k.startsWith("xuefa.learner.unreadable."))
                 .map(k => localStorage.getItem(k));"#,
        )
        .await;
    assert_eq!(kept, serde_json::json!([r#"{"version":2,"progress":"#]));

    browser.click_text("知道了").await;
    browser.click_text("附则").await;
    browser.answer_question_on_screen().await;
    browser.wait_for(".feedback").await;
    let saved = browser
        .eval(r#"return localStorage.getItem("xuefa.learner");"#)
        .await;
    assert!(
        saved.as_str().unwrap().contains("B8-"),
        "new progress is saved in the current schema: {saved}"
    );
}
