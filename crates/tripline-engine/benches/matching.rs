//! Micro-benchmarks: one pattern against one file (the matcher), and the
//! required-words prefilter of the shipped ruleset against one file. The
//! whole-corpus benchmark is `bench/run.py`.
//!
//! Run with `cargo bench -p tripline-engine`.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use tripline_engine::Words;
use tripline_pattern::Pattern;
use tripline_rule::{load_str, rule_files, Requirement, RuleSet};

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
    let shipped = concat!(env!("CARGO_MANIFEST_DIR"), "/../../rulesets");
    for file in rule_files(shipped.as_ref(), &mut Vec::new()) {
        let text = std::fs::read_to_string(&file).expect("a readable rule file");
        load_str(&file.display().to_string(), &text, &mut ruleset);
    }
    let requirements: Vec<Requirement> = ruleset
        .rules
        .iter()
        .map(|rule| Requirement::of(&rule.formula, &ruleset.patterns))
        .collect();
    // What the scan does: one Aho-Corasick pass finds every required word.
    let words = Words::new(&requirements, &ruleset);
    let needed: Vec<_> = requirements.iter().map(|r| words.needed(r)).collect();
    c.bench_function(&format!("prefilter {} rules", requirements.len()), |b| {
        b.iter(|| {
            let present = words.present_in(black_box(CODE), None);
            needed.iter().filter(|n| present.meets(n)).count()
        })
    });
    // For comparison: a substring search per word and rule.
    c.bench_function(
        &format!("prefilter {} rules, word by word", requirements.len()),
        |b| {
            b.iter(|| {
                requirements
                    .iter()
                    .filter(|r| r.is_met_by(black_box(CODE)))
                    .count()
            })
        },
    );
}

criterion_group!(benches, matcher, prefilter);
criterion_main!(benches);
