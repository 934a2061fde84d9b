"""What a click opens by script is followed as a link: a listing whose rows are ``onclick``
handlers, a document's "Xem" button that ``window.open``s the file, an image map's areas."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import FAST_SETTINGS, run_cli
from routes import page, serve

TOPICS = ["hội nghị tổng kết công tác cải cách hành chính năm 2024",
          "ra quân chiến dịch thanh niên tình nguyện hè trên địa bàn",
          "tập huấn chuyển đổi số cho cán bộ, công chức cấp xã"]
PDF = b"%PDF-1.4\n1 0 obj << /N 12 >> endobj\ntrailer <<>>\n%%EOF\n"
LISTING = ("<html><body><table class='list'>"
           "<tr onclick=\"window.location.href='/tin/0.html'\"><td>Tin 0</td><td>03/03/2024</td></tr>"
           "<tr onclick=\"location.href='/tin/1.html'\"><td>Tin 1</td><td>04/03/2024</td></tr></table>"
           "<map name='menu'><area shape='rect' coords='0,0,80,20' href='/tin/2.html' alt='Tin 2'></map>"
           "<p>Quyết định số 12/QĐ-UBND <button onclick=\"window.open('/files/qd-12.pdf')\">Xem</button></p>"
           "</body></html>")


def _article(n: int) -> str:
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân huyện tổ chức {TOPICS[n]} với sự tham dự của lãnh đạo "
                   "các phòng, ban, ngành và Ủy ban nhân dân các xã, thị trấn.</p>" for i in range(4))
    return (f"<html><head><title>{TOPICS[n]}</title></head><body><h1>Huyện Tân Hưng {TOPICS[n]}</h1>"
            f"<div class='date'>{n + 3:02d}/03/2024</div><div class='content'>{body}</div></body></html>")


@pytest.mark.crawl
def test_what_a_click_opens_is_followed(tmp_path):
    server = serve({"/robots.txt": page("User-agent: *\nAllow: /\n", "text/plain"), "/": page(LISTING),
                    "/files/qd-12.pdf": page(PDF, "application/pdf"),
                    **{f"/tin/{n}.html": page(_article(n)) for n in range(len(TOPICS))}})
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS)
    server.shutdown()
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        urls = {u for (u,) in conn.execute("SELECT url FROM articles")}
        files = [u for (u,) in conn.execute("SELECT url FROM documents")]
    assert urls == {f"{server.url}tin/{n}.html" for n in range(len(TOPICS))}
    assert files == [f"{server.url}files/qd-12.pdf"]
