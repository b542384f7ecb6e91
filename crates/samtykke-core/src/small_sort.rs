//! A stable insertion sort for the short lists the core orders (config problems, categories,
//! cookie names). The standard library's sorts are fast on long slices but each element type
//! gets its own copy of them; in the wasm that came to about 15 kB for three call sites.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping the order of equal items. Quadratic: short lists only.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && compare(&items[j - 1], &items[j]) == Ordering::Greater {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    #[test]
    fn sorts_and_keeps_equal_keys_in_their_order() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by(&mut items, |a, b| a.0.cmp(&b.0));
        assert_eq!(
            items,
            vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut empty: Vec<u8> = vec![];
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort_by(&mut one, i32::cmp);
        assert_eq!(one, vec![7]);
    }
}
