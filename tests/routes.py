"""A local HTTP server whose every path is a small function: for hostile and failing portals.

    server, url = serve({"/": page("<a href='/a.html'>a</a>"), "/a.html": status(500)})

Each route gets the request count of its path (1 for the first request) and
returns ``(status, headers, body)``. Requests are logged in ``server.log``.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[int], tuple[int, dict[str, str], bytes]]


def page(html: str | bytes, content_type: str = "text/html; charset=utf-8") -> Route:
    body = html.encode() if isinstance(html, str) else html
    return lambda n: (200, {"Content-Type": content_type}, body)


def status(code: int, body: bytes = b"error") -> Route:
    return lambda n: (code, {"Content-Type": "text/html"}, body)


def redirect(target: str, code: int = 301) -> Route:
    return lambda n: (code, {"Location": target}, b"")


class RouteServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes, self.log, self.counts = routes, [], Counter()
        self.times: list[tuple[float, str]] = []  # (monotonic time the request came, path)
        super().__init__(("127.0.0.1", 0), _Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/"


class _Handler(BaseHTTPRequestHandler):
    server: RouteServer

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        path = self.path.split("?", 1)[0]
        self.server.log.append(self.path)
        self.server.times.append((time.monotonic(), self.path))
        self.server.counts[path] += 1
        route = self.server.routes.get(path) or self.server.routes.get(self.path)
        code, headers, body = route(self.server.counts[path]) if route else (404, {}, b"not found")
        self.send_response(code)
        for name, value in {"Content-Length": str(len(body)), **headers}.items():
            self.send_header(name, value)
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:
            pass  # the crawler gave up on a large body

    def log_message(self, format, *args) -> None:
        pass


def serve(routes: dict[str, Route]) -> RouteServer:
    server = RouteServer(routes)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
