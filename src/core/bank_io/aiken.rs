//! Aiken: a stem, options `A. …` or `A) …` one per line, and `ANSWER: B`. Aiken knows only
//! single choice; an answer of several letters ("ANSWER: AC") is read as multiple choice.
//! Aiken carries no explanation, articles or difficulty (medium is assumed).

use crate::core::bank::{Answer, QuestionKind};
use crate::core::formats::normalize_cell;

use super::template::parse_letters;
use super::{Draft, Preview, PreviewRow, Problem};

/// One question being read.
#[derive(Default)]
struct Pending {
    line: usize,
    stem: Vec<String>,
    options: Vec<String>,
    problems: Vec<Problem>,
}

impl Pending {
    fn is_empty(&self) -> bool {
        self.stem.is_empty() && self.options.is_empty()
    }

    fn finish(self, answer: Option<&str>) -> PreviewRow {
        let stem = self.stem.join("\n");
        let mut problems = self.problems;
        let answer = match answer {
            None => {
                problems.push(Problem::new("答案", "缺少 ANSWER 行"));
                None
            }
            Some(text) => match parse_letters(text) {
                Ok(key) => Some(key),
                Err(message) => {
                    problems.push(Problem::new("答案", message));
                    None
                }
            },
        };
        let draft = answer.map(|key| Draft {
            kind: if key.len() > 1 {
                QuestionKind::Multiple
            } else {
                QuestionKind::Single
            },
            stem: stem.clone(),
            options: self.options,
            answer: Answer::Choices(key),
            articles: vec![],
            explanation: String::new(),
            difficulty: 2,
        });
        PreviewRow::new(self.line, &stem, draft, problems)
    }
}

/// An option line: its letter's index and text.
fn option_line(line: &str) -> Option<(usize, String)> {
    let mut chars = line.chars();
    let letter = normalize_cell(&chars.next()?.to_string()).chars().next()?;
    let index = "ABCDEF".find(letter.to_ascii_uppercase())?;
    let mark = chars.next()?;
    if !matches!(mark, '.' | ')' | '、' | '．' | '）') {
        return None;
    }
    Some((index, chars.as_str().trim().to_string()))
}

/// The letters of an `ANSWER:` (or `答案：`) line.
fn answer_line(line: &str) -> Option<&str> {
    let upper = line.get(..7).map(str::to_ascii_uppercase);
    if upper.as_deref() == Some("ANSWER:") {
        return Some(line[7..].trim());
    }
    line.strip_prefix("答案：")
        .or_else(|| line.strip_prefix("答案:"))
        .map(str::trim)
}

/// Reads an Aiken file already decoded to text.
pub fn read_aiken(text: &str) -> Preview {
    let mut preview = Preview::default();
    let mut pending = Pending::default();
    for (i, raw) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(letters) = answer_line(line) {
            let done = std::mem::take(&mut pending);
            let line_no = if done.is_empty() { i + 1 } else { done.line };
            preview.rows.push(
                Pending {
                    line: line_no,
                    ..done
                }
                .finish(Some(letters)),
            );
            continue;
        }
        match option_line(line) {
            Some((index, option)) if !pending.stem.is_empty() => {
                if index != pending.options.len() {
                    pending.problems.push(Problem::new(
                        "选项",
                        format!("第 {} 行的选项字母不连续", i + 1),
                    ));
                }
                pending.options.push(option);
            }
            _ => {
                if !pending.options.is_empty() {
                    let done = std::mem::take(&mut pending);
                    preview.rows.push(done.finish(None));
                }
                if pending.stem.is_empty() {
                    pending.line = i + 1;
                }
                pending.stem.push(line.to_string());
            }
        }
    }
    if !pending.is_empty() {
        preview.rows.push(pending.finish(None));
    }
    preview.finish()
}
