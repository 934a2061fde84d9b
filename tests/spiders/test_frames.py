"""Pages shown in a frame are followed as links are: an old portal's frameset root, and a
listing shown in an iframe (a video's iframe on another host stays out of scope)."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import FAST_SETTINGS, run_cli
from routes import page, serve

TOPICS = ["hội nghị tổng kết công tác cải cách hành chính năm 2024",
          "ra quân chiến dịch thanh niên tình nguyện hè trên địa bàn"]
ROOTS = {
    "frameset": "<html><head><title>UBND huyện</title></head><frameset rows='120,*'><frame src='/top.htm'>"
                "<frame src='/portal/home.html' name='main'></frameset></html>",
    "iframe": "<html><head><title>UBND huyện</title></head><body><a href='/'>Trang chủ</a>"
              "<iframe src='/portal/home.html' width='100%' height='900'></iframe>"
              "<iframe src='https://www.youtube.com/embed/abc'></iframe></body></html>",
}


def _article(n: int) -> str:
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện tổ chức {TOPICS[n]} với sự tham dự của lãnh đạo "
                   "các phòng, ban, ngành và Ủy ban nhân dân các xã, thị trấn.</p>" for i in range(4))
    return (f"<html><head><title>{TOPICS[n]}</title></head><body><h1>Huyện Tân Hưng {TOPICS[n]}</h1>"
            f"<div class='date'>{n + 3:02d}/03/2024</div><div class='content'>{body}</div></body></html>")


@pytest.mark.crawl
@pytest.mark.parametrize("root", sorted(ROOTS))
def test_a_page_shown_in_a_frame_is_followed(tmp_path, root):
    links = "".join(f"<a href='/portal/tin/{n}.html'>Tin {n}</a>" for n in range(len(TOPICS)))
    server = serve({"/robots.txt": page("User-agent: *\nAllow: /\n", "text/plain"), "/": page(ROOTS[root]),
                    "/top.htm": page("<html><body><img src='/banner.jpg'></body></html>"),
                    "/portal/home.html": page(f"<html><body>{links}</body></html>"),
                    **{f"/portal/tin/{n}.html": page(_article(n)) for n in range(len(TOPICS))}})
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS,
                     "-s", "GOVARCHIVE_BROWSER=off")
    server.shutdown()
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        urls = {u for (u,) in conn.execute("SELECT url FROM articles")}
    assert urls == {f"{server.url}portal/tin/{n}.html" for n in range(len(TOPICS))}
