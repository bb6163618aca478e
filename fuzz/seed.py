#!/usr/bin/env python3
"""Seeds the fuzz corpora (fuzz/corpus/<target>/) from the repository.

    python3 fuzz/seed.py            # from anywhere in the repository

- matcher:   every Python fixture (rulesets/python, tests, examples) and the
             ```python blocks of docs/*.md
- rule:      every rule file (rulesets/python, tests, fuzz/rules)
- pattern:   every pattern in those rule files and in the ```yaml blocks of
             docs/*.md (pattern, pattern-inside, pattern-not, ...)
- condition: every `comparison:` and `where:` in them, and a few more

Standard library only (CI has no PyYAML): values are taken from the YAML
line by line, which understands plain, quoted and block (`|`) scalars, all
the rule files use. A value it reads wrongly is still a fine seed. Files are
named by the SHA-1 of their content, as libFuzzer names the inputs it adds,
so seeding twice adds nothing. Existing corpus files are kept: the corpus a
longer local run grew is not thrown away.
"""

import hashlib
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"

# Larger inputs make each execution slow and teach the fuzzer little more.
MAX_SEED = 16 * 1024

PATTERN_KEYS = (
    "pattern",
    "pattern-inside",
    "pattern-not",
    "pattern-not-inside",
)
CONDITION_KEYS = ("comparison", "where")
KEY = re.compile(
    r"^(?P<indent>\s*)(?P<dash>-\s+)?(?P<key>[A-Za-z_-]+)\s*:\s*(?P<value>.*)$"
)

# Conditions the rule files do not use, for operators and functions they miss.
EXTRA_CONDITIONS = [
    "$MODE > 0o644 and ($MODE & 0o002) == 0 and not $MODE in [0o600, 0o640]",
    'int($PORT) < 1024 or re.match("^dev", str($HOST))',
    "$KEY matches /(?i)secret|token/ and not $VALUE is literal",
    "0 < $X < 10 != $Y",
    "-$X ** 2 // 3 % 7 << 2 >> 1 | 0xFF ^ 0b1010 & 0o7",
    "len($S) >= 8 and float($F) / 2.5e3 <= 1_000",
    're.fullmatch("[a-z]+", $X) or re.search($R, "abc")',
    "$X in 'abc' and $Y not in [None, True, false, 'x', \"y\"]",
    "bool($X) == (not $Y) and $Z is not constant",
    "$A is call or $B is identifier or $C is number or $D is string",
]

# Python the fixtures have little of.
EXTRA_PYTHON = [
    "x = [[[[[[[[[[1]]]]]]]]]]\n",
    "async def f():\n    async with a as b:\n        async for c in d:\n            await e\n",
    "match command:\n    case [x, *rest] if x:\n        pass\n    case {'k': v, **kw}:\n        pass\n",
    "def f[T](x: T) -> T:\n    return x\ntype A = list[int]\n",
    "x = f'{a!r:>{width}} {b=} {f\"{c}\"}'\n",
    "s = 'caf\\u00e9' + 'é' + '\U0001f600'\nλ = 1\n",
    "if x:\n\tpass\r\nelse:\n  pass\n",
    "print 'python 2'\nexec code in ns\n",
    "def broken(:\n    return (\n",
]


def write(target, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    if not data or len(data) > MAX_SEED:
        return False
    directory = CORPUS / target
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / hashlib.sha1(data).hexdigest()
    if path.exists():
        return False
    path.write_bytes(data)
    return True


def files(*globs):
    seen = set()
    for pattern in globs:
        for path in sorted(ROOT.glob(pattern)):
            if path.is_file() and path not in seen and "/target/" not in str(path):
                seen.add(path)
                yield path


def unquote(value):
    """A one-line YAML scalar: quoted ('', "") or plain (comment removed)."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "/": "/"}
        return re.sub(r"\\(.)", lambda m: escapes.get(m.group(1), m.group(0)), value[1:-1])
    return re.sub(r"\s+#.*$", "", value)


def yaml_values(text, keys):
    """The values of `keys` anywhere in YAML text (or Markdown with YAML)."""
    lines = text.splitlines()
    for number, line in enumerate(lines):
        found = KEY.match(line)
        if not found or found.group("key") not in keys:
            continue
        value = found.group("value").strip()
        if value and value[0] in "|>":
            # A block scalar: the following lines indented deeper than the key.
            key_indent = len(found.group("indent")) + len(found.group("dash") or "")
            block = []
            for following in lines[number + 1 :]:
                if following.strip() and len(following) - len(following.lstrip()) <= key_indent:
                    break
                block.append(following)
            width = min(
                (len(b) - len(b.lstrip()) for b in block if b.strip()), default=0
            )
            yield "\n".join(b[width:] for b in block).strip("\n") + "\n"
        elif value:
            yield unquote(value)


def markdown_blocks(text, language):
    yield from re.findall(r"```" + language + r"\n(.*?)```", text, re.S)


def main():
    added = {"matcher": 0, "rule": 0, "pattern": 0, "condition": 0}

    def add(target, content):
        added[target] += write(target, content)

    for path in files("rulesets/python/**/*.py", "tests/**/*.py", "examples/**/*.py"):
        add("matcher", path.read_bytes())
    for code in EXTRA_PYTHON:
        add("matcher", code)

    rule_files = list(
        files("rulesets/python/**/*.yaml", "tests/**/*.yaml", "tests/**/*.yml", "fuzz/rules/*.yaml")
    )
    docs = list(files("docs/*.md"))
    for path in rule_files:
        add("rule", path.read_bytes())
    for path in rule_files + docs:
        text = path.read_text(encoding="utf-8", errors="replace")
        for pattern in yaml_values(text, PATTERN_KEYS):
            add("pattern", pattern)
        for condition in yaml_values(text, CONDITION_KEYS):
            add("condition", condition)
    for path in docs:
        text = path.read_text(encoding="utf-8", errors="replace")
        for code in markdown_blocks(text, "python"):
            add("matcher", code)
        for rule in markdown_blocks(text, "yaml"):
            add("rule", rule)
    for condition in EXTRA_CONDITIONS:
        add("condition", condition)

    total = {t: len(list((CORPUS / t).iterdir())) for t in added}
    for target in added:
        print(f"seed: {target}: {added[target]} added, {total[target]} in fuzz/corpus/{target}")
    if min(total.values()) == 0:
        sys.exit("seed: a corpus is empty; did the repository layout change?")


if __name__ == "__main__":
    main()
