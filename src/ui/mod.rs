//! The Leptos user interface and its adapters to the browser. It reads state, calls the
//! core and renders; decisions about questions and progress live in `crate::core`.
//!
//! Two apps are built from it: the learner's (`App`, binary `xuefa`) and the administrators'
//! (`AdminApp`, binary `xuefa-admin`); each binary mounts one, so the other's pages are not
//! in its wasm.

mod admin;
mod app;
mod bank;
mod bank_tools;
mod browser;
mod data;
mod exam;
mod lazy;
mod pages;
mod shell;
mod state;
mod stats;
mod study;
mod widgets;

pub use admin::AdminApp;
pub use app::App;
