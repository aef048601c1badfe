//! Writing questions as GIFT, so that reading the file back ([`super::read_gift`]) gives the
//! same questions: articles and difficulty ride in a comment line above each question.

use crate::core::bank::{Answer, Question};

/// The questions as a GIFT file.
pub fn write_gift<'a>(questions: impl IntoIterator<Item = &'a Question>) -> String {
    let mut out = String::new();
    for question in questions {
        let articles: Vec<String> = question
            .articles
            .iter()
            .map(|a| format!("第{a}条"))
            .collect();
        out.push_str(&format!(
            "// 依据条文：{}；难度：{}\n",
            articles.join("、"),
            question.difficulty
        ));
        // A stem starting with "[" would read as a format marker such as [html].
        let stem = escape(&question.stem);
        let stem = match stem.strip_prefix('[') {
            Some(rest) => format!("\\[{rest}"),
            None => stem,
        };
        out.push_str(&format!("::{}:: {stem} {{", escape(&question.id)));
        match &question.answer {
            Answer::Verdict(verdict) => out.push_str(if *verdict { "TRUE" } else { "FALSE" }),
            Answer::Choices(key) if key.len() == 1 => {
                for (i, option) in question.options.iter().enumerate() {
                    let mark = if key.contains(&(i as u8)) { '=' } else { '~' };
                    out.push_str(&format!("\n\t{mark}{}", escape_option(option)));
                }
            }
            Answer::Choices(key) => {
                let share = format!("{:.5}", 100.0 / key.len() as f64);
                let share = share.trim_end_matches('0').trim_end_matches('.');
                for (i, option) in question.options.iter().enumerate() {
                    let weight = if key.contains(&(i as u8)) {
                        share
                    } else {
                        "-100"
                    };
                    out.push_str(&format!("\n\t~%{weight}%{}", escape_option(option)));
                }
            }
        }
        if !question.explanation.is_empty() {
            out.push_str(&format!("\n\t####{}", escape(&question.explanation)));
        }
        out.push_str("\n}\n\n");
    }
    out
}

/// Escapes an answer, including a leading "%" that would read as a weight.
fn escape_option(text: &str) -> String {
    let escaped = escape(text);
    match escaped.strip_prefix('%') {
        Some(rest) => format!("\\%{rest}"),
        None => escaped,
    }
}

/// Escapes GIFT's special characters and line breaks, and the `-` of a `->` (which would make
/// an answer read as a matching pair).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '-' if chars.peek() == Some(&'>') => out.push_str("\\-"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}
