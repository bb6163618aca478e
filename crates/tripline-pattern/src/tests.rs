//! Pattern-vs-code tests: one positive and one negative case per construct
//! at least, in the style of ast-grep's `test_match` / `test_non_match`.

use super::*;

/// The matched code texts, in order.
fn found(pattern: &str, code: &str) -> Vec<String> {
    let pattern = Pattern::parse(pattern).unwrap_or_else(|e| panic!("{pattern:?}: {e}"));
    pattern
        .find_all_in(code)
        .into_iter()
        .map(|(start, end, _)| code[start..end].to_string())
        .collect()
}

/// The bindings of the first match, as `NAME=text`.
fn bindings(pattern: &str, code: &str) -> Vec<String> {
    let pattern = Pattern::parse(pattern).unwrap();
    let all = pattern.find_all_in(code);
    let (_, _, first) = all
        .first()
        .unwrap_or_else(|| panic!("no match in {code:?}"));
    first.iter().map(|(n, t)| format!("{n}={t}")).collect()
}

fn test_match(pattern: &str, code: &str) {
    assert!(
        !found(pattern, code).is_empty(),
        "{pattern:?} should match {code:?}"
    );
}

fn test_non_match(pattern: &str, code: &str) {
    let hits = found(pattern, code);
    assert!(
        hits.is_empty(),
        "{pattern:?} should not match {code:?}, found {hits:?}"
    );
}

#[test]
fn metavariable_matches_any_expression_and_binds_it() {
    assert_eq!(bindings("eval($X)", "eval(a + b)"), ["X=a + b"]);
    test_non_match("eval($X)", "eval()");
    test_non_match("eval($X)", "eval(a, b)");
}

#[test]
fn repeated_metavariable_must_bind_equal_code() {
    test_match("$X == $X", "a.b == a.b");
    test_match("$X == $X", "(a  .b) == a.b  # same");
    test_match("$X == $X", "'s' == \"s\"");
    test_non_match("$X == $X", "a.b == a.c");
}

#[test]
fn anonymous_metavariable_binds_nothing() {
    test_match("$_ == $_", "a == b");
    assert!(bindings("f($_)", "f(1)").is_empty());
}

#[test]
fn ellipsis_in_arguments() {
    test_match("f(...)", "f()");
    test_match("f(...)", "f(1, x=2, *a, **k)");
    test_match("f($X, ...)", "f(1, 2)");
    test_non_match("f($X, ...)", "f()");
    test_non_match("f(...)", "g(1)");
}

#[test]
fn keyword_arguments_match_in_any_order() {
    test_match(
        "subprocess.call(..., shell=True, ...)",
        "subprocess.call('ls', shell=True)",
    );
    test_match(
        "subprocess.call(..., shell=True, ...)",
        "subprocess.call(shell=True, args='ls', cwd=d)",
    );
    test_match("f(a=1, b=2)", "f(b=2, a=1)");
    test_non_match(
        "subprocess.call(..., shell=True, ...)",
        "subprocess.call('ls', shell=False)",
    );
    test_non_match(
        "subprocess.call(..., shell=True, ...)",
        "subprocess.call('ls')",
    );
}

#[test]
fn arguments_the_pattern_does_not_mention_need_an_ellipsis() {
    test_non_match("f(shell=True)", "f(cmd, shell=True)");
    test_non_match("f($X)", "f(a, shell=True)");
    test_match("f($X, shell=True)", "f(a, shell=True)");
    test_non_match("f($X)", "f(shell=True)");
}

#[test]
fn sequence_metavariable_binds_a_run_of_arguments() {
    assert_eq!(bindings("f($...ARGS)", "f(1, 2)"), ["ARGS=1, 2"]);
    assert_eq!(
        bindings("f($X, $...REST)", "f(1, 2, 3)"),
        ["X=1", "REST=2, 3"]
    );
    test_match("f($...ARGS)", "f()");
    test_non_match("f($X, $...REST)", "f()");
}

#[test]
fn ellipsis_in_parameters() {
    test_match(
        "def $F(...): ...",
        "def handler(request, *args, **kw):\n    return 1\n",
    );
    test_match("def $F(...): ...", "async def f() -> int:\n    pass\n");
    test_match("def $F($A, ...): ...", "def f(a, b):\n    pass\n");
    test_non_match("def $F($A, ...): ...", "def f():\n    pass\n");
}

#[test]
fn ellipsis_in_statements() {
    let pattern = "$F = open(...)\n...\n$F.close()";
    test_match(pattern, "f = open('x')\nf.close()\n");
    test_match(
        pattern,
        "f = open('x')\ndata = f.read()\nprint(data)\nf.close()\n",
    );
    test_match(pattern, "f = open('x')\nif data:\n    f.close()\n");
    test_non_match(pattern, "f.close()\nf = open('x')\n");
    test_non_match(pattern, "f = open('x')\ng.close()\n");
}

#[test]
fn multi_statement_match_spans_first_to_last_statement() {
    let code = "x = 1\nf = open('x')\ny = 2\nf.close()\nz = 3\n";
    assert_eq!(
        found("$F = open(...)\n...\n$F.close()", code),
        ["f = open('x')\ny = 2\nf.close()"]
    );
}

#[test]
fn ellipsis_in_collection_literals() {
    test_match("[..., 'x', ...]", "a = [1, 'x', 2]");
    test_non_match("[..., 'x', ...]", "a = [1, 2]");
    test_match("(1, ...)", "t = (1, 2, 3)");
    test_match("{..., 'x'}", "s = {'a', 'x'}");
    test_match("{..., 'k': $V, ...}", "d = {'a': 1, 'k': 2}");
    test_match("{'k': $V, ...}", "d = {'k': 2, 'a': 1}");
    test_non_match("{'k': $V}", "d = {'a': 1, 'k': 2}");
}

#[test]
fn ellipsis_as_any_expression() {
    test_match("x = ...", "x = foo(1) + 2");
    test_non_match("x = ...", "y = 1");
}

#[test]
fn string_patterns() {
    test_match("f(\"...\")", "f('anything')");
    test_match("f(\"...\")", "f('a' 'b')");
    test_non_match("f(\"...\")", "f(x)");
    test_non_match("f(\"...\")", "f(f'{x}')");
    test_match("f('abc')", "f(\"abc\")");
    test_match("f('abc')", "f('''abc''')");
    test_match("f('abc')", "f('a' \"bc\")");
    test_non_match("f('abc')", "f('abd')");
}

#[test]
fn regex_strings() {
    test_match("f(\"=~/^sel.*from/i\")", "f('SELECT * FROM t')");
    test_non_match("f(\"=~/^sel.*from/i\")", "f('delete')");
    test_non_match("f(\"=~/x/\")", "f(x)");
}

/// A rule regex, compiled as rules compile theirs.
fn regex(text: &str) -> regex::Regex {
    compile_regex(text).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

/// Word boundaries are ASCII, as in Semgrep's PCRE: `é` is not a word
/// character. Everything else in the regex is left as written.
#[test]
fn regex_word_boundaries_are_ascii() {
    assert!(regex(r"\bpass\b").is_match("é pass é"));
    assert!(!regex(r"\bpass\b").is_match("bypass"));
    // After a non-ASCII letter there is no boundary before a space.
    assert!(!regex(r"café\b").is_match("café au lait"));
    assert!(regex(r"caf\b").is_match("café"));
    assert!(regex(r"\b{start}x").is_match("é x"));
    // An escaped backslash before `b` is not a boundary.
    assert!(regex(r"a\\b").is_match(r"a\b"));
    assert!(regex(r"[\\b]").is_match("b"));
}

/// `\w`, `\d` and `\s` are ASCII too, as in PCRE, inside brackets or not,
/// negated or not, and under `(?i)`.
#[test]
fn regex_perl_classes_are_ascii() {
    assert!(regex(r"^\w+$").is_match("user_name9"));
    assert!(!regex(r"^\w+$").is_match("café"));
    assert!(!regex(r"^[\w.]+$").is_match("os.é"));
    assert!(regex(r"^[\w.]+$").is_match("os.path"));
    assert!(regex(r"^\W$").is_match("é"));
    assert!(regex(r"^[^\w]$").is_match("é"));
    assert!(regex(r"^[\W]$").is_match("é"));
    assert!(!regex(r"^\d$").is_match("٣"));
    assert!(regex(r"^\D$").is_match("٣"));
    assert!(regex(r"^\d{2}$").is_match("42"));
    assert!(!regex(r"^\s$").is_match("\u{a0}"));
    assert!(regex(r"^\s\S$").is_match("\tx"));
    assert!(regex(r"(?i)^token_\w+$").is_match("TOKEN_Key"));
    // Escaped backslashes and class names written out are left alone.
    assert!(regex(r"^\\w$").is_match(r"\w"));
    assert!(regex(r"^[[:alpha:]\d]+$").is_match("a1"));
}

/// The same regex text is compiled once: rules repeat their regexes (each
/// taint rule has the same sources).
#[test]
fn regexes_are_compiled_once() {
    let text = r"^(?:once_\w+|only)$";
    let first = compile_regex(text).expect("compiles");
    let second = compile_regex(text).expect("compiles");
    assert!(first.is_match("once_more") && second.is_match("only"));
    assert!(std::ptr::eq(first.as_str(), second.as_str()));
}

#[test]
fn f_string_patterns() {
    test_match("f\"...{$X}...\"", "q = f'SELECT {name}'");
    test_non_match("f\"...{$X}...\"", "q = f'SELECT'");
    test_non_match("f\"...{$X}...\"", "q = 'SELECT {name}'");
    assert_eq!(bindings("f\"SELECT {$X}\"", "f'SELECT {a.b}'"), ["X=a.b"]);
}

#[test]
fn deep_expression() {
    assert_eq!(
        bindings("foo(<... $X.password ...>)", "foo('a' + user.password)"),
        ["X=user"]
    );
    test_match("log(<... password ...>)", "log(f'pw={password}')");
    test_non_match("log(<... password ...>)", "log(f'pw={passwd}')");
}

#[test]
fn deep_expression_offers_every_subexpression() {
    let pattern = Pattern::parse("f(<... $X ...>)").unwrap();
    let all = pattern.find_all_in("f(a + b)");
    let bound: Vec<String> = all.iter().map(|(_, _, b)| b[0].1.clone()).collect();
    assert_eq!(bound, ["a + b", "a", "b"]);
}

#[test]
fn expression_pattern_matches_at_any_depth() {
    assert_eq!(
        found(
            "eval($X)",
            "def f():\n    if x:\n        return g(eval(y))\n"
        ),
        ["eval(y)"]
    );
}

#[test]
fn redundant_parentheses_do_not_matter() {
    test_match("eval($X)", "(eval)((x))");
    // As in Semgrep, the reported range includes the redundant parentheses.
    assert_eq!(found("eval($X)", "((eval(x)))"), ["((eval(x)))"]);
}

#[test]
fn not_equal_is_not_negated_equal() {
    test_non_match("$A != $B", "not (a == b)");
}

#[test]
fn statement_patterns() {
    test_match("return $X", "def f():\n    return 1\n");
    test_match("import $M", "import os.path\n");
    assert_eq!(bindings("import $M", "import os.path\n"), ["M=os.path"]);
    test_match("from $M import $N", "from os import path\n");
    test_match(
        "with open($F) as $H:\n    ...",
        "with open(p) as fh:\n    fh.read()\n",
    );
    test_non_match("with open($F) as $H:\n    ...", "with lock:\n    pass\n");
}

#[test]
fn function_and_class_definitions() {
    test_match("class $C(...): ...", "class A(Base):\n    x = 1\n");
    test_match("class $C(...): ...", "class A:\n    x = 1\n");
    test_match(
        "def $F(...):\n    ...\n    eval($X)",
        "def f(a):\n    b = a\n    eval(b)\n",
    );
    test_match(
        "def $F(...):\n    ...\n    eval($X)",
        "def f(a):\n    if a:\n        eval(a)\n    return 1\n",
    );
    test_non_match(
        "def $F(...):\n    ...\n    eval($X)",
        "def f(a):\n    exec(a)\n",
    );
}

#[test]
fn decorated_definitions() {
    let pattern = "@app.route(...)\ndef $F(...):\n    ...";
    test_match(pattern, "@app.route('/x')\ndef view():\n    pass\n");
    test_match(
        pattern,
        "@login_required\n@app.route('/x', methods=['POST'])\ndef view():\n    pass\n",
    );
    test_non_match(pattern, "@login_required\ndef view():\n    pass\n");
}

#[test]
fn attribute_chains() {
    assert_eq!(
        bindings("$DB.session.execute(...)", "self.db.session.execute(q)"),
        ["DB=self.db"]
    );
    test_non_match("$DB.session.execute(...)", "db.execute(q)");
}

#[test]
fn operators_must_be_equal() {
    test_match("$A + $B", "x + 1");
    test_non_match("$A + $B", "x - 1");
}

#[test]
fn patterns_that_do_not_parse_say_where() {
    let err = Pattern::parse("foo(1,, 2)").unwrap_err();
    assert!(err.message.contains("not valid Python"), "{err}");
    assert_eq!(err.offset, 5);
    let err = Pattern::parse("$X = = $Y").unwrap_err();
    assert!(err.offset >= 3, "{err}");
    let err = Pattern::parse("f(\"=~/a(/\")").unwrap_err();
    assert_eq!(err.offset, 7, "{err}");
    assert_eq!(err.message, "invalid regex: unclosed group");
    assert!(Pattern::parse("").is_err());
}

/// Found by the `pattern` fuzz target: the offset of a regex error was
/// counted in the string's value but applied to the literal as written, so
/// an escape (`\"`) before it shifted it, into the middle of a character.
#[test]
fn regex_errors_after_an_escape_stay_inside_the_regex() {
    let pattern = r#""=~/\"é\/""#;
    let err = Pattern::parse(pattern).unwrap_err();
    assert!(err.message.contains("invalid regex"), "{err}");
    assert_eq!(err.offset, 4, "{err}");
    // Without an escape before the problem the offset is exact.
    let pattern = r#""=~/é(\"/""#;
    let err = Pattern::parse(pattern).unwrap_err();
    assert_eq!(&pattern[err.offset..], r#"(\"/""#, "{err}");
}

/// Found by the `pattern` fuzz target: matching recurses along the
/// pattern, and a pattern of 800 nested calls matched against the same
/// code overflowed a 2 MiB worker stack. Such patterns are now an error.
#[test]
fn deeply_nested_patterns_are_an_error_not_a_stack_overflow() {
    let nested = |n: usize| format!("{}x{}", "f(".repeat(n), ")".repeat(n));
    let err = Pattern::parse(&nested(150)).unwrap_err();
    assert!(err.message.contains("nests too deeply"), "{err}");
    // Deeper still, the pest layer gives up first.
    assert!(Pattern::parse(&nested(5000)).is_err());
    let deep = nested(90);
    test_match(&deep, &deep);
}

#[test]
fn lowercase_metavariables_are_an_error() {
    assert!(Pattern::parse("eval($x)").is_err());
}

#[test]
fn operator_chains_with_an_ellipsis_match_as_lists() {
    let pattern = "execute(\"...\" + $X + ...)";
    test_match(pattern, "execute('a' + b)");
    test_match(pattern, "execute('a' + b + 'c' + str(d))");
    test_non_match(pattern, "execute(b + 'a')");
    test_non_match("execute(\"...\" % ...)", "execute('a' + 'b')");
    test_non_match("execute(\"...\" + ...)", "execute('a' % b)");
    assert_eq!(bindings(pattern, "execute('a' + b + 'c')"), ["X=b"]);
}

#[test]
fn concatenated_literals_are_a_constant_string() {
    test_match("execute(\"...\")", "execute('SELECT 1 ' + 'FROM t')");
    test_match("execute('ab')", "execute('a' + 'b')");
    test_non_match("execute(\"...\")", "execute('SELECT ' + name)");
}

#[test]
fn expression_statements_in_a_sequence_match_inside_statements() {
    let pattern = "$P = mktemp()\n...\nopen($P, ...)";
    test_match(pattern, "p = mktemp()\nopen(p, 'w').write(data)\n");
    test_match(pattern, "p = mktemp()\nwith open(p) as f:\n    pass\n");
    test_non_match(pattern, "p = mktemp()\nopen(q, 'w').write(data)\n");
}

#[test]
fn a_trailing_ellipsis_covers_the_rest_of_the_block() {
    let code = "def f(uid):\n    q = 'SELECT ' + uid\n    log(q)\n    c.execute(q)\n";
    assert_eq!(
        found("$Q = \"...\" + $X\n...", code),
        ["q = 'SELECT ' + uid\n    log(q)\n    c.execute(q)"]
    );
}

#[test]
fn syntax_errors_quote_the_pattern_as_written() {
    let err = Pattern::parse("def $F(...)\n    return 1").unwrap_err();
    assert!(!err.message.contains('µ'), "{}", err.message);
}

#[test]
fn optional_parts_left_out_of_a_pattern_may_be_present() {
    test_match("if $C:\n    ...", "if x:\n    a()\nelse:\n    b()\n");
    test_match(
        "if $C:\n    ...\nelse:\n    b()",
        "if x:\n    a()\nelif y:\n    c()\nelse:\n    b()\n",
    );
    test_match(
        "for $X in $Y:\n    ...",
        "for i in r:\n    pass\nelse:\n    done()\n",
    );
    test_non_match("if $C:\n    ...\nelse:\n    b()", "if x:\n    a()\n");
}

#[test]
fn bytes_and_str_literals_differ() {
    test_match("f(b'abc')", "f(b\"abc\")");
    test_non_match("f('abc')", "f(b'abc')");
    test_non_match("$X == $X", "b'a' == 'a'");
}

#[test]
fn patterns_list_their_metavariables_and_identifiers() {
    let pattern =
        Pattern::parse("$LOG.$LVL(f\"{$X}\", \"$Y\", $...REST, <... password ...>)").unwrap();
    assert_eq!(pattern.metavariables(), ["LOG", "LVL", "REST", "X", "Y"]);
    assert_eq!(pattern.identifiers(), ["password"]);
    let pattern = Pattern::parse("subprocess.run(..., shell=True)").unwrap();
    assert_eq!(pattern.identifiers(), ["run", "shell"]);
}

#[test]
fn import_aliases_match_the_qualified_name() {
    test_match(
        "subprocess.call(...)",
        "import subprocess as sp\nsp.call(cmd)\n",
    );
    test_match(
        "subprocess.call(...)",
        "from subprocess import call\ncall(cmd)\n",
    );
    test_match(
        "subprocess.call(...)",
        "from subprocess import call as c\nc(cmd)\n",
    );
    test_match("os.path.join(...)", "import os.path\nos.path.join(a, b)\n");
    test_match(
        "os.path.join(...)",
        "from os import path\npath.join(a, b)\n",
    );
    test_non_match("subprocess.call(...)", "import other as sp\nsp.call(cmd)\n");
    test_non_match("subprocess.call(...)", "call(cmd)\n");
}

#[test]
fn a_metavariable_attribute_matches_a_name_imported_from_the_module() {
    assert_eq!(
        bindings(
            "subprocess.$F(...)",
            "from subprocess import run\nrun(cmd)\n"
        ),
        ["F=run"]
    );
    assert_eq!(
        bindings(
            "subprocess.$F(...)",
            "import subprocess as sp\nsp.check_output(c)\n"
        ),
        ["F=check_output"]
    );
}

#[test]
fn a_local_rebinding_shadows_the_import() {
    test_non_match(
        "subprocess.call(...)",
        "from subprocess import call\ncall = my_call\ncall(x)\n",
    );
    test_non_match(
        "subprocess.call(...)",
        "from subprocess import call\ndef f(call):\n    return call(x)\n",
    );
    test_match(
        "subprocess.call(...)",
        "from subprocess import call\ndef f():\n    return call(x)\n",
    );
}

#[test]
fn names_resolve_in_decorators_bases_and_references() {
    test_match(
        "@django.views.decorators.csrf.csrf_exempt\ndef $F(...):\n    ...",
        "from django.views.decorators import csrf as c\n@c.csrf_exempt\ndef view(r):\n    pass\n",
    );
    test_match(
        "class $C(yaml.Loader): ...",
        "from yaml import Loader\nclass L(Loader):\n    pass\n",
    );
    test_match(
        "isinstance($X, xml.etree.ElementTree.Element)",
        "import xml.etree.ElementTree as ET\nisinstance(n, ET.Element)\n",
    );
}

#[test]
fn constants_propagate_within_a_function_and_from_module_level() {
    test_match(
        "run(..., shell=True, ...)",
        "def f(cmd):\n    flag = True\n    run(cmd, shell=flag)\n",
    );
    test_match(
        "run(..., shell=True, ...)",
        "FLAG = True\ndef f(cmd):\n    run(cmd, shell=FLAG)\n",
    );
    test_match(
        "execute(\"...\")",
        "q = 'SELECT ' + '* FROM t'\nexecute(q)\n",
    );
    test_non_match(
        "run(..., shell=True, ...)",
        "def f(cmd, c):\n    flag = True\n    if c:\n        flag = False\n    run(cmd, shell=flag)\n",
    );
    test_non_match(
        "execute(\"...\")",
        "def f(name):\n    q = 'SELECT ' + name\n    execute(q)\n",
    );
}

#[test]
fn symbolic_propagation_is_an_option() {
    let code = "x = foo()\nbar(x)\n";
    test_non_match("bar(foo())", code);
    let mut pattern = Pattern::parse("bar(foo())").unwrap();
    pattern.options.symbolic_propagation = true;
    assert_eq!(pattern.find_all_in(code).len(), 1);
    let mut pattern = Pattern::parse("run(shell=True)").unwrap();
    pattern.options.constant_propagation = false;
    assert!(pattern
        .find_all_in("flag = True\nrun(shell=flag)\n")
        .is_empty());
}

#[test]
fn a_dict_literal_unpacked_into_a_call_passes_its_keywords() {
    test_match("run(..., shell=True, ...)", "run(cmd, **{'shell': True})");
    test_match("run($C, shell=True)", "run(cmd, **{\"shell\": True})");
    test_non_match("run(..., shell=True, ...)", "run(cmd, **{'shell': False})");
    test_non_match("run(..., shell=True, ...)", "run(cmd, **opts)");
}

/// Regression: `<... $X ...>` bound a string's quote and text, so a
/// secret-name regex matched the words inside `"user reset password"`.
#[test]
fn deep_expressions_never_bind_the_pieces_of_a_string() {
    let pattern = Pattern::parse("log(..., <... $X ...>, ...)").unwrap();
    let bound: Vec<String> = pattern
        .find_all_in("log(\"reset password\", f\"for {user}\")")
        .into_iter()
        .map(|(_, _, b)| b[0].1.clone())
        .collect();
    assert_eq!(bound, ["\"reset password\"", "f\"for {user}\"", "user"]);
}

#[test]
fn typed_metavariables_bind_only_code_of_that_type() {
    let pattern = "cursor.execute((str $Q))";
    test_match(pattern, "cursor.execute('SELECT 1')");
    test_match(pattern, "cursor.execute('SELECT ' + name)");
    test_match(pattern, "cursor.execute('SELECT %s' % name)");
    test_match(pattern, "cursor.execute(f'SELECT {name}')");
    test_match(pattern, "cursor.execute('SELECT {}'.format(name))");
    test_match(pattern, "q = 'SELECT ' + name\ncursor.execute(q)\n");
    test_non_match(pattern, "cursor.execute(query)");
    test_non_match(pattern, "cursor.execute(b'SELECT 1')");
    test_match("verify((int $N))", "verify(len(x))");
    test_non_match("verify((int $N))", "verify('3')");
    test_match(
        "use((requests.Session $S))",
        "import requests\nuse(requests.Session())",
    );
    test_match(
        "use((requests.Session $S))",
        "from requests import Session\ns = Session()\nuse(s)\n",
    );
    assert_eq!(bindings("f((str $X))", "f('a')"), ["X='a'"]);
}

#[test]
fn import_patterns_match_any_of_the_names_imported() {
    test_match("import telnetlib", "import os, telnetlib\n");
    test_match("import telnetlib", "import telnetlib as t\n");
    test_non_match("import telnetlib", "import os\n");
    test_match("from $M import $N", "from m import a, b\n");
    test_match(
        "from ftplib import FTP",
        "from ftplib import (error_perm, FTP)\n",
    );
    test_match("from $M import ...", "from os import path, sep\n");
    test_match("from xml.sax import *", "from xml.sax import *\n");
    test_non_match("from ftplib import FTP", "from ftplib import error_perm\n");
    assert_eq!(
        bindings("from $M import ...", "from os.path import join\n"),
        ["M=os.path"]
    );
}

#[test]
fn start_texts_of_anchored_regexes() {
    let texts = |regex: &str| {
        start_texts(regex).map(|texts| {
            let mut texts: Vec<String> = texts
                .into_iter()
                .map(|t| String::from_utf8(t).expect("UTF-8"))
                .collect();
            texts.sort();
            texts
        })
    };
    assert_eq!(texts(r"^(?:\.\.\.$)"), Some(vec!["...".to_owned()]));
    assert_eq!(
        texts(r#"^(?:(?i)f["'].*select)"#),
        Some(
            vec!["F\"", "F'", "f\"", "f'"]
                .into_iter()
                .map(String::from)
                .collect()
        )
    );
    // A name meant through an import could start so: `subprocess.call`.
    assert_eq!(texts(r"^(?:subprocess\.)"), None);
    // Not anchored, or no known start.
    assert_eq!(texts(r"\.\.\."), None);
    assert_eq!(texts(r"^(?:.*x)"), None);
}

#[test]
fn nodes_starting_at_a_byte_outermost_first() {
    let tree = SyntaxTree::parse("x = 1\na.b(c)\n").expect("parses");
    let kinds: Vec<&str> = tree.root().starting_at(6).map(|n| n.kind()).collect();
    assert_eq!(
        kinds,
        ["expression_statement", "call", "attribute", "identifier"]
    );
    assert_eq!(tree.root().starting_at(5).count(), 0);
    let call = tree.root().starting_at(6).nth(1).expect("the call");
    // Within a subtree, only its nodes.
    assert_eq!(call.starting_at(6).count(), 3);
}

#[test]
fn kind_ids_stand_for_their_names() {
    use crate::python::KINDS;
    let language = crate::python::language();
    let named = |id: u16| language.node_kind_is_named(id);
    // `significant_children` compares ids: no other symbol spells `,`.
    for id in 0..u16::try_from(language.node_kind_count()).unwrap() {
        let is_comma = language.node_kind_for_id(id) == Some(",") && !named(id);
        assert_eq!(is_comma, id == KINDS.comma, "kind {id}");
    }
    assert!(KINDS.is_sequence(KINDS.argument_list));
    assert!(!KINDS.is_sequence(KINDS.call));
    assert!(KINDS.is_statement(KINDS.expression_statement));
    assert!(KINDS.can_be_constant(KINDS.string));
    assert!(!KINDS.can_be_constant(KINDS.identifier));
    assert!(!KINDS.is_sequence(u16::MAX));
}

#[test]
fn children_are_counted_before_they_are_matched() {
    // Without `...`, a node matches only with as many parts as the pattern.
    test_match("$NAME: $TYPE = $VALUE", "x: int = 1\n");
    test_non_match("$NAME: $TYPE = $VALUE", "x = 1\n");
    test_non_match("$NAME = $VALUE", "x: int = 1\n");
    // `...` and `$...X` stand for any number of parts, none included.
    test_match("[$A, ..., $B]", "[1, 2]\n");
    test_match("[$A, ..., $B]", "[1, 2, 3, 4]\n");
    test_non_match("[$A, ..., $B]", "[1]\n");
    test_match("[$A, $...REST]", "[1]\n");
    test_non_match("[$A, $B, $...REST]", "[1]\n");
    // A part is ruled out by its kind before the metavariables are bound,
    // but a name still stands for the value it holds.
    test_match("$X == $Y", "a == b\n");
    test_non_match("$X == $Y", "a < b\n");
    test_match("$X == 1", "one = 1\na == one\n");
}
