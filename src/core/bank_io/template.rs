//! The office template: one question per row under a header row — 题型, 题干, 选项A … 选项F,
//! 答案, 解析, 依据条文, 难度 — as CSV here and as XLSX through the same rows. Columns are
//! found by name (title rows above the header are fine); answers may be letters ("ABD",
//! "A、B"), or 对/错, √/×, 正确/错误; articles "第1254条" or "1254".

use crate::core::bank::{Answer, Question, QuestionKind};
use crate::core::formats::{
    normalize_cell, read_csv_text, read_xlsx, write_csv, write_xlsx, Encoding, XlsxSheet,
};
use crate::core::law::parse_article;

use super::draft::MAX_OPTIONS;
use super::{Draft, Preview, PreviewRow, Problem};

/// The header row of the template.
const HEADER: [&str; 12] = [
    "题型",
    "题干",
    "选项A",
    "选项B",
    "选项C",
    "选项D",
    "选项E",
    "选项F",
    "答案",
    "解析",
    "依据条文",
    "难度",
];

/// The template's rows for these questions, header first (for CSV and XLSX alike).
fn template_rows<'a>(questions: impl IntoIterator<Item = &'a Question>) -> Vec<Vec<String>> {
    let mut rows = vec![HEADER.map(str::to_string).to_vec()];
    for question in questions {
        let mut row = vec![short_kind(question.kind).to_string(), question.stem.clone()];
        row.extend((0..MAX_OPTIONS).map(|i| question.options.get(i).cloned().unwrap_or_default()));
        row.push(question.answer.display());
        row.push(question.explanation.clone());
        let articles: Vec<String> = question
            .articles
            .iter()
            .map(|a| format!("第{a}条"))
            .collect();
        row.push(articles.join("、"));
        row.push(question.difficulty.to_string());
        rows.push(row);
    }
    rows
}

/// The template's rows ready for a writer that guards formulas: a cell that already looks
/// guarded gets one more apostrophe, so that [`unguard`] gives back exactly the text.
fn rows_to_guard<'a>(questions: impl IntoIterator<Item = &'a Question>) -> Vec<Vec<String>> {
    let mut rows = template_rows(questions);
    for cell in rows.iter_mut().flatten() {
        if looks_guarded(cell) {
            cell.insert(0, '\'');
        }
    }
    rows
}

/// Takes off the formula guard the writers put on.
fn unguard(rows: &mut [Vec<String>]) {
    for cell in rows.iter_mut().flatten() {
        if looks_guarded(cell) {
            cell.remove(0);
        }
    }
}

/// The questions as a template CSV (UTF-8 with BOM, formula cells guarded by an apostrophe,
/// which [`read_template_csv`] takes off again).
pub fn write_template_csv<'a>(questions: impl IntoIterator<Item = &'a Question>) -> Vec<u8> {
    write_csv(&rows_to_guard(questions))
}

/// Reads a template CSV already decoded to text, taking off the formula guard.
pub fn read_template_csv(text: &str) -> Preview {
    match read_csv_text(text, Encoding::Utf8) {
        Ok(mut table) => {
            unguard(&mut table.rows);
            read_template_rows(&table.rows)
        }
        Err(message) => Preview::unreadable(message),
    }
}

/// The name of the template's sheet.
const SHEET: &str = "题库";

/// How to fill in the template, as the second sheet of the downloadable template.
const INSTRUCTIONS: [&str; 8] = [
    "填写说明",
    "每行一道题，第一行表头不要改动；可在表头上方加标题行。",
    "题型：单选、多选 或 判断。",
    "选项A–选项F：单选、多选题填 2–6 个选项；判断题不填。",
    "答案：选项字母，如 B、ABD（或 A、B、D）；判断题填 对/错、√/× 或 正确/错误。",
    "解析：可不填。",
    "依据条文：《民法典》条文号，如 第1254条 或 1254，多条用顿号分隔；本单位规定等可不填。",
    "难度：1 容易、2 中等、3 较难；不填为 2。",
];

/// The questions as a template workbook (.xlsx); with no questions, the empty template to
/// download, which also carries a sheet of instructions.
pub fn write_template_xlsx<'a>(
    questions: impl IntoIterator<Item = &'a Question>,
) -> Result<Vec<u8>, String> {
    let rows = rows_to_guard(questions);
    let mut sheets = vec![XlsxSheet::of_text(SHEET, &rows)];
    if rows.len() == 1 {
        let help: Vec<Vec<String>> = INSTRUCTIONS.iter().map(|l| vec![l.to_string()]).collect();
        sheets.push(XlsxSheet::of_text("填写说明", &help));
    }
    write_xlsx(&sheets)
}

/// Reads a template workbook (.xlsx): its first sheet.
pub fn read_template_xlsx(bytes: &[u8]) -> Preview {
    match read_xlsx(bytes, None) {
        Ok(mut rows) => {
            unguard(&mut rows);
            read_template_rows(&rows)
        }
        Err(message) => Preview::unreadable(message),
    }
}

/// Whether a cell starts as the formula guard writes it: apostrophes before = + - @ tab CR.
fn looks_guarded(cell: &str) -> bool {
    cell.starts_with('\'')
        && cell
            .trim_start_matches('\'')
            .starts_with(['=', '+', '-', '@', '\t', '\r'])
}

fn short_kind(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "单选",
        QuestionKind::Multiple => "多选",
        QuestionKind::Judge => "判断",
    }
}

/// Where each field is in the rows.
struct Columns {
    kind: usize,
    stem: usize,
    options: Vec<usize>,
    answer: usize,
    explanation: Option<usize>,
    articles: Option<usize>,
    difficulty: Option<usize>,
}

impl Columns {
    fn find(header: &[String]) -> Option<Columns> {
        let at = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
        let options = "ABCDEF"
            .chars()
            .map_while(|letter| {
                header
                    .iter()
                    .position(|h| *h == format!("选项{letter}") || *h == letter.to_string())
            })
            .collect();
        Some(Columns {
            kind: at(&["题型", "题目类型", "类型"])?,
            stem: at(&["题干", "题目", "试题", "题目内容"])?,
            options,
            answer: at(&["答案", "正确答案", "标准答案"])?,
            explanation: at(&["解析", "答案解析", "试题解析"]),
            articles: at(&["依据条文", "依据", "法条", "条文"]),
            difficulty: at(&["难度"]),
        })
    }
}

/// One cell, trimmed (empty when the row is short).
fn cell(row: &[String], column: usize) -> String {
    row.get(column)
        .map_or(String::new(), |c| c.trim().to_string())
}

/// Reads the template from rows of cells (`rows[i]` is row `i + 1`).
pub fn read_template_rows(rows: &[Vec<String>]) -> Preview {
    let tidy = |row: &Vec<String>| row.iter().map(|c| normalize_cell(c)).collect::<Vec<_>>();
    let Some((header_at, columns)) = rows
        .iter()
        .enumerate()
        .take(20)
        .find_map(|(i, row)| Columns::find(&tidy(row)).map(|c| (i, c)))
    else {
        return Preview::unreadable("没有找到表头行（应含“题型”“题干”“答案”等列）");
    };
    let mut preview = Preview::default();
    for (i, row) in rows.iter().enumerate().skip(header_at + 1) {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        preview.rows.push(read_row(i + 1, row, &columns));
    }
    preview.finish()
}

fn read_row(line: usize, row: &[String], columns: &Columns) -> PreviewRow {
    let mut problems = Vec::new();
    let stem = cell(row, columns.stem);
    let kind_text = normalize_cell(&cell(row, columns.kind));
    let kind = parse_kind(&kind_text);
    if kind.is_none() {
        problems.push(Problem::new(
            "题型",
            format!("题型“{kind_text}”无法识别，应为 单选、多选 或 判断"),
        ));
    }
    let mut options: Vec<String> = columns.options.iter().map(|&c| cell(row, c)).collect();
    while options.last().is_some_and(String::is_empty) {
        options.pop();
    }
    let answer_text = cell(row, columns.answer);
    let answer = kind.and_then(|kind| match parse_answer(kind, &answer_text) {
        Ok(answer) => Some(answer),
        Err(message) => {
            problems.push(Problem::new("答案", message));
            None
        }
    });
    let explanation = columns
        .explanation
        .map(|c| cell(row, c))
        .unwrap_or_default();
    let articles = match parse_articles(&columns.articles.map(|c| cell(row, c)).unwrap_or_default())
    {
        Ok(articles) => articles,
        Err(message) => {
            problems.push(Problem::new("依据条文", message));
            vec![]
        }
    };
    let difficulty_text = columns.difficulty.map(|c| cell(row, c)).unwrap_or_default();
    let difficulty = parse_difficulty(&difficulty_text).unwrap_or_else(|| {
        problems.push(Problem::new(
            "难度",
            format!("难度“{difficulty_text}”无法识别，应为 1、2、3 或 容易、中等、较难"),
        ));
        2
    });
    let draft = match (kind, answer) {
        (Some(kind), Some(answer)) => Some(Draft {
            kind,
            stem: stem.clone(),
            // A judge row may list 正确 / 错误 as options; the app supplies those itself.
            options: if kind == QuestionKind::Judge {
                vec![]
            } else {
                options
            },
            answer,
            articles,
            explanation,
            difficulty,
        }),
        _ => None,
    };
    PreviewRow::new(line, &stem, draft, problems)
}

/// 单选 / 单选题 / 单项选择题, 多选…, 判断…
fn parse_kind(text: &str) -> Option<QuestionKind> {
    let text = text.trim_end_matches('题');
    match text {
        "单选" | "单项选择" | "单项" | "single" => Some(QuestionKind::Single),
        "多选" | "多项选择" | "多项" | "multiple" => Some(QuestionKind::Multiple),
        "判断" | "是非" | "judge" => Some(QuestionKind::Judge),
        _ => None,
    }
}

/// A verdict as offices write it: 对/错, √/×, 正确/错误, T/F.
pub(super) fn parse_verdict(text: &str) -> Option<bool> {
    match text.trim().to_uppercase().as_str() {
        "对" | "正确" | "√" | "✓" | "✔" | "是" | "T" | "TRUE" | "Y" | "A" => Some(true),
        "错" | "错误" | "×" | "✗" | "✘" | "X" | "否" | "F" | "FALSE" | "N" | "B" => {
            Some(false)
        }
        _ => None,
    }
}

/// Option letters, in any order and with any separators ("ABD", "A、B、D", "a,b").
pub(super) fn parse_letters(text: &str) -> Result<Vec<u8>, String> {
    let text = normalize_cell(text);
    let mut key = Vec::new();
    for c in text.chars() {
        match c.to_ascii_uppercase() {
            letter @ 'A'..='F' => key.push(letter as u8 - b'A'),
            ',' | '，' | '、' | ';' | '；' | ' ' | '/' => {}
            _ => return Err(format!("答案“{text}”应为选项字母 A–F")),
        }
    }
    if key.is_empty() {
        return Err("答案为空".into());
    }
    key.sort_unstable();
    key.dedup();
    Ok(key)
}

fn parse_answer(kind: QuestionKind, text: &str) -> Result<Answer, String> {
    match kind {
        QuestionKind::Judge => parse_verdict(text)
            .map(Answer::Verdict)
            .ok_or_else(|| format!("判断题答案“{text}”应为 对/错、√/× 或 正确/错误")),
        _ => parse_letters(text).map(Answer::Choices),
    }
}

/// Article numbers separated by 、 , ; or spaces; each "第1254条", "1254" or in Chinese.
pub(super) fn parse_articles(text: &str) -> Result<Vec<u16>, String> {
    let mut articles = Vec::new();
    for piece in text
        .split(|c: char| matches!(c, '、' | ',' | '，' | ';' | '；' | '/') || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        let piece = normalize_cell(piece);
        let article = (piece.chars().count() <= 16)
            .then(|| parse_article(&piece))
            .flatten()
            .ok_or_else(|| format!("“{piece}”不是《民法典》的条文号（1–1260）"))?;
        if !articles.contains(&article) {
            articles.push(article);
        }
    }
    Ok(articles)
}

/// 1/2/3, 容易/中等/较难 (blank is 中等).
fn parse_difficulty(text: &str) -> Option<u8> {
    match normalize_cell(text).as_str() {
        "1" | "易" | "容易" | "简单" => Some(1),
        "" | "2" | "中" | "中等" | "一般" => Some(2),
        "3" | "难" | "较难" | "困难" => Some(3),
        _ => None,
    }
}
