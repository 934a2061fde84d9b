"""A section page that shows its newest item in full above its list is a listing, not an article:
its pager links its own next page."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import FAST_SETTINGS, run_cli
from lxml import html as lxml_html
from routes import page, serve

from spiders.pager import pages_itself

TOPICS = ["hội nghị tổng kết công tác cải cách hành chính", "ra quân chiến dịch thanh niên tình nguyện",
          "tập huấn chuyển đổi số cho cán bộ cấp xã", "kiểm tra tiến độ xây dựng nông thôn mới",
          "phòng chống dịch sốt xuất huyết trên địa bàn", "khai giảng lớp bồi dưỡng kiến thức quốc phòng"]


def _body(topic: str) -> str:
    return "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện tổ chức {topic} với sự tham dự của lãnh đạo các "
                   "phòng, ban, ngành và Ủy ban nhân dân các xã, thị trấn.</p>" for i in range(4))


def _item(n: int) -> str:
    return (f"<h1>Huyện Tân Hưng {TOPICS[n]}</h1><div class='date'>{n + 3:02d}/03/2024</div>"
            f"<div class='content'>{_body(TOPICS[n])}</div>")


def _section(first: int, last: int, pager: str) -> str:
    """The section's newest item in full, then the list of the others, then the pager."""
    items = "".join(f"<li><a href='/tin/{n}.html'>Huyện Tân Hưng {TOPICS[n]}</a> ({n + 3:02d}/03/2024)</li>"
                    for n in range(first, last))
    return (f"<html><head><title>Tin tức</title></head><body><div class='portlet'>{_item(first)}"
            f"<ul class='others'>{items}</ul><div class='pager'>{pager}</div></div></body></html>")


PAGER = "<a href='/tin-tuc'>1</a> <a href='/tin-tuc/trang-2'>2</a> <a href='/tin-tuc/trang-2'>»</a>"


@pytest.mark.parametrize("url,expected", [
    ("http://x.gov.vn/tin-tuc", True),  # the section's first page links its next
    ("http://x.gov.vn/tin/3.html", False),  # an article's pager-less links
])
def test_a_page_whose_pager_links_its_own_next_page_is_a_listing(url, expected):
    article = f"<html><body>{_item(3)}<a href='/tin-tuc'>Tin tức</a></body></html>"
    page_html = _section(0, 3, PAGER) if expected else article
    assert pages_itself(url, lxml_html.fromstring(page_html), url) is expected


def _crawl(tmp_path, home: str, routes: dict, articles: int):
    """A crawl of a local portal: its home page, ``routes`` and ``articles`` article pages."""
    server = serve({"/robots.txt": page("User-agent: *\nAllow: /\n", "text/plain"), "/": page(home), **routes,
                    **{f"/tin/{n}.html": page(f"<html><head><title>Huyện Tân Hưng {TOPICS[n]}</title></head>"
                                              f"<body>{_item(n)}</body></html>") for n in range(articles)}})
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS)
    server.shutdown()
    assert result.returncode == 0, result.stderr
    return server, db, result


@pytest.mark.crawl
def test_a_section_page_showing_its_newest_item_is_not_stored_as_an_article(tmp_path):
    server, db, _ = _crawl(tmp_path, "<html><body><a href='/tin-tuc'>Tin tức</a></body></html>",
                           {"/tin-tuc": page(_section(0, 3, PAGER)),
                            "/tin-tuc/trang-2": page(_section(3, 6, PAGER))}, 6)
    urls = [u for (u,) in sqlite3.connect(db).execute("SELECT url FROM articles")]
    assert sorted(urls) == sorted(f"{server.url}tin/{n}.html" for n in range(6))
    kinds = dict(sqlite3.connect(db).execute("SELECT url, kind FROM pages WHERE url LIKE '%tin-tuc%'"))
    assert kinds.get(f"{server.url}tin-tuc") == "listing"


def test_a_pager_link_that_is_no_address_is_passed_over():
    root = lxml_html.fromstring("<html><body><a href='http://[::1/tin-tuc?page=2'>2</a></body></html>")
    assert pages_itself("http://x.gov.vn/tin-tuc", root, "http://x.gov.vn/tin-tuc") is False


@pytest.mark.crawl
def test_a_link_that_is_no_address_does_not_cost_the_pages_other_links(tmp_path):
    """A link, a feed and a script's endpoint whose address is "http://[::1/..." (urljoin and
    urlsplit raise on it) are passed over; the page's other links are followed."""
    links = "<a href='http://[::1/x.html'>hỏng</a> " + " ".join(
        f"<a href='/tin/{n}.html'>Tin {n}</a>" for n in range(3))
    home = ("<html><head><link rel='alternate' type='application/rss+xml' href='http://[::1/rss'>"
            f"</head><body>{links}<div data-url='http://[::1/api?page=2'></div></body></html>")
    _, db, result = _crawl(tmp_path, home, {}, 3)
    assert sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert "Traceback" not in result.stderr
