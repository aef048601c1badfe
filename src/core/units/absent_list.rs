//! 未参考名单 as positions in the roster's people, which it shares: a province's list names
//! hundreds of thousands of people without copying them.

use std::sync::Arc;

use super::Person;

/// Named people without a result, in roster order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AbsentList {
    people: Arc<Vec<Person>>,
    positions: Vec<u32>,
}

impl AbsentList {
    /// The people of `people` whose flag in `sat` is false.
    pub(super) fn of(people: &Arc<Vec<Person>>, sat: &[bool]) -> AbsentList {
        let positions = sat
            .iter()
            .enumerate()
            .filter(|(_, &sat)| !sat)
            .map(|(i, _)| u32::try_from(i).expect("fewer than 2³² people"))
            .collect();
        AbsentList {
            people: Arc::clone(people),
            positions,
        }
    }

    /// How many people are absent.
    pub fn len(&self) -> usize {
        self.positions.len()
    }

    /// Whether nobody is absent.
    pub fn is_empty(&self) -> bool {
        self.positions.is_empty()
    }

    /// The absent people, in roster order.
    pub fn iter(&self) -> AbsentPeople<'_> {
        AbsentPeople {
            people: &self.people,
            positions: self.positions.iter(),
        }
    }
}

impl std::ops::Index<usize> for AbsentList {
    type Output = Person;

    fn index(&self, index: usize) -> &Person {
        &self.people[self.positions[index] as usize]
    }
}

impl<'a> IntoIterator for &'a AbsentList {
    type Item = &'a Person;
    type IntoIter = AbsentPeople<'a>;

    fn into_iter(self) -> AbsentPeople<'a> {
        self.iter()
    }
}

/// The people of an [`AbsentList`], in roster order.
pub struct AbsentPeople<'a> {
    people: &'a [Person],
    positions: std::slice::Iter<'a, u32>,
}

impl<'a> Iterator for AbsentPeople<'a> {
    type Item = &'a Person;

    fn next(&mut self) -> Option<&'a Person> {
        self.positions.next().map(|&i| &self.people[i as usize])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.positions.size_hint()
    }
}

impl ExactSizeIterator for AbsentPeople<'_> {}
