#!/usr/bin/env bash
# usage: scripts/configure.sh PRESET
# `cmake --preset PRESET`, quiet when it succeeds; when it fails, its whole
# output (the reason) is printed and its exit status returned.
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(cmake --preset "$1" 2>&1) && exit 0
rc=$?
printf '%s\n' "$out" >&2
echo "error: cmake --preset $1 failed (exit $rc)" >&2
exit "$rc"
