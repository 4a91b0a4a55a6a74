#!/usr/bin/env bash
# make bench: builds the release wasm exactly as the wasm preset does and the
# native release tools, writes the 1k/10k benchmark feeds, then measures in
# headless Chromium (tests/bench/run.mjs): build/bench/results.json + a table.
# BENCH_RUNS=N changes the number of runs (default 5); see run.mjs for more.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH="${NODE_PATH:-/usr/share/nodejs}"  # emcc's acorn and playwright-core
JOBS="${JOBS:-$(nproc)}"

echo "bench: release wasm (cmake --preset wasm)"
cmake --preset wasm >/dev/null
cmake --build --preset wasm -j "$JOBS"

echo "bench: native release (cmake --preset native-release)"
cmake --preset native-release >/dev/null
cmake --build --preset native-release -j "$JOBS"

echo "bench: benchmark feeds (build/feeds)"
/usr/bin/python3 scripts/make-sample-feed.py --big build/feeds >/dev/null

node tests/bench/run.mjs
