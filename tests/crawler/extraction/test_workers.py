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


KILLED_PARENT = """
import sys, time
from crawler.extraction.pool import ExtractionPool
if __name__ == "__main__":
    pool = ExtractionPool(2)
    pool.warm()
    while len(pool._executor()._processes or {}) < 2:
        time.sleep(0.05)
    print(" ".join(str(pid) for pid in pool._executor()._processes), flush=True)
    time.sleep(600)
"""


def test_the_workers_of_a_crawl_killed_with_sigkill_do_not_outlive_it(tmp_path):
    """kill -9 (or the OOM killer) left the workers and their fork server running for good."""
    import signal
    import subprocess
    import sys
    import time

    script = tmp_path / "killed.py"
    script.write_text(KILLED_PARENT, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    workers = [int(pid) for pid in proc.stdout.readline().split()]
    assert len(workers) == 2
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)

    def alive(pid: int) -> bool:  # a zombie is gone (a container's PID 1 may never reap it)
        try:
            with open(f"/proc/{pid}/stat") as stat:
                return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
        except FileNotFoundError:
            return False

    deadline = time.monotonic() + 60  # the workers look every 2 s; generous for a loaded machine
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not any(alive(pid) for pid in workers)
