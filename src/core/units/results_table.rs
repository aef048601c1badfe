//! The table of individual results (个人成绩) that administrators export and merge:
//! 工号, 姓名, 单位, 得分, 交卷时间 — read and written by the app and by `xuefa-report`.

use std::borrow::Cow;

use super::{ResultRows, RowProblem, ScoredResult};
use crate::core::formats::{
    count_newlines, decode_text, format_beijing_time, parse_beijing_time, tidy_cell, CellTable,
    CsvRecords, LineCounter, Row,
};

/// How far down a file the header may sit.
const HEADER_SEARCH_ROWS: usize = 10;

/// The header of a results table, in order.
pub const RESULT_HEADERS: [&str; 5] = ["工号", "姓名", "单位", "得分", "交卷时间"];

/// The results as table rows, header first (for CSV or XLSX export).
pub fn results_rows(results: &[ScoredResult]) -> Vec<Vec<String>> {
    let header = RESULT_HEADERS.iter().map(|h| h.to_string()).collect();
    std::iter::once(header)
        .chain(results.iter().map(|r| {
            vec![
                r.person_id.to_string(),
                r.name.to_string(),
                r.unit.to_string(),
                format_score(r.score),
                format_beijing_time(r.submitted_at),
            ]
        }))
        .collect()
}

/// The results as CSV text for keeping, exactly as [`read_results_table`] reads them back
/// (no BOM and no formula guard: this text is for the app, not for a spreadsheet).
pub fn results_csv(results: &[ScoredResult]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in results_rows(results) {
        writer.write_record(&row).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("writing to memory")).expect("rows are text")
}

/// A score as tables print it: "90", "87.5".
pub fn format_score(score: f64) -> String {
    let rounded = (score * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

/// Reads a results table (CSV in UTF-8 or GBK); either every row or every problem.
pub fn read_results_table(bytes: &[u8]) -> Result<Vec<ScoredResult>, Vec<RowProblem>> {
    let mut reader = ResultsTableReader::new(bytes);
    reader.read(usize::MAX);
    reader.finish()
}

/// Reads a results table a part at a time, so that a page can show progress between parts:
/// the same rows and problems as [`read_results_table`], whatever the parts. The rows are kept
/// in `R`: all of them, or only each person's counted one.
pub struct ResultsTableReader<'a, R = Vec<ScoredResult>> {
    text: Cow<'a, str>,
    /// Bytes of `text` read so far, and the lines they end.
    offset: usize,
    lines_before: usize,
    columns: Option<Columns>,
    records_before_header: usize,
    results: R,
    problems: Vec<RowProblem>,
    done: bool,
}

impl<'a> ResultsTableReader<'a> {
    /// A reader at the start of the file's bytes (UTF-8 or GBK).
    pub fn new(bytes: &'a [u8]) -> ResultsTableReader<'a> {
        ResultsTableReader::of_text(decode_text(bytes).0, Vec::new())
    }
}

impl<'a, R: ResultRows> ResultsTableReader<'a, R> {
    /// A reader at the start of a decoded file, keeping its rows in `results`.
    pub(super) fn of_text(text: Cow<'a, str>, results: R) -> ResultsTableReader<'a, R> {
        let mut reader = ResultsTableReader::uncounted(text, results);
        reader.count_lines();
        reader
    }

    /// [`Self::of_text`] without [`Self::count_lines`], for a thread to do later.
    pub(super) fn uncounted(text: Cow<'a, str>, results: R) -> ResultsTableReader<'a, R> {
        ResultsTableReader {
            text,
            offset: 0,
            lines_before: 0,
            columns: None,
            records_before_header: 0,
            results,
            problems: Vec::new(),
            done: false,
        }
    }

    /// Reads up to `records` more records; `true` once the whole file has been read.
    pub fn read(&mut self, records: usize) -> bool {
        self.read_part(records, usize::MAX)
    }

    /// [`Self::read`], stopping early after the record whose end reaches byte `until`.
    pub(super) fn read_part(&mut self, records: usize, until: usize) -> bool {
        if self.done {
            return true;
        }
        let rest = &self.text[self.offset..];
        let mut reader = CsvRecords::new(rest);
        let mut lines = LineCounter::new(rest);
        let mut read_here = 0;
        while read_here < records && self.offset + reader.consumed() < until {
            let Some(at) = reader.next_record() else {
                self.done = true;
                return true;
            };
            let row = self.lines_before + lines.line_ending_at(reader.consumed() as u64);
            let record = reader.row(at);
            read_here += 1;
            let Some(found) = self.columns else {
                self.columns = find_columns(record);
                self.records_before_header += 1;
                if self.columns.is_none() && self.records_before_header == HEADER_SEARCH_ROWS {
                    self.done = true;
                    return true;
                }
                continue;
            };
            match parse_row(record, found, R::NAMED) {
                Ok(Some(result)) => self.results.push(result),
                Ok(None) => {}
                Err((column, message)) => {
                    let problem = problem(row, RESULT_HEADERS[column], message);
                    self.problems.push(problem);
                }
            }
        }
        let consumed = reader.consumed();
        self.lines_before += count_newlines(&rest.as_bytes()[..consumed]);
        self.offset += consumed;
        false
    }

    /// How far the reading is: bytes read and bytes in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.offset, self.text.len())
    }

    /// Every row, or every problem (by row and column).
    pub fn finish(self) -> Result<R, Vec<RowProblem>> {
        finish(self.columns.is_some(), self.results, self.problems)
    }

    /// The bytes of the text read so far.
    pub(super) fn offset(&self) -> usize {
        self.offset
    }

    /// Whether the header row has been found.
    pub(super) fn header_found(&self) -> bool {
        self.columns.is_some()
    }

    /// A reader of the same text that goes on from byte `at` (where a record of this reader
    /// ends), as this reader would once it has read that far; the header already found. Its
    /// lines are not counted yet: [`Self::count_lines`] before it reads.
    pub(super) fn resumed_at(&self, text: &'a str, at: usize) -> ResultsTableReader<'a, R> {
        ResultsTableReader {
            text: Cow::Borrowed(text),
            offset: at,
            lines_before: 0,
            columns: self.columns,
            records_before_header: self.records_before_header,
            results: self.results.empty_like(),
            problems: Vec::new(),
            done: false,
        }
    }

    /// Counts the lines before the reader's place, and makes room for about a result per line
    /// after it (which saves copying a growing list).
    pub(super) fn count_lines(&mut self) {
        let (before, after) = self.text.as_bytes().split_at(self.offset);
        self.lines_before = count_newlines(before);
        self.results.reserve(count_newlines(after));
    }

    /// Takes over the rows and problems of `rest`, the reader [`Self::resumed_at`] where this
    /// one now is, and its place in the text.
    pub(super) fn take_over(&mut self, mut rest: ResultsTableReader<'a, R>) {
        self.results.append(rest.results);
        self.problems.append(&mut rest.problems);
        (self.offset, self.lines_before, self.done) = (rest.offset, rest.lines_before, rest.done);
    }
}

/// Reads a results table already split into rows (the first sheet of an .xlsx); `rows[i]` is
/// row `i + 1`. Either every row or every problem, as [`read_results_table`].
pub fn read_results_rows(rows: &CellTable) -> Result<Vec<ScoredResult>, Vec<RowProblem>> {
    let mut columns = None;
    let mut results = Vec::new();
    let mut problems = Vec::new();
    for (index, row) in rows.rows().enumerate() {
        let Some(found) = columns else {
            if index == HEADER_SEARCH_ROWS {
                break;
            }
            columns = find_columns(row);
            continue;
        };
        match parse_row(row, found, true) {
            Ok(Some(result)) => results.push(result),
            Ok(None) => {}
            Err((column, message)) => {
                problems.push(problem(index + 1, RESULT_HEADERS[column], message));
            }
        }
    }
    finish(columns.is_some(), results, problems)
}

fn finish<R>(
    header_found: bool,
    results: R,
    mut problems: Vec<RowProblem>,
) -> Result<R, Vec<RowProblem>> {
    if !header_found {
        let message = "找不到“工号、姓名、单位、得分”列".to_string();
        problems.insert(0, problem(1, "表头", message));
    }
    if problems.is_empty() {
        Ok(results)
    } else {
        Err(problems)
    }
}

fn problem(row: usize, column: &str, message: String) -> RowProblem {
    RowProblem {
        row,
        column: column.to_string(),
        message,
    }
}

/// Positions of 工号, 姓名, 单位, 得分 and (optionally) 交卷时间.
type Columns = [Option<usize>; 5];

fn find_columns(record: Row) -> Option<Columns> {
    let position = |name: &str| record.iter().position(|cell| tidy_cell(cell) == name);
    let columns = RESULT_HEADERS.map(position);
    columns[..4].iter().all(Option::is_some).then_some(columns)
}

/// The result of a row, or the column and problem that make it wrong; its name and unit are
/// read only if `named` (they are never wrong).
fn parse_row(
    record: Row,
    columns: Columns,
    named: bool,
) -> Result<Option<ScoredResult>, (usize, String)> {
    if record.iter().all(|cell| cell.trim().is_empty()) {
        return Ok(None);
    }
    let cell = |i: usize| {
        columns[i]
            .and_then(|c| record.get(c))
            .map_or(Cow::Borrowed(""), tidy_cell)
    };
    let person_id = cell(0);
    if person_id.is_empty() {
        return Err((0, "缺少工号".into()));
    }
    let named_cell = |i: usize| if named { cell(i) } else { Cow::Borrowed("") };
    let unit = named_cell(2);
    let score_text = cell(3);
    let score: f64 = score_text
        .parse()
        .ok()
        .filter(|s: &f64| (0.0..=100.0).contains(s))
        .ok_or_else(|| (3, format!("“{score_text}”不是 0–100 的分数")))?;
    let time_text = cell(4);
    let submitted_at = if time_text.is_empty() {
        0
    } else {
        parse_beijing_time(&time_text).ok_or_else(|| (4, format!("“{time_text}”不是有效时间")))?
    };
    Ok(Some(ScoredResult {
        person_id: person_id.into(),
        name: named_cell(1).into(),
        unit: unit.into(),
        score,
        submitted_at,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::write_csv;

    fn sample() -> Vec<ScoredResult> {
        vec![
            ScoredResult {
                person_id: "SF001".into(),
                name: "张三".into(),
                unit: "司法局".into(),
                score: 87.5,
                submitted_at: parse_beijing_time("2026-11-20 09:30:00").unwrap(),
            },
            ScoredResult {
                person_id: "CZ002".into(),
                name: "=HYPERLINK(\"x\")".into(),
                unit: "财政局".into(),
                score: 100.0,
                submitted_at: parse_beijing_time("2026-11-20 10:00:00").unwrap(),
            },
        ]
    }

    #[test]
    fn exported_tables_read_back_identically() {
        let bytes = write_csv(&results_rows(&sample()));
        let mut read = read_results_table(&bytes).unwrap();
        assert_eq!(
            read[1].name, "'=HYPERLINK(\"x\")",
            "the formula stays neutralised"
        );
        read[1].name = sample()[1].name.clone();
        assert_eq!(read, sample());
    }

    #[test]
    fn exported_workbooks_read_back_identically() {
        use crate::core::formats::{read_xlsx, write_xlsx, XlsxSheet};
        let sheet = XlsxSheet::of_text_with_numbers("个人成绩", &results_rows(&sample()), &[3]);
        let rows = read_xlsx(&write_xlsx(&[sheet]).unwrap(), None).unwrap();
        let mut read = read_results_rows(&CellTable::of_rows(&rows)).unwrap();
        assert_eq!(read[1].name, "'=HYPERLINK(\"x\")", "neutralised");
        read[1].name = sample()[1].name.clone();
        assert_eq!(read, sample());
        let bad = vec![
            vec![
                "工号".to_string(),
                "姓名".into(),
                "单位".into(),
                "得分".into(),
            ],
            vec!["1".into(), "张三".into(), "司法局".into(), "优".into()],
        ];
        let problems = read_results_rows(&CellTable::of_rows(&bad)).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "第 2 行“得分”列：“优”不是 0–100 的分数"
        );
    }

    #[test]
    fn reading_in_parts_gives_the_same_rows_and_problems() {
        let text = "某镇成绩汇总\r\n\r\n工号,姓名,单位,得分,交卷时间\r\n1,\"张\n三\",司法局,90,\r\n\r\n2,李四,财政局,优,\r\n3,王五,财政局,60,2026-11-20 09:30:00\r\n,赵六,司法局,70,\r\n4,钱七,司法局,75,";
        let whole = read_results_table(text.as_bytes());
        let problems: Vec<String> = whole
            .clone()
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "第 7 行“得分”列：“优”不是 0–100 的分数",
                "第 9 行“工号”列：缺少工号"
            ]
        );
        for part in 1..5 {
            let mut reader = ResultsTableReader::new(text.as_bytes());
            let mut calls = 0;
            while !reader.read(part) {
                calls += 1;
                assert!(reader.progress().0 <= reader.progress().1);
            }
            assert!(calls > 0);
            assert_eq!(reader.finish(), whole, "parts of {part}");
        }
        let clean = results_csv(&sample());
        let mut reader = ResultsTableReader::new(clean.as_bytes());
        while !reader.read(1) {}
        assert_eq!(reader.finish(), Ok(sample()));
    }

    #[test]
    fn kept_tables_read_back_unchanged() {
        let kept = results_csv(&sample());
        assert_eq!(
            read_results_table(kept.as_bytes()),
            Ok(sample()),
            "formulas stay as typed"
        );
    }

    #[test]
    fn bad_rows_are_named_with_row_and_column() {
        let text = "个人成绩\n工号,姓名,单位,得分,交卷时间\nSF001,张三,司法局,87.5,2026-11-20 09:30:00\n\n,李四,司法局,90,\nSF003,王五,司法局,一百,\nSF004,赵六,司法局,100,昨天\n";
        let problems: Vec<String> = read_results_table(text.as_bytes())
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            problems,
            [
                "第 5 行“工号”列：缺少工号",
                "第 6 行“得分”列：“一百”不是 0–100 的分数",
                "第 7 行“交卷时间”列：“昨天”不是有效时间",
            ]
        );
    }

    #[test]
    fn rows_read_without_names_differ_only_in_their_names_and_units() {
        let text = "工号,姓名,单位,得分,交卷时间\nSF001,张三,司法局,87.5,2026-11-20 09:30:00\n\n,李四,司法局,90,\nSF003,王五,司法局,一百,\nSF004,　赵六,司法局,100,昨天\nSF005, 钱七 ,财政局,60,\n";
        let table = crate::core::formats::read_csv_cells(text);
        let blank = crate::core::units::Text::default;
        let columns = find_columns(table.row(0)).unwrap();
        for row in table.rows().skip(1) {
            let unnamed = parse_row(row, columns, false);
            let named = parse_row(row, columns, true).map(|result| {
                result.map(|result| ScoredResult {
                    name: blank(),
                    unit: blank(),
                    ..result
                })
            });
            assert_eq!(unnamed, named, "{:?}", row.to_vec());
        }
    }

    #[test]
    fn a_table_without_the_columns_is_refused() {
        let problems = read_results_table("姓名,分数\n张三,90\n".as_bytes()).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "第 1 行“表头”列：找不到“工号、姓名、单位、得分”列"
        );
    }

    #[test]
    fn scores_print_without_needless_decimals() {
        assert_eq!(format_score(90.0), "90");
        assert_eq!(format_score(87.5), "87.5");
        assert_eq!(format_score(59.95), "60");
    }
}
