//! What a rule's text compiles to, kept for the life of the process.
//!
//! Rules repeat themselves: the 15 shipped taint rules share one block of
//! sources, and a third of the shipped rules' pattern texts occur more than
//! once. Compiling each text once makes loading the rules cheaper, which
//! is most of a warm re-scan's work. A long-lived process (`tripline lsp`,
//! recompiling rules as they are edited) would gather every text it ever
//! saw, so a full memo starts again empty.

use std::collections::HashMap;
use std::sync::{Mutex, PoisonError};

/// Texts a memo holds before it is emptied: several times the shipped
/// ruleset's.
const CAPACITY: usize = 20_000;

/// Compiled values by the text they were compiled from.
pub struct Memo<T> {
    compiled: Mutex<Option<HashMap<String, T>>>,
}

impl<T: Clone> Default for Memo<T> {
    fn default() -> Self {
        Memo::new()
    }
}

impl<T: Clone> Memo<T> {
    pub const fn new() -> Self {
        Memo {
            compiled: Mutex::new(None),
        }
    }

    /// What `text` compiles to: `compile(text)` the first time (outside
    /// the lock, so that threads loading rules do not wait on each other),
    /// a clone of it after, if `keep` says the value may be kept.
    pub fn get_or_compile(
        &self,
        text: &str,
        compile: impl FnOnce(&str) -> T,
        keep: impl FnOnce(&T) -> bool,
    ) -> T {
        let lock = || self.compiled.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(known) = lock().as_ref().and_then(|map| map.get(text)) {
            return known.clone();
        }
        let value = compile(text);
        if keep(&value) {
            let mut guard = lock();
            let map = guard.get_or_insert_with(HashMap::new);
            if map.len() >= CAPACITY {
                map.clear();
            }
            map.insert(text.to_owned(), value.clone());
        }
        value
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use super::*;

    #[test]
    fn each_text_is_compiled_once_and_failures_when_asked() {
        let memo: Memo<Result<usize, ()>> = Memo::new();
        let calls = Cell::new(0);
        let compile = |text: &str| {
            calls.set(calls.get() + 1);
            if text.is_empty() {
                Err(())
            } else {
                Ok(text.len())
            }
        };
        assert_eq!(memo.get_or_compile("abc", compile, |_| true), Ok(3));
        assert_eq!(memo.get_or_compile("abc", compile, |_| true), Ok(3));
        assert_eq!(calls.get(), 1);
        assert_eq!(memo.get_or_compile("", compile, Result::is_ok), Err(()));
        assert_eq!(memo.get_or_compile("", compile, Result::is_ok), Err(()));
        assert_eq!(calls.get(), 3);
    }

    #[test]
    fn a_full_memo_starts_again() {
        let memo: Memo<usize> = Memo::new();
        for n in 0..CAPACITY + 1 {
            memo.get_or_compile(&n.to_string(), |t| t.len(), |_| true);
        }
        let held = memo
            .compiled
            .lock()
            .unwrap()
            .as_ref()
            .map_or(0, HashMap::len);
        assert_eq!(held, 1);
    }
}
