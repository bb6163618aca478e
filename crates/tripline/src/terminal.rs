//! What the CLI shares about the terminal: colour, and rendering rule
//! diagnostics with their code frames.

use std::io::{IsTerminal, Write};

use miette::{GraphicalReportHandler, GraphicalTheme};
use tripline_rule::RuleDiagnostic;

/// `NO_COLOR` set to anything but the empty string turns colour off (no-color.org).
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Whether to colour what goes to stdout.
pub fn stdout_color() -> bool {
    std::io::stdout().is_terminal() && !no_color()
}

/// Prints rule-file diagnostics (errors and warnings) to stderr with code frames.
pub fn report_diagnostics(diagnostics: &[RuleDiagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    let theme = if std::io::stderr().is_terminal() && !no_color() {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme);
    let mut stderr = std::io::stderr().lock();
    for diagnostic in diagnostics {
        let mut rendered = String::new();
        if handler.render_report(&mut rendered, diagnostic).is_ok() {
            let _ = writeln!(stderr, "{rendered}");
        } else {
            let _ = writeln!(stderr, "{}: {}", diagnostic.file_name(), diagnostic.message);
        }
    }
}

/// Writes to stdout; a closed pipe (`tripline ... | head`) is not an error.
pub fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}
