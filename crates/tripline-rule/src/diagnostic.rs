//! Rule-file problems as miette diagnostics: the file, a code frame with a
//! label under the offending YAML, and a help line saying what to do.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode, SourceSpan};

/// How bad a problem is: errors stop a scan; warnings are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Error,
    Warning,
    /// A further place belonging to another diagnostic (the first
    /// definition of a duplicated id).
    Note,
}

/// One problem in a rule file.
#[derive(Debug, Clone)]
pub struct RuleDiagnostic {
    pub level: Level,
    /// Stable identifier, e.g. `tripline::unknown-key`.
    pub code: &'static str,
    pub message: String,
    pub source: Arc<NamedSource<String>>,
    pub labels: Vec<(SourceSpan, String)>,
    pub help: Option<String>,
    /// Further places that belong to the same problem (the first definition
    /// of a duplicated id), shown after it.
    pub related: Vec<RuleDiagnostic>,
}

impl RuleDiagnostic {
    pub fn error(
        code: &'static str,
        message: impl Into<String>,
        source: &Arc<NamedSource<String>>,
    ) -> Self {
        RuleDiagnostic {
            level: Level::Error,
            code,
            message: message.into(),
            source: source.clone(),
            labels: Vec::new(),
            help: None,
            related: Vec::new(),
        }
    }

    pub fn warning(
        code: &'static str,
        message: impl Into<String>,
        source: &Arc<NamedSource<String>>,
    ) -> Self {
        RuleDiagnostic {
            level: Level::Warning,
            ..RuleDiagnostic::error(code, message, source)
        }
    }

    /// Adds a label under `len` bytes at `offset` (at least one character
    /// is underlined so the caret is always visible).
    pub fn label(mut self, offset: usize, len: usize, text: impl Into<String>) -> Self {
        self.labels.push(((offset, len.max(1)).into(), text.into()));
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// 1-based line and column of the first label, for plain-text output.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        let (span, _) = self.labels.first()?;
        let text = self.source.inner();
        // A label inside a character (a bug in the offset's computation)
        // counts from the character's start, rather than panicking.
        let mut end = span.offset().min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let before = &text[..end];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        Some((line, column))
    }

    pub fn file_name(&self) -> &str {
        self.source.name()
    }
}

impl fmt::Display for RuleDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RuleDiagnostic {}

impl Diagnostic for RuleDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.level {
            Level::Error => miette::Severity::Error,
            Level::Warning => miette::Severity::Warning,
            Level::Note => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&*self.source)
    }

    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(self.related.iter().map(|d| d as &dyn Diagnostic)))
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        Some(Box::new(self.labels.iter().map(|(span, text)| {
            LabeledSpan::new_with_span(Some(text.clone()), *span)
        })))
    }
}
