#!/usr/bin/env bash
# Generates the abstract illustrations and author avatars of the sample feed
# (assets/images/) with ImageMagick 6 (Debian's `convert`). Everything is
# derived from fixed seeds, so a re-run produces the same pictures; metadata is
# stripped so the bytes do not carry timestamps either.
#
#   scripts/make-sample-images.sh [OUTDIR]     (default: assets/images)
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$here/assets/images}"
font_bold=/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf
hero_count=28
fig_count=6
mkdir -p "$out"

# Flat shapes and smooth gradients keep a 1200x675 JPEG near 15-30 KB.
jpeg_opts=(-strip -interlace none -sampling-factor 4:2:0 -quality 70)
png_opts=(-strip -define png:exclude-chunks=date,time)

# Palettes: sky, ground, accent, highlight.
palettes=(
  "#1d3557 #457b9d #e63946 #f1faee"
  "#264653 #2a9d8f #e9c46a #f4a261"
  "#3d405b #81b29a #e07a5f #f2cc8f"
  "#22223b #4a4e69 #c9ada7 #f2e9e4"
  "#003049 #669bbc #c1121f #fdf0d5"
  "#283618 #606c38 #dda15e #fefae0"
  "#10002b #5a189a #ff6d00 #ffd6a5"
  "#0b2545 #13315c #8da9c4 #eef4ed"
)

# Deterministic pseudo-random numbers (LCG), independent of bash's $RANDOM.
seed=1
rnd() {  # rnd N -> REPLY in [0, N)
  seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
  REPLY=$(( (seed / 65536) % $1 ))
}

# Translucent orbs over a vertical gradient.
draw_orbs() {
  local w=$1 h=$2 dst=$3 sky=$4 ground=$5 accent=$6 light=$7 args=() i x y r
  for i in 1 2 3 4; do
    rnd "$w"; x=$REPLY; rnd "$h"; y=$REPLY; rnd $(( h / 3 )); r=$(( REPLY + h / 10 ))
    if (( i % 2 )); then args+=(-fill "${accent}99"); else args+=(-fill "${light}66"); fi
    args+=(-draw "circle $x,$y $(( x + r )),$y")
  done
  convert -size "${w}x${h}" "gradient:${sky}-${ground}" "${args[@]}" "${jpeg_opts[@]}" "$dst"
}

# A city skyline of rectangles under a low sun: Riverton at dusk.
draw_skyline() {
  local w=$1 h=$2 dst=$3 sky=$4 ground=$5 accent=$6 light=$7 args=() x=0 bw bh
  rnd "$w"; local sx=$REPLY
  args+=(-fill "${accent}" -draw "circle $sx,$(( h / 2 )) $(( sx + h / 7 )),$(( h / 2 ))")
  args+=(-fill "${sky}")
  while (( x < w )); do
    rnd $(( w / 12 )); bw=$(( REPLY + w / 30 ))
    rnd $(( h / 2 )); bh=$(( REPLY + h / 8 ))
    args+=(-draw "rectangle $x,$(( h - bh )) $(( x + bw )),$h")
    x=$(( x + bw + w / 200 ))
  done
  args+=(-fill "${light}55" -draw "rectangle 0,$(( h * 9 / 10 )) $w,$h")
  convert -size "${w}x${h}" "gradient:${ground}-${light}" "${args[@]}" "${jpeg_opts[@]}" "$dst"
}

# Smooth mottled fields: plasma blurred hard, then mapped onto two colours.
draw_mist() {
  local w=$1 h=$2 dst=$3 sky=$4 ground=$5 accent=$6 light=$7
  rnd 100000
  convert -size "$(( w / 4 ))x$(( h / 4 ))" -seed "$REPLY" plasma:fractal \
    -colorspace Gray -blur 0x6 -auto-level -resize "${w}x${h}!" \
    +level-colors "${sky},${accent}" \
    -fill "${light}40" -draw "ellipse $(( w / 2 )),$(( h * 4 / 5 )) $(( w * 2 / 3 )),$(( h / 6 )) 0,360" \
    "${jpeg_opts[@]}" "$dst"
}

# Diagonal bands, like a river seen from above.
draw_bands() {
  local w=$1 h=$2 dst=$3 sky=$4 ground=$5 accent=$6 light=$7 args=() i x0 bw
  for i in 0 1 2 3 4; do
    rnd $(( w / 6 )); bw=$(( REPLY + w / 20 ))
    x0=$(( i * w / 4 - w / 8 ))
    case $(( i % 3 )) in 0) args+=(-fill "${accent}aa");; 1) args+=(-fill "${light}77");; *) args+=(-fill "${ground}cc");; esac
    args+=(-draw "polygon $x0,$h $(( x0 + bw )),$h $(( x0 + bw + h / 2 )),0 $(( x0 + h / 2 )),0")
  done
  convert -size "${w}x${h}" "radial-gradient:${ground}-${sky}" "${args[@]}" "${jpeg_opts[@]}" "$dst"
}

styles=(draw_skyline draw_orbs draw_mist draw_bands)

draw_numbered() {  # prefix index w h
  local prefix=$1 n=$2 w=$3 h=$4 pal name
  seed=$(( n * 7919 + ${#prefix} * 104729 ))
  read -r -a pal <<<"${palettes[$(( (n * 3) % ${#palettes[@]} ))]}"
  printf -v name '%s-%02d.jpg' "$prefix" "$n"
  "${styles[$(( n % ${#styles[@]} ))]}" "$w" "$h" "$out/$name" "${pal[@]}"
}

for n in $(seq 1 $hero_count); do draw_numbered hero "$n" 1200 675; done
for n in $(seq 1 $fig_count); do draw_numbered fig "$n" 800 450; done

# Avatars: a coloured square, one shape, and the author's initials.
avatar() {  # file initials background shape-colour shape
  local dst="$out/$1" shape
  case $5 in
    circle) shape="circle 200,200 200,330";;
    square) shape="polygon 128,-40 300,128 128,300 -40,128";;
    band) shape="polygon 0,256 256,60 256,256";;
    *) shape="rectangle 0,170 256,256";;
  esac
  convert -size 256x256 "xc:$3" -fill "$4" -draw "$shape" \
    -font "$font_bold" -pointsize 104 -fill white -gravity center \
    -annotate +0+4 "$2" "${png_opts[@]}" -colors 32 "$dst"
}
avatar avatar-maria.png MK "#1d3557" "#457b9d" circle
avatar avatar-daniel.png DO "#2a9d8f" "#264653" square
avatar avatar-priya.png PN "#e07a5f" "#3d405b" band
avatar avatar-hanna.png HL "#5a189a" "#ff6d00" bar
avatar avatar-oksana.png ОМ "#606c38" "#283618" circle

echo "images written to $out"
