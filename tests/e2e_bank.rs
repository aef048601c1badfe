//! End to end, in headless Chromium against the release `dist/`: a unit imports its own
//! questions through the real file input — a CSV whose stem and options hold HTML and script
//! tags, and the downloaded Excel template with two rows filled in — sees the preview with
//! every problem, saves, finds the questions on the 题库 page as plain text, practises them,
//! and finds them again after a reload; the export reads back as the same questions.

mod support;

use serde_json::json;
use support::{downloaded, Browser, StaticServer, TempDir};
use xuefa::core::bank_io::read_template_xlsx;
use xuefa::core::formats::{read_xlsx, write_xlsx, XlsxSheet};

const SCRIPT_STEM: &str = "<script>window.pwned=1</script>本单位规定每周一学法吗？";
const IMG_OPTION: &str = "<img src=x onerror=window.pwned=2>";

async fn nothing_ran(browser: &Browser) {
    let injected = browser
        .eval("return [window.pwned === undefined, document.querySelectorAll('main img, main script').length];")
        .await;
    assert_eq!(
        injected,
        json!([true, 0]),
        "nothing the file held ran or became markup"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn imported_html_stays_text_and_the_set_is_practised_and_kept() {
    let files = TempDir::new();
    let csv = files.0.join("本局题库.csv");
    std::fs::write(
        &csv,
        format!(
            "题型,题干,选项A,选项B,选项C,答案,解析,依据条文,难度\n\
             单选,\"{SCRIPT_STEM}\",是,\"{IMG_OPTION}\",否,A,<b>本局制度</b>第三条,,1\n\
             单选,缺答案的题,甲,乙,,,,,\n\
             判断,高空抛物致人损害的，由侵权人依法承担侵权责任。,,,,√,,第1254条,2\n"
        ),
    )
    .unwrap();

    let server = StaticServer::dist();
    let browser = Browser::start(360, 800).await;
    browser.open(&server.url("/bank")).await;
    browser.click_text("导入 / 导出题目").await;
    let input = browser.wait_for("#bank-file").await;
    input.send_keys(&csv.to_string_lossy()).await.unwrap();
    let preview = browser
        .wait_for_text("读到 3 题，2 题无问题，1 题有问题")
        .await;
    assert!(
        preview.contains("第 3 行 缺答案的题 — 答案：答案为空"),
        "every row with its number and field: {preview}"
    );
    assert!(
        preview.contains("<script>window.pwned=1</script>本单位"),
        "the stem shows as text: {preview}"
    );
    let save_all = browser.wait_for("#bank-save-all").await;
    assert_eq!(
        save_all.prop("disabled").await.unwrap().as_deref(),
        Some("true"),
        "all or nothing: a file with problems cannot be saved whole"
    );
    browser.click_text("只保存无问题的 2 题").await;
    browser.wait_for_text("已保存 2 题到“本局题库”").await;
    nothing_ran(&browser).await;

    // The 题库 page lists them under the unit's set, as plain text.
    browser.open(&server.url("/bank")).await;
    browser.wait_for_text("共 ").await;
    let sets = browser
        .eval("return [...document.querySelectorAll('#bank-source option')].map(o => o.value);")
        .await;
    let set_value = sets
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .find(|v| v.starts_with("set:"))
        .expect("the imported set is a source")
        .to_string();
    browser.select("#bank-source", &set_value).await;
    browser.wait_for_text("共 2 题").await;
    browser
        .eval("document.querySelectorAll('.bank-entry details').forEach(d => d.open = true); return 0;")
        .await;
    let listed = browser.wait_for(".bank-list").await.text().await.unwrap();
    assert!(listed.contains(SCRIPT_STEM), "{listed}");
    assert!(listed.contains(IMG_OPTION), "{listed}");
    assert!(listed.contains("<b>本局制度</b>第三条"), "{listed}");
    assert!(listed.contains("本单位题库 · 本局题库"), "{listed}");
    assert!(listed.contains("第1254条"), "{listed}");
    nothing_ran(&browser).await;

    // Practise the set from the chooser, answer one question.
    browser.open(&server.url("/practice")).await;
    browser.select("#set-by", "unit").await;
    browser.click_text("开始练习").await;
    browser.wait_for_text("本单位题库").await;
    let shown = browser.wait_for(".question").await.text().await.unwrap();
    assert!(shown.contains(SCRIPT_STEM), "file order, as text: {shown}");
    browser.answer_question_on_screen().await;
    browser.wait_for(".feedback").await;
    nothing_ran(&browser).await;

    // After a reload the set is still there, practised.
    browser.reload().await;
    browser.open(&server.url("/admin/bank")).await;
    let sets = browser
        .wait_for("#bank-sets-card")
        .await
        .text()
        .await
        .unwrap();
    assert!(sets.contains("本局题库 · 2 题"), "{sets}");
    browser.open(&server.url("/practice")).await;
    browser.select("#set-by", "unit").await;
    browser.click_text("开始练习").await;
    browser.wait_for_text("已练 1/2").await;

    // Removing it takes a confirmation, then it is gone.
    browser.open(&server.url("/admin/bank")).await;
    browser.click_text("删除").await;
    browser.click_text("确认删除").await;
    browser.wait_for_text("还没有导入题目").await;
    browser.reload().await;
    browser.wait_for_text("还没有导入题目").await;

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}

/// Issues an official exam that adds `count` questions from the first imported set.
async fn issue_with_unit_set(browser: &Browser, server: &StaticServer, count: &str) -> String {
    browser.open(&server.url("/admin/issue")).await;
    browser.wait_for_text("另从本单位题库抽取").await;
    browser
        .fill(".issue label:nth-of-type(1) input", "本单位学法考试")
        .await;
    browser.fill(".issue textarea", "县司法局").await;
    let set = browser
        .eval("return document.querySelector('#issue-unit-set option:nth-child(2)').value;")
        .await;
    browser
        .select("#issue-unit-set", set.as_str().unwrap())
        .await;
    browser.fill("#issue-unit-count", count).await;
    browser.fill("#issue-unit-points", "5").await;
    browser.click_text("生成考试链接").await;
    browser.wait_for_text("考试已生成").await;
    browser.value_of("textarea.exam-link").await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_excel_template_filled_in_imports_and_exports_the_same_questions() {
    let server = StaticServer::dist();
    let browser = Browser::start(390, 844).await;
    let downloads = TempDir::new();
    browser.open(&server.url("/admin/bank")).await;
    let allow = json!({ "behavior": "allow", "downloadPath": downloads.0.to_string_lossy() });
    browser.cdp("Page.setDownloadBehavior", allow).await;

    browser.click_text("下载 Excel 模板").await;
    let template = downloaded(&downloads.0, "xlsx").await;
    let mut rows = read_xlsx(&std::fs::read(&template).unwrap(), None).unwrap();
    assert_eq!(rows[0][..3], ["题型", "题干", "选项A"]);
    std::fs::remove_file(&template).unwrap();
    let fill = |cells: &[&str]| -> Vec<String> {
        let header = &rows[0];
        header
            .iter()
            .map(|name| {
                cells
                    .iter()
                    .find_map(|c| c.strip_prefix(&format!("{name}=")))
                    .unwrap_or("")
                    .to_string()
            })
            .collect()
    };
    let first = fill(&[
        "题型=多选",
        "题干=下列哪些属于本单位学法制度的内容？",
        "选项A=每周一学法",
        "选项B=每月一考试",
        "选项C=从不学习",
        "答案=AB",
        "解析=见本单位学法制度。",
        "难度=2",
    ]);
    let second = fill(&[
        "题型=判断",
        "题干=十八周岁以上的自然人为成年人。",
        "答案=对",
        "依据条文=第17条",
        "难度=1",
    ]);
    rows.push(first);
    rows.push(second);
    let mine = TempDir::new();
    let filled = mine.0.join("filled.xlsx");
    std::fs::write(
        &filled,
        write_xlsx(&[XlsxSheet::of_text("题库", &rows)]).unwrap(),
    )
    .unwrap();
    let expected = read_template_xlsx(&std::fs::read(&filled).unwrap())
        .drafts(false)
        .expect("the filled template is clean");

    let input = browser.wait_for("#bank-file").await;
    input.send_keys(&filled.to_string_lossy()).await.unwrap();
    browser
        .wait_for_text("读到 2 题，2 题无问题，0 题有问题")
        .await;
    browser.fill("#bank-set-name", "学法制度").await;
    browser.click_text("全部保存").await;
    browser.wait_for_text("已保存 2 题到“学法制度”").await;
    browser.click_text("去练习").await;
    browser.wait_for_text("本单位题库").await;
    browser.answer_question_on_screen().await;
    browser.wait_for(".feedback").await;

    browser.reload().await;
    browser.open(&server.url("/admin/bank")).await;
    browser.wait_for_text("学法制度 · 2 题").await;
    browser.select("#export-source", "unit").await;
    browser.wait_for_text("将导出 2 题").await;
    browser.click_text("导出 Excel").await;
    let exported = downloaded(&downloads.0, "xlsx").await;
    let name = exported.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("学法题库-"), "{name}");
    let back = read_template_xlsx(&std::fs::read(&exported).unwrap());
    assert_eq!(
        back.drafts(false),
        Some(expected),
        "export → import: the same questions"
    );

    // An exam may add questions from the set; the link carries them, so a device without
    // the set (here: after removing it) draws the same paper with them.
    let link = issue_with_unit_set(&browser, &server, "2").await;
    browser.open(&server.url("/admin/bank")).await;
    browser.click_text("删除").await;
    browser.click_text("确认删除").await;
    browser.wait_for_text("还没有导入题目").await;
    browser.open(&link).await;
    browser
        .wait_for_text("本单位题目 2 道 × 5 分，共 62 题 110 分")
        .await;
    browser.fill("input[name=name]", "张三").await;
    browser.fill("input[name=staff-id]", "0042").await;
    browser.select("select[name=unit]", "县司法局").await;
    browser.click_text("开始考试").await;
    browser.wait_for_text("已答 0/62").await;
    browser
        .eval("document.querySelector('.question-grid button:last-child').click(); return 0;")
        .await;
    let last = browser.wait_for_text("第 62 题 / 共 62 题").await;
    assert!(
        last.contains("本单位学法制度") || last.contains("十八周岁以上的自然人为成年人"),
        "the last question comes from the set: {last}"
    );

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
