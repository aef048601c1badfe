//! Finding a roster's person by staff id without a second copy of every id: a hash table of
//! positions in the people list, hashed and compared through the people themselves.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use super::Person;

/// Positions in a `[Person]`, by staff id; built for one list and only used with it.
#[derive(Clone, Debug, Default)]
pub(super) struct PeopleIndex {
    table: HashTable<u32>,
}

impl PeopleIndex {
    /// The index of `people`; of people sharing an id, the last one is found.
    pub(super) fn of(people: &[Person]) -> PeopleIndex {
        let mut table = HashTable::with_capacity(people.len());
        let hash = |person: &u32| hash_id(&people[*person as usize].id);
        for (position, person) in people.iter().enumerate() {
            let position = u32::try_from(position).expect("fewer than 2³² people");
            let id = person.id.as_str();
            let same = |p: &u32| people[*p as usize].id == id;
            match table.find_mut(hash_id(id), same) {
                Some(found) => *found = position,
                None => {
                    table.insert_unique(hash_id(id), position, hash);
                }
            }
        }
        PeopleIndex { table }
    }

    /// An index already built while the people were read: `table` holds each person's
    /// position in the list, hashed with [`hash_id`] of the person's id, ids unique.
    pub(super) fn of_table(table: HashTable<u32>) -> PeopleIndex {
        PeopleIndex { table }
    }

    /// How many people the index finds.
    pub(super) fn len(&self) -> usize {
        self.table.len()
    }

    /// The position in `people` (the list the index was built of) of the person with `id`.
    pub(super) fn find(&self, people: &[Person], id: &str) -> Option<usize> {
        self.table
            .find(hash_id(id), |p| people[*p as usize].id == id)
            .map(|&p| p as usize)
    }
}

/// The index is derived from the people, so two rosters with the same people have equal
/// indexes whatever their tables' layout.
impl PartialEq for PeopleIndex {
    fn eq(&self, other: &PeopleIndex) -> bool {
        self.table.len() == other.table.len()
    }
}

impl Eq for PeopleIndex {}

/// The hash the index finds an id by.
pub(super) fn hash_id(id: &str) -> u64 {
    FxBuildHasher.hash_one(id)
}
