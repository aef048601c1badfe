//! End to end, in headless Chromium at 360 × 640 against the release `dist/`: every main page
//! fits the phone's width (no horizontal scrolling), its tap targets are at least 44 px, and
//! axe-core finds nothing serious or critical. Screenshots land in `target/screenshots/`.

mod support;

use std::path::{Path, PathBuf};

use serde_json::json;
use support::{Browser, StaticServer};

/// Links, buttons and fields a finger must hit, smaller than 44 × 44 px (links inside running
/// text are exempt, as in WCAG 2.5.8).
const SMALL_TARGETS: &str = r#"
return [...document.querySelectorAll('a, button, select, input:not([type=radio]):not([type=checkbox]), textarea, label.choice, summary')]
  .filter(el => el.getClientRects().length > 0 && !el.closest('p, li.inline'))
  .filter(el => { const r = el.getBoundingClientRect(); return r.width < 44 || r.height < 44; })
  .map(el => { const r = el.getBoundingClientRect();
    return `${el.tagName.toLowerCase()} “${(el.innerText || el.value || '').trim().slice(0, 20)}” ${Math.round(r.width)}×${Math.round(r.height)}`; });
"#;

/// The page's width and window's width when the page is wider than a 360 px phone (which, with
/// a mobile viewport, widens the window too), with the elements that stick out.
const TOO_WIDE: &str = r#"
const page = document.documentElement.scrollWidth, inner = window.innerWidth;
if (page <= inner && inner <= 360) return [];
return [`page ${page} px, window ${inner} px`].concat([...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > 360)
  .slice(0, 5)
  .map(el => `${el.tagName.toLowerCase()}.${el.className} right edge ${Math.round(el.getBoundingClientRect().right)}`));
"#;

/// Runs axe-core and returns its serious and critical findings.
const AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ['violations'] }).then(results => done(
  results.violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`)
), error => done([`axe failed: ${error}`]));
"#;

fn axe_source() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (scripts/setup.sh --browser installs axe-core)",
            path.display()
        )
    })
}

fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Checks the page on screen and returns what is wrong with it, each line naming the page.
async fn check_page(browser: &Browser, name: &str, axe: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let wider = browser.eval(TOO_WIDE).await;
    for element in wider.as_array().unwrap() {
        problems.push(format!(
            "{name}: wider than the phone: {}",
            element.as_str().unwrap()
        ));
    }
    for small in browser.eval(SMALL_TARGETS).await.as_array().unwrap() {
        problems.push(format!(
            "{name}: small tap target {}",
            small.as_str().unwrap()
        ));
    }
    browser.eval(&format!("{axe}\nreturn true")).await;
    let findings = browser
        .client
        .execute_async(AXE, vec![])
        .await
        .expect("axe runs");
    for finding in findings.as_array().into_iter().flatten() {
        problems.push(format!(
            "{name}: axe {}",
            finding.as_str().unwrap_or_default()
        ));
    }
    let png = browser.client.screenshot().await.expect("screenshot");
    std::fs::write(screenshot_dir().join(format!("{name}.png")), png).unwrap();
    problems
}

#[tokio::test(flavor = "multi_thread")]
async fn every_main_page_fits_a_phone_and_passes_axe() {
    let server = StaticServer::dist();
    let browser = Browser::start(360, 640).await;
    // A desktop window has a minimum width; emulate the phone's viewport itself.
    let phone = json!({ "width": 360, "height": 640, "deviceScaleFactor": 1, "mobile": true });
    browser
        .cdp("Emulation.setDeviceMetricsOverride", phone)
        .await;
    let axe = axe_source();
    let mut problems = Vec::new();

    let pages = [
        ("home", "/", "第一编 总则"),
        ("chooser", "/practice", "开始练习"),
        ("practice", "/practice/1", "提交答案"),
        ("wrong-book", "/wrong", "错题本"),
        ("progress", "/progress", "第三编 合同"),
        ("search", "/search", "搜索"),
        ("exam-home", "/exam", "开始模拟考试"),
        ("exam-issue", "/admin/issue", "生成考试链接"),
        ("stats", "/admin/stats", "导入应考名单"),
        ("bank", "/bank", "共 "),
        ("bank-tools", "/admin/bank", "下载 Excel 模板"),
        ("data", "/data", "下载备份文件"),
    ];
    for (name, path, text) in pages {
        browser.open(&server.url(path)).await;
        browser.wait_for_text(text).await;
        problems.extend(check_page(&browser, name, &axe).await);
    }

    browser.open(&server.url("/practice/1")).await;
    browser
        .wait_for("label.choice")
        .await
        .click()
        .await
        .unwrap();
    browser.click_text("提交答案").await;
    browser.wait_for(".feedback").await;
    problems.extend(check_page(&browser, "practice-answered", &axe).await);

    browser.open(&server.url("/exam")).await;
    browser.click_text("开始模拟考试").await;
    browser.wait_for(".timer").await;
    problems.extend(check_page(&browser, "exam-attempt", &axe).await);
    browser.click_text("交卷").await;
    browser.click_text("确认交卷").await;
    browser.wait_for_text("打印成绩单").await;
    problems.extend(check_page(&browser, "exam-result", &axe).await);

    browser.open(&server.url("/data")).await;
    browser.click_text("清除我的数据").await;
    browser.wait_for_text("确认清除").await;
    problems.extend(check_page(&browser, "data-confirm-clear", &axe).await);
    browser.click_text("取消").await;

    browser.open(&server.url("/")).await;
    browser.wait_for_text("第一编 总则").await;
    browser
        .wait_for("button.script-toggle")
        .await
        .click()
        .await
        .unwrap();
    browser.wait_for_text("第一編 總則").await;
    problems.extend(check_page(&browser, "home-traditional", &axe).await);

    assert!(
        problems.is_empty(),
        "{} problems at 360 × 640:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
