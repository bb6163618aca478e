//! Machine output: the schema documented in docs/output.md.

use serde::Serialize;
use tripline_engine::ScanReport;

/// Bumped when the JSON schema changes incompatibly.
pub const SCHEMA_VERSION: &str = "1";

#[derive(Serialize)]
struct JsonOutput<'a> {
    version: &'static str,
    tool: Tool,
    #[serde(flatten)]
    report: &'a ScanReport,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

/// Renders the report as pretty-printed JSON with a trailing newline.
pub fn render(report: &ScanReport) -> String {
    let output = JsonOutput {
        version: SCHEMA_VERSION,
        tool: Tool {
            name: "tripline",
            version: env!("CARGO_PKG_VERSION"),
        },
        report,
    };
    let mut text = serde_json::to_string_pretty(&output).expect("the report serializes");
    text.push('\n');
    text
}
