//! Positions grouped by a small key in one counting pass (a counting sort): for large lists
//! whose keys are few, where a comparison sort would be the slow part.

/// The positions `0..len` grouped by `key(position)` (below `groups`), in position order
/// within a group, and where each group starts: group `g` is `order[starts[g]..starts[g + 1]]`.
pub(super) fn grouped_order(
    len: usize,
    groups: usize,
    key: impl Fn(usize) -> usize,
) -> (Vec<u32>, Vec<usize>) {
    let mut starts = vec![0; groups + 1];
    for position in 0..len {
        starts[key(position) + 1] += 1;
    }
    for group in 1..starts.len() {
        starts[group] += starts[group - 1];
    }
    let mut next = starts.clone();
    let mut order = vec![0u32; len];
    for position in 0..len {
        let next = &mut next[key(position)];
        order[*next] = u32::try_from(position).expect("fewer than 2³² positions");
        *next += 1;
    }
    (order, starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_are_grouped_in_order_within_each_group() {
        let keys = [2, 0, 2, 1, 0, 2, 3];
        let (order, starts) = grouped_order(keys.len(), 5, |p| keys[p]);
        assert_eq!(order, [1, 4, 3, 0, 2, 5, 6]);
        assert_eq!(starts, [0, 2, 3, 6, 7, 7]);
        let (order, starts) = grouped_order(0, 3, |_| 0);
        assert!(order.is_empty());
        assert_eq!(starts, [0, 0, 0, 0]);
    }
}
