//! The labelled taint suite (tests/taint-suite): how well the shipped taint
//! rules (`python.taint.*`) tell vulnerable handlers from safe ones.
//!
//! Each case is one Python file whose first line is its label,
//! `# taint-suite: cwe=<number> vulnerable=<yes|no>`, in a directory per
//! category. A case is flagged when a finding of a rule whose
//! `metadata.cwe` is the case's CWE lands anywhere in its file. Per
//! category the test prints true and false positives and negatives, the
//! true-positive rate (TPR), the false-positive rate (FPR) and the score
//! TPR - FPR, then the average score, and fails when the average falls
//! below the figure reached when the suite was written. See the table with
//! `cargo test --test taint_suite -- --nocapture`; docs/taint.md explains
//! the format, and bench/taint_compare.py scores Bandit and Semgrep on the
//! same cases.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

mod common;

use common::{repo, scan_json};

/// The average TPR - FPR over the categories must not fall below this:
/// tripline reached 0.896 on it (engine of the `taint` branch at 2b21c81).
const MINIMUM_AVERAGE_SCORE: f64 = 0.89;

/// The suite's directory, relative to the repository root.
const SUITE: &str = "tests/taint-suite";

/// A labelled case.
struct Case {
    /// Its path relative to the repository root, as scan reports it.
    path: String,
    category: String,
    cwe: u32,
    vulnerable: bool,
}

/// True/false positives and negatives of one category.
#[derive(Default)]
struct Counts {
    true_positives: usize,
    false_negatives: usize,
    false_positives: usize,
    true_negatives: usize,
}

impl Counts {
    fn add(&mut self, vulnerable: bool, flagged: bool) {
        match (vulnerable, flagged) {
            (true, true) => self.true_positives += 1,
            (true, false) => self.false_negatives += 1,
            (false, true) => self.false_positives += 1,
            (false, false) => self.true_negatives += 1,
        }
    }

    fn true_positive_rate(&self) -> f64 {
        ratio(
            self.true_positives,
            self.true_positives + self.false_negatives,
        )
    }

    fn false_positive_rate(&self) -> f64 {
        ratio(
            self.false_positives,
            self.false_positives + self.true_negatives,
        )
    }

    fn score(&self) -> f64 {
        self.true_positive_rate() - self.false_positive_rate()
    }

    fn cases(&self) -> usize {
        self.true_positives + self.false_negatives + self.false_positives + self.true_negatives
    }
}

/// `part / whole`, 0 for an empty whole.
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// The `(cwe, vulnerable)` of a label line, or `None` if the line is not one.
fn parse_label(line: &str) -> Option<(u32, bool)> {
    let rest = line.strip_prefix("# taint-suite: cwe=")?;
    let (cwe, vulnerable) = rest.split_once(" vulnerable=")?;
    let vulnerable = match vulnerable {
        "yes" => true,
        "no" => false,
        _ => return None,
    };
    Some((cwe.parse().ok()?, vulnerable))
}

/// Every case of the suite; panics on a file without a valid label.
fn cases() -> Vec<Case> {
    let mut found = Vec::new();
    let mut categories: Vec<PathBuf> = std::fs::read_dir(repo().join(SUITE))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    categories.sort();
    for dir in categories {
        let category = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|e| e == "py"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let first = text.lines().next().unwrap_or_default();
            let (cwe, vulnerable) = parse_label(first).unwrap_or_else(|| {
                panic!(
                    "{}: the first line is not a label: {first:?}",
                    file.display()
                )
            });
            let name = file.file_name().unwrap().to_string_lossy();
            found.push(Case {
                path: format!("{SUITE}/{category}/{name}"),
                category: category.clone(),
                cwe,
                vulnerable,
            });
        }
    }
    found
}

/// The CWE numbers named by a rule's `metadata.cwe` ("CWE-89: ..." or a list).
fn cwe_numbers(cwe: &serde_json::Value) -> Vec<u32> {
    let texts: Vec<&str> = match cwe {
        serde_json::Value::Array(items) => items.iter().filter_map(|v| v.as_str()).collect(),
        other => other.as_str().into_iter().collect(),
    };
    texts
        .iter()
        .flat_map(|text| text.split("CWE-").skip(1))
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

/// `(path, cwe)` of every finding of the shipped taint rules on the suite.
fn flagged() -> BTreeSet<(String, u32)> {
    let (code, report) = scan_json(&repo(), &["--select", "python.taint", SUITE]);
    assert!(code == Some(0) || code == Some(1), "scan failed: {report}");
    let errors = report["errors"].as_array().map_or(0, Vec::len);
    assert_eq!(errors, 0, "scan errors: {}", report["errors"]);
    let mut flagged = BTreeSet::new();
    for finding in report["findings"].as_array().unwrap() {
        let path = finding["path"].as_str().unwrap().replace('\\', "/");
        for cwe in cwe_numbers(&finding["metadata"]["cwe"]) {
            flagged.insert((path.clone(), cwe));
        }
    }
    flagged
}

/// The per-category table, as Markdown, and the average score.
fn table(counts: &BTreeMap<String, Counts>) -> (String, f64) {
    let mut text = String::from(
        "| Category | Cases | TP | FN | FP | TN | TPR | FPR | TPR-FPR |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    for (category, c) in counts {
        text.push_str(&format!(
            "| {category} | {} | {} | {} | {} | {} | {:.0}% | {:.0}% | {:+.0}% |\n",
            c.cases(),
            c.true_positives,
            c.false_negatives,
            c.false_positives,
            c.true_negatives,
            c.true_positive_rate() * 100.0,
            c.false_positive_rate() * 100.0,
            c.score() * 100.0,
        ));
    }
    let average = counts.values().map(Counts::score).sum::<f64>() / counts.len() as f64;
    text.push_str(&format!(
        "| **average** | | | | | | | | **{:+.0}%** |\n",
        average * 100.0
    ));
    (text, average)
}

#[test]
fn taint_rules_score_on_the_labelled_suite() {
    let cases = cases();
    let flagged = flagged();
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut wrong = Vec::new();
    for case in &cases {
        let is_flagged = flagged.contains(&(case.path.clone(), case.cwe));
        counts
            .entry(case.category.clone())
            .or_default()
            .add(case.vulnerable, is_flagged);
        if is_flagged != case.vulnerable {
            let kind = if case.vulnerable {
                "missed"
            } else {
                "false alarm"
            };
            wrong.push(format!("  {kind}: {}", case.path));
        }
    }
    let (text, average) = table(&counts);
    println!(
        "{} cases\n\n{text}\nWrong:\n{}",
        cases.len(),
        wrong.join("\n")
    );
    for (category, c) in &counts {
        assert!(
            c.true_positives + c.false_negatives >= 5 && c.false_positives + c.true_negatives >= 5,
            "{category}: fewer than 5 vulnerable or 5 safe cases"
        );
    }
    assert!(
        average >= MINIMUM_AVERAGE_SCORE,
        "average TPR-FPR {average:.3} is below {MINIMUM_AVERAGE_SCORE}:\n{text}"
    );
}

#[test]
fn labels_are_read_strictly() {
    assert_eq!(
        parse_label("# taint-suite: cwe=89 vulnerable=yes"),
        Some((89, true))
    );
    assert_eq!(
        parse_label("# taint-suite: cwe=601 vulnerable=no"),
        Some((601, false))
    );
    assert_eq!(parse_label("# taint-suite: cwe=89 vulnerable=maybe"), None);
    assert_eq!(parse_label("# taint-suite: cwe=x vulnerable=no"), None);
    assert_eq!(parse_label("import os"), None);
    assert_eq!(
        cwe_numbers(&serde_json::json!("CWE-79: Improper Neutralization")),
        vec![79]
    );
    assert_eq!(
        cwe_numbers(&serde_json::json!(["CWE-94: a", "CWE-95: b"])),
        vec![94, 95]
    );
}

/// The `pattern-sources` block of a taint rule file: its key's line and the
/// lines after it up to the next key of the rule (indented by 4 spaces).
fn sources_block(text: &str) -> Option<String> {
    let mut lines = text
        .lines()
        .skip_while(|line| *line != "    pattern-sources:");
    let key = lines.next()?;
    let is_sibling_key = |line: &&str| line.starts_with("    ") && !line.starts_with("     ");
    let body: Vec<&str> = lines.take_while(|line| !is_sibling_key(line)).collect();
    Some(format!("{key}\n{}", body.join("\n")))
}

/// Semgrep's rule format has no includes, so every taint rule repeats the
/// same sources; they must stay identical.
#[test]
fn shipped_taint_rules_share_one_source_list() {
    let dir: &Path = &repo().join("rulesets/python/taint");
    let mut blocks = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let text = std::fs::read_to_string(&path).unwrap();
            let block = sources_block(&text)
                .unwrap_or_else(|| panic!("{}: no pattern-sources", path.display()));
            blocks.insert(
                path.file_name().unwrap().to_string_lossy().into_owned(),
                block,
            );
        }
    }
    assert!(blocks.len() >= 13, "{} taint rule files", blocks.len());
    let (first_name, first) = blocks.iter().next().unwrap();
    assert!(first.contains("flask.request.$ATTR"), "{first}");
    for (name, block) in &blocks {
        assert_eq!(
            block, first,
            "the sources of {name} differ from those of {first_name}"
        );
    }
}
