"""Pause and resume: a crawl killed mid-way resumes from its frontier, losing and doubling nothing."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import time

import pytest
from conftest import BIN, FAST_SETTINGS, ROOT, run_cli, stored_articles

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

SLOW = ["-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0.1",
        "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=1"]


def rows(db, sql: str) -> list[tuple]:
    return sqlite3.connect(db).execute(sql).fetchall()


def killed_crawl(demo_portal, db, after_articles: int = 6) -> None:
    """Start a crawl of the demo portal and SIGKILL it once some articles are stored."""
    proc = subprocess.Popen(
        [str(BIN / "govarchive"), "crawl", "--url", demo_portal.province, "--url", demo_portal.district,
         "--db", str(db), *SLOW],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and stored_articles(db) < after_articles:
        time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)


def crawl_again(demo_portal, db, *extra: str) -> subprocess.CompletedProcess:
    result = run_cli("crawl", "--url", demo_portal.province, "--url", demo_portal.district,
                     "--db", str(db), *FAST_SETTINGS, *extra)
    assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def resumed(demo_portal, tmp_path_factory):
    db = tmp_path_factory.mktemp("resume") / "a.db"
    killed_crawl(demo_portal, db)
    before = {"articles": stored_articles(db),
              "pending": rows(db, "SELECT count(*) FROM frontier WHERE done = 0")[0][0]}
    return db, before, crawl_again(demo_portal, db)


def test_a_killed_crawl_leaves_its_frontier_pending(resumed):
    _, before, _ = resumed
    assert before["articles"] >= 6 and before["pending"] > 0


def test_the_next_crawl_says_it_resumes(resumed):
    _, _, result = resumed
    assert "resuming" in result.stderr and "requests were pending" in result.stderr


def test_resumed_crawl_has_the_same_articles_as_an_uninterrupted_one(resumed, crawled_demo):
    db, _, _ = resumed
    assert rows(db, "SELECT url FROM articles ORDER BY url") == rows(
        crawled_demo.db, "SELECT url FROM articles ORDER BY url")


def test_resumed_crawl_stores_nothing_twice(resumed):
    db, _, _ = resumed
    total, urls, hashes = rows(db, "SELECT count(*), count(DISTINCT url), count(DISTINCT content_hash) "
                                   "FROM articles")[0]
    assert total == urls == hashes
    assert rows(db, "SELECT count(*) FROM article_versions")[0][0] == 0


def test_resume_does_not_fetch_again_what_was_done(resumed, crawled_demo):
    db, before, _ = resumed
    (pages,) = rows(db, "SELECT pages_fetched FROM crawls WHERE status = 'finished'")[0]
    (full,) = rows(crawled_demo.db, "SELECT pages_fetched FROM crawls")[0]
    assert pages < full
    (new,) = rows(db, "SELECT articles_new FROM crawls WHERE status = 'finished'")[0]
    assert new == len(rows(crawled_demo.db, "SELECT id FROM articles")) - before["articles"]


def test_the_killed_run_is_marked_killed_and_the_frontier_cleared(resumed):
    db, _, _ = resumed
    assert [s for (s,) in rows(db, "SELECT status FROM crawls ORDER BY started_at")] == ["killed", "finished"]
    assert rows(db, "SELECT count(*) FROM frontier")[0][0] == 0


def test_a_finished_crawl_leaves_no_frontier(crawled_demo):
    assert rows(crawled_demo.db, "SELECT count(*) FROM frontier")[0][0] == 0


def test_resume_can_be_turned_off(demo_portal, tmp_path):
    db = tmp_path / "a.db"
    killed_crawl(demo_portal, db, after_articles=3)
    result = crawl_again(demo_portal, db, "-s", "GOVARCHIVE_RESUME=False")
    assert "resuming" not in result.stderr
    assert rows(db, "SELECT count(*) FROM frontier")[0][0] == 0
