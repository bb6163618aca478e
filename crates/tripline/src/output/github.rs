//! `--format github`: GitHub Actions workflow commands, one per finding,
//! which the runner turns into annotations on the pull request's diff:
//!
//! ```text
//! ::error file=app.py,line=5,endLine=5,col=5,endColumn=57,title=tripline subprocess-shell-true::subprocess.run() runs ...
//! ```
//!
//! A file that could not be scanned becomes a `::warning` on that file.
//! Escaping follows the Actions runner (`toolkit/packages/core/src/command.ts`):
//! in the message `%`, `\r` and `\n` are percent-encoded; in properties
//! also `:` and `,`, which separate them.

use std::fmt::Write;

use tripline_engine::{Finding, ScanReport};

use super::levels::{levels, Level};
use super::location::portable_path;

pub fn render(report: &ScanReport) -> String {
    let mut out = String::new();
    // A suppressed finding needs no annotation.
    for finding in report.active() {
        annotation(&mut out, finding);
    }
    for error in &report.errors {
        let _ = writeln!(
            out,
            "::warning file={},title={}::{}",
            property(&portable_path(&error.path)),
            property(if error.is_partial() {
                "tripline: file partly scanned"
            } else {
                "tripline: file not scanned"
            }),
            message(&error.message)
        );
    }
    out
}

fn annotation(out: &mut String, finding: &Finding) {
    let command = match levels(finding.severity).level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Note => "notice",
    };
    let mut text = finding.message.trim_end().to_owned();
    if let Some(fix) = &finding.fix {
        let _ = write!(text, "\nfix: {fix}");
    }
    let _ = writeln!(
        out,
        "::{command} file={file},line={line},endLine={end_line},col={col},endColumn={end_col},title={title}::{text}",
        file = property(&portable_path(&finding.path)),
        line = finding.start.line,
        end_line = finding.end.line,
        col = finding.start.col,
        end_col = finding.end.col,
        title = property(&format!("tripline {}", finding.rule_id)),
        text = message(&text),
    );
}

/// The message part of a workflow command (after `::`).
fn message(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value (`file=...`): as a message, and `:` and `,` too.
fn property(text: &str) -> String {
    message(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_the_runner_would_read_as_syntax() {
        assert_eq!(message("100% sure\r\nreally"), "100%25 sure%0D%0Areally");
        assert_eq!(property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
        // `:` and `,` are fine in the message itself.
        assert_eq!(message("a, b: c"), "a, b: c");
    }
}
