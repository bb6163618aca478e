//! The `--time` tables: the slowest rules and files of a scan, so a rule
//! author can find the rule that makes CI slow.

use std::fmt::Write;

use tripline_engine::Timing;

/// The `limit` slowest rules and files, as two aligned tables.
pub fn render(timing: &Timing, limit: usize) -> String {
    let rule_total: f64 = timing.rules.iter().map(|r| r.seconds).sum();
    let mut out = format!(
        "\nTiming: {:.2}s in all, {:.2}s in rules ({} rules, {} files)\n",
        timing.total_seconds,
        rule_total,
        timing.rules.len(),
        timing.files.len()
    );
    let rules: Vec<[String; 4]> = timing
        .rules
        .iter()
        .take(limit)
        .map(|rule| {
            [
                rule.rule_id.clone(),
                format!("{:.3}", rule.seconds),
                format!("{:.1}%", share(rule.seconds, rule_total)),
                rule.files.to_string(),
            ]
        })
        .collect();
    table(&mut out, ["RULE", "SECONDS", "SHARE", "FILES"], &rules);
    let files: Vec<[String; 3]> = timing
        .files
        .iter()
        .take(limit)
        .map(|file| {
            [
                file.path.clone(),
                format!("{:.3}", file.seconds),
                format!("{:.3}", file.parse_seconds),
            ]
        })
        .collect();
    table(&mut out, ["FILE", "SECONDS", "PARSE"], &files);
    out
}

/// A table after a blank line: the first column left-aligned, the others
/// right-aligned, each as wide as its widest cell.
fn table<const N: usize>(out: &mut String, header: [&str; N], rows: &[[String; N]]) {
    let widths: Vec<usize> = (0..N)
        .map(|column| {
            rows.iter()
                .map(|row| row[column].chars().count())
                .chain([header[column].len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    out.push('\n');
    let header = header.map(str::to_owned);
    for row in std::iter::once(&header).chain(rows) {
        let cells: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(column, (cell, &width))| match column {
                0 => format!("{cell:<width$}"),
                _ => format!("{cell:>width$}"),
            })
            .collect();
        let _ = writeln!(out, "{}", cells.join("  ").trim_end());
    }
}

fn share(part: f64, whole: f64) -> f64 {
    if whole > 0.0 {
        100.0 * part / whole
    } else {
        0.0
    }
}
