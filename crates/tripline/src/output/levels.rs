//! How a rule's severity reads in each CI format: the one table of
//! severity mappings, documented in docs/output.md ("Severity mapping").
//! Rules use Semgrep's levels (`ERROR`, `WARNING`, `INFO`) or the
//! CVSS-like ones (`CRITICAL`, `HIGH`, `MEDIUM`, `LOW`); the two scales
//! are folded together, `ERROR` with `HIGH` and `WARNING` with `MEDIUM`.

use tripline_rule::Severity;

/// The three levels of SARIF results and of GitHub annotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    Note,
}

/// A severity in every format's terms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Levels {
    /// SARIF `level` (and GitHub's `error` / `warning` / `notice`).
    pub level: Level,
    /// SARIF rule property `security-severity`: GitHub code scanning ranks
    /// an alert Critical above 9.0, High from 7.0, Medium from 4.0, Low
    /// below, and wants the number as a string.
    pub security_severity: &'static str,
    /// GitLab SAST `severity`.
    pub gitlab: &'static str,
}

pub fn levels(severity: Severity) -> Levels {
    let (level, security_severity, gitlab) = match severity {
        Severity::Critical => (Level::Error, "9.5", "Critical"),
        Severity::High | Severity::Error => (Level::Error, "8.0", "High"),
        Severity::Medium | Severity::Warning => (Level::Warning, "5.5", "Medium"),
        Severity::Low => (Level::Note, "2.0", "Low"),
        Severity::Info => (Level::Note, "1.0", "Info"),
    };
    Levels {
        level,
        security_severity,
        gitlab,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_severities_fall_in_githubs_bands() {
        let band = |severity| {
            let score: f64 = levels(severity).security_severity.parse().unwrap();
            match score {
                s if s > 9.0 => "critical",
                s if s >= 7.0 => "high",
                s if s >= 4.0 => "medium",
                _ => "low",
            }
        };
        assert_eq!(band(Severity::Critical), "critical");
        assert_eq!(band(Severity::Error), band(Severity::High));
        assert_eq!(band(Severity::High), "high");
        assert_eq!(band(Severity::Warning), "medium");
        assert_eq!(band(Severity::Low), "low");
        assert_eq!(band(Severity::Info), "low");
    }
}
