"""Stage 1: extract title, text, author, source and date candidates from the page."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from archive.warc import warc_folder
from common.dates import MONTH_FIRST
from crawler.extraction import Rejection, resolve_date
from crawler.extraction.budget import MAX_BYTES, SECONDS
from crawler.extraction.decode import charset_from_content_type, decode_html
from crawler.extraction.pool import PoolUnavailable, default_workers, release_pool, shared_pool
from crawler.extraction.reextract import (
    MAX_REREAD,
    ReextractReport,
    change_of,
    record_of,
    rows_to_reread,
    write_change,
)
from crawler.extraction.template import learn
from crawler.runtime.items import PageItem
from pipelines.base import ArchiveStage
from pipelines.learning import SiteLearning

logger = logging.getLogger(__name__)


class ExtractPipeline(ArchiveStage):
    """Drops pages that are not articles, with the reason; counts them and remembers them.

    A remembered page is a ``listing`` (re-fetched by later crawls, which find new
    articles through it) or a ``dead_end`` (not fetched again). The kind given here
    from the reason is provisional and cautious; the incremental middleware settles
    it from the page's links when the crawl ends.
    """

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.max_bytes = self.settings.getint("GOVARCHIVE_EXTRACT_MAX_BYTES", MAX_BYTES)
        self.seconds = self.settings.getfloat("GOVARCHIVE_EXTRACT_SECONDS", SECONDS)
        workers = self.settings.get("GOVARCHIVE_EXTRACT_WORKERS")
        self.workers = default_workers() if workers in (None, "", "auto") else int(workers)
        self.held = None  # the process's extraction pool, while this crawl runs
        self.pool = None  # the same, unless its workers cannot start here
        self.registry: tuple[str, dict] | None = None  # the registry site's key and its selectors
        self.sites: dict[str, SiteLearning] = {}  # by site key: each site's template, learnt or loaded

    def open_spider(self, spider=None) -> None:
        super().open_spider(spider)
        if self.workers > 0:
            # its workers start at the first page to extract, not here: their start (a forkserver
            # importing the extraction modules) took the cores the crawl processes were starting
            # their portals on, and the first request went out later (benchmarks/RESULTS.md, stop 54)
            self.held = self.pool = shared_pool(self.workers)
        site = getattr(spider or self.crawler.spider, "site", None)  # registry spiders carry their Site
        if site is not None:
            self.registry = (site.key, dict(site.selectors or {}))
            self.site(site.key)

    def site(self, key: str) -> SiteLearning:
        """The site's template state, made (its template loaded from the archive) at its first page."""
        state = self.sites.get(key)
        if state is None:
            registry = self.registry[1] if self.registry and self.registry[0] == key else {}
            state = self.sites[key] = SiteLearning(key, registry, self.archive.site_template(key),
                                                   self.archive.learns_templates)
        return state

    async def _learn(self, state: SiteLearning) -> None:
        """The site's template from its article pages seen so far (in a worker), kept in the
        archive and used for the pages still to come; the earlier ones are read again with it
        when the crawl ends."""
        pages, seen = state.take()
        template = None
        if self.pool:
            try:
                template = await self.pool.learn(pages, seen)
            except PoolUnavailable:
                self.pool = None
        if not self.pool:
            template = learn(pages, seen)
        if state.adopt(template):
            self.archive.save_site_template(state.key, template.selectors(), template.pages)
            self.stats.set_value("govarchive/template/learnt_from", template.pages)

    async def _reread(self, state: SiteLearning) -> None:
        """The site's articles extracted before its template was learnt, read again with it from
        their WARC records (the crawl's items are all stored by now), in the extraction workers:
        the process's other crawls go on meanwhile."""
        report, folder = ReextractReport(), warc_folder(self.settings.get("GOVARCHIVE_DB"))
        for row in rows_to_reread(self.archive.db, state.key, state.untemplated):
            report.checked += 1
            stored = record_of(folder, row, report)
            if stored is None:
                continue
            result = await self._extract(stored.body, row["url"], stored.content_type, state)
            change = change_of(row, resolve_date(result, datetime.fromisoformat(row["fetched_at"])), report)
            if change is not None:
                report.changes.append(change)
                write_change(self.archive.db, row, change, report)
        if len(set(state.untemplated)) > MAX_REREAD:
            logger.info("%d articles of %s were extracted before its template: `govarchive reextract --site "
                        "%s` reads the rest again", len(set(state.untemplated)), state.key, state.key)
        self.stats.inc_value("govarchive/template/reread", report.checked)
        self.stats.inc_value("govarchive/template/reread_changed", len(report.changes))
        logger.info("read %d articles of %s extracted before its template again: %d changed%s",
                    report.checked, state.key, len(report.changes),
                    f"; {'; '.join(report.problems[:3])}" if report.problems else "")

    async def _extract(self, body: bytes, url: str, content_type: str, state: SiteLearning):
        """A page's extraction with the site's selectors: in a worker, else here."""
        if self.pool:
            try:
                return (await self.pool.extract(body, url, content_type, state.selectors, self.max_bytes,
                                                self.seconds))[0]
            except PoolUnavailable:
                self.pool = None
        return self._extract_here(body, url, content_type, state)

    def _extract_here(self, body: bytes, url: str, content_type: str, state: SiteLearning):
        """A page's extraction in this process, where no worker can take it (extraction's stages
        are imported then: a crawl process that has workers never loads them)."""
        from crawler.extraction import extract_bytes

        return extract_bytes(body, url, content_type, state.profile, max_bytes=self.max_bytes,
                             seconds=self.seconds)

    async def close_spider(self, spider=None) -> None:
        for state in self.sites.values():
            if state.ready():
                await self._learn(state)
            if state.learnt and state.untemplated:
                await self._reread(state)
        if self.held:
            release_pool(self.held)
            self.held = self.pool = None
        super().close_spider(spider)

    async def process_item(self, item):
        if not isinstance(item, PageItem):
            return item
        adapter = ItemAdapter(item)
        content_type = adapter["content_type"] or "text/html"
        if "html" not in content_type:
            logger.info("not HTML (%s): %s", content_type, adapter["url"])
            self._skip(adapter, "non_html", f"not HTML ({content_type})")
        if adapter.get("listing_page"):  # page N of a listing, whatever item it shows in full
            self._skip(adapter, "listing_page", "a page of a listing (its pager reached it, or it links its "
                       "own next page)", "listing")
        state = self.site(adapter["site"])
        untemplated = state.untemplated_now  # the site's template is not known yet

        def selectors() -> str:  # asked as the page goes to a worker: a template learnt meanwhile is used
            nonlocal untemplated
            untemplated = state.untemplated_now
            return state.selectors

        result = await self._in_worker(adapter, selectors) if self.pool else None
        if result is None:
            result = self._extract_here(adapter["body"], adapter["url"], adapter["content_type"], state)
        if result.truncated:
            logger.warning("page over %d bytes: extracted from its start only: %s", self.max_bytes,
                           adapter["url"])
            self.stats.inc_value("govarchive/extract/truncated")
        if not result.is_article:
            self._reject(adapter, result.rejection or Rejection.NOT_ARTICLE, result.reason)
        adapter["url"] = result.url or adapter["url"]
        for name, value in result.stored().items():
            if name not in ("published_at", "published_raw", "published_from"):  # the dates stage's
                adapter[name] = value
        adapter["date_candidates"] = result.date_candidates
        hint = adapter.get("listing_hint") or {}
        if hint.get("date"):  # what a listing printed beside the link or its endpoint's JSON said:
            # after the page's own candidates
            month_first = hint.get("month_first") or (state.profile is not None and state.profile.month_first)
            kind = "listing" + (MONTH_FIRST if month_first else "")
            adapter["date_candidates"] = [*result.date_candidates, (kind, hint["date"])]
        if hint.get("title") and not adapter["title"]:
            adapter["title"] = hint["title"]
        self.stats.inc_value("govarchive/articles_extracted")
        # how the body was read: "site" at the site's selectors or learnt place, a profile's name,
        # or the candidate the generic chooser picked
        self.stats.inc_value(f"govarchive/extract/body/{result.body_from or 'none'}")
        if untemplated and state.saw(adapter["url"], adapter["title"], adapter["text"],
                                     adapter["date_candidates"], lambda: self._decoded(adapter)):
            await self._learn(state)
        return item

    def _decoded(self, adapter) -> str:
        content_type = adapter["content_type"] or "text/html"
        return decode_html(adapter["body"][:self.max_bytes], charset_from_content_type(content_type))[0]

    async def _in_worker(self, adapter, selectors: Callable[[], str]):
        """Extraction on another core (the reactor goes on); None when no worker can start."""
        try:
            result, adapter["signature"], adapter["content_hash"], cpu = await self.pool.extract(
                adapter["body"], adapter["url"], adapter["content_type"] or "", selectors,
                self.max_bytes, self.seconds)
        except PoolUnavailable as exc:
            logger.warning("extraction workers cannot start (%s): extracting in the crawl process", exc)
            self.pool = None
            return None
        self.stats.inc_value("govarchive/extract/worker_cpu_s", cpu, start=0.0)
        return result

    def _reject(self, adapter, rejection: Rejection, reason: str):
        if rejection == Rejection.OVER_TIME:
            logger.warning("%s (kept in the WARC): %s", reason, adapter["url"])
            reason = f"{reason}; the page is kept in the WARC"
        elif rejection == Rejection.WORKER_DIED:
            logger.warning("%s: %s", reason, adapter["url"])
        elif rejection == Rejection.EMPTY:
            logger.info("empty page: %s", adapter["url"])
        stat = {Rejection.OVER_TIME: "over_time", Rejection.EMPTY: "empty"}.get(rejection, "not_article")
        self._skip(adapter, stat, reason, "listing" if rejection == Rejection.LISTING else "dead_end")

    def _skip(self, adapter, stat: str, reason: str, kind: str = "dead_end"):
        self.archive.record_page(adapter["fetched_url"] or adapter["url"], adapter["site"], kind, reason,
                                 adapter["fetched_at"], adapter["crawl_id"])
        self.stats.inc_value(f"govarchive/skipped/{stat}")
        raise DropItem(f"not an article: {reason}")
