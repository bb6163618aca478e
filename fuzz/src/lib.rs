//! What the fuzz targets in `fuzz_targets/` share: the inputs they run
//! on and the invariants they assert. Each target turns the fuzzer's bytes
//! into text and calls one `check_*` function here; a panic (an assertion
//! below, or one inside tripline) is a crash libFuzzer reports.
//!
//! The invariants are those a user depends on: malformed input gives an
//! error value, never a panic; every offset an error or a finding carries
//! lies inside the text it points into, on a character boundary; a scan
//! is deterministic.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use miette::{GraphicalReportHandler, GraphicalTheme};
use tripline_engine::{scan_text, Finding, LineIndex, Position, Prepared, Target};
use tripline_pattern::{Pattern, SyntaxTree};
use tripline_rule::condition::{Binding, Expression, Kind, Value};
use tripline_rule::{compile_file, load_file, Level, RuleDiagnostic, RuleSet};

/// The stack of the threads tripline does its work on: rule files are
/// compiled and source files scanned on rayon's worker threads (and the
/// language server's on tokio's), which have Rust's default 2 MiB stack,
/// a quarter of the main thread's. The targets run each input on such a
/// stack, so that recursion too deep for tripline's real threads is a
/// crash here too.
pub const WORKER_STACK: usize = 2 * 1024 * 1024;

/// Runs `check` on `input` in a thread with a [`WORKER_STACK`]. A panic in
/// it aborts the process (libfuzzer-sys's panic hook), as one on the
/// fuzzer's own thread does.
pub fn on_worker_stack(input: &[u8], check: fn(&str)) {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .stack_size(WORKER_STACK)
            .spawn_scoped(scope, || check(&text(input)))
            .expect("a thread can be started")
            .join()
            .expect("the check panicked");
    });
}

/// The fuzzer's bytes as text. Invalid UTF-8 becomes U+FFFD (three bytes),
/// so mutations that break the encoding still reach the code under test,
/// with multi-byte characters for the offset checks to trip on.
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// Python code the `pattern` and `rule` targets match their fuzzed
/// patterns and rules against: a little of every construct the matcher
/// treats specially (imports and aliases, calls with keywords, strings in
/// every form, decorators, classes, with, loops, comprehensions, a
/// non-ASCII identifier and string).
pub const SAMPLE: &str = r#"import os, subprocess as sp
from flask import request, Flask
from . import db
from ..util import helper as h

app = Flask(__name__)
MODE = 0o777
TABLE = "users"

@app.route("/run", methods=["POST"])
def run(cmd, *args, shell=False, **kwargs):
    flag = True
    name = request.args.get("name")
    query = f"SELECT * FROM {TABLE} WHERE name = '{name}'"
    db.execute(query)
    db.execute("SELECT %s" % name, (name,))
    sp.call(cmd, shell=flag)
    os.chmod("/tmp/x", MODE)
    données = 'é' + "''" + '''x''' + b"y".decode()
    with open(cmd) as fh, open(name, "w") as out:
        out.write(fh.read())
    for i in range(10):
        if i > 5 and not shell or i in [1, 2]:
            yield [j ** 2 for j in args if j]
        elif i:
            continue
    try:
        eval(kwargs.get("code", "1 + 1"))
    except (ValueError, KeyError) as err:
        raise RuntimeError(str(err)) from err
    finally:
        return lambda x, y=1: x + y


class Handler(object):
    secret_key = "hunter2"  # nosemgrep: hardcoded-secret -- test data

    async def handle(self, *, data: bytes = b"") -> None:
        await self.process(data=data, timeout=None)
        global MODE
        MODE |= 0o002
        assert data, "empty"
        del data
"#;

/// The target every scan reports against: nested in packages so that
/// relative imports resolve.
pub fn target() -> Target {
    Target {
        path: PathBuf::from("pkg/app/views.py"),
        relative: PathBuf::from("pkg/app/views.py"),
    }
}

/// `pattern` target: parse pattern text; an error points inside it, and a
/// pattern that parses can be asked what it binds and can be matched.
pub fn check_pattern(pattern: &str) {
    let parsed = match Pattern::parse(pattern) {
        Ok(parsed) => parsed,
        Err(err) => {
            assert!(!err.message.is_empty(), "an error without a message");
            assert_offset(pattern, err.offset, "pattern error");
            return;
        }
    };
    assert_eq!(parsed.source(), pattern);
    for name in parsed.metavariables() {
        assert!(!name.is_empty(), "an empty metavariable name");
    }
    parsed.identifiers();
    // Matched against the sample, and against the pattern text itself read
    // as Python (arbitrary code for the matcher).
    for code in [SAMPLE, pattern] {
        for (start, end, bindings) in parsed.find_all_in(code) {
            assert_range(code, start, end, "pattern match");
            for (name, _) in bindings {
                assert!(!name.is_empty(), "an empty metavariable name bound");
            }
        }
    }
}

/// `condition` target: parse a condition; an error points inside it, and a
/// condition that parses evaluates (to a value or an error) with every
/// metavariable bound to one of [`BINDINGS`], chosen by its name.
pub fn check_condition(condition: &str) {
    let parsed = match Expression::parse(condition) {
        Ok(parsed) => parsed,
        Err(err) => {
            assert!(!err.message.is_empty(), "an error without a message");
            assert_offset(condition, err.offset, "condition error");
            return;
        }
    };
    assert_eq!(parsed.text, condition);
    let mentioned = parsed.metavariables();
    let lookup = |name: &str| -> Option<Binding> {
        assert!(
            mentioned.iter().any(|m| m == name),
            "looked up ${name}, which metavariables() did not list"
        );
        binding(name)
    };
    let value = parsed.evaluate(&lookup);
    let holds = parsed.holds(&lookup);
    if let Ok(value) = value {
        // `holds` is the truth of the value `evaluate` gives.
        let truthy = value.truthy();
        assert_eq!(
            holds, truthy,
            "holds() disagrees with evaluate() = {value:?}"
        );
    } else {
        assert!(!holds, "holds() for a condition that cannot be evaluated");
    }
}

/// What a metavariable in a fuzzed condition is bound to: picked by the
/// name, so the fuzzer can choose (`$A`, `$B`, ... give different values),
/// including the extremes of each type; names past the table are unbound.
fn binding(name: &str) -> Option<Binding> {
    let index = name.bytes().map(usize::from).sum::<usize>() % (BINDINGS.len() + 1);
    let (text, value, kinds) = BINDINGS.get(index)?;
    Some(Binding {
        text: (*text).to_owned(),
        value: value(),
        kinds: kinds.to_vec(),
    })
}

type MakeValue = fn() -> Value;

/// `(code as written, its value, its kinds)`.
const BINDINGS: &[(&str, MakeValue, &[Kind])] = &[
    (
        "0o644",
        || Value::Int(0o644),
        &[Kind::Literal, Kind::Number, Kind::Constant],
    ),
    (
        "0",
        || Value::Int(0),
        &[Kind::Literal, Kind::Number, Kind::Constant],
    ),
    ("-1", || Value::Int(-1), &[Kind::Number, Kind::Constant]),
    (
        "MAX",
        || Value::Int(i128::MAX),
        &[Kind::Identifier, Kind::Constant],
    ),
    (
        "MIN",
        || Value::Int(i128::MIN),
        &[Kind::Identifier, Kind::Constant],
    ),
    (
        "2.5e3",
        || Value::Float(2.5e3),
        &[Kind::Literal, Kind::Number, Kind::Constant],
    ),
    ("NAN", || Value::Float(f64::NAN), &[Kind::Identifier]),
    ("1e308 * 10", || Value::Float(f64::INFINITY), &[]),
    (
        "\"md5\"",
        || Value::Str("md5".to_owned()),
        &[Kind::Literal, Kind::String, Kind::Constant],
    ),
    (
        "'é'",
        || Value::Str("é".to_owned()),
        &[Kind::Literal, Kind::String, Kind::Constant],
    ),
    (
        "\"\"",
        || Value::Str(String::new()),
        &[Kind::Literal, Kind::String, Kind::Constant],
    ),
    (
        "\"1_000\"",
        || Value::Str("1_000".to_owned()),
        &[Kind::Literal, Kind::String],
    ),
    ("foo(x)", || Value::Str("foo(x)".to_owned()), &[Kind::Call]),
    (
        "True",
        || Value::Bool(true),
        &[Kind::Literal, Kind::Constant],
    ),
    ("None", || Value::None, &[Kind::Literal, Kind::Constant]),
    (
        "[1, 'a']",
        || Value::List(vec![Value::Int(1), Value::Str("a".to_owned())]),
        &[],
    ),
];

/// `rule` target: load YAML text as a rule file. Every diagnostic points
/// inside the file and renders; the rules that load scan [`SAMPLE`].
pub fn check_rule(yaml: &str) {
    let mut ruleset = RuleSet::default();
    let diagnostics = ruleset.add(compile_file("fuzz.yaml", yaml));
    for diagnostic in &diagnostics {
        check_diagnostic(diagnostic, yaml);
    }
    if ruleset.rules.is_empty() {
        return;
    }
    let prepared = Prepared::new(&ruleset);
    let target = target();
    let findings = scan_text(&prepared, &target, SAMPLE);
    check_findings(&ruleset, SAMPLE, &target, &findings);
}

fn check_diagnostic(diagnostic: &RuleDiagnostic, yaml: &str) {
    assert!(
        !diagnostic.message.is_empty(),
        "a diagnostic without a message"
    );
    let source = diagnostic.source.inner();
    if diagnostic.level != Level::Note {
        assert_eq!(source, yaml, "a diagnostic about another text");
    }
    for (span, _) in &diagnostic.labels {
        assert_offset(source, span.offset(), "diagnostic label");
        // A label is at least one character wide (see
        // `RuleDiagnostic::label`); it may run one past the end to show a
        // caret after the last character.
        assert!(
            span.offset() + span.len() <= source.len() + 1,
            "diagnostic label {span:?} runs past the end of a {}-byte file",
            source.len()
        );
    }
    diagnostic.line_column();
    // The CLI renders diagnostics with miette's graphical handler; render
    // the same way (rendering may fail, but must not panic).
    let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor());
    let mut rendered = String::new();
    let _ = handler.render_report(&mut rendered, diagnostic);
    for related in &diagnostic.related {
        check_diagnostic(related, yaml);
    }
}

/// The rules the `matcher` target scans with: every shipped rule, the
/// compatibility and test rules, and `fuzz/rules/*.yaml` (written to cover
/// the pattern and rule features the others use little). Loaded from the
/// repository once; any error in them stops the target at once.
pub static MATCHER_RULES: LazyLock<RuleSet> = LazyLock::new(|| matcher_rules(true));

/// [`MATCHER_RULES`] but `fuzz/rules/shallow.yaml`, for code nested deeper
/// than [`SHALLOW`].
static DEEP_CODE_RULES: LazyLock<RuleSet> = LazyLock::new(|| matcher_rules(false));

/// How deeply code may nest for `fuzz/rules/shallow.yaml` to run on it:
/// that rule's time grows with the square of the depth (a known problem,
/// see that file), which would make the fuzzer report it again and again.
pub const SHALLOW: usize = 64;

fn matcher_rules(with_shallow: bool) -> RuleSet {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut files = Vec::new();
    for dir in [
        "fuzz/rules",
        "rulesets/python",
        "tests/compat",
        "tests/rules",
    ] {
        yaml_files(&repo.join(dir), &mut files);
    }
    files.retain(|f| with_shallow || !f.ends_with("shallow.yaml"));
    files.sort();
    let mut ruleset = RuleSet::default();
    for file in &files {
        let diagnostics = load_file(file, &mut ruleset)
            .unwrap_or_else(|err| panic!("cannot read {}: {err}", file.display()));
        let errors: Vec<String> = diagnostics
            .iter()
            .filter(|d| d.level == Level::Error)
            .map(|d| format!("{}: {}", file.display(), d.message))
            .collect();
        assert!(
            errors.is_empty(),
            "the matcher's rules do not load: {errors:#?}"
        );
    }
    assert!(
        ruleset.rules.len() > 100,
        "too few rules found under {}",
        repo.display()
    );
    ruleset
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            out.push(path);
        }
    }
}

static MATCHER_PREPARED: LazyLock<Prepared<'static>> =
    LazyLock::new(|| Prepared::new(&MATCHER_RULES));
static DEEP_CODE_PREPARED: LazyLock<Prepared<'static>> =
    LazyLock::new(|| Prepared::new(&DEEP_CODE_RULES));

/// `matcher` target: scan Python text with [`MATCHER_RULES`] (but
/// `shallow.yaml` if it nests deeper than [`SHALLOW`]). Findings lie inside
/// the text, and (for one input in four, chosen by its length, to keep the
/// fuzzer fast) a second scan finds exactly the same.
pub fn check_matcher(code: &str) {
    let (rules, prepared) = if nesting(code) > SHALLOW {
        (&*DEEP_CODE_RULES, &*DEEP_CODE_PREPARED)
    } else {
        (&*MATCHER_RULES, &*MATCHER_PREPARED)
    };
    let target = target();
    let findings = scan_text(prepared, &target, code);
    check_findings(rules, &as_python_reads(code), &target, &findings);
    if code.len().is_multiple_of(4) {
        let again = scan_text(prepared, &target, code);
        assert!(findings == again, "two scans of the same text differ");
    }
}

/// The text as Python (and tripline) reads it: a lone `\r` ends a line.
/// Positions in findings count lines that way.
fn as_python_reads(code: &str) -> String {
    let mut text = String::with_capacity(code.len());
    let mut chars = code.chars().peekable();
    while let Some(c) = chars.next() {
        text.push(if c == '\r' && chars.peek() != Some(&'\n') {
            '\n'
        } else {
            c
        });
    }
    text
}

/// How deeply the syntax tree of `code` nests.
fn nesting(code: &str) -> usize {
    let Some(tree) = SyntaxTree::parse(code) else {
        return 0;
    };
    let mut depths = vec![0usize; tree.len()];
    for node in tree.nodes() {
        depths[node.id()] = node.parent().map_or(0, |p| depths[p.id()] + 1);
    }
    depths.into_iter().max().unwrap_or(0)
}

/// Every finding names a rule of the set and the target, and its
/// positions (and those of its metavariables) are places in `text`.
pub fn check_findings(ruleset: &RuleSet, text: &str, target: &Target, findings: &[Finding]) {
    let lines = Lines {
        index: LineIndex::new(text),
        count: text.matches('\n').count() + 1,
        text,
    };
    let path = target.path.display().to_string();
    let ids: HashSet<&str> = ruleset.rules.iter().map(|r| r.id.as_str()).collect();
    for finding in findings {
        assert!(
            ids.contains(finding.rule_id.as_str()),
            "a finding of an unknown rule {:?}",
            finding.rule_id
        );
        assert_eq!(finding.path, path);
        let start = lines.offset_of(finding.start, "finding start");
        let end = lines.offset_of(finding.end, "finding end");
        assert!(start <= end, "finding ends before it starts: {finding:#?}");
        // `lines` are the whole lines the finding spans.
        let first_line = text[..start].rfind('\n').map_or(0, |i| i + 1);
        assert!(
            text[first_line..].starts_with(&finding.lines),
            "finding lines are not the text at line {}: {:?}",
            finding.start.line,
            finding.lines
        );
        for (name, value) in &finding.metavars {
            assert!(name.starts_with('$'), "metavariable {name:?} without `$`");
            let start = lines.offset_of(value.start, "metavariable start");
            let end = lines.offset_of(value.end, "metavariable end");
            assert!(start <= end, "{name} ends before it starts");
        }
    }
}

/// A text and its line index.
struct Lines<'a> {
    index: LineIndex,
    count: usize,
    text: &'a str,
}

impl Lines<'_> {
    /// A position is a place in the text: its line exists, its column is at
    /// most one past the line's last character, and it converts back to
    /// the same byte offset. Returns the offset.
    fn offset_of(&self, position: Position, what: &str) -> usize {
        assert!(
            (1..=self.count).contains(&position.line) && position.col >= 1,
            "{what} {position:?} is outside a text of {} lines",
            self.count
        );
        let offset = self.index.offset(self.text, position);
        assert_eq!(
            self.index.position(self.text, offset),
            position,
            "{what} {position:?} is not a place in the text (byte {offset})"
        );
        offset
    }
}

/// An offset is inside `text` (or at its end) and on a character boundary.
fn assert_offset(text: &str, offset: usize, what: &str) {
    assert!(
        text.is_char_boundary(offset),
        "{what} at byte {offset} is not a character boundary of a {}-byte text",
        text.len()
    );
}

fn assert_range(text: &str, start: usize, end: usize, what: &str) {
    assert!(start <= end, "{what} {start}..{end} is reversed");
    assert_offset(text, start, what);
    assert_offset(text, end, what);
}
