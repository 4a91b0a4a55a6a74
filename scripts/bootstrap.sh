#!/usr/bin/env bash
# Installs and builds everything the project needs, idempotently:
#   1. Debian packages (apt), with deb-src enabled from the system's own sources
#   2. Debian source packages imgui and libsdl2, unpacked under build/deps
#   3. SDL2 built for wasm (static, no threads) into build/deps/sdl2-wasm
#   4. a private include dir for wasm (nlohmann, doctest) without /usr/include
#   5. subset fonts (the Noto faces of assets/fonts.json, Latin + Cyrillic) into build/fonts
#   6. npm test tooling (playwright-core, axe-core) from the committed lockfile
# A second run with everything present takes a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DEPS=$ROOT/build/deps
mkdir -p "$DEPS"

step() { printf '\n==> %s\n' "$*"; }

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config dpkg-dev
  emscripten nlohmann-json3-dev doctest-dev libsdl2-dev libgumbo-dev
  libcurl4-openssl-dev ca-certificates libsdl2-image-dev
  clang-14 libclang-rt-14-dev clang-format-14
  fonts-noto-core python3-fonttools brotli node-acorn
  fonts-noto-cjk fonts-noto-color-emoji libfontconfig-dev libfreetype-dev libharfbuzz-dev libfribidi-dev
  unicode-data
  chromium imagemagick libgl1-mesa-dri libegl1
)

missing_packages() {
  local p
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || echo "$p"
  done
  # Some machines carry their own Node.js build (which bundles npm and conflicts
  # with Debian's npm package): only ask Debian for Node when there is none.
  command -v node >/dev/null || echo nodejs
  command -v npm >/dev/null || echo npm
}

# --- 1. Debian packages ----------------------------------------------------
mapfile -t MISSING < <(missing_packages)
if ((${#MISSING[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "error: these Debian packages are missing: ${MISSING[*]}" >&2
    echo "       install them as root:  sudo apt-get update && sudo apt-get install -y ${MISSING[*]}" >&2
    echo "       or run 'sudo scripts/bootstrap.sh', then run make again." >&2
    exit 1
  fi
  step "apt-get install ${MISSING[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${MISSING[@]}" </dev/null
fi

# --- 2. Debian source packages ---------------------------------------------
# deb-src is enabled by copying the system's own source list (never naming a
# mirror host ourselves).
enable_deb_src() {
  local src=/etc/apt/sources.list.d/debian.sources dst=/etc/apt/sources.list.d/newsreader-deb-src.sources
  [[ -f $dst ]] && return 0
  if [[ $(id -u) -ne 0 ]]; then
    echo "error: deb-src must be enabled to fetch the imgui and libsdl2 sources; run 'sudo scripts/bootstrap.sh'" >&2
    exit 1
  fi
  if [[ -f $src ]]; then
    sed -E 's/^Types:.*/Types: deb-src/' "$src" >"$dst"
  elif [[ -f /etc/apt/sources.list ]]; then
    grep -E '^deb ' /etc/apt/sources.list | sed -E 's/^deb /deb-src /' >/etc/apt/sources.list.d/newsreader-deb-src.list
    touch "$dst"
  else
    echo "error: no Debian apt sources found to derive deb-src from" >&2; exit 1
  fi
  apt-get update -qq
}

fetch_source() {  # fetch_source PACKAGE DESTDIR MARKER_FILE
  local pkg=$1 dest=$2 marker=$3
  [[ -f $dest/$marker ]] && return 0
  enable_deb_src
  step "apt-get source $pkg"
  local tmp; tmp=$(mktemp -d "$DEPS/src-$pkg.XXXX")
  (cd "$tmp" && apt-get source --download-only "$pkg" >/dev/null)
  (cd "$tmp" && dpkg-source --no-check -x ./*.dsc unpacked >/dev/null)
  rm -rf "$dest"; mv "$tmp/unpacked" "$dest"; rm -rf "$tmp"
}
fetch_source imgui "$DEPS/imgui" imgui.cpp
fetch_source libsdl2 "$DEPS/sdl2-src" CMakeLists.txt

# --- 3. SDL2 for wasm ------------------------------------------------------
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
SDL_PREFIX=$DEPS/sdl2-wasm
# Subsystems the widget never uses are off, and SDL_LEAN_AND_MEAN drops the
# software blitters (~200 KB of wasm a WebGL renderer never calls). The
# options are recorded next to the library: changing them rebuilds it.
SDL_OPTIONS=(
  -DCMAKE_BUILD_TYPE=MinSizeRel -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF
  -DSDL_THREADS=OFF -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_SENSOR=OFF
  -DSDL_POWER=OFF -DSDL_HIDAPI=OFF -DSDL_FILESYSTEM=OFF -DSDL_LOCALE=OFF -DSDL_MISC=OFF
  -DSDL_RENDER=OFF "-DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1"
)
if [[ ! -f $SDL_PREFIX/lib/libSDL2.a || "$(cat "$SDL_PREFIX/options" 2>/dev/null)" != "${SDL_OPTIONS[*]}" ]]; then
  step "building SDL2 for wasm (a few minutes, once)"
  rm -rf "$DEPS/sdl2-build" "$SDL_PREFIX"
  emcmake cmake -S "$DEPS/sdl2-src" -B "$DEPS/sdl2-build" -G Ninja "${SDL_OPTIONS[@]}" \
    -DCMAKE_INSTALL_PREFIX="$SDL_PREFIX" >"$DEPS/sdl2-configure.log" 2>&1 \
    || { tail -30 "$DEPS/sdl2-configure.log"; exit 1; }
  cmake --build "$DEPS/sdl2-build" --target install >"$DEPS/sdl2-build.log" 2>&1 \
    || { tail -30 "$DEPS/sdl2-build.log"; exit 1; }
  echo "${SDL_OPTIONS[*]}" >"$SDL_PREFIX/options"
fi

# --- 4. private wasm include dir ---------------------------------------------
mkdir -p "$DEPS/include"
ln -sfn /usr/include/nlohmann "$DEPS/include/nlohmann"
ln -sfn /usr/include/doctest "$DEPS/include/doctest"

# --- 5. fonts --------------------------------------------------------------
scripts/make-fonts.sh

# --- 6. npm tooling --------------------------------------------------------
if [[ ! -d node_modules/playwright-core || package-lock.json -nt node_modules/.package-lock.json ]]; then
  step "npm ci (playwright-core, axe-core; no browser download)"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
echo "bootstrap: all dependencies present"
