//! Performance marks for the benchmark (`scripts/bench.sh`): named points on the page's
//! timeline (`performance.mark`) that the benchmark reads back. They cost nothing visible.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Marks the present moment as `name`.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Marks `name` once the page has painted what is on it now: after the next animation frame,
/// in a task queued behind that frame's paint.
pub fn mark_after_paint(name: &'static str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let after_frame = Closure::once_into_js(move || {
        let after_paint = Closure::once_into_js(move || mark(name));
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(after_paint.unchecked_ref());
        }
    });
    let _ = window.request_animation_frame(after_frame.unchecked_ref());
}
