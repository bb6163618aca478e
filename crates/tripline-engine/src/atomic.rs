//! Writing a file so that a reader sees the old content or the new one,
//! never half of either: the result cache, and the reports the CLI writes
//! (`--output`, `--sarif-output`...), which CI steps may read while another
//! run writes them.

use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file (named `temp_prefix`
/// and random characters) in the same directory, renamed over `path` once
/// complete: a rename within one file system is atomic, a rename across
/// file systems would not be, hence the same directory. The temporary file
/// is removed if anything fails. There is no fsync: this guards against a
/// concurrent reader, not against a power cut, and costs no disk flush.
pub fn write_atomically(path: &Path, temp_prefix: &str, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(temp_prefix);
    // Readable like any file the user creates (tempfile's default is
    // private), so a cache or a report shared between users or CI jobs works.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut temp = builder.tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.persist(path).map_err(|err| err.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.sarif");
        fs::write(&path, "old").unwrap();
        write_atomically(&path, ".tmp-", b"new").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["report.sarif"]);
    }

    #[test]
    fn a_missing_directory_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/report.sarif");
        assert!(write_atomically(&path, ".tmp-", b"x").is_err());
    }
}
