//! Building a large roster's table of positions by id after reading, ids inserted in the
//! order of the table's buckets rather than of the rows: the inserts then walk the table
//! instead of missing the cache each time (1M ids: a 2 MB table of control bytes and 8 MB
//! of positions).

use hashbrown::hash_table::{Entry, HashTable};

use super::grouped_order::grouped_order;

/// How many ranges of buckets the ids are grouped by before inserting.
const RANGES: usize = 4096;

/// The positions `0..hashes.len()` of people whose ids hash to `hashes` (with
/// [`hash_id`](super::people_index::hash_id)) and read as `id(position)`, by id; `None`
/// when two people share an id.
pub(super) fn unique_id_table<'a>(
    hashes: &[u64],
    id: impl Fn(u32) -> &'a str,
) -> Option<HashTable<u32>> {
    let mut table = HashTable::with_capacity(hashes.len());
    for position in in_bucket_order(hashes) {
        let found = |&other: &u32| id(other) == id(position);
        let rehash = |&other: &u32| hashes[other as usize];
        match table.entry(hashes[position as usize], found, rehash) {
            Entry::Occupied(_) => return None,
            Entry::Vacant(vacant) => {
                vacant.insert(position);
            }
        }
    }
    Some(table)
}

/// The positions of `hashes` grouped by the range of buckets their hash falls in, in a table
/// of that many entries (a hash's bucket is its low bits); in order within a range.
fn in_bucket_order(hashes: &[u64]) -> Vec<u32> {
    // As hashbrown sizes a table: room for 8/7 of the entries, a power of two.
    let buckets = (hashes.len() * 8 / 7).next_power_of_two().max(RANGES);
    let shift = (buckets / RANGES).trailing_zeros();
    let range = |hash: u64| (hash as usize & (buckets - 1)) >> shift;
    grouped_order(hashes.len(), RANGES, |position| range(hashes[position])).0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::units::people_index::hash_id;

    #[test]
    fn every_id_is_found_at_its_position_unless_one_repeats() {
        let ids: Vec<String> = (0..20_000).map(|i| format!("GD{i:07}")).collect();
        let hashes: Vec<u64> = ids.iter().map(|id| hash_id(id)).collect();
        let table = unique_id_table(&hashes, |p| &ids[p as usize]).unwrap();
        assert_eq!(table.len(), ids.len());
        for (position, id) in ids.iter().enumerate() {
            let found = table.find(hash_id(id), |&p| ids[p as usize] == *id);
            assert_eq!(found, Some(&(position as u32)));
        }
        for repeated in [0, 1, 9_999, 19_999] {
            let mut ids = ids.clone();
            ids.push(ids[repeated].clone());
            let hashes: Vec<u64> = ids.iter().map(|id| hash_id(id)).collect();
            assert!(unique_id_table(&hashes, |p| &ids[p as usize]).is_none());
        }
        assert_eq!(unique_id_table(&[], |_| "").map(|t| t.len()), Some(0));
    }

    #[test]
    fn positions_are_grouped_by_bucket_range_in_order() {
        let hashes: Vec<u64> = (0..50_000u64)
            .map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15))
            .collect();
        let order = in_bucket_order(&hashes);
        let mut sorted = order.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50_000).collect::<Vec<u32>>());
        let buckets = (hashes.len() * 8 / 7).next_power_of_two().max(RANGES);
        let range = |p: &u32| (hashes[*p as usize] as usize & (buckets - 1)) * RANGES / buckets;
        assert!(order
            .windows(2)
            .all(|w| (range(&w[0]), w[0]) < (range(&w[1]), w[1])));
    }
}
