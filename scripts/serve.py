#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 for the demo and the browser tests.

Static files only, with the MIME types the widget needs (.wasm as
application/wasm so WebAssembly.compileStreaming works) and no caching
surprises. Usage: serve.py DIR [--port N] [--quiet]
"""
import argparse
import errno
import functools
import http.server
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".ttf": "font/ttf",
    }

    def end_headers(self):
        # Revalidate every time: a rebuilt module is never served stale.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def handle(self):
        # A browser that drops a request it no longer needs is not an error.
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, fmt, *args):
        if not self.server.quiet:
            super().log_message(fmt, *args)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--quiet", action="store_true")
    args = ap.parse_args()
    handler = functools.partial(Handler, directory=args.root)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    except OSError as e:
        if e.errno == errno.EADDRINUSE:
            print(f"error: port {args.port} on 127.0.0.1 is already in use.\n"
                  f"       pick another one, e.g.: make demo PORT={args.port + 1}", file=sys.stderr)
            return 2
        raise
    server.quiet = args.quiet
    port = server.server_address[1]
    print(f"Newsreader demo: http://127.0.0.1:{port}/  (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
