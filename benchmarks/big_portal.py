"""A large local portal for crawl benchmarks: thousands of realistic article pages, served
faster than a crawler fetches them.

Layout of a district portal: a menu, a "Tin mới" sidebar of 60 article links and
a footer around each page, a body of ~14 paragraphs of portal prose (sentences
from ``synthetic.sentence_pool``, different per article), pages of ~80 KB like
the portals measured; listings of 20 articles a page with next-page links. Pages
are made on request from the article number, so a 10,000-article portal costs
no memory. ``serve_big(n)`` yields its base URL.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from synthetic import sentence_pool

PER_PAGE = 20
MENU = "".join(f'<li><a href="/chuyen-muc/{i}.html">Chuyên mục {i}</a></li>' for i in range(40))
FOOTER = ("<div class='ft'><p>Cơ quan chủ quản: Ủy ban nhân dân huyện Mỹ Thành</p>"
          "<p>Địa chỉ: Số 1 đường 30/4, thị trấn Mỹ Thành. Điện thoại: (0270) 3810724</p>"
          "<p>Người chịu trách nhiệm: Chánh Văn phòng HĐND và UBND huyện</p></div>")


class BigPortal:
    def __init__(self, articles: int, seed: int = 3) -> None:
        self.articles = articles
        self.pool, _ = sentence_pool(4000, seed)
        self.padding = "<!-- " + "x" * 62000 + " -->"  # scripts and styles inline, as portals ship

    def page(self, path: str) -> tuple[int, str, bytes]:
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nAllow: /\n"
        if path in ("/", "/tin/trang-1.html"):
            return 200, "text/html; charset=utf-8", self._listing(1)
        if path.startswith("/tin/trang-") and path.endswith(".html"):
            number = path[len("/tin/trang-"):-5]
            if number.isdigit() and 1 <= int(number) <= self.listing_pages:
                return 200, "text/html; charset=utf-8", self._listing(int(number))
        if path.startswith("/tin/bai-") and path.endswith(".html"):
            number = path[len("/tin/bai-"):-5]
            if number.isdigit() and 0 <= int(number) < self.articles:
                return 200, "text/html; charset=utf-8", self._article(int(number))
        return 404, "text/html", b"<html><body>404</body></html>"

    @property
    def listing_pages(self) -> int:
        return (self.articles + PER_PAGE - 1) // PER_PAGE

    def _frame(self, title: str, main: str, newest: int) -> bytes:
        sidebar = "".join(f'<li><a href="/tin/bai-{i}.html">{self._title(i)}</a></li>'
                          for i in range(max(0, newest - 60), newest))
        return (f"<html><head><title>{title} - Cổng thông tin điện tử huyện Mỹ Thành</title>{self.padding}"
                f"</head><body><ul class='mn'>{MENU}</ul><table><tr><td class='c1'>{main}</td>"
                f"<td class='c2'><div class='box'><div class='hd'>Tin mới</div><ul>{sidebar}</ul></div></td>"
                f"</tr></table>{FOOTER}</body></html>").encode()

    def _title(self, i: int) -> str:
        return self.pool[(i * 7919) % len(self.pool)][:90].rstrip(" ,.")

    def _article(self, i: int) -> bytes:
        rng = random.Random(i)
        paragraphs = "".join(f"<p>{' '.join(rng.sample(self.pool, 4))}</p>" for _ in range(14))
        day = 1 + i % 28
        main = (f"<div class='detail'><h1>{self._title(i)}</h1><div class='date'>Ngày {day:02d}/"
                f"{1 + i % 12:02d}/{2015 + i % 10} 08:{i % 60:02d}</div>{paragraphs}</div>")
        return self._frame(self._title(i), main, self.articles)

    def _listing(self, number: int) -> bytes:
        first = self.articles - number * PER_PAGE
        items = "".join(f'<div class="it"><a href="/tin/bai-{i}.html">{self._title(i)}</a></div>'
                        for i in range(max(0, first), first + PER_PAGE))
        more = f'<a href="/tin/trang-{number + 1}.html">Trang sau</a>' if number < self.listing_pages else ""
        return self._frame("Tin tức", items + more, self.articles)


@contextmanager
def serve_big(articles: int, host: str = "127.0.0.1", seed: int = 3) -> Iterator[str]:
    """Serve a portal of ``articles`` on ``host`` (any 127.x.y.z: another host name to Scrapy);
    portals of other ``seed`` have other articles."""
    portal = BigPortal(articles, seed)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802
            status, content_type, body = portal.page(self.path.split("?", 1)[0])
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer((host, 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
