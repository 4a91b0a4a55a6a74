#!/usr/bin/env bash
# Builds the libFuzzer target (clang-14, ASan + UBSan) in build/fuzz and runs
# it for FUZZ_SECONDS (default 60), seeded from tests/data/ and the sample
# feeds. Crashes land in build/fuzz/artifacts/; the grown corpus is kept in
# build/fuzz/corpus/ between runs.
# usage: [FUZZ_SECONDS=600] [FUZZ_JOBS=1] scripts/fuzz.sh [extra libFuzzer flags]
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build="$root/build/fuzz"
seconds=${FUZZ_SECONDS:-60}

CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DNR_FUZZ=ON -DNR_BUILD_APP=OFF -DNR_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target fuzz_parse -j2

mkdir -p "$build/corpus" "$build/artifacts" "$build/seeds"
# Seeds: every feed and HTML sample we have (copied so the fuzzer never
# writes into the source tree).
find "$root/tests/data" "$root/assets/feeds" -type f \( -name '*.json' -o -name '*.html' \) -size -1M \
    -exec cp -t "$build/seeds" {} + 2>/dev/null || true

echo "fuzzing for ${seconds}s; corpus in $build/corpus"
"$build/fuzz_parse" "$build/corpus" "$build/seeds" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/artifacts/" -print_final_stats=1 "$@"
