"""``govarchive ingest``: the one process that writes the archive, fed by the workers' stream.

It runs as a Scrapy crawl whose spider downloads nothing: its ``start()``
reads the stream as the ``ingest`` consumer group and yields the items, which
pass the archive stages (documents' store, dedup, dates, store) exactly as in
a local crawl. Each entry is acknowledged (and deleted) only once its item has
left the pipelines; archive operations are applied in stream order, after the
items before them. Killed, it finds its unacknowledged entries pending in the
group (another host's, after ``XAUTOCLAIM``) and goes through them again:
dedup recognises what was stored before the kill. One ingest at a time (a
lease). It also keeps ``govarchive:known``, the workers' view of what the
archive holds (for their incremental filter).
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import sqlite3

import redis
import redis.asyncio
from scrapy import Spider, signals

from archive.store import Archive
from crawler.distributed import codec, keys
from crawler.distributed.mirror import KnownMirror
from crawler.distributed.operations import apply_op
from crawler.distributed.remote import SOCKET_TIMEOUT, connect
from crawler.runtime.items import PageItem
from crawler.runtime.settings import item_pipelines

logger = logging.getLogger(__name__)

BATCH = 100
MAX_IN_PIPELINE = 64
LOCK_MS = 10_000

INGEST_SETTINGS = {
    "GOVARCHIVE_ROLE": "ingest",
    "ITEM_PIPELINES": item_pipelines("ingest"),
    "SPIDER_MIDDLEWARES": {"crawler.runtime.incremental.IncrementalMiddleware": None,
                           "crawler.runtime.resume.FrontierMiddleware": None},
    "EXTENSIONS": {"crawler.runtime.extensions.CrawlRecorder": None,
                   "crawler.runtime.findings.FindingsRecorder": None,
                   "crawler.runtime.extensions.Progress": 510,
                   "crawler.runtime.extensions.OneLineErrors": 520},
    "GOVARCHIVE_WARC_ENABLED": False,
    "ROBOTSTXT_OBEY": False,
}


class IngestSpider(Spider):
    name = "ingest"

    def __init__(self, redis_url: str, until_done: bool = False, **kwargs) -> None:
        super().__init__(**kwargs)
        self.redis_url, self.until_done = redis_url, until_done
        self.consumer = f"{socket.gethostname()}-{os.getpid()}"
        self.in_pipeline: dict[int, tuple[str, dict]] = {}  # id(item) -> (entry id, fields)
        self.acks: list[str] = []

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(spider.item_done, signal=signal)
        crawler.signals.connect(spider.closed_down, signal=signals.spider_closed)
        return spider

    async def start(self):
        self.sync = redis.Redis.from_url(self.redis_url, socket_timeout=SOCKET_TIMEOUT)
        self.reader = redis.asyncio.Redis.from_url(self.redis_url, socket_timeout=SOCKET_TIMEOUT)
        self.archive = Archive(self.settings["GOVARCHIVE_DB"])
        self.mirror = KnownMirror(self.sync, self.archive)
        try:
            async for item in self._read():
                yield item
        except redis.RedisError as exc:  # the items in the pipelines finish; their entries stay pending
            logger.error("Redis is unavailable (%s): the ingest stops; it goes on from the pending "
                         "entries when started again", exc)
            self.crawler.stats.set_value("govarchive/redis_unavailable", str(exc) or type(exc).__name__)
        except sqlite3.Error as exc:  # an operation could not be written: it stays pending, unacknowledged
            logger.error("cannot write the archive (%s): the ingest stops; the entry stays pending and is "
                         "applied when the ingest starts again", exc)
            self.crawler.stats.set_value("govarchive/ingest/archive_error", str(exc))

    async def _read(self):
        await self._take_lock()
        await self._ensure_group()
        self.crawler.stats.set_value("govarchive/ingest/known_published", self.mirror.publish_all())
        await self._claim_pending()
        last = "0"  # first our own pending entries (a killed ingest's), then new ones
        while True:
            await self._flush_acks()
            while len(self.in_pipeline) >= MAX_IN_PIPELINE:
                await asyncio.sleep(0.02)
                await self._flush_acks()
            answer = await self.reader.xreadgroup(keys.GROUP, self.consumer, {keys.STREAM: last},
                                                  count=BATCH, block=None if last != ">" else 1000)
            entries = answer[0][1] if answer else []
            if last != ">" and not entries:
                last = ">"
                continue
            if not entries:
                if self.until_done and await self._all_done():
                    return
                continue
            for entry_id, fields in entries:
                entry_id = entry_id.decode()
                last = entry_id if last != ">" else last
                item = await self._entry(entry_id, fields)
                if item is not None:
                    self.in_pipeline[id(item)] = (entry_id, fields)
                    yield item

    async def _entry(self, entry_id: str, fields: dict):
        stats = self.crawler.stats
        stats.inc_value("govarchive/ingest/entries")
        try:
            kind, value = codec.decode(fields)
        except codec.Malformed as exc:
            self._dead(entry_id, fields, f"malformed: {exc}")
            return None
        if kind != "op":
            return value
        await self._drain()
        name, args = value
        try:
            urls = apply_op(self.archive, name, args)
        except (TypeError, ValueError, KeyError) as exc:
            self._dead(entry_id, fields, f"bad operation {name}: {exc}")
            return None
        self.mirror.refresh(urls)
        stats.inc_value(f"govarchive/ingest/op/{name}")
        self.acks.append(entry_id)
        return None

    def _dead(self, entry_id: str, fields: dict, why: str) -> None:
        logger.error("stream entry %s skipped (%s); kept in %s", entry_id, why, keys.DEAD)
        self.crawler.stats.inc_value("govarchive/ingest/skipped")
        self.sync.xadd(keys.DEAD, {**fields, "entry": entry_id, "error": why})
        self.acks.append(entry_id)

    def item_done(self, item, response, spider, **kwargs) -> None:
        entry = self.in_pipeline.pop(id(item), None)
        if entry is None:
            return
        if "failure" in kwargs:  # a stage failed on it: keep it for a person, move on
            self._dead(entry[0], entry[1], f"failed in the pipelines: {kwargs['failure'].value}")
        else:
            self.acks.append(entry[0])
        self.mirror.refresh([item.url, getattr(item, "fetched_url", "") or item.url])
        if isinstance(item, PageItem) and "failure" not in kwargs:
            column = ("duplicates" if "exception" in kwargs else
                      "articles_updated" if item.existing_id is not None else "articles_new")
            self.archive.count_in_crawl(item.crawl_id, column)

    async def _drain(self) -> None:
        """Operations come after the items before them in the stream."""
        while self.in_pipeline:
            await asyncio.sleep(0.01)

    async def _flush_acks(self) -> None:
        if self.acks:
            acks, self.acks = self.acks, []
            pipe = self.reader.pipeline(transaction=True)
            pipe.xack(keys.STREAM, keys.GROUP, *acks)
            pipe.xdel(keys.STREAM, *acks)
            await pipe.execute()
        await self.reader.pexpire(keys.INGEST_LOCK, LOCK_MS)

    async def _take_lock(self) -> None:
        waited = 0.0
        while not await self.reader.set(keys.INGEST_LOCK, self.consumer, nx=True, px=LOCK_MS):
            if waited == 0.0:
                logger.warning("another ingest holds %s: waiting for it (or its lease to expire)",
                               keys.INGEST_LOCK)
            await asyncio.sleep(0.5)
            waited += 0.5

    async def _ensure_group(self) -> None:
        try:
            await self.reader.xgroup_create(keys.STREAM, keys.GROUP, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    async def _claim_pending(self) -> None:
        """Entries a dead ingest read but never acknowledged become ours."""
        cursor, claimed = "0-0", 0
        while True:
            cursor, entries, *_ = await self.reader.xautoclaim(keys.STREAM, keys.GROUP, self.consumer,
                                                                min_idle_time=0, start_id=cursor, count=500)
            claimed += len(entries)
            if cursor in (b"0-0", "0-0"):
                break
        if claimed:
            logger.warning("%d stream entries were pending from a stopped ingest: reading them again",
                           claimed)
            self.crawler.stats.set_value("govarchive/ingest/reclaimed", claimed)

    async def _all_done(self) -> bool:
        """Nothing queued, nothing being crawled, nothing unread or unacknowledged."""
        if self.in_pipeline or self.acks or await self.reader.zcard(keys.SITES):
            return False
        pending = await self.reader.xpending(keys.STREAM, keys.GROUP)
        return not pending["pending"]

    async def closed_down(self, spider, reason: str) -> None:
        if not hasattr(self, "archive"):
            return
        try:
            await self._flush_acks()
            await self.reader.delete(keys.INGEST_LOCK)
        except redis.RedisError:
            pass  # unacknowledged entries are read again by the next ingest
        await self.reader.aclose()
        self.sync.close()
        self.archive.close()


def run_ingest(redis_url: str, db_path: str, *, until_done: bool = False, settings: dict | None = None,
               sites=(), progress=None) -> dict:
    """Ingest the stream into the archive until stopped (or, ``until_done``, until the queue is done).

    ``sites``: the registry's entries, recorded in the archive (province and level filters)."""
    from scrapy.crawler import CrawlerProcess

    from archive.shared_files import SharedFiles
    from crawler.runtime.preparation import prepare_archive
    from crawler.runtime.runner import project_settings, record_sites

    connect(redis_url).ping()  # redis.ConnectionError before anything starts
    with SharedFiles() as shared:
        prepare_archive(shared, db_path, {"GOVARCHIVE_WARC_ENABLED": False})
        if sites:
            record_sites(shared.database(db_path), sites)
    overrides = {**INGEST_SETTINGS, "GOVARCHIVE_DB": str(db_path), "GOVARCHIVE_PROGRESS": progress,
                 **(settings or {})}
    process = CrawlerProcess(project_settings(overrides))
    crawler = process.create_crawler(IngestSpider)
    process.crawl(crawler, redis_url=redis_url, until_done=until_done)
    process.start()
    return crawler.stats.get_stats()
