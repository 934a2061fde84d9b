"""A portal's root that only sends the browser on by script (``location.href = "/portal/"``) is
followed there without a browser, and recorded as a redirect."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import FAST_SETTINGS, run_cli
from routes import page, serve

TOPICS = ["hội nghị tổng kết công tác cải cách hành chính năm 2024",
          "ra quân chiến dịch thanh niên tình nguyện hè trên địa bàn",
          "tập huấn chuyển đổi số cho cán bộ, công chức cấp xã"]


def _article(n: int) -> str:
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện tổ chức {TOPICS[n]} với sự tham dự của lãnh đạo "
                   "các phòng, ban, ngành và Ủy ban nhân dân các xã, thị trấn.</p>" for i in range(4))
    return (f"<html><head><title>{TOPICS[n]}</title></head><body><h1>Huyện Tân Hưng {TOPICS[n]}</h1>"
            f"<div class='date'>{n + 3:02d}/03/2024</div><div class='content'>{body}</div></body></html>")


@pytest.mark.crawl
def test_a_root_that_redirects_by_script_is_followed_without_a_browser(tmp_path):
    root = "<html><head><script>location.href = '/portal/home.html';</script></head><body></body></html>"
    links = "".join(f"<a href='/portal/tin/{n}.html'>Tin {n}</a>" for n in range(3))
    server = serve({"/robots.txt": page("User-agent: *\nAllow: /\n", "text/plain"), "/": page(root),
                    "/portal/home.html": page(f"<html><body>{links}</body></html>"),
                    **{f"/portal/tin/{n}.html": page(_article(n)) for n in range(3)}})
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS,
                     "-s", "GOVARCHIVE_BROWSER=off")
    server.shutdown()
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        urls = {u for (u,) in conn.execute("SELECT url FROM articles")}
        redirects = conn.execute("SELECT url, target FROM findings WHERE kind = 'redirect'").fetchall()
    assert urls == {f"{server.url}portal/tin/{n}.html" for n in range(3)}
    assert redirects == [(server.url, f"{server.url}portal/home.html")]
