"""What a portal crawl says of a page it could not fetch: a dead end (404, 410, robots.txt, an
address never crawled) or a failure later crawls retry (5xx after the retries, timeouts, TLS),
each with its reason said plainly, counted, and written to the archive."""

from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest
from scrapy.spidermiddlewares.httperror import HttpError
from scrapy.utils.response import response_status_message

from common.clock import utc_now
from crawler.runtime import signals as found
from crawler.runtime.downloader import StoppedBeforeFetch
from crawler.runtime.failures import plain_reason
from crawler.runtime.legacy_tls import tls_reason
from crawler.runtime.middlewares import TrapSkipped

logger = logging.getLogger(__name__)

GONE = (404, 410)  # the server says the page is not there: a dead end, not a failure


def http_reason(status: int) -> str:
    return response_status_message(status).partition(" ")[2]


class Failures:
    """A mixin of :class:`spiders.portal.PortalSpider`: its requests' errbacks."""

    def on_probe_error(self, failure) -> None:
        logger.debug("probe failed: %s", failure.request.url)

    def on_error(self, failure) -> None:
        request = failure.request
        if failure.check(StoppedBeforeFetch):  # Ctrl-C: pending in the frontier, not a failure
            return
        if failure.check(TrapSkipped):
            self.refused(request.url, str(failure.value))
            return
        if request.meta.get("download_maxsize") and "max size" in failure.getErrorMessage():
            reason = f"document over the size limit ({request.meta['download_maxsize'] >> 20} MB)"
            logger.warning("not fetched %s: %s", request.url, reason)
            self.crawler.stats.inc_value("govarchive/documents/skipped/too_large")
            self.unfetched(request, "dead_end", reason)
            return
        if failure.check(HttpError):  # an error status after the retries (HttpError is an IgnoreRequest)
            status = failure.value.response.status
            reason = f"HTTP {status} {http_reason(status)}".strip()
            kind = "dead_end" if status in GONE else "failed"
            name = f"HTTP{status}"
        elif failure.check(IgnoreRequest):  # robots.txt forbids it: polite, not an error
            logger.debug("not fetched %s: %s", request.url, failure.getErrorMessage())
            if str(failure.value).startswith("never crawled"):  # a link-local or metadata address
                self.unfetched(request, "dead_end", str(failure.value))
                return
            self.crawler.stats.inc_value("govarchive/skipped/robots")
            self.unfetched(request, "dead_end", "refused by robots.txt")
            return
        elif tls := tls_reason(failure.getErrorMessage()):  # said plainly: OpenSSL's words tell no one
            kind, name, reason = "failed", "TLS", f"TLS handshake failed: {tls}"
            self.crawler.stats.set_value("govarchive/tls_failed", tls)
        else:  # timeouts, resets, DNS: the real reason, said plainly, retried by later crawls
            kind, (name, reason) = "failed", plain_reason(failure)
        logger.warning("failed %s: %s", request.url, reason)
        self.unfetched(request, kind, reason)
        self.crawler.stats.inc_value("govarchive/errors/download")
        self.crawler.stats.inc_value(f"govarchive/errors/{name}")

    def unfetched(self, request, kind: str, reason: str) -> None:
        """A page not fetched: ``dead_end`` (robots.txt, 404/410) or ``failed`` (5xx after the
        retries, timeouts, resets: later crawls retry it), written to the archive now."""
        self.crawler.signals.send_catch_log(found.page_unfetched, spider=self, url=request.url, kind=kind,
                                            reason=reason, seen_at=utc_now())
