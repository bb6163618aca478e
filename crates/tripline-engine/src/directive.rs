//! Suppression directives: what one comment says, parsed exactly.
//!
//! A directive is recognised only at the start of a comment, or right
//! after a later `#` in it (`x = f()  # type: ignore  # nosec`), never
//! in the middle of other words: `# this is not nosec` is prose. The
//! comments come from the syntax tree, so `"# nosec"` in a string is
//! never one. Each form keeps the spelling rules of the tool it comes
//! from (docs/suppressions.md):
//!
//! - `# nosec [ids]` as Bandit: case-sensitive, `#nosec` allowed, an
//!   optional `:`, ids separated by commas and/or spaces.
//! - `# nosemgrep[: ids]` as Semgrep: case-insensitive, `nosem` allowed,
//!   at least one space after `#`, ids only after `:` or `=`; other text
//!   after the keyword is ignored.
//! - `# tripline: ignore[ids]`: ours, case-sensitive, ids in brackets.
//!
//! All three take a reason after `--`: `# nosec B602 -- input is a constant`.

use crate::report::SuppressionKind;

/// One directive, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    pub kind: SuppressionKind,
    /// The rules it names; empty means every rule.
    pub ids: Vec<String>,
    /// The text after `--`, if not empty.
    pub reason: Option<String>,
}

/// The directive in a comment (its text, `#` included), if it has one.
pub fn parse(comment: &str) -> Option<Directive> {
    comment
        .match_indices('#')
        .find_map(|(at, _)| parse_after_hash(&comment[at + 1..]))
}

/// A directive starting right after a `#`.
fn parse_after_hash(text: &str) -> Option<Directive> {
    let trimmed = text.trim_start();
    let spaced = trimmed.len() < text.len();
    if let Some(rest) = keyword(trimmed, "nosec", false) {
        let rest = rest.strip_prefix(':').unwrap_or(rest);
        return Some(directive(SuppressionKind::Nosec, rest));
    }
    if spaced {
        if let Some(rest) =
            keyword(trimmed, "nosemgrep", true).or_else(|| keyword(trimmed, "nosem", true))
        {
            let (ids, reason) = split_reason(rest);
            let ids = match ids.trim_start().strip_prefix([':', '=']) {
                Some(list) => id_list(list),
                None => Vec::new(),
            };
            return Some(Directive {
                kind: SuppressionKind::Nosemgrep,
                ids,
                reason,
            });
        }
    }
    let rest = trimmed.strip_prefix("tripline:")?.trim_start();
    let rest = keyword(rest, "ignore", false)?.trim_start();
    let (ids, rest) = match rest.strip_prefix('[') {
        Some(list) => {
            let (inside, after) = list.split_once(']')?;
            (id_list(inside), after)
        }
        None => (Vec::new(), rest),
    };
    let (before, reason) = split_reason(rest);
    // Anything but a reason or another comment after the ids: not ours.
    if !before.trim().is_empty() {
        return None;
    }
    Some(Directive {
        kind: SuppressionKind::TriplineIgnore,
        ids,
        reason,
    })
}

/// `text` after `word` when it starts with it as a whole word.
fn keyword<'a>(text: &'a str, word: &str, ignore_case: bool) -> Option<&'a str> {
    let head = text.get(..word.len())?;
    let same = if ignore_case {
        head.eq_ignore_ascii_case(word)
    } else {
        head == word
    };
    let rest = &text[word.len()..];
    let whole_word = !rest.starts_with(|c: char| c.is_alphanumeric() || c == '_');
    (same && whole_word).then_some(rest)
}

/// A directive whose ids are all the words before the reason (Bandit's form).
fn directive(kind: SuppressionKind, rest: &str) -> Directive {
    let (ids, reason) = split_reason(rest);
    Directive {
        kind,
        ids: id_list(ids),
        reason,
    }
}

/// Splits what follows the keyword into the id part and the reason: the
/// ids end at `--` or at a `#` that starts another comment; only `--`
/// gives a reason, which runs to the end of the comment.
fn split_reason(rest: &str) -> (&str, Option<String>) {
    let ids_end = rest.find('#').unwrap_or(rest.len());
    match rest[..ids_end].find("--") {
        Some(dashes) => {
            let reason = rest[dashes + 2..].trim();
            (
                &rest[..dashes],
                (!reason.is_empty()).then(|| reason.to_owned()),
            )
        }
        None => (&rest[..ids_end], None),
    }
}

fn id_list(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .filter(|id| !id.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use SuppressionKind::*;

    fn expect(kind: SuppressionKind, ids: &[&str], reason: Option<&str>) -> Option<Directive> {
        Some(Directive {
            kind,
            ids: ids.iter().map(|id| (*id).to_owned()).collect(),
            reason: reason.map(str::to_owned),
        })
    }

    #[test]
    fn nosec_follows_bandit() {
        assert_eq!(parse("# nosec"), expect(Nosec, &[], None));
        assert_eq!(parse("#nosec"), expect(Nosec, &[], None));
        assert_eq!(
            parse("# nosec: B602, B607 -- a constant"),
            expect(Nosec, &["B602", "B607"], Some("a constant"))
        );
        assert_eq!(
            parse("# nosec B602 B607"),
            expect(Nosec, &["B602", "B607"], None)
        );
        assert_eq!(parse("# NOSEC"), None);
        assert_eq!(parse("# nosecurity"), None);
        assert_eq!(parse("# this is not nosec"), None);
    }

    #[test]
    fn nosemgrep_follows_semgrep() {
        assert_eq!(parse("# nosemgrep"), expect(Nosemgrep, &[], None));
        assert_eq!(parse("# NoSemgrep"), expect(Nosemgrep, &[], None));
        assert_eq!(
            parse("# nosem: a.b, c -- why"),
            expect(Nosemgrep, &["a.b", "c"], Some("why"))
        );
        assert_eq!(
            parse("# nosemgrep because it is fine"),
            expect(Nosemgrep, &[], None)
        );
        assert_eq!(parse("#nosemgrep"), None);
    }

    #[test]
    fn tripline_ignore_takes_bracketed_ids_and_a_reason() {
        assert_eq!(
            parse("# tripline: ignore[a.b, c] -- tested"),
            expect(TriplineIgnore, &["a.b", "c"], Some("tested"))
        );
        assert_eq!(
            parse("# tripline: ignore -- all of them"),
            expect(TriplineIgnore, &[], Some("all of them"))
        );
        assert_eq!(
            parse("# tripline: ignore"),
            expect(TriplineIgnore, &[], None)
        );
        assert_eq!(parse("# tripline: ignore this"), None);
        assert_eq!(parse("# tripline: ignored"), None);
    }

    #[test]
    fn a_directive_may_follow_another_comment_and_a_reason_may_hold_a_hash() {
        assert_eq!(parse("# type: ignore  # nosec"), expect(Nosec, &[], None));
        assert_eq!(
            parse("# nosec -- see #12"),
            expect(Nosec, &[], Some("see #12"))
        );
        assert_eq!(parse("# nosec # more"), expect(Nosec, &[], None));
    }
}
