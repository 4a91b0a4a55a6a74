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
while IFS= read -r -d '' f; do
    rel=${f#"$root"/}
    cp "$f" "$build/seeds/${rel//\//_}"
done < <(find "$root/tests/data" "$root/assets/feeds" -type f -name '*.json' -size -1000k -print0)
# HTML samples reach the fuzzer as the content_html of a JSON Feed item.
while IFS= read -r -d '' f; do
    rel=${f#"$root"/}
    python3 -c 'import json, sys
html = open(sys.argv[1], encoding="utf-8", errors="replace").read()
print(json.dumps({"version": "https://jsonfeed.org/version/1.1",
                  "items": [{"id": "1", "title": "T", "content_html": html}]}))' "$f" \
        >"$build/seeds/${rel//\//_}.json"
done < <(find "$root/tests/data" -type f -name '*.html' -size -1000k -print0)

# Markup past the caps of src/core/html/markup_caps.hpp (nesting, attributes,
# re-opened formatting elements), within -max_len. The 50,000-tag cap lies
# beyond it; and a seed of 16,000 <p> spends ~15 s re-reading its 16,000
# blocks as JSON (a separate, pre-existing cost), so there is none.
python3 -c 'import json, sys
cases = {
    "nested-div": "<div>" * 12000 + "deep",
    "nested-adoption": "<b><div></b>" * 5000,
    "many-attributes": "<p" + " a" * 30000 + ">x",
    "reopened-formatting": "<div>" * 300 + "".join("<div><b t=%d></div>" % i for i in range(2000)) + "</div>x" * 300,
}
for name, html in cases.items():
    with open(sys.argv[1] + "/markup-caps-" + name + ".json", "w") as f:
        json.dump({"version": "https://jsonfeed.org/version/1.1",
                   "items": [{"id": "1", "title": "T", "content_html": html}]}, f)' "$build/seeds"

echo "fuzzing for ${seconds}s; corpus in $build/corpus"
"$build/fuzz_parse" "$build/corpus" "$build/seeds" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$build/artifacts/" -print_final_stats=1 "$@"
