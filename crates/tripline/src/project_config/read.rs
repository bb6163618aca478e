//! Reading one configuration file. The TOML is parsed with the place of
//! every key and value kept (`toml`'s `DeTable`), so that an unknown key, a
//! value of the wrong type, a bad glob or an unknown severity is reported
//! at its line and column, as problems in rule files are. Every problem in
//! the file is reported, not only the first.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use clap::ValueEnum;
use miette::NamedSource;
use toml::de::{DeTable, DeValue};
use toml::Spanned;
use tripline_rule::{did_you_mean, PathGlobs, RuleDiagnostic, Severity};

use super::per_file_ignores::PerFileIgnores;
use super::ProjectConfig;
use crate::output::Format;
use crate::selection::Selector;

/// Every key, with an example of its value, shown when a value is wrong.
const KEYS: &[(&str, &str)] = &[
    ("select", r#"select = ["B602", "python.flask"]"#),
    ("skip", r#"skip = ["python.flask.debug-enabled"]"#),
    ("extend-rules", r#"extend-rules = ["org-rules/"]"#),
    ("include", r#"include = ["src"]"#),
    ("exclude", r#"exclude = ["tests", "migrations/*.py"]"#),
    ("severity", r#"severity = "MEDIUM""#),
    ("fail-on", r#"fail-on = "HIGH""#),
    (
        "per-file-ignores",
        r#"per-file-ignores = { "tests/*" = ["B101"] }"#,
    ),
    ("format", r#"format = "sarif""#),
    ("jobs", "jobs = 4"),
];

/// Parses a configuration file's `text`. `shown_as` names the file in
/// diagnostics; `root` is its directory, absolute. In a `pyproject.toml`
/// the settings are the `[tool.tripline]` table, and a file without one is
/// `Ok(None)`: it belongs to another tool, and the search goes on.
pub fn parse(
    text: String,
    shown_as: &Path,
    root: PathBuf,
    pyproject: bool,
) -> Result<Option<ProjectConfig>, Vec<RuleDiagnostic>> {
    let source = Arc::new(NamedSource::new(shown_as.display().to_string(), text));
    let mut reader = Reader {
        source: source.clone(),
        diagnostics: Vec::new(),
    };
    let document = match DeTable::parse(source.inner()) {
        Ok(document) => document,
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            reader.error(
                "tripline::toml-syntax",
                format!("invalid TOML: {}", err.message()),
                span,
                "here",
                "see https://toml.io for the syntax",
            );
            return Err(reader.diagnostics);
        }
    };
    let settings = if pyproject {
        match tripline_table(document.get_ref()) {
            None => return Ok(None),
            Some(value) => match value.get_ref() {
                DeValue::Table(table) => table,
                other => {
                    reader.error(
                        "tripline::wrong-type",
                        format!("`tool.tripline` must be a table, not {}", kind(other)),
                        value.span(),
                        "this",
                        "write the settings under a `[tool.tripline]` header",
                    );
                    return Err(reader.diagnostics);
                }
            },
        }
    } else {
        document.get_ref()
    };
    let mut config = ProjectConfig {
        file: shown_as.to_owned(),
        root,
        source: source.clone(),
        select: Vec::new(),
        skip: Vec::new(),
        extend_rules: Vec::new(),
        include: None,
        exclude: None,
        severity: None,
        fail_on: None,
        per_file_ignores: PerFileIgnores::default(),
        format: None,
        jobs: None,
    };
    for (key, value) in settings.iter() {
        reader.setting(&mut config, key, value);
    }
    if reader.diagnostics.is_empty() {
        Ok(Some(config))
    } else {
        // The table is ordered by key; the user reads the file top down.
        reader
            .diagnostics
            .sort_by_key(|d| d.labels.first().map(|l| l.0.offset()));
        Err(reader.diagnostics)
    }
}

/// `tool.tripline` in a `pyproject.toml`, if there is one.
fn tripline_table<'a, 'i>(document: &'a DeTable<'i>) -> Option<&'a Spanned<DeValue<'i>>> {
    match lookup(document, "tool")?.get_ref() {
        DeValue::Table(tool) => lookup(tool, "tripline"),
        _ => None,
    }
}

fn lookup<'a, 'i>(table: &'a DeTable<'i>, name: &str) -> Option<&'a Spanned<DeValue<'i>>> {
    table
        .iter()
        .find(|(key, _)| key.get_ref() == name)
        .map(|(_, value)| value)
}

/// What a value is, for "must be X, not Y" messages.
fn kind(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

type Value<'i> = Spanned<DeValue<'i>>;

/// Collects the settings and the problems of one file.
struct Reader {
    source: Arc<NamedSource<String>>,
    diagnostics: Vec<RuleDiagnostic>,
}

impl Reader {
    fn error(
        &mut self,
        code: &'static str,
        message: String,
        span: std::ops::Range<usize>,
        label: &str,
        help: &str,
    ) {
        self.diagnostics.push(
            RuleDiagnostic::error(code, message, &self.source)
                .label(span.start, span.len(), label)
                .help(help),
        );
    }

    /// Reads one key of the settings into `config`.
    fn setting(
        &mut self,
        config: &mut ProjectConfig,
        key: &Spanned<toml::de::DeString<'_>>,
        value: &Value<'_>,
    ) {
        let name: &str = key.get_ref();
        let Some(&(name, example)) = KEYS.iter().find(|(known, _)| *known == name) else {
            let known: Vec<&str> = KEYS.iter().map(|(known, _)| *known).collect();
            let help = match did_you_mean(name, &known) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None => format!("the keys are: {}", known.join(", ")),
            };
            self.error(
                "tripline::unknown-key",
                format!("unknown key `{name}` in the tripline configuration"),
                key.span(),
                "not a known key",
                &help,
            );
            return;
        };
        let key = Key { name, example };
        match name {
            "select" => config.select = self.selectors(&key, value).unwrap_or_default(),
            "skip" => {
                let skip = self.selectors(&key, value).unwrap_or_default();
                config.skip = skip.into_iter().map(Spanned::into_inner).collect();
            }
            "extend-rules" => {
                let paths = self.strings(&key, value).unwrap_or_default();
                let dir = config.file.parent().unwrap_or(Path::new(""));
                config.extend_rules = paths.iter().map(|p| dir.join(p.get_ref())).collect();
            }
            "include" => config.include = self.globs(&key, value),
            "exclude" => config.exclude = self.globs(&key, value),
            "severity" => config.severity = self.severity(&key, value),
            "fail-on" => config.fail_on = self.severity(&key, value),
            "per-file-ignores" => self.per_file_ignores(&key, value, &mut config.per_file_ignores),
            "format" => config.format = self.format(&key, value),
            "jobs" => config.jobs = self.jobs(&key, value),
            _ => unreachable!("every key in KEYS is read"),
        }
    }

    fn wrong_type(&mut self, key: &Key, expected: &str, value: &Value<'_>) {
        self.error(
            "tripline::wrong-type",
            format!(
                "`{}` must be {expected}, not {}",
                key.name,
                kind(value.get_ref())
            ),
            value.span(),
            &format!("this is {}", kind(value.get_ref())),
            &format!("write it like this: {}", key.example),
        );
    }

    fn string(&mut self, key: &Key, value: &Value<'_>) -> Option<Spanned<String>> {
        match value.get_ref() {
            DeValue::String(text) => Some(Spanned::new(value.span(), text.to_string())),
            _ => {
                self.wrong_type(key, "a string", value);
                None
            }
        }
    }

    /// A list of strings; `None` (after reporting it) when anything in it
    /// is not a string.
    fn strings(&mut self, key: &Key, value: &Value<'_>) -> Option<Vec<Spanned<String>>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, "a list of strings", value);
            return None;
        };
        let before = self.diagnostics.len();
        let mut strings = Vec::new();
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(text) => strings.push(Spanned::new(item.span(), text.to_string())),
                other => self.error(
                    "tripline::wrong-type",
                    format!("`{}` lists strings, not {}", key.name, kind(other)),
                    item.span(),
                    &format!("this is {}", kind(other)),
                    &format!("write it like this: {}", key.example),
                ),
            }
        }
        (self.diagnostics.len() == before).then_some(strings)
    }

    fn globs(&mut self, key: &Key, value: &Value<'_>) -> Option<PathGlobs> {
        let globs = self.strings(key, value)?;
        self.compile_globs(&globs)
    }

    fn compile_globs(&mut self, globs: &[Spanned<String>]) -> Option<PathGlobs> {
        let texts: Vec<&str> = globs.iter().map(|g| g.get_ref().as_str()).collect();
        match PathGlobs::new(&texts) {
            Ok(compiled) => Some(compiled),
            Err(err) => {
                let glob = &globs[err.index.min(globs.len() - 1)];
                self.error(
                    "tripline::invalid-glob",
                    format!("invalid glob {:?}: {}", glob.get_ref(), err.message),
                    glob.span(),
                    "this glob",
                    "globs are as for --include/--exclude: `*` within a directory, `**` across directories, `[abc]` one of the characters",
                );
                None
            }
        }
    }

    fn selectors(&mut self, key: &Key, value: &Value<'_>) -> Option<Vec<Spanned<Selector>>> {
        let texts = self.strings(key, value)?;
        let before = self.diagnostics.len();
        let mut selectors = Vec::new();
        for text in texts {
            match Selector::parse(text.get_ref()) {
                Ok(selector) => selectors.push(Spanned::new(text.span(), selector)),
                Err(message) => self.error(
                    "tripline::invalid-glob",
                    message,
                    text.span(),
                    "this rule selector",
                    "a rule selector is a rule id, an id prefix, a glob over ids or a Bandit id",
                ),
            }
        }
        (self.diagnostics.len() == before).then_some(selectors)
    }

    fn severity(&mut self, key: &Key, value: &Value<'_>) -> Option<Severity> {
        let text = self.string(key, value)?;
        let severity = Severity::parse(text.get_ref());
        if severity.is_none() {
            self.error(
                "tripline::unknown-value",
                format!("unknown severity {:?} for `{}`", text.get_ref(), key.name),
                text.span(),
                "not a severity",
                "the severities, lowest first: INFO, LOW, WARNING, MEDIUM, ERROR, HIGH, CRITICAL",
            );
        }
        severity
    }

    fn format(&mut self, key: &Key, value: &Value<'_>) -> Option<Format> {
        let text = self.string(key, value)?;
        let format = Format::from_str(text.get_ref(), true).ok();
        if format.is_none() {
            self.error(
                "tripline::unknown-value",
                format!("unknown output format {:?}", text.get_ref()),
                text.span(),
                "not a format",
                "the formats are: text, json, sarif, github, junit, gitlab",
            );
        }
        format
    }

    fn jobs(&mut self, key: &Key, value: &Value<'_>) -> Option<u16> {
        let DeValue::Integer(number) = value.get_ref() else {
            self.wrong_type(key, "a whole number", value);
            return None;
        };
        let jobs = u16::from_str_radix(number.as_str(), number.radix())
            .ok()
            .filter(|&jobs| jobs >= 1);
        if jobs.is_none() {
            self.error(
                "tripline::unknown-value",
                "`jobs` must be between 1 and 65535".to_owned(),
                value.span(),
                "out of range",
                "leave `jobs` out to use every core",
            );
        }
        jobs
    }

    /// `per-file-ignores = { GLOB = [RULES] }`.
    fn per_file_ignores(&mut self, key: &Key, value: &Value<'_>, ignores: &mut PerFileIgnores) {
        let DeValue::Table(table) = value.get_ref() else {
            self.wrong_type(key, "a table of globs to lists of rules", value);
            return;
        };
        for (glob, rules) in table.iter() {
            let glob = Spanned::new(glob.span(), glob.get_ref().to_string());
            let globs = self.compile_globs(std::slice::from_ref(&glob));
            let rules = self.selectors(key, rules);
            if let (Some(globs), Some(rules)) = (globs, rules) {
                ignores.push(globs, rules.into_iter().map(Spanned::into_inner).collect());
            }
        }
    }
}

/// A known key, for messages about its value.
struct Key {
    name: &'static str,
    example: &'static str,
}
