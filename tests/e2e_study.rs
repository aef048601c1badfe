//! End to end, in headless Chromium against the release `dist/`: a learner practises a
//! chapter with the keyboard, finds a wrong answer in the 错题本, masters it by answering it
//! right twice, keeps everything across a reload, sees the review queue's due count on the
//! home page, searches by article, and is told plainly when storage is full.

mod support;

use fantoccini::Locator;
use support::{Browser, StaticServer};
use xuefa::core::bank::{option_letter, Bank, Question, SearchQuery};
use xuefa::core::law::Chapter;
use xuefa::core::study::{Day, LearnerState, Scope, SetSpec};

const ENTER: char = '\u{e007}';

/// The bank the built app serves.
fn dist_bank() -> Bank {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/dist/bank.json");
    Bank::from_json(&std::fs::read_to_string(path).expect("dist/ is built")).unwrap()
}

/// Clicks the choices of the question on screen that make a right (or a wrong) answer, and
/// submits. Options must be shown in their written order.
async fn answer(browser: &Browser, question: &Question, right: bool) {
    browser.wait_for_text("提交答案").await;
    assert_eq!(
        browser.wait_for(".stem").await.text().await.unwrap(),
        question.stem
    );
    let choices = browser
        .client
        .find_all(Locator::Css("label.choice"))
        .await
        .unwrap();
    let key: Vec<usize> = (0..choices.len())
        .filter(|&i| question.is_key_choice(i as u8))
        .collect();
    let picks = if right {
        key
    } else {
        vec![(0..choices.len()).find(|i| !key.contains(i)).unwrap()]
    };
    for i in picks {
        choices[i].click().await.unwrap();
    }
    browser.click_text("提交答案").await;
    browser
        .wait_for_text(if right {
            "回答正确"
        } else {
            "回答错误"
        })
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_learner_masters_a_wrong_answer_and_reviews_what_is_due() {
    let bank = dist_bank();
    let high_rise = Chapter::of_article(1254).unwrap();
    let chapter_set = SetSpec::sequential(Scope::Chapter(high_rise.index()));
    let in_chapter = chapter_set.questions(&bank, &LearnerState::default(), Day(0));
    let (first, second) = (in_chapter[0], in_chapter[1]);
    let server = StaticServer::dist();
    let browser = Browser::start(360, 800).await;

    // Practise a chapter, chosen in the form, answering the first question wrong by keyboard.
    browser.open(&server.url("/")).await;
    browser.wait_for_text("每日一题").await;
    browser.click_text("自选练习").await;
    browser.select("#set-by", "chapter").await;
    browser
        .select("#set-value", &high_rise.index().to_string())
        .await;
    browser.wait_for("#set-mix").await.click().await.unwrap(); // options in written order
    browser.click_text("开始练习").await;
    browser.wait_for_text(high_rise.title).await;
    browser.wait_for_text("提交答案").await;
    assert_eq!(
        browser.wait_for(".stem").await.text().await.unwrap(),
        first.stem
    );
    let wrong = (0..first.choice_labels().len() as u8)
        .find(|&i| !first.is_key_choice(i))
        .unwrap();
    browser
        .press(option_letter(wrong).to_ascii_lowercase())
        .await;
    browser.press(ENTER).await;
    let feedback = browser.wait_for(".feedback").await.text().await.unwrap();
    assert!(feedback.contains("回答错误"), "{feedback}");
    assert!(
        feedback.contains("第十章 建筑物和物件损害责任"),
        "{feedback}"
    );
    browser.press(ENTER).await;
    answer(&browser, second, true).await;
    browser.click_text("简单").await;

    // The wrong one is in the 错题本, once.
    browser.click_text("学习").await;
    browser.click_text("错题本").await;
    let page = browser.wait_for_text(&first.stem).await;
    assert!(page.contains("共 1 题，已掌握 0 题"), "{page}");
    assert!(page.contains("未掌握") && !page.contains(&second.stem));

    // Redo the chapter's group: right twice in a row makes it mastered.
    browser.click_text("重做本章").await;
    answer(&browser, first, true).await;
    browser.click_text("完成").await;
    browser.wait_for_text("本组完成：答对 1 / 1 题").await;
    browser.click_text("再做一遍").await;
    answer(&browser, first, true).await;
    browser.click_text("完成").await;
    browser.open(&server.url("/wrong")).await;
    let page = browser.wait_for_text("已掌握 1 题").await;
    assert!(page.contains(&first.stem) && page.contains("已掌握"));

    // Everything survives a reload.
    browser.reload().await;
    browser.wait_for_text("共 1 题，已掌握 1 题").await;
    browser.open(&server.url("/progress")).await;
    browser.wait_for_text("连续学习 1 天").await;

    // Nothing is due on the day it was answered; once due, the home page counts it, and a
    // review takes it off the count.
    browser.open(&server.url("/")).await;
    browser.wait_for_text("今天没有到期的题目").await;
    browser
        .eval(
            r#"const s = JSON.parse(localStorage.getItem("xuefa.learner"));
               for (const id in s.schedule) s.schedule[id][0] = 1;
               localStorage.setItem("xuefa.learner", JSON.stringify(s));"#,
        )
        .await;
    browser.reload().await;
    browser.wait_for_text("2 题待复习").await;
    browser.click_text("开始复习").await;
    browser.wait_for_text("今日复习").await;
    let due_first = [first, second]
        .into_iter()
        .min_by_key(|q| q.id.clone())
        .unwrap();
    answer(&browser, due_first, true).await;
    browser.click_text("学习").await;
    browser.wait_for_text("1 题待复习").await;

    // Search by article finds the high-rise questions, and opens them as a set.
    let expected = bank.search(&SearchQuery::Article(1254));
    assert!(expected.len() >= 2);
    browser.open(&server.url("/search")).await;
    browser
        .wait_for("#search-text")
        .await
        .send_keys("第1254条")
        .await
        .unwrap();
    browser.click_text("搜索").await;
    let page = browser
        .wait_for_text(&format!("找到 {} 道引用第1254条的题目", expected.len()))
        .await;
    for question in &expected {
        assert!(page.contains(&question.stem), "{} is listed", question.id);
    }
    browser.click_text("练习这些题").await;
    let stem = browser.wait_for(".stem").await.text().await.unwrap();
    assert!(expected.iter().any(|q| q.stem == stem));

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");

    // Full storage: the answer still gets feedback, and the learner is told it was not saved.
    browser
        .eval(
            r#"let i = 0;
               for (let size = 1 << 20; size >= 1; size >>= 1) {
                 try { for (;;) localStorage.setItem("filler." + i++, "x".repeat(size)); }
                 catch (e) {}
               }"#,
        )
        .await;
    browser.open(&server.url("/practice/3")).await;
    browser.wait_for_text("提交答案").await;
    browser
        .client
        .find(Locator::Css("label.choice"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    browser.click_text("提交答案").await;
    browser.wait_for(".feedback").await;
    browser.wait_for_text("存储空间已满").await;
}
