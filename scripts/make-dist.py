#!/usr/bin/env python3
"""Builds the files a partner or CDN hosts (make dist), from a staged site.

  make-dist.py SITE OUT     (make dist: build/wasm/site build/dist)

OUT gets the module JS, the wasm and the fonts under content-hashed names
(newsreader-wasm.HASH.js, newsreader-wasm.HASH.wasm, fonts-HASH/: the module
asks for each face by its own name, so the fonts' folder carries the hash of
them all), the loader's on-demand chunk (newsreader-extra.HASH.js), the
embed page for iframe mode (embed.html, embed.HASH.js), and the stable entry
newsreader.js, rewritten to name the hashed files (every script minified:
scripts/minify-js.mjs). The loader must stay within 8 KB gzip. Next to
each file: FILE.gz and FILE.br (the `brotli` Debian package, or
python3-brotli). Also manifest.json (files, sizes, hashes, version) and
snippet.html. Prints the total transfer size of one widget's download.
Hashed files may be cached for ever; newsreader.js and embed.html briefly.
"""
import argparse
import gzip
import hashlib
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

HASH_CHARS = 10
MODULE_JS = "newsreader-wasm.js"
MODULE_WASM = "newsreader-wasm.wasm"
EMBED_JS = "embed.js"
CHUNK_JS = "newsreader-extra.js"
LOADER_BUDGET_GZIP = 8 * 1024
# What a browser downloads to show one widget (the embed page only in iframe mode).
WIDGET_FILES = ("newsreader.js", "newsreader.mjs", CHUNK_JS, MODULE_JS, MODULE_WASM)


def digest(data):
    return hashlib.sha256(data).hexdigest()


def hashed_name(name, data):
    stem, dot, ext = name.rpartition(".")
    return f"{stem}.{digest(data)[:HASH_CHARS]}.{ext}"


def brotli_bytes(data, quality):
    try:
        import brotli  # python3-brotli
        return brotli.compress(data, quality=quality)
    except ImportError:
        pass
    if not shutil.which("brotli"):
        sys.exit("make-dist: no brotli: install the Debian package `brotli` (scripts/bootstrap.sh lists it)")
    return subprocess.run(["brotli", "-q", str(quality), "-c"], input=data, stdout=subprocess.PIPE, check=True).stdout


def stripped_js(path):
    """The script minified (scripts/minify-js.mjs; the staged loader already is)."""
    strip = pathlib.Path(__file__).resolve().parent / "minify-js.mjs"
    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / path.name
        subprocess.run(["node", str(strip), str(path), str(out)], check=True)
        return out.read_text()


def replace_once(text, old, new, what):
    if old not in text:
        sys.exit(f"make-dist: the loader no longer names {what} as {old!r}: update scripts/make-dist.py")
    return text.replace(old, new)


def entry_is_module(loader):
    return re.search(r"^(import|export) ", loader, re.M) is not None


def snippet(is_module):
    script = ('<script type="module" src="https://cdn.example.com/newsreader/newsreader.js"></script>'
              if is_module else '<script async src="https://cdn.example.com/newsreader/newsreader.js"></script>')
    return ("<!-- Newsreader: paste where the widget goes; host build/dist/ at the script's URL. "
            "Options: docs/embedding.md -->\n"
            '<div data-newsreader data-feed="https://example.com/feed.json" style="height:640px"></div>\n'
            f"{script}\n")


def build(site, out, brotli_quality):
    files = {}  # name in OUT -> bytes

    def add(name, data):
        files[name] = data
        return name

    module_js = add(hashed_name(MODULE_JS, (site / MODULE_JS).read_bytes()), (site / MODULE_JS).read_bytes())
    wasm = add(hashed_name(MODULE_WASM, (site / MODULE_WASM).read_bytes()), (site / MODULE_WASM).read_bytes())
    fonts = sorted((site / "fonts").glob("*.ttf"))
    fonts_hash = digest(b"".join(f.name.encode() + b"\0" + f.read_bytes() for f in fonts))[:HASH_CHARS]
    fonts_dir = f"fonts-{fonts_hash}"
    for f in fonts:
        add(f"{fonts_dir}/{f.name}", f.read_bytes())

    chunk = stripped_js(site / CHUNK_JS).encode()
    chunk_js = add(hashed_name(CHUNK_JS, chunk), chunk)
    # The classic entry and its ES module form (newsreader.mjs, which embed.js imports).
    for entry in ("newsreader.js", "newsreader.mjs"):
        loader = stripped_js(site / entry)
        loader = replace_once(loader, f"'{CHUNK_JS}'", f"'{chunk_js}'", "the chunk")
        loader = replace_once(loader, f"'{MODULE_JS}'", f"'{module_js}'", "the module")
        loader = replace_once(loader, f"'{MODULE_WASM}'", f"'{wasm}'", "the wasm")
        loader = replace_once(loader, "'fonts/'", f"'{fonts_dir}/'", "the fonts folder")
        add(entry, loader.encode())
        size = len(gzip.compress(loader.encode(), compresslevel=9, mtime=0))
        if size > LOADER_BUDGET_GZIP:
            sys.exit(f"make-dist: {entry} is {size} bytes gzip, over its {LOADER_BUDGET_GZIP} budget: "
                     f"move what only some pages need to {CHUNK_JS}")
    loader = files["newsreader.js"].decode()
    if (site / "embed.html").exists():
        script = stripped_js(site / EMBED_JS).encode()
        embed_js = add(hashed_name(EMBED_JS, script), script)
        page = replace_once((site / "embed.html").read_text(), f'src="{EMBED_JS}"', f'src="{embed_js}"', "embed.js")
        add("embed.html", page.encode())

    if out.exists():
        shutil.rmtree(out)
    manifest = {"name": "newsreader", "version": version(), "entry": "newsreader.js",
                "module": module_js, "wasm": wasm, "fonts": fonts_dir + "/", "chunk": chunk_js, "files": []}
    for name, data in sorted(files.items()):
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        gz = gzip.compress(data, compresslevel=9, mtime=0)
        br = brotli_bytes(data, brotli_quality)
        pathlib.Path(f"{path}.gz").write_bytes(gz)
        pathlib.Path(f"{path}.br").write_bytes(br)
        manifest["files"].append({"name": name, "bytes": len(data), "gzip": len(gz), "brotli": len(br),
                                  "sha256": digest(data), "immutable": name not in ("newsreader.js", "newsreader.mjs", "embed.html")})
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    (out / "snippet.html").write_text(snippet(entry_is_module(loader)))
    return manifest


def version():
    cmake = pathlib.Path(__file__).resolve().parent.parent / "CMakeLists.txt"
    m = re.search(r"project\(newsreader VERSION ([0-9.]+)", cmake.read_text())
    return m.group(1) if m else "0"


def report(manifest, out):
    widget = [f for f in manifest["files"]
              if f["name"] in (manifest["entry"], manifest["module"], manifest["wasm"])
              or f["name"].startswith(manifest["fonts"])]
    total = {key: sum(f[key] for f in widget) for key in ("bytes", "gzip", "brotli")}
    print(f"make dist: {out}/ ({len(manifest['files'])} files, version {manifest['version']})")
    for f in manifest["files"]:
        print(f"  {f['name']:<44} {f['bytes']:>9,}  gzip {f['gzip']:>9,}  br {f['brotli']:>9,}")
    print(f"one widget's transfer (loader, module, wasm, fonts): {total['bytes']:,} bytes; "
          f"gzip {total['gzip']:,}; brotli {total['brotli']:,}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("site", type=pathlib.Path)
    ap.add_argument("out", type=pathlib.Path)
    ap.add_argument("--brotli-quality", type=int, default=11, help="0-11; the browser tests use a fast one")
    args = ap.parse_args()
    for name in WIDGET_FILES:
        if not (args.site / name).is_file():
            sys.exit(f"make-dist: {args.site / name} is missing: build the site first (make wasm)")
    report(build(args.site, args.out, args.brotli_quality), args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
