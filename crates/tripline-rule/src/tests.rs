//! Loading rules: what a valid rule becomes, and where each problem is reported.

use super::*;

fn load(text: &str) -> (RuleSet, Vec<RuleDiagnostic>) {
    let mut ruleset = RuleSet::default();
    let diagnostics = load_str("rules.yaml", text, &mut ruleset);
    (ruleset, diagnostics)
}

/// `(line, column, message)` of each diagnostic.
fn problems(text: &str) -> Vec<(usize, usize, String)> {
    load(text)
        .1
        .iter()
        .map(|d| {
            let (line, column) = d.line_column().unwrap();
            (line, column, d.message.clone())
        })
        .collect()
}

const VALID: &str = r#"
rules:
  - id: subprocess-shell
    message: subprocess.$FUNC with shell=True
    severity: ERROR
    languages: [python]
    metadata:
      cwe: ["CWE-78"]
    patterns:
      - pattern: subprocess.$FUNC(..., shell=True, ...)
      - pattern-not: subprocess.$FUNC("...", shell=True)
      - pattern-not-inside: |
          if $SAFE:
              ...
      - metavariable-regex:
          metavariable: $FUNC
          regex: (run|call|Popen)
      - focus-metavariable: $FUNC
    paths:
      exclude: [tests/]
"#;

#[test]
fn a_valid_rule_loads_with_its_parts() {
    let (ruleset, diagnostics) = load(VALID);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let rule = &ruleset.rules[0];
    assert_eq!(rule.id, "subprocess-shell");
    assert_eq!(rule.severity, Severity::Error);
    assert_eq!(rule.metadata["cwe"][0], "CWE-78");
    let Formula::All(all) = &rule.formula else {
        panic!()
    };
    assert_eq!(all.positives.len(), 1);
    assert_eq!(all.negatives.len(), 2);
    assert_eq!(all.negatives[1].kind, NegationKind::NotInside);
    assert_eq!(all.conditions.len(), 1);
    assert_eq!(all.focus, [vec!["FUNC".to_string()]]);
    assert_eq!(ruleset.patterns.len(), 3);
    assert!(!rule.paths.allows(std::path::Path::new("tests/test_x.py")));
    assert!(rule.paths.allows(std::path::Path::new("src/x.py")));
}

#[test]
fn metavariable_regex_is_anchored_at_the_start() {
    let (ruleset, _) = load(VALID);
    let Formula::All(all) = &ruleset.rules[0].formula else {
        panic!()
    };
    let Condition::Regex { regex, .. } = &all.conditions[0] else {
        panic!("a metavariable-regex")
    };
    assert!(regex.is_match("run"));
    assert!(!regex.is_match("xrun"));
}

#[test]
fn yaml_syntax_errors_point_at_the_place() {
    let found = problems("rules:\n  - id: [\n");
    assert_eq!(found.len(), 1);
    assert_eq!((found[0].0, found[0].1), (2, 9));
    assert!(found[0].2.starts_with("invalid YAML"));
}

#[test]
fn a_file_without_rules_is_reported() {
    assert!(problems("- 1\n")[0]
        .2
        .contains("mapping with a `rules:` list"));
    assert!(problems("other: 1\n")[0].2.contains("`rules:`"));
}

#[test]
fn unknown_keys_suggest_the_right_one() {
    let text = "rules:\n  - id: a\n    message: m\n    severity: ERROR\n    languages: [python]\n    patern: foo()\n";
    let (_, diagnostics) = load(text);
    let unknown = diagnostics
        .iter()
        .find(|d| d.code == "tripline::unknown-key")
        .unwrap();
    assert_eq!(unknown.line_column(), Some((6, 5)));
    assert_eq!(unknown.help.as_deref(), Some("did you mean `pattern`?"));
}

#[test]
fn underscored_keys_suggest_the_dashed_one() {
    let text = "rules:\n  - id: a\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern_either:\n      - pattern: a()\n";
    let (_, diagnostics) = load(text);
    let unknown = diagnostics
        .iter()
        .find(|d| d.code == "tripline::unknown-key")
        .unwrap();
    assert_eq!(
        unknown.help.as_deref(),
        Some("did you mean `pattern-either`?")
    );
}

#[test]
fn missing_keys_are_each_reported() {
    let found = problems("rules:\n  - pattern: foo()\n");
    let messages: Vec<&str> = found.iter().map(|(_, _, m)| m.as_str()).collect();
    assert_eq!(
        messages,
        [
            "this rule has no `id`",
            "this rule has no `message`",
            "this rule has no `severity`",
            "this rule has no `languages`"
        ]
    );
}

#[test]
fn bad_pattern_points_inside_the_yaml() {
    let text = "rules:\n  - id: a\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: |\n      foo(\n        1,, 2)\n";
    let found = problems(text);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0, found[0].1), (8, 10));
    assert!(found[0].2.starts_with("invalid pattern"));
}

#[test]
fn bad_regex_points_inside_the_regex() {
    let text = "rules:\n  - id: a\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern-regex: 'ab(c'\n";
    let found = problems(text);
    assert_eq!((found[0].0, found[0].1), (6, 23));
    assert_eq!(found[0].2, "invalid regex: unclosed group");
}

#[test]
fn unknown_severity_and_language() {
    let text = "rules:\n  - id: a\n    message: m\n    severity: SEVERE\n    languages: [javascript]\n    pattern: a()\n";
    let messages: Vec<String> = problems(text).into_iter().map(|p| p.2).collect();
    assert_eq!(
        messages,
        [
            "unknown severity `SEVERE`",
            "tripline scans Python only, not `javascript`"
        ]
    );
}

#[test]
fn duplicate_ids_are_rejected() {
    let rule = "  - id: a\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: a()\n";
    let (ruleset, diagnostics) = load(&format!("rules:\n{rule}{rule}"));
    assert_eq!(ruleset.rules.len(), 1);
    assert_eq!(diagnostics[0].message, "duplicate rule id `a`");
    assert_eq!(diagnostics[0].line_column(), Some((7, 9)));
}

#[test]
fn patterns_with_only_negations_are_rejected() {
    let text = "rules:\n  - id: a\n    message: m\n    severity: ERROR\n    languages: [python]\n    patterns:\n      - pattern-not: a()\n";
    assert!(problems(text)[0].2.contains("no positive pattern"));
}

#[test]
fn empty_either_and_wrong_types_are_rejected() {
    let text = "rules:\n  - id: a\n    message: 3\n    severity: ERROR\n    languages: python\n    pattern-either: []\n";
    let messages: Vec<String> = problems(text).into_iter().map(|p| p.2).collect();
    assert_eq!(
        messages,
        [
            "`message` must be a string",
            "`languages` must be a list",
            "`pattern-either` is empty"
        ]
    );
}

#[test]
fn yaml_1_1_booleans_stay_strings() {
    let text = "rules:\n  - id: y\n    message: no\n    severity: ERROR\n    languages: [python]\n    pattern: a()\n";
    let (ruleset, diagnostics) = load(text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    assert_eq!(ruleset.rules[0].id, "y");
    assert_eq!(ruleset.rules[0].message, "no");
}

const HEAD: &str = "rules:\n  - id: a\n    severity: ERROR\n    languages: [python]\n";

fn warnings(text: &str) -> Vec<(usize, usize, String)> {
    let (_, diagnostics) = load(text);
    diagnostics
        .iter()
        .filter(|d| d.level == Level::Warning)
        .map(|d| {
            let (line, column) = d.line_column().unwrap();
            (line, column, d.message.clone())
        })
        .collect()
}

#[test]
fn unbound_metavariables_in_conditions_and_focus_are_warnings() {
    let text = format!(
        "{HEAD}    message: m\n    patterns:\n      - pattern: eval($X)\n      - pattern-not: eval($Y)\n      - metavariable-regex:\n          metavariable: $Y\n          regex: a\n      - focus-metavariable: [$X, $Z]\n"
    );
    let (ruleset, _) = load(&text);
    assert_eq!(ruleset.rules.len(), 1, "warnings do not reject the rule");
    assert_eq!(
        warnings(&text),
        [
            (
                10,
                25,
                "`$Y` is not bound by any positive pattern of this `patterns`".to_string()
            ),
            (
                12,
                34,
                "`$Z` is not bound by any positive pattern of this `patterns`".to_string()
            ),
        ]
    );
}

#[test]
fn unbound_metavariables_in_the_message_are_warnings() {
    let text = format!("{HEAD}    message: eval of $X and $FUNC\n    pattern: eval($X)\n");
    assert_eq!(
        warnings(&text),
        [(
            5,
            29,
            "`$FUNC` in the message is not bound by the rule's patterns".to_string()
        )]
    );
    let regex =
        format!("{HEAD}    message: key $1 is $KEY\n    pattern-regex: (\\w+)=(?P<KEY>\\d+)\n");
    assert!(warnings(&regex).is_empty());
}

#[test]
fn a_duplicate_id_shows_both_places() {
    let rule = "  - id: a\n    message: m\n    severity: ERROR\n    languages: [python]\n    pattern: a()\n";
    let mut ruleset = RuleSet::default();
    assert!(load_str("one.yaml", &format!("rules:\n{rule}"), &mut ruleset).is_empty());
    let diagnostics = load_str("two.yaml", &format!("rules:\n{rule}"), &mut ruleset);
    assert_eq!(diagnostics[0].file_name(), "two.yaml");
    assert_eq!(diagnostics[0].related[0].file_name(), "one.yaml");
    assert_eq!(diagnostics[0].related[0].line_column(), Some((2, 9)));
}

#[test]
fn required_literals_follow_the_formula() {
    let text = format!(
        "{HEAD}    message: m\n    patterns:\n      - pattern-either:\n          - pattern: subprocess.call(...)\n          - pattern: os.system($X)\n      - pattern-not: subprocess.call('ls')\n      - pattern-inside: 'def $F(...): ...'\n"
    );
    let (ruleset, _) = load(&text);
    let requirement = Requirement::of(&ruleset.rules[0].formula, &ruleset.patterns);
    // Of a dotted name only the last part is required (a relative import
    // need not spell the package).
    assert_eq!(requirement.to_string(), r#""call" or "system""#);
    assert!(requirement.is_met_by("import os\nos.system(cmd)"));
    assert!(!requirement.is_met_by("import os\nprint(cmd)"));
    let absorbed = format!(
        "{HEAD}    message: m\n    pattern-either:\n      - pattern: $C.execute($Q)\n      - pattern: $C.execute($Q.format(...))\n"
    );
    let (ruleset, _) = load(&absorbed);
    let requirement = Requirement::of(&ruleset.rules[0].formula, &ruleset.patterns);
    assert_eq!(requirement.to_string(), r#""execute""#);
    let regex = format!("{HEAD}    message: m\n    pattern-regex: a+\n");
    let (ruleset, _) = load(&regex);
    assert_eq!(
        Requirement::of(&ruleset.rules[0].formula, &ruleset.patterns),
        Requirement::Nothing
    );
}

#[test]
fn regexes_require_their_literal_words() {
    let requirement = |body: &str| {
        let (ruleset, _) = load(&format!("{HEAD}    message: m\n{body}"));
        Requirement::of(&ruleset.rules[0].formula, &ruleset.patterns).to_string()
    };
    assert_eq!(
        requirement("    pattern-regex: '(?m)^import[ \\t]+(ftplib|telnetlib)\\b'\n"),
        r#""import" and ("ftplib" or "telnetlib")"#
    );
    // A metavariable's regex may match the name it means through imports,
    // whose dots the file need not spell: words are split at dots.
    assert_eq!(
        requirement("    patterns:\n      - pattern: $F(...)\n      - metavariable-regex:\n          metavariable: $F\n          regex: ^subprocess\\.(call|run)$\n"),
        r#""subprocess" and ("call" or "run")"#
    );
    // A typed metavariable of a module's type needs the type's name.
    assert_eq!(
        requirement("    pattern: (requests.Session $S).get(...)\n"),
        r#""Session" and "get""#
    );
    assert_eq!(requirement("    pattern: (str $S).lower()\n"), r#""lower""#);
    // An alternative whose word contains another's adds nothing.
    assert_eq!(
        requirement("    pattern-regex: 'password|pass|passphrase'\n"),
        r#""pass""#
    );
    assert_eq!(
        requirement("    pattern-regex: '(?i)password|pas'\n"),
        r#""pas" (any case) or "pa\u{17f}" (any case)"#
    );
    // A repeated character ends a run and starts the next one.
    assert_eq!(
        requirement("    pattern-regex: 'pas+word'\n"),
        r#""pas" and "sword""#
    );
    // Case-insensitive text is required in any case, in each spelling a
    // case-insensitive regex accepts (`ſ` is an `s`, `\u{212A}` a `k`),
    // and apart from text of one case.
    assert_eq!(
        requirement("    pattern-regex: '(?i)secret'\n"),
        r#""secret" (any case) or "\u{17f}ecret" (any case)"#
    );
    assert_eq!(
        requirement("    pattern-regex: 'Foo(?i:bar)'\n"),
        r#""Foo" and "bar" (any case)"#
    );
    assert_eq!(
        requirement("    pattern-regex: '(?i-u)token'\n"),
        r#""token" (any case)"#
    );
    // Nothing is required of optional parts or runs too short to be worth
    // looking for.
    for nothing in ["(password)?=", "ab+c", "x|secret", "(?i)s[0-9]k"] {
        assert_eq!(
            requirement(&format!("    pattern-regex: '{nothing}'\n")),
            Requirement::Nothing.to_string(),
            "{nothing}"
        );
    }
}

#[test]
fn metavariables_bound_by_a_metavariable_pattern_are_bound() {
    let text = format!(
        "{HEAD}    message: m\n    patterns:\n      - pattern: jwt.decode(..., algorithms=[$ALG], ...)\n      - metavariable-pattern:\n          metavariable: $ALG\n          pattern: $NONE\n      - focus-metavariable: $NONE\n"
    );
    assert!(warnings(&text).is_empty(), "{:?}", warnings(&text));
}

/// Files compiled on their own (in parallel, by the CLI) and added in order
/// keep their patterns apart, nested ones included; a taken id is reported.
#[test]
fn compiled_files_added_in_order_keep_their_patterns() {
    let file = |id: &str, call: &str| {
        format!(
            "rules:\n  - id: {id}\n    message: m\n    severity: LOW\n    languages: [python]\n    patterns:\n      - pattern: {call}($X)\n      - metavariable-pattern:\n          metavariable: $X\n          pattern: {call}_arg\n"
        )
    };
    let first = compile_file("a.yaml", &file("a", "eval"));
    let second = compile_file("b.yaml", &file("b", "exec"));
    let again = compile_file("c.yaml", &file("a", "open"));
    let mut ruleset = RuleSet::default();
    assert!(ruleset.add(first).is_empty());
    assert!(ruleset.add(second).is_empty());
    let duplicate = ruleset.add(again);
    assert_eq!(duplicate.len(), 1);
    assert_eq!(duplicate[0].code, "tripline::duplicate-id");
    assert_eq!(ruleset.rules.len(), 2);
    let sources = |formula: &Formula| {
        let Formula::All(conjunction) = formula else {
            panic!("a conjunction");
        };
        let Formula::Pattern(outer) = conjunction.positives[0].formula else {
            panic!("a pattern");
        };
        let Some(Condition::Pattern {
            formula: Formula::Pattern(inner),
            ..
        }) = conjunction.conditions.first()
        else {
            panic!("a metavariable-pattern");
        };
        (
            ruleset.patterns[outer].source().to_owned(),
            ruleset.patterns[*inner].source().to_owned(),
        )
    };
    assert_eq!(
        sources(&ruleset.rules[1].formula),
        ("exec($X)".to_owned(), "exec_arg".to_owned())
    );
    assert_eq!(
        sources(&ruleset.rules[0].formula),
        ("eval($X)".to_owned(), "eval_arg".to_owned())
    );
}

const TAINT: &str = r#"
rules:
  - id: taint-rule
    mode: taint
    message: $Q reaches SQL
    severity: ERROR
    languages: [python]
    pattern-sources:
      - label: USER
        pattern: input(...)
      - pattern: sys.argv
        exact: true
    pattern-sinks:
      - requires: USER and not CLEAN
        patterns:
          - pattern: $CUR.execute($Q, ...)
          - focus-metavariable: $Q
    pattern-sanitizers:
      - by-side-effect: true
        pattern: validate($X)
    pattern-propagators:
      - pattern: $TO.append($FROM)
        from: $FROM
        to: $TO
    options:
      taint_assume_safe_functions: true
      taint_unify_mvars: true
"#;

#[test]
fn a_taint_rule_loads_with_its_parts() {
    let (ruleset, diagnostics) = load(TAINT);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let taint = ruleset.rules[0].taint.as_ref().unwrap();
    assert_eq!(taint.sources.len(), 2);
    assert_eq!(taint.sources[0].label, "USER");
    assert_eq!(taint.sources[1].label, DEFAULT_LABEL);
    assert!(taint.sources[1].exact && !taint.sources[0].exact);
    let requires = taint.sinks[0].requires.as_ref().unwrap();
    assert!(requires.holds(&["USER"].into_iter().collect()));
    assert!(!requires.holds(&["USER", "CLEAN"].into_iter().collect()));
    assert!(taint.sanitizers[0].by_side_effect);
    assert_eq!(
        (
            taint.propagators[0].from.as_str(),
            taint.propagators[0].to.as_str()
        ),
        ("FROM", "TO")
    );
    assert!(taint.options.assume_safe_functions && !taint.options.assume_safe_indexes);
}

#[test]
fn a_taint_rule_requires_the_words_of_a_source_and_of_a_sink() {
    let (ruleset, _) = load(TAINT);
    let requirement = ruleset.rules[0].requirement(&ruleset.patterns);
    assert_eq!(
        requirement.to_string(),
        r#"("input" or "argv") and "execute""#
    );
    assert!(requirement.is_met_by("x = input()\ncur.execute(x)"));
    assert!(!requirement.is_met_by("x = input()\nprint(x)"));
    assert!(!requirement.is_met_by("cur.execute('select 1')"));
}

#[test]
fn taint_mistakes_are_reported_at_their_place() {
    let text = TAINT
        .replace("exact: true", "exact: maybe")
        .replace("USER and not CLEAN", "USER and (")
        .replace("        to: $TO\n", "");
    let found = problems(&text);
    let messages: Vec<&str> = found.iter().map(|(_, _, m)| m.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`exact` must be true or false",
            "expected a label",
            "a propagator needs `to`"
        ]
    );
    assert_eq!((found[0].0, found[0].1), (12, 16));
    assert_eq!((found[1].0, found[1].1), (14, 29));
}
