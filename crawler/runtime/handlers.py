"""Scrapy's HTTP download handlers, keeping one idle connection a host.

Scrapy's pool keeps as many idle connections a host as ``CONCURRENT_REQUESTS_PER_DOMAIN``
(2 here), each for four minutes. Under a download delay and AutoThrottle aiming at one request
in flight, a host is asked one page at a time nearly always: the second connection, opened
when two requests overlap, then sat idle, and a many-portal crawl held about 1.14 sockets a
portal (``benchmarks/portals_bench.py``). Here it is closed after its answer; the first is
kept, so a portal's pages still come over one kept-alive connection.
"""

from __future__ import annotations

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

KEPT_PER_HOST = 1


class HTTPHandler(HTTP11DownloadHandler):
    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self._pool.maxPersistentPerHost = KEPT_PER_HOST


class BrowserHandler(ScrapyPlaywrightDownloadHandler):
    """scrapy-playwright's handler (crawler/runtime/browser.py): pages without ``meta["playwright"]``
    go through Scrapy's HTTP handler it extends, with its pool."""

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self._pool.maxPersistentPerHost = KEPT_PER_HOST
