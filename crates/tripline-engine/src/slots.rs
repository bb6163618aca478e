//! Values computed on first use, by dense index, whose storage is
//! allocated in chunks when first touched.
//!
//! A file's [`LazyMatches`](crate::matches::LazyMatches) has a slot for
//! every pattern and shared formula of the rule set (thousands), and so
//! does each scope inside a metavariable (`metavariable-pattern`), of which
//! a file can have thousands; such a scope touches a few slots. Allocating
//! and dropping every slot per scope cost more than matching in it.

use std::cell::OnceCell;

/// Slots per chunk.
const CHUNK: usize = 32;

/// A chunk of slots, allocated when one of them is first touched.
type Chunk<T> = OnceCell<Box<[OnceCell<T>; CHUNK]>>;

pub struct Slots<T> {
    chunks: Box<[Chunk<T>]>,
}

impl<T> Slots<T> {
    pub fn new(count: usize) -> Self {
        Slots {
            chunks: (0..count.div_ceil(CHUNK))
                .map(|_| OnceCell::new())
                .collect(),
        }
    }

    /// The value of slot `index`, computed by `init` if it is not known.
    pub fn get_or_init(&self, index: usize, init: impl FnOnce() -> T) -> &T {
        let chunk = self.chunks[index / CHUNK]
            .get_or_init(|| Box::new(std::array::from_fn(|_| OnceCell::new())));
        chunk[index % CHUNK].get_or_init(init)
    }

    /// The value of slot `index`, if it is known.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.chunks[index / CHUNK].get()?[index % CHUNK].get()
    }

    /// As many slots, all empty.
    pub fn empty_like(&self) -> Self {
        Slots {
            chunks: self.chunks.iter().map(|_| OnceCell::new()).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_computed_once_and_kept_apart() {
        let slots: Slots<String> = Slots::new(100);
        assert_eq!(slots.get(70), None);
        assert_eq!(slots.get_or_init(70, || "seventy".into()), "seventy");
        assert_eq!(slots.get_or_init(70, || unreachable!()), "seventy");
        assert_eq!(slots.get(71), None);
        assert_eq!(slots.get_or_init(99, || "last".into()), "last");
        assert_eq!(slots.get(70).map(String::as_str), Some("seventy"));
        assert_eq!(slots.empty_like().get(70), None);
    }
}
