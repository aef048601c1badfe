//! Units and their exams: the roster, collected results and the per-unit rates.

mod absent_list;
mod admin_store;
mod collect;
mod dashboard;
mod grouped_order;
mod halves;
mod id_table;
#[cfg(test)]
mod import_props;
mod item_analysis;
mod people_index;
mod people_reader;
mod report;
mod report_workbook;
mod result_rows;
mod results_halves;
mod results_table;
mod roster;
mod roster_import;
mod summary_table;

pub use absent_list::{AbsentList, AbsentPeople};
pub use admin_store::{
    decode_admin_store, encode_admin_store, AdminMerge, AdminStore, ADMIN_KEY, ADMIN_SCHEMA_VERSION,
};
pub use collect::{
    collect_results, AcceptedRecord, CollectedInput, Collection, Collector, Flag, FlaggedRecord,
};
pub use dashboard::{score_histogram, sorted_rows, UnitColumn};
pub use halves::{one_after_another, Halves};
pub use item_analysis::{
    item_analysis, most_missed, ItemAnalysis, ItemStats, MissedQuestion, Responses,
};
pub use report::{
    counted_results, format_rate, report_of_counted, report_of_counted_in_halves, unit_report,
    Counted, CountedScore, Lines, ScoredResult, UnitReport, UnitRow,
};
pub use report_workbook::{item_rows, report_workbook, ITEM_HEADERS};
pub use result_rows::{CountedResults, ResultRows};
pub use results_halves::read_results_table_in_halves;
pub use results_table::{
    format_score, read_results_rows, read_results_table, results_csv, results_rows,
    ResultsTableReader, RESULT_HEADERS,
};
pub use roster::{Person, Roster, Text};
pub use roster_import::{
    column_titles, find_roster_columns, guess_header_row, names_head_counts, read_headcounts,
    read_roster, read_roster_file, sort_roster_table, RosterColumns, RosterDraft, RosterRead,
    RosterTable, RowProblem,
};
pub use summary_table::{
    absent_cells, absent_order_in_halves, absent_row, absent_rows, summary_rows, ABSENT_HEADERS,
    SUMMARY_HEADERS,
};
