//! The study pages: home, practice (by Book or any set), the set chooser, the 错题本,
//! progress and search.

mod chooser;
mod home;
mod links;
mod practice;
mod progress;
mod search;
mod session;
mod set_page;
mod wrong_book;

pub use chooser::ChooserPage;
pub use home::HomePage;
pub(crate) use links::set_href;
pub use practice::PracticePage;
pub use progress::ProgressPage;
pub use search::SearchPage;
use session::PracticeSession;
pub use set_page::SetPage;
pub use wrong_book::WrongBookPage;
