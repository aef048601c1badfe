//! Shared pieces of the end-to-end tests: the built `dist/` served on loopback, and a headless
//! Chromium driven through chromedriver, both torn down when the test ends, pass or fail.

#![allow(dead_code)] // each test file uses its own part of the helpers

pub mod browser;
pub mod county;
pub mod downloads;
pub mod server;

#[allow(unused_imports)] // each test file uses its own part of the helpers
pub use browser::{Browser, TempDir};
#[allow(unused_imports)]
pub use downloads::downloaded;
#[allow(unused_imports)]
pub use server::{copy_of_dist, StaticServer};
