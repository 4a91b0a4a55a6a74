#!/usr/bin/env bash
# Every suite `make test` runs, in order, with a summary that never claims
# success for a suite that did not run. Assumes scripts/bootstrap.sh ran.
set -uo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs
JOBS=$(nproc)
LOGS=build/test-logs
mkdir -p "$LOGS"

declare -a NAMES=() RESULTS=()
total_pass=0 total_fail=0

# run_suite NAME COUNT_PARSER COMMAND...: runs, tees the log, records the result.
run_suite() {
  local name=$1 parser=$2; shift 2
  printf '\n==> %s\n' "$name"
  local log="$LOGS/$name.log" rc
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
  local counts pass=0 fail=0
  counts=$($parser "$log") && read -r pass fail <<<"$counts"
  if ((rc != 0)) && ((fail == 0)); then fail=1; fi
  if ((pass + fail == 0)); then fail=1; echo "error: $name ran no test" >&2; fi
  total_pass=$((total_pass + pass)); total_fail=$((total_fail + fail))
  NAMES+=("$name"); RESULTS+=("$([[ $rc -eq 0 && $fail -eq 0 ]] && echo PASS || echo FAIL) ($pass passed, $fail failed)")
}

build() { printf '\n==> build %s\n' "$1"; scripts/configure.sh "$1" && cmake --build --preset "$1" -j "$JOBS"; }

ctest_counts() { sed -nE 's/.*tests passed, ([0-9]+) tests failed out of ([0-9]+).*/\2 \1/p' "$1" | awk '{print $1-$2, $2}' | tail -1; }
doctest_counts() { sed -nE 's/.*test cases: *[0-9]+ \| *([0-9]+) passed \| *([0-9]+) failed.*/\1 \2/p' "$1" | tail -1; }
plain_counts() { sed -nE 's/^([a-z]+: )?([0-9]+) passed, ([0-9]+) failed.*/\2 \3/p' "$1" | tail -1; }

# The C++ style (.clang-format): one check, counted as one test.
format_check() {
  if scripts/format.sh --check; then echo "format: 1 passed, 0 failed"; else echo "format: 0 passed, 1 failed"; return 1; fi
}
run_suite format plain_counts format_check

build_failed=0
build native || build_failed=1
((build_failed)) || run_suite unit-native ctest_counts ctest --preset native -j "$JOBS"
build native-asan && run_suite unit-asan ctest_counts ctest --preset native-asan -j "$JOBS" || build_failed=1
if build wasm; then
  run_suite unit-wasm doctest_counts node build/wasm/news_tests_wasm.js --no-colors=true
  run_suite browser plain_counts node tests/browser/run.mjs
  ((build_failed)) || run_suite html-producers plain_counts \
    node tests/browser/html-corpus.mjs build/native/newsreader-html-tree-dump
else
  build_failed=1
fi

printf '\n==> summary\n'
for i in "${!NAMES[@]}"; do printf '  %-14s %s\n' "${NAMES[$i]}" "${RESULTS[$i]}"; done
if ((build_failed)); then echo "  a build FAILED (see above): its suites did not run"; total_fail=$((total_fail + 1)); fi
echo "make test: $total_pass passed, $total_fail failed"
((total_fail == 0))
