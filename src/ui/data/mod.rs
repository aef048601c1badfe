//! 我的数据: backup, restore and clearing of everything the app keeps on this device.

mod page;

pub use page::DataPage;
