"""Downloader middlewares."""

from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet.task import deferLater

from common.urls import never_crawled
from crawler.runtime.downloader import retry_after

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
            from twisted.internet import reactor  # here: importing it installs a reactor

            await maybe_deferred_to_future(deferLater(reactor, delay, lambda: None))
        return result


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


class TrapSkipped(IgnoreRequest):
    """A queued request whose URL pattern was found to be a trap after it was queued."""


class TrapMiddleware:
    """Drops queued requests of a URL pattern the spider has since found to run dry.

    The spider refuses new links into a trap; the ones it queued before it knew (a calendar
    page links thirty days at once) are dropped here, before they cost the portal a request.
    """

    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        traps = getattr(self.crawler.spider, "traps", None)
        if traps is None or request.method != "GET" or "?" not in request.url:
            return None
        reason = traps.blocked(request.url)
        if reason:
            raise TrapSkipped(reason)
        return None
