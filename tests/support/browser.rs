//! Headless Chromium through chromedriver, with helpers that act and read like a person.

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::error::CmdError;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

/// How long to wait for something to appear before failing.
const PATIENCE: Duration = Duration::from_secs(20);

/// A headless Chromium session; chromedriver and its browsers are killed on drop.
pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: TempDir,
}

impl Browser {
    /// Starts chromedriver on a free port and opens a fresh headless Chromium at the given size.
    pub async fn start(width: u32, height: u32) -> Browser {
        Browser::launch(width, height, false).await
    }

    /// Like `start`, and records every network request the browser makes (see `requested_urls`).
    pub async fn start_recording_requests(width: u32, height: u32) -> Browser {
        Browser::launch(width, height, true).await
    }

    async fn launch(width: u32, height: u32, record_requests: bool) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(chromedriver())
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("chromedriver runs (scripts/setup.sh installs it)");
        let profile = TempDir::new();
        let args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.0.display()),
        ];
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("goog:chromeOptions".into(), json!({ "args": args }));
        let logs = if record_requests {
            json!({ "browser": "ALL", "performance": "ALL" })
        } else {
            json!({ "browser": "ALL" })
        };
        capabilities.insert("goog:loggingPrefs".into(), logs);
        let deadline = Instant::now() + PATIENCE;
        let client = loop {
            let attempt = ClientBuilder::new(HttpConnector::new())
                .capabilities(capabilities.clone())
                .connect(&format!("http://127.0.0.1:{port}"))
                .await;
            match attempt {
                Ok(client) => break client,
                Err(e) if Instant::now() > deadline => panic!("chromedriver did not start: {e}"),
                Err(_) => tokio::time::sleep(Duration::from_millis(100)).await,
            }
        };
        Browser {
            client,
            driver,
            _profile: profile,
        }
    }

    /// Opens a URL and waits for the app to render its header.
    pub async fn open(&self, url: &str) {
        self.client.goto(url).await.expect("navigate");
        self.wait_for("header.top").await;
    }

    /// Reloads the page and waits for the app again.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("reload");
        self.wait_for("header.top").await;
    }

    /// The first element `locator` finds, waiting up to `PATIENCE` while there is none, and
    /// while the page is being replaced: a search in flight when the learner's app hands a path
    /// over to the administrators' app (a new page load) is answered "aborted by navigation".
    async fn find_patiently(&self, locator: Locator<'_>) -> Result<Element, CmdError> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            match self.client.find(locator).await {
                Err(e)
                    if Instant::now() < deadline
                        && (e.is_no_such_element()
                            || e.to_string().contains("aborted by navigation")) =>
                {
                    tokio::time::sleep(Duration::from_millis(50)).await
                }
                found => return found,
            }
        }
    }

    /// Waits until an element matching the CSS selector is on the page.
    pub async fn wait_for(&self, css: &str) -> Element {
        let found = self.find_patiently(Locator::Css(css)).await;
        match found {
            Ok(element) => element,
            Err(e) => panic!(
                "{css} did not appear: {e}\n{}\n{}",
                self.body_text_now().await,
                self.loading_state().await
            ),
        }
    }

    /// Waits until the visible text of the page contains `text`, and returns that text.
    pub async fn wait_for_text(&self, text: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let body = self.body_text_now().await;
            if body.contains(text) {
                return body;
            }
            assert!(
                Instant::now() < deadline,
                "“{text}” did not appear; the page says:\n{body}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// How far the page got loading, for a failure message: its ready state, the app's marks,
    /// and each file fetched with when it started and finished (ms since navigation).
    async fn loading_state(&self) -> String {
        let script = "return JSON.stringify({ready: document.readyState, \
             marks: performance.getEntriesByType('mark').map(m => m.name), \
             files: performance.getEntriesByType('resource').map(r => \
               [r.name.split('/').pop(), Math.round(r.startTime), Math.round(r.responseEnd)])})";
        match self.client.execute(script, vec![]).await {
            Ok(state) => format!("page state: {}", state.as_str().unwrap_or_default()),
            Err(e) => format!("page state unreadable: {e}"),
        }
    }

    /// Waits until no element on the page matches the CSS selector.
    pub async fn wait_until_gone(&self, css: &str) {
        let deadline = Instant::now() + PATIENCE;
        let script = format!("return document.querySelector({css:?}) === null");
        while self.eval(&script).await != Value::Bool(true) {
            assert!(Instant::now() < deadline, "{css} is still on the page");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The visible text of the whole page.
    pub async fn body_text_now(&self) -> String {
        match self.client.find(Locator::Css("body")).await {
            Ok(body) => body.text().await.unwrap_or_default(),
            Err(_) => String::new(),
        }
    }

    /// Answers the practice question on screen by picking its first choice (and the second,
    /// for a multiple-choice question), then submits.
    pub async fn answer_question_on_screen(&self) {
        let kind = self.wait_for(".question .kind").await.text().await.unwrap();
        let choices = self
            .client
            .find_all(Locator::Css("label.choice"))
            .await
            .unwrap();
        choices[0].click().await.unwrap();
        if kind == "多选题" {
            choices[1].click().await.unwrap();
        }
        self.click_text("提交答案").await;
    }

    /// Clicks the first link or button whose visible text contains `text`.
    pub async fn click_text(&self, text: &str) {
        let xpath = format!("//*[self::a or self::button][contains(normalize-space(.), '{text}')]");
        let element = self
            .find_patiently(Locator::XPath(&xpath))
            .await
            .unwrap_or_else(|e| panic!("no link or button “{text}”: {e}"));
        element.click().await.expect("click");
    }

    /// Presses and releases one key, as a person at a keyboard (`'\u{e007}'` is Enter).
    pub async fn press(&self, key: char) {
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(actions)
            .await
            .expect("press a key");
    }

    /// Picks the option with `value` in the `<select>` matching the CSS selector.
    pub async fn select(&self, css: &str, value: &str) {
        self.wait_for(css)
            .await
            .select_by_value(value)
            .await
            .expect("select an option");
    }

    /// Runs a script in the page and returns its result.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .expect("script runs")
    }

    /// Types `text` into the field matching the CSS selector.
    pub async fn fill(&self, css: &str, text: &str) {
        let field = self.wait_for(css).await;
        field.clear().await.expect("clear field");
        field.send_keys(text).await.expect("type into field");
    }

    /// The current value of a form field (input, textarea, select).
    pub async fn value_of(&self, css: &str) -> String {
        let field = self.wait_for(css).await;
        field
            .prop("value")
            .await
            .expect("read value")
            .unwrap_or_default()
    }

    /// Runs a Chrome DevTools Protocol command (e.g. to emulate print media or allow downloads).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_string(),
                params,
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd} failed: {e}"))
    }

    /// Console messages of level SEVERE logged by the page so far (drains the log).
    pub async fn console_errors(&self) -> Vec<String> {
        let log = self
            .client
            .issue_cmd(BrowserLog("browser"))
            .await
            .expect("read the browser log");
        log.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry.to_string())
            .collect()
    }
}

impl Browser {
    /// Every URL the browser has requested since the last call (drains the log); needs
    /// `start_recording_requests`.
    pub async fn requested_urls(&self) -> Vec<String> {
        let log = self
            .client
            .issue_cmd(BrowserLog("performance"))
            .await
            .expect("read the performance log");
        log.as_array()
            .into_iter()
            .flatten()
            .filter_map(|entry| entry["message"].as_str())
            .filter_map(|message| serde_json::from_str::<Value>(message).ok())
            .filter(|event| event["message"]["method"] == "Network.requestWillBeSent")
            .filter_map(|event| {
                event["message"]["params"]["request"]["url"]
                    .as_str()
                    .map(str::to_string)
            })
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // Kill chromedriver's whole process group, browsers included.
        kill_process_group(self.driver.id());
        let _ = self.driver.wait();
    }
}

/// Sends SIGKILL to the process group led by `pid` (never the `kill` command: procps' kill
/// has read `-KILL -<pgid>` as "kill every process").
fn kill_process_group(pid: u32) {
    let group = libc::pid_t::try_from(pid).expect("a pid fits pid_t");
    assert!(group > 1, "refusing to signal process group {group}");
    // SAFETY: killpg only sends a signal; the group is chromedriver's own (process_group(0)).
    unsafe {
        libc::killpg(group, libc::SIGKILL);
    }
}

fn chromedriver() -> String {
    std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_string())
}

/// chromedriver's log endpoint, which fantoccini does not wrap: "browser" (the console) or
/// "performance" (DevTools events, with every network request).
#[derive(Debug)]
struct BrowserLog(&'static str);

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(json!({ "type": self.0 }).to_string()),
        )
    }
}

/// chromedriver's endpoint for Chrome DevTools Protocol commands.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// A fresh, empty browser profile directory, removed on drop.
pub struct TempDir(pub std::path::PathBuf);

impl TempDir {
    /// Creates the directory.
    pub fn new() -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let dir =
            std::env::temp_dir().join(format!("xuefa-chromium-{}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
