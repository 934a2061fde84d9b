"""Stage 1: extract title, text, author, source and date candidates from the page."""

from __future__ import annotations

import json
import logging
from datetime import datetime

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem

from archive.warc import warc_folder
from crawler.extraction import Rejection, extract_bytes, resolve_date
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
from crawler.extraction.template import MIN_PAGES, changes, learn
from crawler.profiles import SiteProfile
from crawler.runtime.items import PageItem
from pipelines.base import ArchiveStage

logger = logging.getLogger(__name__)


class ExtractPipeline(ArchiveStage):
    """Drops pages that are not articles, with the reason; counts them and remembers them.

    A remembered page is a ``listing`` (re-fetched by later crawls, which find new
    articles through it) or a ``dead_end`` (not fetched again). The kind given here
    from the reason is provisional and cautious; the incremental middleware settles
    it from the page's links when the crawl ends.
    """

    site_profile: SiteProfile | None = None
    LEARN_AT = 6  # article pages of a site its template is learnt from, during the crawl

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self.max_bytes = self.settings.getint("GOVARCHIVE_EXTRACT_MAX_BYTES", MAX_BYTES)
        self.seconds = self.settings.getfloat("GOVARCHIVE_EXTRACT_SECONDS", SECONDS)
        workers = self.settings.get("GOVARCHIVE_EXTRACT_WORKERS")
        self.workers = default_workers() if workers in (None, "", "auto") else int(workers)
        self.held = None  # the process's extraction pool, while this crawl runs
        self.pool = None  # the same, unless its workers cannot start here
        self.selectors = ""  # the site's selectors as JSON, for the workers
        self.registry_selectors: dict = {}
        self.site_key: str | None = None  # the registry site whose template is learnt and used
        self.learning: list[tuple[str, str]] | None = None  # (url, html) of its first article pages
        self.untemplated: list[str] = []  # its articles extracted before its template was learnt
        self.seen: dict[str, tuple[str, str, list]] = {}  # the first of them: url -> title, text, dates
        self.learnt = False  # a template was learnt in this crawl that changes what was extracted

    def open_spider(self, spider=None) -> None:
        super().open_spider(spider)
        if self.workers > 0:
            self.held = self.pool = shared_pool(self.workers)
            self.pool.warm()
        site = getattr(spider or self.crawler.spider, "site", None)  # registry spiders carry their Site
        if site is not None:
            self.registry_selectors = dict(site.selectors or {})
            self.site_key = site.key
            learnt = self.archive.site_template(site.key)
            self.learning = [] if learnt is None and self.archive.learns_templates else None
            self._use(learnt or {})

    def _use(self, learnt: dict) -> None:
        """The learnt selectors with the maintainer's over them (validated when the registry loaded)."""
        merged = {**learnt, **self.registry_selectors}
        self.site_profile = SiteProfile(merged) if merged else None
        self.selectors = json.dumps(merged, sort_keys=True) if merged else ""

    def _learn(self) -> None:
        """The site's template from the article pages seen so far, kept in the archive and used
        for the pages still to come; the earlier ones are read again with it when the crawl ends."""
        pages, self.learning = self.learning or [], None
        template = learn(pages)
        if template is None or not template.selectors():
            return
        self.archive.save_site_template(self.site_key, template.selectors(), template.pages)
        self._use(template.selectors())
        self.learnt = changes(template, self.seen)
        self.stats.set_value("govarchive/template/learnt_from", template.pages)
        logger.info("learnt the template of %s from %d article pages (%s)", self.site_key, template.pages,
                    ", ".join(sorted(template.selectors())))

    async def _reread(self) -> None:
        """The site's articles extracted before its template was learnt, read again with it from
        their WARC records (the crawl's items are all stored by now), in the extraction workers:
        the process's other crawls go on meanwhile."""
        report, folder = ReextractReport(), warc_folder(self.settings.get("GOVARCHIVE_DB"))
        for row in rows_to_reread(self.archive.db, self.site_key, self.untemplated):
            report.checked += 1
            stored = record_of(folder, row, report)
            if stored is None:
                continue
            result = await self._extract(stored.body, row["url"], stored.content_type)
            change = change_of(row, resolve_date(result, datetime.fromisoformat(row["fetched_at"])), report)
            if change is not None:
                report.changes.append(change)
                write_change(self.archive.db, row, change, report)
        if len(set(self.untemplated)) > MAX_REREAD:
            logger.info("%d articles of %s were extracted before its template: `govarchive reextract --site "
                        "%s` reads the rest again", len(set(self.untemplated)), self.site_key, self.site_key)
        self.stats.set_value("govarchive/template/reread", report.checked)
        self.stats.set_value("govarchive/template/reread_changed", len(report.changes))
        logger.info("read %d articles of %s extracted before its template again: %d changed%s",
                    report.checked, self.site_key, len(report.changes),
                    f"; {'; '.join(report.problems[:3])}" if report.problems else "")

    async def _extract(self, body: bytes, url: str, content_type: str):
        """A page's extraction with the site's selectors: in a worker, else here."""
        if self.pool:
            try:
                return (await self.pool.extract(body, url, content_type, self.selectors, self.max_bytes,
                                                self.seconds))[0]
            except PoolUnavailable:
                self.pool = None
        return extract_bytes(body, url, content_type, self.site_profile, max_bytes=self.max_bytes,
                             seconds=self.seconds)

    async def close_spider(self, spider=None) -> None:
        if self.learning is not None and len(self.learning) >= MIN_PAGES:
            self._learn()
        if self.learnt and self.untemplated:
            await self._reread()
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
        untemplated = self.learning is not None  # the site's template is not known yet
        result = await self._in_worker(adapter) if self.pool else None
        if result is None:
            result = extract_bytes(adapter["body"], adapter["url"], adapter["content_type"],
                                   self.site_profile, max_bytes=self.max_bytes, seconds=self.seconds)
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
        if hint.get("date"):  # what a listing endpoint's JSON said: after the page's own candidates
            adapter["date_candidates"] = [*result.date_candidates, ("listing", hint["date"])]
        if hint.get("title") and not adapter["title"]:
            adapter["title"] = hint["title"]
        self.stats.inc_value("govarchive/articles_extracted")
        if untemplated and adapter["site"] == self.site_key:
            self.untemplated.append(adapter["url"])
            if len(self.seen) < self.LEARN_AT * 2:
                self.seen[adapter["url"]] = (adapter["title"], adapter["text"], adapter["date_candidates"])
        if self.learning is not None and adapter["site"] == self.site_key:
            self.learning.append((adapter["url"], decode_html(adapter["body"][:self.max_bytes],
                                                              charset_from_content_type(content_type))[0]))
            if len(self.learning) >= self.LEARN_AT:
                self._learn()
        return item

    async def _in_worker(self, adapter):
        """Extraction on another core (the reactor goes on); None when no worker can start."""
        try:
            result, adapter["signature"], adapter["content_hash"], cpu = await self.pool.extract(
                adapter["body"], adapter["url"], adapter["content_type"] or "", self.selectors,
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
