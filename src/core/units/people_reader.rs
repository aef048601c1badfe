//! Taking roster people from rows one at a time (below the header, columns chosen): tidying
//! their cells, naming each problem by row and column, and finding repeated ids with the
//! table that becomes the roster's index. Rows may come from a kept table or straight from
//! a CSV file's text.

use std::borrow::Cow;

use hashbrown::hash_table::{Entry, HashTable};

use super::id_table::unique_id_table;
use super::people_index::{hash_id, PeopleIndex};
use super::{Person, Roster, RosterColumns, RosterDraft, RowProblem, Text};
use crate::core::formats::{normalize_cell, tidy_cell, Row};

/// Marks a value of the id table as a position in `left_out` rather than in `people`.
const LEFT_OUT: u32 = 1 << 31;

/// A roster draft being read, row by row.
pub(super) struct PeopleReader {
    columns: RosterColumns,
    /// The id, name and unit columns' titles, for the problems.
    titles: [String; 3],
    people: Vec<(usize, Person)>,
    problems: Vec<RowProblem>,
    /// The first row of each id: a valid person's position in `people`, or (with
    /// `LEFT_OUT`) a position in `left_out`, the rows with an id that were not taken. When
    /// every row with an id is taken, the table is the roster's index.
    first_row_of: HashTable<u32>,
    left_out: Vec<(usize, Text)>,
    /// For a reader that looks for repeated ids only after reading (see
    /// [`Self::ids_checked_last`]): the hashes of the people's ids, instead of `first_row_of`.
    id_hashes: Option<Vec<u64>>,
    /// That reader's people, without their rows (it names no row of a person).
    taken: Vec<Person>,
}

impl PeopleReader {
    /// A reader of the rows below `header` with the given columns, with room for `rows`.
    pub(super) fn new(header: Row, columns: RosterColumns, rows: usize) -> PeopleReader {
        let title = |column: usize| {
            header
                .get(column)
                .map(normalize_cell)
                .filter(|c| !c.is_empty())
                .unwrap_or_else(|| format!("第 {} 列", column + 1))
        };
        PeopleReader {
            columns,
            titles: [title(columns.id), title(columns.name), title(columns.unit)],
            people: Vec::with_capacity(rows),
            problems: Vec::new(),
            first_row_of: HashTable::with_capacity(rows),
            left_out: Vec::new(),
            id_hashes: None,
            taken: Vec::new(),
        }
    }

    /// A reader for rows that are expected to be a valid roster, which looks for repeated
    /// ids only in [`Self::finish_plain`], when it builds the roster's index (faster for a
    /// large roster: see `id_table`); its problems name no repeated id, and it keeps no row
    /// numbers of people.
    pub(super) fn ids_checked_last(header: Row, columns: RosterColumns, rows: usize) -> Self {
        let mut reader = PeopleReader::new(header, columns, 0);
        reader.taken.reserve(rows);
        reader.id_hashes = Some(Vec::with_capacity(rows));
        reader
    }

    /// Takes row `line` (1-based, as the file numbers it); blank rows are skipped.
    pub(super) fn add(&mut self, line: usize, row: Row) {
        // Tidying never empties a cell that is not blank (U+3000 and U+00A0 are whitespace).
        if row.iter().all(|cell| cell.trim().is_empty()) {
            return;
        }
        let columns = self.columns;
        let cell = |column: usize| row.get(column).map_or(Cow::Borrowed(""), |c| tidy_cell(c));
        let (id, name, unit) = (cell(columns.id), cell(columns.name), cell(columns.unit));
        let taken = !name.is_empty() && !unit.is_empty();
        let before = if id.is_empty() {
            None
        } else if let Some(hashes) = &mut self.id_hashes {
            if taken {
                hashes.push(hash_id(&id));
            }
            None
        } else {
            self.first_row(&id, line, taken)
        };
        let mut problem = |title: usize, message: String| {
            self.problems.push(RowProblem {
                row: line,
                column: self.titles[title].clone(),
                message,
            })
        };
        if id.is_empty() {
            problem(0, "缺少编号".into());
        } else if let Some(first) = before {
            problem(0, format!("编号“{id}”与第 {first} 行重复"));
        }
        if name.is_empty() {
            problem(1, "缺少姓名".into());
        }
        if unit.is_empty() {
            problem(2, "缺少单位".into());
        }
        if taken && !id.is_empty() && before.is_none() {
            let person = Person {
                id: id.into(),
                name: name.into(),
                unit: unit.into(),
            };
            if self.id_hashes.is_some() {
                self.taken.push(person);
            } else {
                self.people.push((line, person));
            }
        }
    }

    /// The row `id` was first seen on, or `None` after noting `line` as its first row
    /// (`taken`: the row becomes the next person).
    fn first_row(&mut self, id: &str, line: usize, taken: bool) -> Option<usize> {
        let (people, left_out) = (&self.people, &self.left_out);
        // The row and id a value of the table stands for.
        let row_and_id = |first: u32| match first & LEFT_OUT {
            0 => {
                let (row, person) = &people[first as usize];
                (*row, person.id.as_str())
            }
            _ => {
                let (row, id) = &left_out[(first & !LEFT_OUT) as usize];
                (*row, id.as_str())
            }
        };
        let same = |&first: &u32| row_and_id(first).1 == id;
        let rehash = |&first: &u32| hash_id(row_and_id(first).1);
        match self.first_row_of.entry(hash_id(id), same, rehash) {
            Entry::Occupied(first) => Some(row_and_id(*first.get()).0),
            Entry::Vacant(vacant) => {
                let first = if taken { people.len() } else { left_out.len() };
                let first = u32::try_from(first).expect("fewer than 2³¹ rows");
                assert!(first < LEFT_OUT, "fewer than 2³¹ rows");
                vacant.insert(if taken { first } else { first | LEFT_OUT });
                if !taken {
                    self.left_out.push((line, id.into()));
                }
                None
            }
        }
    }

    /// The roster of a reader made by [`Self::ids_checked_last`] when every row was taken
    /// and no id repeats (with the index); `None` otherwise, for the rows to be read again by
    /// a reader that names each problem.
    pub(super) fn finish_plain(self) -> Option<Roster> {
        let hashes = self.id_hashes.as_ref()?;
        if !self.problems.is_empty() {
            return None;
        }
        let people = &self.taken;
        let index = unique_id_table(hashes, |p| people[p as usize].id.as_str())?;
        Some(Roster::of_indexed_people(
            self.taken,
            PeopleIndex::of_table(index),
        ))
    }

    /// The draft: the people taken, every problem, and the index when it is one.
    pub(super) fn finish(self) -> RosterDraft {
        let index = if self.left_out.is_empty() {
            PeopleIndex::of_table(self.first_row_of)
        } else {
            PeopleIndex::default()
        };
        RosterDraft::of_read(self.people, self.problems, index)
    }
}
