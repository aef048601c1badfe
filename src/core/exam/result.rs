//! The portable outcome of one official attempt, with a checksum over its canonical form,
//! as a file, a text code and a QR code.
//!
//! What the checksum detects: any accidental or casual change to any field (a mistyped
//! character, a score edited in a text editor) — the record no longer matches its checksum.
//! What it cannot do: the app is static and its code is public, so a determined person can
//! compute a valid checksum for a forged record. Importers therefore re-grade from the
//! answers rather than trust the score.

use serde::{Deserialize, Serialize};

use super::codes::{decode, encode, CodeError};

use super::bank_version::short_hash_of_parts;
use super::{short_hash, Attempt, Grade, Paper, Score};
use crate::core::bank::Answer;

/// The prefix of a result code (format version 1).
pub const RESULT_PREFIX: &str = "XFR1.";

/// Longest name, staff id and unit a participant may enter.
const MAX_FIELD: usize = 60;

/// Who sat an official exam.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    #[serde(rename = "n")]
    pub name: String,
    /// 工号
    #[serde(rename = "i")]
    pub staff_id: String,
    #[serde(rename = "u")]
    pub unit: String,
}

impl Participant {
    /// Trims the fields and checks them against the exam's units; the error is in Chinese.
    pub fn new(
        name: &str,
        staff_id: &str,
        unit: &str,
        units: &[String],
    ) -> Result<Participant, String> {
        let (name, staff_id, unit) = (name.trim(), staff_id.trim(), unit.trim());
        if name.is_empty() || staff_id.is_empty() || unit.is_empty() {
            return Err("请填写姓名、工号并选择单位".into());
        }
        if [name, staff_id]
            .iter()
            .any(|f| f.chars().count() > MAX_FIELD)
        {
            return Err(format!("姓名和工号最多 {MAX_FIELD} 个字"));
        }
        if !units.iter().any(|u| u == unit) {
            return Err("请从列表中选择单位".into());
        }
        Ok(Participant {
            name: name.into(),
            staff_id: staff_id.into(),
            unit: unit.into(),
        })
    }
}

/// What a record's checksum is taken of before its canonical form.
const CHECKSUM_DOMAIN: &[u8] = b"xuefa-result-1|";

/// The outcome of one official attempt. Field names are short to keep codes short.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultRecord {
    #[serde(rename = "e")]
    pub exam_id: String,
    /// The exam definition's hash (see `ExamDefinition::hash`).
    #[serde(rename = "h")]
    pub exam_hash: String,
    #[serde(rename = "b")]
    pub bank_version: String,
    #[serde(rename = "s")]
    pub seed: u64,
    #[serde(rename = "p")]
    pub participant: Participant,
    /// The answers in paper order (see [`encode_answers`]).
    #[serde(rename = "a")]
    pub answers: String,
    #[serde(rename = "t0")]
    pub started_ms: u64,
    #[serde(rename = "t1")]
    pub submitted_ms: u64,
    /// The score in half points, as graded by the participant's app.
    #[serde(rename = "g")]
    pub score: Score,
    #[serde(rename = "c", default)]
    pub checksum: String,
}

impl ResultRecord {
    /// The record of a submitted official attempt and its grade, checksummed.
    pub fn of(attempt: &Attempt, grade: &Grade) -> Option<ResultRecord> {
        let submitted = attempt.submitted?;
        let mut record = ResultRecord {
            exam_id: attempt.exam.id.clone(),
            exam_hash: attempt.exam.hash(),
            bank_version: attempt.exam.bank_version.clone(),
            seed: attempt.seed,
            participant: attempt.participant.clone()?,
            answers: encode_answers(&attempt.paper, &attempt.answers),
            started_ms: attempt.started_ms,
            submitted_ms: submitted.at_ms,
            score: grade.total.earned,
            checksum: String::new(),
        };
        record.checksum = record.bare_checksum();
        Some(record)
    }

    /// The canonical form: the record's compact JSON with an empty checksum, fields in
    /// declaration order.
    pub fn canonical(&self) -> String {
        let mut bare = self.clone();
        bare.checksum.clear();
        serde_json::to_string(&bare).expect("a record serialises")
    }

    fn expected_checksum(&self) -> String {
        let mut bare = self.clone();
        bare.checksum.clear();
        bare.bare_checksum()
    }

    /// The checksum of a record whose checksum field is empty: of `xuefa-result-1|` followed
    /// by the canonical form.
    fn bare_checksum(&self) -> String {
        debug_assert!(
            self.checksum.is_empty(),
            "the canonical form has no checksum"
        );
        let mut bytes = Vec::with_capacity(512);
        bytes.extend_from_slice(CHECKSUM_DOMAIN);
        serde_json::to_writer(&mut bytes, self).expect("a record serialises");
        short_hash(&bytes, 16)
    }

    /// Whether the checksum matches the record's content.
    pub fn checksum_ok(&self) -> bool {
        self.checksum == self.expected_checksum()
    }

    /// Whether the checksum matches the record's content, checked without copying it: the
    /// checksum is taken out while the rest is hashed, and put back.
    fn into_checksum_ok(mut self) -> (ResultRecord, bool) {
        let claimed = std::mem::take(&mut self.checksum);
        let ok = claimed == self.bare_checksum();
        self.checksum = claimed;
        (self, ok)
    }

    /// The compact text code, to paste into a chat message or draw as a QR code.
    pub fn code(&self) -> String {
        encode(RESULT_PREFIX, self.to_json().as_bytes())
    }

    /// The record as JSON, the content of the downloaded file.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a record serialises")
    }

    /// A file name for the download: ASCII only, from the exam id and staff id.
    pub fn file_name(&self) -> String {
        let safe = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .take(40)
                .collect()
        };
        format!(
            "xuefa-result-{}-{}.json",
            safe(&self.exam_id),
            safe(&self.participant.staff_id)
        )
    }
}

/// The answers in paper order: one token per question, joined by '.': '-' unanswered,
/// 'T' / 'F' a verdict, letters of the bank's option order (unshuffled) for choices.
pub fn encode_answers(
    paper: &Paper,
    answers: &std::collections::BTreeMap<String, Answer>,
) -> String {
    let tokens: Vec<String> = paper
        .items
        .iter()
        .map(|item| match answers.get(&item.question) {
            None => "-".into(),
            Some(Answer::Verdict(true)) => "T".into(),
            Some(Answer::Verdict(false)) => "F".into(),
            Some(choices @ Answer::Choices(_)) => choices.display(),
        })
        .collect();
    tokens.join(".")
}

/// One token of [`encode_answers`]' form, checked.
enum Token<'t> {
    Blank,
    Verdict(bool),
    /// Upper-case ASCII letters, one per option.
    Letters(&'t [u8]),
}

/// The tokens of [`encode_answers`]' form, each checked. Split as bytes: the separator is
/// ASCII, and a code holds thousands of short tokens.
fn tokens(text: &str) -> impl Iterator<Item = Result<Token<'_>, CodeError>> {
    text.as_bytes()
        .split(|&b| b == b'.')
        .filter(|_| !text.is_empty())
        .map(|token| match token {
            b"-" => Ok(Token::Blank),
            b"T" => Ok(Token::Verdict(true)),
            b"F" => Ok(Token::Verdict(false)),
            letters if !letters.is_empty() && letters.iter().all(u8::is_ascii_uppercase) => {
                Ok(Token::Letters(letters))
            }
            _ => Err(CodeError::Invalid(format!(
                "无法识别的答案“{}”",
                String::from_utf8_lossy(token)
            ))),
        })
}

/// One answer of [`encode_answers`]' form as given, read without building an [`Answer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GivenAnswer {
    Blank,
    Verdict(bool),
    /// The options chosen, bit `i` for option `i` in the bank's order (never empty).
    Choices(u32),
}

/// Reads [`encode_answers`]' form back without allocating: one answer per paper position,
/// or why a token is not one.
pub fn given_answers(text: &str) -> impl Iterator<Item = Result<GivenAnswer, CodeError>> + '_ {
    tokens(text).map(|token| {
        Ok(match token? {
            Token::Blank => GivenAnswer::Blank,
            Token::Verdict(verdict) => GivenAnswer::Verdict(verdict),
            Token::Letters(letters) => {
                GivenAnswer::Choices(letters.iter().fold(0, |set, b| set | 1 << (b - b'A')))
            }
        })
    })
}

fn checked(record: ResultRecord) -> Result<ResultRecord, CodeError> {
    let (record, ok) = record.into_checksum_ok();
    if !ok {
        return Err(CodeError::Checksum);
    }
    answers_checked(record)
}

fn answers_checked(record: ResultRecord) -> Result<ResultRecord, CodeError> {
    tokens(&record.answers).try_for_each(|token| token.map(drop))?;
    Ok(record)
}

/// Whether `json` is a record as [`ResultRecord::code`] writes it — the canonical form with the
/// checksum filled in last, `…,"c":"<checksum>"}` — whose checksum is right: its own bytes with
/// the checksum emptied are hashed, without writing the record out again. `false` for JSON
/// written any other way, which is then checked by writing its canonical form.
fn written_form_checksum_ok(json: &[u8], claimed: &str) -> bool {
    const EMPTY_CHECKSUM: &[u8] = br#""c":""}"#;
    let Some(head) = json
        .strip_suffix(b"\"}")
        .and_then(|rest| rest.strip_suffix(claimed.as_bytes()))
        .and_then(|rest| rest.strip_suffix(br#""c":""#))
    else {
        return false;
    };
    short_hash_of_parts(&[CHECKSUM_DOMAIN, head, EMPTY_CHECKSUM], 16) == claimed
}

/// Reads a result code and checks its checksum.
pub fn decode_result_code(text: &str) -> Result<ResultRecord, CodeError> {
    let bytes = decode(text, RESULT_PREFIX, "成绩代码")?;
    let record: ResultRecord =
        serde_json::from_slice(&bytes).map_err(|e| CodeError::Invalid(e.to_string()))?;
    if written_form_checksum_ok(&bytes, &record.checksum) {
        answers_checked(record)
    } else {
        checked(record)
    }
}

/// Reads a downloaded result file and checks its checksum.
pub fn parse_result_file(text: &str) -> Result<ResultRecord, CodeError> {
    let record = serde_json::from_str(text).map_err(|e| CodeError::Invalid(e.to_string()))?;
    checked(record)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::core::exam::definition::tests::official;
    use crate::core::exam::paper::tests::{small_bank, small_blueprint};
    use crate::core::exam::{draw, grade};
    use proptest::prelude::*;

    fn record() -> ResultRecord {
        let bank = small_bank();
        let mut exam = official();
        exam.blueprint = small_blueprint();
        exam.pass_line = 10;
        exam.excellence_line = 20;
        let paper = draw(&exam.blueprint, &bank, 77).unwrap();
        let participant = Participant::new(" 张三 ", "0042", "县司法局", &exam.units).unwrap();
        let mut attempt =
            Attempt::start("a".into(), exam, Some(participant), 77, paper, 0, 2_000_000).unwrap();
        for item in attempt.paper.items.clone().iter().take(8) {
            let key = bank.question(&item.question).unwrap().answer.clone();
            attempt
                .set_answer(&item.question, Some(key), 2_000_100)
                .unwrap();
        }
        attempt.submit(2_400_000);
        let g = grade(
            &attempt.paper,
            &bank,
            &attempt.exam.blueprint,
            &attempt.answers,
            attempt.exam.multiple_rule,
            (10, 20),
        )
        .unwrap();
        ResultRecord::of(&attempt, &g).unwrap()
    }

    #[test]
    fn a_record_carries_who_what_and_when() {
        let r = record();
        assert_eq!(r.participant.name, "张三");
        assert_eq!(r.seed, 77);
        assert_eq!(r.started_ms, 2_000_000);
        assert_eq!(r.submitted_ms, 2_400_000);
        assert_eq!(r.answers.split('.').count(), 14);
        assert_eq!(r.answers.split('.').filter(|t| *t == "-").count(), 6);
        assert!(r.checksum_ok());
        assert_eq!(r.file_name(), "xuefa-result-E20240601-ab12-0042.json");
    }

    #[test]
    fn result_codes_and_files_round_trip() {
        let r = record();
        let code = r.code();
        assert!(code.starts_with(RESULT_PREFIX));
        assert!(
            code.len() < 600,
            "short enough for a chat message: {}",
            code.len()
        );
        assert_eq!(decode_result_code(&code), Ok(r.clone()));
        assert_eq!(parse_result_file(&r.to_json()), Ok(r.clone()));
        let answers: Vec<GivenAnswer> = given_answers(&r.answers).map(Result::unwrap).collect();
        assert_eq!(answers.len(), 14);
        assert_eq!(
            answers.iter().filter(|&&a| a != GivenAnswer::Blank).count(),
            8
        );
    }

    #[test]
    fn a_code_is_checked_alike_however_its_json_is_written() {
        let r = record();
        let code = |json: &str| encode(RESULT_PREFIX, json.as_bytes());
        assert_eq!(decode_result_code(&code(&r.to_json())), Ok(r.clone()));
        let pretty = serde_json::to_string_pretty(&r).unwrap();
        assert_eq!(decode_result_code(&code(&pretty)), Ok(r.clone()));
        let checksum_first = format!(
            r#"{{"c":"{}",{}"#,
            r.checksum,
            &r.canonical()[1..].replace(r#","c":"""#, "")
        );
        assert_eq!(decode_result_code(&code(&checksum_first)), Ok(r.clone()));

        for edited in [
            r.to_json().replace(r#""g":"#, r#""g":1"#),
            r.to_json().replace("张三", "李四"),
            pretty.replace("张三", "李四"),
            r.to_json().replace(&r.checksum, &"0".repeat(16)),
        ] {
            assert_ne!(edited, r.to_json());
            assert_eq!(decode_result_code(&code(&edited)), Err(CodeError::Checksum));
        }
    }

    #[test]
    fn the_checksum_catches_a_change_to_any_field() {
        let r = record();
        let edits: Vec<fn(&mut ResultRecord)> = vec![
            |r| r.exam_id.push('x'),
            |r| r.exam_hash.replace_range(0..1, "z"),
            |r| r.bank_version.push('0'),
            |r| r.seed += 1,
            |r| r.participant.name = "李四".into(),
            |r| r.participant.staff_id.push('1'),
            |r| r.participant.unit = "城关镇人民政府".into(),
            |r| r.answers = r.answers.replacen('-', "A", 1),
            |r| r.started_ms -= 1,
            |r| r.submitted_ms += 1,
            |r| r.score.0 += 1,
            |r| r.checksum.replace_range(0..1, "g"),
        ];
        for (i, edit) in edits.into_iter().enumerate() {
            let mut changed = r.clone();
            edit(&mut changed);
            assert_ne!(changed, r, "edit {i} changes something");
            assert!(!changed.checksum_ok(), "edit {i} is detected");
            assert_eq!(
                parse_result_file(&changed.to_json()),
                Err(CodeError::Checksum)
            );
            assert_eq!(
                decode_result_code(&changed.code()),
                Err(CodeError::Checksum)
            );
        }
    }

    #[test]
    fn answers_encode_per_paper_position() {
        let paper = Paper {
            items: ["Q1", "Q2", "Q3", "Q4"]
                .map(|q| crate::core::exam::PaperItem {
                    question: q.into(),
                    order: vec![2, 0, 1],
                })
                .to_vec(),
        };
        let answers = BTreeMap::from([
            ("Q1".to_string(), Answer::Choices(vec![0, 2])),
            ("Q3".to_string(), Answer::Verdict(false)),
            ("Q4".to_string(), Answer::Verdict(true)),
        ]);
        let text = encode_answers(&paper, &answers);
        assert_eq!(text, "AC.-.F.T", "bank option order, not the shuffled one");
        let decode = |text| given_answers(text).collect::<Result<Vec<_>, _>>();
        assert_eq!(
            decode(&text).unwrap(),
            vec![
                GivenAnswer::Choices(0b101),
                GivenAnswer::Blank,
                GivenAnswer::Verdict(false),
                GivenAnswer::Verdict(true)
            ]
        );
        assert_eq!(decode("CA.CAA").unwrap(), [GivenAnswer::Choices(0b101); 2]);
        assert!(decode("A..B").is_err());
        assert!(decode("a").is_err());
        assert_eq!(
            decode("A.甲乙.B"),
            Err(CodeError::Invalid("无法识别的答案“甲乙”".into())),
            "the token the code holds is named"
        );
    }

    #[test]
    fn participants_must_name_themselves_and_a_listed_unit() {
        let units = official().units;
        assert!(Participant::new("张三", "", "县司法局", &units).is_err());
        assert!(Participant::new("张三", "1", "别的单位", &units).is_err());
        assert!(Participant::new(&"长".repeat(61), "1", "县司法局", &units).is_err());
    }

    proptest! {
        #[test]
        fn no_text_makes_the_result_decoders_panic(text in any::<String>()) {
            let _ = decode_result_code(&text);
            let _ = parse_result_file(&text);
            let _ = given_answers(&text).count();
        }

        #[test]
        fn no_payload_makes_the_result_decoder_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = decode_result_code(&encode(RESULT_PREFIX, &bytes));
        }

        #[test]
        fn no_mangled_result_code_makes_the_decoder_panic(cut in 0usize..1000, insert in "[ -~]{0,8}") {
            let code = record().code();
            let at = cut.min(code.len());
            let mangled = format!("{}{insert}{}", &code[..at], &code[at..]);
            let _ = decode_result_code(&mangled);
        }
    }
}
