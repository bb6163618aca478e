//! `tripline explain`: why a rule did (or did not) match a file.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use tripline_engine::explain::{explain, Explanation, Spot, Step};
use tripline_rule::Requirement;

use crate::rule_sources::load_rules;
use crate::terminal::{print, report_diagnostics};
use crate::{EXIT_CLEAN, EXIT_ERROR};

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// The rule file (or a directory of rule files).
    #[arg(short = 'c', long = "config", value_name = "FILE|DIR")]
    config: PathBuf,

    /// Only the rule with this id (default: every rule loaded).
    #[arg(long, value_name = "ID")]
    rule: Option<String>,

    /// The Python file to explain the rule on, optionally with a line
    /// (`app.py:42`) to list only what touches that line.
    #[arg(long, value_name = "FILE[:LINE]")]
    target: String,
}

pub fn run(args: &ExplainArgs) -> u8 {
    let loaded = load_rules(std::slice::from_ref(&args.config));
    report_diagnostics(&loaded.diagnostics);
    for (path, err) in &loaded.unreadable {
        eprintln!("error: cannot read rules from {}: {err}", path.display());
    }
    if loaded.has_errors() {
        return EXIT_ERROR;
    }
    let (path, line) = split_target(&args.target);
    let text = match std::fs::read(&path).map(String::from_utf8) {
        Ok(Ok(text)) => text,
        Ok(Err(_)) => {
            eprintln!("error: {} is not valid UTF-8", path.display());
            return EXIT_ERROR;
        }
        Err(err) => {
            eprintln!("error: cannot read {}: {err}", path.display());
            return EXIT_ERROR;
        }
    };
    let ruleset = &loaded.ruleset;
    let indices: Vec<usize> = (0..ruleset.rules.len())
        .filter(|&i| {
            args.rule
                .as_ref()
                .is_none_or(|id| ruleset.rules[i].id == *id)
        })
        .collect();
    if indices.is_empty() {
        let ids: Vec<&str> = ruleset.rules.iter().map(|r| r.id.as_str()).collect();
        eprintln!(
            "error: no rule `{}` here; the rules are: {}",
            args.rule.as_deref().unwrap_or_default(),
            ids.join(", ")
        );
        return EXIT_ERROR;
    }
    let line_count = text.lines().count();
    if let Some(line) = line.filter(|l| *l == 0 || *l > line_count) {
        eprintln!(
            "error: {} has {line_count} lines; there is no line {line}",
            path.display()
        );
        return EXIT_ERROR;
    }
    let shown = path.display().to_string();
    let mut out = String::new();
    for index in indices {
        if let Some(explanation) = explain(ruleset, index, &shown, &text, line) {
            render(&mut out, &explanation, &shown, line);
        }
        if !ruleset.rules[index].paths.allows(&path) {
            let _ = writeln!(
                out,
                "note: the rule's `paths:` exclude {shown}, so a scan would not run it there\n"
            );
        }
    }
    print(&out);
    EXIT_CLEAN
}

/// `app.py:42` → (`app.py`, 42), unless `app.py:42` is itself a file.
fn split_target(target: &str) -> (PathBuf, Option<usize>) {
    if let Some((file, line)) = target.rsplit_once(':') {
        if let Ok(line) = line.parse::<usize>() {
            if !Path::new(target).exists() {
                return (PathBuf::from(file), Some(line));
            }
        }
    }
    (PathBuf::from(target), None)
}

fn render(out: &mut String, explanation: &Explanation, path: &str, line: Option<usize>) {
    let _ = writeln!(out, "rule {}", explanation.rule_id);
    if explanation.requirement == Requirement::Nothing {
        let _ = writeln!(out, "required literals: none (the rule runs on every file)");
    } else {
        let presence = if explanation.requirement_met {
            format!("present in {path}")
        } else {
            format!("missing from {path}, so a scan skips this file for this rule")
        };
        let _ = writeln!(
            out,
            "required literals: {} ({presence})",
            explanation.requirement
        );
    }
    if let Some(line) = line {
        let _ = writeln!(out, "showing what touches line {line}");
    }
    out.push('\n');
    render_step(out, &explanation.root, "", "");
    out.push('\n');
    let _ = writeln!(out, "findings: {}", explanation.findings.len());
    for finding in &explanation.findings {
        let _ = writeln!(
            out,
            "  {}:{}:{} {}",
            finding.path,
            finding.start.line,
            finding.start.col,
            finding
                .message
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        );
    }
    out.push('\n');
}

/// One step and its children as a tree: `first` prefixes the step's own
/// line, `rest` the lines below it.
fn render_step(out: &mut String, step: &Step, first: &str, rest: &str) {
    let count = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "es" });
    // A condition only removes; a pattern matches (and, negated, removes).
    let summary = match (step.matched.len(), step.removed.len()) {
        (0, 0) if step.label.starts_with("metavariable-") => "removed 0".to_owned(),
        (0, removed) if removed > 0 => format!("removed {removed}"),
        (matched, 0) => count(matched, "match"),
        (matched, removed) => format!("{}, removed {removed}", count(matched, "match")),
    };
    let detail = if step.children.is_empty() {
        format!("{rest}    ")
    } else {
        format!("{rest}│   ")
    };
    // A multi-line pattern keeps the tree's guide lines on every line.
    let mut label = step.label.lines();
    let _ = writeln!(
        out,
        "{first}{}  [{summary}]",
        label.next().unwrap_or_default()
    );
    for more in label {
        let _ = writeln!(out, "{detail}{more}");
    }
    for spot in &step.matched {
        spot_line(out, &detail, "matched", spot);
    }
    for spot in &step.removed {
        spot_line(out, &detail, "removed", spot);
    }
    for (i, child) in step.children.iter().enumerate() {
        let last = i + 1 == step.children.len();
        let (branch, below) = if last {
            ("└── ", "    ")
        } else {
            ("├── ", "│   ")
        };
        render_step(
            out,
            child,
            &format!("{rest}{branch}"),
            &format!("{rest}{below}"),
        );
    }
}

fn spot_line(out: &mut String, prefix: &str, what: &str, spot: &Spot) {
    let _ = write!(
        out,
        "{prefix}{what} {}:{}  {}",
        spot.start.line, spot.start.col, spot.code
    );
    if !spot.bindings.is_empty() {
        let bindings: Vec<String> = spot
            .bindings
            .iter()
            .map(|(n, t)| format!("{n} = {t}"))
            .collect();
        let _ = write!(out, "   ({})", bindings.join(", "));
    }
    out.push('\n');
}
