"""Writes what the spider learns as it learns it: redirects, document links, pages not fetched,
and pages whose item could not be stored.

An extension with its own archive writer, open for the crawl: each finding the spider signals
(:mod:`crawler.runtime.signals`) is one write, committed at once (in a worker, one stream
operation). Redirects and document links wait in the archive's ``findings`` table until what
they point to is archived (``Archive.resolve_findings``, run as each crawl finishes and again by
the next one after a kill).

A page whose item failed in a pipeline (an unexpected error, a lock held past the busy timeout)
is recorded ``failed`` with the error as its reason: the resume frontier counts it done, and the
next crawls fetch it again after the failed pages' backoff, as a page whose download failed.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from itemadapter import ItemAdapter
from scrapy import signals

from archive.writer import ArchiveWriter
from common.urls import host_of
from crawler.runtime import signals as found
from crawler.runtime.archive_access import open_archive

logger = logging.getLogger(__name__)


class FindingsRecorder:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.archive: ArchiveWriter | None = None

    @classmethod
    def from_crawler(cls, crawler):
        recorder = cls(crawler)
        crawler.signals.connect(recorder.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(recorder.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(recorder.redirect_found, signal=found.redirect_found)
        crawler.signals.connect(recorder.document_linked, signal=found.document_linked)
        crawler.signals.connect(recorder.page_unfetched, signal=found.page_unfetched)
        crawler.signals.connect(recorder.item_unstored, signal=signals.item_error)
        return recorder

    def spider_opened(self, spider) -> None:
        self.archive = open_archive(self.crawler)

    def spider_closed(self, spider) -> None:
        if self.archive is not None:
            self.archive.close()
            self.archive = None

    def _site_of(self, spider, url: str) -> str:
        return getattr(spider, "site_of", host_of)(url)

    def redirect_found(self, spider, old: str, target: str, seen_at: str) -> None:
        if self.archive is None:
            return
        if self.archive.record_redirects([(old, target, seen_at, self._site_of(spider, old))]):
            self.stats.inc_value("govarchive/redirects_recorded")

    def document_linked(self, spider, url: str, page_url: str, text: str, seen_at: str) -> None:
        if self.archive is None:
            return
        self.archive.add_document_links([(url, page_url, text, seen_at, spider.crawl_id)])
        self.stats.inc_value("govarchive/documents/links")

    def page_unfetched(self, spider, url: str, kind: str, reason: str, seen_at: str) -> None:
        if self.archive is None:
            return
        site = self._site_of(spider, url)
        if kind == "failed":
            self.archive.record_failure(url, site, reason, seen_at, spider.crawl_id)
        else:
            self.archive.record_page(url, site, kind, reason, seen_at, spider.crawl_id)

    def item_unstored(self, item, response, spider, failure) -> None:
        if self.archive is None:
            return
        adapter = ItemAdapter(item)
        url = adapter.get("url")  # the address storing it clears a failure record of
        if not url:
            return
        error = failure.value
        reason = f"not stored: {type(error).__name__}: {error}"[:300]
        when = adapter.get("fetched_at") or datetime.now(UTC).isoformat(timespec="seconds")
        try:
            self.archive.record_failure(url, adapter.get("site") or self._site_of(spider, url), reason,
                                        when, spider.crawl_id)
        except Exception as exc:  # the archive itself failing: said once here, the crawl goes on
            logger.warning("could not record %s as not stored: %s", url, exc)
            return
        self.stats.inc_value("govarchive/unstored_recorded")
