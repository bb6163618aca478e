//! Fuzz target `condition`: see `check_condition` in `fuzz/src/lib.rs` for what it
//! feeds tripline and which invariants it asserts.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    tripline_fuzz::on_worker_stack(data, tripline_fuzz::check_condition);
});
