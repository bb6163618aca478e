//! Writing a file so that a reader sees the old content or the new one,
//! never half of either: the result cache, the reports the CLI writes
//! (`--output`, `--sarif-output`...), which CI steps may read while another
//! run writes them, and the source files `--autofix` rewrites, which an
//! editor or a build may read at the same moment.

use std::fs::{self, Permissions};
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file (named `temp_prefix`
/// and random characters) in the same directory, renamed over `path` once
/// complete: a rename within one file system is atomic, a rename across
/// file systems would not be, hence the same directory. The temporary file
/// is removed if anything fails. There is no fsync: this guards against a
/// concurrent reader, not against a power cut, and costs no disk flush.
pub fn write_atomically(path: &Path, temp_prefix: &str, bytes: &[u8]) -> io::Result<()> {
    write_through_temp(path, temp_prefix, bytes, None)
}

/// Replaces the content of the existing file `path` as [`write_atomically`]
/// does, keeping what a rename would lose: the file's permissions, exactly
/// (an executable script stays executable, whatever the umask), and, when
/// `path` is a symbolic link, the link itself (its target is what gets the
/// new content). A read-only file is not written: read-only says "do not
/// change me", and a rename would change it all the same.
pub fn replace_atomically(path: &Path, temp_prefix: &str, bytes: &[u8]) -> io::Result<()> {
    let target = fs::canonicalize(path)?;
    let permissions = fs::metadata(&target)?.permissions();
    if permissions.readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    write_through_temp(&target, temp_prefix, bytes, Some(permissions))
}

/// The temporary file gets `keep`, or else is created like any file the
/// user creates: readable by others as the umask allows (tempfile's
/// default is private), so a cache or a report shared between users or CI
/// jobs works.
fn write_through_temp(
    path: &Path,
    temp_prefix: &str,
    bytes: &[u8],
    keep: Option<Permissions>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(temp_prefix);
    #[cfg(unix)]
    if keep.is_none() {
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    }
    let mut temp = builder.tempfile_in(dir)?;
    if let Some(permissions) = keep {
        temp.as_file().set_permissions(permissions)?;
    }
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

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions_and_its_symbolic_link() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("tool.py");
        fs::write(&script, "old").unwrap();
        // Group-writable: more than a common umask lets a new file have.
        fs::set_permissions(&script, Permissions::from_mode(0o775)).unwrap();
        let link = dir.path().join("link.py");
        std::os::unix::fs::symlink(&script, &link).unwrap();
        replace_atomically(&link, ".tmp-", b"new").unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&script).unwrap(), "new");
        let mode = fs::metadata(&script).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o775);
    }

    #[test]
    fn a_read_only_file_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("frozen.py");
        fs::write(&path, "old").unwrap();
        let mut permissions = fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions).unwrap();
        let err = replace_atomically(&path, ".tmp-", b"new").unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
    }
}
