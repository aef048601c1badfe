//! The exam pages: mock and official exams, the exam screen, results, printing, issuing.

mod handin;
mod home;
mod issue;
mod join;
mod print;
mod result;
mod sit;
mod slot;
mod start;
mod state;
mod summary;

pub use home::ExamHome;
pub use issue::IssuePage;
pub use join::JoinPage;
pub use print::{CertificatePage, ScoreSheetPage};
pub use result::ResultPage;
pub use sit::AttemptPage;
pub use slot::{ExamSlot, WithExams};
pub use state::ExamState;
