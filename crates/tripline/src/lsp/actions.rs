//! Code actions on a finding: its rule's fix, and a suppression comment.

use std::collections::HashMap;

use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, Position, Range, TextEdit, Uri, WorkspaceEdit,
};
use tripline_engine::Finding;

use super::diagnostic::diagnostic;
use super::position::{utf16_len, Lines};

/// The actions for the findings whose range touches `range` (the
/// selection or cursor the client asks about). `text` is the text the
/// findings were found in.
pub fn actions(
    uri: &Uri,
    text: &str,
    findings: &[Finding],
    range: Range,
) -> Vec<CodeActionOrCommand> {
    let lines = Lines::new(text);
    let mut actions = Vec::new();
    for finding in findings {
        let diagnostic = diagnostic(finding, &lines);
        if diagnostic.range.start > range.end || range.start > diagnostic.range.end {
            continue;
        }
        if let Some(fix) = &finding.fix {
            let edit = TextEdit {
                range: diagnostic.range,
                new_text: fix.clone(),
            };
            let title = format!("Fix {}: replace with `{fix}`", finding.rule_id);
            actions.push(quick_fix(title, uri, edit, &diagnostic, true));
        }
        let line = diagnostic.range.start.line;
        let edit = suppression_edit(lines.line(line), line, &finding.rule_id);
        let title = format!("Suppress {} on this line", finding.rule_id);
        actions.push(quick_fix(title, uri, edit, &diagnostic, false));
    }
    actions
}

/// A quick-fix that makes one edit, tied to the diagnostic it resolves.
fn quick_fix(
    title: String,
    uri: &Uri,
    edit: TextEdit,
    diagnostic: &tower_lsp_server::ls_types::Diagnostic,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(preferred),
        ..CodeAction::default()
    })
}

/// The edit that suppresses `rule_id` on 0-based line `line` (whose text
/// is `text`): the rule joins the ids of a `# tripline: ignore[...]`
/// already there, or the directive is appended to the line, with a
/// reason to fill in (docs/suppressions.md).
pub fn suppression_edit(text: &str, line: u32, rule_id: &str) -> TextEdit {
    let (at, new_text) = match directive_ids(text) {
        Some(ids) if text[ids.clone()].trim().is_empty() => (ids.end, rule_id.to_owned()),
        Some(ids) => (ids.end, format!(", {rule_id}")),
        None => (
            text.trim_end().len(),
            format!("  # tripline: ignore[{rule_id}] -- reason"),
        ),
    };
    let position = Position {
        line,
        character: utf16_len(&text[..at]),
    };
    TextEdit {
        range: Range {
            start: position,
            end: position,
        },
        new_text,
    }
}

/// The byte range of the ids between the brackets of a `# tripline:
/// ignore[...]` on the line, spelt as the engine reads it (a later `#`
/// of the comment may start it, spaces are optional around `tripline:`).
/// The line is not parsed: text in a string that looks like the
/// directive is taken for it.
fn directive_ids(text: &str) -> Option<std::ops::Range<usize>> {
    text.match_indices('#').find_map(|(at, _)| {
        let after = &text[at + 1..];
        let rest = after.trim_start().strip_prefix("tripline:")?.trim_start();
        let rest = rest.strip_prefix("ignore")?.trim_start();
        let ids = rest.strip_prefix('[')?;
        let start = text.len() - ids.len();
        let end = start + ids.find(']')?;
        Some(start..end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line after applying the edit (single-line, ASCII before it).
    fn applied(text: &str, rule_id: &str) -> String {
        let edit = suppression_edit(text, 3, rule_id);
        assert_eq!(edit.range.start, edit.range.end);
        assert_eq!(edit.range.start.line, 3);
        let at = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .find(|&i| utf16_len(&text[..i]) == edit.range.start.character)
            .unwrap();
        format!("{}{}{}", &text[..at], edit.new_text, &text[at..])
    }

    #[test]
    fn appends_the_directive_to_a_line_without_one() {
        assert_eq!(
            applied("eval(x)", "python.eval"),
            "eval(x)  # tripline: ignore[python.eval] -- reason"
        );
    }

    #[test]
    fn trailing_spaces_stay_after_the_directive() {
        assert_eq!(
            applied("eval(x)   ", "r"),
            "eval(x)  # tripline: ignore[r] -- reason   "
        );
    }

    #[test]
    fn appends_after_another_comment() {
        assert_eq!(
            applied("eval(x)  # type: ignore", "r"),
            "eval(x)  # type: ignore  # tripline: ignore[r] -- reason"
        );
    }

    #[test]
    fn extends_an_existing_directive() {
        assert_eq!(
            applied("eval(x)  # tripline: ignore[a.b] -- checked", "r"),
            "eval(x)  # tripline: ignore[a.b, r] -- checked"
        );
        assert_eq!(
            applied("eval(x)  #tripline:ignore []", "r"),
            "eval(x)  #tripline:ignore [r]"
        );
    }

    #[test]
    fn counts_the_column_in_utf16_units() {
        let edit = suppression_edit("s = '😀'", 0, "r");
        assert_eq!(edit.range.start.character, 8);
        let edit = suppression_edit("s = '😀'  # tripline: ignore[a]", 0, "r");
        assert_eq!(edit.range.start.character, 30);
        assert_eq!(edit.new_text, ", r");
    }
}
