//! Finding the Python files to scan.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use tripline_rule::PathFilter;

/// A file to scan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Target {
    /// The path as shown to the user (the argument joined with the walk).
    pub path: PathBuf,
    /// The path relative to the argument it was found under, for `paths:`
    /// filters (for a file named directly, the path as given).
    pub relative: PathBuf,
}

/// Which files a scan looks at, beyond the paths named.
#[derive(Debug, Default, Clone)]
pub struct DiscoveryOptions {
    /// `--include` / `--exclude`, over paths relative to the scanned directory.
    pub filter: PathFilter,
    /// `--follow`: follow symbolic links, wherever they point (loops are
    /// reported). Off by default, so a link cannot lead a scan out of the
    /// tree it was asked to scan.
    pub follow_links: bool,
}

/// Walks `roots`: directories respecting `.gitignore` and skipping hidden
/// entries and non-Python files; a file named directly is always scanned.
/// Symbolic links inside directories are not followed unless asked.
/// The result is sorted and free of repeats.
/// Paths that do not exist are returned as errors.
pub fn discover(
    roots: &[PathBuf],
    options: &DiscoveryOptions,
) -> (Vec<Target>, Vec<(PathBuf, String)>) {
    let mut targets = Vec::new();
    let mut errors = Vec::new();
    for root in roots {
        match std::fs::metadata(root) {
            Err(err) => errors.push((root.clone(), err.to_string())),
            Ok(meta) if meta.is_file() => targets.push(Target {
                path: root.clone(),
                relative: root.strip_prefix(".").unwrap_or(root).to_path_buf(),
            }),
            Ok(meta) if meta.is_dir() => walk(root, options, &mut targets, &mut errors),
            // Reading a FIFO would wait for a writer; a device, forever.
            Ok(_) => errors.push((
                root.clone(),
                "not a regular file or directory; not scanned".to_owned(),
            )),
        }
    }
    targets.sort();
    targets.dedup_by(|a, b| a.path == b.path);
    (targets, errors)
}

fn walk(
    root: &Path,
    options: &DiscoveryOptions,
    targets: &mut Vec<Target>,
    errors: &mut Vec<(PathBuf, String)>,
) {
    // A directory that `--exclude` matches is not entered: every file below
    // it would be excluded anyway (exclude globs match a path's components
    // and ancestors), and skipping it spares walking, say, a virtualenv.
    let exclude = options.filter.exclude.clone();
    let prune_root = root.to_path_buf();
    let walker = WalkBuilder::new(root)
        .follow_links(options.follow_links)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .require_git(false)
        .filter_entry(move |entry| {
            let Some(exclude) = &exclude else {
                return true;
            };
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            !(is_dir
                && entry.depth() > 0
                && exclude.matches(
                    entry
                        .path()
                        .strip_prefix(&prune_root)
                        .unwrap_or(entry.path()),
                ))
        })
        .build();
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err_path(&err).unwrap_or_else(|| root.to_path_buf());
                errors.push((path, err.to_string()));
                continue;
            }
        };
        let Some(file_type) = entry.file_type() else {
            continue;
        };
        if !is_python(entry.path()) || file_type.is_dir() || file_type.is_symlink() {
            continue;
        }
        if !file_type.is_file() {
            // A FIFO, socket or device named like Python: never opened.
            errors.push((
                entry.path().to_path_buf(),
                "not a regular file; not scanned".to_owned(),
            ));
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        if !options.filter.allows(&relative) {
            continue;
        }
        targets.push(Target {
            path: entry.path().to_path_buf(),
            relative,
        });
    }
}

fn err_path(err: &ignore::Error) -> Option<PathBuf> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.clone()),
        ignore::Error::Loop { child, .. } => Some(child.clone()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            err_path(err)
        }
        _ => None,
    }
}

fn is_python(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "py" || e == "pyi")
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn walks_python_files_respecting_gitignore_and_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("pkg/sub")).unwrap();
        std::fs::create_dir_all(root.join(".hidden")).unwrap();
        std::fs::create_dir_all(root.join("build")).unwrap();
        for file in [
            "a.py",
            "pkg/b.py",
            "pkg/sub/c.pyi",
            "pkg/readme.txt",
            ".hidden/d.py",
            "build/e.py",
        ] {
            std::fs::write(root.join(file), "x = 1\n").unwrap();
        }
        std::fs::write(root.join(".gitignore"), "build/\n").unwrap();
        let (targets, errors) = discover(&[root.to_path_buf()], &DiscoveryOptions::default());
        assert!(errors.is_empty());
        let found: Vec<String> = targets
            .iter()
            .map(|t| t.relative.display().to_string())
            .collect();
        assert_eq!(found, ["a.py", "pkg/b.py", "pkg/sub/c.pyi"]);
    }

    #[test]
    fn excluded_directories_are_not_entered() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for file in ["a.py", "venv/lib/b.py", "pkg/venv/c.py", "pkg/d.py"] {
            std::fs::create_dir_all(root.join(file).parent().unwrap()).unwrap();
            std::fs::write(root.join(file), "x = 1\n").unwrap();
        }
        // Entering `venv` would fail on a directory that cannot be listed
        // (unless the tests run as root, who can list anything).
        #[cfg(unix)]
        let locked = {
            use std::os::unix::fs::PermissionsExt;
            let locked = root.join("venv/locked");
            std::fs::create_dir(&locked).unwrap();
            std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
            locked
        };
        let options = DiscoveryOptions {
            filter: PathFilter {
                include: None,
                exclude: Some(tripline_rule::PathGlobs::new(&["venv"]).unwrap()),
            },
            ..DiscoveryOptions::default()
        };
        let (targets, errors) = discover(&[root.to_path_buf()], &options);
        assert!(errors.is_empty(), "{errors:?}");
        let found: Vec<String> = targets
            .iter()
            .map(|t| t.relative.display().to_string())
            .collect();
        assert_eq!(found, ["a.py", "pkg/d.py"]);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }

    /// A link out of the scanned tree is not followed unless asked; with
    /// `follow_links`, a loop is reported rather than walked forever.
    #[cfg(unix)]
    #[test]
    fn symbolic_links_are_followed_only_when_asked() {
        use std::os::unix::fs::symlink;
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.py"), "x = 1\n").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("pkg")).unwrap();
        std::fs::write(root.join("pkg/a.py"), "x = 1\n").unwrap();
        symlink(outside.path(), root.join("pkg/out")).unwrap();
        symlink(outside.path().join("secret.py"), root.join("linked.py")).unwrap();
        symlink(root.join("pkg"), root.join("pkg/loop")).unwrap();
        let found = |follow_links| {
            let options = DiscoveryOptions {
                follow_links,
                ..DiscoveryOptions::default()
            };
            let (targets, errors) = discover(&[root.to_path_buf()], &options);
            let found: Vec<String> = targets
                .iter()
                .map(|t| t.relative.display().to_string())
                .collect();
            (found, errors)
        };
        let (by_default, errors) = found(false);
        assert_eq!(by_default, ["pkg/a.py"]);
        assert!(errors.is_empty(), "{errors:?}");
        let (following, errors) = found(true);
        assert_eq!(following, ["linked.py", "pkg/a.py", "pkg/out/secret.py"]);
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].1.contains("loop"), "{errors:?}");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_named_directly_is_reported_not_opened() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.py");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let (targets, errors) = discover(std::slice::from_ref(&fifo), &DiscoveryOptions::default());
        assert!(targets.is_empty());
        assert_eq!(
            errors,
            [(
                fifo,
                "not a regular file or directory; not scanned".to_owned()
            )]
        );
        let (targets, errors) = discover(&[dir.path().to_path_buf()], &DiscoveryOptions::default());
        assert!(targets.is_empty());
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].1, "not a regular file; not scanned");
    }

    #[test]
    fn a_file_named_directly_is_always_scanned() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("script");
        std::fs::write(&file, "x = 1\n").unwrap();
        let (targets, _) = discover(std::slice::from_ref(&file), &DiscoveryOptions::default());
        assert_eq!(targets[0].path, file);
    }

    #[test]
    fn missing_paths_are_errors() {
        let (targets, errors) = discover(
            &[PathBuf::from("/no/such/path")],
            &DiscoveryOptions::default(),
        );
        assert!(targets.is_empty());
        assert_eq!(errors.len(), 1);
    }
}
