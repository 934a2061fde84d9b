"""A portal whose pages carry characters XML does not allow (Word's vertical tab, stray control
bytes, references to them) in their text, titles, links and scripts: every article is stored,
with no error logged."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import FAST_SETTINGS, run_cli
from routes import page, serve

ODD = ["\x0b", "\x01", "&#11;", "&#x1F;", "\x0c"]
ROBOTS = {"/robots.txt": page("User-agent: *\nAllow: /\n", "text/plain")}


def _article(n: int) -> str:
    odd = ODD[n]
    body = "".join(f"<p>Đoạn {i}: Ủy ban nhân dân xã số {n} tổ chức hội nghị{odd}tổng kết công tác năm 2024 "
                   "với sự tham dự của lãnh đạo các ban, ngành, đoàn thể.</p>" for i in range(4))
    script = f"<script>document.write('<a href=\"/tin/{n + 1}{odd}.html\">Tin{odd}sau<\\/a>');</script>"
    return (f"<html><head><title>Tin số {n}{odd}về hội nghị</title></head><body>"
            f"<ul class='menu'><li><a href='/gioi{odd}thieu'>Giới thiệu</a></li></ul>"
            f"<h1>Tin số {n}{odd}về hội nghị tổng kết</h1><div class='date'>0{n + 1}/03/2024</div>"
            f"<div class='content'>{body}</div><a href='/tin/{n + 1}.html'>Tin sau</a>{script}</body></html>")


@pytest.mark.crawl
def test_pages_with_characters_xml_does_not_allow_are_stored(tmp_path):
    routes = {f"/tin/{n}.html": page(_article(n)) for n in range(len(ODD))}
    home = "<html><body>" + "".join(f"<a href='/tin/{n}.html'>Tin {n}</a>" for n in (0, 2)) + "</body></html>"
    server = serve({**ROBOTS, "/": page(home), **routes})
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", server.url, "--db", str(db), *FAST_SETTINGS)
    server.shutdown()
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and " ERROR" not in result.stderr, result.stderr[-3000:]
    with sqlite3.connect(db) as conn:
        titles = sorted(t for (t,) in conn.execute("SELECT title FROM articles"))
    assert titles == [f"Tin số {n} về hội nghị tổng kết" for n in range(len(ODD))]
