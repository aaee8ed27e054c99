#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (docs/reliability.md).
#
#   tools/fuzz.sh                 every target for an hour, one after another
#   tools/fuzz.sh 60              every target for 60 seconds (what CI does)
#   tools/fuzz.sh 600 pipeline    one target for ten minutes
#   FUZZ_PARALLEL=2 tools/fuzz.sh two targets at a time (one core each)
#
# Builds build/fuzz with clang first (-DRETOUCHE_FUZZ=ON: libFuzzer, ASan,
# UBSan). Each target starts from its committed seeds (tests/fuzz/corpus/T,
# never written) and keeps what it learns in build/fuzz/corpus/T. An input
# that breaks an invariant or crashes is saved as build/fuzz/findings/T/crash-*;
# copy it to tests/fuzz/regressions/T/ once fixed, and the ordinary test suite
# keeps checking it. Inputs that clean differently a second time are only
# reported, under build/fuzz/reports/idempotency/ (tests/fuzz/regressions/idempotency/
# is where they go). The last line of each target's log
# (build/fuzz/logs/T.log) gives executions and coverage; the script exits 1
# if any target found a crash.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-3600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(pipeline json_row findings line_stats config)
parallel=${FUZZ_PARALLEL:-1}
dir=${FUZZ_BUILD_DIR:-build/fuzz}
jobs=$(nproc 2>/dev/null || echo 2)

if [ ! -f "$dir/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRETOUCHE_FUZZ=ON \
    -DRETOUCHE_BUILD_TESTS=OFF -DRETOUCHE_WERROR=ON -DRETOUCHE_LTO=OFF >/dev/null
fi
cmake --build "$dir" -j "$jobs" >/dev/null

mkdir -p "$dir/logs" "$dir/reports"
start="$dir/logs/.start"
touch "$start"
run_target() {
  local t=$1
  mkdir -p "$dir/corpus/$t" "$dir/findings/$t"
  local dict=()
  [ -f "tests/fuzz/$t.dict" ] && dict=(-dict="tests/fuzz/$t.dict")
  # -timeout: one input may not take a minute (the cost bound of checks.h is
  # far below); -rss_limit_mb: nor gigabytes.
  RETOUCHE_FUZZ_REPORT_DIR="$dir/reports" ASAN_OPTIONS=detect_leaks=0 \
    "$dir/tests/fuzz/fuzz_$t" "$dir/corpus/$t" "tests/fuzz/corpus/$t" "${dict[@]}" \
    -max_total_time="$seconds" -timeout=60 -rss_limit_mb=3072 -max_len=8192 \
    -artifact_prefix="$dir/findings/$t/" -print_final_stats=1 >"$dir/logs/$t.log" 2>&1 || true
}
running=0
for t in "${targets[@]}"; do
  echo "fuzz: $t for ${seconds}s" >&2
  run_target "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$parallel" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

status=0
for t in "${targets[@]}"; do
  log="$dir/logs/$t.log"
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
  cov=$(grep -oE '(DONE|#[0-9]+).*cov: [0-9]+ ft: [0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || echo 'cov: ?')
  # A slow-unit file is an input that took over 10 s once, e.g. while the
  # machine stalled: reported apart (re-run it to time it), not a crash.
  crashes=$(find "$dir/findings/$t" -type f -newer "$start" ! -name 'slow-unit-*' | wc -l)
  slow=$(find "$dir/findings/$t" -type f -newer "$start" -name 'slow-unit-*' | wc -l)
  echo "fuzz: $t: $execs executions, $cov, corpus $(find "$dir/corpus/$t" -type f | wc -l) inputs, $crashes crash(es), $slow slow unit(s)" >&2
  if [ "$crashes" -gt 0 ]; then
    status=1
    grep -E 'invariant violated|ERROR: |SUMMARY' "$log" | head -5 >&2 || true
  fi
done
reports=$(find "$dir/reports" -type f -newer "$start" 2>/dev/null | wc -l)
echo "fuzz: $reports input(s) not idempotent (reported only) in $dir/reports/idempotency" >&2
exit $status
