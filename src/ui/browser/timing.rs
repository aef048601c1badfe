//! Performance marks for the benchmark (`scripts/bench.sh`): named points on the page's
//! timeline (`performance.mark`) that the benchmark reads back. They cost nothing visible.
//! And waiting for the page to have painted, for work that should come after.

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

/// Resolves once the page has painted what is on it now (after the next animation frame, in
/// a task queued behind that frame's paint), or after a second at the latest, as a hidden
/// tab paints no frames: for work that must not delay that paint.
pub async fn after_paint() {
    let painted = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 1000);
        let after_frame = Closure::once_into_js(move || {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        });
        let _ = window.request_animation_frame(after_frame.unchecked_ref());
    });
    let _ = wasm_bindgen_futures::JsFuture::from(painted).await;
}
