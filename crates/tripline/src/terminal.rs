//! What the CLI shares about the terminal: colour, and rendering rule
//! diagnostics with their code frames.

use std::io::{IsTerminal, Write};

use miette::{GraphicalReportHandler, GraphicalTheme};
use tripline_rule::RuleDiagnostic;

/// `--color`: whether output that can be coloured is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set to a non-empty value.
    #[default]
    Auto,
    /// Colour, even into a file or a pipe, and whatever `NO_COLOR` says.
    Always,
    /// No colour.
    Never,
}

impl ColorChoice {
    /// The one place that decides about colour. `terminal` says whether the
    /// stream written to is a terminal. An explicit `--color always` wins
    /// over `NO_COLOR`, as no-color.org asks of command-line arguments.
    pub fn enabled(self, terminal: bool) -> bool {
        self.decide(terminal, std::env::var_os("NO_COLOR").as_deref())
    }

    /// [`ColorChoice::enabled`] given the value of `NO_COLOR`: set to
    /// anything but the empty string, it turns colour off (no-color.org).
    fn decide(self, terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

/// Whether `--color` colours what goes to stdout.
pub fn stdout_color(choice: ColorChoice) -> bool {
    choice.enabled(std::io::stdout().is_terminal())
}

/// Prints rule-file diagnostics (errors and warnings) to stderr with code frames.
pub fn report_diagnostics(diagnostics: &[RuleDiagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    let theme = if ColorChoice::Auto.enabled(std::io::stderr().is_terminal()) {
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

#[cfg(test)]
mod tests {
    use std::ffi::OsStr;

    use super::ColorChoice::{self, Always, Auto, Never};

    #[test]
    fn auto_colours_a_terminal_unless_no_color_is_set_and_not_empty() {
        let decide = |choice: ColorChoice, terminal, no_color: Option<&str>| {
            choice.decide(terminal, no_color.map(OsStr::new))
        };
        assert!(decide(Auto, true, None));
        assert!(decide(Auto, true, Some("")));
        assert!(!decide(Auto, true, Some("1")));
        assert!(!decide(Auto, false, None));
        assert!(decide(Always, false, Some("1")));
        assert!(!decide(Never, true, None));
    }
}
