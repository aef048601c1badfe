//! Property tests: no input, however broken, makes the importers or the collector panic. Each
//! property mixes arbitrary data with damaged copies of well-formed files, which reach deeper
//! than random bytes do.

use proptest::prelude::*;

use super::collect::tests::{exam, record};
use super::{
    collect_results, find_roster_columns, guess_header_row, read_headcounts, read_results_rows,
    read_results_table, read_roster, read_roster_file, CollectedInput, Person, Roster,
    RosterColumns, RosterDraft, RosterRead,
};
use crate::core::exam::small_bank;
use crate::core::formats::{read_table, write_csv, write_xlsx, CellTable, XlsxSheet};

/// Cells as offices fill them: headers, ids, scores, times, blanks, full-width and formulas.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        prop::sample::select(vec![
            "工号",
            "姓名",
            "单位",
            "应考人数",
            "得分",
            "交卷时间",
            "司法局",
            "１００",
            "59.5",
            "-1",
            "101",
            "NaN",
            "2026-11-20 09:30:00",
            "=HYPERLINK(\"x\")",
            "\u{3000}",
        ])
        .prop_map(str::to_string),
        ".{0,12}",
    ]
}

fn rows() -> impl Strategy<Value = Vec<Vec<String>>> {
    prop::collection::vec(prop::collection::vec(cell(), 0..6), 0..14)
}

/// CSV text as typed by hand: header lines, blank lines, stray quotes and line breaks.
fn csv_text() -> impl Strategy<Value = String> {
    let line = prop_oneof![
        Just(String::new()),
        Just("工号,姓名,单位".to_string()),
        Just("A1,张三,司法局".to_string()),
        Just("\"A\n1\",李四,\"财政\r\n局\"".to_string()),
        Just(",,".to_string()),
        "[A-C1-3,\"\r\n 　]{0,12}",
    ];
    prop::collection::vec(line, 0..14).prop_map(|lines| lines.join("\n"))
}

/// What the browser reads from a roster file: its table, then the people below the header.
fn roster_of_table(bytes: &[u8]) -> Option<RosterDraft> {
    let rows = read_table(bytes).ok()?;
    find_roster_columns(&rows).map(|(header, columns)| read_roster(&rows, header, columns))
}

/// A well-formed workbook, then cut short and with some bytes changed.
fn damaged_workbook() -> impl Strategy<Value = Vec<u8>> {
    (
        rows(),
        any::<prop::sample::Index>(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
    )
        .prop_map(|(rows, cut, changes)| {
            let mut bytes = write_xlsx(&[XlsxSheet::of_text("表", &rows)]).unwrap();
            for (at, byte) in changes {
                let at = at.index(bytes.len());
                bytes[at] = byte;
            }
            let keep = bytes.len() - cut.index(bytes.len() / 4 + 1);
            bytes.truncate(keep);
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn table_files_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = read_table(&bytes);
        let _ = read_results_table(&bytes);
    }

    #[test]
    fn damaged_workbooks_never_panic(bytes in damaged_workbook()) {
        if let Ok(rows) = read_table(&bytes) {
            let _ = read_results_rows(&rows);
        }
    }

    #[test]
    fn roster_rows_never_panic(rows in rows(), id in 0usize..7, name in 0usize..7, unit in 0usize..7) {
        let rows = CellTable::of_rows(&rows);
        if let Some((header, columns)) = find_roster_columns(&rows) {
            let draft = read_roster(&rows, header, columns);
            // Each data row is a person or has problems (a row may have several, one per
            // column), never both, and every row named is one of the table's rows.
            prop_assert!(draft.people.len() < rows.len());
            for problem in &draft.problems {
                prop_assert!(problem.row >= 1 && problem.row <= rows.len());
                prop_assert!(draft.people.iter().all(|(row, _)| *row != problem.row));
            }
            // The roster taken finds every valid person by id, at their place.
            let roster = draft.clone().accept_valid();
            for (position, (_, person)) in draft.people.iter().enumerate() {
                prop_assert_eq!(roster.position(&person.id), Some(position));
            }
        }
        if let Some(header) = guess_header_row(&rows) {
            let _ = read_roster(&rows, header, RosterColumns { id, name, unit });
        }
        let _ = read_headcounts(&rows);
        let _ = read_results_rows(&rows);
    }

    #[test]
    fn roster_files_read_as_their_tables(mut rows in rows(), text in csv_text()) {
        // Written as a spreadsheet writes CSV: every row as wide as the widest.
        let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
        rows.iter_mut().for_each(|row| row.resize(width, String::new()));
        for bytes in [write_csv(&rows), text.into_bytes()] {
            // A file without problems is taken at once: its roster is the table's.
            let table = roster_of_table(&bytes);
            match read_roster_file(&bytes) {
                Ok(Some(RosterRead::Taken(roster))) => {
                    prop_assert_eq!(Some(Ok(roster)), table.map(RosterDraft::accept_all));
                }
                Ok(Some(RosterRead::Draft(draft))) => prop_assert_eq!(Some(draft), table),
                read => {
                    prop_assert!(matches!(read, Ok(None)), "{read:?}");
                    prop_assert!(table.is_none());
                }
            }
        }
    }

    #[test]
    fn collected_texts_never_panic(
        noise in prop::collection::vec(".{0,80}", 0..4),
        cut in any::<prop::sample::Index>(),
        flip in any::<prop::sample::Index>(),
    ) {
        let bank = small_bank();
        let exam = exam(&bank);
        let sat = record(&exam, &bank, "001", "司法局", 7, 5, 2_000_000);
        let (good, code) = (sat.to_json(), sat.code());
        let mut damaged = good.clone().into_bytes();
        let at = flip.index(damaged.len());
        damaged[at] = damaged[at].wrapping_add(1);
        let short: String = good.chars().take(cut.index(good.chars().count())).collect();
        let mut texts = noise;
        let short_code: String = code.chars().take(cut.index(code.len())).collect();
        texts.extend([good, short, String::from_utf8_lossy(&damaged).into_owned(), code, short_code]);
        let inputs: Vec<CollectedInput> = texts
            .into_iter()
            .map(|text| CollectedInput { source: "x".into(), text })
            .collect();
        let roster = Roster::of_people(vec![Person {
            id: "001".into(),
            name: "姓名001".into(),
            unit: "司法局".into(),
        }]);
        let collection = collect_results(&exam, &bank, &roster, &inputs);
        prop_assert!(collection.counted.len() <= 1, "one person counts once");
    }
}
