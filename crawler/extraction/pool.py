"""Extraction in worker processes, so a crawl uses more than the reactor's one core.

Scrapy runs every callback and pipeline stage on one thread; extraction (lxml,
trafilatura) and the near-duplicate signature are most of a page's CPU, and
they hold the GIL. The extract stage sends each page to a worker process and
awaits the result, so the reactor goes on fetching, parsing links and writing
SQLite and WARC while other cores extract.

Workers start through ``forkserver`` (never ``fork``: the crawl process has
threads), with the extraction modules preloaded. Each worker's main thread
runs the page under its own time budget (the timer signal works there). A
worker that dies (a crash in a C library, memory) fails only its page, which
is skipped with that reason; another worker takes its place.

Each worker has a socket pair of its own, which the crawl's event loop writes and
reads as it does its other sockets, without blocking. ``ProcessPoolExecutor`` did
this with a manager thread and a queue's feeder thread in the crawl process: a page
crossed three threads and two wake-up pipes there (``benchmarks/RESULTS.md``, stop
41). A worker holds two pages, the one it reads and the next in its socket; the
others wait in the pool's queue, where a page takes its arguments when it leaves.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import logging
import multiprocessing
import os
import pickle
import socket
import struct
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from crawler.extraction.result import Extraction, Rejection
from crawler.extraction.worker import PRELOAD, WARM_PAGE, serve

logger = logging.getLogger(__name__)

NO_START = "the workers died before extracting any page"
IN_FLIGHT = 2  # pages a worker holds: the one it reads, and the next, waiting in its socket
STOP_SECONDS = 5.0  # a closing pool waits this long in all for its workers to end
BACKLOG = 16  # pages waiting a worker, and the pool is behind: the crawl fetches no more meanwhile


def default_workers() -> int:
    """One extraction process per core (none on one core).

    Not one fewer for the reactor: it waits on the network part of the time, and extraction
    is most of a page's CPU: on two cores one worker saturates while the reactor idles half the
    time (``benchmarks/RESULTS.md``)."""
    cores = os.cpu_count() or 1
    return cores if cores > 1 else 0


class PoolUnavailable(Exception):
    """Worker processes cannot be started here; extraction runs in the crawl process."""


def frame(data: bytes) -> bytes:
    """``data`` as ``multiprocessing.connection`` frames a message (what the worker's
    ``Connection.recv_bytes`` reads)."""
    if len(data) > 0x7FFFFFFF:
        return struct.pack("!iQ", -1, len(data)) + data
    return struct.pack("!i", len(data)) + data


@dataclass
class _Job:
    name: str
    args: Callable[[], tuple]  # its arguments, read as it goes to a worker
    future: asyncio.Future
    died: Any  # the answer when the worker dies on it


@dataclass
class _Worker:
    process: BaseProcess
    sock: socket.socket  # the crawl process's end of the worker's socket pair
    jobs: deque[_Job] = field(default_factory=deque)  # sent, in order: the first is being read
    transport: asyncio.Transport | None = None


def _start_worker(context, parent: int) -> _Worker:
    """A worker, started, that has extracted a small page (its first real page pays no first-call
    costs); blocks (the fork server's imports take 0.4 s the first time)."""
    ours, theirs = socket.socketpair()
    child = Connection(theirs.detach())
    process = context.Process(target=serve, args=(child, parent), name="govarchive-extract", daemon=True)
    try:
        process.start()
    finally:
        child.close()
    warming = Connection(os.dup(ours.fileno()))  # blocking, on this thread, before the loop reads it
    try:
        warming.send_bytes(pickle.dumps(("extract", (WARM_PAGE, "http://warm.invalid/", "text/html", "",
                                                     len(WARM_PAGE), 5.0))))
        warming.recv_bytes()  # EOFError when the worker cannot run here
    except BaseException:
        ours.close()
        raise
    finally:
        warming.close()
    return _Worker(process, ours)


class _Answers(asyncio.Protocol):
    """The crawl process's side of one worker's socket: its answers, framed, in order."""

    def __init__(self, pool: ExtractionPool, worker: _Worker) -> None:
        self.pool, self.worker = pool, worker
        self.buffer = bytearray()

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while len(self.buffer) >= 4:
            (size,), start = struct.unpack_from("!i", self.buffer), 4
            if size == -1:
                if len(self.buffer) < 12:
                    return
                (size,), start = struct.unpack_from("!Q", self.buffer, 4), 12
            if len(self.buffer) < start + size:
                return
            message = bytes(self.buffer[start:start + size])
            del self.buffer[:start + size]
            self.pool._answer(self.worker, message)

    def connection_lost(self, exc: Exception | None) -> None:
        self.pool._died(self.worker)


class ExtractionPool:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.completed = 0  # pages the workers extracted
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(PRELOAD)
        self._starting: concurrent.futures.Future | None = None  # workers being started on a thread
        self._workers: list[_Worker] = []  # started and read by :attr:`_loop`
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queue: deque[_Job] = deque()
        self._warmed = False  # the workers were asked to start
        self._closed = False

    def warm(self) -> None:
        """Start the workers now, on another thread (the first page to extract asks for them)."""
        if not self._warmed and not self._closed:
            self._warmed = True
            self._starting = self._start(self.workers)

    def behind(self) -> bool:
        """Whether pages wait for the workers more than :data:`BACKLOG` each."""
        return len(self._queue) >= BACKLOG * max(1, self.workers)

    def started(self, timeout: float | None = None) -> bool:
        """Whether the workers :meth:`warm` asked for are started, after waiting up to ``timeout``."""
        starting = self._starting
        if starting is None:
            return self._warmed
        try:
            starting.result(timeout)
        except (concurrent.futures.TimeoutError, PoolUnavailable):
            return False
        return True

    def pids(self) -> list[int]:
        """The started workers' process ids."""
        workers = list(self._workers)
        starting = self._starting
        if starting is not None and starting.done() and starting.exception() is None:
            workers += starting.result()
        return [w.process.pid for w in workers]

    def _start(self, count: int) -> concurrent.futures.Future:
        started: concurrent.futures.Future = concurrent.futures.Future()

        def start() -> None:
            # running: a waiter's cancellation (its loop closing) can no longer cancel it, and the
            # workers are handed over, or closed with the pool
            started.set_running_or_notify_cancel()
            workers: list[_Worker] = []
            try:
                while len(workers) < count:
                    workers.append(_start_worker(self._context, os.getpid()))
            except (RuntimeError, OSError, EOFError, ValueError) as exc:  # e.g. a script without
                for worker in workers:  # `if __name__ == "__main__"`, or no /dev/shm
                    worker.sock.close()
                text = str(exc).strip()
                started.set_exception(PoolUnavailable(text.splitlines()[0] if text else NO_START))
            else:
                started.set_result(workers)

        threading.Thread(target=start, name="govarchive-warm", daemon=True).start()
        return started

    async def _ready(self) -> None:
        """The workers started and read by the running loop; :class:`PoolUnavailable` if they cannot run."""
        if self._closed:
            raise PoolUnavailable("the extraction pool is closed")
        loop = asyncio.get_running_loop()
        if self._loop is not None and self._loop is not loop:  # another loop (a test's): start afresh
            _stop(self._workers, wait=False)
            self._workers, self._warmed, self._starting = [], False, None
            self._queue.clear()  # their callers' loop is gone
        self._loop = loop
        self.warm()
        starting = self._starting
        if starting is not None:
            workers = await asyncio.wrap_future(starting)  # PoolUnavailable when they cannot start
            if self._starting is starting:
                self._starting = None
                for worker in workers:
                    await self._attach(worker)

    async def _attach(self, worker: _Worker) -> None:
        worker.transport, _ = await self._loop.connect_accepted_socket(lambda: _Answers(self, worker),
                                                                       worker.sock)
        self._workers.append(worker)
        self._dispatch()

    async def _run(self, name: str, args: Callable[[], tuple], died: Any, first: bool = False) -> Any:
        await self._ready()
        job = _Job(name, args, self._loop.create_future(), died)
        (self._queue.appendleft if first else self._queue.append)(job)
        self._dispatch()
        return await job.future

    def _dispatch(self) -> None:
        """Queued pages to the workers holding the fewest, up to :data:`IN_FLIGHT` each: a worker
        finds its next page in its socket when it answers (it waited for the event loop to send
        one, and a busy crawl process's loop answers late)."""
        while self._queue:
            worker = min(self._workers, key=lambda w: len(w.jobs), default=None)
            if worker is None or len(worker.jobs) >= IN_FLIGHT:
                return
            job = self._queue.popleft()
            if job.future.done():  # its caller was cancelled
                continue
            worker.jobs.append(job)
            data = frame(pickle.dumps((job.name, job.args()), pickle.HIGHEST_PROTOCOL))
            worker.transport.write(data)  # buffered by the loop: never waits for the worker

    def _answer(self, worker: _Worker, message: bytes) -> None:
        ok, value = pickle.loads(message)
        job = worker.jobs.popleft()
        self.completed += 1
        if not job.future.done():
            (job.future.set_result if ok else job.future.set_exception)(value)
        self._dispatch()

    def _died(self, worker: _Worker) -> None:
        if worker not in self._workers:  # closed by us
            return
        self._workers.remove(worker)
        worker.process.join(timeout=1)
        if worker.jobs:
            job = worker.jobs.popleft()  # the page it was reading killed it
            if not job.future.done():
                logger.error("an extraction worker died (exit code %s); another takes its place",
                             worker.process.exitcode)
                job.future.set_result(job.died)
            self._queue.extendleft(reversed(worker.jobs))  # the next one was not its fault
            worker.jobs.clear()
        if not self._closed:
            self._loop.create_task(self._replace())

    async def _replace(self) -> None:
        try:
            (worker,) = await asyncio.wrap_future(self._start(1))
        except PoolUnavailable as exc:
            logger.error("an extraction worker cannot be started again (%s)", exc)
            return
        if self._closed:
            worker.sock.close()
            return
        await self._attach(worker)

    async def extract(self, body: bytes, url: str, content_type: str, selectors: str | Callable[[], str],
                      max_bytes: int, seconds: float) -> tuple[Extraction, object, str, float]:
        """The page's extraction from a worker; :class:`PoolUnavailable` when no worker can start.

        ``selectors`` may be a callable, asked as the page goes to a worker: a page waits its turn
        behind others, and the site's template may be learnt meanwhile (with it a page costs a
        third of what it costs without, ``benchmarks/RESULTS.md``, stop 41)."""
        died = Extraction(url=url, reason="extraction worker died on this page (kept in the WARC)",
                          rejection=Rejection.WORKER_DIED)

        def args() -> tuple:
            chosen = selectors() if callable(selectors) else selectors
            return body, url, content_type, chosen, max_bytes, seconds

        return await self._run("extract", args, (died, None, "", 0.0))

    async def learn(self, pages: list[tuple[str, str]], seen: dict[str, tuple[str, str]]):
        """A site's template from a worker (``crawler.extraction.template.learn``), None when the
        pages killed it; :class:`PoolUnavailable` when no worker can take it.

        Ahead of the pages waiting: the site's pages among them are read with it."""
        return await self._run("learn", lambda: (pages, seen), None, first=True)

    def close(self, wait: bool = True) -> None:
        """Stop the workers (their sockets close; a worker busy with a page ends after it), and fail
        the pages still waiting with :class:`PoolUnavailable` (their caller extracts them itself)."""
        self._closed = True
        workers, self._workers = self._workers, []
        starting, self._starting = self._starting, None
        if starting is not None and starting.done() and starting.exception() is None:
            workers += starting.result()
        elif starting is not None:  # still starting: stopped once started
            starting.add_done_callback(lambda done: done.exception() or _stop(done.result(), False))
        for job in [*self._queue, *(job for w in workers for job in w.jobs)]:
            loop = job.future.get_loop()
            if not job.future.done() and not loop.is_closed():
                loop.call_soon_threadsafe(_fail, job.future)
        self._queue.clear()
        _stop(workers, wait)


def _fail(future: asyncio.Future) -> None:
    if not future.done():
        future.set_exception(PoolUnavailable("the extraction pool was closed"))


def _stop(workers: list[_Worker], wait: bool) -> None:
    for worker in workers:
        worker.jobs.clear()
        try:  # the worker reads the end now (the loop closes a transport's socket at its next turn)
            worker.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        if worker.transport is not None and not worker.transport.is_closing():
            try:
                worker.transport.close()  # from the loop's thread: the loop's own call
            except RuntimeError:  # its loop is closed
                worker.sock.close()
        else:
            worker.sock.close()
    deadline = time.monotonic() + STOP_SECONDS
    for worker in workers if wait else ():
        worker.process.join(timeout=max(0.0, deadline - time.monotonic()))
        if worker.process.is_alive():  # on a long page still: the crawl is stopping, it need not finish
            worker.process.terminate()
            worker.process.join(timeout=1)


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


def behind() -> bool:
    """Whether this process's extraction is behind (:meth:`ExtractionPool.behind`): at 300 portals
    the crawl processes fetched pages faster than their workers read them, and 5,000 pages a
    process waited, each with its response, 350 MiB more (``benchmarks/RESULTS.md``, stop 41)."""
    return any(pool.behind() for pool, _ in _SHARED.values())
