//! Reading a roster from a table (CSV or spreadsheet rows): finding the header by name,
//! tidying cells, and naming the row and column of every problem. Nothing is taken until the
//! caller accepts: all rows when there are no problems, or only the valid rows on request.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::people_index::PeopleIndex;
use super::people_reader::PeopleReader;
use super::{Person, Roster};
use crate::core::formats::{
    count_newlines, decode_text, for_each_csv_row, is_xlsx, normalize_cell, read_csv_head,
    read_table, CellTable, Row,
};

const ID_HEADERS: &[&str] = &[
    "工号",
    "职工号",
    "员工号",
    "人员编号",
    "编号",
    "身份证号",
    "身份证号码",
    "证件号码",
    "账号",
    "ID",
];
const NAME_HEADERS: &[&str] = &["姓名", "名字"];
const UNIT_HEADERS: &[&str] = &["单位", "单位名称", "所在单位", "工作单位", "部门"];
const COUNT_HEADERS: &[&str] = &["应考人数", "应参考人数", "人数"];
/// How far down a file the header may sit (title rows above it are common).
const HEADER_SEARCH_ROWS: usize = 10;

/// Which column holds what (0-based); found by header names or chosen by the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RosterColumns {
    pub id: usize,
    pub name: usize,
    pub unit: usize,
}

/// A problem in one row: the row as numbered in the file (1-based), the column's header, why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    pub row: usize,
    pub column: String,
    pub message: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "第 {} 行“{}”列：{}", self.row, self.column, self.message)
    }
}

/// A roster read but not yet accepted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RosterDraft {
    /// Valid people with the file row each came from (read only: the index found while
    /// reading is kept for them).
    pub people: Vec<(usize, Person)>,
    pub problems: Vec<RowProblem>,
    /// The valid people's positions by id, as found while reading (empty when rows with an
    /// id were left out, whose ids it also held): the accepted roster's index, if the people
    /// are still those read.
    index: PeopleIndex,
}

impl RosterDraft {
    /// The whole roster, or every problem and nothing taken.
    pub fn accept_all(self) -> Result<Roster, Vec<RowProblem>> {
        if self.problems.is_empty() {
            Ok(self.accept_valid())
        } else {
            Err(self.problems)
        }
    }

    /// A draft as read, with the index found while reading (see `PeopleReader`).
    pub(super) fn of_read(
        people: Vec<(usize, Person)>,
        problems: Vec<RowProblem>,
        index: PeopleIndex,
    ) -> RosterDraft {
        RosterDraft {
            people,
            problems,
            index,
        }
    }

    /// Only the valid rows, when the user has chosen to leave the others out.
    pub fn accept_valid(self) -> Roster {
        let people: Vec<Person> = self.people.into_iter().map(|(_, p)| p).collect();
        if self.index.len() == people.len() {
            Roster::of_indexed_people(people, self.index)
        } else {
            Roster::of_people(people)
        }
    }
}

fn header_key(cell: &str) -> String {
    normalize_cell(cell).replace(' ', "").to_uppercase()
}

fn find_column(header: Row, names: &[&str]) -> Option<usize> {
    header
        .iter()
        .position(|cell| names.contains(&header_key(cell).as_str()))
}

/// Finds the header row (within the first rows) and the id, name and unit columns by name.
pub fn find_roster_columns(rows: &CellTable) -> Option<(usize, RosterColumns)> {
    rows.rows()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, row)| {
            let columns = RosterColumns {
                id: find_column(row, ID_HEADERS)?,
                name: find_column(row, NAME_HEADERS)?,
                unit: find_column(row, UNIT_HEADERS)?,
            };
            Some((i, columns))
        })
}

/// The row most likely to be the header when its names are not recognised: among the first
/// rows, the first that fills at least two cells and half as many as the fullest row (a title
/// row above it fills one; a data row may fill an extra 备注 cell).
pub fn guess_header_row(rows: &CellTable) -> Option<usize> {
    let filled = |row: Row| row.iter().filter(|c| !normalize_cell(c).is_empty()).count();
    let most = rows.rows().take(HEADER_SEARCH_ROWS).map(filled).max()?;
    let enough = (most.div_ceil(2)).max(2).min(most);
    (most > 0).then(|| {
        rows.rows()
            .position(|row| filled(row) >= enough)
            .expect("the fullest row has enough")
    })
}

/// The columns of a header row as a user picks among them: the tidied header text, or
/// "第 N 列" for an empty header cell.
pub fn column_titles(header: Row) -> Vec<String> {
    header
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            let title = normalize_cell(cell);
            if title.is_empty() {
                format!("第 {} 列", i + 1)
            } else {
                title
            }
        })
        .collect()
}

/// Reads the people below the header row with the given columns; blank rows are skipped.
pub fn read_roster(rows: &CellTable, header_row: usize, columns: RosterColumns) -> RosterDraft {
    let below = rows.len().saturating_sub(header_row + 1);
    let mut reader = PeopleReader::new(rows.row(header_row), columns, below);
    for (index, row) in rows.rows().enumerate().skip(header_row + 1) {
        reader.add(index + 1, row);
    }
    reader.finish()
}

/// A roster file as [`read_roster_file`] reads it: a CSV file without any problem is taken
/// at once (its people's rows are not kept); any other, a draft naming every problem.
#[derive(Clone, Debug, PartialEq)]
pub enum RosterRead {
    Taken(Roster),
    Draft(RosterDraft),
}

impl RosterRead {
    /// The whole roster, or every problem and nothing taken (as [`RosterDraft::accept_all`]).
    pub fn accept_all(self) -> Result<Roster, Vec<RowProblem>> {
        match self {
            RosterRead::Taken(roster) => Ok(roster),
            RosterRead::Draft(draft) => draft.accept_all(),
        }
    }
}

/// Reads a roster file (CSV or .xlsx) whose header is found by name, as
/// [`find_roster_columns`] and [`read_roster`] read its table; `None` when no header is
/// found (the file may be a head-count table). A CSV file's rows are taken as they are read,
/// without keeping the whole table.
pub fn read_roster_file(bytes: &[u8]) -> Result<Option<RosterRead>, String> {
    if is_xlsx(bytes) {
        let rows = read_table(bytes)?;
        return Ok(find_roster_columns(&rows).map(|(header_row, columns)| {
            RosterRead::Draft(read_roster(&rows, header_row, columns))
        }));
    }
    let (text, _) = decode_text(bytes);
    let head = read_csv_head(&text, HEADER_SEARCH_ROWS);
    let Some((header_row, columns)) = find_roster_columns(&head) else {
        return Ok(None);
    };
    let lines = count_newlines(text.as_bytes());
    let read = |mut reader: PeopleReader| {
        for_each_csv_row(&text, |index, row| {
            if index > header_row {
                reader.add(index + 1, row);
            }
        });
        reader
    };
    // Most rosters are valid: their repeated ids are looked for once all are read, and only
    // a roster with problems is read again to name them.
    let header = head.row(header_row);
    let plain = read(PeopleReader::ids_checked_last(header, columns, lines)).finish_plain();
    Ok(Some(match plain {
        Some(roster) => RosterRead::Taken(roster),
        None => RosterRead::Draft(read(PeopleReader::new(header, columns, lines)).finish()),
    }))
}

/// Whether a header row names 应考人数, so that a table whose rows do not read is a head-count
/// table with problems, not one whose columns the user still has to map.
pub fn names_head_counts(header: Row) -> bool {
    header.iter().any(|cell| cell.contains("人数"))
}

/// What a roster table turned out to be, for the page to preview or map.
#[derive(Clone, Debug, PartialEq)]
pub enum RosterTable {
    /// Named people with every problem, to take whole or only the valid rows.
    Named(RosterDraft),
    /// A head-count table (单位 → 应考人数): the roster, or every problem.
    Headcounts(Result<Roster, Vec<RowProblem>>),
    /// Headers not recognised: the user picks the columns of the rows (header at `header`).
    Unmapped { rows: Arc<CellTable>, header: usize },
}

/// Sorts a roster table: the named columns when they are found, else a head-count table (one
/// that reads, or one whose header names 应考人数, with its problems), else the rows for the
/// column-mapping step; an error when the table has no rows.
pub fn sort_roster_table(rows: CellTable) -> Result<RosterTable, String> {
    if let Some((header, columns)) = find_roster_columns(&rows) {
        return Ok(RosterTable::Named(read_roster(&rows, header, columns)));
    }
    if let Ok(roster) = read_headcounts(&rows) {
        return Ok(RosterTable::Headcounts(Ok(roster)));
    }
    let header = guess_header_row(&rows).ok_or("文件是空的")?;
    if names_head_counts(rows.row(header)) {
        return Ok(RosterTable::Headcounts(read_headcounts(&rows)));
    }
    Ok(RosterTable::Unmapped {
        rows: Arc::new(rows),
        header,
    })
}

/// Reads a head-count table (单位 → 应考人数) when names are not collected.
pub fn read_headcounts(rows: &CellTable) -> Result<Roster, Vec<RowProblem>> {
    let found = rows
        .rows()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, row)| {
            Some((
                i,
                find_column(row, UNIT_HEADERS)?,
                find_column(row, COUNT_HEADERS)?,
            ))
        });
    let Some((header_row, unit_column, count_column)) = found else {
        return Err(vec![RowProblem {
            row: 1,
            column: "表头".into(),
            message: "找不到“单位”和“应考人数”两列".into(),
        }]);
    };
    let mut units = Vec::new();
    let mut problems = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::default();
    for (index, row) in rows.rows().enumerate().skip(header_row + 1) {
        let line = index + 1;
        let cell = |column: usize| row.get(column).map(normalize_cell).unwrap_or_default();
        let (unit, count) = (cell(unit_column), cell(count_column));
        if unit.is_empty() && count.is_empty() {
            continue;
        }
        let column = |c: usize| normalize_cell(rows.row(header_row).get(c).unwrap_or_default());
        if unit.is_empty() {
            problems.push(RowProblem {
                row: line,
                column: column(unit_column),
                message: "缺少单位".into(),
            });
            continue;
        }
        if let Some(first) = seen.insert(unit.clone(), line) {
            problems.push(RowProblem {
                row: line,
                column: column(unit_column),
                message: format!("单位“{unit}”与第 {first} 行重复"),
            });
            continue;
        }
        match count.parse::<usize>() {
            Ok(n) => units.push((unit, n)),
            Err(_) => problems.push(RowProblem {
                row: line,
                column: column(count_column),
                message: format!("“{count}”不是人数"),
            }),
        }
    }
    if problems.is_empty() {
        Ok(Roster::of_headcounts(units))
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(text: &str) -> CellTable {
        crate::core::formats::read_table(text.as_bytes()).unwrap()
    }

    #[test]
    fn csv_files_without_problems_are_taken_at_once() {
        let plain = "名单\n工号,姓名,单位\n1,张三,司法局\n\n2,李四,财政局\n";
        let Ok(Some(RosterRead::Taken(roster))) = read_roster_file(plain.as_bytes()) else {
            panic!("taken at once");
        };
        assert_eq!(roster.position("2"), Some(1));
        assert_eq!(roster.units().len(), 2);
        let repeated = "工号,姓名,单位\n1,张三,司法局\n1,李四,财政局\n";
        let Ok(Some(read @ RosterRead::Draft(_))) = read_roster_file(repeated.as_bytes()) else {
            panic!("a draft naming the problem");
        };
        let problems = read.accept_all().unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "第 3 行“工号”列：编号“1”与第 2 行重复"
        );
        assert_eq!(
            read_roster_file("单位,应考人数\n司法局,3\n".as_bytes()),
            Ok(None)
        );
    }

    #[test]
    fn header_is_found_below_title_rows_and_in_any_order() {
        let rows = table(
            "某县2026年度学法考试应考名单\n\n序号,单位名称,姓 名,职工号\n1,司法局,张三,SF001\n",
        );
        let (header, columns) = find_roster_columns(&rows).unwrap();
        assert_eq!(header, 2);
        assert_eq!(
            columns,
            RosterColumns {
                id: 3,
                name: 2,
                unit: 1
            }
        );
        let roster = read_roster(&rows, header, columns).accept_all().unwrap();
        assert_eq!(roster.person("SF001").unwrap().name, "张三");
    }

    #[test]
    fn unknown_headers_are_not_guessed() {
        assert_eq!(find_roster_columns(&table("名称,代码\n张三,1\n")), None);
    }

    #[test]
    fn unrecognised_headers_are_mapped_by_hand() {
        let rows =
            table("2026年应考人员\n\n科室,人员,代码,\n司法局,张三,A1,\n财政局,李四,A2,备注\n");
        assert_eq!(guess_header_row(&rows), Some(2));
        assert_eq!(
            column_titles(rows.row(2)),
            ["科室", "人员", "代码", "第 4 列"]
        );
        let chosen = RosterColumns {
            id: 2,
            name: 1,
            unit: 0,
        };
        let roster = read_roster(&rows, 2, chosen).accept_all().unwrap();
        assert_eq!(roster.person("A2").unwrap().unit, "财政局");
        assert_eq!(guess_header_row(&table("\n\n")), None);
    }

    #[test]
    fn cells_are_tidied_and_blank_rows_skipped() {
        let rows =
            table("工号,姓名,单位\n ＳＦ００１ ,\u{3000}张三 ,司法局\n,,\n\nSF002,李四,财政局\n");
        let draft = read_roster(&rows, 0, find_roster_columns(&rows).unwrap().1);
        assert!(draft.problems.is_empty());
        let ids: Vec<(usize, &str)> = draft
            .people
            .iter()
            .map(|(r, p)| (*r, p.id.as_str()))
            .collect();
        assert_eq!(ids, [(2, "SF001"), (5, "SF002")]);
        assert_eq!(draft.people[0].1.name, "张三");
    }

    #[test]
    fn every_bad_row_is_named_and_nothing_is_taken() {
        let rows = table("工号,姓名,单位\nSF001,张三,司法局\n,李四,司法局\nSF003,,财政局\nSF004,赵六,\nSF001,钱七,城关镇\n");
        let draft = read_roster(&rows, 0, find_roster_columns(&rows).unwrap().1);
        let problems = texts(&draft.problems);
        assert_eq!(
            problems,
            [
                "第 3 行“工号”列：缺少编号",
                "第 4 行“姓名”列：缺少姓名",
                "第 5 行“单位”列：缺少单位",
                "第 6 行“工号”列：编号“SF001”与第 2 行重复",
            ]
        );
        assert_eq!(draft.clone().accept_all().unwrap_err().len(), 4);
        let only_valid = draft.accept_valid();
        assert_eq!(only_valid.people().len(), 1, "only the chosen valid rows");
    }

    #[test]
    fn the_accepted_roster_finds_everyone_taken() {
        let clean = table("工号,姓名,单位\nA1,张三,司法局\nＡ2,李四,财政局\nA3,王五,司法局\n");
        let roster = read_roster(&clean, 0, find_roster_columns(&clean).unwrap().1)
            .accept_all()
            .unwrap();
        for (position, id) in ["A1", "A2", "A3"].iter().enumerate() {
            assert_eq!(roster.position(id), Some(position), "{id}");
        }
        assert_eq!(roster.position("A4"), None);
        // A row left out (no name) still holds its id for the duplicate check; the valid
        // rows are found in the roster taken from the rest.
        let rows = table("工号,姓名,单位\nA1,,司法局\nA2,李四,财政局\nA1,张三,司法局\nA2,赵六,城关镇\nA3,王五,司法局\n");
        let draft = read_roster(&rows, 0, find_roster_columns(&rows).unwrap().1);
        let problems = texts(&draft.problems);
        assert_eq!(
            problems,
            [
                "第 2 行“姓名”列：缺少姓名",
                "第 4 行“工号”列：编号“A1”与第 2 行重复",
                "第 5 行“工号”列：编号“A2”与第 3 行重复",
            ]
        );
        let roster = draft.accept_valid();
        assert_eq!(roster.position("A2"), Some(0));
        assert_eq!(roster.position("A3"), Some(1));
        assert_eq!(roster.position("A1"), None);
    }

    /// The problems as the page lists them.
    fn texts(problems: &[RowProblem]) -> Vec<String> {
        problems.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn a_roster_table_is_sorted_into_named_head_counts_or_to_be_mapped() {
        let sorted = |text: &str| sort_roster_table(table(text));
        assert!(matches!(
            sorted("工号,姓名,单位\nA1,张三,司法局\n"),
            Ok(RosterTable::Named(draft)) if draft.people.len() == 1
        ));
        assert!(matches!(
            sorted("单位,应考人数\n司法局,12\n"),
            Ok(RosterTable::Headcounts(Ok(roster))) if !roster.is_named()
        ));
        assert!(matches!(
            sorted("单位,应考人数\n司法局,十二\n"),
            Ok(RosterTable::Headcounts(Err(problems))) if problems.len() == 1
        ));
        assert!(matches!(
            sorted("说明\n编码,全名,部门\nA1,张三,司法局\n"),
            Ok(RosterTable::Unmapped { header: 1, .. })
        ));
        assert_eq!(sorted(""), Err("文件是空的".to_string()));
    }

    #[test]
    fn a_header_naming_head_counts_is_told_from_other_headers() {
        let rows = table("单位,应考人数\n单位,姓名,工号\n部门,人数\n");
        let named: Vec<bool> = rows.rows().map(names_head_counts).collect();
        assert_eq!(named, [true, false, true]);
    }

    #[test]
    fn head_count_tables_read_and_validate() {
        let roster = read_headcounts(&table("单位,应考人数\n司法局,12\n财政局,0\n")).unwrap();
        assert_eq!(
            roster.units(),
            [("司法局".to_string(), 12), ("财政局".to_string(), 0)]
        );
        let problems =
            read_headcounts(&table("单位,应考人数\n司法局,十二\n司法局,3\n")).unwrap_err();
        let problems = texts(&problems);
        assert_eq!(
            problems,
            [
                "第 2 行“应考人数”列：“十二”不是人数",
                "第 3 行“单位”列：单位“司法局”与第 2 行重复"
            ]
        );
    }
}
