#!/usr/bin/env python3
"""A GOPROXY upstream on loopback that serves a directory tree with a fixed delay per response.

Stands in for a distant proxy: every answer (found or 404) waits DELAY_MS first, so round trips,
not bandwidth, dominate, as they do for module graphs fetched over a WAN. Counts requests and
prints the count to stderr on SIGTERM.

Usage: slow_upstream.py DIR PORT DELAY_MS
"""
import http.server
import os
import signal
import sys
import threading
import time

ROOT, PORT, DELAY = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) / 1000.0
requests = 0
lock = threading.Lock()


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        global requests
        with lock:
            requests += 1
        time.sleep(DELAY)
        path = os.path.normpath(os.path.join(ROOT, self.path.split("?", 1)[0].lstrip("/")))
        if not path.startswith(os.path.abspath(ROOT)) or not os.path.isfile(path):
            body = b"not found\n"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
        else:
            with open(path, "rb") as f:
                body = f.read()
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", PORT), Handler)
server.daemon_threads = True


def stop(*_):
    print(f"requests {requests}", file=sys.stderr, flush=True)
    threading.Thread(target=server.shutdown).start()


signal.signal(signal.SIGTERM, stop)
server.serve_forever()
