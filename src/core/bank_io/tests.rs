//! The readers on good and bad files, the round trips, ids and the stored record.

use proptest::prelude::*;

use super::*;
use crate::core::bank::{Answer, Question, QuestionKind};
use crate::core::storage::StorageError;

fn rows(text: &str) -> Vec<Vec<String>> {
    text.lines()
        .map(|l| l.split('|').map(str::to_string).collect())
        .collect()
}

fn fields(row: &PreviewRow) -> Vec<&str> {
    row.problems.iter().map(|p| p.field.as_str()).collect()
}

#[test]
fn the_template_reads_each_way_offices_write_answers_and_articles() {
    let preview = read_template_rows(&rows(
        "某局2026年学法题库|||||||||||\n\
         题型|题干|选项A|选项B|选项C|选项D|选项E|选项F|答案|解析|依据条文|难度\n\
         单选|成年人是多少周岁以上的自然人？|十六周岁|十八周岁|二十周岁||||B|第十七条。|第17条|1\n\
         多选题|哪些属于民事主体？|自然人|法人|非法人组织|动物|||A、B、c|略|17，57 、第一百零二条|较难\n\
         判断|十八周岁以上的自然人为成年人。|||||||√||1254|\n\
         判断|本单位规定每周一学法。|正确|错误|||||错|||\n",
    ));
    assert!(preview.is_clean(), "{preview:?}");
    let drafts = preview.drafts(false).unwrap();
    assert_eq!(drafts.len(), 4);
    assert_eq!(drafts[0].answer, Answer::Choices(vec![1]));
    assert_eq!(drafts[0].options.len(), 3);
    assert_eq!(drafts[1].kind, QuestionKind::Multiple);
    assert_eq!(drafts[1].answer, Answer::Choices(vec![0, 1, 2]));
    assert_eq!(drafts[1].articles, [17, 57, 102]);
    assert_eq!(drafts[1].difficulty, 3);
    assert_eq!(drafts[2].answer, Answer::Verdict(true));
    assert_eq!(drafts[2].difficulty, 2, "blank difficulty is medium");
    assert_eq!(drafts[3].answer, Answer::Verdict(false));
    assert!(drafts[3].options.is_empty() && drafts[3].articles.is_empty());
    assert_eq!(
        preview.rows[0].line, 3,
        "rows are numbered as the spreadsheet shows them"
    );
}

#[test]
fn every_bad_row_is_listed_with_its_row_and_field() {
    let preview = read_template_rows(&rows(
        "题型|题干|选项A|选项B|答案|依据条文|难度\n\
         填空|什么？|甲|乙|A||\n\
         单选||甲|乙|A||\n\
         单选|哪一个？|甲|乙|C||\n\
         多选|哪些？|甲|乙|A||\n\
         判断|对吗？|||也许||\n\
         单选|依据哪条？|甲|乙|A|第2000条|\n\
         单选|多难？|甲|乙|A||很难\n\
         单选|好的一题|甲|乙|A||1\n",
    ));
    let found: Vec<(usize, Vec<&str>)> = preview.rows.iter().map(|r| (r.line, fields(r))).collect();
    assert_eq!(
        found,
        [
            (2, vec!["题型"]),
            (3, vec!["题干"]),
            (4, vec!["答案"]),
            (5, vec!["答案"]),
            (6, vec!["答案"]),
            (7, vec!["依据条文"]),
            (8, vec!["难度"]),
            (9, vec![]),
        ]
    );
    assert!(!preview.is_clean());
    assert_eq!(preview.drafts(false), None, "all or nothing by default");
    assert_eq!(
        preview.drafts(true).unwrap().len(),
        1,
        "or only the valid rows"
    );
}

#[test]
fn a_file_without_the_header_or_questions_says_so() {
    let no_header = read_template_rows(&rows("姓名|单位\n张三|司法局\n"));
    assert_eq!(no_header.problems[0].field, "文件");
    assert_eq!(no_header.drafts(true), None);
    let empty = read_template_rows(&rows("题型|题干|答案\n\n"));
    assert!(empty.problems[0].message.contains("没有找到题目"));
    assert!(read_gift("// only a comment\n").problems[0]
        .message
        .contains("没有找到题目"));
}

fn sample_questions() -> Vec<Question> {
    let mut single = Draft {
        kind: QuestionKind::Single,
        stem: "[html]=1+1 是公式吗？{not GIFT} a:b ~ # \\ 多行\n第二行".into(),
        options: vec![
            "-负数".into(),
            "<script>alert(1)</script>".into(),
            "%50%甲=乙".into(),
        ],
        answer: Answer::Choices(vec![1]),
        articles: vec![17, 1254],
        explanation: "第十七条规定。\n####不是反馈".into(),
        difficulty: 3,
    }
    .into_question("U1-0001".into());
    single.case = None;
    let multiple = Draft {
        kind: QuestionKind::Multiple,
        stem: "哪些是民事主体？".into(),
        options: vec![
            "自然人".into(),
            "法人".into(),
            "非法人组织".into(),
            "风".into(),
        ],
        answer: Answer::Choices(vec![0, 1, 2]),
        articles: vec![2],
        explanation: String::new(),
        difficulty: 1,
    }
    .into_question("U1-0002".into());
    let judge = Draft {
        kind: QuestionKind::Judge,
        stem: "本单位每周一学法。".into(),
        options: vec![],
        answer: Answer::Verdict(false),
        articles: vec![],
        explanation: "见本单位制度".into(),
        difficulty: 2,
    }
    .into_question("U1-0003".into());
    vec![single, multiple, judge]
}

fn drafts_of(questions: &[Question]) -> Vec<Draft> {
    questions.iter().map(Draft::of).collect()
}

#[test]
fn template_csv_round_trips() {
    let questions = sample_questions();
    let csv = write_template_csv(&questions);
    let (text, _) = crate::core::formats::decode_text(&csv);
    let preview = read_template_csv(&text);
    assert!(preview.is_clean(), "{preview:?}");
    assert_eq!(preview.drafts(false).unwrap(), drafts_of(&questions));
}

#[test]
fn template_xlsx_round_trips_and_the_empty_template_reads_as_no_questions() {
    let questions = sample_questions();
    let bytes = write_template_xlsx(&questions).unwrap();
    let preview = read_template_xlsx(&bytes);
    assert!(preview.is_clean(), "{preview:?}");
    assert_eq!(preview.drafts(false).unwrap(), drafts_of(&questions));
    let template = write_template_xlsx([]).unwrap();
    let names = crate::core::formats::xlsx_sheet_names(&template).unwrap();
    assert_eq!(names, ["题库", "填写说明"]);
    let empty = read_template_xlsx(&template);
    assert!(empty.rows.is_empty() && empty.problems[0].message.contains("没有找到题目"));
    assert_eq!(read_template_xlsx(b"not a zip").problems[0].field, "文件");
}

#[test]
fn gift_round_trips() {
    let questions = sample_questions();
    let gift = write_gift(&questions);
    let preview = read_gift(&gift);
    assert!(preview.is_clean(), "{gift}\n{preview:?}");
    assert_eq!(preview.drafts(false).unwrap(), drafts_of(&questions));
}

#[test]
fn gift_reads_the_syntax_moodle_writes() {
    let gift = r#"
// A comment before everything
$CATEGORY: $course$/top/民法典/总则

::Q1:: 成年的年龄是？ {
    =十八周岁 # 对，第十七条。
    ~十六周岁 # 那是视为完全民事行为能力的条件之一。
    ~二十周岁
    ####第十七条规定：十八周岁以上的自然人为成年人。
}

::Q2::[html]下列哪些属于民事主体\?{
~%50%自然人#是
~%50%法人
~%-100%动物
}

::Q3:: 胎儿没有任何民事权利能力。{FALSE#错。#对。####第十六条。}

Grant is buried in Grant's tomb.{T}

两个加两个等于 {=四 ~三 ~五} 个。

//依据条文：第1254条；难度：3
不得从建筑物中抛掷物品。{TRUE}

::Escapes:: 冒号\: 等号\= 波浪\~ 井号\# 括号\{\} 反斜杠\\ {=A\=B ~C\~D}
"#;
    let preview = read_gift(gift);
    assert!(preview.is_clean(), "{preview:#?}");
    let drafts = preview.drafts(false).unwrap();
    assert_eq!(drafts.len(), 7);
    assert_eq!(drafts[0].stem, "成年的年龄是？");
    assert_eq!(drafts[0].options, ["十八周岁", "十六周岁", "二十周岁"]);
    assert_eq!(drafts[0].answer, Answer::Choices(vec![0]));
    assert!(drafts[0].explanation.starts_with("第十七条规定"));
    assert_eq!(drafts[1].kind, QuestionKind::Multiple);
    assert_eq!(drafts[1].stem, "下列哪些属于民事主体?");
    assert_eq!(drafts[1].answer, Answer::Choices(vec![0, 1]));
    assert_eq!(drafts[2].answer, Answer::Verdict(false));
    assert_eq!(drafts[2].explanation, "第十六条。");
    assert_eq!(drafts[3].answer, Answer::Verdict(true));
    assert_eq!(drafts[4].stem, "两个加两个等于____个。");
    assert_eq!(drafts[5].articles, [1254]);
    assert_eq!(drafts[5].difficulty, 3);
    assert_eq!(drafts[6].stem, r"冒号: 等号= 波浪~ 井号# 括号{} 反斜杠\");
    assert_eq!(drafts[6].options, ["A=B", "C~D"]);
}

#[test]
fn gift_kinds_the_app_cannot_use_are_problems_with_their_line() {
    let preview = read_gift(
        "这是一段说明。\n\n\
         首都是？{=北京 =Beijing}\n\n\
         配对{=猫 -> 鱼 =狗 -> 骨头 =兔 -> 萝卜}\n\n\
         多少？{#2:0.5}\n\n\
         写一篇短文。{}\n\n\
         没有结尾{=甲 ~乙\n\n\
         ::没有结尾的名称 题干{T}\n",
    );
    let lines: Vec<(usize, Vec<&str>)> = preview.rows.iter().map(|r| (r.line, fields(r))).collect();
    assert_eq!(
        lines,
        [
            (1, vec!["题型"]),
            (3, vec!["题型"]),
            (5, vec!["题型"]),
            (7, vec!["题型"]),
            (9, vec!["题型"]),
            (11, vec!["答案"]),
            (13, vec!["题干"]),
        ]
    );
    assert_eq!(preview.valid_count(), 0);
}

#[test]
fn aiken_reads_single_and_lists_broken_questions() {
    let preview = read_aiken(
        "成年的年龄是？\nA. 十六周岁\nB) 十八周岁\nC. 二十周岁\nANSWER: B\n\n\
         哪些是民事主体？\nA、自然人\nB、法人\nC、动物\n答案：AB\n\
         没有答案的题？\nA. 甲\nB. 乙\n\
         下一题\nA. 甲\nC. 乙\nANSWER: Q\n",
    );
    let found: Vec<(usize, Vec<&str>)> = preview.rows.iter().map(|r| (r.line, fields(r))).collect();
    assert_eq!(
        found,
        [
            (1, vec![]),
            (7, vec![]),
            (12, vec!["答案"]),
            (15, vec!["选项", "答案"]),
        ]
    );
    let first = preview.rows[0].draft.as_ref().unwrap();
    assert_eq!(first.options, ["十六周岁", "十八周岁", "二十周岁"]);
    assert_eq!(first.answer, Answer::Choices(vec![1]));
    let second = preview.rows[1].draft.as_ref().unwrap();
    assert_eq!(second.kind, QuestionKind::Multiple);
}

#[test]
fn formats_are_guessed_from_the_name_and_text() {
    assert_eq!(Format::guess("题库.CSV", ""), Format::TemplateCsv);
    assert_eq!(Format::guess("q.gift", ""), Format::Gift);
    assert_eq!(Format::guess("q.txt", "题{T}"), Format::Gift);
    assert_eq!(
        Format::guess("q.txt", "题\nA. 甲\nANSWER: A"),
        Format::Aiken
    );
    assert_eq!(Format::guess("题库.xlsx", ""), Format::TemplateXlsx);
    let gbk = |_: &[u8]| "题型,题干,选项A,选项B,答案\n单选,哪一个？,甲,乙,B".to_string();
    let (format, preview) = read_file("单位.csv", b"\xb5\xa5", gbk);
    assert_eq!(format, Format::TemplateCsv);
    assert_eq!(
        preview.valid_count(),
        1,
        "text that is not UTF-8 goes to the GBK decoder"
    );
    let (format, preview) = read_file("q.txt", "题{T}".as_bytes(), |_| unreachable!());
    assert_eq!((format, preview.valid_count()), (Format::Gift, 1));
}

#[test]
fn imported_ids_never_collide_with_built_in_ones_and_follow_the_content() {
    let drafts = drafts_of(&sample_questions());
    let set = ImportedSet::new(" 本局题库 ", "a.csv", drafts.clone(), 5);
    assert_eq!(set.name, "本局题库");
    assert_eq!(set.id.len(), 8);
    assert_eq!(set.questions[0].id, format!("U{}-0001", set.id));
    assert_eq!(imported_set_of(&set.questions[2].id), Some(set.id.as_str()));
    assert_eq!(imported_set_of("B1-0001"), None);
    let again = ImportedSet::new("再导入", "b.csv", drafts.clone(), 9);
    assert_eq!(again.id, set.id, "the same questions give the same set");
    let other = ImportedSet::new("另一套", "c.csv", drafts[..2].to_vec(), 9);
    assert_ne!(other.id, set.id);

    let mut bank = ImportedBank::default();
    assert_eq!(bank.add(set.clone()), Ok(()));
    assert_eq!(bank.add(again), Err("本局题库".into()), "already imported");
    assert_eq!(bank.add(other.clone()), Ok(()));
    assert_eq!(bank.questions().count(), 5);
    assert_eq!(bank.set_of_question(&other.questions[0].id), Some(&other));

    let builtin = crate::core::bank::Bank::new(
        vec![crate::core::bank::test_question("B1-0001", 17)],
        vec![],
    );
    let joined = bank.joined_with(&builtin);
    assert_eq!(joined.questions().len(), 6);
    assert!(joined.question("B1-0001").is_some());
    assert!(joined.question(&set.questions[1].id).is_some());
    assert_eq!(joined.question(&set.questions[2].id).unwrap().book(), None);

    assert!(bank.remove(&set.id));
    assert!(!bank.remove(&set.id));
    assert_eq!(bank.sets, [other]);
}

#[test]
fn merging_records_is_a_union_without_duplicates() {
    let drafts = drafts_of(&sample_questions());
    let a = ImportedSet::new("甲", "a.csv", drafts[..1].to_vec(), 1);
    let b = ImportedSet::new("乙", "b.csv", drafts[1..].to_vec(), 2);
    let here = ImportedBank {
        sets: vec![a.clone()],
    };
    let backup = ImportedBank {
        sets: vec![b.clone(), a.clone()],
    };
    let merged = here.merge(&backup);
    assert_eq!(merged.sets, [a.clone(), b.clone()]);
    assert_eq!(merged.merge(&merged), merged);
    assert_eq!(ImportedBank::default().merge(&here), here);
}

#[test]
fn the_stored_record_round_trips_and_unreadable_values_are_errors() {
    let set = ImportedSet::new("甲", "a.csv", drafts_of(&sample_questions()), 1);
    let bank = ImportedBank { sets: vec![set] };
    let raw = encode_imported(&bank);
    assert!(raw.contains(r#""version":1"#));
    assert_eq!(decode_imported(&raw), Ok(bank));
    assert!(matches!(
        decode_imported("{"),
        Err(StorageError::NotJson(_))
    ));
    assert_eq!(
        decode_imported(r#"{"version":2,"sets":[]}"#),
        Err(StorageError::FromTheFuture(2))
    );
    assert!(matches!(
        decode_imported(r#"{"version":1,"sets":"many"}"#),
        Err(StorageError::Invalid { version: 1, .. })
    ));
}

proptest! {
    #[test]
    fn no_input_makes_a_reader_panic(text in "\\PC*") {
        let _ = read_gift(&text);
        let _ = read_aiken(&text);
        let _ = read_template_csv(&text);
    }

    #[test]
    fn no_gift_like_input_makes_a_reader_panic(
        text in "([:{}~=#%\\\\\\-> \n]|[A-F]|TRUE|::|\\$CATEGORY:|//|[甲乙]|\\d){0,80}"
    ) {
        let _ = read_gift(&text);
        let _ = read_aiken(&text);
    }

    #[test]
    fn no_template_cells_make_the_reader_panic(
        cells in proptest::collection::vec(
            proptest::collection::vec("(题型|题干|答案|选项A|单选|多选|判断|第\\d{1,5}条|[A-Fa-f、,]{0,4}|\\PC{0,6})", 0..10),
            0..8,
        )
    ) {
        let mut table = vec![vec!["题型".to_string(), "题干".into(), "选项A".into(), "选项B".into(), "答案".into(), "依据条文".into(), "难度".into()]];
        table.extend(cells);
        let preview = read_template_rows(&table);
        if let Some(drafts) = preview.drafts(true) {
            prop_assert!(drafts.iter().all(|d| d.problems().is_empty()));
        }
    }

    #[test]
    fn what_is_written_reads_back_the_same(
        stem in "\\PC{1,30}",
        options in proptest::collection::vec("\\PC{1,12}", 2..=6),
        explanation in "\\PC{0,30}",
        key_seed in 0u8..64,
        judge in any::<bool>(),
    ) {
        let tidy = |s: &str| s.trim().to_string();
        let stem = tidy(&stem);
        let options: Vec<String> = options.iter().map(|o| tidy(o)).collect();
        prop_assume!(!stem.is_empty() && options.iter().all(|o| !o.is_empty()));
        let draft = if judge {
            Draft { kind: QuestionKind::Judge, stem, options: vec![], answer: Answer::Verdict(key_seed % 2 == 0), articles: vec![1], explanation: tidy(&explanation), difficulty: 2 }
        } else {
            let key = Answer::Choices(vec![usize::from(key_seed) as u8 % options.len() as u8]);
            Draft { kind: QuestionKind::Single, stem, options, answer: key, articles: vec![], explanation: tidy(&explanation), difficulty: 1 }
        };
        prop_assume!(draft.problems().is_empty());
        let question = draft.clone().into_question("U1-0001".into());
        let gift = read_gift(&write_gift([&question]));
        prop_assert_eq!(gift.drafts(false), Some(vec![draft.clone()]));
        let bytes = write_template_csv([&question]);
        let (csv, _) = crate::core::formats::decode_text(&bytes);
        prop_assert_eq!(read_template_csv(&csv).drafts(false), Some(vec![draft]));
    }
}

#[test]
fn an_arrow_in_an_answer_survives_gift() {
    let draft = Draft {
        kind: QuestionKind::Single,
        stem: "箭头 -> 是什么？".into(),
        options: vec!["->".into(), "a->b".into()],
        answer: Answer::Choices(vec![0]),
        articles: vec![],
        explanation: String::new(),
        difficulty: 1,
    };
    let question = draft.clone().into_question("U1-0001".into());
    let read = read_gift(&write_gift([&question]));
    assert_eq!(read.drafts(false), Some(vec![draft]), "not a matching pair");
}
