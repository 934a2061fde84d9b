"""Crawl runs with their own settings: limits, interruption, failures, re-crawls, scrapy crawl."""

from __future__ import annotations

import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time

import pytest
from conftest import BIN, FAST_SETTINGS, ROOT, run_cli, stored_articles
from routes import page, serve

from crawler.demo.content import ARTICLES

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them


def crawls(db) -> list[dict]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    return [dict(r) for r in conn.execute("SELECT * FROM crawls ORDER BY started_at")]


def article_count(db) -> int:
    return sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]


def test_max_pages_stops_the_crawl(demo_portal, tmp_path):
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", demo_portal.district, "--db", str(db), "--max-pages", "8",
                     *FAST_SETTINGS)
    assert result.returncode == 3, result.stderr  # finished at a limit: more remains to fetch
    row = crawls(db)[0]
    assert row["status"] == "finished (page limit)"
    assert row["pages_fetched"] <= 8 + 1  # robots.txt is not counted


def test_recrawl_stores_nothing_twice(demo_portal, tmp_path):
    db = tmp_path / "a.db"
    for _ in range(2):
        result = run_cli("crawl", "--url", demo_portal.district, "--db", str(db), *FAST_SETTINGS)
        assert result.returncode == 0, result.stderr
    first, second = crawls(db)
    assert first["articles_new"] == sum(a.portal == "district" for a in ARTICLES)
    assert second["articles_new"] == 0 and second["articles_updated"] == 0
    assert article_count(db) == first["articles_new"]


def test_recrawl_fetches_only_listings_feeds_and_sitemaps(demo_portal, tmp_path):
    import json

    db = tmp_path / "a.db"
    for _ in range(2):
        result = run_cli("crawl", "--url", demo_portal.district, "--db", str(db), *FAST_SETTINGS)
        assert result.returncode == 0
    first, second = crawls(db)
    stats = json.loads(second["stats"])
    assert second["pages_fetched"] < first["pages_fetched"] / 3
    assert stats["govarchive/incremental/known_article"] >= first["articles_new"]
    assert stats["govarchive/incremental/known_dead_end"] > 0  # contact, calendar, videos
    assert stats["govarchive/incremental/paging_stopped"] > 0
    assert "govarchive/articles_extracted" not in stats


def test_recrawl_with_refresh_fetches_articles_again(demo_portal, tmp_path):
    db = tmp_path / "a.db"
    for extra in ((), ("--refresh",)):
        result = run_cli("crawl", "--url", demo_portal.district, "--db", str(db), *FAST_SETTINGS, *extra)
        assert result.returncode == 0
    first, second = crawls(db)
    assert second["duplicates"] >= first["articles_new"] and second["articles_new"] == 0


def test_unreachable_portal_fails_in_one_line_not_a_traceback(tmp_path):
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", "http://127.0.0.1:9/", "--db", str(db), *FAST_SETTINGS,
                     "-s", "RETRY_TIMES=1")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "failed: no portal answered (DownloadConnectionRefusedError" in result.stderr.splitlines()[-1]


def test_a_tls_failure_is_said_plainly(tmp_path):
    server = serve({"/": page("<html><body>Trang chủ</body></html>")})  # plain HTTP
    db = tmp_path / "a.db"
    result = run_cli("crawl", "--url", server.url.replace("http://", "https://"), "--db", str(db),
                     *FAST_SETTINGS, "-s", "RETRY_TIMES=0")
    server.shutdown()
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].endswith("the portal answers plain HTTP at its https:// address")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT reason FROM pages").fetchall() == [
            ("TLS handshake failed: the portal answers plain HTTP at its https:// address",)]
    row = crawls(db)[0]
    assert row["status"] == "failed" and row["errors"] >= 1 and row["articles_new"] == 0


def test_ctrl_c_stops_cleanly_with_everything_committed(demo_portal, tmp_path):
    db = tmp_path / "a.db"
    proc = subprocess.Popen(
        [str(BIN / "govarchive"), "crawl", "--url", demo_portal.province, "--url", demo_portal.district,
         "--db", str(db), "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0.3",
         "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if stored_articles(db) >= 2:
            break
        time.sleep(0.2)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    row = crawls(db)[0]
    assert row["status"] == "interrupted"
    assert 2 <= row["articles_new"] < len(ARTICLES)
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles WHERE title = '' OR text = ''").fetchone()[0] == 0
    assert article_count(db) == row["articles_new"]


def test_scrapy_crawl_uses_the_project_settings(demo_portal, tmp_path):
    db = tmp_path / "a.db"
    env = {**os.environ, "GOVARCHIVE_DB": str(db)}
    result = subprocess.run(
        [str(BIN / "scrapy"), "crawl", "portal", "-a", f"url={demo_portal.district}",
         "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", "LOG_LEVEL=WARNING"],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert article_count(db) == sum(a.portal == "district" for a in ARTICLES)
    assert crawls(db)[0]["status"] == "finished"


def test_scrapy_list_shows_the_portal_spider():
    result = subprocess.run([str(BIN / "scrapy"), "list"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0 and "portal" in result.stdout.split()


def test_demo_command_runs_offline(tmp_path):
    result = run_cli("demo", "--db", str(tmp_path / "demo.db"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert f"({len(ARTICLES)} articles)" in result.stdout
    assert "Dân vận khéo" in result.stdout


def test_spider_without_url_is_a_clear_error(tmp_path):
    result = subprocess.run([str(BIN / "scrapy"), "crawl", "portal"], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "GOVARCHIVE_DB": str(tmp_path / "a.db")})
    assert "give at least one start URL" in result.stderr


def test_python_is_the_venv():
    assert BIN == ROOT / ".venv" / "bin" or (BIN / "govarchive").exists(), sys.executable


def test_the_project_settings_have_no_telnet_console():
    from crawler.runtime.runner import project_settings

    assert project_settings().getbool("TELNETCONSOLE_ENABLED") is False


def _slow_portal(seconds: float):
    from routes import page, serve

    def slow(n):
        time.sleep(seconds)
        return 200, {"Content-Type": "text/html"}, b"<html><body>slow</body></html>"

    links = " ".join(f"<a href='/tin/{n}.html'>{n}</a>" for n in range(40))
    return serve({"/": page(f"<html><body>{links}</body></html>"),
                  **{f"/tin/{n}.html": slow for n in range(40)}})


def _crawl_then_interrupt(tmp_path, server, times: int) -> tuple[subprocess.Popen, str, float]:
    db = tmp_path / "a.db"
    proc = subprocess.Popen([str(BIN / "govarchive"), "crawl", "--url", server.url, "--db", str(db),
                             "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0.2",
                             "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any(p.startswith("/tin/") for p in server.log):
        time.sleep(0.1)
    for _ in range(times):
        time.sleep(0.5)
        proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    fetched = sum(p.startswith("/tin/") for p in server.log)
    return proc, err, fetched


def test_ctrl_c_says_so_and_fetches_nothing_queued(tmp_path):
    """The first Ctrl-C: a line at once, the page on the wire finished, nothing queued fetched
    (the 39 other pages stay pending in the frontier), recorded interrupted, exit 130."""
    server = _slow_portal(5.0)  # the first page is still on the wire when Ctrl-C comes
    proc, err, fetched = _crawl_then_interrupt(tmp_path, server, 1)
    server.shutdown()
    assert proc.returncode == 130, err
    assert "stopping" in err and "Traceback" not in err
    assert fetched == 1  # the page on the wire only
    assert crawls(tmp_path / "a.db")[0]["status"] == "interrupted"
    pending = sqlite3.connect(tmp_path / "a.db").execute(
        "SELECT count(*) FROM frontier WHERE done = 0").fetchone()[0]
    assert pending >= 35



def test_ctrl_c_while_a_dead_portals_robots_txt_waits_its_retry_says_no_error(tmp_path):
    """The robots.txt of a portal that refuses connections waits in its host's queue for its
    retry; dropped there by Ctrl-C, it is no download error (Scrapy's robots.txt middleware
    logged one, with a traceback, for each such portal)."""
    with socket.socket() as sock:  # a port nothing listens on: connections refused
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([str(BIN / "govarchive"), "crawl", "--url", f"http://127.0.0.1:{port}/",
                             "--db", str(tmp_path / "a.db"), "-s", "AUTOTHROTTLE_ENABLED=False",
                             "-s", "DOWNLOAD_DELAY=30"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not _recorded_crawl(tmp_path / "a.db"):
        time.sleep(0.2)
    time.sleep(1.0)  # the first robots.txt refused, its retry waiting the host's delay
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "ERROR" not in err and "Traceback" not in err, err


def _recorded_crawl(db) -> bool:
    try:
        return db.exists() and bool(crawls(db))
    except sqlite3.Error:  # the archive being made
        return False

def test_a_second_ctrl_c_stops_at_once_and_records_the_crawl_interrupted(tmp_path):
    server = _slow_portal(20.0)  # the page on the wire would hold the first Ctrl-C for 20 s
    proc, err, _ = _crawl_then_interrupt(tmp_path, server, 2)
    server.shutdown()
    assert proc.returncode != 0, err
    assert "Traceback" not in err
    assert crawls(tmp_path / "a.db")[0]["status"] == "interrupted"
