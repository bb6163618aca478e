//! Helpers shared by the end-to-end tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root.
pub fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `tripline` run in `dir`, without the result cache (so that no test leaves
/// a cache directory behind; the cache has tests of its own).
pub fn tripline(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("tripline").unwrap();
    command
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("TRIPLINE_NO_CACHE", "1");
    command
}
