//! 学法 (xuefa): study the PRC Civil Code and sit law-study exams, entirely in the browser.

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod ui;
