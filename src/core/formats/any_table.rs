//! A table file whatever office software saved it: an .xlsx workbook (first sheet) or CSV text.

use super::cells::{read_csv_cells, CellTable};
use super::text::decode_text_with;
use super::xlsx::read_xlsx;

/// Whether the bytes are a zip archive, as every .xlsx is.
pub fn is_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads the rows of a table file: the first sheet of an .xlsx (told by its content, not its
/// name), or CSV in UTF-8 (with or without BOM) or GB18030 decoded by `gb18030`.
/// Row `i` is row `i + 1` as the spreadsheet numbers it.
pub fn read_table_with(
    bytes: &[u8],
    gb18030: impl FnOnce(&[u8]) -> String,
) -> Result<CellTable, String> {
    if is_xlsx(bytes) {
        return read_xlsx(bytes, None).map(|rows| CellTable::of_rows(&rows));
    }
    let (text, _) = decode_text_with(bytes, gb18030);
    Ok(read_csv_cells(&text))
}

/// [`read_table_with`] with the core's own GB18030 decoder (native use).
pub fn read_table(bytes: &[u8]) -> Result<CellTable, String> {
    read_table_with(bytes, |bytes| {
        encoding_rs::GB18030.decode(bytes).0.into_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::{write_xlsx, XlsxSheet};

    #[test]
    fn csv_and_xlsx_read_to_the_same_rows() {
        let rows: Vec<Vec<String>> = vec![
            vec!["某县学法考试名单".into()],
            vec!["工号".into(), "姓名".into(), "单位".into()],
            vec!["001".into(), "张三".into(), "司法局".into()],
        ];
        let xlsx = write_xlsx(&[XlsxSheet::of_text("名单", &rows)]).unwrap();
        assert!(is_xlsx(&xlsx));
        assert_eq!(read_table(&xlsx).unwrap().to_rows(), rows);
        let (gbk, _, _) =
            encoding_rs::GBK.encode("某县学法考试名单\n工号,姓名,单位\n001,张三,司法局\n");
        assert!(!is_xlsx(&gbk));
        assert_eq!(read_table(&gbk).unwrap().to_rows(), rows);
    }

    #[test]
    fn a_broken_workbook_is_an_error() {
        assert!(read_table(b"PK\x03\x04 truncated").is_err());
    }
}
