//! Scanning one file: read it, parse it once, run every pattern of every
//! rule in a single traversal (each node is tried only against patterns
//! whose root can match its kind), then evaluate each rule's formula.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;
use tripline_pattern::names::module_path;
use tripline_pattern::{python, Env, FileIndex, Match, Node, SyntaxTree};
use tripline_rule::{Requirement, Rule, RuleSet};

use crate::discover::Target;
use crate::evaluate::{collect_patterns, evaluate, FileContext};
use crate::report::{FileError, Finding, MetavarValue, Position};

/// The rule set prepared for scanning: patterns indexed by the node kinds
/// their root can match, and each rule's patterns listed.
pub struct Prepared<'r> {
    pub ruleset: &'r RuleSet,
    /// `by_kind[kind_id]`: patterns whose root has that kind.
    by_kind: Vec<Vec<usize>>,
    /// Patterns that can match any node (`$X`, `<... $X ...>`).
    any_kind: Vec<usize>,
    /// The patterns each rule uses, by rule index.
    rule_patterns: Vec<Vec<usize>>,
    /// The words a file must contain for each rule to run on it.
    requirements: Vec<Requirement>,
}

impl<'r> Prepared<'r> {
    pub fn new(ruleset: &'r RuleSet) -> Self {
        let kind_count = python::language().node_kind_count();
        let mut by_kind = vec![Vec::new(); kind_count];
        let mut any_kind = Vec::new();
        for (index, pattern) in ruleset.patterns.iter().enumerate() {
            match pattern.root_kinds() {
                Some(kinds) => {
                    for kind in kinds {
                        by_kind[usize::from(kind)].push(index);
                    }
                }
                None => any_kind.push(index),
            }
        }
        let rule_patterns = ruleset
            .rules
            .iter()
            .map(|rule| {
                let mut patterns = Vec::new();
                collect_patterns(&rule.formula, &mut patterns);
                patterns
            })
            .collect();
        let requirements = ruleset
            .rules
            .iter()
            .map(|rule| Requirement::of(&rule.formula, &ruleset.patterns))
            .collect();
        Prepared {
            ruleset,
            by_kind,
            any_kind,
            rule_patterns,
            requirements,
        }
    }
}

/// The result of scanning one file.
#[derive(Debug, Default)]
pub struct FileOutcome {
    pub findings: Vec<Finding>,
    pub error: Option<FileError>,
    pub scanned: bool,
    pub syntax_errors: bool,
    pub bytes: u64,
}

/// Reads and scans one file.
pub fn scan_file(prepared: &Prepared<'_>, target: &Target) -> FileOutcome {
    let display = target.path.display().to_string();
    let fail = |kind, message: String| FileOutcome {
        error: Some(FileError {
            path: display.clone(),
            kind,
            message,
        }),
        ..FileOutcome::default()
    };
    let bytes = match std::fs::read(&target.path) {
        Ok(bytes) => bytes,
        Err(err) => return fail("read", format!("cannot read: {err}")),
    };
    if bytes.contains(&0) {
        return fail(
            "binary",
            "contains NUL bytes; not a Python source file".to_owned(),
        );
    }
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            return fail(
                "encoding",
                format!(
                    "not valid UTF-8 (first bad byte at offset {})",
                    err.utf8_error().valid_up_to()
                ),
            )
        }
    };
    let rules: Vec<usize> = (0..prepared.ruleset.rules.len())
        .filter(|&i| prepared.ruleset.rules[i].paths.allows(&target.relative))
        // A rule whose required words are not in the file cannot match it.
        .filter(|&i| prepared.requirements[i].is_met_by(&text))
        .collect();
    let mut outcome = FileOutcome {
        scanned: true,
        bytes: text.len() as u64,
        ..FileOutcome::default()
    };
    if rules.is_empty() {
        // No rule can match: the file is not even parsed.
        return outcome;
    }
    let Some(tree) = SyntaxTree::parse(&text) else {
        return fail("parse", "the parser gave up on this file".to_owned());
    };
    outcome.syntax_errors = tree.root().has_error();
    outcome.findings = find(prepared, &rules, &tree, &text, target);
    outcome
}

/// Runs the given rules over a parsed file.
fn find(
    prepared: &Prepared<'_>,
    rules: &[usize],
    tree: &SyntaxTree,
    text: &str,
    target: &Target,
) -> Vec<Finding> {
    let lines = LineIndex::new(text);
    let path = target.path.display().to_string();
    let module = module_path(&target.relative);
    with_matches(prepared, rules, tree, text, module.as_deref(), |file| {
        let mut findings = Vec::new();
        for &index in rules {
            let rule = &prepared.ruleset.rules[index];
            for candidate in evaluate(&rule.formula, file) {
                findings.push(finding(rule, &candidate, &path, text, &lines));
            }
        }
        findings
    })
}

/// Matches the patterns of `rules` over a parsed file and hands the result
/// to `use_matches` (the matches borrow the tree, so they cannot outlive it).
/// `module` is the file's dotted module path, for relative imports.
pub fn with_matches<'t, R>(
    prepared: &Prepared<'_>,
    rules: &[usize],
    tree: &'t SyntaxTree,
    text: &str,
    module: Option<&str>,
    use_matches: impl FnOnce(&FileContext<'_, 't>) -> R,
) -> R {
    let source = text.as_bytes();
    let mut wanted = vec![false; prepared.ruleset.patterns.len()];
    for &rule in rules {
        for &pattern in &prepared.rule_patterns[rule] {
            wanted[pattern] = true;
        }
    }
    let names = FileIndex::build(tree.root(), source, module);
    let pattern_matches = match_patterns(prepared, &wanted, tree.root(), source, &names);
    let count = prepared.ruleset.patterns.len();
    let match_within = |patterns: &[usize], node: Node<'t>| -> Vec<Vec<Match<'t>>> {
        let mut wanted = vec![false; count];
        for &pattern in patterns {
            wanted[pattern] = true;
        }
        match_patterns(prepared, &wanted, node, source, &names)
    };
    use_matches(&FileContext {
        source,
        text,
        pattern_matches: &pattern_matches,
        names: &names,
        root: tree.root(),
        match_within: &match_within,
    })
}

/// One pre-order traversal of the tree; each node is offered to the
/// patterns that can match its kind.
fn match_patterns<'t>(
    prepared: &Prepared<'_>,
    wanted: &[bool],
    root: Node<'t>,
    source: &[u8],
    names: &FileIndex<'t>,
) -> Vec<Vec<Match<'t>>> {
    let mut matches: Vec<Vec<Match<'t>>> = vec![Vec::new(); prepared.ruleset.patterns.len()];
    let any_kind: Vec<usize> = prepared
        .any_kind
        .iter()
        .copied()
        .filter(|&p| wanted[p])
        .collect();
    for node in root.descendants().filter(Node::is_named) {
        let by_kind = prepared
            .by_kind
            .get(usize::from(node.kind_id()))
            .map_or(&[][..], Vec::as_slice);
        for &index in by_kind.iter().filter(|&&p| wanted[p]).chain(&any_kind) {
            prepared.ruleset.patterns[index].matches_at(
                node,
                source,
                Some(names),
                &mut matches[index],
            );
        }
    }
    matches
}

pub fn finding(
    rule: &Rule,
    candidate: &Match<'_>,
    path: &str,
    text: &str,
    lines: &LineIndex,
) -> Finding {
    let source = text.as_bytes();
    let metavars = candidate
        .env
        .iter()
        .map(|(name, bound)| {
            let range = bound.range();
            (
                format!("${name}"),
                MetavarValue {
                    text: bound.text(source).into_owned(),
                    start: lines.position(text, range.start),
                    end: lines.position(text, range.end),
                },
            )
        })
        .collect::<BTreeMap<_, _>>();
    Finding {
        rule_id: rule.id.clone(),
        path: path.to_owned(),
        start: lines.position(text, candidate.range.start),
        end: lines.position(text, candidate.range.end),
        message: interpolate(&rule.message, &candidate.env, source),
        severity: rule.severity,
        metadata: rule.metadata.clone(),
        metavars,
        lines: lines.full_lines(text, candidate.range.clone()).to_owned(),
        fix: fix(rule, candidate, text),
    }
}

/// The fix a rule suggests for a match: its `fix:` template with the
/// metavariables filled in, or the matched code rewritten by `fix-regex`.
fn fix(rule: &Rule, candidate: &Match<'_>, text: &str) -> Option<String> {
    if let Some(template) = &rule.fix {
        return Some(interpolate(template, &candidate.env, text.as_bytes()));
    }
    let fix = rule.fix_regex.as_ref()?;
    let matched = &text[candidate.range.clone()];
    Some(
        fix.regex
            .replacen(matched, fix.count.unwrap_or(0), fix.replacement.as_str())
            .into_owned(),
    )
}

/// Replaces `$NAME`, `$...NAME` and `$1` (a `pattern-regex` group) in a
/// message or fix by what it bound; unbound names stay as written.
pub fn interpolate(message: &str, env: &Env<'_>, source: &[u8]) -> String {
    static METAVARIABLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\$(?:\.\.\.)?([A-Z_][A-Z0-9_]*|[0-9]+)").expect("valid regex")
    });
    METAVARIABLE
        .replace_all(message, |captures: &regex::Captures<'_>| {
            match env.get(&captures[1]) {
                Some(bound) => bound.text(source).into_owned(),
                None => captures[0].to_owned(),
            }
        })
        .into_owned()
}

/// Line starts of a file, for turning byte offsets into lines and columns.
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line and character column of a byte offset.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        Position {
            line: line + 1,
            col: text
                .get(start..offset)
                .map_or(offset - start, |s| s.chars().count())
                + 1,
        }
    }

    /// The whole lines a range touches, without the final newline.
    pub fn full_lines<'a>(&self, text: &'a str, range: std::ops::Range<usize>) -> &'a str {
        let first = self.starts.partition_point(|&s| s <= range.start) - 1;
        let start = self.starts[first];
        let end = text[range.end.min(text.len())..]
            .find('\n')
            .map_or(text.len(), |i| range.end + i);
        text[start..end].trim_end_matches('\r')
    }
}
