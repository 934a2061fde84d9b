"""Extraction in worker processes, so a crawl uses more than the reactor's one core.

Scrapy runs every callback and pipeline stage on one thread; extraction (lxml,
trafilatura) and the near-duplicate signature are most of a page's CPU, and
they hold the GIL. The extract stage sends each page to a process pool and
awaits the result, so the reactor goes on fetching, parsing links and writing
SQLite and WARC while other cores extract.

Workers start through ``forkserver`` (never ``fork``: the crawl process has
threads), with the extraction modules preloaded. Each worker's main thread
runs the page under its own time budget (the timer signal works there). A
worker that dies (a crash in a C library, memory) fails only its page, which
is skipped with that reason; the pool is replaced.
"""

from __future__ import annotations

import asyncio
import json
import logging
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache

from common.textnorm import content_hash
from crawler.extraction import extract_bytes
from crawler.extraction.result import Extraction, Rejection

logger = logging.getLogger(__name__)

WARM_PAGE = ("<html><body><article><h1>Chỉ thị</h1><p>" + "Chỉ thị về công tác dân vận. " * 40
             + "</p></article></body></html>").encode()
PRELOAD = ["crawler.extraction", "crawler.extraction.pool", "archive.neardup", "trafilatura", "lxml.html"]


def default_workers() -> int:
    """One extraction process per core (none on one core).

    Not one fewer for the reactor: it waits on the network part of the time, and extraction
    is most of a page's CPU: on two cores one worker saturates while the reactor idles half the
    time (``benchmarks/RESULTS.md``)."""
    cores = os.cpu_count() or 1
    return cores if cores > 1 else 0


@lru_cache(maxsize=64)
def _profile(selectors: str):
    from crawler.profiles import SiteProfile

    return SiteProfile(json.loads(selectors)) if selectors else None


def extract_job(body: bytes, url: str, content_type: str, selectors: str, max_bytes: int,
                seconds: float) -> tuple[Extraction, object, str, float]:
    """One page in a worker: its extraction, for an article its MinHash signature and content
    hash (the dedup stage's, computed here off the reactor), and the CPU seconds it took (the
    crawl's stats add them up: the workers' share of the work)."""
    from archive import neardup

    started = time.process_time()
    result = extract_bytes(body, url, content_type, _profile(selectors), max_bytes=max_bytes, seconds=seconds)
    signature, digest = None, ""
    if result.is_article:
        files = [a["url"] for a in result.attachments]
        signature, digest = neardup.signature(result.text), content_hash(result.text, result.title, files)
    return result, signature, digest, time.process_time() - started


def learn_job(pages: list[tuple[str, str]], seen: dict[str, tuple[str, str]]):
    """A site's template learnt in a worker (its body's place is checked by extracting the pages
    again: CPU the reactor's process should not spend, at hundreds of portals at once)."""
    from crawler.extraction.template import learn

    return learn(pages, seen)


PARENT_CHECK_SECONDS = 2.0


def watch_parent(pid: int) -> None:
    """In each worker: exit once the crawl process that started it is gone.

    A crawl killed with SIGKILL (the OOM killer, ``kill -9``) left its workers, and through
    them the fork server, running for good: each worker holds the task queue's write end
    (so it never reads EOF), and the fork server waits for every worker to close its end.
    """
    def watch() -> None:
        while True:
            time.sleep(PARENT_CHECK_SECONDS)
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                os._exit(0)
            except PermissionError:  # another user's process took the PID: ours is gone
                os._exit(0)

    threading.Thread(target=watch, name="govarchive-parent-watch", daemon=True).start()


class PoolUnavailable(Exception):
    """Worker processes cannot be started here; extraction runs in the crawl process."""


class ExtractionPool:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.completed = 0  # pages the workers extracted
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            self._pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=watch_parent,
                                             initargs=(os.getpid(),))
        return self._pool

    def warm(self) -> None:
        """Start the workers now, on another thread, while the crawl fetches its first pages.

        The first ``submit`` starts the fork server, which imports the extraction modules
        (0.4 s here) while the caller waits: on the reactor, the crawl stood still. Each
        worker extracts a small page, so its first real page pays no first-call costs."""
        if self._pool is not None:  # started (or warming) already: a crawl sharing the pool
            return
        executor = self._executor()

        def start() -> None:
            try:
                for _ in range(self.workers):
                    executor.submit(extract_job, WARM_PAGE, "http://warm.invalid/", "text/html", "",
                                    len(WARM_PAGE), 5.0)
            except (RuntimeError, OSError):  # shut down meanwhile, or cannot start: extract() says
                pass

        threading.Thread(target=start, name="govarchive-warm", daemon=True).start()

    async def extract(self, body: bytes, url: str, content_type: str, selectors: str, max_bytes: int,
                      seconds: float) -> tuple[Extraction, object, str, float]:
        """The page's extraction from a worker; :class:`PoolUnavailable` when no worker can start."""
        try:
            future = self._executor().submit(extract_job, body, url, content_type, selectors, max_bytes,
                                             seconds)
        except (RuntimeError, OSError) as exc:  # e.g. a script without ``if __name__ == "__main__"``
            self.close(wait=False)
            raise PoolUnavailable(str(exc).strip().splitlines()[0]) from exc
        try:
            result = await asyncio.wrap_future(future)
        except BrokenProcessPool as exc:
            self.close(wait=False)
            if not self.completed:  # no worker ever finished a page: they cannot run here
                raise PoolUnavailable("the workers died before extracting any page") from exc
            logger.error("an extraction worker died on %s; replacing the pool", url)
            died = Extraction(url=url, reason="extraction worker died on this page (kept in the WARC)",
                              rejection=Rejection.WORKER_DIED)
            return died, None, "", 0.0
        self.completed += 1
        return result

    async def learn(self, pages: list[tuple[str, str]], seen: dict[str, tuple[str, str]]):
        """A site's template from a worker (``crawler.extraction.template.learn``);
        :class:`PoolUnavailable` when no worker can take it."""
        try:
            future = self._executor().submit(learn_job, pages, seen)
        except (RuntimeError, OSError) as exc:
            self.close(wait=False)
            raise PoolUnavailable(str(exc).strip().splitlines()[0]) from exc
        try:
            return await asyncio.wrap_future(future)
        except BrokenProcessPool:  # the pages killed a worker: no template, the pool is replaced
            self.close(wait=False)
            logger.error("an extraction worker died learning a template; the site is read without one")
            return None

    def close(self, wait: bool = True) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=not wait)
            self._pool = None


# One pool per process and size, shared by every crawl the process runs: `crawl --all` and a
# worker's `--sites-at-once` run each site as its own crawl, and a pool each was sites x cores
# extraction processes (700 registry sites: 1,400 processes on two cores). Not configuration:
# a resource the crawls hold, closed when the last of them lets go.
_SHARED: dict[int, tuple[ExtractionPool, int]] = {}


def shared_pool(workers: int) -> ExtractionPool:
    """The process's pool of ``workers`` extraction processes; give it back with :func:`release_pool`."""
    pool, users = _SHARED.get(workers, (None, 0))
    pool = pool or ExtractionPool(workers)
    _SHARED[workers] = (pool, users + 1)
    return pool


def release_pool(pool: ExtractionPool) -> None:
    """One crawl is done with ``pool``; the last one closes it."""
    held, users = _SHARED.get(pool.workers, (None, 0))
    if held is not pool:
        pool.close()
        return
    if users > 1:
        _SHARED[pool.workers] = (pool, users - 1)
        return
    del _SHARED[pool.workers]
    pool.close()
