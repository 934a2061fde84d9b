"""Downloader middlewares."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import reactor
from twisted.internet.task import deferLater

from common.urls import never_crawled

logger = logging.getLogger(__name__)


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's retries of 5xx and timeouts, with an exponential pause before each.

    The pause is awaited, not slept: other requests go on meanwhile.
    ``RETRY_BACKOFF_BASE`` seconds before the first retry, doubled each time, at
    most ``RETRY_BACKOFF_MAX``.
    """

    def __init__(self, settings, *args, **kwargs):
        super().__init__(settings, *args, **kwargs)
        self.base = settings.getfloat("RETRY_BACKOFF_BASE", 2.0)
        self.cap = settings.getfloat("RETRY_BACKOFF_MAX", 60.0)
        self.after_cap = settings.getfloat("RETRY_AFTER_MAX", 600.0)

    async def process_response(self, request, response, spider=None):
        # the whole host waits too: crawler.runtime.downloader pauses it as the answer arrives
        return await self._pause(super().process_response(request, response), retry_after(response))

    async def process_exception(self, request, exception, spider=None):
        return await self._pause(super().process_exception(request, exception))

    async def _pause(self, result, asked: float = 0.0):
        """Back off before a retry; a 429 or 503's Retry-After is obeyed (archive.org blocks
        clients that ignore it), up to ``RETRY_AFTER_MAX`` seconds."""
        if isinstance(result, Request) and (self.base > 0 or asked):
            tries = result.meta.get("retry_times", 1)
            delay = max(min(self.cap, self.base * 2 ** (tries - 1)), min(asked, self.after_cap))
            logger.debug("backing off %.1fs before retry %d of %s", delay, tries, result.url)
            await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))
        return result


def retry_after(response) -> float:
    """Seconds a 429/503 answer asks to wait (``Retry-After`` in seconds or as an HTTP date), else 0."""
    if response.status not in (429, 503):
        return 0.0
    value = response.headers.get("Retry-After", b"").decode("latin-1").strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


class NeverCrawledHostsMiddleware:
    """Refuses every request to a link-local or cloud metadata address, whatever the settings.

    First among the downloader middlewares, so it sees start URLs, links and the requests
    redirects make alike: a portal page (or a hostile one) that points or redirects to
    ``169.254.169.254`` would otherwise have its answer archived.
    """

    def __init__(self, stats) -> None:
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_request(self, request, spider=None):
        reason = never_crawled(urlsplit(request.url).hostname)
        if reason:
            logger.warning("not fetched: %s (%s)", request.url, reason)
            self.stats.inc_value("govarchive/skipped/never_crawled_host")
            raise IgnoreRequest(f"never crawled: {reason}")
        return None
