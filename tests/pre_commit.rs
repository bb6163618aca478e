//! The pre-commit hook in `.pre-commit-hooks.yaml`, run as pre-commit runs
//! it: the `entry` split into words, the hook's `args`, then the staged
//! files of the hook's `types`. pre-commit itself is not needed (nor
//! installed in CI): what it does with the definition is this simple.

mod common;

use std::path::Path;
use std::process::Output;

use common::{project, repo, stderr, stdout, tripline};

/// The keys of a hook that decide how it runs.
#[derive(serde::Deserialize)]
struct Hook {
    id: String,
    entry: String,
    language: String,
    types: Vec<String>,
    pass_filenames: bool,
    #[serde(default)]
    args: Vec<String>,
}

fn hook() -> Hook {
    let text = std::fs::read_to_string(repo().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks: Vec<Hook> = serde_saphyr::from_str(&text).unwrap();
    let mut hooks = hooks.into_iter().filter(|h| h.id == "tripline");
    let hook = hooks.next().expect("a hook with id `tripline`");
    assert!(hooks.next().is_none(), "one `tripline` hook");
    hook
}

/// Runs the hook in `dir` on the staged files, keeping the Python ones
/// as `types: [python]` does.
fn run_hook(dir: &Path, staged: &[&str]) -> Output {
    let hook = hook();
    assert_eq!(hook.types, ["python"]);
    assert!(hook.pass_filenames);
    // pre-commit splits the entry with shell rules; ours has no quoting.
    assert!(!hook.entry.contains(['"', '\'', '\\']), "{}", hook.entry);
    let mut words = hook.entry.split_whitespace();
    assert_eq!(
        words.next(),
        Some("tripline"),
        "the entry runs the installed binary"
    );
    tripline(dir)
        .args(words)
        .args(&hook.args)
        .args(staged.iter().filter(|f| f.ends_with(".py")))
        .output()
        .unwrap()
}

#[test]
fn the_hook_is_built_from_this_repository() {
    // `language: rust` makes pre-commit `cargo install` the repository.
    assert_eq!(hook().language, "rust");
}

#[test]
fn findings_in_staged_files_fail_the_commit() {
    let dir = project(&[
        (
            "src/app.py",
            "import pickle\n\ndef load(data):\n    return pickle.loads(data)\n",
        ),
        ("src/clean.py", "print('hello')\n"),
        ("src/unstaged.py", "import pickle\npickle.loads(b'')\n"),
        ("README.md", "eval(x)\n"),
    ]);
    let output = run_hook(dir.path(), &["src/app.py", "src/clean.py", "README.md"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("src/app.py:4:12"), "{out}");
    assert!(!out.contains("unstaged"), "only the staged files: {out}");
    assert!(out.contains(" in 2 files scanned"), "{out}");
    assert!(stderr(&output).is_empty(), "no noise: {}", stderr(&output));
}

#[test]
fn clean_staged_files_pass_with_one_line() {
    let dir = project(&[("a.py", "print(1)\n"), ("b.py", "x = 1\n")]);
    let output = run_hook(dir.path(), &["a.py", "b.py"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), 1, "{}", stdout(&output));
    assert!(stdout(&output).starts_with("0 findings in 2 files scanned"));
}

#[test]
fn the_project_configuration_applies_to_staged_files() {
    let dir = project(&[
        (
            "pyproject.toml",
            "[tool.tripline]\nexclude = [\"migrations\"]\nfail-on = \"HIGH\"\n\n[tool.tripline.per-file-ignores]\n\"tests/*\" = [\"B101\"]\n",
        ),
        ("migrations/0001.py", "import pickle\npickle.loads(b'')\n"),
        ("tests/test_app.py", "assert 1 + 1 == 2\n"),
        ("app.py", "assert len(items) > 0\n"),
    ]);
    let output = run_hook(
        dir.path(),
        &["migrations/0001.py", "tests/test_app.py", "app.py"],
    );
    let out = stdout(&output);
    // The LOW assert in app.py is reported but does not fail the commit;
    // the excluded migration is not scanned, the test's assert is ignored.
    assert_eq!(output.status.code(), Some(0), "{out}{}", stderr(&output));
    assert!(
        out.contains("app.py:1:1 LOW python.other.assert-used"),
        "{out}"
    );
    assert!(
        !out.contains("migrations") && !out.contains("tests/"),
        "{out}"
    );
}
