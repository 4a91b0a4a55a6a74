#!/usr/bin/env bash
# usage: scripts/format.sh [--check]
# Formats the C++ files under src/ and tests/ in place with clang-format-14
# and the repository's .clang-format (make format). With --check (make
# format-check) it changes nothing, names each file that would change, and
# exits 1 if there is any. The version is pinned: another clang-format may
# format the same file differently. Files with JavaScript in EM_JS/EM_ASM
# bodies are left out: clang-format would rewrite that JavaScript as C++.
set -euo pipefail
cd "$(dirname "$0")/.."
CLANG_FORMAT=${CLANG_FORMAT:-clang-format-14}
command -v "$CLANG_FORMAT" >/dev/null || { echo "error: $CLANG_FORMAT not found (apt-get install clang-format-14)" >&2; exit 2; }
mapfile -t files < <(find src tests \( -name '*.cpp' -o -name '*.hpp' \) -exec grep -LE 'EM_JS|EM_ASM' {} + | sort)

if [[ ${1:-} != --check ]]; then
  "$CLANG_FORMAT" -i "${files[@]}"
  exit 0
fi

rc=0
out=$("$CLANG_FORMAT" --dry-run --Werror "${files[@]}" 2>&1) || rc=$?
differ=$(sed -nE 's/^(.*):[0-9]+:[0-9]+: error: code should be clang-formatted.*/\1/p' <<<"$out" | uniq)
if ((rc == 0)); then exit 0; fi
if [[ -z $differ ]]; then printf '%s\n' "$out" >&2; exit "$rc"; fi  # clang-format itself failed
printf '%s\n' "$differ"
echo "format-check: $(wc -l <<<"$differ") file(s) differ from .clang-format; make format rewrites them" >&2
exit 1
