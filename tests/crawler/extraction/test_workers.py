"""Extraction in worker processes: the same archive as extraction in the crawl process."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import FAST_SETTINGS, run_cli

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them


def archive_rows(db):
    return sorted(sqlite3.connect(db).execute(
        "SELECT url, site, title, published_at, author, source, content_hash, cluster_id IS NOT NULL "
        "FROM articles"))


def test_the_process_pool_crawl_gives_the_same_archive_as_the_single_process_one(demo_portal, tmp_path):
    archives = {}
    for workers in ("0", "2"):
        db = tmp_path / f"w{workers}" / "a.db"
        db.parent.mkdir()
        result = run_cli("crawl", "--url", demo_portal.province, "--url", demo_portal.district,
                         "--db", str(db), *FAST_SETTINGS, "-s", f"GOVARCHIVE_EXTRACT_WORKERS={workers}")
        assert result.returncode == 0, result.stderr
        archives[workers] = archive_rows(db)
    assert archives["0"] == archives["2"] and len(archives["0"]) == 24


def test_the_crawls_of_one_process_share_one_extraction_pool():
    """`crawl --all` runs each site as its own crawl: one pool for all, closed by the last."""
    from crawler.extraction.pool import release_pool, shared_pool

    first, second = shared_pool(2), shared_pool(2)
    assert first is second
    release_pool(first)
    assert shared_pool(2) is second  # still held by the second crawl
    release_pool(second)
    release_pool(second)
    third = shared_pool(2)
    assert third is not first  # the last one let go: a new pool
    release_pool(third)


def test_a_warmed_pool_starts_its_workers_before_the_first_page():
    """Started on a thread at spider open (the fork server's imports took 0.4 s on the reactor
    at the first page), and ready before any page is sent."""
    import time

    from crawler.extraction.pool import ExtractionPool

    pool = ExtractionPool(2)
    pool.warm()
    deadline = time.monotonic() + 60
    while len(pool._pool._processes) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(pool._pool._processes) == 2
    pool.close()
