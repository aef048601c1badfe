//! The Leptos user interface and its adapters to the browser. It reads state, calls the
//! core and renders; decisions about questions and progress live in `crate::core`.

mod app;
mod bank;
mod bank_tools;
mod browser;
mod exam;
mod pages;
mod state;
mod stats;
mod study;
mod widgets;

pub use app::App;
