//! End to end, in headless Chromium against the release `dist/`: unreadable statistics data in
//! IndexedDB is kept aside and the user told; then an administrator opens 统计 from the
//! learner's app (the administrators' app, under `/admin/`), pastes the
//! code of an exam issued before papers were drawn as needed (`XFE1.`), imports a GBK roster CSV (one bad row, taken out on request) and several result
//! files through the real file inputs, and reads the unit table and the 未参考名单, which a
//! reload of the deep link keeps (IndexedDB). Names and units that look like HTML or spreadsheet
//! formulas show as plain text, run nothing, and the CSV and XLSX exports neutralise the
//! formula. Then an XLSX roster with unknown headers goes through the column-mapping step, a
//! table of unit head counts is taken as the roster, and another administrator's results table
//! merges in; the header leads back to the learner's app.

mod support;

use std::time::Duration;

use serde_json::json;
use support::{county, downloaded, Browser, StaticServer, TempDir};
use xuefa::core::bank::Bank;
use xuefa::core::exam::{
    bank_version, exam_code, DrawOrder, ExamDefinition, Participant, ResultRecord,
};
use xuefa::core::formats::{read_xlsx, write_xlsx, xlsx_sheet_names, XlsxSheet};

const JUSTICE: &str = "县司法局";
const HOSTILE_UNIT: &str = "<img src=x onerror=window.pwned=2>";
const SCRIPT_NAME: &str = "<script>window.pwned=1</script>";
/// Also long and unbroken, as a pasted link is: it must wrap on a phone.
const FORMULA_NAME: &str = "=HYPERLINK(\"http://evil.example/account/verify/login-now\",\"点我\")";

fn bank() -> Bank {
    let json = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/dist/bank.json"))
        .expect("dist/ is built (./scripts/test.sh builds it)");
    Bank::from_json(&json).unwrap()
}

fn exam(bank: &Bank) -> ExamDefinition {
    let mut exam = ExamDefinition::mock("E-stats-1".into(), bank_version(bank));
    exam.title = "统计测试考试".into();
    exam.official = true;
    exam.units = vec![JUSTICE.into(), HOSTILE_UNIT.into()];
    // Issued before 2026-11-27: its papers are drawn from the whole bank's shuffle, and its
    // results must still be re-graded right. Exams drawn as needed are issued and sat in
    // e2e_exam and collected by the same core in report_command_records and the county bench.
    exam.blueprint.draw = DrawOrder::WholeBank;
    exam
}

/// A handed-in record answering the first `right` questions with the key, the rest blank.
fn record(
    exam: &ExamDefinition,
    bank: &Bank,
    id: &str,
    name: &str,
    unit: &str,
    right: usize,
) -> ResultRecord {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    let seed = id.bytes().map(u64::from).sum::<u64>();
    let participant = Participant::new(name, id, unit, &exam.units).unwrap();
    county::handed_in(exam, bank, id, participant, seed, now, right)
}

/// A script that runs one request on the app's IndexedDB store (`records` in `xuefa`):
/// `put` (value, under the key `xuefa.admin`), `get` (a key) or `getAllKeys`; its result once
/// the transaction has committed.
fn idb(request: &str, argument: &str) -> String {
    let call = match request {
        "put" => format!("put({argument}, 'xuefa.admin')"),
        _ => format!("{request}({argument})"),
    };
    format!(
        "return new Promise((done, failed) => {{
           const open = indexedDB.open('xuefa', 1);
           open.onerror = failed;
           open.onsuccess = () => {{
             const store = open.result.transaction('records', 'readwrite').objectStore('records');
             const request = store.{call};
             store.transaction.oncomplete = () => {{
               open.result.close();
               done(request.result === undefined ? null : request.result);
             }};
             store.transaction.onerror = failed;
           }};
         }});"
    )
}

/// Elements other than the unit table's own scrolling box that reach past a 360 px screen.
const TOO_WIDE: &str = r#"
const page = document.documentElement.scrollWidth, inner = window.innerWidth;
return [...document.querySelectorAll('main *')]
  .filter(el => !el.closest('.table-scroll') && el.getBoundingClientRect().right > 361)
  .slice(0, 5)
  .map(el => `${el.tagName.toLowerCase()}.${el.className} right edge ${Math.round(el.getBoundingClientRect().right)}`)
  .concat(page > 360 || inner > 360 ? [`page ${page} px, window ${inner} px`] : []);
"#;

/// The text of each cell of the unit table's row whose first cell is `unit` (or the totals).
async fn unit_row(browser: &Browser, unit: &str) -> Vec<String> {
    let rows = browser
        .eval("return [...document.querySelectorAll('#unit-table tr')].map(r => [...r.cells].map(c => c.textContent));")
        .await;
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r.as_array()
                .unwrap()
                .iter()
                .map(|c| c.as_str().unwrap().to_string())
                .collect::<Vec<_>>()
        })
        .find(|cells| cells.first().map(String::as_str) == Some(unit))
        .unwrap_or_else(|| panic!("no row for {unit}: {rows}"))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_roster_and_result_files_make_the_unit_report() {
    let bank = bank();
    let exam = exam(&bank);
    let files = TempDir::new();
    let roster = files.0.join("roster.csv");
    let quoted_formula = FORMULA_NAME.replace('"', "\"\"");
    // Saved as GBK, as Excel on a Chinese Windows does.
    let text = format!(
        "2026 年学法考试应考名单\n工号,姓名,单位\n001,张三,{JUSTICE}\n002,李四,{JUSTICE}\n\
             003,{SCRIPT_NAME},{HOSTILE_UNIT}\n004,\"{quoted_formula}\",{HOSTILE_UNIT}\n\
             005,王五,{JUSTICE}\n002,重复的人,{JUSTICE}\n"
    );
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    std::fs::write(&roster, gbk).unwrap();
    let results = [
        record(&exam, &bank, "001", "张三", JUSTICE, 60),
        record(&exam, &bank, "002", "李四", JUSTICE, 0),
        record(&exam, &bank, "003", SCRIPT_NAME, HOSTILE_UNIT, 60),
    ];
    let paths: Vec<String> = results
        .iter()
        .map(|r| {
            let path = files.0.join(r.file_name());
            std::fs::write(&path, r.to_json()).unwrap();
            path.to_string_lossy().into_owned()
        })
        .collect();

    let server = StaticServer::dist();
    let browser = Browser::start(390, 844).await;
    let downloads = TempDir::new();
    // The 统计 link loads the administrators' app; the address stays its deep link.
    browser.open(&server.url("/")).await;
    browser.wait_for_text("第一编 总则").await;
    browser.click_text("统计").await;
    browser.wait_for("#stats-exam-code").await;
    assert_eq!(
        browser
            .eval("return location.pathname + location.search")
            .await,
        "/admin/stats"
    );
    let allow = json!({ "behavior": "allow", "downloadPath": downloads.0.to_string_lossy() });
    browser.cdp("Page.setDownloadBehavior", allow).await;

    // Statistics data that cannot be read is kept aside under a stamped key, and the user told.
    browser.wait_for("#stats-exam-code").await;
    browser.eval(&idb("put", "'{ not json'")).await;
    browser.reload().await;
    browser.wait_for_text("原有统计数据无法读取").await;
    let keys = browser.eval(&idb("getAllKeys", "")).await;
    let aside: Vec<&str> = keys
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|k| k.as_str())
        .filter(|k| k.starts_with("xuefa.admin.unreadable."))
        .collect();
    assert_eq!(aside.len(), 1, "kept aside: {keys}");
    let kept = browser.eval(&idb("get", &format!("'{}'", aside[0]))).await;
    assert_eq!(kept, json!("{ not json"), "kept exactly as it was");

    let code = exam_code(&exam);
    assert!(code.starts_with("XFE1."), "a first exam's code");
    browser.fill("#stats-exam-code", &code).await;
    browser.click_text("读取考试码").await;
    browser.wait_for_text("已选：统计测试考试").await;

    let roster_input = browser.wait_for("#roster-file").await;
    roster_input
        .send_keys(&roster.to_string_lossy())
        .await
        .unwrap();
    let preview = browser.wait_for_text("读到 5 人，1 处问题").await;
    assert!(
        preview.contains("第 8 行“工号”列：编号“002”与第 4 行重复"),
        "every problem by row and column: {preview}"
    );
    let take_all = browser.wait_for("#roster-take-all").await;
    assert!(
        take_all.prop("disabled").await.unwrap().as_deref() == Some("true"),
        "all or nothing: a roster with problems cannot be taken whole"
    );
    browser.click_text("只导入无问题的行").await;
    browser.wait_for_text("已导入 5 人，2 个单位").await;

    let result_input = browser.wait_for("#result-files").await;
    result_input.send_keys(&paths.join("\n")).await.unwrap();
    browser.wait_for_text("已收到 3 份成绩").await;
    browser.wait_for("#unit-table").await;

    assert_eq!(
        unit_row(&browser, JUSTICE).await,
        [JUSTICE, "3", "2", "66.7%", "1", "50.0%", "1", "50.0%", "50.0", ""]
    );
    assert_eq!(
        unit_row(&browser, HOSTILE_UNIT).await,
        [
            HOSTILE_UNIT,
            "2",
            "1",
            "50.0%",
            "1",
            "100.0%",
            "1",
            "100.0%",
            "100.0",
            ""
        ]
    );
    assert_eq!(
        unit_row(&browser, "合计").await,
        ["合计", "5", "3", "60.0%", "2", "66.7%", "2", "66.7%", "66.7", ""]
    );
    // The exam, roster and results are kept on this device: once the page no longer says it
    // is saving, a reload shows the same report.
    browser.wait_until_gone("#stats-saving").await;
    browser.reload().await;
    browser.wait_for("#unit-table").await;
    assert_eq!(
        unit_row(&browser, "合计").await[..4],
        ["合计", "5", "3", "60.0%"]
    );
    let absent = browser.wait_for("#absent").await.text().await.unwrap();
    assert!(absent.contains("未参考名单（共 2 人）"), "{absent}");
    assert!(absent.contains(&format!("{JUSTICE}：1 人未参考")));
    assert!(absent.contains(&format!("{HOSTILE_UNIT}：1 人未参考")));

    // Opened, the lists name the absent as plain text.
    browser
        .eval("document.querySelectorAll('#absent details').forEach(d => d.open = true); return 0;")
        .await;
    browser.wait_for_text("王五（005）").await;
    let absent = browser.wait_for("#absent").await.text().await.unwrap();
    assert!(absent.contains("王五（005）"));
    assert!(absent.contains(&format!("{FORMULA_NAME}（004）")));
    // Each unit's rate chart is closed at first, saying how many units it holds; opened, it
    // draws a bar per unit.
    let units = browser
        .eval("return document.querySelectorAll('#unit-table tbody tr').length;")
        .await;
    let charts = browser.wait_for(".charts").await.text().await.unwrap();
    assert!(
        charts.contains(&format!("参考率（{units} 个单位）")),
        "{charts}"
    );
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.charts details g').length;")
            .await,
        json!(0)
    );
    browser
        .eval("document.querySelector('.charts details summary').click(); return 0;")
        .await;
    browser.wait_for(".charts details g").await;
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('.charts details[open] g').length;")
            .await,
        units
    );
    let injected = browser
        .eval("return [window.pwned === undefined, document.querySelectorAll('main img, main script').length];")
        .await;
    assert_eq!(
        injected,
        json!([true, 0]),
        "nothing the roster holds ran or became markup"
    );

    // On a 360 px phone, the long unbroken unit name wraps: only the unit table scrolls sideways.
    let phone = json!({ "width": 360, "height": 640, "deviceScaleFactor": 1, "mobile": true });
    browser
        .cdp("Emulation.setDeviceMetricsOverride", phone)
        .await;
    let too_wide = browser.eval(TOO_WIDE).await;
    assert_eq!(too_wide, json!([]), "the page fits 360 px");
    browser
        .cdp("Emulation.clearDeviceMetricsOverride", json!({}))
        .await;

    browser.click_text("未参考名单 CSV").await;
    let csv = downloaded(&downloads.0, "csv").await;
    let name = csv.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("统计测试考试-未参考名单-"), "{name}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with('\u{feff}'), "UTF-8 with BOM");
    assert!(
        text.contains("'=HYPERLINK"),
        "the formula is neutralised: {text}"
    );
    assert!(!text.contains(",=HYPERLINK") && !text.contains(",\"=HYPERLINK"));

    browser.click_text("全部导出为 Excel").await;
    let xlsx = downloaded(&downloads.0, "xlsx").await;
    let name = xlsx.file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("统计测试考试-统计报表-20"), "{name}");
    let book = std::fs::read(&xlsx).unwrap();
    assert_eq!(
        xlsx_sheet_names(&book).unwrap(),
        ["单位汇总", "个人成绩", "未参考名单", "题目分析"]
    );
    let summary = read_xlsx(&book, Some("单位汇总")).unwrap();
    assert_eq!(
        summary.last().unwrap(),
        &["合计", "5", "3", "60.0%", "2", "66.7%", "2", "66.7%", "66.7"]
    );
    let absent = read_xlsx(&book, Some("未参考名单")).unwrap();
    assert!(
        absent.contains(&vec![
            HOSTILE_UNIT.to_string(),
            "004".into(),
            format!("'{FORMULA_NAME}")
        ]),
        "the formula is neutralised in the workbook: {absent:?}"
    );
    let people = read_xlsx(&book, Some("个人成绩")).unwrap();
    assert!(people.iter().any(|row| row[1] == SCRIPT_NAME), "{people:?}");
    let items = read_xlsx(&book, Some("题目分析")).unwrap();
    assert_eq!(items[0][..3], ["题号", "题干", "法条"]);
    assert!(items.len() > 3, "one row per question answered: {items:?}");

    // An XLSX roster whose headers are not recognised: the user maps the columns.
    let mapped = files.0.join("mapped.xlsx");
    let rows = [
        vec!["科室", "人员", "代码"],
        vec![JUSTICE, "张三", "001"],
        vec!["财政局", "钱七", "009"],
    ];
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    std::fs::write(
        &mapped,
        write_xlsx(&[XlsxSheet::of_text("名单", &rows)]).unwrap(),
    )
    .unwrap();
    let roster_input = browser.wait_for("#roster-file").await;
    roster_input
        .send_keys(&mapped.to_string_lossy())
        .await
        .unwrap();
    browser.wait_for_text("请指出各列").await;
    browser.select("#map-id", "2").await;
    browser.select("#map-name", "1").await;
    browser.select("#map-unit", "0").await;
    browser.click_text("按所选列读取").await;
    browser.wait_for_text("读到 2 人，0 处问题").await;
    browser.click_text("全部导入").await;
    browser.wait_for_text("已导入 2 人，2 个单位").await;
    assert_eq!(
        unit_row(&browser, "财政局").await[..4],
        ["财政局", "1", "0", "0.0%"]
    );

    // A table of head counts per unit, when names are not collected.
    let counts = files.0.join("counts.csv");
    std::fs::write(&counts, format!("单位,应考人数\n{JUSTICE},4\n财政局,10\n")).unwrap();
    let roster_input = browser.wait_for("#roster-file").await;
    roster_input
        .send_keys(&counts.to_string_lossy())
        .await
        .unwrap();
    browser.wait_for_text("2 个单位，应考共 14 人").await;
    browser.click_text("导入各单位应考人数").await;
    browser.wait_for_text("已导入 2 个单位的应考人数").await;
    assert_eq!(
        unit_row(&browser, JUSTICE).await[..4],
        [JUSTICE, "4", "2", "50.0%"]
    );

    // A results table another administrator exported (个人成绩), dropped on the results card,
    // merges with the records.
    let dropped = browser
        .eval(
            "const table = '工号,姓名,单位,得分,交卷时间\\nT01,外镇张三,财政局,95,2026-11-20 09:30:00\\n';
             const files = new DataTransfer();
             files.items.add(new File([table], 'towns.csv', { type: 'text/csv' }));
             const card = document.querySelector('#result-files').closest('.drop-zone');
             return card.dispatchEvent(new DragEvent('drop', { dataTransfer: files, bubbles: true, cancelable: true }));",
        )
        .await;
    assert_eq!(
        dropped,
        json!(false),
        "the page takes the drop (default prevented)"
    );
    browser.wait_for_text("成绩表 1 个").await;
    browser.wait_for_text("财政局").await;
    let mut merged = Vec::new();
    for _ in 0..100 {
        merged = unit_row(&browser, "财政局").await;
        if merged[2] == "1" {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(merged[..4], ["财政局", "10", "1", "10.0%"]);

    // The header leads back to the learner's app.
    browser.click_text("学习").await;
    browser.wait_for_text("第一编 总则").await;

    let errors = browser.console_errors().await;
    assert!(errors.is_empty(), "console errors: {errors:#?}");
}
