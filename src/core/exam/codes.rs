//! Text codes: a value's JSON in URL-safe base64 behind a short prefix naming what it is.
//! An exam's code is also carried by its share link (`…/exam/join?c=<code>`).

use std::borrow::Cow;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use super::{DrawOrder, ExamDefinition};

/// The prefix of an exam code (format version 2: papers drawn as needed, see [`DrawOrder`]).
/// An app that knows only version 1 refuses such a code rather than drawing other papers.
pub const EXAM_PREFIX: &str = "XFE2.";

/// The prefix of the first exams' codes (format version 1: papers drawn from the whole bank's
/// shuffle); such exams keep it, and their codes are still read.
pub const EXAM_PREFIX_V1: &str = "XFE1.";

/// The prefix of an exam's code: its format version follows from how its papers are drawn.
fn exam_prefix(exam: &ExamDefinition) -> &'static str {
    match exam.blueprint.draw {
        DrawOrder::WholeBank => EXAM_PREFIX_V1,
        DrawOrder::AsNeeded => EXAM_PREFIX,
    }
}

/// The longest text a decoder looks at; anything longer is refused before decoding.
pub const MAX_CODE_LEN: usize = 64 * 1024;

/// Why a pasted code or link could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error("内容为空")]
    Empty,
    #[error("内容过长，不是学法生成的代码")]
    TooLong,
    #[error("不是{0}（应以 {1} 开头）")]
    WrongPrefix(&'static str, &'static str),
    #[error("代码不完整或有错字")]
    Garbled,
    #[error("代码内容有误：{0}")]
    Invalid(String),
    #[error("校验码不符：内容在生成后被改动过，或抄写有误")]
    Checksum,
}

/// `prefix` followed by the bytes in URL-safe base64 without padding.
pub(crate) fn encode(prefix: &str, bytes: &[u8]) -> String {
    format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes))
}

/// The bytes behind a code with the given prefix; spaces and line breaks are ignored, as
/// a chat app may wrap a long code.
pub(crate) fn decode(
    text: &str,
    prefix: &'static str,
    what: &'static str,
) -> Result<Vec<u8>, CodeError> {
    if text.len() > MAX_CODE_LEN {
        return Err(CodeError::TooLong);
    }
    // Codes are ASCII: only a non-ASCII byte or an ASCII space can start a whitespace char.
    let may_hold_space = text
        .bytes()
        .any(|b| !b.is_ascii() || matches!(b, b'\t'..=b'\r' | b' '));
    let compact: Cow<str> = if may_hold_space && text.contains(char::is_whitespace) {
        Cow::Owned(text.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(text)
    };
    if compact.is_empty() {
        return Err(CodeError::Empty);
    }
    let body = compact
        .strip_prefix(prefix)
        .ok_or(CodeError::WrongPrefix(what, prefix))?;
    URL_SAFE_NO_PAD.decode(body).map_err(|_| CodeError::Garbled)
}

/// The exam's text code.
pub fn exam_code(exam: &ExamDefinition) -> String {
    let json = serde_json::to_vec(exam).expect("a definition serialises");
    encode(exam_prefix(exam), &json)
}

/// The share link of an exam, under the app's address (e.g. `https://example.org/xuefa`).
pub fn exam_link(app_address: &str, exam: &ExamDefinition) -> String {
    format!(
        "{}/exam/join?c={}",
        app_address.trim_end_matches('/'),
        exam_code(exam)
    )
}

/// The code inside a pasted share link, or the text itself when it is not a link.
pub fn code_in_link(text: &str) -> &str {
    let text = text.trim();
    match text.find("?c=").or_else(|| text.find("&c=")) {
        Some(at) => text[at + 3..].split(['&', '#']).next().unwrap_or_default(),
        None => text,
    }
}

/// Reads an exam from its code or share link (either format version), and checks it.
pub fn decode_exam_code(text: &str) -> Result<ExamDefinition, CodeError> {
    let code = code_in_link(text);
    let prefix = if code.trim_start().starts_with(EXAM_PREFIX_V1) {
        EXAM_PREFIX_V1
    } else {
        EXAM_PREFIX
    };
    let bytes = decode(code, prefix, "考试代码")?;
    let exam: ExamDefinition =
        serde_json::from_slice(&bytes).map_err(|e| CodeError::Invalid(e.to_string()))?;
    if exam_prefix(&exam) != prefix {
        return Err(CodeError::Invalid("考试代码的版本与其抽题方式不符".into()));
    }
    exam.validate().map_err(CodeError::Invalid)?;
    Ok(exam)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exam::definition::tests::official;
    use proptest::prelude::*;

    #[test]
    fn exam_codes_and_links_round_trip() {
        let exam = official();
        let code = exam_code(&exam);
        assert!(code.starts_with("XFE2."), "papers drawn as needed: {code}");
        assert!(code[5..]
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        assert_eq!(decode_exam_code(&code), Ok(exam.clone()));
        let link = exam_link("https://example.org/xuefa/", &exam);
        assert!(link.starts_with("https://example.org/xuefa/exam/join?c=XFE2."));
        assert_eq!(decode_exam_code(&link), Ok(exam.clone()));
        let wrapped = format!("  {}\n{}  ", &code[..40], &code[40..]);
        assert_eq!(decode_exam_code(&wrapped), Ok(exam));
        assert!(
            code.len() < 1200,
            "compact enough for a link: {}",
            code.len()
        );
    }

    #[test]
    fn the_first_exams_keep_their_codes_and_a_code_must_match_its_draw_order() {
        let mut first = official();
        first.blueprint.draw = DrawOrder::WholeBank;
        let code = exam_code(&first);
        assert!(
            code.starts_with("XFE1."),
            "an app of version 1 still reads it"
        );
        assert_eq!(decode_exam_code(&code), Ok(first.clone()));
        let json = serde_json::to_vec(&first).unwrap();
        assert!(
            !String::from_utf8(json.clone()).unwrap().contains("draw"),
            "its definition, and so its hash, as before"
        );

        // A version-1 app would ignore the order and draw other papers: such codes are refused.
        let as_needed = serde_json::to_vec(&official()).unwrap();
        let mislabelled = encode(EXAM_PREFIX_V1, &as_needed);
        assert!(matches!(
            decode_exam_code(&mislabelled),
            Err(CodeError::Invalid(why)) if why.contains("版本")
        ));
        assert!(decode_exam_code(&encode(EXAM_PREFIX, &json)).is_err());
    }

    #[test]
    fn bad_codes_say_what_is_wrong() {
        assert_eq!(decode_exam_code("  "), Err(CodeError::Empty));
        assert!(matches!(
            decode_exam_code("XFR1.abc"),
            Err(CodeError::WrongPrefix(..))
        ));
        assert_eq!(decode_exam_code("XFE1.!!"), Err(CodeError::Garbled));
        assert_eq!(decode_exam_code("XFE2.!!"), Err(CodeError::Garbled));
        assert!(matches!(
            decode_exam_code(&encode(EXAM_PREFIX, b"{}")),
            Err(CodeError::Invalid(_))
        ));
        let mut exam = official();
        exam.minutes = 0;
        assert!(matches!(
            decode_exam_code(&exam_code(&exam)),
            Err(CodeError::Invalid(_))
        ));
        let mut code = exam_code(&official());
        code.truncate(code.len() - 7);
        assert!(decode_exam_code(&code).is_err());
        assert_eq!(
            decode_exam_code(&"A".repeat(MAX_CODE_LEN + 1)),
            Err(CodeError::TooLong)
        );
    }

    proptest! {
        #[test]
        fn no_text_makes_the_exam_decoder_panic(text in any::<String>()) {
            let _ = decode_exam_code(&text);
        }

        #[test]
        fn no_payload_makes_the_exam_decoder_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = decode_exam_code(&encode(EXAM_PREFIX, &bytes));
            let link = format!("https://x.org/exam/join?c={}", encode(EXAM_PREFIX, &bytes));
            let _ = decode_exam_code(&link);
        }

        #[test]
        fn no_mangled_code_makes_the_exam_decoder_panic(cut in 0usize..2000, insert in any::<String>()) {
            let code = exam_code(&official());
            let at = cut.min(code.len());
            let mangled = format!("{}{insert}{}", &code[..at], &code[at..]);
            let _ = decode_exam_code(&mangled);
        }
    }
}
