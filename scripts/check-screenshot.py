#!/usr/bin/env python3
"""Runs the desktop reader headless and checks its screenshot.

usage: check-screenshot.py [options] NEWSREADER_BINARY OUT.bmp [app args...]

Always fails when the app fails, or when the image is nearly one colour (a
blank canvas). Options:
  --serve DIR             serve DIR over HTTP on 127.0.0.1 (scripts/serve.py,
                          an ephemeral port) while the app runs; "{server}"
                          in the app args becomes its base URL
                          (http://127.0.0.1:PORT)
  --placeholder X,Y,W,H   this region must be an image placeholder: one flat
                          colour (at least 75% of its pixels), which becomes
                          the reference placeholder colour
  --picture X,Y,W,H       this region must show a decoded picture: no colour
                          covers 75% of it, fewer than 25% of its pixels are
                          near the placeholder colour, at least 16 colours
  --max-missing-glyphs N  at most N characters were drawn as the replacement
                          glyph (the app's debug snapshot, missingGlyphs)
  --ink-right X,Y,W,H     this region holds a short line of text aligned to its
  --ink-left X,Y,W,H      right (left) edge: its ink (pixels unlike the region's
                          most common colour) reaches within 8 px of that
                          edge and leaves the other quarter empty
Standard library only: reads the 32-bit BMP SDL writes.
"""
import collections
import json
import os
import re
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


class Bmp:
    def __init__(self, path):
        with open(path, "rb") as f:
            data = f.read()
        if data[:2] != b"BM":
            raise ValueError("not a BMP file")
        self.data = data
        self.offset = struct.unpack_from("<I", data, 10)[0]
        width, height = struct.unpack_from("<ii", data, 18)
        self.bottom_up = height > 0
        self.width, self.height = abs(width), abs(height)
        self.step = struct.unpack_from("<H", data, 28)[0] // 8
        self.stride = (self.width * self.step + 3) // 4 * 4

    def pixel(self, x, y):
        row = self.height - 1 - y if self.bottom_up else y
        i = self.offset + row * self.stride + x * self.step
        return self.data[i + 2], self.data[i + 1], self.data[i]  # B, G, R in the file


def bmp_stats(bmp):
    lum, colours = [], set()
    pixels = bmp.data[bmp.offset:]
    for i in range(0, min(len(pixels), bmp.width * bmp.height * bmp.step), bmp.step * 7):  # a sample is enough
        b, g, r = pixels[i], pixels[i + 1], pixels[i + 2]
        lum.append(0.2126 * r + 0.7152 * g + 0.0722 * b)
        colours.add((r, g, b))
    mean = sum(lum) / len(lum)
    var = sum((v - mean) ** 2 for v in lum) / len(lum)
    return var, len(colours)


def region_colours(bmp, region):
    x0, y0, w, h = region
    if x0 < 0 or y0 < 0 or x0 + w > bmp.width or y0 + h > bmp.height or w <= 0 or h <= 0:
        raise ValueError(f"region {region} is outside the {bmp.width}x{bmp.height} screenshot")
    return collections.Counter(bmp.pixel(x, y) for y in range(y0, y0 + h) for x in range(x0, x0 + w))


def near(a, b, tolerance=8):
    return all(abs(p - q) <= tolerance for p, q in zip(a, b))


def check_regions(bmp, placeholders, pictures):
    """Returns a list of failure messages."""
    failures, reference = [], None
    for region in placeholders:
        counts = region_colours(bmp, region)
        colour, n = counts.most_common(1)[0]
        share = n / sum(counts.values())
        print(f"placeholder {region}: {len(counts)} colours, {share:.0%} rgb{colour}")
        if share < 0.75:
            failures.append(f"region {region} is not a flat placeholder ({share:.0%} one colour)")
        reference = reference or colour
    for region in pictures:
        counts = region_colours(bmp, region)
        total = sum(counts.values())
        share = counts.most_common(1)[0][1] / total
        like_placeholder = sum(n for c, n in counts.items() if reference and near(c, reference)) / total
        print(f"picture {region}: {len(counts)} colours, top {share:.0%}, placeholder-coloured {like_placeholder:.0%}")
        if share >= 0.75 or like_placeholder >= 0.25 or len(counts) < 16:
            failures.append(f"region {region} shows no decoded picture")
    return failures


def ink_extent(bmp, region):
    """The first and last columns (relative to the region) with ink, or None."""
    x0, y0, w, h = region
    background = region_colours(bmp, region).most_common(1)[0][0]
    cols = [x - x0 for x in range(x0, x0 + w)
            if any(not near(bmp.pixel(x, y), background, 60) for y in range(y0, y0 + h))]
    return (cols[0], cols[-1]) if cols else None


def check_alignment(bmp, aligned):
    failures = []
    for side, region in aligned:
        w = region[2]
        extent = ink_extent(bmp, region)
        print(f"ink-{side} {region}: columns {extent}")
        if extent is None:
            failures.append(f"region {region} has no text")
            continue
        first, last = extent
        ok = first > w / 4 and last >= w - 8 if side == "right" else last < w * 3 / 4 and first <= 8
        if not ok:
            failures.append(f"the text in region {region} is not aligned {side}: columns {first}..{last} of {w}")
    return failures


def parse_region(text):
    parts = [int(v) for v in text.split(",")]
    if len(parts) != 4:
        raise ValueError(f"a region is X,Y,W,H, not {text!r}")
    return tuple(parts)


def start_server(root):
    """serve.py on an ephemeral port; returns (process, base URL)."""
    server = subprocess.Popen([sys.executable, os.path.join(HERE, "serve.py"), root, "--port", "0", "--quiet"],
                              stdout=subprocess.PIPE, text=True)
    line = server.stdout.readline()  # "Newsreader demo: http://127.0.0.1:PORT/ ..."
    match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not match:
        server.kill()
        server.wait()
        raise RuntimeError(f"serve.py did not print its address: {line!r}")
    return server, f"http://127.0.0.1:{match.group(1)}"


def main():
    argv = sys.argv[1:]
    serve_root, placeholders, pictures, aligned, max_missing = None, [], [], [], None
    while argv and argv[0].startswith("--"):
        if len(argv) < 2:
            print(__doc__, file=sys.stderr)
            return 64
        option, value, argv = argv[0], argv[1], argv[2:]
        if option == "--serve":
            serve_root = value
        elif option == "--placeholder":
            placeholders.append(parse_region(value))
        elif option == "--picture":
            pictures.append(parse_region(value))
        elif option == "--max-missing-glyphs":
            max_missing = int(value)
        elif option in ("--ink-right", "--ink-left"):
            aligned.append((option[6:], parse_region(value)))
        else:
            print(f"unknown option {option}\n{__doc__}", file=sys.stderr)
            return 64
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 64
    binary, out, *args = argv
    # A fresh cache folder per run: the reader remembers read markers and
    # scroll positions there, and a screenshot must not depend on an earlier run.
    cache = tempfile.TemporaryDirectory(prefix="nr-shot-")
    env = dict(os.environ, SDL_VIDEODRIVER="offscreen", XDG_CACHE_HOME=cache.name)
    server = None
    try:
        if serve_root:
            server, base = start_server(serve_root)
            args = [a.replace("{server}", base) for a in args]
        debug = os.path.join(cache.name, "debug.json")
        run = subprocess.run([binary, "--screenshot", out, "--debug-out", debug, *args], env=env, timeout=60)
        snapshot = json.load(open(debug)) if run.returncode == 0 else {}
    finally:
        cache.cleanup()
        if server:
            server.terminate()
            server.wait(timeout=10)
    if run.returncode != 0:
        print(f"FAIL: {binary} exited {run.returncode}")
        return 1
    bmp = Bmp(out)
    var, colours = bmp_stats(bmp)
    print(f"{out}: {bmp.width}x{bmp.height}, luminance variance {var:.0f}, {colours} colours")
    if var < 100 or colours < 16:
        print("FAIL: the screenshot looks blank")
        return 1
    failures = check_regions(bmp, placeholders, pictures) + check_alignment(bmp, aligned)
    if max_missing is not None:
        missing = snapshot.get("missingGlyphs")
        print(f"missingGlyphs {missing}, fallback glyphs {snapshot.get('fallbackGlyphs')}")
        if missing is None or missing > max_missing:
            failures.append(f"{missing} characters drawn as the replacement glyph (at most {max_missing})")
    for f in failures:
        print(f"FAIL: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
