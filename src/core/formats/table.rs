//! Reading and writing CSV tables, with the formula guard for spreadsheets.

use std::borrow::Cow;

use super::cells::read_csv_cells;
use super::text::{decode_text, Encoding};

/// A table read from a file: its rows of cells as written, and the encoding found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub rows: Vec<Vec<String>>,
    pub encoding: Encoding,
}

/// Reads CSV bytes in any of the encodings of [`decode_text`]; rows may differ in length.
/// Blank lines stay as empty rows, so `rows[i]` is row `i + 1` as a spreadsheet numbers it.
pub fn read_csv(bytes: &[u8]) -> Result<Table, String> {
    let (text, encoding) = decode_text(bytes);
    read_csv_text(&text, encoding)
}

/// Reads CSV already decoded (see [`super::decode_text_with`]); `encoding` is what it was decoded from.
pub fn read_csv_text(text: &str, encoding: Encoding) -> Result<Table, String> {
    let rows = read_csv_cells(text).to_rows();
    Ok(Table { rows, encoding })
}

/// How many `\n` bytes `bytes` holds: counted in sums of 255 bytes at most, which the
/// compiler turns into wide byte-by-byte additions (a plain count adds 8-byte counters).
pub(crate) fn count_newlines(bytes: &[u8]) -> usize {
    let count = |chunk: &[u8]| chunk.iter().fold(0u8, |n, &b| n + u8::from(b == b'\n'));
    bytes
        .chunks(255)
        .map(|chunk| usize::from(count(chunk)))
        .sum()
}

/// Tells the line a CSV record ends on from the reader's byte position, counting each newline
/// once as the reading goes forward.
pub(crate) struct LineCounter<'a> {
    text: &'a str,
    counted_to: usize,
    newlines: usize,
}

impl<'a> LineCounter<'a> {
    /// A counter at the start of `text`.
    pub(crate) fn new(text: &'a str) -> LineCounter<'a> {
        LineCounter {
            text,
            counted_to: 0,
            newlines: 0,
        }
    }

    /// The 1-based line of the record that ends (terminator included) at byte `end`;
    /// `end` never goes backwards between calls.
    pub(crate) fn line_ending_at(&mut self, end: u64) -> usize {
        let end = usize::try_from(end).map_or(self.text.len(), |e| e.min(self.text.len()));
        let line_ends = self.text.as_bytes()[..end].iter().rev();
        let body = end - line_ends.take_while(|&&b| b == b'\n' || b == b'\r').count();
        let body = body.max(self.counted_to);
        let bytes = &self.text.as_bytes()[self.counted_to..body];
        self.newlines += count_newlines(bytes);
        self.counted_to = body;
        self.newlines + 1
    }
}

/// Neutralises a cell that a spreadsheet would run as a formula (one starting with
/// = + - @, a tab or a carriage return) by prefixing an apostrophe.
pub fn guard_formula(cell: &str) -> String {
    guarded(cell).into_owned()
}

/// [`guard_formula`] without copying the cells that need no apostrophe (nearly all).
fn guarded(cell: &str) -> Cow<'_, str> {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// Writes rows (of `String`s or borrowed cells) as CSV in UTF-8 with a BOM (so Excel and WPS show the Chinese correctly),
/// with every cell passed through [`guard_formula`].
pub fn write_csv<S: AsRef<str>>(rows: &[impl AsRef<[S]>]) -> Vec<u8> {
    write_csv_after(b"\xEF\xBB\xBF".to_vec(), rows)
}

/// [`write_csv`] without the BOM: the text of rows that follow others in the file, so that a
/// large table's parts can be written at once and put one after the other.
pub fn write_csv_rows<S: AsRef<str>>(rows: &[impl AsRef<[S]>]) -> Vec<u8> {
    write_csv_after(Vec::new(), rows)
}

/// The CSV text of `rows` written after the bytes of `out`.
fn write_csv_after<S: AsRef<str>>(out: Vec<u8>, rows: &[impl AsRef<[S]>]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(out);
    for row in rows {
        for cell in row.as_ref() {
            let cell = guarded(cell.as_ref());
            writer
                .write_field(cell.as_bytes())
                .expect("writing to memory");
        }
        writer
            .write_record(None::<&[u8]>)
            .expect("writing to memory");
    }
    writer.into_inner().expect("writing to memory")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newlines_are_counted_across_the_sums() {
        for length in [0, 1, 254, 255, 256, 510, 511, 2_000] {
            let all = vec![b'\n'; length];
            assert_eq!(count_newlines(&all), length);
            let some: Vec<u8> = (0..length)
                .map(|i| if i % 3 == 0 { b'\n' } else { b'a' })
                .collect();
            assert_eq!(count_newlines(&some), length.div_ceil(3));
        }
    }

    #[test]
    fn quoted_cells_and_ragged_rows_read() {
        let table = read_csv(
            "某县司法局2026年学法考试名单\n工号,姓名,单位\n001,\"张,三\",司法局\n".as_bytes(),
        )
        .unwrap();
        assert_eq!(table.rows[0], ["某县司法局2026年学法考试名单"]);
        assert_eq!(table.rows[2], ["001", "张,三", "司法局"]);
    }

    #[test]
    fn blank_lines_keep_their_row_numbers() {
        let table = read_csv("标题\n\n工号,姓名\n\n\n\"1\n2\",张三\n3,李四".as_bytes()).unwrap();
        assert_eq!(table.rows.len(), 7);
        assert_eq!(table.rows[2], ["工号", "姓名"]);
        assert!(table.rows[3].is_empty() && table.rows[4].is_empty());
        assert_eq!(table.rows[5], ["1\n2", "张三"]);
        assert_eq!(table.rows[6], ["3", "李四"]);
    }

    #[test]
    fn a_table_written_in_parts_is_the_table_written_whole() {
        let rows = [
            vec!["单位", "工号", "姓名"],
            vec!["司法局", "=1+1", "张,三"],
            vec!["", "", ""],
            vec!["财政局", "\"A\"", "李\n四"],
            vec!["-", "@x", " 王五 "],
        ];
        let whole = write_csv(&rows);
        for cut in 0..=rows.len() {
            let mut parts = write_csv(&rows[..cut]);
            parts.extend(write_csv_rows(&rows[cut..]));
            assert_eq!(parts, whole, "cut before row {cut}");
        }
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            guard_formula("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(guard_formula("+1"), "'+1");
        assert_eq!(guard_formula("-1"), "'-1");
        assert_eq!(guard_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(guard_formula("\tx"), "'\tx");
        assert_eq!(guard_formula("张三"), "张三");
    }

    #[test]
    fn written_csv_has_a_bom_and_reads_back() {
        let rows = vec![
            vec!["姓名".to_string(), "单位".to_string()],
            vec!["=1+1".to_string(), "司法局, 法治股".to_string()],
        ];
        let bytes = write_csv(&rows);
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let table = read_csv(&bytes).unwrap();
        assert_eq!(table.encoding, Encoding::Utf8WithBom);
        assert_eq!(table.rows[1], ["'=1+1", "司法局, 法治股"]);
    }
}
