#!/usr/bin/env python3
"""Records what Semgrep reports for each rule of tests/rules and tests/compat
on its fixture, so that tests/fixtures.rs can check tripline reports the same
ranges and messages.
Covers rulesets/python/, tests/rules/ and tests/compat/.

Needs semgrep (`pip install semgrep`); runs offline. From the repo root:
    python3 tests/semgrep-expected/regenerate.py
Writes tests/semgrep-expected/<rule-id>.tsv: one line per finding,
`start_line:start_col-end_line:end_col<TAB>message`, sorted.
"""
import glob
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SEMGREP = os.environ.get("SEMGREP", "semgrep")


def main():
    env = dict(os.environ, SEMGREP_ENABLE_VERSION_CHECK="0", SEMGREP_SEND_METRICS="off")
    # The engine's own suites; the shipped rules are checked against Bandit
    # (tests/bandit-expected), and several use tripline-only keys.
    rule_files = sorted(glob.glob(f"{ROOT}/tests/rules/*.yaml"))
    rule_files += sorted(glob.glob(f"{ROOT}/tests/compat/*.yaml"))
    for rule_file in rule_files:
        fixture = rule_file[: -len(".yaml")] + ".py"
        if not os.path.exists(fixture):
            continue
        out = subprocess.run(
            [SEMGREP, "--metrics=off", "--json", "--quiet", "--config", rule_file, fixture],
            capture_output=True, text=True, env=env, check=False,
        )
        results = json.loads(out.stdout)["results"]
        by_rule = {}
        written_ids = rule_ids(rule_file)
        for r in results:
            # Semgrep prefixes ids with the config's directory; keep the id as written.
            rule_id = next(
                (i for i in written_ids if r["check_id"] == i or r["check_id"].endswith("." + i)),
                r["check_id"],
            )
            line = f'{r["start"]["line"]}:{r["start"]["col"]}-{r["end"]["line"]}:{r["end"]["col"]}\t{" ".join(r["extra"]["message"].split())}'
            by_rule.setdefault(rule_id, []).append(line)
        for rule_id, lines in by_rule.items():
            with open(f"{HERE}/{rule_id}.tsv", "w") as f:
                f.write("\n".join(sorted(lines)) + "\n")
            print(f"{rule_id}: {len(lines)} findings", file=sys.stderr)


def rule_ids(rule_file):
    with open(rule_file) as f:
        return [line.split(":", 1)[1].strip() for line in f if line.strip().startswith("- id:")]


if __name__ == "__main__":
    main()
