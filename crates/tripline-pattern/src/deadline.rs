//! A time budget for matching, so that one pathological file (or pattern)
//! cannot hold up a scan.
//!
//! The budget is per thread: the engine sets it around one file's rules
//! with [`run_until`], and the matcher asks [`check`] at every step. Once
//! the deadline has passed, every match attempt fails at once, so the rule
//! being evaluated winds down quickly; the engine then drops that rule's
//! (incomplete) findings and reports the rules that did not finish.
//!
//! Reading the clock at every step would cost more than the step, so the
//! clock is read once every [`STEPS_PER_CLOCK_READ`] steps.

use std::cell::Cell;
use std::time::Instant;

/// Steps between two readings of the clock: a step is a pattern node
/// tried against a code node, well under a microsecond.
const STEPS_PER_CLOCK_READ: u32 = 1024;

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
    static STEPS_LEFT: Cell<u32> = const { Cell::new(STEPS_PER_CLOCK_READ) };
    static PASSED: Cell<bool> = const { Cell::new(false) };
}

/// Runs `work` with matching on this thread bounded by `deadline` (none:
/// unbounded), then restores the previous budget, even if `work` panics.
pub fn run_until<R>(deadline: Option<Instant>, work: impl FnOnce() -> R) -> R {
    struct Restore(Option<Instant>, bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            DEADLINE.set(self.0);
            PASSED.set(self.1);
            STEPS_LEFT.set(STEPS_PER_CLOCK_READ);
        }
    }
    let _restore = Restore(DEADLINE.replace(deadline), PASSED.replace(false));
    STEPS_LEFT.set(STEPS_PER_CLOCK_READ);
    work()
}

/// Whether the deadline has passed, counting one step of matching work.
#[inline]
pub fn check() -> bool {
    let left = STEPS_LEFT.get();
    if left > 0 {
        STEPS_LEFT.set(left - 1);
        return false;
    }
    // Once the deadline has passed, every step asks again (a flag, not the
    // clock), so that the work winds down at once.
    let passed = passed();
    if !passed {
        STEPS_LEFT.set(STEPS_PER_CLOCK_READ);
    }
    passed
}

/// Whether the deadline has passed (reads the clock).
pub fn passed() -> bool {
    if PASSED.get() {
        return true;
    }
    let passed = DEADLINE
        .get()
        .is_some_and(|deadline| Instant::now() >= deadline);
    PASSED.set(passed);
    passed
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_passed_deadline_is_seen_within_one_round_of_steps() {
        let past = Instant::now() - Duration::from_millis(1);
        run_until(Some(past), || {
            let steps = (0..=STEPS_PER_CLOCK_READ).take_while(|_| !check()).count();
            assert!(steps <= STEPS_PER_CLOCK_READ as usize);
            assert!((0..10).all(|_| check()) && passed());
        });
        // The budget is restored afterwards: unbounded again.
        assert!(!passed());
        assert!((0..10_000).all(|_| !check()));
    }

    #[test]
    fn no_deadline_never_passes() {
        run_until(None, || assert!((0..10_000).all(|_| !check()) && !passed()));
    }
}
