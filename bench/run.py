#!/usr/bin/env python3
"""tripline's benchmark: how a full-ruleset scan compares with just parsing.

Builds tripline in release mode, then, on each corpus (the CPython standard
library of this machine, without site-packages, and Django's source
distribution from PyPI), measures in one run:

- parse-only: `tripline parse` reads and parses every file a scan would
  (tree-sitter plus the copy into tripline's syntax tree), the floor of a
  scan's time;
- the shipped ruleset, uncached: time, ratio to parse-only, files/s, MB/s,
  peak RSS;
- the same with 2x and 4x copies of the ruleset (ids renamed), to show how
  cost grows with the number of rules;
- a warm re-scan with the result cache, ratio to parse-only.

Usage: python3 bench/run.py [--jobs N] [--runs N] [--skip-django]
Prints a Markdown table (the one in docs/performance.md).
"""

import argparse
import os
import pathlib
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
BINARY = ROOT / "target" / "release" / "tripline"
CORPORA = ROOT / "bench" / "corpora"
DJANGO = "django==5.1.4"

# Runs `argv` and prints its peak RSS (KiB) after it exits, so each
# measured command is a fresh child with its own peak.
PEAK_RSS = (
    "import resource, subprocess, sys\n"
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)\n"
)


def measure(argv, runs):
    """Best wall time of `runs` runs, and the peak RSS (MiB) of the last."""
    best = float("inf")
    rss = 0
    for _ in range(runs):
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", PEAK_RSS, *map(str, argv)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        best = min(best, time.perf_counter() - started)
        rss = int(out[0]) / 1024
        if int(out[1]) not in (0, 1):
            sys.exit(f"failed ({out[1]}): {' '.join(map(str, argv))}")
    return best, rss


def ruleset_copies(copies, into):
    """`copies` copies of the shipped rules, ids prefixed `copyN.`."""
    for n in range(copies):
        for rule in (ROOT / "rulesets").rglob("*.yaml"):
            text = re.sub(r"(?m)^(\s*-\s*id:\s*)", rf"\g<1>copy{n}.", rule.read_text())
            target = into / f"copy{n}" / rule.relative_to(ROOT / "rulesets")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    return into


def django_corpus():
    target = CORPORA / "django"
    if not target.exists():
        CORPORA.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory() as download:
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
                 "--no-binary", ":all:", "-d", download, DJANGO],
                check=True,
            )
            archive = next(pathlib.Path(download).glob("*.tar.gz"))
            with tarfile.open(archive) as tar:
                tar.extractall(CORPORA / "django.tmp", filter="data")
            (CORPORA / "django.tmp").rename(target)
    return target


def bench(name, path, exclude, jobs, runs):
    common = ["-j", jobs, *sum((["--exclude", e] for e in exclude), [])]
    parse_argv = [BINARY, "parse", path, *common]
    parsed = subprocess.run(parse_argv, capture_output=True, text=True, check=True).stdout
    files, size = map(int, re.search(r"parsed (\d+) files, (\d+) bytes", parsed).groups())
    parse, _ = measure(parse_argv, runs)
    rows = []
    scan = [BINARY, "scan", path, *common, "-q", "--no-cache", "--format", "json"]
    one, rss = measure(scan, runs)
    rows.append(("shipped ruleset (1x)", one, rss))
    with tempfile.TemporaryDirectory() as rules:
        for copies in (2, 4):
            config = ruleset_copies(copies, pathlib.Path(rules) / f"x{copies}")
            seconds, peak = measure([*scan, "-c", config], runs)
            rows.append((f"{copies}x the ruleset", seconds, peak))
    with tempfile.TemporaryDirectory() as cache:
        cached = [BINARY, "scan", path, *common, "-q", "--cache-dir", cache, "--format", "json"]
        measure(cached, 1)
        # A file counts as settled once it is older than the cache's
        # two-second window; the corpora are, so the warm run is stat-only.
        warm, warm_rss = measure(cached, runs)
    rows.append(("warm re-scan (cache)", warm, warm_rss))

    print(f"\n### {name}: {files} files, {size / 1e6:.1f} MB\n")
    print("| run | seconds | × parse-only | files/s | MB/s | peak RSS |")
    print("|---|---:|---:|---:|---:|---:|")
    print(f"| parse-only | {parse:.2f} | 1.00 | {files / parse:,.0f} | {size / 1e6 / parse:.1f} | |")
    for label, seconds, peak in rows:
        print(f"| {label} | {seconds:.2f} | {seconds / parse:.2f} | {files / seconds:,.0f}"
              f" | {size / 1e6 / seconds:.1f} | {peak:.0f} MiB |")
    print(f"\n4x rules / 1x rules: {rows[2][1] / one:.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", default=str(os.cpu_count()), help="threads (default: all cores)")
    parser.add_argument("--runs", type=int, default=1, help="runs per measurement; the best counts")
    parser.add_argument("--skip-django", action="store_true", help="only the standard library")
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()}; "
          f"{args.jobs} threads; best of {args.runs}")
    stdlib = sysconfig.get_paths()["stdlib"]
    bench(f"CPython {platform.python_version()} standard library", stdlib,
          ["site-packages"], args.jobs, args.runs)
    if not args.skip_django:
        bench(DJANGO, django_corpus(), [], args.jobs, args.runs)


if __name__ == "__main__":
    main()
