//! Spreadsheets (.xlsx, as Excel and WPS save them): reading one sheet into rows of text and
//! writing a workbook of named sheets, with user text passed through the formula guard.

use std::io::Cursor;

use calamine::{Data, Reader, Xlsx};
use rust_xlsxwriter::{Format, Workbook};

use super::table::guard_formula;

/// The MIME type of an .xlsx workbook (downloads, file pickers).
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The most rows one sheet can hold (Excel's limit).
pub const XLSX_MAX_ROWS: usize = 1_048_576;
/// How many rows are looked at when choosing a column's width.
const WIDTH_SAMPLE_ROWS: usize = 200;

/// One cell to write: text (guarded against formulas) or a number (written as a number, so a
/// spreadsheet can sum it).
#[derive(Clone, Debug, PartialEq)]
pub enum XlsxCell {
    Text(String),
    Number(f64),
}

impl From<&str> for XlsxCell {
    fn from(text: &str) -> XlsxCell {
        XlsxCell::Text(text.to_string())
    }
}

impl From<String> for XlsxCell {
    fn from(text: String) -> XlsxCell {
        XlsxCell::Text(text)
    }
}

impl From<f64> for XlsxCell {
    fn from(number: f64) -> XlsxCell {
        XlsxCell::Number(number)
    }
}

/// One sheet to write: its tab name and its rows (the first row is the header, kept in view
/// when scrolling).
#[derive(Clone, Debug, PartialEq)]
pub struct XlsxSheet {
    pub name: String,
    pub rows: Vec<Vec<XlsxCell>>,
}

impl XlsxSheet {
    /// A sheet of text rows (as the CSV exports build them).
    pub fn of_text(name: &str, rows: &[Vec<String>]) -> XlsxSheet {
        XlsxSheet {
            name: name.to_string(),
            rows: rows
                .iter()
                .map(|row| {
                    row.iter()
                        .map(|cell| XlsxCell::from(cell.as_str()))
                        .collect()
                })
                .collect(),
        }
    }

    /// A sheet of text rows whose cells in the `numeric` columns (below the header) are
    /// written as numbers when they read as one ("12", "87.5"); "—" and "91.7%" stay text.
    pub fn of_text_with_numbers(name: &str, rows: &[Vec<String>], numeric: &[usize]) -> XlsxSheet {
        let mut sheet = XlsxSheet::of_text(name, rows);
        for row in sheet.rows.iter_mut().skip(1) {
            for &c in numeric {
                if let Some(cell) = row.get_mut(c) {
                    let number = match cell {
                        XlsxCell::Text(text) => text.parse::<f64>().ok().filter(|n| n.is_finite()),
                        XlsxCell::Number(_) => None,
                    };
                    if let Some(number) = number {
                        *cell = XlsxCell::Number(number);
                    }
                }
            }
        }
        sheet
    }
}

fn open(bytes: &[u8]) -> Result<Xlsx<Cursor<&[u8]>>, String> {
    Xlsx::new(Cursor::new(bytes)).map_err(|e| format!("不是可读取的 .xlsx 文件：{e}"))
}

/// The names of a workbook's sheets, in tab order.
pub fn xlsx_sheet_names(bytes: &[u8]) -> Result<Vec<String>, String> {
    Ok(open(bytes)?.sheet_names())
}

/// Reads one sheet (the first when `sheet` is `None`) into rows of text. Rows and columns keep
/// their places: `rows[i][j]` is the cell in row `i + 1`, column `j + 1` as the spreadsheet
/// numbers them, with blank rows as empty rows. Numbers read as written ("1001", not
/// "1001.0"); error cells read as empty text.
pub fn read_xlsx(bytes: &[u8], sheet: Option<&str>) -> Result<Vec<Vec<String>>, String> {
    let mut workbook = open(bytes)?;
    let name = match sheet {
        Some(name) => name.to_string(),
        None => workbook
            .sheet_names()
            .into_iter()
            .next()
            .ok_or("工作簿中没有工作表")?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| format!("无法读取工作表“{name}”：{e}"))?;
    let Some((first_row, first_column)) = range.start() else {
        return Ok(Vec::new());
    };
    let mut rows: Vec<Vec<String>> = (0..first_row).map(|_| Vec::new()).collect();
    for cells in range.rows() {
        let mut row: Vec<String> = vec![String::new(); first_column as usize];
        row.extend(cells.iter().map(cell_text));
        while row.last().is_some_and(String::is_empty) {
            row.pop();
        }
        rows.push(row);
    }
    Ok(rows)
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Writes a workbook with the given sheets, in order. Text cells pass through
/// [`guard_formula`]; numbers stay numbers. Fails on a sheet name Excel refuses, a sheet past
/// [`XLSX_MAX_ROWS`] rows, or a cell longer than 32,767 characters.
pub fn write_xlsx(sheets: &[XlsxSheet]) -> Result<Vec<u8>, String> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold();
    for sheet in sheets {
        if sheet.rows.len() > XLSX_MAX_ROWS {
            return Err(format!(
                "工作表“{}”有 {} 行，超过 Excel 的上限 {XLSX_MAX_ROWS} 行",
                sheet.name,
                sheet.rows.len()
            ));
        }
        let worksheet = workbook.add_worksheet();
        worksheet
            .set_name(&sheet.name)
            .map_err(|e| format!("工作表名“{}”不可用：{e}", sheet.name))?;
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = r as u32;
            for (c, cell) in row.iter().enumerate() {
                let c = u16::try_from(c).map_err(|_| "列数超过 Excel 的上限".to_string())?;
                let written = match (cell, r) {
                    (XlsxCell::Text(text), _) if text.is_empty() => continue,
                    (XlsxCell::Text(text), 0) => {
                        worksheet.write_string_with_format(r, c, guard_formula(text), &header)
                    }
                    (XlsxCell::Text(text), _) => worksheet.write_string(r, c, guard_formula(text)),
                    (XlsxCell::Number(number), _) => worksheet.write_number(r, c, *number),
                };
                written.map_err(|e| {
                    format!("工作表“{}”第 {} 行第 {} 列：{e}", sheet.name, r + 1, c + 1)
                })?;
            }
        }
        for (c, width) in column_widths(&sheet.rows).into_iter().enumerate() {
            // Fewer than 16,384 columns were written above, so `c` fits.
            worksheet
                .set_column_width(c as u16, width)
                .map_err(|e| e.to_string())?;
        }
        if !sheet.rows.is_empty() {
            worksheet
                .set_freeze_panes(1, 0)
                .map_err(|e| e.to_string())?;
        }
    }
    workbook
        .save_to_buffer()
        .map_err(|e| format!("无法生成 .xlsx 文件：{e}"))
}

/// A width per column from the first rows: Chinese characters count double, between 6 and 40.
fn column_widths(rows: &[Vec<XlsxCell>]) -> Vec<f64> {
    let mut widths: Vec<usize> = Vec::new();
    for row in rows.iter().take(WIDTH_SAMPLE_ROWS) {
        if widths.len() < row.len() {
            widths.resize(row.len(), 0);
        }
        for (c, cell) in row.iter().enumerate() {
            let width = match cell {
                XlsxCell::Text(text) => text
                    .chars()
                    .map(|ch| if ch.is_ascii() { 1 } else { 2 })
                    .sum(),
                XlsxCell::Number(number) => number.to_string().len(),
            };
            widths[c] = widths[c].max(width);
        }
    }
    widths
        .into_iter()
        .map(|w| (w + 2).clamp(6, 40) as f64)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter()
            .map(|row| row.iter().map(|cell| cell.to_string()).collect())
            .collect()
    }

    #[test]
    fn sheets_write_and_read_back_in_order() {
        let summary = XlsxSheet {
            name: "单位汇总".into(),
            rows: vec![
                vec!["单位".into(), "应考人数".into(), "参考率".into()],
                vec!["司法局".into(), 12.0.into(), "91.7%".into()],
                vec!["财政局".into(), 0.0.into(), "—".into()],
            ],
        };
        let people = XlsxSheet::of_text("个人成绩", &text(&[&["工号", "姓名"], &["001", "张三"]]));
        let bytes = write_xlsx(&[summary, people]).unwrap();
        assert_eq!(xlsx_sheet_names(&bytes).unwrap(), ["单位汇总", "个人成绩"]);
        assert_eq!(
            read_xlsx(&bytes, None).unwrap(),
            text(&[
                &["单位", "应考人数", "参考率"],
                &["司法局", "12", "91.7%"],
                &["财政局", "0", "—"],
            ])
        );
        assert_eq!(
            read_xlsx(&bytes, Some("个人成绩")).unwrap(),
            text(&[&["工号", "姓名"], &["001", "张三"]])
        );
    }

    #[test]
    fn numbers_are_stored_as_numbers() {
        let sheet = XlsxSheet {
            name: "分数".into(),
            rows: vec![vec![59.5.into(), 100.0.into()]],
        };
        let bytes = write_xlsx(&[sheet]).unwrap();
        let mut workbook = open(&bytes).unwrap();
        let range = workbook.worksheet_range("分数").unwrap();
        assert_eq!(range.get_value((0, 0)), Some(&Data::Float(59.5)));
        assert_eq!(range.get_value((0, 1)), Some(&Data::Float(100.0)));
        assert_eq!(read_xlsx(&bytes, None).unwrap(), text(&[&["59.5", "100"]]));
    }

    #[test]
    fn chosen_columns_become_numbers_below_the_header() {
        let rows = text(&[
            &["单位", "人数", "率"],
            &["司法局", "12", "91.7%"],
            &["合计", "—", "87.5"],
        ]);
        let sheet = XlsxSheet::of_text_with_numbers("汇总", &rows, &[1, 2, 9]);
        assert_eq!(sheet.rows[0][1], XlsxCell::Text("人数".into()));
        assert_eq!(sheet.rows[1][1], XlsxCell::Number(12.0));
        assert_eq!(sheet.rows[1][2], XlsxCell::Text("91.7%".into()));
        assert_eq!(sheet.rows[2][1], XlsxCell::Text("—".into()));
        assert_eq!(sheet.rows[2][2], XlsxCell::Number(87.5));
    }

    #[test]
    fn formula_cells_come_back_neutralised() {
        let hostile = [
            "=HYPERLINK(\"http://evil.example\",\"点我\")",
            "+1+1",
            "-2",
            "@SUM(A1)",
            "\tx",
            "\rx",
            "<script>alert(1)</script>",
        ];
        let rows = vec![hostile.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
        let bytes = write_xlsx(&[XlsxSheet::of_text("名单", &rows)]).unwrap();
        let back = read_xlsx(&bytes, None).unwrap();
        assert_eq!(
            back[0],
            [
                "'=HYPERLINK(\"http://evil.example\",\"点我\")",
                "'+1+1",
                "'-2",
                "'@SUM(A1)",
                "'\tx",
                "'\rx",
                "<script>alert(1)</script>",
            ]
        );
        let mut workbook = open(&bytes).unwrap();
        let formulas = workbook.worksheet_formula("名单").unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "no cell holds a formula"
        );
    }

    #[test]
    fn title_rows_blank_rows_and_leading_columns_keep_their_places() {
        let sheet = XlsxSheet {
            name: "名单".into(),
            rows: vec![
                vec![],
                vec!["".into(), "某县学法考试应考名单".into()],
                vec![],
                vec!["".into(), "工号".into(), "姓名".into()],
            ],
        };
        let bytes = write_xlsx(&[sheet]).unwrap();
        assert_eq!(
            read_xlsx(&bytes, None).unwrap(),
            text(&[
                &[],
                &["", "某县学法考试应考名单"],
                &[],
                &["", "工号", "姓名"]
            ])
        );
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert!(read_xlsx(b"not a zip", None).is_err());
        assert!(read_xlsx("工号,姓名\n1,张三".as_bytes(), None).is_err());
        let bytes = write_xlsx(&[XlsxSheet::of_text("一", &[])]).unwrap();
        assert_eq!(read_xlsx(&bytes, None).unwrap(), Vec::<Vec<String>>::new());
        assert!(read_xlsx(&bytes, Some("没有这个表")).is_err());
        let bad_name = XlsxSheet::of_text("a/b", &[]);
        assert!(write_xlsx(&[bad_name]).is_err());
        let too_long = XlsxSheet::of_text("长", &[vec!["字".repeat(40_000)]]);
        assert!(write_xlsx(&[too_long]).is_err());
    }
}
