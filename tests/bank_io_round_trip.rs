//! Every question of the built-in bank survives export and import unchanged, as the office
//! template (XLSX and CSV) and as GIFT: export → import gives identical questions.

use std::path::Path;

use xuefa::core::bank::{load_toml_dir, Bank};
use xuefa::core::bank_io::{
    read_gift, read_template_csv, read_template_xlsx, write_gift, write_template_csv,
    write_template_xlsx, Draft,
};
use xuefa::core::formats::decode_text;

fn built_in_bank() -> Bank {
    load_toml_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("questions")).unwrap()
}

fn assert_same(read: Option<Vec<Draft>>, bank: &Bank, format: &str) {
    let read = read.unwrap_or_else(|| panic!("{format}: the export does not read back cleanly"));
    assert_eq!(read.len(), bank.questions().len(), "{format}");
    for (draft, question) in read.iter().zip(bank.questions()) {
        assert_eq!(draft, &Draft::of(question), "{format}: {}", question.id);
    }
}

#[test]
fn the_whole_bank_round_trips_as_template_csv() {
    let bank = built_in_bank();
    let bytes = write_template_csv(bank.questions());
    let (text, _) = decode_text(&bytes);
    assert_same(read_template_csv(&text).drafts(false), &bank, "CSV");
}

#[test]
fn the_whole_bank_round_trips_as_gift() {
    let bank = built_in_bank();
    let gift = write_gift(bank.questions());
    assert_same(read_gift(&gift).drafts(false), &bank, "GIFT");
}

#[test]
fn the_whole_bank_round_trips_as_template_xlsx() {
    let bank = built_in_bank();
    let bytes = write_template_xlsx(bank.questions()).unwrap();
    assert_same(read_template_xlsx(&bytes).drafts(false), &bank, "XLSX");
}
