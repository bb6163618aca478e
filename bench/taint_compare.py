#!/usr/bin/env python3
"""Scores tripline, Semgrep and Bandit on the labelled taint suite.

The suite (tests/taint-suite/<category>/*.py, format in docs/taint.md) has
one small program per file, each labelled vulnerable or not for one CWE. A
tool flags a case when it reports, anywhere in the file, a finding of the
case's category: for tripline and Semgrep a rule whose `metadata.cwe` is the
case's CWE, for Bandit a test id mapped to the category below. Per category
the script prints true/false positives and negatives, the true-positive
rate (TPR), the false-positive rate (FPR) and the score TPR - FPR, then the
average score over the categories.

This is a measurement tool, not a test: the CI check of tripline's own
figure is tests/taint_suite.rs.

Usage: python3 bench/taint_compare.py [--tripline PATH] [--semgrep PATH]
       [--bandit PATH] [--rules DIR] [--only tripline,tripline-all,semgrep,bandit]
Tools that are not installed are skipped. `tripline` runs the taint rules
(--rules), `tripline-all` the whole shipped ruleset of the binary. Semgrep runs the same rule files
as tripline (rulesets/python/taint by default), offline (--metrics off).
"""

import argparse
import collections
import json
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SUITE = ROOT / "tests" / "taint-suite"
LABEL = re.compile(r"^# taint-suite: cwe=(\d+) vulnerable=(yes|no)$")

# Bandit's test ids per CWE of the suite. Only checks of calls and
# configurations: the import blacklist (B401-B415) reports every file that
# imports a module, whatever it does with it. Categories Bandit has no
# check for (path traversal, XPath, LDAP, open redirect, trust boundary,
# header and log injection) are absent, so it flags nothing there.
BANDIT_CWE = {
    "B608": 89, "B610": 89, "B611": 89,
    "B602": 78, "B603": 78, "B604": 78, "B605": 78, "B606": 78, "B607": 78, "B609": 78,
    "B307": 95, "B102": 95,
    "B308": 79, "B701": 79, "B702": 79, "B703": 79,
    "B313": 611, "B314": 611, "B315": 611, "B316": 611, "B317": 611, "B318": 611,
    "B319": 611, "B320": 611,
    "B301": 502, "B302": 502, "B506": 502, "B614": 502,
    "B310": 918,
}


def cases():
    """`{relative path: (category, cwe, vulnerable)}` of every suite case."""
    found = {}
    for path in sorted(SUITE.rglob("*.py")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        match = LABEL.match(first)
        if not match:
            sys.exit(f"{path}: first line is not a taint-suite label: {first!r}")
        found[path.relative_to(SUITE).as_posix()] = (
            path.parent.name,
            int(match.group(1)),
            match.group(2) == "yes",
        )
    return found


def cwe_number(value):
    """The numbers of a rule's `metadata.cwe` ("CWE-89: ..." or a list)."""
    values = value if isinstance(value, list) else [value]
    return {int(m) for v in values for m in re.findall(r"CWE-(\d+)", str(v))}


def relative(path):
    """A reported path relative to the suite directory."""
    p = pathlib.Path(path)
    if not p.is_absolute():
        p = (ROOT / p) if (ROOT / p).exists() else (SUITE / p)
    return p.resolve().relative_to(SUITE.resolve()).as_posix()


def run_json(argv):
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        sys.exit(f"{argv[0]} gave no JSON (exit {done.returncode}):\n{done.stderr[-2000:]}")


def tripline_flags(binary, rules):
    return tripline_report_flags([binary, "scan", "--config", str(rules), "--format", "json", "--no-cache", str(SUITE)])


def tripline_all_flags(binary, _rules):
    """tripline with its whole shipped ruleset, as `tripline scan` runs by
    default: the search rules of the same CWEs count too."""
    return tripline_report_flags([binary, "scan", "--format", "json", "--no-cache", str(SUITE)])


def tripline_report_flags(argv):
    report = run_json(argv)
    return {(relative(f["path"]), n) for f in report["findings"] for n in cwe_number(f["metadata"].get("cwe"))}


def semgrep_flags(binary, rules):
    # The files are named one by one: Semgrep's default ignore list skips
    # directories called tests/.
    files = [str(p) for p in sorted(SUITE.rglob("*.py"))]
    report = run_json([binary, "scan", "--metrics", "off", "--disable-version-check", "--config", str(rules),
                       "--json", "--quiet", *files])
    return {(relative(r["path"]), n) for r in report["results"] for n in cwe_number(r["extra"]["metadata"].get("cwe"))}


def bandit_flags(binary, _rules):
    report = run_json([binary, "-r", str(SUITE), "-f", "json", "-q"])
    return {(relative(r["filename"]), BANDIT_CWE[r["test_id"]]) for r in report["results"] if r["test_id"] in BANDIT_CWE}


def score(all_cases, flags):
    """`{category: Counter(tp, fn, fp, tn)}`."""
    table = collections.defaultdict(collections.Counter)
    for path, (category, cwe, vulnerable) in all_cases.items():
        flagged = (path, cwe) in flags
        table[category][("tp" if flagged else "fn") if vulnerable else ("fp" if flagged else "tn")] += 1
    return table


def render(name, table):
    print(f"\n### {name}\n")
    print("| Category | Cases | TP | FN | FP | TN | TPR | FPR | TPR-FPR |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    scores = []
    for category in sorted(table):
        c = table[category]
        positives, negatives = c["tp"] + c["fn"], c["fp"] + c["tn"]
        tpr = c["tp"] / positives if positives else 0.0
        fpr = c["fp"] / negatives if negatives else 0.0
        scores.append(tpr - fpr)
        print(f"| {category} | {positives + negatives} | {c['tp']} | {c['fn']} | {c['fp']} | {c['tn']} "
              f"| {tpr:.0%} | {fpr:.0%} | {tpr - fpr:+.0%} |")
    average = sum(scores) / len(scores)
    print(f"| **average** | | | | | | | | **{average:+.0%}** |")
    return average


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tripline", default=str(ROOT / "target" / "debug" / "tripline"))
    parser.add_argument("--semgrep", default=shutil.which("semgrep") or "semgrep")
    parser.add_argument("--bandit", default=shutil.which("bandit") or "bandit")
    parser.add_argument("--rules", default=str(ROOT / "rulesets" / "python" / "taint"))
    parser.add_argument("--only", default="tripline,tripline-all,semgrep,bandit")
    args = parser.parse_args()
    all_cases = cases()
    tools = {"tripline": (args.tripline, tripline_flags), "tripline-all": (args.tripline, tripline_all_flags),
             "semgrep": (args.semgrep, semgrep_flags),
             "bandit": (args.bandit, bandit_flags)}
    print(f"{len(all_cases)} cases in {len({c[0] for c in all_cases.values()})} categories")
    for name in args.only.split(","):
        binary, flags = tools[name]
        if not (shutil.which(binary) or pathlib.Path(binary).exists()):
            print(f"\n{name}: not found ({binary}), skipped")
            continue
        render(name, score(all_cases, flags(binary, args.rules)))


if __name__ == "__main__":
    main()
