#!/usr/bin/env python3
"""Records what Bandit reports on each shipped rule's fixture, so that
tests/fixtures.rs can check tripline finds the same things on the same lines.

Needs bandit (`pip install bandit`). From the repo root:
    python3 tests/bandit-expected/regenerate.py
Writes tests/bandit-expected/<category>/<rule-file-stem>.tsv: one line per
Bandit finding, `line<TAB>test_id`, sorted (only for fixtures whose rule file
names Bandit ids in `metadata.bandit`; only those ids are kept).

    python3 tests/bandit-expected/regenerate.py --check [DIR...]
writes nothing: it runs target/debug/tripline on each fixture (below the
given rulesets/python directories, or all) and prints every Bandit finding
tripline misses (same id in `metadata.bandit`, same line); exit 1 if any.
"""
import glob
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BANDIT_ID = re.compile(r"\bB\d{3}\b")


def bandit_ids(rule_file):
    """The Bandit ids the rule file's rules name in metadata.bandit."""
    ids = set()
    for line in open(rule_file, encoding="utf-8"):
        if re.match(r"\s*bandit:", line) or re.match(r"\s*-\s*B\d{3}\s*$", line):
            ids.update(BANDIT_ID.findall(line))
    return ids


def bandit_findings(fixture, ids):
    out = subprocess.run(
        [sys.executable, "-m", "bandit", "-f", "json", "-q", "-a", "file", fixture],
        capture_output=True, text=True, check=False,
    )
    results = json.loads(out.stdout or "{}").get("results", [])
    return sorted({(r["line_number"], r["test_id"]) for r in results if r["test_id"] in ids})


def tripline_findings(rule_file, fixture):
    out = subprocess.run(
        [f"{ROOT}/target/debug/tripline", "scan", "-q", "--format", "json", "-c", rule_file, fixture],
        capture_output=True, text=True, check=False,
    )
    found = set()
    for finding in json.loads(out.stdout or "{}").get("findings", []):
        ids = finding.get("metadata", {}).get("bandit") or []
        for test_id in [ids] if isinstance(ids, str) else ids:
            found.add((finding["start"]["line"], test_id))
    return found


def main():
    args = sys.argv[1:]
    check = "--check" in args
    dirs = [os.path.abspath(a) for a in args if a != "--check"] or [f"{ROOT}/rulesets/python"]
    rule_files = sorted({f for d in dirs for f in glob.glob(f"{d}/**/*.yaml", recursive=True)})
    written, missed = 0, 0
    for rule_file in rule_files:
        fixture = rule_file[: -len(".yaml")] + ".py"
        ids = bandit_ids(rule_file)
        if not ids or not os.path.exists(fixture):
            continue
        expected = bandit_findings(fixture, ids)
        if check:
            found = tripline_findings(rule_file, fixture)
            for line, test_id in expected:
                if (line, test_id) not in found:
                    print(f"{os.path.relpath(fixture, ROOT)}:{line}: Bandit {test_id} finds this, tripline does not")
                    missed += 1
            continue
        relative = os.path.relpath(rule_file, f"{ROOT}/rulesets/python")[: -len(".yaml")] + ".tsv"
        target = os.path.join(HERE, relative)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w") as f:
            f.write("".join(f"{line}\t{test_id}\n" for line, test_id in expected))
        written += 1
    if check:
        print(f"{missed} Bandit findings missed", file=sys.stderr)
        sys.exit(1 if missed else 0)
    print(f"{written} fixtures recorded", file=sys.stderr)


if __name__ == "__main__":
    main()
