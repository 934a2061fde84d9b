"""Crawls that meet failing, huge and hostile portals: real crawls against local servers."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zlib
from pathlib import Path

import pytest
from conftest import BIN, FAST_SETTINGS, run_cli
from routes import page, redirect, serve, status

from crawler.demo.content import ARTICLES

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

FIRST, SECOND = ARTICLES[0], ARTICLES[2]


def article_html(article, extra: str = "", chrome: bool = True) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in article.paragraphs)
    menu = "<ul class='menu'><li><a href='/'>Trang chủ</a></li></ul>" if chrome else ""
    return (f"<html><head><title>{article.title} - Cổng TTĐT</title></head><body>{menu}"
            f"<div class='detail'><h1>{article.title}</h1><div class='date'>{article.date_line}</div>"
            f"{paragraphs}{extra}</div></body></html>")


def home(*links: str) -> str:
    return "<html><body>" + "".join(f'<a href="{u}">{u}</a> ' for u in links) + "</body></html>"


def crawl(url: str, db: Path, *extra: str, timeout: int = 180) -> subprocess.CompletedProcess:
    result = run_cli("crawl", "--url", url, "--db", str(db), *FAST_SETTINGS, *extra, timeout=timeout)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def rows(db: Path, sql: str, params=()) -> list[tuple]:
    return list(sqlite3.connect(db).execute(sql, params))


# failures are not dead ends ---------------------------------------------------------------------
def flaky_portal(up: dict):
    """A portal whose /tin/flaky.html answers 500 until ``up["flaky"]`` is set."""
    return serve({
        "/": page(home("/tin/a.html", "/tin/flaky.html")),
        "/tin/a.html": page(article_html(FIRST)),
        "/tin/flaky.html": lambda n: ((200, {"Content-Type": "text/html"}, article_html(SECOND).encode())
                                      if up["flaky"] else (500, {}, b"down")),
    })


def test_a_page_failing_then_recovering_is_retried_after_its_backoff(tmp_path):
    up = {"flaky": False}
    server = flaky_portal(up)
    db = tmp_path / "a.db"
    assert crawl(server.url, db, "-s", "RETRY_TIMES=1").returncode == 0
    flaky = server.url + "tin/flaky.html"
    ((kind, reason, failures, next_try),) = rows(
        db, "SELECT kind, reason, failures, next_try FROM pages WHERE url = ?", [flaky])
    assert (kind, reason, failures) == ("failed", "HTTP 500 Internal Server Error", 1) and next_try

    server.log.clear()
    backoff = ("-s", "GOVARCHIVE_FAILED_BACKOFF=True")  # as scheduled runs crawl
    assert crawl(server.url, db, *backoff).returncode == 0  # within the backoff: left alone
    assert "/tin/flaky.html" not in server.log

    up["flaky"] = True
    with sqlite3.connect(db) as conn:  # the backoff has passed
        conn.execute("UPDATE pages SET next_try = '2000-01-01T00:00:00+00:00' WHERE url = ?", [flaky])
    assert crawl(server.url, db, *backoff).returncode == 0
    assert "/tin/flaky.html" in server.log
    assert rows(db, "SELECT title FROM articles WHERE url = ?", [flaky]) == [(SECOND.title,)]
    assert rows(db, "SELECT count(*) FROM pages WHERE url = ?", [flaky]) == [(0,)]
    server.shutdown()


def test_a_crawl_started_by_hand_retries_failed_pages_at_once(tmp_path):
    """The archivist starts a crawl because the portal works again: its failed pages are fetched."""
    up = {"flaky": False}
    server = flaky_portal(up)
    db = tmp_path / "a.db"
    assert crawl(server.url, db, "-s", "RETRY_TIMES=0").returncode == 0
    up["flaky"] = True
    server.log.clear()
    assert crawl(server.url, db).returncode == 0  # right after, within the backoff
    assert "/tin/flaky.html" in server.log
    assert rows(db, "SELECT title FROM articles WHERE url LIKE '%flaky.html'") == [(SECOND.title,)]
    server.shutdown()


def test_a_page_that_keeps_failing_waits_longer_each_time(tmp_path):
    server = serve({"/": page(home("/tin/a.html", "/tin/down.html")),
                    "/tin/a.html": page(article_html(FIRST)), "/tin/down.html": status(503)})
    db = tmp_path / "a.db"
    waits = []
    for _ in range(3):
        crawl(server.url, db, "-s", "RETRY_TIMES=0")
        ((fetched, next_try, failures),) = rows(
            db, "SELECT last_fetched, next_try, failures FROM pages WHERE url LIKE '%down.html'")
        waits.append((failures, next_try > fetched))
        with sqlite3.connect(db) as conn:
            conn.execute("UPDATE pages SET next_try = '2000-01-01' WHERE url LIKE '%down.html'")
    assert waits == [(1, True), (2, True), (3, True)]
    server.shutdown()


def test_robots_refusals_and_missing_pages_are_dead_ends_with_their_reason(tmp_path):
    server = serve({"/robots.txt": page("User-agent: *\nDisallow: /private/\n", "text/plain"),
                    "/": page(home("/tin/a.html", "/private/x.html", "/tin/gone.html")),
                    "/tin/a.html": page(article_html(FIRST))})
    db = tmp_path / "a.db"
    crawl(server.url, db)
    found = dict(rows(db, "SELECT url, kind || ': ' || reason FROM pages WHERE kind != 'listing'"))
    assert found[server.url + "private/x.html"] == "dead_end: refused by robots.txt"
    assert found[server.url + "tin/gone.html"] == "dead_end: HTTP 404 Not Found"
    server.shutdown()


# size and time ----------------------------------------------------------------------------------
def peak_rss_mb(*command: str, timeout: int) -> tuple[subprocess.CompletedProcess, float]:
    """Run ``command`` under a small wrapper that reports its peak RSS (this process's own
    children counter covers every earlier test's children too)."""
    wrapper = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, "
               "text=True); print(r.returncode); "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); "
               "sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)")
    done = subprocess.run([sys.executable, "-c", wrapper, *command], capture_output=True, text=True,
                          timeout=timeout)
    code, rss, *out = done.stdout.split("\n", 2)
    result = subprocess.CompletedProcess(command, int(code), "".join(out), done.stderr)
    return result, int(rss) / 1024


def huge_page(megabytes: int) -> bytes:
    para = "<p>Đoạn văn về công tác dân vận chính quyền tại địa phương, nêu kết quả và nhiệm vụ.</p>"
    links = "".join(f'<a href="/tin/{i}.html">Tin số {i}</a>' for i in range(20))
    block = (para * 10 + links).encode()
    body = block * (megabytes * 1024 * 1024 // len(block) + 1)
    head = "<html><head><meta charset='utf-8'><title>Trang lớn</title></head><body><h1>Trang lớn</h1>"
    return head.encode() + body + b"</body></html>"


def test_extract_of_a_20_mb_page_is_bounded_in_time_and_memory(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(huge_page(20))
    result, rss = peak_rss_mb(str(BIN / "govarchive"), "extract", str(big), timeout=120)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["truncated"] is True and record["title"] == "Trang lớn"
    assert rss < 600, f"peak RSS {rss:.0f} MB"


def test_a_crawl_meeting_a_4_mb_page_goes_on(tmp_path):
    server = serve({"/": page(home("/big.html", "/tin/a.html")), "/big.html": page(huge_page(4)),
                    "/tin/a.html": page(article_html(FIRST))})
    db = tmp_path / "a.db"
    result, rss = peak_rss_mb(str(BIN / "govarchive"), "crawl", "--url", server.url, "--db", str(db),
                              "--max-pages", "40", *FAST_SETTINGS, timeout=150)
    assert result.returncode == 0, result.stderr
    assert rows(db, "SELECT count(*) FROM articles WHERE url LIKE '%/tin/a.html'") == [(1,)]
    (stats,) = rows(db, "SELECT stats FROM crawls")[0]
    assert json.loads(stats).get("govarchive/extract/truncated") == 1
    assert rss < 800, f"peak RSS {rss:.0f} MB"
    server.shutdown()


def gzip_bomb(gigabytes: float = 1) -> bytes:
    """About 1 MB that unpacks to ``gigabytes`` GB of a sitemap's first line and spaces."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    out = [packer.compress(b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')]
    chunk = b" " * (1 << 20)
    out += [packer.compress(chunk) for _ in range(int(gigabytes * 1024))]
    return b"".join(out) + packer.flush()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return gzip_bomb()


@pytest.mark.parametrize("served_as", ["file", "content-encoding"])
def test_a_gzip_bomb_sitemap_is_refused_in_bounded_memory(tmp_path, bomb, served_as):
    headers = ({"Content-Type": "application/x-gzip"} if served_as == "file"
               else {"Content-Type": "application/xml", "Content-Encoding": "gzip"})
    server = serve({"/robots.txt": page("Sitemap: /sitemap-news.xml\n", "text/plain"),
                    "/sitemap.xml": lambda n: (200, headers, bomb),
                    "/sitemap-news.xml": lambda n: (200, headers, bomb),
                    "/": page(home("/tin/a.html")), "/tin/a.html": page(article_html(FIRST))})
    db = tmp_path / "a.db"
    result, rss = peak_rss_mb(str(BIN / "govarchive"), "crawl", "--url", server.url, "--db", str(db),
                              *FAST_SETTINGS, timeout=150)
    assert result.returncode == 0, result.stderr
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]
    assert rss < 500, f"peak RSS {rss:.0f} MB"
    server.shutdown()


# views and old addresses ------------------------------------------------------------------------
def test_a_printer_page_under_its_own_path_is_a_sighting_not_a_second_article(tmp_path):
    printer = article_html(FIRST, extra="<p>In bài viết | Đóng cửa sổ</p>", chrome=False)
    server = serve({"/": page(home("/tin/a.html")),
                    "/tin/a.html": page(article_html(FIRST, extra='<a href="/in/a.html">In bài</a>')),
                    "/in/a.html": page(printer)})
    db = tmp_path / "a.db"
    crawl(server.url, db)
    assert "/in/a.html" in server.log
    assert rows(db, "SELECT count(*) FROM articles") == [(1,)]
    seen = {url.removeprefix(server.url) for (url,) in rows(db, "SELECT url FROM article_urls")}
    assert seen == {"tin/a.html", "in/a.html"}
    server.shutdown()


def test_an_edited_article_under_a_new_title_is_not_a_view(tmp_path):
    edited = (article_html(FIRST).replace(FIRST.title, "Bài mới: " + FIRST.title, 2)
              .replace(FIRST.paragraphs[0][:40], "Tin mới hoàn toàn: công tác dân vận"))
    server = serve({"/": page(home("/tin/a.html", "/tin/b.html")), "/tin/a.html": page(article_html(FIRST)),
                    "/tin/b.html": page(edited)})
    db = tmp_path / "a.db"
    crawl(server.url, db)
    assert rows(db, "SELECT count(*) FROM articles") == [(2,)]
    server.shutdown()


def test_redirect_sightings_carry_the_site_key(tmp_path):
    server = serve({"/": page(home("/old/a.aspx", "/tin/a.html")), "/old/a.aspx": redirect("/tin/a.html"),
                    "/tin/a.html": page(article_html(FIRST))})
    registry = tmp_path / "reg"
    registry.mkdir()
    (registry / "x.toml").write_text(
        f'province = "Sông Hậu"\n[[site]]\nkey = "songhau-test"\nname = "Test"\nlevel = "province"\n'
        f'home = ["{server.url}"]\npoliteness = {{ delay = 0, autothrottle = false }}\n', encoding="utf-8")
    db = tmp_path / "a.db"
    result = run_cli("crawl", "songhau-test", "--registry", str(registry), "--db", str(db), *FAST_SETTINGS)
    assert result.returncode == 0, result.stderr
    assert set(rows(db, "SELECT url, site FROM article_urls")) == {
        (server.url + "tin/a.html", "songhau-test"), (server.url + "old/a.aspx", "songhau-test")}
    server.shutdown()


# short posts through a whole crawl --------------------------------------------------------------
def test_a_short_notice_with_attachments_is_archived_with_them(tmp_path):
    notice = ("<html><head><meta charset='utf-8'><title>Thông báo lịch tiếp công dân - Cổng TTĐT</title></head>"
              "<body><ul class='menu'>" + "".join(f"<li><a href='/c/{i}'>Mục {i}</a></li>" for i in range(8))
              + "</ul><h1>Thông báo lịch tiếp công dân</h1><div class='date'>Ngày 03/04/2024</div><div class='nd'>"
              "<p>Ủy ban nhân dân huyện thông báo lịch tiếp công dân tháng 4 năm 2024.</p>"
              "<p><a href='/files/tb-12.pdf'>Thông báo số 12/TB-UBND</a></p></div></body></html>")
    server = serve({"/": page(home("/tin/tb.html")), "/tin/tb.html": page(notice),
                    "/files/tb-12.pdf": lambda n: (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")})
    db = tmp_path / "a.db"
    assert crawl(server.url, db).returncode == 0
    ((title, text, attachments),) = rows(db, "SELECT title, text, attachments FROM articles")
    assert title == "Thông báo lịch tiếp công dân"
    assert json.loads(attachments) == [{"label": "Thông báo số 12/TB-UBND", "url": server.url + "files/tb-12.pdf"}]
    assert f"Thông báo số 12/TB-UBND ({server.url}files/tb-12.pdf)" in text
    server.shutdown()
