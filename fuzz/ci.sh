#!/usr/bin/env bash
# The fuzzing smoke run of CI (docs/fuzzing.md): build the four fuzz
# targets, seed their corpora from the repository, replay the crash
# regressions in fuzz/regressions/, then fuzz each target for a few seconds.
# Fails if any input crashes (panics, aborts, overflows the stack), leaks
# past the memory limit, or hangs.
#
#   bash fuzz/ci.sh                  # 15 s per target
#   FUZZ_SECONDS=300 bash fuzz/ci.sh # longer
#   FUZZ_TARGETS="rule matcher" bash fuzz/ci.sh
#
# Stable Rust only. cargo-fuzz is not needed here: it is a thin wrapper that
# runs `cargo build` with the coverage instrumentation flags below and then
# runs the binaries, and installing it costs CI a minute of compiling. The
# flags are those of `cargo fuzz build --sanitizer none --debug-assertions`
# (cargo-fuzz 0.13), all of them stable rustc options: only the sanitizers
# (`-Zsanitizer=address`, cargo-fuzz's default) need nightly, which is why
# `cargo fuzz` on stable needs `--sanitizer none` (`-s none`). With the same
# flags and profile, this build and `cargo fuzz` share fuzz/target/.
set -euo pipefail
cd "$(dirname "$0")"

seconds=${FUZZ_SECONDS:-15}
targets=${FUZZ_TARGETS:-pattern rule condition matcher}
started=$(date +%s)
elapsed() { echo "$(($(date +%s) - started)) s"; }

if ! command -v cargo >/dev/null 2>&1; then
  echo "fuzz: cargo is required (install Rust with rustup)" >&2
  exit 1
fi
triple=$(rustc -vV | sed -n 's/^host: //p')

# The order and spelling follow cargo-fuzz's, so that its builds and this
# one are the same to cargo. `-Cdebug-assertions` also turns on overflow
# checks: an integer overflow is a crash, as in a debug build.
export RUSTFLAGS="-Cpasses=sancov-module \
-Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters \
-Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares \
--cfg fuzzing \
-Cllvm-args=-simplifycfg-branch-fold-threshold=0 \
-Cllvm-args=-sanitizer-coverage-stack-depth \
-Cdebug-assertions \
-Ccodegen-units=1"
# `--target` keeps these flags off build scripts and proc macros (which
# would fail to link against the coverage runtime).
cargo build --release --locked --bins --target "$triple" \
  --config 'profile.release.debug="line-tables-only"'
unset RUSTFLAGS
bin=target/$triple/release
echo "fuzz: built in $(elapsed)"

python3 seed.py

failed=()
for target in $targets; do
  mkdir -p "artifacts/$target"
  # Every input that once crashed a target must not crash it again.
  shopt -s nullglob
  regressions=(regressions/"$target"/*)
  shopt -u nullglob
  if ((${#regressions[@]})); then
    if ! "$bin/$target" "${regressions[@]}" >"artifacts/$target/regressions.log" 2>&1; then
      tail -n 40 "artifacts/$target/regressions.log"
      echo "fuzz: $target: a regression input crashes again (fuzz/regressions/$target/)" >&2
      failed+=("$target (regression)")
      continue
    fi
    echo "fuzz: $target: ${#regressions[@]} regression inputs pass"
  fi
  log=artifacts/$target/fuzz.log
  if "$bin/$target" "corpus/$target" \
    -dict="dicts/$target.dict" \
    -max_total_time="$seconds" \
    -timeout=20 \
    -rss_limit_mb=2048 \
    -artifact_prefix="artifacts/$target/" \
    -print_final_stats=1 >"$log" 2>&1; then
    # The last status line: executions, coverage (cov: edges, ft: features),
    # corpus size; and the final stats.
    grep -E '^#[0-9]+' "$log" | tail -n 1
    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | tr '\n' ' '
    echo
  else
    tail -n 60 "$log"
    echo "fuzz: $target: crashed; the input is in fuzz/$(ls -t artifacts/"$target"/{crash,timeout,oom,leak,slow-unit}-* 2>/dev/null | head -n 1)" >&2
    echo "fuzz: reproduce with: fuzz/$bin/$target <that file>  (see docs/fuzzing.md)" >&2
    failed+=("$target")
  fi
done

echo "fuzz: done in $(elapsed)"
if ((${#failed[@]})); then
  echo "fuzz: FAILED: ${failed[*]}" >&2
  exit 1
fi
