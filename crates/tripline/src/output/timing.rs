//! The `--time` tables: the slowest rules and files of a scan, so a rule
//! author can find the rule that makes CI slow.

use std::fmt::Write;

use tripline_engine::Timing;

/// The `limit` slowest rules and files, as two aligned tables.
pub fn render(timing: &Timing, limit: usize) -> String {
    let mut out = String::new();
    let rule_total: f64 = timing.rules.iter().map(|r| r.seconds).sum();
    let _ = writeln!(
        out,
        "\nTiming: {:.2}s in all, {:.2}s in rules ({} rules, {} files)",
        timing.total_seconds,
        rule_total,
        timing.rules.len(),
        timing.files.len()
    );
    let id_width = timing
        .rules
        .iter()
        .take(limit)
        .map(|r| r.rule_id.len())
        .max()
        .unwrap_or(0)
        .max("RULE".len());
    let _ = writeln!(
        out,
        "\n{:<id_width$}  {:>9}  {:>6}  FILES",
        "RULE", "SECONDS", "SHARE"
    );
    for rule in timing.rules.iter().take(limit) {
        let _ = writeln!(
            out,
            "{:<id_width$}  {:>9.3}  {:>5.1}%  {}",
            rule.rule_id,
            rule.seconds,
            share(rule.seconds, rule_total),
            rule.files
        );
    }
    let path_width = timing
        .files
        .iter()
        .take(limit)
        .map(|f| f.path.len())
        .max()
        .unwrap_or(0)
        .max("FILE".len());
    let _ = writeln!(
        out,
        "\n{:<path_width$}  {:>9}  {:>9}",
        "FILE", "SECONDS", "PARSE"
    );
    for file in timing.files.iter().take(limit) {
        let _ = writeln!(
            out,
            "{:<path_width$}  {:>9.3}  {:>9.3}",
            file.path, file.seconds, file.parse_seconds
        );
    }
    out
}

fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        100.0 * part / whole
    } else {
        0.0
    }
}
