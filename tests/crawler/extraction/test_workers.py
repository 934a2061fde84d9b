"""Extraction in worker processes: the same archive as extraction in the crawl process."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import FAST_SETTINGS, run_cli

from crawler.extraction.pool import ExtractionPool, PoolUnavailable, release_pool, shared_pool

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
    pool = ExtractionPool(2)
    pool.warm()
    assert pool.started(60)
    assert len(pool.pids()) == 2
    pool.close()


KILLED_PARENT = """
import sys, time
from crawler.extraction.pool import ExtractionPool
if __name__ == "__main__":
    pool = ExtractionPool(2)
    pool.warm()
    pool.started(60)
    print(" ".join(str(pid) for pid in pool.pids()), flush=True)
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
        except (FileNotFoundError, ProcessLookupError):  # gone before the open, or between it and the read
            return False

    deadline = time.monotonic() + 60  # the workers look every 2 s; generous for a loaded machine
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.2)
    left = {pid: _described(pid) for pid in workers if alive(pid)}
    assert not left, f"still running 60 s after their crawl was killed: {left}"


def _described(pid: int) -> str:
    """What a process is (its command line and state), for a failure's message: it failed once
    on a busy machine, and its message did not say whether the process was still ours."""
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline, open(f"/proc/{pid}/stat") as stat:
            command = cmdline.read().replace(bytes(1), b" ").decode(errors="replace")[:200]
            return f"{command} ({stat.read()[:120]})"
    except OSError as exc:
        return f"gone while described ({exc})"


PAGE = ("<html><head><title>Tin</title></head><body><article><h1>Hội nghị triển khai nhiệm vụ năm 2024</h1>"
        "<p>Ngày đăng: 05/03/2024</p>"
        + "<p>Ủy ban nhân dân huyện tổ chức hội nghị triển khai nhiệm vụ.</p>" * 12
        + "</article></body></html>").encode()


SLOW = ("<html><body>" + "<div><p>Ủy ban nhân dân huyện tổ chức hội nghị.</p></div>" * 40000
        + "</body></html>").encode()  # seconds of extraction


async def _on_a_slow_page(pool: ExtractionPool):
    """The slow page's extraction, once a worker holds it."""
    import asyncio

    page = asyncio.ensure_future(pool.extract(SLOW, "http://a.gov.vn/slow.html", "text/html", "",
                                              10**7, 600.0))
    while not any(w.jobs for w in pool._workers):
        await asyncio.sleep(0.01)
    return page


def _kill(pid: int) -> None:
    import os
    import signal

    os.kill(pid, signal.SIGKILL)


def test_a_worker_killed_while_waiting_is_replaced_and_the_next_page_is_extracted():
    import asyncio

    async def run():
        pool = ExtractionPool(1)
        first = await pool.extract(PAGE, "http://a.gov.vn/1.html", "text/html", "", 10**6, 30.0)
        (old,) = pool.pids()
        _kill(old)
        await asyncio.sleep(0.5)  # its pipe closes; the loop reads that and starts another
        second = await pool.extract(PAGE, "http://a.gov.vn/2.html", "text/html", "", 10**6, 30.0)
        pids = pool.pids()
        pool.close()
        return first, second, old, pids

    first, second, old, pids = asyncio.run(run())
    assert first[0].is_article and second[0].is_article
    assert len(pids) == 1 and pids != [old]


def test_a_page_whose_worker_dies_is_failed_alone():
    """The page a worker died on is skipped with that reason; the pages the other workers had,
    and the ones still waiting, are extracted (a process pool failed them all)."""
    import asyncio

    from crawler.extraction.result import Rejection

    async def run():
        pool = ExtractionPool(2)
        doomed = await _on_a_slow_page(pool)
        (busy,) = [w.process.pid for w in pool._workers if w.jobs]
        others = [asyncio.ensure_future(pool.extract(PAGE, f"http://a.gov.vn/{n}.html", "text/html", "",
                                                     10**6, 30.0)) for n in range(6)]
        _kill(busy)
        results = [await doomed] + [await other for other in others]
        pool.close()
        return results

    died, *rest = asyncio.run(run())
    assert died[0].rejection == Rejection.WORKER_DIED and not died[0].is_article
    assert all(r[0].is_article for r in rest)


def test_a_closed_pool_fails_the_pages_still_waiting_so_the_crawl_extracts_them_itself():
    import asyncio

    async def run():
        pool = ExtractionPool(1)
        await pool.extract(PAGE, "http://a.gov.vn/1.html", "text/html", "", 10**6, 30.0)
        waiting = [asyncio.ensure_future(pool.extract(PAGE, f"http://a.gov.vn/{n}.html", "text/html", "",
                                                      10**6, 30.0)) for n in range(3)]
        await asyncio.sleep(0)
        pool.close(wait=False)
        return await asyncio.gather(*waiting, return_exceptions=True)

    assert all(isinstance(r, PoolUnavailable) for r in asyncio.run(run()))


def test_a_page_waiting_its_turn_takes_the_selectors_known_when_it_goes_to_a_worker():
    """A site's template learnt while its pages wait in the queue is used for them."""
    import asyncio

    asked: list[str] = []
    pools: list[ExtractionPool] = []

    def selectors() -> str:
        # the template is learnt once the worker has answered a page (the worker holds two, two
        # wait): not after a sleep, which on a loaded machine ended after a third was sent
        asked.append('{"body": "//article"}' if pools[0].completed else "")
        return asked[-1]

    async def run():
        pool = ExtractionPool(1)
        pools.append(pool)
        pages = [asyncio.ensure_future(pool.extract(PAGE, f"http://a.gov.vn/{n}.html", "text/html", selectors,
                                                    10**6, 30.0)) for n in range(4)]
        results = await asyncio.gather(*pages)
        pool.close()
        return results

    results = asyncio.run(run())
    assert all(r[0].is_article for r in results)
    assert asked[-1] == '{"body": "//article"}' and asked.count("") <= 2


def test_a_pool_is_behind_when_more_pages_wait_than_its_backlog():
    import asyncio

    from crawler.extraction.pool import BACKLOG

    async def run():
        pool = ExtractionPool(1)
        await pool.extract(PAGE, "http://a.gov.vn/0.html", "text/html", "", 10**6, 30.0)
        before = pool.behind()
        pages = [asyncio.ensure_future(pool.extract(PAGE, f"http://a.gov.vn/{n}.html", "text/html", "",
                                                    10**6, 30.0)) for n in range(BACKLOG + 4)]
        await asyncio.sleep(0)
        during = pool.behind()
        await asyncio.gather(*pages)
        after = pool.behind()
        pool.close()
        return before, during, after

    assert asyncio.run(run()) == (False, True, False)


def test_closing_a_pool_does_not_wait_for_a_long_page():
    """Ctrl-C ends a crawl by closing its pool: a worker on a page of seconds is stopped."""
    import asyncio

    async def run():
        pool = ExtractionPool(1)
        page = await _on_a_slow_page(pool)
        workers = [w.process for w in pool._workers]
        pool.close()
        outcome = await asyncio.gather(page, return_exceptions=True)
        return workers, outcome

    workers, (outcome,) = asyncio.run(run())
    assert not any(process.is_alive() for process in workers)
    assert isinstance(outcome, PoolUnavailable)  # the crawl extracts it itself, or skips it
