//! `tripline rules`: what the loaded rules are. `rules list --format
//! markdown` renders docs/rulesets.md, the catalogue of the shipped rules.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::PathBuf;

use clap::{Subcommand, ValueEnum};
use serde::Serialize;
use tripline_rule::Rule;

use crate::commands::scan::select_rules;
use crate::metadata::{one_line, RuleFacts};
use crate::rule_sources::load_rules;
use crate::terminal::{print, report_diagnostics};
use crate::{EXIT_CLEAN, EXIT_ERROR};
use tripline_rule::bandit_ids;

#[derive(clap::Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    command: RulesCommand,
}

#[derive(Subcommand)]
enum RulesCommand {
    /// One line per rule: id, severity, confidence, CWE, Bandit id.
    List {
        /// Rule files or directories (default: the shipped ruleset).
        #[arg(short = 'c', long = "config", value_name = "FILE|DIR")]
        configs: Vec<PathBuf>,
        /// Only these rules (ids, prefixes, globs, Bandit ids), as for `scan`.
        #[arg(long, value_name = "RULES", value_delimiter = ',')]
        select: Vec<String>,
        /// Output format; `markdown` is the catalogue in docs/rulesets.md.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Shorthand for --format json.
        #[arg(long)]
        json: bool,
    },
    /// Everything about one rule: metadata, description and its YAML.
    Show {
        /// The rule id.
        id: String,
        /// Rule files or directories (default: the shipped ruleset).
        #[arg(short = 'c', long = "config", value_name = "FILE|DIR")]
        configs: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ListFormat {
    Text,
    Json,
    Markdown,
}

/// A rule as listed.
#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    severity: &'static str,
    confidence: Option<&'a str>,
    cwe: Vec<String>,
    owasp: Vec<String>,
    bandit: Vec<&'a str>,
    message: String,
    references: Vec<&'a str>,
    file: &'a str,
    /// `CWE-78, CWE-88`: the ids of `cwe`, for tables.
    #[serde(skip)]
    cwe_ids: String,
}

impl<'a> Listed<'a> {
    fn of(rule: &'a Rule) -> Self {
        let facts = RuleFacts::of(rule);
        let cwe_ids = facts.cwe_ids().collect::<Vec<_>>().join(", ");
        Listed {
            id: &rule.id,
            severity: rule.severity.name(),
            confidence: facts.confidence,
            bandit: bandit_ids(&rule.metadata).collect(),
            message: one_line(&rule.message),
            references: facts.references,
            file: rule.source.name(),
            cwe_ids,
            cwe: facts.cwe,
            owasp: facts.owasp,
        }
    }
}

pub fn run(args: &RulesArgs) -> u8 {
    let (configs, select) = match &args.command {
        RulesCommand::List {
            configs, select, ..
        } => (configs, select.as_slice()),
        RulesCommand::Show { configs, .. } => (configs, &[][..]),
    };
    let mut loaded = load_rules(configs);
    report_diagnostics(&loaded.diagnostics);
    if loaded.has_errors() {
        return EXIT_ERROR;
    }
    if let Err(message) = select_rules(&mut loaded.ruleset.rules, select, &[]) {
        eprintln!("error: {message}");
        return EXIT_ERROR;
    }
    let mut rules: Vec<&Rule> = loaded.ruleset.rules.iter().collect();
    rules.sort_by(|a, b| a.id.cmp(&b.id));
    match &args.command {
        RulesCommand::List { format, json, .. } => {
            let listed: Vec<Listed<'_>> = rules.iter().map(|r| Listed::of(r)).collect();
            let format = if *json { ListFormat::Json } else { *format };
            print(&match format {
                ListFormat::Text => text(&listed),
                ListFormat::Json => {
                    let mut out = serde_json::to_string_pretty(&listed).expect("rules serialize");
                    out.push('\n');
                    out
                }
                ListFormat::Markdown => markdown(&rules),
            });
            EXIT_CLEAN
        }
        RulesCommand::Show { id, .. } => match rules.iter().find(|r| r.id == *id) {
            Some(rule) => {
                print(&show(rule));
                EXIT_CLEAN
            }
            None => {
                let close: Vec<&str> = rules
                    .iter()
                    .map(|r| r.id.as_str())
                    .filter(|r| r.contains(id.rsplit('.').next().unwrap_or(id)))
                    .take(5)
                    .collect();
                eprintln!("error: no rule `{id}`");
                if !close.is_empty() {
                    eprintln!("  similar: {}", close.join(", "));
                }
                EXIT_ERROR
            }
        },
    }
}

fn text(listed: &[Listed<'_>]) -> String {
    let width = listed.iter().map(|l| l.id.len()).max().unwrap_or(2).max(2);
    let mut out = format!(
        "{:width$}  {:8}  {:10}  {:14}  BANDIT\n",
        "ID", "SEVERITY", "CONFIDENCE", "CWE"
    );
    for rule in listed {
        let _ = writeln!(
            out,
            "{:width$}  {:8}  {:10}  {:14}  {}",
            rule.id,
            rule.severity,
            rule.confidence.unwrap_or("-"),
            rule.cwe_ids,
            rule.bandit.join(", ")
        );
    }
    let _ = writeln!(out, "{} rules", listed.len());
    out
}

/// The catalogue: a table per category, then a section per rule with its
/// description (headings moved under the rule's own).
fn markdown(rules: &[&Rule]) -> String {
    let mut by_category: BTreeMap<&str, Vec<&Rule>> = BTreeMap::new();
    for rule in rules {
        by_category
            .entry(category(&rule.id))
            .or_default()
            .push(rule);
    }
    let bandit: std::collections::BTreeSet<&str> =
        rules.iter().flat_map(|r| bandit_ids(&r.metadata)).collect();
    let mut out = String::from(
        "# Shipped rules\n\n\
         Generated from `rulesets/python/` by `tripline rules list --format markdown > docs/rulesets.md`;\n\
         do not edit by hand (a test fails when this file is stale).\n\n",
    );
    let _ = writeln!(
        out,
        "{} rules in {} categories, covering {} Bandit checks. `tripline scan` runs them all by default;\n\
         `--select` / `--skip` take rule ids, prefixes (`python.flask`), globs and Bandit ids (`B101`).\n",
        rules.len(),
        by_category.len(),
        bandit.len()
    );
    for (category, rules) in &by_category {
        let _ = writeln!(out, "## {category}\n");
        out.push_str(
            "| Rule | Severity | Confidence | CWE | Bandit |\n| --- | --- | --- | --- | --- |\n",
        );
        for rule in rules {
            let listed = Listed::of(rule);
            let _ = writeln!(
                out,
                "| [`{}`](#{}) | {} | {} | {} | {} |",
                listed.id,
                anchor(listed.id),
                listed.severity,
                listed.confidence.unwrap_or("-"),
                listed.cwe_ids,
                listed.bandit.join(", ")
            );
        }
        out.push('\n');
        for rule in rules {
            rule_section(&mut out, rule);
        }
    }
    out
}

fn rule_section(out: &mut String, rule: &Rule) {
    let listed = Listed::of(rule);
    let _ = writeln!(out, "### {}\n\n{}\n", listed.id, listed.message);
    let mut facts = vec![format!("**Severity** {}", listed.severity)];
    if let Some(confidence) = listed.confidence {
        facts.push(format!("**Confidence** {confidence}"));
    }
    if !listed.cwe.is_empty() {
        facts.push(format!("**CWE** {}", listed.cwe.join("; ")));
    }
    if !listed.owasp.is_empty() {
        facts.push(format!("**OWASP** {}", listed.owasp.join("; ")));
    }
    if !listed.bandit.is_empty() {
        facts.push(format!("**Bandit** {}", listed.bandit.join(", ")));
    }
    let _ = writeln!(out, "{}\n", facts.join(" · "));
    if let Some(description) = rule.metadata["description"].as_str() {
        for line in description.trim().lines() {
            // The description's `## What it does` sits under this `###`.
            let line = if line.starts_with('#') {
                format!("##{line}")
            } else {
                line.to_owned()
            };
            let _ = writeln!(out, "{line}");
        }
        out.push('\n');
    }
    if !listed.references.is_empty() {
        out.push_str("References:\n");
        for reference in &listed.references {
            let _ = writeln!(out, "- <{reference}>");
        }
        out.push('\n');
    }
}

/// `python.flask.debug` → `flask`.
fn category(id: &str) -> &str {
    let mut parts = id.split('.');
    match (parts.next(), parts.next()) {
        (Some("python"), Some(category)) => category,
        _ => "other",
    }
}

/// GitHub's heading anchor for a rule id heading.
fn anchor(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
        .collect::<String>()
        .to_lowercase()
}

fn show(rule: &Rule) -> String {
    let listed = Listed::of(rule);
    let mut out = String::new();
    let _ = writeln!(out, "{}\n  {}\n", listed.id, listed.message);
    let _ = writeln!(out, "severity:   {}", listed.severity);
    let _ = writeln!(out, "confidence: {}", listed.confidence.unwrap_or("-"));
    for cwe in &listed.cwe {
        let _ = writeln!(out, "cwe:        {cwe}");
    }
    for owasp in &listed.owasp {
        let _ = writeln!(out, "owasp:      {owasp}");
    }
    if !listed.bandit.is_empty() {
        let _ = writeln!(out, "bandit:     {}", listed.bandit.join(", "));
    }
    for reference in &listed.references {
        let _ = writeln!(out, "reference:  {reference}");
    }
    if let Some(description) = rule.metadata["description"].as_str() {
        let _ = writeln!(out, "\n{}", description.trim());
    }
    let _ = writeln!(
        out,
        "\n--- {} ---\n{}",
        listed.file,
        rule.source.inner().trim_end()
    );
    out
}
