"""A page's ``<base href>`` is what its relative links resolve against, as in a browser: a
portal whose pages live under ``/vn/`` and declare ``<base href="/vn/">`` links
``tin/2.html`` for ``/vn/tin/2.html`` from every page, its articles included."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import FAST_SETTINGS, run_cli
from routes import page, serve

from spiders.portal import absolute

TOPICS = ["hội nghị tổng kết công tác cải cách hành chính năm 2024",
          "ra quân chiến dịch thanh niên tình nguyện hè trên địa bàn",
          "tập huấn chuyển đổi số cho cán bộ, công chức cấp xã"]


def _pdf(n: int) -> bytes:
    return f"%PDF-1.4\n1 0 obj << /N {n} >> endobj\ntrailer <<>>\n%%EOF\n".encode()


def _article(n: int) -> str:
    others = "".join(f"<li><a href='tin/{k}.html'>Tin {k}</a></li>" for k in range(len(TOPICS)) if k != n)
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện tổ chức {TOPICS[n]} với sự tham dự của lãnh đạo "
                   "các phòng, ban, ngành và Ủy ban nhân dân các xã, thị trấn.</p>" for i in range(4))
    return (f"<html><head><base href='/vn/'><title>{TOPICS[n]}</title></head><body>"
            f"<h1>Huyện Tân Hưng {TOPICS[n]}</h1><div class='date'>{n + 3:02d}/03/2024</div>"
            f"<div class='content'>{body}<p>Tệp đính kèm: <a href='files/qd-{n}.pdf'>Quyết định {n}</a></p>"
            f"</div><ul class='others'>{others}</ul></body></html>")


@pytest.mark.crawl
def test_relative_links_resolve_against_the_pages_base(tmp_path):
    home = "<html><head><base href='/vn/'></head><body><a href='tin/0.html'>Tin mới</a></body></html>"
    numbers = range(len(TOPICS))
    server = serve({"/robots.txt": page("User-agent: *\nAllow: /\n", "text/plain"), "/": page(home),
                    **{f"/vn/tin/{n}.html": page(_article(n)) for n in numbers},
                    **{f"/vn/files/qd-{n}.pdf": page(_pdf(n), "application/pdf") for n in numbers}})
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS)
    server.shutdown()
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        urls = {u for (u,) in conn.execute("SELECT url FROM articles")}
        files = {u for (u,) in conn.execute("SELECT url FROM documents")}
    assert urls == {f"{server.url}vn/tin/{n}.html" for n in range(len(TOPICS))}
    assert files == {f"{server.url}vn/files/qd-{n}.pdf" for n in range(len(TOPICS))}
    assert not [p for p in server.log if p.startswith(("/vn/tin/tin/", "/tin/", "/vn/tin/files/"))]


@pytest.mark.parametrize("href,expected", [
    ("..\\tin\\bai-1.htm", "http://x.gov.vn/tin/bai-1.htm"),  # backslashes, as a browser reads them
    ("\\tin\\bai-2.htm", "http://x.gov.vn/tin/bai-2.htm"),
    ("/tin/bai-3.htm", "http://x.gov.vn/tin/bai-3.htm"),
])
def test_the_spider_reads_a_link_as_a_browser_does(href, expected):
    assert absolute("http://x.gov.vn/a/b.htm", "http://x.gov.vn", href) == expected
