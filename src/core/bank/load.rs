//! Loading the built-in bank from the TOML files of `questions/`, validated rule by rule.
//!
//! Every problem is reported with its file and question id, and all of them at once, so an
//! editor fixes a file in one pass. The rules mirror `../shared/QUESTIONS.md`.

use std::collections::{HashMap, HashSet};

use serde::Deserialize;

use super::{Answer, Bank, Case, Question, QuestionKind};
use crate::core::law::{articles_mentioned, Book, LAST_ARTICLE};

/// One file of the bank: its name (for messages) and its text.
#[derive(Clone, Copy, Debug)]
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// One problem found in the bank, located by file and item (question or case id).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {item}: {message}")]
pub struct BankError {
    pub file: String,
    pub item: String,
    pub message: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    cases: Vec<toml::Value>,
    #[serde(default)]
    questions: Vec<toml::Value>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    kind: String,
    stem: String,
    #[serde(default)]
    options: Vec<String>,
    answer: RawAnswer,
    articles: Vec<i64>,
    explanation: String,
    difficulty: i64,
    case: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawAnswer {
    Letters(String),
    Verdict(bool),
}

/// Loads and validates the bank from its TOML files; either the whole bank or every problem.
pub fn load_toml(sources: &[SourceFile]) -> Result<Bank, Vec<BankError>> {
    let mut errors = Vec::new();
    let mut questions = Vec::new();
    let mut cases = Vec::new();
    let mut question_files = Vec::new();
    let mut case_refs = Vec::new();
    for source in sources {
        let error = |item: &str, message: String| BankError {
            file: source.name.to_string(),
            item: item.to_string(),
            message,
        };
        let file: RawFile = match toml::from_str(source.text) {
            Ok(file) => file,
            Err(e) => {
                errors.push(error("文件", format!("不是有效的 TOML：{}", e.message())));
                continue;
            }
        };
        for (n, value) in file.cases.into_iter().enumerate() {
            let item = item_name(&value, "case", n);
            match value.try_into::<Case>() {
                Ok(case) => match check_case(&case) {
                    Ok(()) => cases.push((source.name, case)),
                    Err(messages) => errors.extend(messages.into_iter().map(|m| error(&item, m))),
                },
                Err(e) => errors.push(error(&item, format!("字段有误：{}", e.message()))),
            }
        }
        for (n, value) in file.questions.into_iter().enumerate() {
            let item = item_name(&value, "question", n);
            match value.try_into::<RawQuestion>() {
                Ok(raw) => {
                    if let Some(case) = &raw.case {
                        case_refs.push((source.name, raw.id.clone(), case.clone()));
                    }
                    match check_question(raw) {
                        Ok(question) => {
                            questions.push(question);
                            question_files.push(source.name);
                        }
                        Err(messages) => {
                            errors.extend(messages.into_iter().map(|m| error(&item, m)))
                        }
                    }
                }
                Err(e) => errors.push(error(&item, format!("字段有误：{}", e.message()))),
            }
        }
    }
    check_across(&questions, &question_files, &cases, &case_refs, &mut errors);
    if errors.is_empty() {
        Ok(Bank::new(
            questions,
            cases.into_iter().map(|(_, c)| c).collect(),
        ))
    } else {
        Err(errors)
    }
}

fn item_name(value: &toml::Value, what: &str, index: usize) -> String {
    match value.get("id").and_then(toml::Value::as_str) {
        Some(id) => id.to_string(),
        None => format!("第 {} 个 {what}", index + 1),
    }
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

fn is_id(id: &str, prefix: char, digits: usize) -> Option<u8> {
    let mut chars = id.chars();
    if chars.next() != Some(prefix) {
        return None;
    }
    let book = chars.next()?.to_digit(10)?;
    if chars.next() != Some('-') {
        return None;
    }
    let rest: Vec<char> = chars.collect();
    (rest.len() == digits && rest.iter().all(char::is_ascii_digit)).then_some(book as u8)
}

fn check_case(case: &Case) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    if is_id(&case.id, 'C', 3)
        .and_then(Book::from_number)
        .is_none()
    {
        problems.push("案例编号应形如 C1-001".to_string());
    }
    if case.title.trim().is_empty() {
        problems.push("案例缺少标题".to_string());
    }
    if case.scenario.trim().chars().count() < 30 {
        problems.push("案情不足 30 字".to_string());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn check_question(raw: RawQuestion) -> Result<Question, Vec<String>> {
    let mut problems = Vec::new();
    let kind = match raw.kind.as_str() {
        "single" => Some(QuestionKind::Single),
        "multiple" => Some(QuestionKind::Multiple),
        "judge" => Some(QuestionKind::Judge),
        other => {
            problems.push(format!("题型“{other}”无效，应为 single、multiple 或 judge"));
            None
        }
    };
    if raw.stem.trim().chars().count() < 6 {
        problems.push("题干缺失或过短".to_string());
    }
    let articles: Vec<u16> = raw
        .articles
        .iter()
        .filter_map(|&a| {
            u16::try_from(a)
                .ok()
                .filter(|a| (1..=LAST_ARTICLE).contains(a))
        })
        .collect();
    if raw.articles.is_empty() || articles.len() != raw.articles.len() {
        problems.push(format!(
            "依据条文须为 1–{LAST_ARTICLE} 的条文号，且至少一条"
        ));
    }
    let book = articles.first().and_then(|&a| Book::of_article(a));
    match (is_id(&raw.id, 'B', 4), book) {
        (None, _) => problems.push("题目编号应形如 B1-0001".to_string()),
        (Some(digit), Some(book)) if digit != book.number() => problems.push(format!(
            "编号的编序 {digit} 与主要条文第{}条所在的{}不符",
            articles[0],
            book.heading()
        )),
        _ => {}
    }
    if !(1..=3).contains(&raw.difficulty) {
        problems.push("难度应为 1、2 或 3".to_string());
    }
    if raw.explanation.trim().chars().count() < 15 {
        problems.push("解析缺失或不足 15 字".to_string());
    } else if let Some(&main) = articles.first() {
        if !articles_mentioned(&raw.explanation).contains(&main) {
            problems.push(format!("解析未写明主要条文第{main}条"));
        }
    }
    let answer = kind.and_then(|kind| match check_answer(kind, &raw.options, &raw.answer) {
        Ok(answer) => Some(answer),
        Err(message) => {
            problems.push(message);
            None
        }
    });
    match (kind, answer) {
        (Some(kind), Some(answer)) if problems.is_empty() => Ok(Question {
            id: raw.id,
            kind,
            stem: raw.stem,
            options: raw.options,
            answer,
            articles,
            explanation: raw.explanation,
            difficulty: raw.difficulty as u8,
            case: raw.case,
            tags: raw.tags,
        }),
        _ => Err(problems),
    }
}

fn check_answer(
    kind: QuestionKind,
    options: &[String],
    answer: &RawAnswer,
) -> Result<Answer, String> {
    let letters = match (kind, answer) {
        (QuestionKind::Judge, RawAnswer::Verdict(verdict)) if options.is_empty() => {
            return Ok(Answer::Verdict(*verdict))
        }
        (QuestionKind::Judge, RawAnswer::Verdict(_)) => return Err("判断题不应有选项".into()),
        (QuestionKind::Judge, RawAnswer::Letters(_)) => {
            return Err("判断题的答案应为 true 或 false".into())
        }
        (_, RawAnswer::Verdict(_)) => return Err("选择题的答案应为选项字母".into()),
        (_, RawAnswer::Letters(letters)) => letters,
    };
    let (min, max) = if kind == QuestionKind::Single {
        (3, 6)
    } else {
        (4, 6)
    };
    if !(min..=max).contains(&options.len()) || options.iter().any(|o| o.trim().is_empty()) {
        return Err(format!("{}需要 {min}–{max} 个非空选项", kind.label()));
    }
    let distinct: HashSet<String> = options.iter().map(|o| squash(o)).collect();
    if distinct.len() != options.len() {
        return Err("有两个选项相同".into());
    }
    let indexes: Vec<u8> = letters.bytes().map(|b| b.wrapping_sub(b'A')).collect();
    if indexes.is_empty() || indexes.iter().any(|&i| usize::from(i) >= options.len()) {
        return Err(format!("答案“{letters}”不在选项字母范围内"));
    }
    let ascending = indexes.windows(2).all(|w| w[0] < w[1]);
    match kind {
        QuestionKind::Single if indexes.len() != 1 => Err("单选题只能有一个答案字母".into()),
        QuestionKind::Multiple if indexes.len() < 2 || !ascending => {
            Err("多选题的答案应为按顺序排列的两个以上不同字母，如 “ABD”".into())
        }
        _ => Ok(Answer::Choices(indexes)),
    }
}

fn check_across(
    questions: &[Question],
    files: &[&str],
    cases: &[(&str, Case)],
    case_refs: &[(&str, String, String)],
    errors: &mut Vec<BankError>,
) {
    let mut ids: HashMap<&str, &str> = HashMap::new();
    let mut stems: HashMap<String, &str> = HashMap::new();
    let mut case_use: HashMap<&str, usize> =
        cases.iter().map(|(_, c)| (c.id.as_str(), 0)).collect();
    let mut case_ids = HashSet::new();
    for (file, case) in cases {
        if !case_ids.insert(case.id.as_str()) {
            errors.push(located(file, &case.id, "案例编号重复".into()));
        }
    }
    for (question, file) in questions.iter().zip(files) {
        let id = question.id.as_str();
        if let Some(first_file) = ids.insert(id, file) {
            errors.push(located(
                file,
                id,
                format!("题目编号重复（另见 {first_file}）"),
            ));
        }
        if let Some(other) = stems.insert(squash(&question.stem), id) {
            errors.push(located(file, id, format!("题干与 {other} 相同")));
        }
    }
    for (file, id, case) in case_refs {
        match case_use.get_mut(case.as_str()) {
            Some(count) => *count += 1,
            None => errors.push(located(file, id, format!("案例 {case} 未定义"))),
        }
    }
    for (file, case) in cases {
        let used = case_use[case.id.as_str()];
        if used < 2 {
            errors.push(located(
                file,
                &case.id,
                format!("案例只被 {used} 道题使用，至少需要 2 道"),
            ));
        }
    }
}

fn located(file: &str, item: &str, message: String) -> BankError {
    BankError {
        file: file.to_string(),
        item: item.to_string(),
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
[[cases]]
id = "C1-001"
title = "十五岁学生网购手机"
scenario = "小林今年十五周岁，未经父母同意，用攒下的压岁钱在网上花八千元买了一部手机，父母得知后不同意。"

[[questions]]
id = "B1-0001"
kind = "single"
stem = "根据《民法典》，多少周岁以上的自然人为成年人？"
options = ["十六周岁", "十七周岁", "十八周岁", "二十周岁"]
answer = "C"
articles = [17]
explanation = "第十七条规定：“十八周岁以上的自然人为成年人。”"
difficulty = 1
case = "C1-001"

[[questions]]
id = "B1-0002"
kind = "judge"
stem = "小林购买手机的合同，在父母追认前效力待定。"
answer = true
articles = [145, 19]
explanation = "依第145条，限制民事行为能力人实施的与其年龄不相适应的行为，经追认后有效。"
difficulty = 2
case = "C1-001"

[[questions]]
id = "B7-0001"
kind = "multiple"
stem = "从建筑物中抛掷物品造成他人损害的，下列说法正确的有？"
options = ["禁止从建筑物中抛掷物品", "由侵权人依法承担侵权责任", "一律由全体业主承担", "物业服务企业应当采取必要的安全保障措施"]
answer = "ABD"
articles = [1254]
explanation = "第1254条禁止从建筑物中抛掷物品，由侵权人承担责任，物业应采取安全保障措施。"
difficulty = 2
"#;

    fn load(text: &str) -> Result<Bank, Vec<BankError>> {
        load_toml(&[SourceFile {
            name: "t.toml",
            text,
        }])
    }

    fn messages(text: &str) -> Vec<String> {
        load(text)
            .unwrap_err()
            .into_iter()
            .map(|e| e.to_string())
            .collect()
    }

    #[test]
    fn a_good_file_loads_with_its_keys() {
        let bank = load(GOOD).unwrap();
        assert_eq!(bank.questions().len(), 3);
        let q = bank.question("B7-0001").unwrap();
        assert_eq!(q.answer, Answer::Choices(vec![0, 1, 3]));
        assert_eq!(q.book(), Some(Book::Torts));
        assert_eq!(
            bank.question("B1-0002").unwrap().answer,
            Answer::Verdict(true)
        );
        assert_eq!(bank.case("C1-001").unwrap().title, "十五岁学生网购手机");
    }

    #[test]
    fn broken_toml_names_the_file() {
        let errors = messages("[[questions]\nid = ");
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].starts_with("t.toml: 文件: 不是有效的 TOML"),
            "{errors:?}"
        );
    }

    #[test]
    fn every_problem_is_reported_at_once_with_its_id() {
        let bad = GOOD
            .replace(r#"answer = "C""#, r#"answer = "E""#)
            .replace(r#"answer = "ABD""#, r#"answer = "DA""#)
            .replace("answer = true", r#"answer = "A""#);
        let errors = messages(&bad);
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[0].starts_with("t.toml: B1-0001: 答案“E”"));
        assert!(errors[1].starts_with("t.toml: B1-0002: 判断题的答案"));
        assert!(errors[2].starts_with("t.toml: B7-0001: 多选题的答案"));
    }

    #[test]
    fn id_must_match_the_book_of_the_main_article() {
        let errors = messages(&GOOD.replace(r#"id = "B7-0001""#, r#"id = "B3-0001""#));
        assert!(
            errors[0].contains("B3-0001: 编号的编序 3 与主要条文第1254条所在的第七编 侵权责任不符")
        );
    }

    #[test]
    fn article_numbers_are_checked() {
        let errors = messages(&GOOD.replace("articles = [1254]", "articles = [1261]"));
        assert!(
            errors.iter().any(|e| e.contains("B7-0001: 依据条文须为")),
            "{errors:?}"
        );
        let errors = messages(&GOOD.replace("articles = [17]", "articles = []"));
        assert!(errors.iter().any(|e| e.contains("B1-0001: 依据条文须为")));
    }

    #[test]
    fn the_explanation_must_name_the_main_article() {
        let errors = messages(&GOOD.replace("依第145条", "依该条"));
        assert_eq!(errors, vec!["t.toml: B1-0002: 解析未写明主要条文第145条"]);
    }

    #[test]
    fn option_counts_and_duplicates_are_checked() {
        let errors = messages(&GOOD.replace(
            r#"["十六周岁", "十七周岁", "十八周岁", "二十周岁"]"#,
            r#"["十六周岁", "十八周岁"]"#,
        ));
        assert!(errors[0].contains("单选题需要 3–6 个非空选项"));
        let errors = messages(&GOOD.replace(r#""十七周岁""#, r#""十六周岁""#));
        assert!(errors[0].contains("有两个选项相同"));
    }

    #[test]
    fn ids_and_stems_are_unique_across_files() {
        let other = r#"
[[questions]]
id = "B1-0001"
kind = "judge"
stem = "根据《民法典》，多少周岁以上的自然人为成年人？"
answer = false
articles = [17]
explanation = "第十七条规定了成年的年龄界限。"
difficulty = 1
"#;
        let errors = load_toml(&[
            SourceFile {
                name: "a.toml",
                text: GOOD,
            },
            SourceFile {
                name: "b.toml",
                text: other,
            },
        ])
        .unwrap_err();
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert!(errors.contains(&"b.toml: B1-0001: 题目编号重复（另见 a.toml）".to_string()));
        assert!(errors.contains(&"b.toml: B1-0001: 题干与 B1-0001 相同".to_string()));
    }

    #[test]
    fn cases_must_exist_and_be_used_twice() {
        let errors = messages(&GOOD.replace(
            "difficulty = 2\ncase = \"C1-001\"",
            "difficulty = 2\ncase = \"C1-009\"",
        ));
        assert!(errors.contains(&"t.toml: B1-0002: 案例 C1-009 未定义".to_string()));
        assert!(errors.contains(&"t.toml: C1-001: 案例只被 1 道题使用，至少需要 2 道".to_string()));
    }

    #[test]
    fn unknown_fields_and_wrong_types_name_the_question() {
        let errors = messages(&GOOD.replace("difficulty = 1\n", "difficulty = \"easy\"\n"));
        assert!(
            errors[0].starts_with("t.toml: B1-0001: 字段有误"),
            "{errors:?}"
        );
        let errors = messages(&GOOD.replace("difficulty = 1\n", "difficulty = 1\nlevel = 2\n"));
        assert!(
            errors[0].starts_with("t.toml: B1-0001: 字段有误"),
            "{errors:?}"
        );
    }
}
