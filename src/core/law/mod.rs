//! The Code's map: Books, chapters and article numbers. Facts, not opinions.

mod article;
mod book;
mod chapter;

pub use article::{articles_mentioned, parse_article, parse_number};
pub use book::{Book, LAST_ARTICLE};
pub use chapter::{Chapter, CHAPTERS};
