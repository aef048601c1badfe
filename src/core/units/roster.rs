//! The roster (应考名单): who should sit an exam, with their unit.

use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use serde::{Deserialize, Serialize};

use super::people_index::PeopleIndex;

/// One person expected to sit: staff id (工号), name and unit (单位).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: Text,
    pub name: Text,
    pub unit: Text,
}

/// A short text of a person or result row (id, name, unit), read as a `&str`. Natively it is
/// kept inline up to 24 bytes, so a million-row report's people are not millions of separate
/// allocations; in the browser it is a `String` (a county's rows, and no extra code in the
/// wasm, whose learner's app reads the stored roster for backups).
#[cfg(not(target_arch = "wasm32"))]
pub type Text = compact_str::CompactString;
/// A short text of a person or result row (id, name, unit), read as a `&str`.
#[cfg(target_arch = "wasm32")]
pub type Text = String;

/// Who should sit, per unit: named people, or only a head count per unit when names are
/// not collected.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roster {
    /// Shared with the reports' 未参考名单, which name people by position.
    people: Arc<Vec<Person>>,
    headcounts: Vec<(String, usize)>,
    /// Named people only: each person's position in `people`, found by staff id.
    index: PeopleIndex,
    /// Named people only: each person's unit as a position in `units`.
    unit_of: Vec<u32>,
    /// Named people only: every unit with its 应考人数, in order of first appearance.
    units: Vec<(String, usize)>,
}

impl Roster {
    /// A roster of named people (ids are unique; validation happens at import).
    pub fn of_people(people: Vec<Person>) -> Roster {
        let index = PeopleIndex::of(&people);
        Roster::of_indexed_people(people, index)
    }

    /// [`Roster::of_people`] with the people's index already built (by the roster import).
    pub(super) fn of_indexed_people(people: Vec<Person>, index: PeopleIndex) -> Roster {
        let mut units: Vec<(String, usize)> = Vec::new();
        let mut unit_of = Vec::with_capacity(people.len());
        let mut position: HashMap<&str, u32> = HashMap::default();
        for person in &people {
            let unit = *position.entry(&person.unit).or_insert_with(|| {
                units.push((person.unit.to_string(), 0));
                u32::try_from(units.len() - 1).expect("fewer than 2³² units")
            });
            units[unit as usize].1 += 1;
            unit_of.push(unit);
        }
        Roster {
            people: Arc::new(people),
            headcounts: Vec::new(),
            index,
            unit_of,
            units,
        }
    }

    /// A roster that only knows how many should sit in each unit (应考人数).
    pub fn of_headcounts(headcounts: Vec<(String, usize)>) -> Roster {
        Roster {
            headcounts,
            ..Roster::default()
        }
    }

    /// The named people, in roster order (empty for a head-count roster).
    pub fn people(&self) -> &[Person] {
        &self.people
    }

    /// The named people, shared (for lists that name them by position).
    pub(super) fn shared_people(&self) -> &Arc<Vec<Person>> {
        &self.people
    }

    /// The person with this staff id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.position(id).map(|i| &self.people[i])
    }

    /// Where the person with this staff id is in [`Roster::people`].
    pub fn position(&self, id: &str) -> Option<usize> {
        self.index.find(&self.people, id)
    }

    /// The unit of the person at `position` in [`Roster::people`], as a position in
    /// [`Roster::units`].
    pub fn unit_position(&self, position: usize) -> usize {
        self.unit_of[position] as usize
    }

    /// Whether the roster names people (rather than only counting them per unit).
    pub fn is_named(&self) -> bool {
        self.headcounts.is_empty()
    }

    /// Every unit with its 应考人数, in order of first appearance.
    pub fn units(&self) -> Vec<(String, usize)> {
        if self.is_named() {
            self.units.clone()
        } else {
            self.headcounts.clone()
        }
    }
}

/// A person named 姓名<id> in a unit, for the core's tests.
#[cfg(test)]
pub(crate) fn test_person(id: &str, unit: &str) -> Person {
    Person {
        id: id.into(),
        name: format!("姓名{id}").into(),
        unit: unit.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use test_person as person;

    #[test]
    fn units_are_counted_in_order_of_appearance() {
        let roster = Roster::of_people(vec![
            person("1", "司法局"),
            person("2", "财政局"),
            person("3", "司法局"),
        ]);
        assert_eq!(
            roster.units(),
            vec![("司法局".to_string(), 2), ("财政局".to_string(), 1)]
        );
        assert_eq!(roster.person("2").unwrap().unit, "财政局");
        assert!(roster.person("9").is_none());
    }

    #[test]
    fn head_count_rosters_know_units_but_no_people() {
        let roster = Roster::of_headcounts(vec![("城关镇".into(), 120), ("教育局".into(), 0)]);
        assert!(!roster.is_named());
        assert!(roster.people().is_empty());
        assert_eq!(roster.units()[1], ("教育局".to_string(), 0));
    }
}
