#!/usr/bin/env python3
"""Runs the desktop reader headless and checks its screenshot is not blank.

usage: check-screenshot.py NEWSREADER_BINARY OUT.bmp [app args...]
Fails when the app fails, or when the image is nearly one colour (a blank
canvas). Standard library only: reads the 32-bit BMP SDL writes.
"""
import os
import struct
import subprocess
import sys


def bmp_stats(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] != b"BM":
        raise ValueError("not a BMP file")
    offset = struct.unpack_from("<I", data, 10)[0]
    width, height = struct.unpack_from("<ii", data, 18)
    bpp = struct.unpack_from("<H", data, 28)[0]
    step = bpp // 8
    pixels = data[offset:]
    lum, colours = [], set()
    for i in range(0, min(len(pixels), abs(width * height) * step), step * 7):  # a sample is enough
        b, g, r = pixels[i], pixels[i + 1], pixels[i + 2]
        lum.append(0.2126 * r + 0.7152 * g + 0.0722 * b)
        colours.add((r, g, b))
    mean = sum(lum) / len(lum)
    var = sum((v - mean) ** 2 for v in lum) / len(lum)
    return abs(width), abs(height), var, len(colours)


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 64
    binary, out, *args = sys.argv[1:]
    env = dict(os.environ, SDL_VIDEODRIVER="offscreen")
    run = subprocess.run([binary, "--screenshot", out, *args], env=env, timeout=60)
    if run.returncode != 0:
        print(f"FAIL: {binary} exited {run.returncode}")
        return 1
    width, height, var, colours = bmp_stats(out)
    print(f"{out}: {width}x{height}, luminance variance {var:.0f}, {colours} colours")
    if var < 100 or colours < 16:
        print("FAIL: the screenshot looks blank")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
