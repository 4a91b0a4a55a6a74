#!/usr/bin/env bash
# Subsets the Noto faces listed in assets/fonts.json (the one font list) from
# Debian's fonts-noto-core to the glyph ranges listed there, without hinting
# or layout tables (ImGui's stb_truetype ignores them). Output: build/fonts/
# (or $NR_FONTS_OUT). Idempotent: a face is rebuilt when it is missing or
# when the list or this script changed since it was made (a stamp records
# both), and faces no longer listed are removed.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=/usr/share/fonts/truetype/noto
OUT=${NR_FONTS_OUT:-build/fonts}
LIST=assets/fonts.json
# Debian's python3-fonttools lives with /usr/bin/python3, not a pyenv python.
PY=/usr/bin/python3
mapfile -t FILES < <($PY -c 'import json,sys; [print(f["file"]) for f in json.load(open(sys.argv[1]))["faces"]]' "$LIST")
UNICODES=$($PY -c 'import json,sys; print(",".join(json.load(open(sys.argv[1]))["unicodes"]))' "$LIST")
STAMP=$OUT/.make-fonts.stamp
stamp=$(cat "$0" "$LIST" | sha256sum | cut -d' ' -f1)
mkdir -p "$OUT"
[[ -f $STAMP && $(cat "$STAMP") == "$stamp" ]] || rm -f "$STAMP" "$OUT"/*.ttf
for file in "${FILES[@]}"; do
  [[ -f $OUT/$file ]] && continue
  [[ -f $SRC/$file ]] || { echo "error: $SRC/$file missing (apt-get install fonts-noto-core)" >&2; exit 1; }
  $PY -m fontTools.subset "$SRC/$file" --unicodes="$UNICODES" \
    --no-hinting --layout-features='' --no-layout-closure --drop-tables+=GDEF,GPOS,GSUB,kern --name-IDs='' --no-glyph-names --output-file="$OUT/$file.tmp"
  mv "$OUT/$file.tmp" "$OUT/$file"
done
echo "$stamp" >"$STAMP"
