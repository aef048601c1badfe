//! A table's cells kept in one text buffer, rows and cells as offsets into it: what the large
//! table readers (rosters, result tables, the column mapping) read rows through, without a
//! `String` per cell.

use super::table::LineCounter;

/// Rows of cells in one buffer; row `i` is row `i + 1` as a spreadsheet numbers it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CellTable {
    /// Every cell's text, one after the other.
    text: String,
    /// Where each cell ends in `text` (it starts where the one before it ends).
    ends: Vec<u32>,
    /// The position in `ends` of each row's first cell, and one past the last row's cells.
    rows: Vec<u32>,
}

/// One row of a [`CellTable`], borrowed.
#[derive(Clone, Copy, Debug)]
pub struct Row<'a> {
    text: &'a str,
    /// Where the row's first cell starts in `text`.
    start: usize,
    /// Where each of the row's cells ends in `text`.
    ends: &'a [u32],
}

impl CellTable {
    /// A table of the rows given (a sheet read as strings, tests).
    pub fn of_rows<S: AsRef<str>>(rows: &[Vec<S>]) -> CellTable {
        let mut table = CellTable::default();
        for row in rows {
            for cell in row {
                table.text.push_str(cell.as_ref());
                table.ends.push(offset(table.text.len()));
            }
            table.end_row();
        }
        table
    }

    /// How many rows the table has.
    pub fn len(&self) -> usize {
        self.rows.len().saturating_sub(1)
    }

    /// Whether the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Row `index` (0-based); panics past the last row, as indexing a `Vec` does.
    pub fn row(&self, index: usize) -> Row<'_> {
        let (first, end) = (self.rows[index] as usize, self.rows[index + 1] as usize);
        Row {
            text: &self.text,
            start: first
                .checked_sub(1)
                .map_or(0, |last| self.ends[last] as usize),
            ends: &self.ends[first..end],
        }
    }

    /// Every row, in order.
    pub fn rows(&self) -> impl ExactSizeIterator<Item = Row<'_>> + '_ {
        (0..self.len()).map(|index| self.row(index))
    }

    /// The rows as strings (for the few readers that change cells in place).
    pub fn to_rows(&self) -> Vec<Vec<String>> {
        self.rows().map(|row| row.to_vec()).collect()
    }

    /// Closes the row of the cells added since the last one (none for a blank line).
    fn end_row(&mut self) {
        if self.rows.is_empty() {
            self.rows.push(0);
        }
        self.rows.push(offset(self.ends.len()));
    }
}

/// An offset into a table's cells: tables are under 4 GiB (a browser holds far less).
fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("a table under 4 GiB")
}

impl<'a> Row<'a> {
    /// How many cells the row has.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the row has no cells (a blank line).
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Cell `column` (0-based), if the row is that long.
    pub fn get(&self, column: usize) -> Option<&'a str> {
        let end = *self.ends.get(column)? as usize;
        let start = column
            .checked_sub(1)
            .map_or(self.start, |c| self.ends[c] as usize);
        Some(&self.text[start..end])
    }

    /// The row's cells, in order.
    pub fn iter(&self) -> impl Iterator<Item = &'a str> + 'a {
        let (text, ends) = (self.text, self.ends);
        let starts = std::iter::once(self.start).chain(ends.iter().map(|&end| end as usize));
        starts
            .zip(ends)
            .map(move |(start, &end)| &text[start..end as usize])
    }

    /// The row's cells as strings.
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

/// Reads CSV text into cells; rows may differ in length. Blank lines stay as empty rows, so
/// row `i` is line `i + 1` (quoted cells may span lines: the next row is numbered after them).
pub fn read_csv_cells(text: &str) -> CellTable {
    read_csv_rows(text, usize::MAX)
}

/// The first `rows` rows of CSV text as [`read_csv_cells`] reads them (or a few more blank
/// ones): the rows a header is looked for in.
pub fn read_csv_head(text: &str, rows: usize) -> CellTable {
    read_csv_rows(text, rows)
}

fn read_csv_rows(text: &str, max_rows: usize) -> CellTable {
    let mut records = CsvRecords::keeping(text);
    // Room for a row per line, and for as many cells in each as in the first (at most a
    // cell per four bytes, should the first row be a wide one): a large table's lists then
    // do not grow by copying. Lines past `max_rows` are not counted (a roster's head is read
    // from a file of a million lines).
    let newlines = text.bytes().filter(|&b| b == b'\n').take(max_rows).count();
    let line_count = (newlines + 1).min(max_rows);
    let mut rows = Vec::with_capacity(line_count + 1);
    rows.push(0);
    let mut lines = RowNumbers::new(text);
    while rows.len() <= max_rows {
        let Some(record) = records.next_record() else {
            break;
        };
        if rows.len() == 1 {
            let cells = records.ends.len() - record.first;
            let room = line_count.saturating_mul(cells).min(text.len() / 4 + 1);
            records.ends.reserve(room);
        }
        let index = lines.of(&records, record);
        let last = rows[rows.len() - 1];
        rows.resize(index + 1, last);
        rows.push(offset(records.ends.len()));
    }
    let (text, ends) = records.into_cells();
    CellTable { text, ends, rows }
}

/// Calls `visit` with each row of CSV text that [`read_csv_cells`] would keep, and its
/// index there, one at a time without keeping them; blank lines are not visited.
pub fn for_each_csv_row(text: &str, mut visit: impl FnMut(usize, Row<'_>)) {
    let mut records = CsvRecords::new(text);
    let mut lines = RowNumbers::new(text);
    while let Some(record) = records.next_record() {
        let index = lines.of(&records, record);
        visit(index, records.row(record));
    }
}

/// Numbers records as the table's rows: each blank line before a record is an empty row, and
/// a record whose cells span lines is one row.
struct RowNumbers<'a> {
    lines: LineCounter<'a>,
    /// Rows numbered so far, and the line after the last record's.
    rows: usize,
    next_line: usize,
}

impl<'a> RowNumbers<'a> {
    fn new(text: &'a str) -> RowNumbers<'a> {
        RowNumbers {
            lines: LineCounter::new(text),
            rows: 0,
            next_line: 1,
        }
    }

    /// The row (0-based) of the record just read.
    fn of(&mut self, records: &CsvRecords, record: RecordAt) -> usize {
        let end_line = self.lines.line_ending_at(records.consumed() as u64);
        let inside = records.cells[record.start..records.written]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        let start_line = end_line.saturating_sub(inside);
        let row = self.rows + start_line.saturating_sub(self.next_line);
        self.rows = row + 1;
        self.next_line = end_line + 1;
        row
    }
}

/// Reads CSV records one at a time with the same rules as the `csv` crate's reader (no
/// headers, rows of any length, blank lines skipped), into one reused buffer or, for a
/// [`CellTable`], into one buffer that keeps every record.
pub(crate) struct CsvRecords<'a> {
    text: &'a [u8],
    /// Bytes of `text` read so far.
    consumed: usize,
    reader: csv_core::Reader,
    /// The cells' bytes: `cells[..written]` are in use, the rest is room to write.
    cells: Vec<u8>,
    written: usize,
    /// Where each cell ends in `cells`.
    ends: Vec<u32>,
    /// The cell ends of the record being read, relative to its first cell.
    record_ends: Vec<usize>,
    /// Whether the records read stay (a table) or each replaces the one before.
    keep: bool,
    /// Whether `reader` has read (it strips a byte order mark on its first read only).
    reader_started: bool,
    done: bool,
}

/// Where the record just read is: its first cell is `ends[first]` and starts at `start`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RecordAt {
    first: usize,
    start: usize,
}

impl<'a> CsvRecords<'a> {
    /// A reader at the start of `text` that reuses one buffer for each record.
    pub(crate) fn new(text: &'a str) -> CsvRecords<'a> {
        CsvRecords::with_room(text, 4096, false)
    }

    /// A reader at the start of `text` that keeps every record (see [`Self::into_cells`]).
    fn keeping(text: &'a str) -> CsvRecords<'a> {
        // Unquoting only shortens cells, so every cell fits in the text's length.
        CsvRecords::with_room(text, text.len() + 1, true)
    }

    fn with_room(text: &'a str, room: usize, keep: bool) -> CsvRecords<'a> {
        CsvRecords {
            text: text.as_bytes(),
            consumed: 0,
            reader: csv_core::Reader::new(),
            cells: vec![0; room],
            written: 0,
            ends: Vec::new(),
            record_ends: vec![0; 64],
            keep,
            reader_started: false,
            done: false,
        }
    }

    /// Bytes of the text read so far (the last record's terminator included).
    pub(crate) fn consumed(&self) -> usize {
        self.consumed
    }

    /// Reads the next record; `None` at the end of the text.
    pub(crate) fn next_record(&mut self) -> Option<RecordAt> {
        use csv_core::ReadRecordResult;
        if self.done {
            return None;
        }
        if !self.keep {
            self.written = 0;
            self.ends.clear();
        }
        let (start, first) = (self.written, self.ends.len());
        if self.reader_started && self.read_plain_record() {
            return Some(RecordAt { first, start });
        }
        self.reader_started = true;
        let mut ended = 0;
        let result = loop {
            let (result, read, written, found) = self.reader.read_record(
                &self.text[self.consumed..],
                &mut self.cells[self.written..],
                &mut self.record_ends[ended..],
            );
            self.consumed += read;
            self.written += written;
            ended += found;
            match result {
                ReadRecordResult::InputEmpty => {}
                ReadRecordResult::OutputFull => self.cells.resize(self.cells.len() * 2, 0),
                ReadRecordResult::OutputEndsFull => {
                    self.record_ends.resize(self.record_ends.len() * 2, 0)
                }
                result => break result,
            }
        };
        if result == ReadRecordResult::End {
            self.done = true;
            return None;
        }
        let ends = self.record_ends[..ended]
            .iter()
            .map(|&end| offset(start + end));
        self.ends.extend(ends);
        Some(RecordAt { first, start })
    }

    /// Reads the next record as `reader` would when it has no quote and ends with a line end
    /// (most records), without the reader's state machine: line ends before it skipped, cells
    /// split at commas, the line end read (of `\r\n`, the `\r`: the next record skips the
    /// `\n`, as the reader does). `false`, nothing read, for any other record.
    fn read_plain_record(&mut self) -> bool {
        let text = &self.text[self.consumed..];
        let Some(from) = text.iter().position(|&b| b != b'\r' && b != b'\n') else {
            return false;
        };
        let Some(length) = text[from..]
            .iter()
            .position(|&b| matches!(b, b'\r' | b'\n' | b'"'))
        else {
            return false;
        };
        let end = from + length;
        if text[end] == b'"' {
            return false;
        }
        let needed = self.written + length;
        if self.cells.len() < needed {
            self.cells.resize(needed.max(self.cells.len() * 2), 0);
        }
        for cell in text[from..end].split(|&b| b == b',') {
            let written = self.written + cell.len();
            self.cells[self.written..written].copy_from_slice(cell);
            self.written = written;
            self.ends.push(offset(written));
        }
        self.consumed += end + 1;
        true
    }

    /// The cells of the record just read (`at` from [`Self::next_record`]) by a reader that
    /// reuses its buffer.
    pub(crate) fn row(&self, at: RecordAt) -> Row<'_> {
        debug_assert!(!self.keep && at.start == 0, "one record in the buffer");
        let cells = &self.cells[..self.written];
        // SAFETY: the cells are bytes of a `&str` with some ASCII bytes (delimiters, line
        // ends, quotes) left out; leaving out ASCII bytes keeps UTF-8 valid, and every cell
        // ends where one was left out.
        let text = unsafe { std::str::from_utf8_unchecked(cells) };
        Row {
            text,
            start: at.start,
            ends: &self.ends[at.first..],
        }
    }

    /// Every record's cells and where each cell ends (a reader that keeps them).
    fn into_cells(mut self) -> (String, Vec<u32>) {
        self.cells.truncate(self.written);
        // SAFETY: as in `row`: bytes of a `&str` without some of its ASCII bytes.
        let text = unsafe { String::from_utf8_unchecked(self.cells) };
        (text, self.ends)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn csv_crate_rows(text: &str) -> Vec<Vec<String>> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    #[test]
    fn records_split_as_the_csv_crate_splits_them() {
        for text in [
            "a,b\n\"c,\"\"d\"\"\",e\r\n\r\n,\n\"x\ny\",z",
            "\"unclosed,a\nb",
            "a\"b,c\n",
            "",
            "\n\n",
            "单位,工号\n第1单位,GD1",
        ] {
            let expected = csv_crate_rows(text);
            let mut records = CsvRecords::new(text);
            let mut rows = Vec::new();
            while let Some(at) = records.next_record() {
                rows.push(records.row(at).to_vec());
            }
            assert_eq!(rows, expected, "{text:?}");
            let table = read_csv_cells(text);
            let kept: Vec<Vec<String>> = table
                .rows()
                .filter(|r| !r.is_empty())
                .map(|r| r.to_vec())
                .collect();
            assert_eq!(kept, expected, "{text:?}");
        }
    }

    /// Each record's cells and the bytes read after it, read by csv-core alone.
    fn csv_core_records(text: &str) -> Vec<(Vec<String>, usize)> {
        let mut reader = csv_core::Reader::new();
        let (mut consumed, mut records) = (0, Vec::new());
        let (mut cells, mut ends) = (vec![0; text.len() + 1], vec![0; text.len() + 1]);
        let (mut written, mut ended) = (0, 0);
        loop {
            let input = &text.as_bytes()[consumed..];
            let (result, read, wrote, found) =
                reader.read_record(input, &mut cells[written..], &mut ends[ended..]);
            (consumed, written, ended) = (consumed + read, written + wrote, ended + found);
            match result {
                csv_core::ReadRecordResult::Record => {
                    let starts = std::iter::once(0).chain(ends[..ended].iter().copied());
                    let row = (starts.zip(&ends[..ended]))
                        .map(|(start, &end)| String::from_utf8(cells[start..end].to_vec()))
                        .collect::<Result<_, _>>()
                        .unwrap();
                    records.push((row, consumed));
                    (written, ended) = (0, 0);
                }
                csv_core::ReadRecordResult::End => return records,
                _ => assert_eq!(consumed, text.len(), "room for the whole text"),
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_records_are_read_as_csv_core_reads_them(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "单位", "GD1", ",", "\"", "\"\"", "\r", "\n", "\r\n", "\u{feff}", " ",
                ]),
                0..40,
            )
        ) {
            let text = pieces.concat();
            let mut records = CsvRecords::new(&text);
            let mut read = Vec::new();
            while let Some(at) = records.next_record() {
                read.push((records.row(at).to_vec(), records.consumed()));
            }
            proptest::prop_assert_eq!(&read, &csv_core_records(&text));
            let kept: Vec<Vec<String>> = (read_csv_cells(&text).rows())
                .filter(|r| !r.is_empty())
                .map(|r| r.to_vec())
                .collect();
            let rows: Vec<Vec<String>> = read.into_iter().map(|(row, _)| row).collect();
            proptest::prop_assert_eq!(kept, rows);
        }
    }

    #[test]
    fn rows_read_back_as_given() {
        let rows = vec![
            vec!["标题".to_string()],
            vec![],
            vec!["".to_string(), "工号".to_string(), "".to_string()],
        ];
        let table = CellTable::of_rows(&rows);
        assert_eq!(table.len(), 3);
        assert_eq!(table.to_rows(), rows);
        assert!(table.row(1).is_empty());
        assert_eq!(table.row(2).get(1), Some("工号"));
        assert_eq!(table.row(2).get(3), None);
        assert!(CellTable::of_rows::<String>(&[]).is_empty());
    }

    #[test]
    fn blank_lines_and_multi_line_cells_keep_row_numbers() {
        let table = read_csv_cells("标题\n\n工号,姓名\n\n\n\"1\n2\",张三\n3,李四");
        assert_eq!(table.len(), 7);
        assert_eq!(table.row(2).to_vec(), ["工号", "姓名"]);
        assert!(table.row(3).is_empty() && table.row(4).is_empty());
        assert_eq!(table.row(5).to_vec(), ["1\n2", "张三"]);
        assert_eq!(table.row(6).to_vec(), ["3", "李四"]);
    }

    #[test]
    fn rows_read_one_at_a_time_are_numbered_as_in_the_table() {
        let text = "标题\n\n工号,姓名\n\n\"1\n2\",张三\n\n3,\"李\r\n四\"\n4,王五";
        let table = read_csv_cells(text);
        let mut visited = Vec::new();
        for_each_csv_row(text, |index, row| visited.push((index, row.to_vec())));
        let kept: Vec<(usize, Vec<String>)> = (table.rows().enumerate())
            .filter(|(_, row)| !row.is_empty())
            .map(|(index, row)| (index, row.to_vec()))
            .collect();
        assert_eq!(visited, kept);
        assert_eq!(
            visited.last().unwrap().0,
            7,
            "a row per line, quoted lines one row"
        );
        let head = read_csv_head(text, 3);
        assert_eq!(head.to_rows(), table.to_rows()[..3]);
    }
}
