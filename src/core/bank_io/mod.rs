//! Moving questions in and out of the app: the office template (CSV, and XLSX through the
//! same rows), Moodle GIFT and Aiken. Every reader gives a [`Preview`] that lists each
//! question found with its problems (row or line, and field) before anything is saved; the
//! imported sets are kept apart from the built-in bank (see [`ImportedBank`]).

mod aiken;
mod draft;
mod gift;
mod gift_write;
mod imported;
mod preview;
mod template;

pub use aiken::read_aiken;
pub use draft::Draft;
pub use gift::read_gift;
pub use gift_write::write_gift;
pub use imported::{
    decode_imported, encode_imported, imported_set_of, ImportedBank, ImportedSet, IMPORTED_KEY,
    IMPORTED_SCHEMA_VERSION,
};
pub use preview::{Preview, PreviewRow, Problem};
pub use template::{read_template_csv, read_template_rows, template_rows, write_template_csv};

/// The formats a question file may come in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// The office template as CSV (UTF-8 with or without BOM, or GBK).
    TemplateCsv,
    Gift,
    Aiken,
}

impl Format {
    /// Guesses the format from a file name: `.csv`, `.gift`, otherwise Aiken for `.txt`
    /// files that are not GIFT (GIFT questions always hold a `{`).
    pub fn guess(name: &str, text: &str) -> Format {
        let lower = name.to_lowercase();
        if lower.ends_with(".csv") {
            Format::TemplateCsv
        } else if lower.ends_with(".gift") || text.contains('{') {
            Format::Gift
        } else {
            Format::Aiken
        }
    }
}

/// Reads a decoded question file in the given format.
pub fn read_questions(format: Format, text: &str) -> Preview {
    match format {
        Format::TemplateCsv => read_template_csv(text),
        Format::Gift => read_gift(text),
        Format::Aiken => read_aiken(text),
    }
}

#[cfg(test)]
mod tests;
