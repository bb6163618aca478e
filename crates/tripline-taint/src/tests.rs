//! The analysis on real Python snippets. Sources are calls of `source()`,
//! sinks calls of `sink(...)`, sanitizers calls of `clean(...)`;
//! `validate(x)` and `is_safe(x)` are side-effect sanitizers of their
//! first argument. A line ending in `# tainted` must be reported, every
//! other sink line must not.

use std::ops::Range;

use tripline_pattern::{Pattern, SyntaxTree};
use tripline_rule::TaintOptions;

use crate::analysis::nodes_for;
use crate::*;

fn ranges(pattern: &str, code: &str) -> Vec<Range<usize>> {
    Pattern::parse(pattern)
        .unwrap()
        .find_all_in(code)
        .into_iter()
        .map(|(start, end, _)| start..end)
        .collect()
}

/// The first argument of each call matching `pattern`.
fn first_arguments(pattern: &str, code: &str, tree: &SyntaxTree) -> Vec<Range<usize>> {
    ranges(pattern, code)
        .into_iter()
        .filter_map(|range| {
            let call = nodes_for(tree.root(), &range)
                .into_iter()
                .find(|n| n.kind() == "call")?;
            Some(
                call.child_by_field_name("arguments")?
                    .named_child(0)?
                    .byte_range(),
            )
        })
        .collect()
}

fn line_of(code: &str, offset: usize) -> usize {
    code[..offset].matches('\n').count() + 1
}

/// The lines of the tainted sinks found.
fn tainted_lines(code: &str, options: TaintOptions) -> Vec<usize> {
    let tree = SyntaxTree::parse(code).unwrap();
    let mut sanitizers: Vec<SanitizerMatch> = ranges("clean(...)", code)
        .into_iter()
        .map(|range| SanitizerMatch {
            range,
            by_side_effect: false,
            exact: false,
        })
        .collect();
    for pattern in ["validate(...)", "is_safe(...)"] {
        sanitizers.extend(
            first_arguments(pattern, code, &tree)
                .into_iter()
                .map(|range| SanitizerMatch {
                    range,
                    by_side_effect: true,
                    exact: false,
                }),
        );
    }
    let mut sinks: Vec<SinkMatch> = ranges("sink(...)", code)
        .into_iter()
        .map(|range| SinkMatch {
            range,
            exact: false,
            requires: None,
        })
        .collect();
    // `execute(sql, params)`: only the query is a sink.
    sinks.extend(
        first_arguments("$CURSOR.execute(...)", code, &tree)
            .into_iter()
            .map(|range| SinkMatch {
                range,
                exact: false,
                requires: None,
            }),
    );
    let matches = Matches {
        sources: ranges("source()", code)
            .into_iter()
            .map(|range| SourceMatch {
                range,
                label: "__SOURCE__",
                exact: false,
                requires: None,
            })
            .collect(),
        sinks,
        sanitizers,
        propagators: Vec::new(),
    };
    let input = Input {
        root: tree.root(),
        source: code.as_bytes(),
        matches: &matches,
        options,
    };
    let mut lines: Vec<usize> = analyze(&input)
        .iter()
        .map(|t| line_of(code, matches.sinks[t.sink].range.start))
        .collect();
    lines.sort_unstable();
    lines.dedup();
    lines
}

/// Checks that exactly the lines marked `# tainted` are reported.
fn check_with(code: &str, options: TaintOptions) {
    let expected: Vec<usize> = code
        .lines()
        .enumerate()
        .filter(|(_, line)| line.trim_end().ends_with("# tainted"))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(tainted_lines(code, options), expected, "in:\n{code}");
}

fn check(code: &str) {
    check_with(code, TaintOptions::default());
}

#[test]
fn assignments_carry_taint_and_constants_replace_it() {
    check(
        r#"
def view():
    x = source()
    y = x
    sink(y)  # tainted
    y = "constant"
    sink(y)
    a, b = x, "safe"
    sink(a)  # tainted
    sink(b)
    c, d = pair = source(), 1
    sink(d)  # tainted
    n = 1
    n += x
    sink(n)  # tainted
    if (w := source()):
        sink(w)  # tainted
"#,
    );
}

#[test]
fn string_building_carries_taint() {
    check(
        r#"
def view():
    x = source()
    sink(f"select {x}")  # tainted
    sink("select %s" % x)  # tainted
    sink("select " + x)  # tainted
    sink("select {}".format(x))  # tainted
    sink(",".join([x]))  # tainted
    sink(x[1:3])  # tainted
    sink(x.strip().lower().replace("a", "b").split(",")[0])  # tainted
    sink(f"select {1}")
"#,
    );
}

#[test]
fn containers_track_what_they_hold() {
    check(
        r#"
def view():
    x = source()
    items = []
    items.append(x)
    sink(items)  # tainted
    other = []
    other.extend([1])
    sink(other)
    d = {"user": x, "id": 1}
    sink(d["user"])  # tainted
    sink(d["id"])
    sink(d.get("user"))  # tainted
    sink(d.get("id"))
    e = {}
    e["k"] = x
    sink(e["k"])  # tainted
    sink(e["j"])
    e.setdefault("s", x)
    sink(e.pop("s"))  # tainted
    s = set()
    s.add(x)
    sink(s)  # tainted
    u = {}
    u.update({"a": x})
    sink(u)  # tainted
    l2 = [1]
    l2.insert(0, x)
    sink(l2)  # tainted
"#,
    );
}

#[test]
fn comprehensions_lambdas_and_attributes() {
    check(
        r#"
class Handler:
    def get(self):
        self.name = source()
        sink(self.name)  # tainted
        self.other = "fixed"
        sink(self.other)

def view():
    x = source()
    sink([v.upper() for v in x])  # tainted
    sink([1 for v in x])
    f = lambda: x
    sink(f())  # tainted
    g = lambda v: v
    sink(g("constant"))
"#,
    );
}

#[test]
fn encodings_and_configparser_round_trips() {
    check(
        r#"
import base64, configparser, urllib.parse

def view():
    x = source()
    encoded = base64.b64encode(x.encode())
    sink(base64.b64decode(encoded).decode())  # tainted
    q = urllib.parse.unquote(urllib.parse.quote(x))
    sink(q)  # tainted
    config = configparser.ConfigParser()
    config.set("section", "key", x)
    sink(config.get("section", "key"))  # tainted
"#,
    );
}

#[test]
fn the_control_flow_graph_joins_branches_and_loops() {
    check(
        r#"
def view(flag, items):
    x = source()
    if flag:
        y = x
    elif items:
        y = "b"
    else:
        y = "c"
    sink(y)  # tainted
    z = "safe"
    for item in items:
        sink(z)  # tainted
        z = x
    else:
        pass
    while flag:
        if items:
            break
        w = x
        continue
    try:
        t = "ok"
        t = x
        t = "ok again"
    except ValueError:
        sink(t)  # tainted
    finally:
        pass
    with open(x) as handle:
        sink(handle)  # tainted
    match flag:
        case {"k": value}:
            sink(value)
        case other:
            pass
    match x:
        case [first, *rest]:
            sink(first)  # tainted
    return
    sink(x)
"#,
    );
}

#[test]
fn constant_conditions_follow_only_the_live_branch() {
    check(
        r#"
def view():
    x = source()
    if 7 > 5:
        y = "safe"
    else:
        y = x
    sink(y)
    if 7 * 6 < 40 or len("abc") != 3:
        sink(x)
    z = x if 1 > 2 else "safe"
    sink(z)
    z2 = x if 2 > 1 else "safe"
    sink(z2)  # tainted
    match "a":
        case "b":
            m = x
        case "a":
            m = "safe"
        case _:
            m = x
    sink(m)
    while False:
        sink(x)
"#,
    );
}

#[test]
fn sanitizers_and_guards_clean_values() {
    check(
        r#"
def escaped():
    x = source()
    sink(clean(x))
    sink(x)  # tainted

def validated():
    x = source()
    validate(x)
    sink(x)

def guarded():
    p = source()
    if not is_safe(p):
        return
    sink(p)

def checked_branch():
    p = source()
    if is_safe(p):
        sink(p)
    else:
        sink(p)  # tainted
    sink(p)  # tainted

def aborted():
    p = source()
    if not is_safe(p):
        abort(400)
    sink(p)

def rejected():
    p = source()
    if is_safe(p):
        raise ValueError(p)
    sink(p)

def unguarded_elsewhere():
    p = source()
    q = source()
    if not is_safe(p):
        return
    sink(q)  # tainted
"#,
    );
}

#[test]
fn parameterised_queries_are_not_sinks_for_their_parameters() {
    check(
        r#"
def view(cursor):
    x = source()
    cursor.execute("select * from t where a = %s", (x,))
    cursor.execute("select * from t where a = '%s'" % x)  # tainted
"#,
    );
}

#[test]
fn summaries_follow_calls_of_the_files_functions() {
    check(
        r#"
def passthrough(value):
    return value.strip()

def constant(value):
    return "fixed"

def run(command):
    sink(command)  # tainted

def never_called_with_taint(command):
    sink(command)

def fetch():
    return source()

def fill(target, value):
    target["k"] = value

def view():
    x = source()
    sink(passthrough(x))  # tainted
    sink(constant(x))
    run(x)
    never_called_with_taint("ls")
    sink(fetch())  # tainted
    d = {}
    fill(d, x)
    sink(d)  # tainted
    sink(passthrough(value="safe"))
"#,
    );
}

#[test]
fn summaries_of_methods_and_constructors() {
    check(
        r#"
class Query:
    def __init__(self, table):
        self.table = table

    def build(self):
        return "select * from " + self.table

    def fixed(self):
        return "select 1"

class Shell:
    def run(self, command):
        self.execute_now(command)

    def execute_now(self, command):
        sink(command)  # tainted

def view():
    q = Query(source())
    sink(q.build())  # tainted
    sink(q.fixed())
    safe = Query("users")
    sink(safe.build())
    Shell().run("ls")
    shell = Shell()
    shell.run(source())
"#,
    );
}

#[test]
fn list_positions_are_tracked_apart() {
    check(
        r#"
def view():
    x = source()
    queries = ["select 1", x]
    sink(queries[0])
    sink(queries[1])  # tainted
    sink(queries[-1])  # tainted
    sink(queries)  # tainted
    pair = (x, "safe")
    sink(pair[1])
"#,
    );
}

#[test]
fn a_sink_inside_a_sanitizer_call_is_still_checked() {
    check(
        r#"
def view(cursor):
    q = "select * from t where a = '%s'" % source()
    n = clean(cursor.execute(q))  # tainted
    sink(n)
"#,
    );
}

#[test]
fn sinks_reached_through_the_receiver_and_fluent_calls() {
    check(
        r#"
class Directory:
    def __init__(self, url):
        self.filter = "(objectClass=*)"

    def only(self, value):
        self.filter = "(mail=%s)" % value
        return self

    def find(self):
        return sink(self.filter)  # tainted

class Runner:
    def run(self, command):
        sink(command)  # tainted

class Query:
    def where(self, clause):
        self.clause = clause
        return self

    def execute_now(self):
        sink(self.clause)  # tainted

def view():
    d = Directory("ldap://example.org")
    d.only(source())
    d.find()

def fluent():
    Query().where(source()).execute_now()

def built():
    Runner().run(source())
"#,
    );
}

#[test]
fn recursion_terminates() {
    check(
        r#"
def down(value, n):
    if n == 0:
        return value
    return down(value, n - 1)

def ping(value):
    return pong(value)

def pong(value):
    return ping(value)

def view():
    x = source()
    sink(down(x, 3))  # tainted
    sink(ping(x))  # tainted
"#,
    );
}

#[test]
fn a_source_on_a_parameter_taints_it_at_entry() {
    let code = "def view(name, other):\n    sink(name)\n    sink(other)\n";
    let tree = SyntaxTree::parse(code).unwrap();
    let name = code.find("name").unwrap();
    let matches = Matches {
        sources: vec![SourceMatch {
            range: name..name + 4,
            label: "__SOURCE__",
            exact: false,
            requires: None,
        }],
        sinks: ranges("sink(...)", code)
            .into_iter()
            .map(|range| SinkMatch {
                range,
                exact: false,
                requires: None,
            })
            .collect(),
        ..Matches::default()
    };
    let input = Input {
        root: tree.root(),
        source: code.as_bytes(),
        matches: &matches,
        options: TaintOptions::default(),
    };
    let found = analyze(&input);
    assert_eq!(found.len(), 1);
    assert_eq!(line_of(code, matches.sinks[found[0].sink].range.start), 2);
    assert_eq!(found[0].source, name..name + 4);
}

#[test]
fn a_method_matched_as_a_source_returns_tainted_data() {
    let code =
        "def view(request):\n    body = request.get_json()\n    sink(body)\n    sink(request)\n";
    let tree = SyntaxTree::parse(code).unwrap();
    let method = code.find("request.get_json").unwrap();
    let matches = Matches {
        sources: vec![SourceMatch {
            range: method..method + "request.get_json".len(),
            label: "__SOURCE__",
            exact: false,
            requires: None,
        }],
        sinks: ranges("sink(...)", code)
            .into_iter()
            .map(|range| SinkMatch {
                range,
                exact: false,
                requires: None,
            })
            .collect(),
        ..Matches::default()
    };
    let input = Input {
        root: tree.root(),
        source: code.as_bytes(),
        matches: &matches,
        options: TaintOptions::default(),
    };
    let lines: Vec<usize> = analyze(&input)
        .iter()
        .map(|t| line_of(code, matches.sinks[t.sink].range.start))
        .collect();
    assert_eq!(lines, [3]);
}

#[test]
fn the_trace_lists_the_variables_on_the_way() {
    let code = "def view():\n    a = source()\n    b = a + '!'\n    sink(b)\n";
    let tree = SyntaxTree::parse(code).unwrap();
    let matches = Matches {
        sources: ranges("source()", code)
            .into_iter()
            .map(|range| SourceMatch {
                range,
                label: "__SOURCE__",
                exact: false,
                requires: None,
            })
            .collect(),
        sinks: ranges("sink(...)", code)
            .into_iter()
            .map(|range| SinkMatch {
                range,
                exact: false,
                requires: None,
            })
            .collect(),
        ..Matches::default()
    };
    let input = Input {
        root: tree.root(),
        source: code.as_bytes(),
        matches: &matches,
        options: TaintOptions::default(),
    };
    let found = analyze(&input);
    let steps: Vec<&str> = found[0].steps.iter().map(|r| &code[r.clone()]).collect();
    assert_eq!(steps, ["a", "b"]);
    assert_eq!(&code[found[0].source.clone()], "source()");
}

#[test]
fn assume_safe_options_stop_propagation_through_unknown_calls() {
    let options = TaintOptions {
        assume_safe_functions: true,
        assume_safe_numbers: true,
        assume_safe_booleans: true,
        assume_safe_indexes: true,
    };
    check_with(
        r#"
def view(table):
    x = source()
    sink(unknown(x))
    sink(x.strip())  # tainted
    sink(len(x))
    sink(x == "a")
    sink(table[x])
    sink(table.get(x))
"#,
        options,
    );
}

#[test]
fn deeply_nested_code_does_not_overflow() {
    let depth = 10_000;
    let mut nested = String::from("def view():\n    x = source()\n");
    for level in 0..depth {
        nested.push_str(&" ".repeat(4 * (level + 1)));
        nested.push_str("if x:\n");
    }
    nested.push_str(&" ".repeat(4 * (depth + 1)));
    nested.push_str("y = x\n    sink(y)\n");
    let parenthesized = format!(
        "def f():\n    x = source()\n    sink({}x{})\n",
        "(".repeat(depth),
        ")".repeat(depth)
    );
    let sum = format!(
        "def g():\n    x = source()\n    sink(x{})\n",
        " + x".repeat(depth)
    );
    for code in [nested, parenthesized, sum] {
        let handle = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || {
                // The matches are found by text: the pattern matcher is not
                // what is tested here.
                let tree = SyntaxTree::parse(&code).unwrap();
                let source = code.find("source()").unwrap();
                let sink = code.rfind("sink(").unwrap();
                let matches = Matches {
                    sources: vec![SourceMatch {
                        range: source..source + "source()".len(),
                        label: "__SOURCE__",
                        exact: false,
                        requires: None,
                    }],
                    sinks: vec![SinkMatch {
                        range: sink..code.len() - 1,
                        exact: false,
                        requires: None,
                    }],
                    ..Matches::default()
                };
                let input = Input {
                    root: tree.root(),
                    source: code.as_bytes(),
                    matches: &matches,
                    options: TaintOptions::default(),
                };
                analyze(&input).len()
            })
            .unwrap();
        // Over-approximated that deep, but still followed.
        assert_eq!(handle.join().expect("no stack overflow"), 1);
    }
}
