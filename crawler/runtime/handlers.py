"""Scrapy's HTTP download handlers, keeping one idle connection a host under a delay.

Scrapy's pool keeps as many idle connections a host as ``CONCURRENT_REQUESTS_PER_DOMAIN``
(2 here), each for four minutes. Under a download delay and AutoThrottle aiming at one request
in flight, a host is asked one page at a time nearly always: a second connection, opened when
two requests overlap, then sits idle, one more open file a portal on servers that keep
connections alive (``benchmarks/portals_bench.py``'s servers close each one, so its socket
counts are of requests in flight). Here it is closed after its answer; the first is kept, so a
portal's pages still come over one kept-alive connection. Without a delay a host is asked at
its concurrency all the time, and closing the second connection made half the requests connect
again (a single-portal crawl 5% slower, ``benchmarks/scale_bench.py``): all are kept.
"""

from __future__ import annotations

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler


def kept_per_host(settings) -> int:
    """Idle connections kept a host: one under a delay, else one a request allowed at once."""
    if settings.getfloat("DOWNLOAD_DELAY") > 0:
        return 1
    return max(1, settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"))


class _KeptPerHost:
    """Sets the pool Scrapy's HTTP handler made to :func:`kept_per_host`."""

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self._pool.maxPersistentPerHost = kept_per_host(crawler.settings)


class HTTPHandler(_KeptPerHost, HTTP11DownloadHandler):
    pass


class BrowserHandler(_KeptPerHost, ScrapyPlaywrightDownloadHandler):
    """scrapy-playwright's handler (crawler/runtime/browser.py): pages without ``meta["playwright"]``
    go through Scrapy's HTTP handler it extends, with its pool."""
