//! Readers and writers of the files offices exchange: encodings, CSV, times, spreadsheets (.xlsx),
//! the formula guard.

mod any_table;
mod cells;
mod table;
mod text;
mod time;
mod xlsx;

pub use any_table::{is_xlsx, read_table, read_table_with};
pub(crate) use cells::CsvRecords;
pub use cells::{for_each_csv_row, read_csv_cells, read_csv_head, CellTable, Row};
pub(crate) use table::{count_newlines, LineCounter};
pub use table::{guard_formula, read_csv, read_csv_text, write_csv, write_csv_rows, Table};
pub use text::{decode_text, decode_text_with, normalize_cell, tidy_cell, Encoding};
pub use time::{format_beijing_time, parse_beijing_time};
pub use xlsx::{
    read_xlsx, write_xlsx, xlsx_sheet_names, XlsxCell, XlsxSheet, XLSX_MAX_ROWS, XLSX_MIME,
};
