//! The browser's clock and random numbers, handed to the core as plain values.

use crate::core::study::Day;

/// Today in the learner's own time zone.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    Day::from_ymd(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// A fresh 64-bit seed (for drawing a paper or shuffling a practice set).
pub fn random_seed() -> u64 {
    let half = || (js_sys::Math::random() * 4_294_967_296.0) as u64;
    (half() << 32) | half()
}

/// A short random tail for ids, in base 36.
pub fn random_tag() -> String {
    let mut n = random_seed() % 36u64.pow(4);
    let mut tag = String::new();
    for _ in 0..4 {
        tag.push(char::from_digit((n % 36) as u32, 36).expect("digit below 36"));
        n /= 36;
    }
    tag
}

/// A time as local date and time, "2024-06-01 14:05".
pub fn local_time(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// The local date of a time, "2024年6月1日".
pub fn local_date(ms: u64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{}年{}月{}日",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// The time a `datetime-local` input holds (local time), or `None` when empty or invalid.
pub fn parse_local_datetime(value: &str) -> Option<u64> {
    if value.trim().is_empty() {
        return None;
    }
    let time = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(value)).get_time();
    (time.is_finite() && time >= 0.0).then_some(time as u64)
}

/// Lets the browser paint and handle input before the rest of a long task: a message to
/// itself, which unlike a zero-delay timer is not held back 4 ms once such turns nest, and
/// also runs in a background tab (a timer where message channels are missing).
pub async fn yield_to_browser() {
    let tick = js_sys::Promise::new(&mut |resolve, _| {
        if let Ok(channel) = web_sys::MessageChannel::new() {
            channel.port1().set_onmessage(Some(&resolve));
            if channel
                .port2()
                .post_message(&wasm_bindgen::JsValue::NULL)
                .is_ok()
            {
                return;
            }
        }
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
}

/// A long loop's turns with the browser: the loop works until `budget_ms` have passed since it
/// last yielded (see [`yield_to_browser`]), so that many small parts do not each wait a
/// timer's turn, while progress still shows and input is still handled.
pub struct TimeSlice {
    budget_ms: u64,
    /// When the loop last yielded; `None` before it first did.
    since: Option<u64>,
}

impl TimeSlice {
    /// A loop that has not yielded yet.
    pub fn new(budget_ms: u64) -> TimeSlice {
        TimeSlice {
            budget_ms,
            since: None,
        }
    }

    /// Whether the loop should yield now: always at first, then once its budget is spent.
    pub fn is_spent(&self) -> bool {
        self.since
            .is_none_or(|since| now_ms() >= since + self.budget_ms)
    }

    /// Yields to the browser and starts a new slice.
    pub async fn yield_now(&mut self) {
        yield_to_browser().await;
        self.since = Some(now_ms());
    }
}
