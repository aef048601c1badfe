//! End to end, in headless Chromium against the release `dist/`: a mock exam keeps its
//! answers, flags and deadline across a reload, hands in with a confirmation and prints a
//! score sheet; an administrator issues an official exam whose link a participant opens,
//! sits and hands in (result code copied, result file downloaded); an attempt whose
//! deadline passes while the page is closed is handed in with its saved answers.

mod support;

use std::time::Duration;

use fantoccini::Locator;
use serde_json::json;
use support::{downloaded, Browser, StaticServer, TempDir};
use xuefa::core::exam::{decode_result_code, parse_result_file};

/// Picks the first choice of the question on screen.
async fn pick_first_choice(browser: &Browser) {
    browser
        .wait_for(".sit label.choice")
        .await
        .click()
        .await
        .unwrap();
}

/// "mm:ss" left on the timer, in seconds.
async fn seconds_left(browser: &Browser) -> u64 {
    let text = browser.wait_for(".timer").await.text().await.unwrap();
    let clock = text.trim_start_matches("剩余").trim();
    let parts: Vec<u64> = clock.split(':').map(|p| p.parse().unwrap()).collect();
    parts.iter().fold(0, |total, p| total * 60 + p)
}

/// Issues an official exam on the issue screen and returns its share link.
async fn issue_exam(
    browser: &Browser,
    server: &StaticServer,
    title: &str,
    minutes: &str,
) -> String {
    browser.open(&server.url("/admin/issue")).await;
    browser.wait_for_text("生成考试链接").await;
    browser
        .fill(".issue label:nth-of-type(1) input", title)
        .await;
    let minutes_field = "//label[span[contains(., '考试时长')]]/input";
    let field = browser
        .client
        .find(Locator::XPath(minutes_field))
        .await
        .unwrap();
    field.clear().await.unwrap();
    field.send_keys(minutes).await.unwrap();
    browser
        .fill(".issue textarea", "县司法局\n城关镇人民政府")
        .await;
    browser.click_text("生成考试链接").await;
    browser.wait_for_text("考试已生成").await;
    let link = browser.value_of("textarea.exam-link").await;
    assert!(
        link.starts_with(&server.url("/exam/join?c=XFE2.")),
        "{link}"
    );
    link
}

/// Opens an exam link, enters an identity and starts the attempt.
async fn join_and_start(browser: &Browser, link: &str, title: &str, name: &str) {
    browser.open(link).await;
    browser.wait_for_text(title).await;
    browser.fill("input[name=name]", name).await;
    browser.fill("input[name=staff-id]", "0042").await;
    let unit = browser.wait_for("select[name=unit]").await;
    unit.select_by_value("城关镇人民政府").await.unwrap();
    browser.click_text("开始考试").await;
    browser.wait_for(".timer").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_mock_exam_survives_a_reload_hands_in_and_prints() {
    let server = StaticServer::dist();
    let browser = Browser::start(390, 844).await;
    browser.open(&server.url("/exam")).await;
    browser.click_text("开始模拟考试").await;
    browser.wait_for(".timer").await;
    assert!(browser
        .wait_for_text("第 1 题 / 共 60 题")
        .await
        .contains("已答 0/60"));
    let header = browser.wait_for("header.top").await.text().await.unwrap();
    assert!(
        header.contains("考试进行中") && !header.contains("学习"),
        "no navigation leads out of a running exam: {header}"
    );

    pick_first_choice(&browser).await;
    browser.wait_for_text("已答 1/60").await;
    browser.click_text("下一题").await;
    browser.wait_for_text("第 2 题 / 共 60 题").await;
    pick_first_choice(&browser).await;
    browser.click_text("☆ 标记").await;
    browser.wait_for_text("★ 已标记").await;
    browser.wait_for_text("已答 2/60").await;
    let stem = browser.wait_for(".stem").await.text().await.unwrap();
    let before = seconds_left(&browser).await;

    browser.reload().await;
    let page = browser.wait_for_text("已答 2/60").await;
    assert!(
        page.contains("第 2 题 / 共 60 题"),
        "the attempt resumes where it was"
    );
    assert!(page.contains("★ 已标记"), "the flag is kept");
    assert_eq!(browser.wait_for(".stem").await.text().await.unwrap(), stem);
    let picked = browser
        .client
        .find_all(Locator::Css("label.choice.picked"))
        .await
        .unwrap();
    assert!(!picked.is_empty(), "the answer is kept");
    let after = seconds_left(&browser).await;
    assert!(
        after <= before && after > 55 * 60,
        "the deadline is kept: {before} → {after}"
    );
    let cell = browser.wait_for(".question-grid .cell.flagged").await;
    assert_eq!(
        cell.attr("aria-label").await.unwrap().unwrap(),
        "第 2 题，已答，已标记"
    );

    browser.click_text("交卷").await;
    let dialog = browser.wait_for(".dialog").await.text().await.unwrap();
    assert!(dialog.contains("还有 58 题未答"), "{dialog}");
    assert!(dialog.contains("已标记待查 1 题：第 2 题"), "{dialog}");
    browser.click_text("继续作答").await;
    browser.click_text("交卷").await;
    browser.click_text("确认交卷").await;
    let result = browser.wait_for_text("答题回顾").await;
    assert!(result.contains("按题型") && result.contains("按编"));
    assert!(
        result.contains("正确答案："),
        "the mock exam opens its review"
    );
    let score = browser.wait_for(".score-value").await.text().await.unwrap();

    // The two answers given feed study: each gets a tally, the wrong ones land in the 错题本.
    let learner = browser
        .eval(r#"return JSON.parse(localStorage.getItem("xuefa.learner"));"#)
        .await;
    let tallies = learner["progress"]
        .as_object()
        .expect("answers were recorded");
    assert_eq!(
        tallies.len(),
        2,
        "the two answered questions, not the blanks: {learner}"
    );
    let wrong: Vec<String> = tallies
        .iter()
        .filter(|(_, tally)| tally[1] == 0)
        .map(|(id, _)| id.clone())
        .collect();
    let mut wrong_book: Vec<String> = learner["wrong"]
        .as_array()
        .unwrap()
        .iter()
        .map(|id| id.as_str().unwrap().to_string())
        .collect();
    wrong_book.sort();
    assert_eq!(wrong_book, wrong, "{learner}");
    let result_page = browser.client.current_url().await.unwrap();
    browser.open(&server.url("/wrong")).await;
    if wrong.is_empty() {
        browser.wait_for_text("错题本是空的").await;
    } else {
        browser
            .wait_for_text(&format!("共 {} 题", wrong.len()))
            .await;
    }
    browser.open(result_page.as_str()).await;
    browser.wait_for_text("答题回顾").await;

    browser.click_text("打印成绩单").await;
    browser.wait_for_text("成绩单").await;
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let layout = browser
        .eval(
            r#"const visible = (css) => { const e = document.querySelector(css);
                 return !!e && getComputedStyle(e).display !== "none" && e.getBoundingClientRect().height > 0; };
               return { header: visible("header.top"), bar: visible(".no-print"), sheet: visible(".sheet"),
                        score: document.querySelector(".sheet .score-value").innerText,
                        page: [...document.styleSheets].flatMap(s => [...s.cssRules]).some(r => r.cssText.toLowerCase().includes("size: a4")) };"#,
        )
        .await;
    assert_eq!(
        layout["header"], false,
        "the app's header is not printed: {layout}"
    );
    assert_eq!(layout["bar"], false, "buttons are not printed: {layout}");
    assert_eq!(layout["sheet"], true, "{layout}");
    assert_eq!(
        layout["score"],
        score.as_str(),
        "the sheet prints the score"
    );
    assert_eq!(layout["page"], true, "the page is A4");

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_official_exam_is_issued_sat_and_handed_in() {
    let server = StaticServer::dist();
    let browser = Browser::start(390, 844).await;
    let downloads = TempDir::new();
    browser.open(&server.url("/exam")).await;
    let allow = json!({ "behavior": "allow", "downloadPath": downloads.0.to_string_lossy() });
    browser.cdp("Page.setDownloadBehavior", allow).await;
    let origin = server.url("");
    let grant = json!({ "origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] });
    browser.cdp("Browser.grantPermissions", grant).await;

    let link = issue_exam(&browser, &server, "民法典知识考试", "60").await;
    join_and_start(&browser, &link, "民法典知识考试", "张三").await;
    pick_first_choice(&browser).await;
    browser.wait_for_text("已答 1/60").await;
    browser.click_text("交卷").await;
    browser.click_text("确认交卷").await;
    let page = browser.wait_for_text("提交成绩").await;
    assert!(page.contains("张三") && page.contains("城关镇人民政府"));
    assert!(
        page.contains("无法阻止有意伪造"),
        "the limits of the checksum are said plainly"
    );
    browser.wait_for("figure.qr img").await;

    browser.click_text("复制成绩代码").await;
    browser.wait_for_text("已复制成绩代码").await;
    let copied = browser.eval("return navigator.clipboard.readText();").await;
    let shown = browser.value_of("textarea.result-code").await;
    assert_eq!(copied.as_str(), Some(shown.as_str()));
    let record = decode_result_code(&shown).expect("the code decodes with a valid checksum");
    assert_eq!(record.participant.name, "张三");
    assert_eq!(record.participant.staff_id, "0042");
    assert!(
        shown.len() < 800,
        "short enough for a chat message: {}",
        shown.len()
    );

    browser.click_text("下载成绩文件").await;
    let file = downloaded(&downloads.0, "json").await;
    let saved = parse_result_file(&std::fs::read_to_string(&file).unwrap()).expect("a valid file");
    assert_eq!(saved, record, "the file and the code carry the same record");
    assert!(file
        .file_name()
        .unwrap()
        .to_string_lossy()
        .ends_with("-0042.json"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deadline_passing_while_the_page_is_closed_hands_in_the_saved_answers() {
    let server = StaticServer::dist();
    let browser = Browser::start(390, 844).await;
    let link = issue_exam(&browser, &server, "一分钟测验", "1").await;
    join_and_start(&browser, &link, "一分钟测验", "李四").await;
    pick_first_choice(&browser).await;
    browser.wait_for_text("已答 1/60").await;
    assert!(seconds_left(&browser).await <= 60);

    browser.client.goto("about:blank").await.unwrap();
    tokio::time::sleep(Duration::from_secs(62)).await;

    // Reopened on a study page, the app hands the attempt in by itself once that page has
    // painted (the exam code comes with the exam pages), and the answer given feeds study.
    browser.open(&server.url("/progress")).await;
    browser.wait_for_text("已练 1/").await;

    browser.open(&server.url("/exam")).await;
    let home = browser.wait_for_text("一分钟测验").await;
    assert!(
        home.contains("已交卷") && !home.contains("作答中"),
        "{home}"
    );
    browser.click_text("查看成绩").await;
    let result = browser.wait_for_text("时间到，自动交卷").await;
    assert!(result.contains("李四"));
    let review = browser.wait_for(".review-item").await.text().await.unwrap();
    assert!(
        !review.contains("未作答"),
        "the saved answer was handed in: {review}"
    );
    let second = browser
        .client
        .find_all(Locator::Css(".review-item"))
        .await
        .unwrap();
    assert!(second[1].text().await.unwrap().contains("未作答"));
}
