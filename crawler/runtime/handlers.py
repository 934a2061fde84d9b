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

import logging
import time

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler
from scrapy.exceptions import DownloadFailedError
from scrapy.http import Headers, Request, Response
from scrapy.responsetypes import responsetypes
from scrapy.utils.httpobj import urlparse_cached
from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from crawler.runtime.legacy_tls import LegacyTLSError, fetch_async, fixable

logger = logging.getLogger(__name__)


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


class _LegacyTLS:
    """A host whose TLS handshake cannot succeed through Scrapy (TLS 1.0 or 1.1 only, a weak key
    exchange, old ciphers) is fetched with the system's OpenSSL, from then on
    (``crawler/runtime/legacy_tls.py``)."""

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self._legacy_hosts: set[str] = set()
        self._timeout = crawler.settings.getfloat("DOWNLOAD_TIMEOUT")
        self._maxsize = crawler.settings.getint("DOWNLOAD_MAXSIZE")

    async def download_request(self, request: Request) -> Response:
        host = urlparse_cached(request).netloc
        if request.meta.get("playwright") or not request.url.startswith("https://"):
            return await super().download_request(request)
        if host in self._legacy_hosts:
            try:
                return await self._legacy(request)
            except LegacyTLSError as exc:
                raise DownloadFailedError(f"over the system's OpenSSL: {exc}") from exc
        try:
            return await super().download_request(request)
        except DownloadFailedError as exc:
            if not fixable(str(exc)):
                raise
            try:
                response = await self._legacy(request)
            except LegacyTLSError as legacy:
                logger.debug("the system's OpenSSL failed on %s too: %s", request.url, legacy)
                raise exc from None  # the first failure says why
            self._legacy_hosts.add(host)
            logger.warning("%s offers only an old TLS: its pages are fetched with the system's OpenSSL",
                           host)
            return response

    async def _legacy(self, request: Request) -> Response:
        started = time.monotonic()
        headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in request.headers.items()}
        fetched = await fetch_async(request.url, request.method, headers, request.body,
                                    request.meta.get("download_timeout", self._timeout),
                                    request.meta.get("download_maxsize", self._maxsize))
        request.meta["download_latency"] = time.monotonic() - started  # AutoThrottle reads it
        self._crawler.stats.inc_value("govarchive/legacy_tls/responses")
        answer = Headers()
        for name, value in fetched.headers:  # every Set-Cookie kept
            answer.appendlist(name, value)
        cls = responsetypes.from_args(headers=answer, url=request.url, body=fetched.body)
        return cls(url=request.url, status=fetched.status, headers=answer, body=fetched.body,
                   request=request, protocol=fetched.version)


class HTTPHandler(_KeptPerHost, _LegacyTLS, HTTP11DownloadHandler):
    pass


class BrowserHandler(_KeptPerHost, _LegacyTLS, ScrapyPlaywrightDownloadHandler):
    """scrapy-playwright's handler (crawler/runtime/browser.py): pages without ``meta["playwright"]``
    go through Scrapy's HTTP handler it extends, with its pool."""
