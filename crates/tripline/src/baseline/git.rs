//! `--baseline-ref`: the findings a project had at a git commit.
//!
//! The tree at the commit is exported with `git archive` into a temporary
//! directory (plain git and tar subprocesses: no libgit2, and the
//! repository, its index and its worktrees are left untouched), the same
//! paths are scanned there, and the findings' paths are written back as
//! the scan of the working tree shows them, so their fingerprints compare.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use tripline_engine::ScanReport;

/// Scans the tree of `git_ref` as `scan` scans the working tree: `scan`
/// is given the exported counterparts of `paths` (relative to the current
/// directory, which must be in a git repository). Paths that did not
/// exist at the commit are not scanned.
pub fn scan_at(
    git_ref: &str,
    paths: &[PathBuf],
    scan: impl FnOnce(&[PathBuf]) -> ScanReport,
) -> Result<ScanReport, String> {
    let toplevel = PathBuf::from(git(&["rev-parse", "--show-toplevel"]).map_err(|err| {
        format!("--baseline-ref needs a git repository, and this is not one: {err}")
    })?);
    let commit = git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{git_ref}^{{commit}}"),
    ])
    .map_err(|_| format!("--baseline-ref {git_ref}: no such commit in this repository"))?;
    let prefix = git(&["rev-parse", "--show-prefix"])?;
    let export = tempfile::Builder::new()
        .prefix("tripline-baseline-")
        .tempdir()
        .map_err(|err| format!("cannot create a temporary directory: {err}"))?;
    archive(&toplevel, &commit, export.path())?;

    let here = export.path().join(prefix);
    let mapped: Vec<(PathBuf, &PathBuf)> = paths
        .iter()
        .filter_map(|path| Some((exported(path, &toplevel, &here, export.path())?, path)))
        .filter(|(exported, _)| exported.exists())
        .collect();
    let exported_paths: Vec<PathBuf> = mapped.iter().map(|(e, _)| e.clone()).collect();
    let mut report = scan(&exported_paths);
    for finding in &mut report.findings {
        let shown = mapped.iter().find_map(|(exported, original)| {
            let rest = finding.path.strip_prefix(exported.to_str()?)?;
            Some(format!("{}{rest}", original.display()))
        });
        if let Some(shown) = shown {
            finding.path = shown;
        }
    }
    Ok(report)
}

/// Where a scanned path is in the export: relative paths under the
/// directory matching the current one, absolute ones by their place in
/// the repository. `None` for a path outside the repository.
fn exported(path: &Path, toplevel: &Path, here: &Path, root: &Path) -> Option<PathBuf> {
    if path.is_relative() {
        return Some(here.join(path));
    }
    let toplevel = toplevel.canonicalize().ok()?;
    let path = path.canonicalize().ok()?;
    Some(root.join(path.strip_prefix(toplevel).ok()?))
}

/// Runs git in the current directory: its trimmed stdout, or its stderr
/// as the error.
fn git(args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|err| format!("cannot run git: {err}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_owned());
    }
    Ok(String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// Extracts the tree of `commit` into `into`: `git archive | tar -x`.
fn archive(toplevel: &Path, commit: &str, into: &Path) -> Result<(), String> {
    let failed = |what: &str, err: String| format!("cannot export {commit} with {what}: {err}");
    let mut archive = Command::new("git")
        .args(["archive", "--format=tar", commit])
        .current_dir(toplevel)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|err| failed("git archive", err.to_string()))?;
    let Some(tar_input) = archive.stdout.take() else {
        return Err(failed("git archive", "no output".to_owned()));
    };
    let tar = Command::new("tar")
        .arg("-x")
        .arg("-C")
        .arg(into)
        .stdin(tar_input)
        .stderr(Stdio::piped())
        .output()
        .map_err(|err| failed("tar", err.to_string()))?;
    let archived = archive
        .wait_with_output()
        .map_err(|err| failed("git archive", err.to_string()))?;
    if !archived.status.success() {
        let stderr = String::from_utf8_lossy(&archived.stderr).trim().to_owned();
        return Err(failed("git archive", stderr));
    }
    if !tar.status.success() {
        let stderr = String::from_utf8_lossy(&tar.stderr).trim().to_owned();
        return Err(failed("tar", stderr));
    }
    Ok(())
}
