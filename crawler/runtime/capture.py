"""WARC capture of every response, as a downloader middleware.

It sits below RedirectMiddleware and HttpCompressionMiddleware (a higher
priority number), so it sees redirects, error statuses, robots.txt, and bodies
exactly as served. The crawls of one run write into the run's files (``archive.shared_files``).
Where the response record went is put in
``request.meta["warc_record"]`` for the article row to point to. A write that
fails (disk full, folder gone) stops the crawl and drops the response, so no
article is stored without its evidence.
"""

from __future__ import annotations

import asyncio
import logging
from http import HTTPStatus
from pathlib import Path

from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from archive.warc import Capture, RotatingWarcWriter, repair, warc_folder

logger = logging.getLogger(__name__)


def _pairs(headers) -> list[tuple[str, str]]:
    return [(k.decode("latin-1"), v.decode("latin-1")) for k, values in headers.items() for v in values]


class WarcCaptureMiddleware:
    def __init__(self, crawler, folder: Path, max_bytes: int) -> None:
        self.crawler, self.folder, self.max_bytes = crawler, folder, max_bytes
        self.writer: RotatingWarcWriter | None = None
        self.failed = False
        self.owns_writer = True

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("GOVARCHIVE_WARC_ENABLED", True):
            raise NotConfigured
        folder = Path(settings.get("GOVARCHIVE_WARC_DIR") or warc_folder(settings["GOVARCHIVE_DB"]))
        mw = cls(crawler, folder, settings.getint("GOVARCHIVE_WARC_MAX_BYTES", 1 << 30))
        from scrapy import signals

        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def spider_opened(self, spider) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        repair(self.folder)
        shared = self.crawler.settings.get("GOVARCHIVE_SHARED_FILES")
        if shared:  # the run's writer, closed by the run: its crawls write into one file
            self.writer = shared.warc_writer(self.folder, spider.crawl_id, self.max_bytes)
        else:
            self.writer = RotatingWarcWriter(self.folder, spider.crawl_id, self.max_bytes)
        self.owns_writer = not shared

    def spider_closed(self, spider) -> None:
        if self.writer and self.owns_writer and not self.failed:
            self.writer.close()

    async def process_response(self, request, response, spider=None):
        if self.failed:
            raise IgnoreRequest("WARC capture failed earlier")
        if request.meta.get("playwright"):  # the browser's DOM, beside the response as served
            args = ("write_conversion", response.url, response.body, request.meta.get("refers_to", ""),
                    "text/html; charset=utf-8")
        else:
            args = ("write", self._capture(request, response))
        try:
            # on the writer's thread: compression and digests run beside the reactor
            ref = await asyncio.wrap_future(self.writer.submit(*args))
        except OSError as exc:
            self._fail(exc)
            raise IgnoreRequest(f"not captured: {exc}") from exc
        request.meta["warc_record"] = ref
        self.crawler.stats.inc_value("govarchive/warc/records")
        return response

    def _capture(self, request, response) -> Capture:
        try:
            reason = HTTPStatus(response.status).phrase
        except ValueError:
            reason = ""
        return Capture(
            url=response.url, method=request.method, request_headers=_pairs(request.headers),
            status=response.status, reason=reason, response_headers=_pairs(response.headers),
            body=response.body, ip=str(response.ip_address) if response.ip_address else None,
            extra_headers=tuple(request.meta.get("warc_headers", {}).items()),
            request_body=request.body if request.method == "POST" else b"",
        )

    def _fail(self, exc: OSError) -> None:
        if self.failed:
            return
        self.failed = True
        self.writer.abort()
        logger.error("cannot write WARC files in %s: %s; stopping the crawl", self.folder, exc)
        self.crawler.stats.set_value("govarchive/warc/failed", str(exc))
        deferred_from_coro(self.crawler.engine.close_spider_async(reason="warc_write_failed"))
