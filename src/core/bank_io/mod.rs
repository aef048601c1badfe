//! Moving questions in and out of the app: the office template (XLSX and CSV, the same
//! rows), Moodle GIFT and Aiken. Every reader gives a [`Preview`] that lists each
//! question found with its problems (row or line, and field) before anything is saved; the
//! imported sets are kept apart from the built-in bank (see [`ImportedBank`]).

mod aiken;
mod draft;
mod gift;
mod gift_write;
mod imported;
mod preview;
mod template;

use crate::core::formats::decode_text_with;

pub use aiken::read_aiken;
pub use draft::Draft;
pub use gift::read_gift;
pub use gift_write::write_gift;
pub use imported::{
    decode_imported, encode_imported, imported_set_of, ImportedBank, ImportedSet, IMPORTED_KEY,
    IMPORTED_SCHEMA_VERSION,
};
pub use preview::{Preview, PreviewRow, Problem};
pub use template::{
    read_template_csv, read_template_rows, read_template_xlsx, write_template_csv,
    write_template_xlsx,
};

/// The formats a question file may come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The office template as a workbook (.xlsx).
    TemplateXlsx,
    /// The office template as CSV (UTF-8 with or without BOM, or GBK).
    TemplateCsv,
    Gift,
    Aiken,
}

impl Format {
    /// Guesses the format from a file's name and text: `.xlsx`, `.csv`, `.gift`; other text
    /// is GIFT when it holds a `{` (every GIFT question does), else Aiken.
    pub fn guess(name: &str, text: &str) -> Format {
        let lower = name.to_lowercase();
        if lower.ends_with(".xlsx") {
            Format::TemplateXlsx
        } else if lower.ends_with(".csv") {
            Format::TemplateCsv
        } else if lower.ends_with(".gift") || text.contains('{') {
            Format::Gift
        } else {
            Format::Aiken
        }
    }

    /// The format's name for the user.
    pub fn label(self) -> &'static str {
        match self {
            Format::TemplateXlsx => "Excel 模板",
            Format::TemplateCsv => "CSV 模板",
            Format::Gift => "GIFT",
            Format::Aiken => "Aiken",
        }
    }
}

/// Reads a question file: `.xlsx` as the template workbook, anything else as text (UTF-8, or
/// GBK decoded by `gb18030`) in the format guessed from its name and text.
pub fn read_file(
    name: &str,
    bytes: &[u8],
    gb18030: impl FnOnce(&[u8]) -> String,
) -> (Format, Preview) {
    if Format::guess(name, "") == Format::TemplateXlsx {
        return (Format::TemplateXlsx, read_template_xlsx(bytes));
    }
    let (text, _) = decode_text_with(bytes, gb18030);
    let format = Format::guess(name, &text);
    let preview = match format {
        Format::TemplateCsv => read_template_csv(&text),
        Format::Gift => read_gift(&text),
        Format::Aiken | Format::TemplateXlsx => read_aiken(&text),
    };
    (format, preview)
}

#[cfg(test)]
mod tests;
