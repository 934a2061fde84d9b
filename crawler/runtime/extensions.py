"""Scrapy extensions: the ``crawls`` record of each run, and progress lines."""

from __future__ import annotations

import inspect
import logging
from datetime import UTC, datetime

from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from archive.store import CrawlCounts
from crawler.runtime.archive_access import open_archive

logger = logging.getLogger(__name__)

STATUS_BY_REASON = {"finished": "finished", "shutdown": "interrupted",
                    "closespider_pagecount": "finished (page limit)"}
PAGE_LIMIT_STAT = "govarchive/page_limit_reached"


def counts_from_stats(stats: dict) -> CrawlCounts:
    totals = dict.fromkeys(("govarchive/duplicates/", "govarchive/skipped/", "spider_exceptions/count"), 0)
    for key, value in stats.items():  # one pass: every crawl of hundreds reports every interval
        if isinstance(value, int):
            for prefix in totals:
                if key.startswith(prefix):
                    totals[prefix] += value
    return CrawlCounts(
        # the spider's probe for the portal's not-found page is no page of it
        pages_fetched=stats.get("response_received_count", 0) - stats.get("govarchive/not_found_probes", 0),
        articles_new=stats.get("govarchive/articles_new", 0),
        articles_updated=stats.get("govarchive/articles_updated", 0),
        duplicates=totals["govarchive/duplicates/"],
        errors=stats.get("govarchive/errors/download", 0) + stats.get("govarchive/errors/item", 0)
        + totals["spider_exceptions/count"],
        skipped=totals["govarchive/skipped/"],
    )


def _answered(stats: dict) -> bool:
    """Whether any page (robots.txt aside) came back with a status below 400."""
    def below_400(prefix: str) -> int:
        return sum(v for k, v in stats.items() if k.startswith(prefix) and k[len(prefix):].isdigit()
                   and int(k[len(prefix):]) < 400)

    return below_400("downloader/response_status_count/") > below_400("robotstxt/response_status_count/")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class CrawlRecorder:
    """One ``crawls`` row per run: opened as 'running', closed with counts and status."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        ext = cls(crawler)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        return ext

    def spider_opened(self, spider) -> None:
        archive = open_archive(self.crawler)
        try:
            archive.start_crawl(spider.crawl_id, _now(), list(spider.start_urls),
                                getattr(spider, "site_key", None))
        finally:
            archive.close()

    def item_error(self, item, response, spider, failure) -> None:
        self.crawler.stats.inc_value("govarchive/errors/item")

    def spider_closed(self, spider, reason: str) -> None:
        stats = self.crawler.stats.get_stats()
        status = STATUS_BY_REASON.get(reason, reason)
        if status == "finished" and stats.get(PAGE_LIMIT_STAT):
            status = "finished (page limit)"
        if status.startswith("finished") and not _answered(stats):
            status = "failed"  # no portal answered: unreachable, refused or erring on every page
        archive = open_archive(self.crawler)
        try:
            archive.finish_crawl(spider.crawl_id, _now(), status, counts_from_stats(stats), stats)
        finally:
            archive.close()
        logger.info("crawl %s %s", spider.crawl_id, status)


class Progress:
    """Calls ``GOVARCHIVE_PROGRESS(counts)`` every few seconds and at the end; with
    ``source=`` (which crawl) when the callable takes it: one display for the many crawls of
    ``crawl --all`` adds them up."""

    def __init__(self, crawler, callback, interval: float) -> None:
        self.crawler, self.callback, self.interval = crawler, callback, interval
        self.loop: task.LoopingCall | None = None
        try:
            self.keyed = "source" in inspect.signature(callback).parameters
        except (TypeError, ValueError):  # a callable without a signature to read
            self.keyed = False

    @classmethod
    def from_crawler(cls, crawler):
        callback = crawler.settings.get("GOVARCHIVE_PROGRESS")
        if not callable(callback):
            raise NotConfigured
        ext = cls(crawler, callback, crawler.settings.getfloat("GOVARCHIVE_PROGRESS_INTERVAL", 5))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def report(self) -> None:
        counts = counts_from_stats(self.crawler.stats.get_stats())
        if self.keyed:
            self.callback(counts, source=id(self.crawler))
        else:
            self.callback(counts)

    def spider_opened(self, spider) -> None:
        self.loop = task.LoopingCall(self.report)
        self.loop.start(self.interval, now=False)

    def spider_closed(self, spider, reason: str) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()


class _NoTraceback(logging.Filter):
    """The traceback goes; the exception's one line stays with the message (an item's error was
    logged as the item alone, with nothing of why)."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is not None:
            record.msg, record.args = f"{record.getMessage()} ({type(error).__name__}: {error})", None
        record.exc_info, record.exc_text = None, None
        return True


class OneLineErrors:
    """Log errors as one line, without tracebacks (``GOVARCHIVE_SHORT_ERRORS``).

    Scrapy logs some expected network failures (an unreachable robots.txt) with
    a full traceback; the CLI turns this on unless ``--verbose``. The filters sit
    on the loggers, not on handlers, because Scrapy re-installs its root handler.
    """

    LOGGERS = ("scrapy.downloadermiddlewares.robotstxt", "scrapy.downloadermiddlewares.retry",
               "scrapy.core.scraper", "scrapy.core.engine", "scrapy.core.downloader",
               "scrapy.utils.signal", "scrapy.middleware")

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("GOVARCHIVE_SHORT_ERRORS"):
            raise NotConfigured
        for name in cls.LOGGERS:
            log = logging.getLogger(name)
            if not any(isinstance(f, _NoTraceback) for f in log.filters):
                log.addFilter(_NoTraceback())
        return cls()
