#!/usr/bin/env python3
"""Serves a folder on 127.0.0.1 for the demo and the browser tests.

Static files only, with the MIME types the widget needs (.wasm as
application/wasm so WebAssembly.compileStreaming works) and no caching
surprises. Every response carries CORS headers, as a CDN hosting the widget
must (docs/embedding.md): a partner page on another origin loads the
loader, module, wasm, fonts and feeds from here. A file with a
precompressed neighbour (FILE.br, FILE.gz: make dist writes them) is sent
compressed to a client that accepts that encoding. Files carry validators
(ETag from size and modification time, Last-Modified) and a conditional
request for an unchanged file gets 304 Not Modified, as a feed's host
answers the widget's revalidation (docs/offline.md). With --test-routes
(browser tests only) it also serves the
misbehaving responses the network tests need, under /__test/ (see
TEST_ROUTES), a page's Content-Security-Policy from its ?csp= query, and
the fault cases of tests/browser/faults.test.mjs under /__test/fault/<case>
(see FAULTS; docs/offline.md "Faults"), and feeds that gain stories under
/__test/grow/<name>/ (see grow_feed). Nothing under /__test/ sends CORS
headers unless asked (?cors=1), so the same path read from the server's
other loopback name (localhost vs 127.0.0.1) is a cross-origin request the
browser refuses.
Usage: serve.py DIR [--port N] [--quiet] [--test-routes]
"""
import argparse
import errno
import functools
import http.server
import os
import json
import struct
import sys
import time
import urllib.parse
import zlib

MB = 1 << 20
HANG_SECONDS = 20  # long past any test's timeout; bounded so threads end
DRIP_BYTES_PER_SECOND = 1024


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".ttf": "font/ttf",
    }

    etag = None  # the file's validator, sent with its response (send_head)

    def end_headers(self):
        # Revalidate every time: a rebuilt module is never served stale.
        self.send_header("Cache-Control", "no-cache")
        if self.etag:
            self.send_header("ETag", self.etag)
        # The fault routes decide their own CORS (?cors=1): a missing header
        # is one of the faults.
        if not urllib.parse.urlsplit(self.path).path.startswith("/__test/"):
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Expose-Headers", "ETag, Last-Modified, Date, Retry-After")
        if self.server.test_routes:
            csp = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query).get("csp")
            if csp:
                self.send_header("Content-Security-Policy", csp[0])
        super().end_headers()

    def do_OPTIONS(self):
        """A CORS preflight: the widget's revalidation sends If-None-Match and
        If-Modified-Since, which are not safelisted request headers."""
        self.etag = None
        self.send_response(204)
        self.send_header("Access-Control-Allow-Methods", "GET")
        self.send_header("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since")
        self.send_header("Access-Control-Max-Age", "600")
        self.end_headers()

    def do_GET(self):
        self.etag = None
        url = urllib.parse.urlsplit(self.path)
        query = {k: v[0] for k, v in urllib.parse.parse_qs(url.query).items()}
        fault = url.path.removeprefix("/__test/fault/").split("/")[0] if url.path.startswith("/__test/fault/") else None
        if self.server.test_routes and fault is not None and fault in FAULTS:
            self.query = query
            FAULTS[fault](self, query)
            self.close_connection = True
            return None
        if self.server.test_routes and url.path.startswith("/__test/grow/"):
            self.grow_feed(url.path.removeprefix("/__test/grow/"), query)
            self.close_connection = True
            return None
        route = TEST_ROUTES.get(url.path) if self.server.test_routes else None
        if route is None:
            return super().do_GET()
        route(self, int(query.get("bytes", MB)))
        self.close_connection = True
        return None

    def send_head(self):
        path = self.translate_path(urllib.parse.urlsplit(self.path).path)
        if os.path.isfile(path):
            stat = os.stat(path)
            self.etag = f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"'
            if self.etag in self.headers.get("If-None-Match", ""):
                return self._not_modified(self.date_time_string(int(stat.st_mtime)))
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

    def _not_modified(self, last_modified=None):
        self.send_response(304)
        if last_modified:
            self.send_header("Last-Modified", last_modified)
        self.end_headers()
        return None

    def grow_feed(self, rest, q):
        """/__test/grow/<name>/feed.json: a feed of ?items= (default 12)
        stories plus those added so far, the newest on top, with an ETag of
        its count (304 while unchanged); /__test/grow/<name>/add?n=N adds N
        stories to <name> and answers their count."""
        name, _, action = rest.partition("/")
        grown = self.server.grown
        if action == "add":
            grown[name] = grown.get(name, 0) + int(q.get("n", "1"))
            self.query = {"cors": "1"}
            self._send(200, json.dumps({"added": grown[name]}).encode(), "application/json")
            return
        added, base = grown.get(name, 0), int(q.get("items", "12"))
        self.etag = f'"{name}-{added}"'
        if self.etag in self.headers.get("If-None-Match", ""):
            self._not_modified()
            return
        items = [{"id": f"new-{i}", "title": f"New story {i + 1}, added while the reader was away",
                  "content_text": "A paragraph of text. " * 8, "date_published": "2026-11-25T10:00:00Z"}
                 for i in reversed(range(added))]
        items += json.loads(feed_bytes({"items": str(base), "id": name}))["items"]
        body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Growing", "items": items}).encode()
        self.query = q
        self._send(200, body, headers=[("Access-Control-Expose-Headers", "ETag")])

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

    # Fault cases: each takes the handler and the query. Every one ends
    # within HANG_SECONDS; the path after the case name is free, so a test
    # can give each request its own URL (/__test/fault/404/hero.png).

    def _send(self, status, body, content_type="application/feed+json", headers=(), length=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Connection", "close")
        if self.query.get("cors"):
            self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()

    def fault_feed(self, q):
        """A small JSON Feed: ?items=N stories (ids from ?id=, default "s"),
        each with the picture ?image= if given, and ?next= as next_url."""
        self._send(200, feed_bytes(q))

    def fault_html(self, q):
        """A 200 web page where the feed should be (a login or error page)."""
        self._send(200, b"<!doctype html><html><title>Oops</title><body><h1>Something went wrong</h1></body></html>",
                   "text/html; charset=utf-8")

    def fault_truncated(self, q):
        """A complete HTTP response whose JSON stops half way."""
        body = feed_bytes(q)
        self._send(200, body[: len(body) // 2])

    def fault_drip(self, q):
        """A whole feed sent at DRIP_BYTES_PER_SECOND (stopped at HANG_SECONDS)."""
        body = feed_bytes({**q, "items": q.get("items", "8")})
        self._send(200, b"", length=len(body))
        started = time.monotonic()
        for at in range(0, len(body), 256):
            if time.monotonic() - started > HANG_SECONDS:
                return
            time.sleep(256 / DRIP_BYTES_PER_SECOND)
            self.wfile.write(body[at:at + 256])
            self.wfile.flush()

    def fault_parts(self, q):
        """A whole feed (?items=, default 200) sent in ?parts= (default 8)
        writes 50 ms apart, so the browser hands its body over in pieces."""
        body = feed_bytes({**q, "items": q.get("items", "200")})
        parts = max(1, int(q.get("parts", "8")))
        self._send(200, b"", length=len(body))
        step = -(-len(body) // parts)
        for at in range(0, len(body), step):
            self.wfile.write(body[at:at + step])
            self.wfile.flush()
            time.sleep(0.05)

    def fault_huge(self, q):
        """?bytes= (default 50 MB) of JSON white space, no Content-Length."""
        self.send_response(200)
        self.send_header("Content-Type", q.get("type", "application/feed+json"))
        self.send_header("Connection", "close")
        self.end_headers()
        size, sent, chunk = int(q.get("bytes", 50 * MB)), 0, b" " * MB
        while sent < size:
            n = min(len(chunk), size - sent)
            self.wfile.write(chunk[:n])
            sent += n

    def fault_type(self, q):
        """?body=feed (default) or png, served as ?as= (a wrong type)."""
        body = PNG_SMALL if q.get("body") == "png" else feed_bytes(q)
        self._send(200, body, q.get("as", "text/html"))

    def fault_png(self, q):
        """A small valid PNG (a picture that loads)."""
        self._send(200, PNG_SMALL, "image/png")

    def fault_broken_image(self, q):
        """Bytes that are no image, served as image/png."""
        self._send(200, b"\x89PNG\r\n\x1a\nthis is not really a picture", "image/png")

    def fault_hang(self, q):
        self.hang(0)

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
def png(width, height):
    """A grey 8-bit PNG of width x height."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    rows = b"".join(b"\0" + b"\x80" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


PNG_SMALL = png(64, 48)


def status_fault(code):
    """An HTTP error with a small JSON body; ?after= sends Retry-After."""
    def send(handler, q):
        headers = [("Retry-After", q["after"])] if "after" in q else []
        handler._send(code, json.dumps({"error": f"status {code}"}).encode(), "application/json", headers)
    return send


def feed_bytes(q):
    items = []
    for i in range(int(q.get("items", "3"))):
        item = {"id": f"{q.get('id', 's')}{i}", "title": f"Story {i} of the {q.get('id', 's')} page",
                "content_text": "A paragraph of text. " * 8, "date_published": "2026-11-25T09:40:00Z"}
        if "image" in q:
            item["image"] = q["image"]
        items.append(item)
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Faults", "items": items}
    if "next" in q:
        feed["next_url"] = q["next"]
    return json.dumps(feed).encode()


FAULTS = {
    "feed": Handler.fault_feed,
    "404": status_fault(404),
    "500": status_fault(500),
    "503": status_fault(503),
    "hang": Handler.fault_hang,
    "drip": Handler.fault_drip,
    "parts": Handler.fault_parts,
    "html": Handler.fault_html,
    "truncated": Handler.fault_truncated,
    "huge": Handler.fault_huge,
    "type": Handler.fault_type,
    "png": Handler.fault_png,
    "broken-image": Handler.fault_broken_image,
}

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
    server.grown = {}  # /__test/grow/<name>: stories added so far
    port = server.server_address[1]
    print(f"Newsreader demo: http://127.0.0.1:{port}/  (Ctrl+C to stop)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
