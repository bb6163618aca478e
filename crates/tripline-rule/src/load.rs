//! Turning a rule file into [`Rule`]s, reporting every problem at its place.
//!
//! The YAML is read into a spanned tree ([`crate::yaml`]) and converted by
//! hand rather than by `#[derive(Deserialize)]`: that way one run reports all
//! problems of all rules (not just the first), unknown keys get a "did you
//! mean", and a pattern that does not parse gets a caret at the exact column
//! inside the YAML.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use miette::NamedSource;
use regex::Regex;
use tripline_pattern::{check_regex_syntax, compile_regex, MatchOptions, Pattern};

use crate::condition::Expression;
use crate::diagnostic::{Level, RuleDiagnostic};
use crate::model::{
    Condition, Conjunction, FixRegex, Formula, NegationKind, Negative, Positive, Rule, RuleSet,
    Severity,
};
use crate::paths::{PathFilter, PathGlobs};
use crate::yaml::{self, Value, Yaml};

mod taint;

/// Keys a rule may have.
const RULE_KEYS: &[&str] = &[
    "id",
    "message",
    "severity",
    "languages",
    "metadata",
    "pattern",
    "patterns",
    "pattern-either",
    "pattern-regex",
    "paths",
    "fix",
    "fix-regex",
    "options",
    "mode",
    "min-version",
    "max-version",
    "pattern-sources",
    "pattern-sinks",
    "pattern-sanitizers",
    "pattern-propagators",
];

/// Keys that start a formula at the top of a rule.
const TOP_FORMULA_KEYS: &[&str] = &["pattern", "patterns", "pattern-either", "pattern-regex"];

/// Keys allowed as items of `patterns`.
const CONJUNCTION_KEYS: &[&str] = &[
    "pattern",
    "patterns",
    "pattern-either",
    "pattern-regex",
    "pattern-inside",
    "pattern-not",
    "pattern-not-inside",
    "pattern-not-regex",
    "metavariable-regex",
    "metavariable-pattern",
    "metavariable-comparison",
    "focus-metavariable",
    "where",
];

/// Keys allowed as items of `pattern-either`.
const EITHER_KEYS: &[&str] = &[
    "pattern",
    "patterns",
    "pattern-either",
    "pattern-regex",
    "pattern-inside",
];

const TAINT_KEYS: &[&str] = &[
    "pattern-sources",
    "pattern-sinks",
    "pattern-sanitizers",
    "pattern-propagators",
];

/// Loads the rule file at `path` into `ruleset`. Returns every problem found;
/// rules with an error are left out.
pub fn load_file(
    path: &Path,
    ruleset: &mut RuleSet,
) -> Result<Vec<RuleDiagnostic>, std::io::Error> {
    let text = std::fs::read_to_string(path)?;
    Ok(load_str(&path.display().to_string(), &text, ruleset))
}

/// Loads rules from YAML text named `name` (shown in diagnostics).
pub fn load_str(name: &str, text: &str, ruleset: &mut RuleSet) -> Vec<RuleDiagnostic> {
    ruleset.add(compile_file(name, text))
}

/// One rule file compiled on its own, its patterns numbered from 0: files
/// can be compiled in parallel, then added to a rule set in order with
/// [`RuleSet::add`].
pub struct CompiledFile {
    rules: Vec<Rule>,
    patterns: Vec<Pattern>,
    source: Arc<NamedSource<String>>,
    diagnostics: Vec<RuleDiagnostic>,
}

/// Compiles the rules of YAML text named `name` (shown in diagnostics).
pub fn compile_file(name: &str, text: &str) -> CompiledFile {
    let source = Arc::new(NamedSource::new(name, text.to_owned()));
    let mut patterns = Vec::new();
    let mut loader = Loader {
        source: source.clone(),
        text,
        diagnostics: Vec::new(),
        patterns: &mut patterns,
    };
    let rules = loader.file();
    let diagnostics = loader.diagnostics;
    CompiledFile {
        rules,
        patterns,
        source,
        diagnostics,
    }
}

impl RuleSet {
    /// Adds a compiled rule file: its patterns after those already here,
    /// and its rules but those whose id is taken (reported).
    pub fn add(&mut self, file: CompiledFile) -> Vec<RuleDiagnostic> {
        let CompiledFile {
            rules,
            patterns,
            source,
            mut diagnostics,
        } = file;
        let offset = self.patterns.len();
        self.patterns.extend(patterns);
        for mut rule in rules {
            rule.renumber_patterns(offset);
            if let Some(previous) = self.rules.iter().find(|r| r.id == rule.id) {
                let mut first = RuleDiagnostic::error(
                    "tripline::duplicate-id",
                    "first defined here",
                    &previous.source,
                )
                .label(previous.id_offset, previous.id.len(), "first definition");
                first.level = Level::Note;
                let mut duplicate = RuleDiagnostic::error(
                    "tripline::duplicate-id",
                    format!("duplicate rule id `{}`", rule.id),
                    &source,
                )
                .label(rule.id_offset, rule.id.len(), "defined again here")
                .help("rule ids must be unique across all rule files; rename one of them");
                duplicate.related.push(first);
                diagnostics.push(duplicate);
                continue;
            }
            self.rules.push(rule);
        }
        diagnostics
    }
}

/// Adds a rule for an ad-hoc pattern from the command line (`tripline scan
/// -e`), id `pattern`, whose message lists what each metavariable bound.
pub fn load_pattern(pattern: &str, ruleset: &mut RuleSet) -> Vec<RuleDiagnostic> {
    let source = Arc::new(NamedSource::new("<pattern>", pattern.to_owned()));
    let parsed = match Pattern::parse(pattern) {
        Ok(parsed) => parsed,
        Err(err) => {
            return vec![RuleDiagnostic::error(
                "tripline::invalid-pattern",
                format!("invalid pattern: {}", err.message),
                &source,
            )
            .label(err.offset, 1, "here")
            .help(PATTERN_HELP)]
        }
    };
    let names = parsed.metavariables();
    let message = if names.is_empty() {
        "match".to_owned()
    } else {
        names
            .iter()
            .map(|n| format!("{n} = ${n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    ruleset.patterns.push(parsed);
    ruleset.rules.push(Rule {
        id: "pattern".to_owned(),
        message,
        severity: Severity::Info,
        metadata: serde_json::Value::Null.into(),
        formula: Formula::Pattern(ruleset.patterns.len() - 1),
        paths: PathFilter::default(),
        fix: None,
        fix_regex: None,
        source,
        id_offset: 0,
        taint: None,
    });
    Vec::new()
}

const REGEX_HELP: &str = "tripline uses Rust regex syntax (https://docs.rs/regex/latest/regex/#syntax): no look-around or backreferences";

const CONDITION_HELP: &str = "conditions are Python-like: `$X > 0o644 and int($PORT) < 1024`, `re.match(\"^a\", str($X))`, `$X in [1, 2]`; see docs/rule-language.md";

const PATTERN_HELP: &str =
    "a pattern is Python code with holes: `$X`, `...`, `$...ARGS`, `<... $X ...>`; see docs/rule-language.md";

struct Loader<'a> {
    source: Arc<NamedSource<String>>,
    text: &'a str,
    diagnostics: Vec<RuleDiagnostic>,
    patterns: &'a mut Vec<Pattern>,
}

impl Loader<'_> {
    fn error(
        &mut self,
        code: &'static str,
        message: impl Into<String>,
        at: &Yaml,
        label: impl Into<String>,
        help: impl Into<String>,
    ) {
        let len = self.label_len(at);
        self.diagnostics.push(
            RuleDiagnostic::error(code, message, &self.source)
                .label(at.offset, len, label)
                .help(help),
        );
    }

    /// How much of a value to underline: a scalar as written, or the first
    /// line of a collection.
    fn label_len(&self, at: &Yaml) -> usize {
        if at.len > 0 {
            return at.len;
        }
        let rest = &self.text[at.offset.min(self.text.len())..];
        rest.find('\n').unwrap_or(rest.len()).max(1)
    }

    fn file(&mut self) -> Vec<Rule> {
        let document = match yaml::parse(self.text) {
            Ok(document) => document,
            Err(err) => {
                self.diagnostics.push(
                    RuleDiagnostic::error(
                        "tripline::yaml-syntax",
                        format!("invalid YAML: {}", err.message),
                        &self.source,
                    )
                    .label(err.offset, 1, "here")
                    .help("fix the YAML syntax; a rule file is a mapping with a `rules:` list"),
                );
                return Vec::new();
            }
        };
        let Value::Map(entries) = &document.value else {
            self.error(
                "tripline::not-a-rule-file",
                "a rule file must be a mapping with a `rules:` list",
                &document,
                format!("this is {}", document.value.type_name()),
                "start the file with `rules:` followed by a list of rules",
            );
            return Vec::new();
        };
        let Some((_, rules)) = entries.iter().find(|(k, _)| key_name(k) == Some("rules")) else {
            self.error(
                "tripline::not-a-rule-file",
                "a rule file must have a `rules:` list",
                &document,
                "no `rules:` key in this mapping",
                "start the file with `rules:` followed by a list of rules",
            );
            return Vec::new();
        };
        let Some(items) = self.list(rules, "`rules`") else {
            return Vec::new();
        };
        items.iter().filter_map(|item| self.rule(item)).collect()
    }

    fn list<'y>(&mut self, node: &'y Yaml, what: &str) -> Option<&'y [Yaml]> {
        match &node.value {
            Value::Seq(items) => Some(items),
            other => {
                let found = other.type_name();
                self.error(
                    "tripline::wrong-type",
                    format!("{what} must be a list"),
                    node,
                    format!("this is {found}"),
                    format!("write {what} as a YAML list, one `- ` item per line"),
                );
                None
            }
        }
    }

    fn mapping<'y>(&mut self, node: &'y Yaml, what: &str) -> Option<&'y [(Yaml, Yaml)]> {
        match &node.value {
            Value::Map(entries) => Some(entries),
            other => {
                let found = other.type_name();
                self.error(
                    "tripline::wrong-type",
                    format!("{what} must be a mapping"),
                    node,
                    format!("this is {found}"),
                    format!("write {what} as `key: value` lines"),
                );
                None
            }
        }
    }

    fn string<'y>(&mut self, node: &'y Yaml, what: &str) -> Option<&'y str> {
        match &node.value {
            Value::Str(s) => Some(s),
            other => {
                let found = other.type_name();
                self.error(
                    "tripline::wrong-type",
                    format!("{what} must be a string"),
                    node,
                    format!("this is {found}"),
                    format!("write {what} as text (quote it if YAML reads it as something else)"),
                );
                None
            }
        }
    }

    /// Reports keys not in `allowed`, with a suggestion.
    fn check_keys(&mut self, entries: &[(Yaml, Yaml)], allowed: &[&str], context: &str) -> bool {
        let mut ok = true;
        for (key, _) in entries {
            let Some(name) = key_name(key) else {
                self.error(
                    "tripline::wrong-type",
                    "keys must be strings",
                    key,
                    "this key",
                    "use a plain word as the key",
                );
                ok = false;
                continue;
            };
            if allowed.contains(&name) {
                continue;
            }
            ok = false;
            let help = match did_you_mean(name, allowed) {
                Some(suggestion) => format!("did you mean `{suggestion}`?"),
                None => format!("allowed here: {}", allowed.join(", ")),
            };
            self.error(
                "tripline::unknown-key",
                format!("unknown key `{name}` in {context}"),
                key,
                "not a known key",
                help,
            );
        }
        ok
    }

    fn rule(&mut self, node: &Yaml) -> Option<Rule> {
        let entries = self.mapping(node, "a rule")?;
        let errors_before = self.diagnostics.len();
        self.check_keys(entries, RULE_KEYS, "a rule");
        let get = |key: &str| {
            entries
                .iter()
                .find(|(k, _)| key_name(k) == Some(key))
                .map(|(_, v)| v)
        };

        let id_node = get("id");
        let id = id_node
            .and_then(|n| self.string(n, "`id`"))
            .map(str::to_owned);
        if id_node.is_none() {
            self.missing(
                node,
                "id",
                "give the rule a unique `id:`, e.g. `id: python.code-injection.eval-used`",
            );
        }
        for (key, example) in [
            ("message", "`message: Avoid eval() on untrusted input`"),
            (
                "severity",
                "`severity: ERROR` (ERROR, WARNING, INFO, or CRITICAL, HIGH, MEDIUM, LOW)",
            ),
            ("languages", "`languages: [python]`"),
        ] {
            if get(key).is_none() {
                self.missing(node, key, &format!("add {example}"));
            }
        }
        let message = get("message")
            .and_then(|n| self.string(n, "`message`"))
            .map(str::to_owned);
        let severity = get("severity").and_then(|n| self.severity(n));
        if let Some(languages) = get("languages") {
            self.languages(languages);
        }
        let metadata = get("metadata").map_or(serde_json::Value::Null, to_json);
        let paths = get("paths").map(|p| self.paths(p)).unwrap_or_default();
        let fix = get("fix")
            .and_then(|n| self.string(n, "`fix`"))
            .map(str::to_owned);
        let fix_regex = get("fix-regex").and_then(|n| self.fix_regex(n));
        let options = get("options").map(|n| self.options(n)).unwrap_or_default();
        let first_pattern = self.patterns.len();
        let mut taint_mode = false;
        if let Some(mode) = get("mode") {
            match self.string(mode, "`mode`") {
                Some("search") | None => {}
                Some("taint") => taint_mode = true,
                Some(other) => {
                    let other = other.to_owned();
                    self.error(
                        "tripline::unknown-value",
                        format!("unknown mode `{other}`"),
                        mode,
                        "not a mode",
                        "use `mode: search` or `mode: taint`",
                    )
                }
            }
        } else {
            for (key, _) in entries {
                if key_name(key).is_some_and(|k| TAINT_KEYS.contains(&k)) {
                    self.error(
                        "tripline::taint-key-outside-taint-mode",
                        format!("`{}` is only meaningful in a taint rule", key_name(key).unwrap_or_default()),
                        key,
                        "taint key",
                        "add `mode: taint` to the rule, or use `pattern`/`patterns` for a search rule",
                    );
                }
            }
        }

        let formulas: Vec<&(Yaml, Yaml)> = entries
            .iter()
            .filter(|(k, _)| key_name(k).is_some_and(|k| TOP_FORMULA_KEYS.contains(&k)))
            .collect();
        let taint = taint_mode.then(|| self.taint(node, &formulas));
        let formula = match formulas.as_slice() {
            // A taint rule's parts are in `taint`; its own formula matches nothing.
            _ if taint_mode => Some(Formula::Either(Vec::new())),
            [] => {
                // A misspelled pattern key has already been reported with
                // its "did you mean"; saying it is missing adds nothing.
                let misspelled = entries.iter().any(|(k, _)| {
                    key_name(k).is_some_and(|name| {
                        !RULE_KEYS.contains(&name)
                            && did_you_mean(name, RULE_KEYS)
                                .is_some_and(|s| TOP_FORMULA_KEYS.contains(&s))
                    })
                });
                if get("mode").is_none() && !misspelled {
                    self.missing(
                        node,
                        "pattern",
                        "add one of `pattern`, `patterns`, `pattern-either` or `pattern-regex`",
                    );
                }
                None
            }
            [(key, value)] => self.formula(key_name(key).unwrap_or_default(), value),
            [_, (second, _), ..] => {
                self.error(
                    "tripline::several-formulas",
                    "a rule has exactly one top-level pattern key",
                    second,
                    "a second one",
                    "combine them under `patterns:` (all must match) or `pattern-either:` (any may match)",
                );
                None
            }
        };
        for pattern in &mut self.patterns[first_pattern..] {
            pattern.options = options;
        }
        if let (Some(formula), Some(message), Some(node)) = (&formula, &message, get("message")) {
            // A taint finding is at a sink: its message shows what the sink
            // and the source bound.
            let bound = match &taint {
                Some(Some(taint)) => Some(
                    taint
                        .sinks
                        .iter()
                        .map(|sink| &sink.formula)
                        .chain(taint.sources.iter().map(|source| &source.formula))
                        .flat_map(|formula| bound_names(formula, self.patterns))
                        .collect(),
                ),
                // Its parts have errors (reported): what they bind is not known.
                Some(None) => None,
                None => Some(bound_names(formula, self.patterns)),
            };
            if let Some(bound) = bound {
                self.check_message(&bound, message, node);
            }
        }
        if self.diagnostics[errors_before..]
            .iter()
            .any(|d| d.level == Level::Error)
        {
            return None;
        }
        Some(Rule {
            id: id?,
            message: message?,
            severity: severity?,
            metadata: metadata.into(),
            formula: formula?,
            paths,
            fix,
            fix_regex,
            source: self.source.clone(),
            id_offset: id_node?.offset,
            taint: match taint {
                Some(parts) => Some(Box::new(parts?)),
                None => None,
            },
        })
    }

    /// Warns about each `$X` in the message that the rule never binds: it
    /// would be printed literally.
    fn check_message(&mut self, bound: &BTreeSet<String>, message: &str, node: &Yaml) {
        for found in METAVARIABLE.find_iter(message) {
            let name = found
                .as_str()
                .trim_start_matches('$')
                .trim_start_matches("...");
            if bound.contains(name) {
                continue;
            }
            let at = yaml::value_offset_in_file(self.text, node, found.start());
            let text = found.as_str().to_owned();
            self.diagnostics.push(
                RuleDiagnostic::warning("tripline::unbound-metavariable", format!("`{text}` in the message is not bound by the rule's patterns"), &self.source)
                    .label(at, text.len(), "never bound")
                    .help(format!("the message will show `{text}` literally; bind it in a positive pattern, or fix the name")),
            );
        }
    }

    fn warning(
        &mut self,
        at: &Yaml,
        message: impl Into<String>,
        label: impl Into<String>,
        help: impl Into<String>,
    ) {
        let len = self.label_len(at);
        self.diagnostics.push(
            RuleDiagnostic::warning("tripline::unbound-metavariable", message, &self.source)
                .label(at.offset, len, label)
                .help(help),
        );
    }

    /// An error at a byte of a scalar's value (a pattern, regex or
    /// condition), with the caret on that character in the file.
    fn error_in_value(
        &mut self,
        node: &Yaml,
        offset: usize,
        code: &'static str,
        message: String,
        help: &str,
    ) {
        let at = yaml::value_offset_in_file(self.text, node, offset);
        self.diagnostics.push(
            RuleDiagnostic::error(code, message, &self.source)
                .label(at, 1, "here")
                .help(help),
        );
    }

    fn missing(&mut self, rule: &Yaml, key: &str, help: &str) {
        self.error(
            "tripline::missing-key",
            format!("this rule has no `{key}`"),
            rule,
            format!("`{key}` missing in this rule"),
            help,
        );
    }

    fn severity(&mut self, node: &Yaml) -> Option<Severity> {
        let text = self.string(node, "`severity`")?;
        let severity = Severity::parse(text);
        if severity.is_none() {
            let text = text.to_owned();
            self.error(
                "tripline::unknown-value",
                format!("unknown severity `{text}`"),
                node,
                "not a severity",
                "use ERROR, WARNING or INFO (Semgrep), or CRITICAL, HIGH, MEDIUM or LOW",
            );
        }
        severity
    }

    fn languages(&mut self, node: &Yaml) {
        let Some(items) = self.list(node, "`languages`") else {
            return;
        };
        if items.is_empty() {
            self.error(
                "tripline::missing-key",
                "`languages` is empty",
                node,
                "empty list",
                "write `languages: [python]`",
            );
        }
        for item in items {
            let Some(language) = self.string(item, "a language") else {
                continue;
            };
            if !["python", "python2", "python3", "py"]
                .contains(&language.to_ascii_lowercase().as_str())
            {
                let language = language.to_owned();
                self.error(
                    "tripline::unsupported-language",
                    format!("tripline scans Python only, not `{language}`"),
                    item,
                    "unsupported language",
                    "use `languages: [python]`; rules for other languages belong to other tools",
                );
            }
        }
    }

    fn paths(&mut self, node: &Yaml) -> PathFilter {
        let Some(entries) = self.mapping(node, "`paths`") else {
            return PathFilter::default();
        };
        self.check_keys(entries, &["include", "exclude"], "`paths`");
        let mut filter = PathFilter::default();
        for (key, value) in entries {
            let set = self.globs(value);
            match key_name(key) {
                Some("include") => filter.include = set,
                Some("exclude") => filter.exclude = set,
                _ => {}
            }
        }
        filter
    }

    fn globs(&mut self, node: &Yaml) -> Option<PathGlobs> {
        let items: Vec<&Yaml> = match &node.value {
            Value::Seq(items) => items.iter().collect(),
            _ => vec![node],
        };
        let texts: Vec<String> = items
            .iter()
            .map(|item| self.string(item, "a path glob").map(str::to_owned))
            .collect::<Option<_>>()?;
        match PathGlobs::new(&texts) {
            Ok(globs) => Some(globs),
            Err(err) => {
                self.error(
                    "tripline::invalid-glob",
                    format!("invalid glob: {}", err.message),
                    items[err.index],
                    "this glob",
                    "globs use `*` (within a directory), `**` (across directories), `?` and `[abc]`; see docs/rule-language.md",
                );
                None
            }
        }
    }

    /// The formula under `key` (one of the pattern keys).
    fn formula(&mut self, key: &str, value: &Yaml) -> Option<Formula> {
        match key {
            "pattern" => self.pattern(value).map(Formula::Pattern),
            "pattern-regex" => self
                .regex(value, "`pattern-regex`", false)
                .map(Formula::Regex),
            "patterns" => self.conjunction(value).map(Formula::All),
            "pattern-either" => {
                let items = self.list(value, "`pattern-either`")?;
                if items.is_empty() {
                    self.error(
                        "tripline::empty-either",
                        "`pattern-either` is empty",
                        value,
                        "no alternatives",
                        "list at least one pattern under it",
                    );
                    return None;
                }
                let mut alternatives = Vec::new();
                let mut ok = true;
                for item in items {
                    match self.single_key(item, EITHER_KEYS, "`pattern-either`") {
                        Some((k, v)) => match self.formula(k, v) {
                            Some(f) => alternatives.push(f),
                            None => ok = false,
                        },
                        None => ok = false,
                    }
                }
                ok.then_some(Formula::Either(alternatives))
            }
            // `pattern-inside` as an alternative of `pattern-either` acts as a pattern.
            "pattern-inside" => self.nested(value),
            _ => None,
        }
    }

    /// The value of `pattern-not`, `pattern-inside`...: a pattern, or a
    /// mapping holding one formula key.
    fn nested(&mut self, value: &Yaml) -> Option<Formula> {
        match &value.value {
            Value::Map(_) => {
                let (key, inner) = self.single_key(value, TOP_FORMULA_KEYS, "a nested formula")?;
                self.formula(key, inner)
            }
            _ => self.pattern(value).map(Formula::Pattern),
        }
    }

    /// A list item that must be a mapping with exactly one of `allowed`.
    fn single_key<'y>(
        &mut self,
        item: &'y Yaml,
        allowed: &[&str],
        context: &str,
    ) -> Option<(&'y str, &'y Yaml)> {
        let entries = self.mapping(item, &format!("an item of {context}"))?;
        if !self.check_keys(entries, allowed, context) {
            return None;
        }
        match entries {
            [(key, value)] => Some((key_name(key)?, value)),
            [] => None,
            [_, (second, _), ..] => {
                self.error(
                    "tripline::several-keys",
                    format!("each item of {context} has exactly one key"),
                    second,
                    "second key of the same item",
                    "start a new `- ` item for each key",
                );
                None
            }
        }
    }

    fn conjunction(&mut self, value: &Yaml) -> Option<Conjunction> {
        let items = self.list(value, "`patterns`")?;
        let mut conjunction = Conjunction::default();
        let mut ok = true;
        // Where each condition and focus names a metavariable, to warn when
        // no positive pattern of this `patterns` binds it.
        let mut uses: Vec<&Yaml> = Vec::new();
        // Conditions written as expressions, and the metavariables they name.
        let mut named_in_conditions: Vec<(&Yaml, Vec<String>)> = Vec::new();
        for item in items {
            let Some((key, inner)) = self.single_key(item, CONJUNCTION_KEYS, "`patterns`") else {
                ok = false;
                continue;
            };
            let added = match key {
                "pattern" | "patterns" | "pattern-either" | "pattern-regex" => {
                    self.formula(key, inner).map(|formula| {
                        conjunction.positives.push(Positive {
                            formula,
                            inside: false,
                        });
                    })
                }
                "pattern-inside" => self.nested(inner).map(|formula| {
                    conjunction.positives.push(Positive {
                        formula,
                        inside: true,
                    });
                }),
                "pattern-not" | "pattern-not-inside" => {
                    let kind = if key == "pattern-not" {
                        NegationKind::Not
                    } else {
                        NegationKind::NotInside
                    };
                    self.nested(inner)
                        .map(|formula| conjunction.negatives.push(Negative { formula, kind }))
                }
                "pattern-not-regex" => {
                    self.regex(inner, "`pattern-not-regex`", false)
                        .map(|regex| {
                            conjunction.negatives.push(Negative {
                                formula: Formula::Regex(regex),
                                kind: NegationKind::NotRegex,
                            });
                        })
                }
                "metavariable-regex" => {
                    uses.extend(entry(inner, "metavariable"));
                    self.metavariable_regex(inner)
                        .map(|c| conjunction.conditions.push(c))
                }
                "metavariable-comparison" => {
                    uses.extend(entry(inner, "metavariable"));
                    let condition = self.comparison(inner);
                    if let Some(Condition::Comparison { expression, .. }) = &condition {
                        named_in_conditions.push((
                            entry(inner, "comparison").unwrap_or(inner),
                            expression.metavariables(),
                        ));
                    }
                    condition.map(|c| conjunction.conditions.push(c))
                }
                "where" => {
                    let condition = self.expression(inner, "`where`").map(|expression| {
                        named_in_conditions.push((inner, expression.metavariables()));
                        Condition::Comparison {
                            expression,
                            metavariable: None,
                            strip: false,
                        }
                    });
                    condition.map(|c| conjunction.conditions.push(c))
                }
                "metavariable-pattern" => {
                    uses.extend(entry(inner, "metavariable"));
                    self.metavariable_pattern(inner)
                        .map(|c| conjunction.conditions.push(c))
                }
                "focus-metavariable" => {
                    match &inner.value {
                        Value::Seq(names) => uses.extend(names),
                        _ => uses.push(inner),
                    }
                    self.focus(inner).map(|names| conjunction.focus.push(names))
                }
                _ => None,
            };
            ok &= added.is_some();
        }
        if ok && !conjunction.positives.is_empty() {
            // What the positives bind, and what `metavariable-pattern`s add.
            let bound: BTreeSet<String> = conjunction
                .positives
                .iter()
                .map(|p| &p.formula)
                .chain(conjunction.conditions.iter().filter_map(|c| match c {
                    Condition::Pattern { formula, .. } => Some(formula),
                    _ => None,
                }))
                .flat_map(|f| bound_names(f, self.patterns))
                .collect();
            for (node, names) in &named_in_conditions {
                for name in names.iter().filter(|n| !bound.contains(n.as_str())) {
                    self.warning(
                        node,
                        format!("`${name}` in this condition is not bound by any positive pattern of this `patterns`"),
                        "never bound",
                        "the condition can never hold, so the rule never matches; bind it in a `pattern`, or fix the name",
                    );
                }
            }
            for node in uses {
                if let Value::Str(name) = &node.value {
                    let bare = name.trim_start_matches('$');
                    if !bound.contains(bare) {
                        self.warning(
                            node,
                            format!("`{name}` is not bound by any positive pattern of this `patterns`"),
                            "never bound",
                            format!(
                                "the rule can never match: bind `{name}` in a `pattern`, `pattern-inside` or `pattern-either` of the same `patterns`, or fix the name"
                            ),
                        );
                    }
                }
            }
        }
        if ok && conjunction.positives.is_empty() {
            self.error(
                "tripline::no-positive-pattern",
                "`patterns` has no positive pattern, so it can never match",
                value,
                "only negations and conditions here",
                "add a `pattern`, `pattern-inside`, `pattern-either` or `pattern-regex` item",
            );
            return None;
        }
        ok.then_some(conjunction)
    }

    fn pattern(&mut self, node: &Yaml) -> Option<usize> {
        let text = self.string(node, "a pattern")?;
        match Pattern::parse(text) {
            Ok(pattern) => {
                self.patterns.push(pattern);
                Some(self.patterns.len() - 1)
            }
            Err(err) => {
                let message = format!("invalid pattern: {}", err.message);
                self.error_in_value(
                    node,
                    err.offset,
                    "tripline::invalid-pattern",
                    message,
                    PATTERN_HELP,
                );
                None
            }
        }
    }

    /// Compiles a regex written in the YAML; `anchored` adds Semgrep's
    /// implicit `^` of `metavariable-regex`.
    fn regex(&mut self, node: &Yaml, what: &str, anchored: bool) -> Option<Regex> {
        let text = self.string(node, what)?;
        // Mistakes are shown at their place in the text as written.
        let compiled = check_regex_syntax(text).and_then(|()| match anchored {
            true => compile_regex(&format!("^(?:{text})")),
            false => compile_regex(text),
        });
        match compiled {
            Ok(regex) => Some(regex),
            Err(err) => {
                self.error_in_value(
                    node,
                    err.offset,
                    "tripline::invalid-regex",
                    err.message,
                    REGEX_HELP,
                );
                None
            }
        }
    }

    fn metavariable_regex(&mut self, value: &Yaml) -> Option<Condition> {
        let entries = self.mapping(value, "`metavariable-regex`")?;
        self.check_keys(
            entries,
            &["metavariable", "regex", "constant-propagation"],
            "`metavariable-regex`",
        );
        let get = |key: &str| {
            entries
                .iter()
                .find(|(k, _)| key_name(k) == Some(key))
                .map(|(_, v)| v)
        };
        let (Some(name), Some(regex)) = (get("metavariable"), get("regex")) else {
            self.error(
                "tripline::missing-key",
                "`metavariable-regex` needs `metavariable` and `regex`",
                value,
                "incomplete",
                "write `metavariable: $X` and `regex: ...`",
            );
            return None;
        };
        let metavariable = self.metavariable_name(name)?;
        let written = match &regex.value {
            Value::Str(text) => text.clone(),
            _ => String::new(),
        };
        let regex = self.regex(regex, "`regex`", true)?;
        Some(Condition::Regex {
            metavariable,
            regex,
            written,
        })
    }

    /// `metavariable-comparison: {metavariable?, comparison, base?, strip?}`.
    fn comparison(&mut self, value: &Yaml) -> Option<Condition> {
        let entries = self.mapping(value, "`metavariable-comparison`")?;
        self.check_keys(
            entries,
            &["metavariable", "comparison", "base", "strip"],
            "`metavariable-comparison`",
        );
        let Some(comparison) = entry(value, "comparison") else {
            self.error(
                "tripline::missing-key",
                "`metavariable-comparison` needs `comparison`",
                value,
                "incomplete",
                "write `comparison: $X > 1024` (and optionally `metavariable: $X`)",
            );
            return None;
        };
        let expression = self.expression(comparison, "`comparison`")?;
        let metavariable = match entry(value, "metavariable") {
            Some(name) => Some(self.metavariable_name(name)?),
            None => None,
        };
        // `base` is accepted and, as in Semgrep, changes nothing: numbers in
        // the code are read in the base they are written in (`0o755`).
        if let Some(base) = entry(value, "base") {
            if !matches!(base.value, Value::Int(2..=36)) {
                self.error(
                    "tripline::wrong-type",
                    "`base` must be a whole number from 2 to 36",
                    base,
                    "not a base",
                    "write e.g. `base: 8`, or leave it out: it has no effect",
                );
                return None;
            }
        }
        let strip = match entry(value, "strip").map(|b| &b.value) {
            None => false,
            Some(Value::Bool(strip)) => *strip,
            Some(_) => {
                let node = entry(value, "strip").unwrap_or(value);
                self.error(
                    "tripline::wrong-type",
                    "`strip` must be true or false",
                    node,
                    "not a boolean",
                    "write `strip: true`",
                );
                return None;
            }
        };
        Some(Condition::Comparison {
            expression,
            metavariable,
            strip,
        })
    }

    /// A condition expression, with parse errors placed inside the YAML.
    fn expression(&mut self, node: &Yaml, what: &str) -> Option<Expression> {
        let text = self.string(node, what)?;
        match Expression::parse(text) {
            Ok(expression) => Some(expression),
            Err(err) => {
                self.error_in_value(
                    node,
                    err.offset,
                    "tripline::invalid-condition",
                    err.message,
                    CONDITION_HELP,
                );
                None
            }
        }
    }

    /// `metavariable-pattern: {metavariable, pattern|patterns|..., language?}`.
    fn metavariable_pattern(&mut self, value: &Yaml) -> Option<Condition> {
        let entries = self.mapping(value, "`metavariable-pattern`")?;
        let mut allowed = vec!["metavariable", "language"];
        allowed.extend(TOP_FORMULA_KEYS);
        if !self.check_keys(entries, &allowed, "`metavariable-pattern`") {
            return None;
        }
        if let Some(language) = entry(value, "language") {
            let name = self.string(language, "`language`")?;
            if !["python", "python3", "py"].contains(&name.to_ascii_lowercase().as_str()) {
                let name = name.to_owned();
                self.error(
                    "tripline::unsupported-language",
                    format!("`metavariable-pattern` with `language: {name}` is not supported"),
                    language,
                    "only python",
                    "match the metavariable with Python patterns, or use `metavariable-regex` on its text",
                );
                return None;
            }
        }
        let Some(name) = entry(value, "metavariable") else {
            self.error(
                "tripline::missing-key",
                "`metavariable-pattern` needs `metavariable`",
                value,
                "incomplete",
                "write `metavariable: $X` and a `pattern`, `patterns` or `pattern-either`",
            );
            return None;
        };
        let metavariable = self.metavariable_name(name)?;
        let formulas: Vec<&(Yaml, Yaml)> = entries
            .iter()
            .filter(|(k, _)| key_name(k).is_some_and(|k| TOP_FORMULA_KEYS.contains(&k)))
            .collect();
        let [(key, inner)] = formulas.as_slice() else {
            self.error("tripline::missing-key", "`metavariable-pattern` needs exactly one of `pattern`, `patterns`, `pattern-either`, `pattern-regex`", value, "here", "add one pattern key");
            return None;
        };
        let formula = self.formula(key_name(key).unwrap_or_default(), inner)?;
        Some(Condition::Pattern {
            metavariable,
            formula,
        })
    }

    /// `fix-regex: {regex, replacement, count?}`.
    fn fix_regex(&mut self, value: &Yaml) -> Option<FixRegex> {
        let entries = self.mapping(value, "`fix-regex`")?;
        self.check_keys(entries, &["regex", "replacement", "count"], "`fix-regex`");
        let (Some(regex), Some(replacement)) = (entry(value, "regex"), entry(value, "replacement"))
        else {
            self.error(
                "tripline::missing-key",
                "`fix-regex` needs `regex` and `replacement`",
                value,
                "incomplete",
                "write `regex: ...` and `replacement: ...`",
            );
            return None;
        };
        let regex = self.regex(regex, "`regex`", false)?;
        let replacement = self.string(replacement, "`replacement`")?;
        // Semgrep's replacements use Python's `\1`; the regex crate's `${1}`.
        let replacement = BACKREFERENCE
            .replace_all(replacement, "$${${1}}")
            .into_owned();
        let count = match entry(value, "count").map(|c| &c.value) {
            None => None,
            Some(Value::Int(count)) if *count > 0 => Some(*count as usize),
            Some(_) => {
                let node = entry(value, "count").unwrap_or(value);
                self.error(
                    "tripline::wrong-type",
                    "`count` must be a positive whole number",
                    node,
                    "not a count",
                    "write e.g. `count: 1`, or leave it out to replace every match",
                );
                return None;
            }
        };
        Some(FixRegex {
            regex,
            replacement,
            count,
        })
    }

    /// `options:` — the matching options tripline knows, checked; other
    /// Semgrep options are accepted and have no effect.
    fn options(&mut self, value: &Yaml) -> MatchOptions {
        let mut options = MatchOptions::default();
        let Some(entries) = self.mapping(value, "`options`") else {
            return options;
        };
        for (key, setting) in entries {
            let target = match key_name(key) {
                Some("constant_propagation") => &mut options.constant_propagation,
                Some("symbolic_propagation") => &mut options.symbolic_propagation,
                _ => continue,
            };
            match setting.value {
                Value::Bool(on) => *target = on,
                _ => self.error(
                    "tripline::wrong-type",
                    "this option must be true or false",
                    setting,
                    "not a boolean",
                    "write `true` or `false`",
                ),
            }
        }
        options
    }

    fn focus(&mut self, value: &Yaml) -> Option<Vec<String>> {
        match &value.value {
            Value::Seq(items) => items.iter().map(|i| self.metavariable_name(i)).collect(),
            _ => self.metavariable_name(value).map(|n| vec![n]),
        }
    }

    /// `$X` → `X`.
    fn metavariable_name(&mut self, node: &Yaml) -> Option<String> {
        let text = self.string(node, "a metavariable")?;
        let name = text.strip_prefix('$').filter(|n| {
            n.starts_with(|c: char| c.is_ascii_uppercase() || c == '_')
                && n.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        });
        if name.is_none() {
            self.error(
                "tripline::invalid-metavariable",
                format!("`{text}` is not a metavariable"),
                node,
                "expected `$` and an uppercase name",
                "metavariables look like `$X`, `$FUNC` or `$ARG_1`",
            );
        }
        name.map(str::to_owned)
    }
}

/// `\1` in a Python-style replacement.
static BACKREFERENCE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\\(\d+)").expect("valid regex"));

/// `$NAME`, `$...NAME` and `$1` in messages.
static METAVARIABLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\$(?:\.\.\.)?(?:[A-Z_][A-Z0-9_]*|[0-9]+)").expect("valid regex"));

/// The metavariables a formula's positive patterns bind (without `$`).
fn bound_names(formula: &Formula, patterns: &[Pattern]) -> BTreeSet<String> {
    match formula {
        Formula::Pattern(index) => patterns[*index].metavariables().into_iter().collect(),
        Formula::Regex(regex) => regex
            .capture_names()
            .enumerate()
            .skip(1)
            .map(|(i, name)| name.map_or_else(|| i.to_string(), str::to_owned))
            .collect(),
        Formula::Either(alternatives) => alternatives
            .iter()
            .flat_map(|f| bound_names(f, patterns))
            .collect(),
        Formula::All(conjunction) => conjunction
            .positives
            .iter()
            .map(|p| &p.formula)
            .chain(conjunction.conditions.iter().filter_map(|c| match c {
                Condition::Pattern { formula, .. } => Some(formula),
                _ => None,
            }))
            .flat_map(|f| bound_names(f, patterns))
            .collect(),
    }
}

/// The value under `key` in a mapping node.
fn entry<'y>(node: &'y Yaml, key: &str) -> Option<&'y Yaml> {
    match &node.value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| key_name(k) == Some(key))
            .map(|(_, v)| v),
        _ => None,
    }
}

fn key_name(key: &Yaml) -> Option<&str> {
    match &key.value {
        Value::Str(s) => Some(s),
        _ => None,
    }
}

/// The allowed key closest to `name`, if it is close enough to be a typo
/// (`_` and `-` count as the same). Shared with the CLI's configuration
/// file, so that both kinds of file suggest keys alike.
pub fn did_you_mean<'a>(name: &str, allowed: &[&'a str]) -> Option<&'a str> {
    let normalized = name.to_ascii_lowercase().replace('_', "-");
    allowed
        .iter()
        .map(|candidate| (edit_distance(&normalized, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 5))
        .min()
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// Rule metadata is free-form; it is kept as JSON for output.
fn to_json(node: &Yaml) -> serde_json::Value {
    match &node.value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => (*b).into(),
        Value::Int(i) => (*i).into(),
        Value::Float(f) => serde_json::Number::from_f64(*f)
            .map_or(serde_json::Value::Null, serde_json::Value::Number),
        Value::Str(s) => s.clone().into(),
        Value::Seq(items) => items.iter().map(to_json).collect(),
        Value::Map(entries) => {
            let map: serde_json::Map<String, serde_json::Value> = entries
                .iter()
                .map(|(k, v)| {
                    let key = match &k.value {
                        Value::Str(s) => s.clone(),
                        other => to_json(&Yaml {
                            value: other.clone(),
                            offset: 0,
                            len: 0,
                        })
                        .to_string(),
                    };
                    (key, to_json(v))
                })
                .collect();
            serde_json::Value::Object(map)
        }
    }
}
