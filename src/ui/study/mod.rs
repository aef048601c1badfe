//! The study pages: the home page with the Books, and practice.

mod home;
mod practice;

pub use home::HomePage;
pub use practice::PracticePage;
