//! Path globs with .gitignore-like meaning, shared by a rule's `paths:` and
//! the CLI's `--include` / `--exclude`:
//!
//! - a glob without `/` matches any file or directory name at any depth
//!   (`tests`, `test_*.py`);
//! - a glob with `/` matches a path relative to the scanned root at any
//!   depth (`app/views.py`, `src/*.py`), or only at the root when it starts
//!   with `/` (`/src/legacy`); `*` does not cross `/`, `**` does;
//! - a glob that names a directory also matches everything below it;
//! - a trailing `/` is ignored.

use std::path::Path;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

/// A set of path globs.
#[derive(Debug, Clone)]
pub struct PathGlobs {
    /// Globs without `/`, matched against each path component.
    names: GlobSet,
    /// Globs with `/`, matched against the path and each of its ancestors.
    paths: GlobSet,
}

/// A glob that does not compile: which one, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GlobError {
    pub index: usize,
    pub message: String,
}

impl PathGlobs {
    pub fn new<S: AsRef<str>>(globs: &[S]) -> Result<PathGlobs, GlobError> {
        let mut names = GlobSetBuilder::new();
        let mut paths = GlobSetBuilder::new();
        for (index, glob) in globs.iter().enumerate() {
            let glob = glob.as_ref().trim_end_matches('/');
            let (target, text) = match glob.strip_prefix('/') {
                Some(anchored) => (&mut paths, anchored.to_owned()),
                None if glob.contains('/') => (&mut paths, format!("**/{glob}")),
                None => (&mut names, glob.to_owned()),
            };
            let compiled = GlobBuilder::new(&text)
                .literal_separator(true)
                .build()
                .map_err(|err| GlobError {
                    index,
                    message: err.kind().to_string(),
                })?;
            target.add(compiled);
        }
        let build = |builder: GlobSetBuilder| {
            builder.build().map_err(|err| GlobError {
                index: 0,
                message: err.to_string(),
            })
        };
        Ok(PathGlobs {
            names: build(names)?,
            paths: build(paths)?,
        })
    }

    /// Whether `relative` (a path relative to the scanned root) matches.
    pub fn matches(&self, relative: &Path) -> bool {
        let relative = relative.strip_prefix(".").unwrap_or(relative);
        relative.iter().any(|name| self.names.is_match(name))
            || relative
                .ancestors()
                .filter(|a| !a.as_os_str().is_empty())
                .any(|a| self.paths.is_match(a))
    }
}

/// Which files something applies to: those matching `include` (all, when
/// there is none) and not matching `exclude`.
#[derive(Debug, Default, Clone)]
pub struct PathFilter {
    pub include: Option<PathGlobs>,
    pub exclude: Option<PathGlobs>,
}

impl PathFilter {
    pub fn allows(&self, relative: &Path) -> bool {
        self.include
            .as_ref()
            .is_none_or(|globs| globs.matches(relative))
            && !self
                .exclude
                .as_ref()
                .is_some_and(|globs| globs.matches(relative))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(glob: &str, path: &str) -> bool {
        PathGlobs::new(&[glob]).unwrap().matches(Path::new(path))
    }

    #[test]
    fn names_match_at_any_depth() {
        assert!(matches("tests", "tests/a.py"));
        assert!(matches("tests/", "src/tests/a.py"));
        assert!(matches("test_*.py", "src/test_a.py"));
        assert!(!matches("tests", "src/mytests/a.py"));
    }

    #[test]
    fn paths_match_at_any_depth_unless_anchored() {
        assert!(matches("app/views.py", "src/app/views.py"));
        assert!(matches("/src/tests", "src/tests/a.py"));
        assert!(!matches("/tests", "src/tests/a.py"));
        assert!(matches("/tests", "tests/a.py"));
        assert!(matches("src/app", "src/app/views.py"));
    }

    #[test]
    fn a_star_does_not_cross_directories() {
        assert!(matches("src/*.py", "src/a.py"));
        assert!(!matches("src/*.py", "src/app/views.py"));
        assert!(matches("src/**/*.py", "src/app/views.py"));
    }

    #[test]
    fn a_leading_dot_slash_is_ignored() {
        assert!(matches("/src", "./src/a.py"));
    }

    #[test]
    fn bad_globs_say_which() {
        let err = PathGlobs::new(&["ok", "a[b"]).unwrap_err();
        assert_eq!(err.index, 1);
    }
}
