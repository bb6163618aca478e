//! Engine positions to LSP positions. The engine counts 1-based lines and
//! columns in characters; LSP counts 0-based lines and columns in UTF-16
//! code units (the one encoding every client supports), so an `é` is one
//! unit and an emoji two: a column is only right if it is recounted.

use tower_lsp_server::ls_types::{Position, Range};
use tripline_engine::{LineIndex, Position as EnginePosition};

/// A document's text with its line starts, to convert many positions.
pub struct Lines<'t> {
    text: &'t str,
    index: LineIndex,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Self {
        Lines {
            text,
            index: LineIndex::new(text),
        }
    }

    /// The LSP position of an engine position (clamped to the text).
    pub fn position(&self, position: EnginePosition) -> Position {
        let offset = self.index.offset(self.text, position);
        let line = self.index.line(offset);
        let start = self.line_start(line);
        Position {
            line: to_u32(line - 1),
            character: utf16_len(&self.text[start..offset]),
        }
    }

    pub fn range(&self, start: EnginePosition, end: EnginePosition) -> Range {
        Range {
            start: self.position(start),
            end: self.position(end),
        }
    }

    /// The text of a 0-based line, without its line break; empty past the end.
    pub fn line(&self, line: u32) -> &'t str {
        let start = self.line_start(line as usize + 1);
        let rest = &self.text[start..];
        let end = rest.find('\n').unwrap_or(rest.len());
        rest[..end].trim_end_matches('\r')
    }

    /// The byte offset where a 1-based line starts.
    fn line_start(&self, line: usize) -> usize {
        self.index
            .offset(self.text, EnginePosition { line, col: 1 })
    }
}

/// The length of `text` in UTF-16 code units, as an LSP column.
pub fn utf16_len(text: &str) -> u32 {
    to_u32(text.encode_utf16().count())
}

/// LSP numbers are `u32`; a file with more lines or columns than that is
/// clamped rather than wrapped.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An engine `(line, col)` and the LSP `(line, character)` it converts to.
    type Case = ((usize, usize), (u32, u32));

    /// Each case's engine position in `text` converts to its LSP position.
    fn converts(text: &str, cases: &[Case]) {
        let lines = Lines::new(text);
        for &((line, col), (lsp_line, character)) in cases {
            let expected = Position {
                line: lsp_line,
                character,
            };
            assert_eq!(lines.position(EnginePosition { line, col }), expected);
        }
    }

    #[test]
    fn ascii_columns_are_shifted_to_zero_based() {
        converts(
            "import os\nos.system(x)\n",
            &[((2, 1), (1, 0)), ((2, 13), (1, 12))],
        );
    }

    #[test]
    fn non_ascii_counts_utf16_units_not_characters_or_bytes() {
        // `é` is 1 character, 2 bytes, 1 UTF-16 unit; `😀` is 1 character,
        // 4 bytes, 2 UTF-16 units: `eval` is at character column 11 (byte
        // 14) and at UTF-16 column 11 (0-based).
        converts(
            "s = 'é😀'; eval(s)\n",
            &[((1, 11), (0, 11)), ((1, 18), (0, 18))],
        );
    }

    #[test]
    fn positions_past_the_text_are_clamped_to_its_end() {
        converts("a\nb", &[((9, 1), (1, 1)), ((1, 40), (1, 1))]);
    }

    #[test]
    fn lines_are_given_without_their_break() {
        let lines = Lines::new("first\r\nsecond\nthird");
        assert_eq!(lines.line(0), "first");
        assert_eq!(lines.line(1), "second");
        assert_eq!(lines.line(2), "third");
        assert_eq!(lines.line(3), "");
    }
}
