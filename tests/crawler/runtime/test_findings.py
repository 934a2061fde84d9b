"""What a crawl learns besides articles is in the archive the moment it learns it: a kill loses none."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time

import pytest
from conftest import BIN, FAST_SETTINGS, ROOT
from routes import page, redirect, serve, status
from scrapy.utils.test import get_crawler

from archive.store import Archive
from crawler.runtime import signals as found
from crawler.runtime.findings import FindingsRecorder

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them


def _slow(seconds: float):
    def route(n):
        time.sleep(seconds)
        return 200, {"Content-Type": "text/html"}, b"<html><body>slow</body></html>"
    return route


def _rows(db, sql: str) -> list[tuple]:
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return conn.execute(sql).fetchall()
    except sqlite3.OperationalError:  # not made yet
        return []


def test_failures_redirects_and_document_links_survive_a_kill(tmp_path):
    slow = {f"/slow/{n}.html": _slow(30) for n in range(4)}
    server = serve({
        "/": page("<html><body><a href='/gone.html'>gone</a> <a href='/old.html'>old</a> "
                  "<a href='/files/qd-12.pdf'>Quyết định 12</a> "
                  + " ".join(f"<a href='{path}'>s</a>" for path in slow) + "</body></html>"),
        "/gone.html": status(500), "/old.html": redirect("/moved.html"), "/moved.html": status(404),
        "/files/qd-12.pdf": status(500), **slow})
    db = tmp_path / "a.db"
    proc = subprocess.Popen([str(BIN / "govarchive"), "crawl", "--url", server.url, "--db", str(db),
                             *FAST_SETTINGS, "-s", "RETRY_TIMES=0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    wanted = ("SELECT (SELECT count(*) FROM pages WHERE kind = 'failed' AND url LIKE '%gone.html') "
              "+ (SELECT count(*) FROM findings WHERE kind = 'redirect') "
              "+ (SELECT count(*) FROM findings WHERE kind = 'document_link')")
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (_rows(db, wanted) or [(0,)])[0][0] < 3:
            assert proc.poll() is None, "the crawl ended before the slow pages answered"
            time.sleep(0.2)
        alive = proc.poll() is None
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        server.shutdown()
    assert alive  # all three were written while the crawl was still running
    assert _rows(db, "SELECT reason FROM pages WHERE url LIKE '%gone.html'") == [
        ("HTTP 500 Internal Server Error",)]
    assert _rows(db, "SELECT url, target FROM findings WHERE kind = 'redirect'") == [
        (server.url + "old.html", server.url + "moved.html")]
    assert _rows(db, "SELECT url, target, text FROM findings WHERE kind = 'document_link'") == [
        (server.url + "files/qd-12.pdf", server.url, "Quyết định 12")]


def test_a_redirect_becomes_a_sighting_once_its_article_is_archived(tmp_path):
    """The recorder alone (get_crawler, a temporary archive): the finding waits, then resolves."""
    crawler = get_crawler(settings_dict={"GOVARCHIVE_DB": str(tmp_path / "a.db")})

    class Spider:
        crawl_id = "c1"

        @staticmethod
        def site_of(url):
            return "portal"

    recorder = FindingsRecorder.from_crawler(crawler)
    recorder.spider_opened(Spider)
    crawler.signals.send_catch_log(found.redirect_found, spider=Spider, old="http://p/old",
                                   target="http://p/new", seen_at="2026-01-01T00:00:00+00:00")
    recorder.spider_closed(Spider)
    archive = Archive(tmp_path / "a.db")
    archive.insert_article({"url": "http://p/new", "site": "portal", "title": "T", "text": "x",
                            "content_hash": "h", "fetched_at": "2026-01-01", "crawl_id": "c1"})
    assert archive.resolve_findings() == 1
    sightings = archive.db.execute("SELECT url FROM article_urls ORDER BY url").fetchall()
    assert sightings == [("http://p/new",), ("http://p/old",)]
    assert archive.resolve_findings() == 0  # resolved once
    archive.close()


def test_a_page_whose_item_failed_is_recorded_failed_for_the_next_crawl(tmp_path):
    """An item that failed in a pipeline: the page is kept as ``failed`` with the error, so the
    next crawl fetches it again, instead of being counted done and forgotten."""
    from scrapy import signals
    from twisted.python.failure import Failure

    from crawler.runtime.items import PageItem

    crawler = get_crawler(settings_dict={"GOVARCHIVE_DB": str(tmp_path / "a.db")})

    class Spider:
        crawl_id = "c1"

    recorder = FindingsRecorder.from_crawler(crawler)
    recorder.spider_opened(Spider)
    item = PageItem(url="http://p/tin/3.html", site="portal", crawl_id="c1",
                    fetched_at="2026-12-07T00:00:00+00:00")
    try:
        raise sqlite3.OperationalError("database is locked")
    except sqlite3.OperationalError:
        failure = Failure()
    crawler.signals.send_catch_log(signals.item_error, item=item, response=None, spider=Spider,
                                   failure=failure)
    recorder.spider_closed(Spider)
    assert _rows(tmp_path / "a.db", "SELECT url, site, kind, reason, next_try FROM pages") == [
        ("http://p/tin/3.html", "portal", "failed", "not stored: OperationalError: database is locked",
         "2026-12-07T06:00:00+00:00")]
