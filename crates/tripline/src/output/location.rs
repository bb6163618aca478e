//! Where a finding is, in the terms CI formats use: portable paths, URIs,
//! UTF-16 columns, and the matched code itself. A [`Finding`] carries the
//! complete source lines it spans, so all of this is computed from the
//! report, without reading the files again.

use tripline_engine::{Finding, Position};

/// A path as CI systems expect it: `/` as separator (on Windows too), and
/// without the `./` that `tripline scan` (no path) or `scan ./src` puts in
/// front, since GitHub and GitLab match paths against the repository root.
pub fn portable_path(path: &str) -> String {
    let path = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_owned()
    };
    let mut rest = path.as_str();
    while let Some(stripped) = rest.strip_prefix("./") {
        rest = stripped.trim_start_matches('/');
    }
    rest.to_owned()
}

/// A SARIF `artifactLocation.uri`: a relative reference (to be resolved
/// against `%SRCROOT%`, the directory tripline ran in) for a relative path,
/// a `file://` URI for an absolute one. The second value says which.
pub fn artifact_uri(path: &str) -> (String, bool) {
    let path = portable_path(path);
    let encoded = percent_encode(&path);
    if path.starts_with('/') {
        (format!("file://{encoded}"), false)
    } else if cfg!(windows) && path.get(1..2) == Some(":") {
        // `C:/src/app.py`
        (format!("file:///{encoded}"), false)
    } else {
        (encoded, true)
    }
}

/// Percent-encodes what may not appear in a URI path (RFC 3986): a space,
/// `#`, `?`, `%`, non-ASCII characters... A `:` in a relative path's first
/// segment would read as a scheme, so it is encoded too.
fn percent_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for (index, byte) in path.bytes().enumerate() {
        let keep = byte.is_ascii_alphanumeric()
            || b"-._~!$&'()*+,;=@/".contains(&byte)
            || (byte == b':' && (path.starts_with('/') || (cfg!(windows) && index == 1)));
        if keep {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Line `number` of the file, if the finding spans it.
fn source_line(finding: &Finding, number: usize) -> Option<&str> {
    let offset = number.checked_sub(finding.start.line)?;
    finding.lines.split('\n').nth(offset)
}

/// A position's column counted in UTF-16 code units (1-based), as SARIF's
/// `columnKind: utf16CodeUnits` asks: an `é` is one unit, an emoji two.
/// tripline's own columns count characters, so they differ only after a
/// character outside the Basic Multilingual Plane.
pub fn utf16_col(finding: &Finding, position: Position) -> usize {
    match source_line(finding, position.line) {
        Some(line) => {
            let before: usize = line
                .chars()
                .take(position.col.saturating_sub(1))
                .map(char::len_utf16)
                .sum();
            // A column past the end of the line (the end of a match that
            // takes the newline) keeps its distance from the end.
            let past_end = position
                .col
                .saturating_sub(1)
                .saturating_sub(line.chars().count());
            before + past_end + 1
        }
        None => position.col,
    }
}

/// The code the finding matched: its lines, cut at the start and end columns.
pub fn matched_code(finding: &Finding) -> String {
    let last = finding.end.line.saturating_sub(finding.start.line);
    let mut code = String::new();
    for (offset, line) in finding.lines.split('\n').enumerate().take(last + 1) {
        let from = if offset == 0 {
            finding.start.col.saturating_sub(1)
        } else {
            0
        };
        let to = if offset == last {
            finding.end.col.saturating_sub(1)
        } else {
            usize::MAX
        };
        if offset > 0 {
            code.push('\n');
        }
        code.extend(line.chars().take(to).skip(from));
    }
    code
}

/// A finding of rule `r` in `a.py` over `lines`, for unit tests.
#[cfg(test)]
pub(super) fn test_finding(lines: &str, start: (usize, usize), end: (usize, usize)) -> Finding {
    Finding {
        rule_id: "r".into(),
        path: "a.py".into(),
        start: Position {
            line: start.0,
            col: start.1,
        },
        end: Position {
            line: end.0,
            col: end.1,
        },
        message: String::new(),
        severity: tripline_rule::Severity::Error,
        metadata: serde_json::Value::Null.into(),
        metavars: Default::default(),
        lines: lines.into(),
        fix: None,
        byte_range: 0..0,
        enclosing: None,
        suppressed: None,
        dataflow_trace: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use test_finding as finding;

    #[test]
    fn paths_lose_their_leading_dot_slash() {
        assert_eq!(portable_path("./src/app.py"), "src/app.py");
        assert_eq!(portable_path(".//app.py"), "app.py");
        assert_eq!(portable_path("../app.py"), "../app.py");
        assert_eq!(portable_path(".hidden/app.py"), ".hidden/app.py");
    }

    #[test]
    fn uris_are_relative_for_relative_paths_and_encoded() {
        assert_eq!(
            artifact_uri("./my dir/a#1.py"),
            ("my%20dir/a%231.py".into(), true)
        );
        assert_eq!(artifact_uri("café.py"), ("caf%C3%A9.py".into(), true));
        assert_eq!(artifact_uri("a:b.py"), ("a%3Ab.py".into(), true));
        #[cfg(unix)]
        assert_eq!(
            artifact_uri("/tmp/x/a.py"),
            ("file:///tmp/x/a.py".into(), false)
        );
    }

    #[test]
    fn columns_in_utf16_count_astral_characters_twice() {
        // `s = "😀é" + eval(x)`: eval starts at character 12, UTF-16 unit 13.
        let found = finding("s = \"😀é\" + eval(x)", (1, 12), (1, 19));
        assert_eq!(utf16_col(&found, found.start), 13);
        assert_eq!(utf16_col(&found, found.end), 20);
        let plain = finding("eval(x)", (1, 1), (1, 8));
        assert_eq!(utf16_col(&plain, plain.end), 8);
    }

    #[test]
    fn the_matched_code_is_cut_at_the_columns() {
        let found = finding("    x = eval(\n        a)  # c", (1, 9), (2, 11));
        assert_eq!(matched_code(&found), "eval(\n        a)");
        let one = finding("y = eval(b) + 1", (1, 5), (1, 12));
        assert_eq!(matched_code(&one), "eval(b)");
    }
}
