//! Which of a list of byte ranges contain, or lie inside, a given range.
//!
//! `pattern-inside`, `pattern-not` and friends relate every candidate to
//! every match of another pattern. Comparing all pairs is quadratic: a
//! file of 20,000 `eval(input())` lines took seconds. [`RangeIndex`]
//! answers each question in time proportional to the answer (times a
//! logarithm), by sorting the ranges by start and keeping, over that
//! order, a tree of the largest and smallest end of each span.

use std::ops::Range;

/// Below this many pairs a plain scan is cheaper than building an index.
const PAIRS_WORTH_AN_INDEX: usize = 1024;

/// How a range relates to the ranges of the index that are asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Related {
    /// Ranges that contain the range asked about (equal ones included).
    Containing,
    /// Ranges that contain it or lie inside it.
    ContainingOrInside,
}

/// The ranges of a list, ready for containment questions.
pub struct RangeIndex<'a> {
    ranges: Vec<&'a Range<usize>>,
    /// Positions in `ranges`, ordered by start; `None` for a short list,
    /// which is scanned instead.
    sorted: Option<Sorted>,
}

struct Sorted {
    order: Vec<u32>,
    starts: Vec<usize>,
    /// Over `order`: a segment tree (leaves from `leaves`) of the largest
    /// and smallest end in each span.
    max_end: Vec<usize>,
    min_end: Vec<usize>,
    leaves: usize,
}

impl<'a> RangeIndex<'a> {
    /// An index over `ranges` that will be asked about `questions` ranges.
    pub fn new(ranges: Vec<&'a Range<usize>>, questions: usize) -> Self {
        let sorted = (ranges.len().saturating_mul(questions) > PAIRS_WORTH_AN_INDEX)
            .then(|| Sorted::new(&ranges));
        RangeIndex { ranges, sorted }
    }

    /// The positions (in the order the ranges were given) of the ranges
    /// that relate to `range` as asked.
    pub fn related(&self, range: &Range<usize>, related: Related) -> Vec<usize> {
        let wanted = |other: &Range<usize>| {
            contains(other, range)
                || (related == Related::ContainingOrInside && contains(range, other))
        };
        let Some(sorted) = &self.sorted else {
            return (0..self.ranges.len())
                .filter(|&i| wanted(self.ranges[i]))
                .collect();
        };
        let mut found = Vec::new();
        // Containing: starts at or before `range.start`, ends at or after
        // `range.end`.
        let before = sorted.starts.partition_point(|&s| s <= range.start);
        sorted.visit(0..before, &|max, _| max >= range.end, &mut |i| {
            found.push(i);
        });
        if related == Related::ContainingOrInside {
            // Inside: starts within `range`, ends at or before its end.
            let first = sorted.starts.partition_point(|&s| s < range.start);
            let last = sorted.starts.partition_point(|&s| s <= range.end);
            sorted.visit(first..last, &|_, min| min <= range.end, &mut |i| {
                found.push(i);
            });
        }
        let mut found: Vec<usize> = found
            .into_iter()
            .map(|i| sorted.order[i] as usize)
            .filter(|&i| wanted(self.ranges[i]))
            .collect();
        found.sort_unstable();
        found.dedup();
        found
    }
}

impl Sorted {
    fn new(ranges: &[&Range<usize>]) -> Self {
        let mut order: Vec<u32> = (0..ranges.len())
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect();
        order.sort_by_key(|&i| ranges[i as usize].start);
        let starts = order.iter().map(|&i| ranges[i as usize].start).collect();
        let leaves = order.len().next_power_of_two();
        let mut max_end = vec![0; 2 * leaves];
        let mut min_end = vec![usize::MAX; 2 * leaves];
        for (slot, &i) in order.iter().enumerate() {
            max_end[leaves + slot] = ranges[i as usize].end;
            min_end[leaves + slot] = ranges[i as usize].end;
        }
        for node in (1..leaves).rev() {
            max_end[node] = max_end[2 * node].max(max_end[2 * node + 1]);
            min_end[node] = min_end[2 * node].min(min_end[2 * node + 1]);
        }
        Sorted {
            order,
            starts,
            max_end,
            min_end,
            leaves,
        }
    }

    /// Calls `found` with each position of `span` (in start order) whose
    /// tree spans `promising(max end, min end)` does not rule out. The
    /// stack holds at most two nodes per level, so any list size is fine.
    fn visit(
        &self,
        span: Range<usize>,
        promising: &dyn Fn(usize, usize) -> bool,
        found: &mut dyn FnMut(usize),
    ) {
        // (tree node, the positions it covers)
        let mut stack = vec![(1, 0..self.leaves)];
        while let Some((node, covers)) = stack.pop() {
            if covers.end <= span.start
                || span.end <= covers.start
                || !promising(self.max_end[node], self.min_end[node])
            {
                continue;
            }
            if covers.len() == 1 {
                found(covers.start);
                continue;
            }
            let middle = covers.start + covers.len() / 2;
            stack.push((2 * node + 1, middle..covers.end));
            stack.push((2 * node, covers.start..middle));
        }
    }
}

/// Whether `outer` contains `inner` (equal ranges included).
pub fn contains(outer: &Range<usize>, inner: &Range<usize>) -> bool {
    outer.start <= inner.start && inner.end <= outer.end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index and a plain scan agree on every question, for ranges that
    /// nest, overlap, touch and repeat.
    #[test]
    fn index_agrees_with_a_scan() {
        let mut ranges = Vec::new();
        for start in 0..40 {
            for length in [0, 1, 3, 7, 40] {
                ranges.push(start..start + length);
            }
        }
        ranges.push(0..1000);
        ranges.push(5..6);
        let refs: Vec<&Range<usize>> = ranges.iter().collect();
        let indexed = RangeIndex::new(refs.clone(), usize::MAX);
        let scanned = RangeIndex::new(refs, 0);
        assert!(indexed.sorted.is_some() && scanned.sorted.is_none());
        for question in [0..0, 3..9, 10..11, 0..1000, 39..80, 2..2, 100..200] {
            for related in [Related::Containing, Related::ContainingOrInside] {
                let expected = scanned.related(&question, related);
                assert_eq!(
                    indexed.related(&question, related),
                    expected,
                    "{question:?} {related:?}"
                );
            }
        }
        assert_eq!(
            indexed.related(&(100..200), Related::Containing),
            [ranges.len() - 2]
        );
    }

    #[test]
    fn containing_or_inside_finds_both_sides() {
        let ranges = [0..10, 2..4, 3..5, 12..14];
        let refs: Vec<&Range<usize>> = ranges.iter().collect();
        let index = RangeIndex::new(refs, usize::MAX);
        assert_eq!(index.related(&(2..5), Related::Containing), [0]);
        assert_eq!(
            index.related(&(2..5), Related::ContainingOrInside),
            [0, 1, 2]
        );
    }
}
