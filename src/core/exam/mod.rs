//! Exams: a blueprint draws a paper, an attempt answers it before its deadline, grading
//! scores it, an exam definition travels as a link or code, and a result record hands the
//! outcome back with a checksum.

mod attempt;
mod bank_version;
mod blueprint;
mod codes;
mod definition;
mod grading;
mod paper;
#[cfg(test)]
mod paper_pins;
mod qr;
mod result;
mod store;
mod study_feed;

pub use attempt::{clock, minutes_left, Attempt, AttemptClosed, Submission, SubmittedHow};
pub use bank_version::{bank_version, short_hash};
pub use blueprint::{Blueprint, DrawOrder, Section, UnitDraw};
pub use codes::{
    code_in_link, decode_exam_code, exam_code, exam_link, CodeError, EXAM_PREFIX, EXAM_PREFIX_V1,
    MAX_CODE_LEN,
};
pub use definition::{
    counted_attempt, CountRule, ExamDefinition, ReviewRule, StartRefusal, Window, WindowState,
};
pub use grading::{
    grade, mark, mark_given, Grade, GradeError, ItemResult, MultipleRule, Score, Tally,
};
/// The small bank and blueprint the exam tests draw from, for the units' tests too.
#[cfg(test)]
pub(crate) use paper::tests::{small_bank, small_blueprint};
pub use paper::{draw, DrawError, Drawer, Paper, PaperItem};
pub use qr::qr_svg;
pub use result::{
    decode_result_code, encode_answers, given_answers, parse_result_file, GivenAnswer, Participant,
    ResultRecord, RESULT_PREFIX,
};
pub use store::{
    decode_exam_store, encode_exam_store, DecodedExamStore, ExamMerge, ExamStore, EXAM_KEY,
};
pub use study_feed::feed_study;
