"""A worker's view of the archive: its writes become stream operations.

The stages a worker runs (documents' reading, extraction, the incremental
filter, the crawl record) were written against :class:`archive.store.Archive`.
In a worker they get a :class:`RemoteArchive` instead, with the same methods:
each write is sent as an operation the ingest applies to SQLite, and the one
read (``known``, for the incremental filter) looks at the hash the ingest keeps
of what the archive holds.

Redis going away stops the crawl (reason ``redis_unavailable``) with one line;
what was in flight stays in Redis and is fetched again when a worker resumes.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

import redis

from crawler.distributed import codec, keys

logger = logging.getLogger(__name__)

STOP_REASON = "redis_unavailable"
# a worker waits this long for Redis before it counts as gone (a LAN round trip is ~0.1 ms)
SOCKET_TIMEOUT = 10.0


def connect(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=SOCKET_TIMEOUT, socket_connect_timeout=SOCKET_TIMEOUT,
                                health_check_interval=30)


def redis_failed(crawler, exc: Exception) -> None:
    """Redis is gone: say so once and close the spider; what is pending stays in Redis."""
    if crawler.stats.get_value("govarchive/redis_unavailable"):
        return
    crawler.stats.set_value("govarchive/redis_unavailable", str(exc) or type(exc).__name__)
    logger.error("Redis is unavailable (%s): this worker stops; its site resumes when a worker "
                 "starts again", exc)
    engine = crawler.engine
    if engine is not None and engine.spider is not None:
        asyncio.ensure_future(engine.close_spider_async(reason=STOP_REASON))


class RemoteArchive:
    """An :class:`archive.writer.ArchiveWriter` whose writes are stream operations for the ingest."""

    def __init__(self, url: str, crawler=None) -> None:
        self.redis = connect(url)
        self.crawler = crawler  # stopped when Redis goes away

    @classmethod
    def from_crawler(cls, crawler) -> RemoteArchive:
        return cls(crawler.settings.get("GOVARCHIVE_REDIS_URL"), crawler)

    def close(self) -> None:
        self.redis.close()

    def send(self, fields: dict[str, str]) -> bool:
        try:
            self.redis.xadd(keys.STREAM, fields)
        except redis.RedisError as exc:
            if self.crawler is not None:
                redis_failed(self.crawler, exc)
            else:
                logger.error("Redis is unavailable (%s): an archive write was not sent", exc)
            return False
        return True

    def _op(self, name: str, **args: Any) -> None:
        self.send(codec.encode_op(name, **args))

    # Archive's writes -----------------------------------------------------------
    def start_crawl(self, crawl_id: str, started_at: str, start_urls: list[str], site: str | None = None):
        self._op("start_crawl", crawl_id=crawl_id, started_at=started_at, start_urls=start_urls, site=site)

    def finish_crawl(self, crawl_id: str, finished_at: str, status: str, counts, stats) -> None:
        stats = json.loads(json.dumps(stats, default=str))
        self._op("finish_crawl", crawl_id=crawl_id, finished_at=finished_at, status=status,
                 counts=counts.__dict__, stats=stats)

    def record_page(self, url: str, site: str, kind: str, reason: str, fetched_at: str, crawl_id: str):
        self._op("record_page", url=url, site=site, kind=kind, reason=reason, fetched_at=fetched_at,
                 crawl_id=crawl_id)

    def record_failure(self, url: str, site: str, reason: str, when: str, crawl_id: str) -> None:
        self._op("record_failure", url=url, site=site, reason=reason, when=when, crawl_id=crawl_id)

    def classify_pages(self, links: dict[str, set[str]]) -> None:
        self._op("classify_pages", links={page: sorted(urls) for page, urls in links.items()})

    def add_document_links(self, links: list[tuple[str, str, str, str, str]]) -> int:
        self._op("add_document_links", links=[list(link) for link in links])
        return len(links)

    def record_redirects(self, redirects: list[tuple[str, str, str, str]]) -> int:
        self._op("record_redirects", redirects=[list(r) for r in redirects])
        return 0  # counted by the ingest, which knows the articles

    # Templates are not learnt by workers: each sees part of a site's pages, and would learn
    # at a different page and extract the rest differently from its peers.
    learns_templates = False

    def site_template(self, site: str) -> dict | None:
        return None

    def save_site_template(self, site: str, selectors: dict, pages: int) -> None:
        return None

    # the one read -------------------------------------------------------------
    def known(self, urls: list[str], before: str) -> dict[str, str]:
        """What the archive knew of each URL before ``before``, as the ingest last told Redis."""
        if not urls:
            return {}
        try:
            values = self.redis.hmget(keys.KNOWN, urls)
        except redis.RedisError as exc:
            if self.crawler is not None:
                redis_failed(self.crawler, exc)
            return {}
        out = {}
        for url, value in zip(urls, values, strict=True):
            kind = known_kind(value, before)
            if kind:
                out[url] = kind
        return out


def known_value(kind: str, first_seen: str, next_try: str | None = None) -> str:
    return json.dumps([kind, first_seen, next_try])


def known_kind(value: bytes | str | None, before: str) -> str | None:
    """The kind a ``KNOWN`` value gives, as :meth:`archive.store.Archive.known` would."""
    if value is None:
        return None
    try:
        kind, first_seen, next_try = json.loads(value)
    except (ValueError, TypeError):
        return None
    if first_seen >= before:
        return None  # this crawl's own finding
    if kind == "failed" and not (next_try and next_try > before):
        return None  # its next try has come
    return kind
