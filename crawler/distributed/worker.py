"""``govarchive worker``: claim sites from Redis and crawl them, one host per worker at a time.

A worker loops: take the oldest queued site whose hosts no other worker holds
(a lease on each host), crawl it with the portal spider (scrapy-redis's
scheduler and dupefilter as the frontier, extraction in this machine's worker
processes, WARC files in this machine's folder, items to the stream), then
give the site back: finished, its frontier is deleted and it leaves the queue;
stopped early, its frontier stays for the next worker. ``sites_at_once`` sites
are crawled side by side (each its own spider and politeness). The worker
ends when the queue is empty (or, with ``wait``, waits for more).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import redis

from common.clock import new_crawl_id
from common.urls import host_of
from crawler.distributed import codec, keys
from crawler.distributed.leases import TTL_MS, HostLease, LeaseKeeper
from crawler.distributed.remote import STOP_REASON, connect
from crawler.runtime.settings import item_pipelines

logger = logging.getLogger(__name__)

POLL_SECONDS = 1.0


def worker_settings(redis_url: str, warc_dir: str | Path) -> dict:
    """The crawl settings a worker runs with (on top of the project's)."""
    return {
        "GOVARCHIVE_ROLE": "worker",
        "GOVARCHIVE_REDIS_URL": redis_url,
        "GOVARCHIVE_WARC_DIR": str(warc_dir),
        "REDIS_URL": redis_url,
        "REDIS_PARAMS": {"socket_timeout": 10, "socket_connect_timeout": 10},
        "SCHEDULER": "crawler.distributed.frontier.RedisFrontier",
        "SCHEDULER_PERSIST": True,  # the worker deletes a finished site's frontier itself
        "SCHEDULER_QUEUE_KEY": keys.QUEUE_TEMPLATE,
        "SCHEDULER_DUPEFILTER_KEY": keys.DUPEFILTER_TEMPLATE,
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SPIDER_MIDDLEWARES": {"crawler.runtime.incremental.IncrementalMiddleware": 950,
                               "crawler.distributed.frontier.InflightMiddleware": 900},
        "GOVARCHIVE_ARCHIVE_WRITER": "crawler.distributed.remote.RemoteArchive",
        "ITEM_PIPELINES": item_pipelines("worker"),
    }


@dataclass
class WorkerReport:
    worker_id: str
    crawls: list[tuple[str, str, str]] = field(default_factory=list)  # (site, crawl id, reason)
    stopped: str = ""  # why the worker stopped early ('' when the queue was done)
    interrupted: bool = False  # stopped by a signal (its sites stay queued)


def enqueue(redis_url: str, site_keys: list[str]) -> int:
    """Queue sites for the workers; a site already queued keeps its place. How many were new."""
    server = connect(redis_url)
    now = datetime.now(UTC).timestamp()
    added = server.zadd(keys.SITES, {key: now for key in site_keys}, nx=True)
    server.close()
    return added


class Worker:
    def __init__(self, process, sites: dict, redis_url: str, worker_id: str | None = None,
                 sites_at_once: int = 1, wait: bool = False) -> None:
        self.process, self.sites, self.redis_url = process, sites, redis_url
        self.server = connect(redis_url)
        self.report = WorkerReport(worker_id or f"{socket.gethostname()}-{os.getpid()}")
        self.sites_at_once, self.wait = sites_at_once, wait
        self.lease_ms = int(process.settings.getfloat("GOVARCHIVE_LEASE_SECONDS", TTL_MS / 1000) * 1000)
        self.stopping = False

    async def run(self) -> WorkerReport:
        try:
            await asyncio.gather(*(self._slot() for _ in range(self.sites_at_once)))
        except redis.RedisError as exc:
            self.report.stopped = f"Redis is unavailable: {exc}"
        finally:
            self._state(None)
        return self.report

    async def _slot(self) -> None:
        while not self.stopping:
            claimed = self._claim()
            if claimed is None:
                if not self.wait and not self.server.zcard(keys.SITES):
                    return
                await asyncio.sleep(POLL_SECONDS)  # every queued site is being crawled elsewhere
                continue
            await self._crawl(*claimed)

    def _claim(self) -> tuple[str, HostLease] | None:
        """The oldest queued site whose hosts are free; its leases taken."""
        for raw in self.server.zrange(keys.SITES, 0, -1):
            key = raw.decode()
            site = self.sites.get(key)
            if site is None:
                logger.warning("queued site %r is not in this worker's registry: left for others", key)
                continue
            lease = HostLease(self.server, site_hosts(site), self.report.worker_id, self.lease_ms)
            if lease.acquire():
                return key, lease
        return None

    async def _crawl(self, key: str, lease: HostLease) -> None:

        if self.stopping:
            lease.release()
            return
        crawl_id = f"{new_crawl_id()}-{key}"
        previous = self.server.getset(keys.running(key), crawl_id)
        if previous:  # its last worker died mid-crawl
            self.server.xadd(keys.STREAM, codec.encode_op("mark_killed", crawl_id=previous.decode()))
        self._state(key)
        crawler = self.process.create_crawler(self.process.spider_loader.load(key))
        loop = asyncio.get_running_loop()
        keeper = LeaseKeeper(lease, lambda: loop.call_soon_threadsafe(self._lost, crawler)).start()
        try:
            await self.process.crawl(crawler, crawl_id=crawl_id)
        finally:
            keeper.stop()
        reason = crawler.stats.get_value("finish_reason") or "unknown"
        if crawler.stats.get_value("govarchive/redis_unavailable"):
            reason = STOP_REASON
        self.report.crawls.append((key, crawl_id, reason))
        if reason == "finished":
            pipe = self.server.pipeline(transaction=True)
            pipe.delete(*keys.site_state(key)).zrem(keys.SITES, key)
            pipe.execute()
        lease.release()
        if reason == "shutdown":  # SIGTERM or Ctrl-C: the site stays queued, its frontier kept
            self.stopping = self.report.interrupted = True
        elif reason != "finished":
            self.stopping = True
            self.report.stopped = self.report.stopped or _why(reason, crawler)

    @staticmethod
    def _lost(crawler) -> None:
        """On the loop: another worker holds a host of this crawl now; stop it."""
        if crawler.engine is not None and crawler.engine.spider is not None:
            asyncio.ensure_future(crawler.engine.close_spider_async(reason="lease_lost"))

    def _state(self, site: str | None) -> None:
        try:
            if site is None:
                self.server.hdel(keys.WORKERS, self.report.worker_id)
            else:
                self.server.hset(keys.WORKERS, self.report.worker_id, site)
        except redis.RedisError:
            pass  # a status line only


def site_hosts(site) -> list[str]:
    return [host_of(url) for url in site.home] + list(site.file_hosts)


def _why(reason: str, crawler) -> str:
    if reason == STOP_REASON:
        return f"Redis is unavailable: {crawler.stats.get_value('govarchive/redis_unavailable')}"
    return f"a crawl ended with {reason}"


def run_worker(redis_url: str, *, warc_dir: str | Path, settings: dict | None = None,
               worker_id: str | None = None, sites_at_once: int = 1, wait: bool = False) -> WorkerReport:
    """Crawl queued sites until the queue is empty (or forever with ``wait``); Ctrl-C stops cleanly."""
    from scrapy.crawler import AsyncCrawlerProcess
    from twisted.internet.error import ReactorNotRunning

    from archive.warc import prepare_warc_folder
    from crawler.runtime.runner import project_settings

    connect(redis_url).ping()  # redis.ConnectionError before anything starts
    prepare_warc_folder(Path(warc_dir))
    overrides = {**worker_settings(redis_url, warc_dir), **(settings or {})}
    process = AsyncCrawlerProcess(project_settings(overrides))
    worker = Worker(process, process.spider_loader.sites, redis_url, worker_id, sites_at_once, wait)
    outcome: list[WorkerReport] = []

    async def main() -> None:
        from twisted.internet import reactor

        try:
            outcome.append(await worker.run())
        finally:
            if reactor.running:
                with contextlib.suppress(ReactorNotRunning):  # a signal is stopping it already
                    reactor.stop()

    asyncio.get_event_loop().create_task(main())
    process.start(stop_after_crawl=False)
    return outcome[0] if outcome else worker.report
