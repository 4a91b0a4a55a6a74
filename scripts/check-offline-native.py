#!/usr/bin/env python3
"""The desktop reader offline (docs/offline.md), end to end.

usage: check-offline-native.py NEWSREADER_BINARY OUT_DIR

Runs the reader headless (SDL offscreen) with its offline cache in a fresh
folder: online against scripts/serve.py, the feed and then one article;
then the server stops and the reader starts again, as after a reboot on a
train. Offline, the cached feed must be on screen under the banner with its
pictures, the article read before must open in full with its pictures, and
an article never opened must say "Not available offline". Each run writes
OUT_DIR/native-offline-NAME.bmp and its debug snapshot (.json).
Standard library only.
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("check_screenshot", os.path.join(HERE, "check-screenshot.py"))
shots = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(shots)

SIZE = ["--width", "420", "--height", "800"]
FEED = "/assets/feeds/page-1.json"
READ = "a-004"  # opened online: has a hero and figures
NEVER = "a-006"  # never opened online
# Where pictures are drawn at 420 x 800 (the list's first card's hero, an
# article's hero), with and without the 32 px offline banner above.
CARD_HERO = (20, 70, 380, 200)
ARTICLE_HERO = (20, 150, 380, 160)
BANNER = 32


def below_banner(region):
    x, y, w, h = region
    return (x, y + BANNER, w, h)


def run(binary, env, out_dir, name, url, extra=()):
    shot = os.path.join(out_dir, f"native-offline-{name}.bmp")
    state_path = os.path.join(out_dir, f"native-offline-{name}.json")
    cmd = [binary, "--screenshot", shot, "--debug-out", state_path, "--offline", "on", *SIZE, *extra, url]
    done = subprocess.run(cmd, env=env, timeout=60)
    if done.returncode != 0:
        raise AssertionError(f"{name}: the reader exited {done.returncode}")
    with open(state_path, encoding="utf-8") as f:
        state = json.load(f)
    bmp = shots.Bmp(shot)
    print(f"{name}: view {state['view']}, banner {state['banner']!r}, items {state['items']}, "
          f"unavailableOffline {state['unavailableOffline']}")
    return bmp, state


def expect(failures, condition, message):
    if not condition:
        failures.append(message)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 64
    binary, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    cache = tempfile.TemporaryDirectory(prefix="nr-offline-")
    env = dict(os.environ, SDL_VIDEODRIVER="offscreen", XDG_CACHE_HOME=cache.name)
    failures = []
    try:
        server, base = shots.start_server(".")
        try:
            url = base + FEED
            bmp, state = run(binary, env, out_dir, "online-feed", url)
            expect(failures, state["banner"] == "", f"online: no banner expected, got {state['banner']!r}")
            failures += shots.check_regions(bmp, [], [CARD_HERO])
            bmp, state = run(binary, env, out_dir, "online-article", url, ["--open", READ])
            failures += shots.check_regions(bmp, [], [ARTICLE_HERO])
        finally:
            server.terminate()
            server.wait(timeout=10)

        # The same URL, nothing listening: every request fails at once.
        bmp, state = run(binary, env, out_dir, "offline-feed", url)
        expect(failures, state["state"] == "ready" and state["items"] > 0, "offline: the cached feed is not shown")
        expect(failures, state["banner"].startswith("Offline · stories from "),
               f"offline: the banner says {state['banner']!r}")
        failures += shots.check_regions(bmp, [], [below_banner(CARD_HERO)])

        bmp, state = run(binary, env, out_dir, "offline-article", url, ["--open", READ])
        expect(failures, state["view"] == "article" and not state["unavailableOffline"],
               "offline: the article read before does not open in full")
        failures += shots.check_regions(bmp, [], [below_banner(ARTICLE_HERO)])

        _, state = run(binary, env, out_dir, "offline-never-opened", url, ["--open", NEVER])
        expect(failures, state["view"] == "article" and state["unavailableOffline"],
               "offline: an article never opened is not 'Not available offline'")
    except (AssertionError, subprocess.TimeoutExpired, OSError, ValueError, KeyError) as e:
        failures.append(str(e))
    finally:
        cache.cleanup()
    for f in failures:
        print(f"FAIL: {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
