"""Serve the two demo portals on 127.0.0.1, each on a free port.

Run as ``python -m crawler.demo.server [--log FILE]``: it prints one line per
portal, ``NAME URL``, then ``ready``, and serves until killed. ``--log`` appends
``PORTAL<TAB>PATH`` for every request, so tests can check what was fetched.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from crawler.demo import district, province
from crawler.demo.common import Page

PORTALS: dict[str, Callable[[], dict[str, Page]]] = {
    "province": province.build,
    "district": district.build,
}
NOT_FOUND = Page(
    b"<html><body><h1>404</h1><p>Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang</p></body></html>",
    status=404,
)


def _key(path: str) -> str:
    """Path with its query parameters in a fixed order: servers ignore their order."""
    parts = urlsplit(path)
    query = "&".join(sorted(parts.query.split("&"))) if parts.query else ""
    return f"{parts.path}?{query}" if query else parts.path


def _handler(name: str, pages: dict[str, Page], log: Callable[[str], None]) -> type:
    class Handler(BaseHTTPRequestHandler):
        server_version = "DemoPortal/1.0"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            log(f"{name}\t{self.path}")
            path = urlsplit(self.path).path
            page = pages.get(_key(self.path)) or pages.get(path) or NOT_FOUND
            self.send_response(page.status)
            self.send_header("Content-Type", page.content_type)
            self.send_header("Content-Length", str(len(page.body)))
            if page.location:
                self.send_header("Location", page.location)
            for header, value in page.headers:
                self.send_header(header, value)
            self.end_headers()
            self.wfile.write(page.body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # quiet: the request log above is the record

    return Handler


@contextmanager
def serve(log_path: str | None = None) -> Iterator[dict[str, str]]:
    """Start both portals in threads; yield ``{name: base_url}``."""
    lock = threading.Lock()
    log_file = open(log_path, "a", encoding="utf-8") if log_path else None  # noqa: SIM115

    def log(line: str) -> None:
        if log_file:
            with lock:
                log_file.write(line + "\n")
                log_file.flush()

    servers, urls = [], {}
    try:
        for name, build in PORTALS.items():
            pages = build()
            server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(name, {}, log))
            base = f"http://127.0.0.1:{server.server_address[1]}"
            resolved = {_key(p): Page(pg.body.replace(b"{base}", base.encode()), pg.content_type,
                                      pg.status, pg.location, pg.headers) for p, pg in pages.items()}
            server.RequestHandlerClass = _handler(name, resolved, log)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            servers.append(server)
            urls[name] = base + "/"
        yield urls
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
        if log_file:
            log_file.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", help="append every request to this file")
    args = parser.parse_args(argv)
    with serve(args.log) as urls:
        for name, url in urls.items():
            print(name, url, flush=True)
        print("ready", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
    sys.exit(0)


if __name__ == "__main__":
    main()
