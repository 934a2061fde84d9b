"""A real crawl of a portal that prints an article's day only in its lists: the day the listing
shows beside the link is the article's, and a day the page shows itself always wins."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import FAST_SETTINGS, run_cli
from routes import page, serve

pytestmark = pytest.mark.crawl  # a real crawl against a local server

TOPICS = ["hội nghị tổng kết công tác cải cách hành chính", "ra quân chiến dịch thanh niên tình nguyện",
          "tập huấn chuyển đổi số cho cán bộ cấp xã", "kiểm tra tiến độ xây dựng nông thôn mới"]


def _article(n: int, shown: str = "") -> str:
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện tổ chức {TOPICS[n]} với sự tham dự của lãnh đạo các "
                   "phòng, ban, ngành và Ủy ban nhân dân các xã, thị trấn.</p>" for i in range(4))
    title = f"Huyện Tân Hưng {TOPICS[n]}"
    return (f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{shown}"
            f"<div class='content'>{body}</div></body></html>")


def _crawl(tmp_path, listed: list[str], pages: dict[str, str]) -> dict[str, str | None]:
    rows = "".join(f"<li><a href='/tin/{n}.html'>Huyện Tân Hưng {TOPICS[n]}</a> ({day})</li>"
                   for n, day in enumerate(listed))
    home = f"<html><head><title>Tin tức</title></head><body><ul class='news'>{rows}</ul></body></html>"
    server = serve({"/robots.txt": page("User-agent: *\nAllow: /\n", "text/plain"), "/": page(home),
                    **{path: page(html) for path, html in pages.items()}})
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS)
    server.shutdown()
    assert result.returncode == 0, result.stderr
    found = sqlite3.connect(db).execute("SELECT url, published_at, published_from FROM articles").fetchall()
    return {url.rsplit("/", 1)[-1]: (day, rule) for url, day, rule in found}


def test_a_page_that_shows_no_day_gets_the_one_its_listing_shows(tmp_path):
    listed = ["05/03/2024", "06/03/2024", "3/25/2024 2:30:00 PM", "3/12/2024 8:30:00 AM"]
    got = _crawl(tmp_path, listed, {f"/tin/{n}.html": _article(n) for n in range(4)})
    assert got == {"0.html": ("2024-03-05", "listing"), "1.html": ("2024-03-06", "listing"),
                   # an en-US listing: one of its days reads only month first, so the other does too
                   "2.html": ("2024-03-25T14:30:00+07:00", "listing"),
                   "3.html": ("2024-03-12T08:30:00+07:00", "listing, month first")}


def test_a_day_the_page_shows_itself_wins_over_its_listings(tmp_path):
    pages = {"/tin/0.html": _article(0, "<div class='date'>04/03/2024</div>"), "/tin/1.html": _article(1)}
    got = _crawl(tmp_path, ["05/03/2024", "06/03/2024"], pages)
    assert got == {"0.html": ("2024-03-04", "date line"), "1.html": ("2024-03-06", "listing")}
