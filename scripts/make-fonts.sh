#!/usr/bin/env bash
# Subsets Noto faces from Debian's fonts-noto-core to the scripts the reader
# shows (Latin, Latin-1, Latin Extended-A, Cyrillic, common punctuation),
# without hinting or layout tables (ImGui's stb_truetype ignores it). Output: build/fonts/.
set -euo pipefail
cd "$(dirname "$0")/.."
SRC=/usr/share/fonts/truetype/noto
OUT=build/fonts
FACES=(NotoSans-Regular NotoSans-Bold NotoSerif-Regular NotoSerif-Bold NotoSerif-Italic)
# Keep in sync with the glyph ranges in src/ui/fonts.cpp.
UNICODES="U+0020-007E,U+00A0-00FF,U+0100-017F,U+0400-045F,U+0490-0491,U+2010-2027,U+2030-203A,U+20AC,U+2116,U+2122,U+2190-2193,U+FFFD"
mkdir -p "$OUT"
for face in "${FACES[@]}"; do
  [[ -f $OUT/$face.ttf && $OUT/$face.ttf -nt $0 ]] && continue
  [[ -f $SRC/$face.ttf ]] || { echo "error: $SRC/$face.ttf missing (apt-get install fonts-noto-core)" >&2; exit 1; }
  # Debian's python3-fonttools lives with /usr/bin/python3, not a pyenv python.
  /usr/bin/python3 -m fontTools.subset "$SRC/$face.ttf" --unicodes="$UNICODES" \
    --no-hinting --layout-features='' --no-layout-closure --drop-tables+=GDEF,GPOS,GSUB,kern --name-IDs='' --no-glyph-names --output-file="$OUT/$face.ttf.tmp"
  mv "$OUT/$face.ttf.tmp" "$OUT/$face.ttf"
done
