"""Incremental crawls, backed by the archive itself (scrapy-deltafetch does not run on Scrapy >= 2.16).

A spider middleware that looks at the Requests each page yields:

- a page already archived as an article is not fetched again (unless
  ``GOVARCHIVE_REFRESH``), nor one known to be a dead end; listings are
  fetched again, since new articles appear on them. At the end of a crawl
  each non-article page it fetched is classified by its links: a *listing*
  has next-page links and links to an archived article, or links to one
  beyond the site-wide links (menus, "Tin mới" sidebars, on half the pages or
  more); a *dead end* (contact, calendar, gallery, document page, not HTML)
  does neither;
- a listing page whose links bring nothing new (nothing the archive did not
  hold before this crawl began) stops its pagination: once
  ``GOVARCHIVE_STOP_PAGING`` pages in a row bring no new URL, its next-page
  links are dropped (0 turns this off).

Every crawl into an existing archive is incremental, ``crawl --url`` included.
Sitemaps and feeds pass through the same filter, so new articles anywhere are
still found.
"""

from __future__ import annotations

import logging
from collections import Counter
from datetime import UTC, datetime

from scrapy import Request

from archive.writer import ArchiveWriter
from common.urls import host_of
from crawler.runtime.archive_access import open_archive

logger = logging.getLogger(__name__)

SITE_WIDE = 0.5  # a link on this share of a crawl's pages is navigation, not content
# addresses whose standing before the crawl is remembered, then forgotten at once: a portal's
# menus and sidebars are a few hundred, and hundreds of crawls may run in one process
KNOWN_CACHE = 5_000


class IncrementalMiddleware:
    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.refresh = crawler.settings.getbool("GOVARCHIVE_REFRESH")
        self.stop_after = crawler.settings.getint("GOVARCHIVE_STOP_PAGING", 1)
        self.failed_backoff = crawler.settings.getbool("GOVARCHIVE_FAILED_BACKOFF", True)
        self.archive: ArchiveWriter | None = None
        self.links: dict[str, list[str]] = {}  # page -> its links, to classify pages at the end
        self.paginated: set[str] = set()  # pages with next-page links: listings whatever they link
        # what the archive knew of an address before the crawl began does not change while it runs,
        # and every page repeats its menus' links: each is asked of SQLite once, not once a page
        self.known: dict[str, str | None] = {}

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals

        mw = cls(crawler)
        crawler.signals.connect(mw.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def spider_opened(self, spider) -> None:
        self.archive = open_archive(self.crawler)
        self.started = datetime.now(UTC).isoformat(timespec="seconds")

    def spider_closed(self, spider) -> None:
        if not self.archive:
            return
        self.archive.classify_pages(self._own_links())
        self.archive.close()

    def _own_links(self) -> dict[str, set[str]]:
        """Each page's links less those on most pages of its site (menus, "Tin mới" sidebars)."""
        by_host: dict[str, list[str]] = {}
        for page in self.links:
            by_host.setdefault(host_of(page), []).append(page)
        own: dict[str, set[str]] = {}
        for pages in by_host.values():
            counts = Counter(url for page in pages for url in set(self.links[page]))
            common = {url for url, n in counts.items() if n >= max(3, SITE_WIDE * len(pages))}
            own.update({page: set(self.links[page]) - common for page in pages})
        for page in self.paginated:  # keep every link: any archived article makes it a listing
            own[page] = set(self.links.get(page, ()))
        return own

    async def process_spider_output(self, response, result, spider=None):
        outputs = [x async for x in result]  # the callback has run: page_links is set
        requests = [r for r in outputs if isinstance(r, Request) and "hops" in r.meta]
        links = list(dict.fromkeys(response.meta.get("page_links", [])))
        if links:
            self.links[response.url] = links
        if response.meta.get("has_paging"):
            self.paginated.add(response.url)
        known = self._known_before([r.url for r in requests] + links)
        new_links = sum(1 for url in links if url not in known)
        dry = response.meta.get("dry_pages", 0) + 1 if links and new_links == 0 else 0
        stop_paging = self.stop_after and dry >= self.stop_after and response.meta.get("hops") is not None
        for out in outputs:
            if isinstance(out, Request) and out in requests:
                if self._drop(out, known.get(out.url), stop_paging):
                    continue
                if out.meta.get("paging"):
                    out.meta["dry_pages"] = dry
            yield out

    def _known_before(self, urls: list[str]) -> dict[str, str]:
        """``archive.known`` of ``urls`` before the crawl began, each address asked once."""
        asked = [url for url in dict.fromkeys(urls) if url not in self.known]
        found = self.archive.known(asked, self.started) if asked else {}
        out = {url: kind for url in urls if (kind := found.get(url) or self.known.get(url))}
        if len(self.known) + len(asked) > KNOWN_CACHE:
            self.known.clear()
        self.known.update((url, found.get(url)) for url in asked)
        return out

    def _drop(self, request: Request, kind: str | None, stop_paging: bool) -> bool:
        if request.meta.get("playwright"):  # the page just fetched, rendered: whatever it was before
            return False
        if kind == "article" and not self.refresh:
            self.stats.inc_value("govarchive/incremental/known_article")
            return True
        if kind == "document" and not self.refresh:
            self.stats.inc_value("govarchive/incremental/known_document")
            return True
        if kind == "dead_end":
            self.stats.inc_value("govarchive/incremental/known_dead_end")
            return True
        if kind == "failed":  # failed before and its next try has not come yet
            if not self.failed_backoff:
                self.stats.inc_value("govarchive/incremental/failed_retried_now")
                return False
            self.stats.inc_value("govarchive/incremental/failed_waiting")
            return True
        if stop_paging and request.meta.get("paging"):
            self.stats.inc_value("govarchive/incremental/paging_stopped")
            return True
        return False
