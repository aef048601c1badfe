//! The pure core: all rules of the product, with no browser in sight. Time and randomness
//! come in as arguments, so everything here runs and is tested natively.

pub mod backup;
pub mod bank;
pub mod bank_io;
pub mod exam;
pub mod formats;
pub mod law;
pub mod script;
pub mod storage;
pub mod study;
pub mod units;
