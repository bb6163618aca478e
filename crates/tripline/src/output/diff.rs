//! Unified diffs, as `diff -u` and `git diff` print them: what
//! `scan --dry-run` shows instead of writing fixes, and how `test` shows a
//! fixture whose fixes do not give `X.fixed.py`.

/// The unified diff from `old` to `new` (named `old_name` and `new_name`
/// in its `---`/`+++` header), with three lines of context; empty when the
/// texts are equal. A last line without a line break is marked as such.
pub fn unified(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    if old == new {
        return String::new();
    }
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(old_name, new_name)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_the_changed_lines_with_their_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let new = "a\nb\nc\nd\nE\nf\ng\nh\n";
        assert_eq!(
            unified(old, new, "x.py", "x.py"),
            "--- x.py\n+++ x.py\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n"
        );
        assert_eq!(unified(old, old, "x.py", "x.py"), "");
    }

    #[test]
    fn marks_a_last_line_without_a_line_break() {
        let diff = unified("a\n", "a\nb", "x.py", "x.py");
        assert!(
            diff.ends_with("+b\n\\ No newline at end of file\n"),
            "{diff}"
        );
    }
}
