//! Micro-benchmarks: one pattern against one file (the matcher), and the
//! required-words prefilter of the shipped ruleset against one file. The
//! whole-corpus benchmark is `bench/run.py`.
//!
//! Run with `cargo bench -p tripline-engine`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use tripline_pattern::Pattern;
use tripline_rule::{load_str, Requirement, RuleSet};

/// The example application of the README.
const CODE: &str = include_str!("../../../examples/app.py");

fn matcher(c: &mut Criterion) {
    for pattern in [
        "subprocess.$F(..., shell=True, ...)",
        "$CUR.execute(\"...\" % $X, ...)",
        "<... request.args ...>",
    ] {
        let compiled = Pattern::parse(pattern).expect("a valid pattern");
        c.bench_function(&format!("match {pattern}"), |b| {
            b.iter(|| compiled.find_all_in(black_box(CODE)))
        });
    }
}

fn prefilter(c: &mut Criterion) {
    let mut ruleset = RuleSet::default();
    for file in glob_yaml(concat!(env!("CARGO_MANIFEST_DIR"), "/../../rulesets")) {
        let text = std::fs::read_to_string(&file).expect("a readable rule file");
        load_str(&file.display().to_string(), &text, &mut ruleset);
    }
    let requirements: Vec<Requirement> = ruleset
        .rules
        .iter()
        .map(|rule| Requirement::of(&rule.formula, &ruleset.patterns))
        .collect();
    c.bench_function(&format!("prefilter {} rules", requirements.len()), |b| {
        b.iter(|| {
            requirements
                .iter()
                .filter(|r| r.is_met_by(black_box(CODE)))
                .count()
        })
    });
}

fn glob_yaml(dir: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![std::path::PathBuf::from(dir)];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

criterion_group!(benches, matcher, prefilter);
criterion_main!(benches);
