//! Finding the configuration file: from the directory of the first scanned
//! path up to the filesystem root, the first directory with a
//! `tripline.toml`, or with a `pyproject.toml` that has a `[tool.tripline]`
//! table, gives it. In one directory `tripline.toml` wins; a
//! `pyproject.toml` without the table belongs to another tool and the walk
//! goes on past it, so a sub-project's `pyproject.toml` does not hide the
//! repository's settings.

use std::path::{Path, PathBuf};

use tripline_rule::RuleDiagnostic;

use super::{read, ProjectConfig};

/// The names looked for in each directory, the one that wins first.
const FILE_NAMES: [&str; 2] = ["tripline.toml", "pyproject.toml"];

/// Why there is no configuration to use.
pub enum ConfigError {
    /// The file could not be read (or, for `--config-file`, found).
    Unreadable { file: PathBuf, message: String },
    /// `--config-file` named a `pyproject.toml` without `[tool.tripline]`.
    NoTable { file: PathBuf },
    /// The file has problems, each reported at its place.
    Invalid(Vec<RuleDiagnostic>),
}

/// Searches upwards from `start` (a scanned file or directory, which
/// exists). `Ok(None)`: no configuration file on the way.
pub fn find(start: &Path) -> Result<Option<ProjectConfig>, ConfigError> {
    let start = canonical(start)?;
    let dir = if start.is_dir() {
        start.as_path()
    } else {
        start.parent().unwrap_or(&start)
    };
    for dir in dir.ancestors() {
        for name in FILE_NAMES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                if let Some(config) = load(&candidate)? {
                    return Ok(Some(config));
                }
            }
        }
    }
    Ok(None)
}

/// Loads the file `--config-file` names: a `pyproject.toml` must have
/// `[tool.tripline]`, since naming it says that it has.
pub fn explicit(file: &Path) -> Result<ProjectConfig, ConfigError> {
    load(&canonical(file)?)?.ok_or_else(|| ConfigError::NoTable {
        file: file.to_owned(),
    })
}

/// Reads a configuration file at a canonical path; `Ok(None)` for a
/// `pyproject.toml` without `[tool.tripline]`.
fn load(file: &Path) -> Result<Option<ProjectConfig>, ConfigError> {
    let text = std::fs::read_to_string(file).map_err(|err| ConfigError::Unreadable {
        file: file.to_owned(),
        message: err.to_string(),
    })?;
    let root = file.parent().unwrap_or(file).to_owned();
    let pyproject = file
        .file_name()
        .is_some_and(|name| name == "pyproject.toml");
    read::parse(text, &shown(file), root, pyproject).map_err(ConfigError::Invalid)
}

fn canonical(path: &Path) -> Result<PathBuf, ConfigError> {
    std::fs::canonicalize(path).map_err(|err| ConfigError::Unreadable {
        file: path.to_owned(),
        message: err.to_string(),
    })
}

/// `path` (canonical) as the user would write it from the current
/// directory: `pyproject.toml`, `../tripline.toml`; absolute when only the
/// filesystem root is shared.
fn shown(path: &Path) -> PathBuf {
    let Ok(cwd) = std::env::current_dir().and_then(std::fs::canonicalize) else {
        return path.to_owned();
    };
    for (ups, ancestor) in cwd.ancestors().enumerate() {
        if let Ok(rest) = path.strip_prefix(ancestor) {
            if ancestor.parent().is_none() && ups > 0 {
                break;
            }
            let mut shown: PathBuf = std::iter::repeat_n("..", ups).collect();
            shown.push(rest);
            return shown;
        }
    }
    path.to_owned()
}
