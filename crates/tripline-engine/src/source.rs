//! Reading a file to scan, and turning its bytes into the text that is
//! parsed, as Python itself would.
//!
//! A scanned tree is hostile input: a `.py` name may be a FIFO (opening it
//! for reading would wait forever for a writer), a device, a file of
//! gigabytes, binary data or text in the encoding its coding declaration
//! names. Each is reported and skipped, or decoded, never trusted.

use std::fs::OpenOptions;
use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

use encoding_rs::{Encoding, UTF_8};
use regex::bytes::Regex;

/// The default of `--max-file-size`: generated files and data dumps are
/// larger; hand-written modules rarely reach a tenth of it.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 5 * 1024 * 1024;

/// Why a file's bytes were not turned into text; `kind` is the `errors[].kind`
/// of the JSON output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable {
    pub kind: &'static str,
    pub message: String,
}

impl Unreadable {
    fn new(kind: &'static str, message: impl Into<String>) -> Self {
        Unreadable {
            kind,
            message: message.into(),
        }
    }
}

/// Reads a regular file of at most `max_size` bytes.
pub fn read(path: &Path, max_size: u64) -> Result<Vec<u8>, Unreadable> {
    let cannot_read = |err: std::io::Error| Unreadable::new("read", format!("cannot read: {err}"));
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO opens at once instead of waiting for a writer; reading a
        // regular file is not affected by the flag.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path).map_err(cannot_read)?;
    let metadata = file.metadata().map_err(cannot_read)?;
    if !metadata.is_file() {
        return Err(Unreadable::new(
            "not-a-file",
            "not a regular file (a FIFO, socket or device); not read",
        ));
    }
    let too_large = || {
        Unreadable::new(
            "too-large",
            format!(
                "larger than {} (--max-file-size); not scanned",
                human_size(max_size)
            ),
        )
    };
    if metadata.len() > max_size {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // The file may grow while it is read: never read more than allowed.
    file.take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(cannot_read)?;
    if bytes.len() as u64 > max_size {
        return Err(too_large());
    }
    Ok(bytes)
}

/// `5 MB`, `1.5 MB`, `300 KB`, `12 bytes`.
pub fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    const KB: u64 = 1024;
    if bytes >= MB {
        let tenths = bytes * 10 / MB;
        match tenths % 10 {
            0 => format!("{} MB", tenths / 10),
            r => format!("{}.{r} MB", tenths / 10),
        }
    } else if bytes >= KB {
        format!("{} KB", bytes / KB)
    } else {
        format!("{bytes} bytes")
    }
}

/// A file's text, and the encoding it was decoded from when that was not
/// UTF-8 (its byte offsets are then those of the text, not of the file).
#[derive(Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub encoding: Option<&'static str>,
}

/// Decodes a Python source file as Python does (PEP 263): UTF-8 unless a
/// `# -*- coding: NAME -*-` comment on one of the first two lines names
/// another encoding. Lone carriage returns, which Python reads as line
/// ends, become `\n` (the same length, so offsets are unchanged).
pub fn decode(bytes: Vec<u8>) -> Result<Decoded, Unreadable> {
    if bytes.contains(&0) {
        return Err(Unreadable::new(
            "binary",
            "contains NUL bytes; not a Python source file",
        ));
    }
    let declared = coding_declaration(&bytes);
    let encoding = declared.as_deref().and_then(python_encoding);
    let decoded = match encoding {
        Some(encoding) if encoding != UTF_8 => {
            let text = encoding
                .decode_without_bom_handling_and_without_replacement(&bytes)
                .ok_or_else(|| {
                    Unreadable::new(
                        "encoding",
                        format!(
                            "not valid {}, as its coding declaration says",
                            encoding.name()
                        ),
                    )
                })?;
            Decoded {
                text: text.into_owned(),
                encoding: Some(encoding.name()),
            }
        }
        _ => {
            let text = String::from_utf8(bytes).map_err(|err| {
                let offset = err.utf8_error().valid_up_to();
                let message = match &declared {
                    Some(name) if encoding.is_none() => format!(
                        "its coding declaration names an encoding tripline does not know ({name}), and it is not valid UTF-8 (first bad byte at offset {offset})"
                    ),
                    _ => format!(
                        "not valid UTF-8 (first bad byte at offset {offset}), and no coding declaration names another encoding"
                    ),
                };
                Unreadable::new("encoding", message)
            })?;
            Decoded {
                text,
                encoding: None,
            }
        }
    };
    Ok(Decoded {
        text: lone_carriage_returns_as_newlines(decoded.text),
        ..decoded
    })
}

/// The encoding named by a PEP 263 declaration on line 1 or 2.
fn coding_declaration(bytes: &[u8]) -> Option<String> {
    static DECLARATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)").expect("valid regex")
    });
    bytes
        .split(|&b| b == b'\n')
        .take(2)
        .find_map(|line| DECLARATION.captures(line))
        .map(|captures| String::from_utf8_lossy(&captures[1]).into_owned())
}

/// Python's name for an encoding, as encoding_rs knows it. Python spells
/// Latin-1 `latin-1` (no such label on the web) and allows `utf-8-*`.
fn python_encoding(name: &str) -> Option<&'static Encoding> {
    let name = name.to_ascii_lowercase().replace('_', "-");
    if name == "utf-8" || name.starts_with("utf-8-") || name == "utf8" {
        return Some(UTF_8);
    }
    let label = match name.as_str() {
        "latin-1" | "iso-latin-1" | "iso8859-1" => "latin1",
        other => other,
    };
    Encoding::for_label(label.as_bytes())
}

/// Replaces each `\r` not followed by `\n` with `\n`.
fn lone_carriage_returns_as_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    let mut bytes = text.into_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
            bytes[i] = b'\n';
        }
    }
    // Only ASCII bytes changed into ASCII bytes.
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> Result<Decoded, Unreadable> {
        decode(bytes.to_vec())
    }

    #[test]
    fn utf8_is_the_default_and_a_bom_is_kept() {
        let decoded = text("\u{feff}x = 'é'\n".as_bytes()).unwrap();
        assert_eq!(decoded.text, "\u{feff}x = 'é'\n");
        assert_eq!(decoded.encoding, None);
    }

    #[test]
    fn a_coding_declaration_decides_the_encoding() {
        let latin1 = b"# -*- coding: latin-1 -*-\ns = 'caf\xe9'\n";
        let decoded = text(latin1).unwrap();
        assert_eq!(decoded.text, "# -*- coding: latin-1 -*-\ns = 'café'\n");
        assert_eq!(decoded.encoding, Some("windows-1252"));
        let second_line = b"#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nx = '\x80'\n";
        assert!(text(second_line).unwrap().text.contains('€'));
        let utf8_declared = "# coding=utf-8\nx = 'é'\n";
        assert_eq!(text(utf8_declared.as_bytes()).unwrap().encoding, None);
        // Only the first two lines count.
        let third_line = b"\n\n# coding: latin-1\nx = '\xe9'\n";
        assert_eq!(text(third_line).unwrap_err().kind, "encoding");
    }

    #[test]
    fn undecodable_files_are_reported_with_the_reason() {
        let invalid = text(b"x = '\xff'\n").unwrap_err();
        assert_eq!(invalid.kind, "encoding");
        assert!(invalid.message.contains("offset 5"), "{}", invalid.message);
        let unknown = text(b"# coding: klingon\nx = '\xff'\n").unwrap_err();
        assert!(unknown.message.contains("klingon"), "{}", unknown.message);
        assert_eq!(text(b"import os\0\0").unwrap_err().kind, "binary");
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let decoded = text(b"a = 1\rb = 2\r\nc = 3\r").unwrap();
        assert_eq!(decoded.text, "a = 1\nb = 2\r\nc = 3\n");
    }

    #[test]
    fn reads_regular_files_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.py");
        std::fs::write(&file, "x = 1\n").unwrap();
        assert_eq!(read(&file, 6).unwrap(), b"x = 1\n");
        let too_large = read(&file, 5).unwrap_err();
        assert_eq!(too_large.kind, "too-large");
        assert_eq!(
            too_large.message,
            "larger than 5 bytes (--max-file-size); not scanned"
        );
        assert_eq!(
            read(&dir.path().join("gone.py"), 10).unwrap_err().kind,
            "read"
        );
        assert_eq!(read(dir.path(), 10).unwrap_err().kind, "not-a-file");
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_not_waited_on() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe.py");
        let status = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(status.success());
        assert_eq!(read(&fifo, 10).unwrap_err().kind, "not-a-file");
    }

    #[test]
    fn sizes_read_as_people_write_them() {
        assert_eq!(human_size(5 * 1024 * 1024), "5 MB");
        assert_eq!(human_size(1536 * 1024), "1.5 MB");
        assert_eq!(human_size(300 * 1024), "300 KB");
        assert_eq!(human_size(12), "12 bytes");
    }
}
