#!/usr/bin/env bash
# Runs newsreader-lint over the edge-case corpus in tests/data/feeds and
# compares each verdict with its expectation:
#   NAME.json    the input
#   NAME.expect  "exit N" then the exact lines the linter prints ('#' lines
#                are comments)
# Large cases (deep nesting, item and size limits) are generated here rather
# than committed. Exits non-zero on any mismatch.
# usage: scripts/check-lint-corpus.sh LINT_BINARY
set -u

if [[ $# -ne 1 || ! -x $1 ]]; then
    echo "usage: $0 LINT_BINARY" >&2
    exit 64
fi
lint=$(realpath "$1")
corpus=$(cd "$(dirname "$0")/../tests/data/feeds" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pass=0
failed=()

# check NAME DIR: lints DIR/NAME.json (from DIR, so paths print as NAME.json)
# against DIR/NAME.expect.
check() {
    local name=$1 dir=$2
    local expect="$dir/$name.expect"
    if [[ ! -f $expect ]]; then
        echo "FAIL $name: no $name.expect"
        failed+=("$name")
        return
    fi
    local want_exit want_out got_out got_exit
    want_exit=$(grep -m1 '^exit ' "$expect" | cut -d' ' -f2)
    want_out=$(grep -v '^#' "$expect" | grep -v '^exit ')
    got_out=$(cd "$dir" && "$lint" "$name.json")
    got_exit=$?
    if [[ $got_exit == "$want_exit" && $got_out == "$want_out" ]]; then
        pass=$((pass + 1))
        return
    fi
    echo "FAIL $name: exit $got_exit (expected $want_exit)"
    diff <(echo "$want_out") <(echo "$got_out") | sed 's/^/    /'
    failed+=("$name")
}

# gen NAME EXIT LINE...: writes an expectation for a generated input.
gen_expect() {
    local name=$1 code=$2
    shift 2
    { echo "exit $code"; printf '%s\n' "$@"; } >"$work/$name.expect"
}

generate() {
    head -c 200000 /dev/zero | tr '\0' '[' >"$work/deep-200k.json"
    gen_expect deep-200k 1 "deep-200k.json: error: nested deeper than 64 levels" \
        "deep-200k.json: 0 items, 0 skipped (refused)"

    # Depth 64 exactly is allowed: root object + items array + 62 arrays in a tag list.
    {
        printf '{"newsreader":1,"items":[{"id":"a","title":"T","body":[],"x":'
        printf '[%.0s' $(seq 61); printf ']%.0s' $(seq 61); printf '}]}'
    } >"$work/depth-64.json"
    gen_expect depth-64 2 "depth-64.json: warning: items[0]: no body, content_html, content_text or summary" \
        "depth-64.json: 1 items, 0 skipped"

    head -c $((33 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >"$work/oversize.json"
    gen_expect oversize 1 "oversize.json: error: too large: 33.0 MB, over the limit of 32.0 MB" \
        "oversize.json: 0 items, 0 skipped (refused)"

    {
        printf '{"newsreader":1,"items":['
        for i in $(seq 1 10001); do
            [[ $i -gt 1 ]] && printf ','
            printf '{"id":"i%d","title":"Item %d","body":[{"type":"paragraph","text":"Word count here."}]}' "$i" "$i"
        done
        printf ']}'
    } >"$work/items-10001.json"
    gen_expect items-10001 2 \
        "items-10001.json: warning: items: 10001 items, over the limit of 10000 per page; the last 1 skipped" \
        "items-10001.json: 10000 items, 1 skipped"

    # 40,000 nested <div> (200 KB of content_html) took gumbo 91 s and
    # 12.6 GB before the markup caps (src/core/html/markup_caps.hpp); 1 MB
    # of them (200,000) must parse as quickly.
    for n in 40000 200000; do
        {
            printf '{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"deep","title":"Deep","content_html":"'
            head -c "$n" /dev/zero | sed 's/\x0/<div>/g'
            printf 'bottom"}]}'
        } >"$work/html-nested-div-$n.json"
        gen_expect "html-nested-div-$n" 0 "html-nested-div-$n.json: 1 items, 0 skipped"
    done

    {
        printf '{"newsreader":1,"items":[{"id":"big","title":"Big","body":[{"type":"paragraph","text":"'
        head -c $((10 * 1024 * 1024)) /dev/zero | tr '\0' 'a' | fold -w 9 | tr '\n' ' '
        printf '"}]}]}'
    } >"$work/body-10mb.json"
    gen_expect body-10mb 0 "body-10mb.json: 1 items, 0 skipped"
}

shopt -s nullglob
for input in "$corpus"/*.json; do
    check "$(basename "$input" .json)" "$corpus"
done

generate
for input in "$work"/*.json; do
    name=$(basename "$input" .json)
    start=$(date +%s%N)
    check "$name" "$work"
    # Reported, not judged: speed is measured by `make bench` in a release
    # build; a timed test would only fail on a loaded machine or under ASan.
    echo "  $name: $((($(date +%s%N) - start) / 1000000)) ms"
done

# A file that is not there, and no file at all.
gen_expect missing-file 1 \
    "missing-file.json: error: cannot read the file (missing, unreadable or not a regular file)" \
    "missing-file.json: 0 items, 0 skipped (refused)"
check missing-file "$work"
"$lint" >/dev/null 2>&1
usage_exit=$?
if [[ $usage_exit == 64 ]]; then
    pass=$((pass + 1))
else
    echo "FAIL usage: exit $usage_exit without arguments (expected 64)"
    failed+=("usage")
fi

echo "lint corpus: $pass passed, ${#failed[@]} failed"
if ((${#failed[@]})); then
    printf '  failed: %s\n' "${failed[@]}"
    exit 1
fi
