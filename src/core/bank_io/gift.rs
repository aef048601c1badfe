//! Moodle GIFT: `::name::`, `$CATEGORY:`, `//` comments, escapes (`\~ \= \# \{ \} \: \\ \n`),
//! single choice (`{=right ~wrong}`), multiple choice with weights (`{~%50%a ~%50%b ~%-100%c}`),
//! true/false (`{T}`, `{FALSE}`), per-answer feedback (`#…`) and general feedback (`####…`),
//! which becomes the explanation. Kinds the app has no use for (short answer, matching,
//! numerical, essay, descriptions) are listed as problems. A comment line right before a
//! question of the form `// 依据条文：第17条；难度：1` (which the exporter writes) gives its
//! articles and difficulty.

use crate::core::bank::{Answer, QuestionKind};

use super::template::parse_articles;
use super::{Draft, Preview, PreviewRow, Problem};

/// Reads a GIFT file already decoded to text. Questions are separated by blank lines (as
/// Moodle requires), so an answer part left open ends at the next blank line.
pub fn read_gift(text: &str) -> Preview {
    let text = text
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    let mut preview = Preview::default();
    let mut item: Vec<&str> = Vec::new();
    let mut item_line = 0;
    let mut meta: Option<&str> = None;
    let mut item_meta: Option<&str> = None;
    for (i, line) in text.split('\n').enumerate() {
        let trimmed = line.trim();
        if trimmed.starts_with("//") {
            if item.is_empty() {
                meta = Some(trimmed);
            }
            continue;
        }
        if item.is_empty() && trimmed.starts_with("$CATEGORY:") {
            continue;
        }
        if trimmed.is_empty() {
            if !item.is_empty() {
                preview
                    .rows
                    .push(read_item(item_line, &item.join("\n"), item_meta));
                item.clear();
            }
            continue;
        }
        if item.is_empty() {
            item_line = i + 1;
            item_meta = meta.take();
        }
        item.push(line);
    }
    if !item.is_empty() {
        preview
            .rows
            .push(read_item(item_line, &item.join("\n"), item_meta));
    }
    preview.finish()
}

/// The byte offset of the first unescaped occurrence of `pattern` in `text`.
fn find_unescaped(text: &str, pattern: &str) -> Option<usize> {
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if text[at..].starts_with(pattern) {
            return Some(at);
        }
    }
    None
}

/// Splits `text` at each unescaped character for which `is_mark` holds; each piece starts
/// with its mark, except the first (the text before any mark).
fn split_unescaped(text: &str, is_mark: impl Fn(char) -> bool) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (at, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if is_mark(c) {
            pieces.push(&text[start..at]);
            start = at;
        }
    }
    pieces.push(&text[start..]);
    pieces
}

/// Resolves GIFT escapes and tidies spaces.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(next) => out.push(next),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out.trim().to_string()
}

fn read_item(line: usize, text: &str, meta: Option<&str>) -> PreviewRow {
    let unsupported = |label: &str, what: &str| {
        PreviewRow::new(
            line,
            label,
            None,
            vec![Problem::new(
                "题型",
                format!("{what}，本系统只收单选、多选、判断题"),
            )],
        )
    };
    let mut rest = text.trim();
    if let Some(after) = rest.strip_prefix("::") {
        match find_unescaped(after, "::") {
            Some(end) => rest = after[end + 2..].trim_start(),
            None => {
                return PreviewRow::new(
                    line,
                    rest,
                    None,
                    vec![Problem::new("题干", "题目名称缺少结尾的“::”")],
                )
            }
        }
    }
    if rest.starts_with('[') {
        if let Some(end) = rest.find(']') {
            if matches!(&rest[1..end], "html" | "moodle" | "plain" | "markdown") {
                rest = rest[end + 1..].trim_start();
            }
        }
    }
    let Some(open) = find_unescaped(rest, "{") else {
        return unsupported(&unescape(rest), "说明文字（没有答案部分）");
    };
    let Some(close) = find_unescaped(&rest[open..], "}").map(|c| open + c) else {
        let label = unescape(&rest[..open]);
        return PreviewRow::new(
            line,
            &label,
            None,
            vec![Problem::new("答案", "答案部分缺少“}”")],
        );
    };
    let before = unescape(&rest[..open]);
    let after = unescape(&rest[close + 1..]);
    let stem = if after.is_empty() {
        before
    } else {
        format!("{before}____{after}")
    };
    let block = &rest[open + 1..close];
    let (block, general) = match find_unescaped(block, "####") {
        Some(at) => (&block[..at], unescape(&block[at + 4..])),
        None => (block, String::new()),
    };
    let mut problems = Vec::new();
    let (articles, difficulty) = read_meta(meta, &mut problems);
    let (kind, options, answer) = match read_answers(block) {
        Ok(found) => found,
        Err(Unsupported(what)) => return unsupported(&stem, what),
    };
    let draft = Draft {
        kind,
        stem: stem.clone(),
        options,
        answer,
        articles,
        explanation: general,
        difficulty,
    };
    PreviewRow::new(line, &stem, Some(draft), problems)
}

/// A GIFT question kind the app does not take, named.
struct Unsupported(&'static str);

fn read_answers(block: &str) -> Result<(QuestionKind, Vec<String>, Answer), Unsupported> {
    let trimmed = block.trim();
    let verdict_part = split_unescaped(trimmed, |c| c == '#')[0].trim();
    match verdict_part.to_uppercase().as_str() {
        "T" | "TRUE" => return Ok((QuestionKind::Judge, vec![], Answer::Verdict(true))),
        "F" | "FALSE" => return Ok((QuestionKind::Judge, vec![], Answer::Verdict(false))),
        _ => {}
    }
    if trimmed.is_empty() {
        return Err(Unsupported("问答题"));
    }
    if trimmed.starts_with('#') {
        return Err(Unsupported("数值题"));
    }
    let pieces = split_unescaped(trimmed, |c| c == '=' || c == '~');
    if !pieces[0].trim().is_empty() {
        return Err(Unsupported("无法识别的答案格式"));
    }
    let mut options = Vec::new();
    let mut correct = Vec::new();
    let mut any_wrong_mark = false;
    for piece in &pieces[1..] {
        let right = piece.starts_with('=');
        any_wrong_mark |= !right;
        let body = &piece[1..];
        if find_unescaped(body, "->").is_some() {
            return Err(Unsupported("匹配题"));
        }
        let body = split_unescaped(body, |c| c == '#')[0];
        let (weight, text) = read_weight(body);
        let positive = weight.map_or(right, |w| w > 0.0);
        if positive {
            correct.push(options.len() as u8);
        }
        options.push(unescape(text));
    }
    if !any_wrong_mark {
        return Err(Unsupported("填空（简答）题"));
    }
    let kind = if correct.len() > 1 {
        QuestionKind::Multiple
    } else {
        QuestionKind::Single
    };
    Ok((kind, options, Answer::Choices(correct)))
}

/// A leading `%50%` weight, if any, and the text after it.
fn read_weight(body: &str) -> (Option<f64>, &str) {
    let trimmed = body.trim_start();
    if let Some(after) = trimmed.strip_prefix('%') {
        if let Some(end) = after.find('%') {
            if let Ok(weight) = after[..end].trim().parse::<f64>() {
                return (Some(weight), &after[end + 1..]);
            }
        }
    }
    (None, body)
}

/// Articles and difficulty from a `// 依据条文：…；难度：…` comment (difficulty 2 without one).
fn read_meta(meta: Option<&str>, problems: &mut Vec<Problem>) -> (Vec<u16>, u8) {
    let mut articles = Vec::new();
    let mut difficulty = 2;
    let Some(meta) = meta else {
        return (articles, difficulty);
    };
    for part in meta.trim_start_matches('/').split(['；', ';']) {
        let Some((key, value)) = part.split_once(['：', ':']) else {
            continue;
        };
        match key.trim() {
            "依据条文" => match parse_articles(value) {
                Ok(found) => articles = found,
                Err(message) => problems.push(Problem::new("依据条文", message)),
            },
            "难度" => match value.trim() {
                "1" => difficulty = 1,
                "2" => difficulty = 2,
                "3" => difficulty = 3,
                other => problems.push(Problem::new("难度", format!("难度“{other}”应为 1、2、3"))),
            },
            _ => {}
        }
    }
    (articles, difficulty)
}
