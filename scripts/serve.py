#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 for the demo and the browser tests.

Static files only, with the MIME types the widget needs (.wasm as
application/wasm so WebAssembly.compileStreaming works) and no caching
surprises. Every response carries CORS headers, as a CDN hosting the widget
must (docs/embedding.md): a partner page on another origin loads the
loader, module, wasm, fonts and feeds from here. A file with a
precompressed neighbour (FILE.br, FILE.gz: make dist writes them) is sent
compressed to a client that accepts that encoding. With --test-routes (browser tests only) it also serves the
misbehaving responses the network tests need, under /__test/ (see
TEST_ROUTES), and a page's Content-Security-Policy from its ?csp= query.
Usage: serve.py DIR [--port N] [--quiet] [--test-routes]
"""
import argparse
import errno
import functools
import http.server
import os
import sys
import time
import urllib.parse

MB = 1 << 20
HANG_SECONDS = 20  # long past any test's timeout; bounded so threads end


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
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Expose-Headers", "ETag, Last-Modified, Date, Retry-After")
        if self.server.test_routes:
            csp = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("csp")
            if csp:
                self.send_header("Content-Security-Policy", csp[0])
        super().end_headers()

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        route = TEST_ROUTES.get(url.path) if self.server.test_routes else None
        if route is None:
            return super().do_GET()
        query = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
        route(self, int(query.get("bytes", MB)))
        self.close_connection = True

    def send_head(self):
        path = self.translate_path(urllib.parse.urlsplit(self.path).path)
        accepted = self.headers.get("Accept-Encoding", "")
        for encoding, suffix in PRECOMPRESSED:
            if encoding in accepted and os.path.isfile(path) and os.path.isfile(path + suffix):
                return self._send_encoded(path, encoding, suffix)
        return super().send_head()

    def _send_encoded(self, path, encoding, suffix):
        f = open(path + suffix, "rb")
        size = os.fstat(f.fileno()).st_size
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(size))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(os.path.getmtime(path))))
        self.end_headers()
        return f

    # Test routes: each takes the handler and a byte count (?bytes=N).

    def hang(self, _):
        """Never answers (until HANG_SECONDS)."""
        time.sleep(HANG_SECONDS)

    def declared(self, size):
        """Declares a body of `size` bytes in Content-Length, then sends
        nothing: only a client that reads Content-Length ends quickly."""
        self._head(size)
        time.sleep(HANG_SECONDS)

    def stream(self, size):
        """`size` bytes of JSON white space, without Content-Length."""
        self._head(None)
        chunk = b" " * MB
        sent = 0
        while sent < size:
            n = min(len(chunk), size - sent)
            self.wfile.write(chunk[:n])
            sent += n

    def broken(self, size):
        """Declares `size` bytes, sends a few, and closes the connection."""
        self._head(size)
        self.wfile.write(b'{"version": ')
        self.wfile.flush()

    def _head(self, length):
        self.send_response(200)
        self.send_header("Content-Type", "application/feed+json")
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.flush()

    def handle(self):
        # A browser that drops a request it no longer needs is not an error.
        try:
            super().handle()
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, fmt, *args):
        if not self.server.quiet:
            super().log_message(fmt, *args)


# Preferred first: what make dist writes next to each file.
PRECOMPRESSED = [("br", ".br"), ("gzip", ".gz")]

TEST_ROUTES = {
    "/__test/hang": Handler.hang,
    "/__test/declared": Handler.declared,
    "/__test/stream": Handler.stream,
    "/__test/broken": Handler.broken,
}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--test-routes", action="store_true", help="serve /__test/ responses and ?csp= headers")
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
    server.test_routes = args.test_routes
    port = server.server_address[1]
    print(f"Newsreader demo: http://127.0.0.1:{port}/  (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
