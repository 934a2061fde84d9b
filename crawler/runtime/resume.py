"""Pause and resume: each site's crawl frontier, kept in the archive.

Scrapy's ``JOBDIR`` keeps its queue state only when the crawl closes cleanly:
after a kill (OOM, reboot, ``kill -9``) its disk queue and seen-set disagree
and requests are lost. So the frontier is kept here, in the ``frontier``
table, written in the same order the crawl discovers it:

- every Request a page yields (after the incremental filter) is recorded as
  pending, committed *before* the page's item is passed on;
- a page is marked done once its item has been stored or dropped by the
  pipelines (``item_scraped``/``item_dropped``/``item_error``), or, for a
  response that yields no item (sitemaps, feeds), once its links are recorded;
  an item's mark is written with the next page's links (``archive.frontier``),
  so a kill may leave a few done pages pending, fetched again on resume;
- a crawl that finishes deletes its site's frontier.

A crawl that finds pending rows for its site (the *job*) resumes: it
schedules them again, skips what it already fetched, and marks the runs that
were killed as ``killed``. Articles stored before the kill are skipped by URL;
one stored while its page was not yet marked done is recognised by the store
(same content, same URL) and not stored twice. ``GOVARCHIVE_RESUME = False``
discards a pending frontier and starts over.
"""

from __future__ import annotations

import logging
import pickle
from datetime import UTC, datetime

from scrapy import Request, signals
from scrapy.utils.request import request_from_dict

from archive.frontier import Frontier
from archive.store import Archive
from crawler.runtime import signals as govarchive_signals
from crawler.runtime.downloader import StoppedBeforeFetch

logger = logging.getLogger(__name__)

FP_META = "frontier_fp"


def request_record(request: Request, spider) -> dict:
    """``request.to_dict(spider=spider)``, which ``request_from_dict`` reads back. Scrapy finds
    each callback's name with ``inspect.getmembers`` over the whole spider, a tenth of a
    millisecond a request and 2% of a many-portal crawl's process; a method bound to the
    spider is named by its own ``__name__`` here, and anything else goes Scrapy's way."""
    names = {}
    for attr in ("callback", "errback"):
        method = getattr(request, attr)
        name = getattr(method, "__name__", "")
        if method is None or (getattr(method, "__self__", None) is spider
                              and getattr(spider, name, None) == method):
            names[attr] = method and name
        else:
            return request.to_dict(spider=spider)
    record = request.replace(callback=None, errback=None).to_dict()
    record.update(names)
    return record


def job_key(spider) -> str:
    """The frontier's owner: the registry site, or the portals of an ad-hoc crawl."""
    sites = getattr(spider, "sites", None) or {}
    key = ",".join(sorted(set(sites.values()))) or spider.name
    if spider.name == "recover":  # one frontier per web archive: another --archive starts its own
        return f"recover:{getattr(spider, 'replay', '')}:{key}"
    return key


class FrontierMiddleware:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.resume = crawler.settings.getbool("GOVARCHIVE_RESUME", True)
        self.refresh = crawler.settings.getbool("GOVARCHIVE_REFRESH")
        self.archive: Archive | None = None
        self.frontier: Frontier | None = None
        self.job = ""
        self.known: set[str] = set()  # fingerprints recorded for this job, done or pending
        self.pending: list[bytes] = []  # serialized requests left by an interrupted crawl
        self.stopping = False  # Ctrl-C: pages fetched are no longer read

    @classmethod
    def from_crawler(cls, crawler):
        mw = cls(crawler)
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(mw.item_done, signal=signal)
        crawler.signals.connect(mw.stop_reading, signal=govarchive_signals.stopping)
        return mw

    # lifecycle ------------------------------------------------------------
    def spider_opened(self, spider) -> None:
        self.archive = Archive.from_crawler(self.crawler)
        self.job = job_key(spider)
        self.frontier = Frontier(self.archive.db, self.job)
        if not self.resume:
            self.frontier.clear()
            return
        rows = self.frontier.rows()
        self.known = {fp for fp, _, _, _ in rows}
        self.pending = [blob for _, done, blob, _ in rows if not done]
        if not rows:
            return
        killed = sorted({crawl_id for *_, crawl_id in rows if crawl_id})
        self.frontier.mark_crawls_killed(killed)
        logger.warning("resuming %s: %d of %d requests were pending when crawl %s stopped",
                       self.job, len(self.pending), len(rows), killed[-1] if killed else "?")
        self.stats.set_value("govarchive/resumed/pending", len(self.pending))

    def spider_closed(self, spider, reason: str) -> None:
        if not self.archive:
            return
        if reason == "finished":
            self.frontier.clear()
        else:
            self.frontier.flush()
        self.archive.close()
        self.archive = None

    # Ctrl-C -----------------------------------------------------------------
    def stop_reading(self) -> None:
        self.stopping = True

    def process_spider_input(self, response, spider=None) -> None:
        """After Ctrl-C, a page fetched and not yet read is not read: on a busy machine hundreds
        wait for extraction, and a stop took seconds each. It stays pending in the frontier and
        the next crawl fetches it again (its capture is in the WARC files already)."""
        if self.stopping:
            raise StoppedBeforeFetch(response.url)

    def process_spider_exception(self, response, exception, spider=None):
        if isinstance(exception, StoppedBeforeFetch):
            return []  # a request without an errback: nothing to say
        return None

    # the frontier -----------------------------------------------------------
    async def process_start(self, start):
        spider = self.crawler.spider
        for request in self._resumed(spider):
            yield request
        async for request in start:
            if isinstance(request, Request):
                # committed at once (sqlite-utils commits a statement outside a transaction):
                # no write lock is held across the yield
                recorded = self._record(request, spider)
                if not recorded:
                    continue
            yield request

    async def process_spider_output(self, response, result, spider=None):
        spider = spider or self.crawler.spider
        outputs = [x async for x in result]
        # one transaction for the page's links (sqlite-utils commits each statement on its own
        # otherwise: a commit per new link); committed before the page's item goes on
        with self.frontier.atomic():
            kept = [out for out in outputs if not isinstance(out, Request) or self._record(out, spider)]
            # no item: nothing left to wait for; but after Ctrl-C an unread page's errback output
            # (none) comes this way too, and must stay pending
            if all(isinstance(out, Request) for out in kept) and not self.stopping:
                self._mark_done(response.meta.get(FP_META))
        for out in kept:
            yield out

    def item_done(self, item, response, spider, **kwargs) -> None:
        if self.archive and response is not None:
            self._mark_done(response.meta.get(FP_META))  # written with the next page's links

    # helpers ----------------------------------------------------------------
    def _resumed(self, spider) -> list[Request]:
        requests = [request_from_dict(pickle.loads(blob), spider=spider) for blob in self.pending]
        self.pending = []
        if self.refresh:
            return requests
        archived = self.archive.known([r.url for r in requests], datetime.now(UTC).isoformat())
        kept = [r for r in requests if archived.get(r.url) != "article"]
        with self.frontier.atomic():
            for request in requests:
                if archived.get(request.url) == "article":
                    self._mark_done(request.meta.get(FP_META))
        self.stats.set_value("govarchive/resumed/archived_skipped", len(requests) - len(kept))
        return kept

    def _record(self, request: Request, spider) -> bool:
        """Record a new request as pending; False if the job already holds it."""
        fp = self.crawler.request_fingerprinter.fingerprint(request).hex()
        if request.meta.get("playwright"):  # the same address again, in the browser: another request
            fp = "browser-" + fp
        if fp in self.known:
            self.stats.inc_value("govarchive/resumed/already_fetched")
            return False
        self.known.add(fp)
        request.meta[FP_META] = fp
        try:
            blob = pickle.dumps(request_record(request, spider), protocol=4)
        except (ValueError, TypeError, pickle.PicklingError, AttributeError) as exc:
            logger.debug("cannot keep %s in the frontier: %s", request.url, exc)
            return True  # crawled all the same, just not resumable
        self.frontier.add(fp, request.url, blob, getattr(spider, "crawl_id", None))
        return True

    def _mark_done(self, fp: str | None) -> None:
        if fp:
            self.frontier.mark_done(fp)
