"""Recovery of a portal from a web archive (the Wayback Machine, or any pywb / CDX server).

The spider lists the portal's captures through the archive's CDX API (page by
page, archive.org's resume keys followed), picks for each address the latest
good capture (``archive.cdx.choose``), leaves out addresses the archive already
holds (a live crawl or an earlier recovery stored them, or found them not to
be articles), and fetches each raw capture (``id_``: as archived, links not
rewritten). Each capture then goes through the same pipelines as a live page:
extraction, dedup, dates from the page (never the capture time), storage with
the original address, the capture time and the archive as provenance.

Links on captured pages are not followed: they lead to the dead portal, and the
CDX listing already names every address the archive holds.

    scrapy crawl recover -a host=mythanh.gov.vn -a cdx=... -a replay=...
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import scrapy
from scrapy.exceptions import CloseSpider
from scrapy.http import Response

from archive.cdx import WAYBACK_CDX, WAYBACK_REPLAY, CdxCapture, CdxError, choose, parse_listing, query_url
from archive.store import Archive
from common.clock import utc_now
from common.urls import host_of
from crawler.documents.detect import is_html, sniff
from crawler.runtime.failures import plain_reason
from crawler.runtime.items import PageItem
from spiders.portal import PortalSpider

logger = logging.getLogger(__name__)


class RecoverSpider(PortalSpider):
    name = "recover"

    def __init__(self, host: str = "", cdx: str = WAYBACK_CDX, replay: str = WAYBACK_REPLAY,
                 date_from: str | None = None, date_to: str | None = None, **kwargs) -> None:
        host = host_of(host if "://" in host else f"http://{host}/")
        if not host:
            raise ValueError("give the portal's host: -a host=mythanh.gov.vn")
        kwargs.setdefault("url", f"http://{host}/")
        super().__init__(**kwargs)
        self.cdx, self.replay = cdx, replay.rstrip("/") + "/"
        self.date_from, self.date_to = date_from, date_to
        self.allowed_domains = []  # everything is fetched from the archive, nothing from the portal
        self.captures: list[CdxCapture] = []
        # archives index "www.x.gov.vn" and "x.gov.vn" apart, and portals answered on both
        name = host.split(":")[0]
        self.hosts = [host] if name.replace(".", "").isdigit() else [host, f"www.{host}"]
        self.listings_left = len(self.hosts)

    def response_downloaded(self, response, request, spider=None) -> None:
        """Redirects inside the archive (to the nearest capture) are not the portal's."""

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for host in self.hosts:
            yield self._listing_request(host)

    def _listing_request(self, host: str, resume_key: str | None = None) -> scrapy.Request:
        url = query_url(self.cdx, host, self.date_from, self.date_to, resume_key)
        return scrapy.Request(url, self.parse_listing, errback=self.on_listing_error, dont_filter=True,
                              meta={"cdx_host": host})

    def parse_listing(self, response: Response):
        try:
            captures, resume_key, bad = parse_listing(response.body)
        except CdxError as exc:
            self._stop(f"{self.cdx}: {exc}")
            return
        self.captures.extend(captures)
        self.crawler.stats.inc_value("govarchive/recover/captures_listed", len(captures))
        if bad:
            logger.warning("%d malformed CDX lines skipped", bad)
            self.crawler.stats.inc_value("govarchive/recover/bad_cdx_lines", bad)
        if resume_key and captures:
            yield self._listing_request(response.meta["cdx_host"], resume_key)
            return
        self.listings_left -= 1
        if self.listings_left == 0:  # every host listed: choose among all their captures
            yield from self._fetch_chosen()

    def _fetch_chosen(self):
        chosen = choose(self.captures, self.date_to.replace("-", "") if self.date_to else None)
        self.captures = []
        known = self._known([c.url for c in chosen])
        self.crawler.stats.set_value("govarchive/recover/captures_chosen", len(chosen))
        self.crawler.stats.set_value("govarchive/recover/already_archived", len(known))
        for capture in chosen:
            if capture.url in known:
                continue
            yield scrapy.Request(capture.replay_url(self.replay), self.parse_capture, errback=self.on_error,
                                 meta={"capture": capture,
                                       "warc_headers": {"WARC-Refers-To-Target-URI": capture.url,
                                                        "WARC-Refers-To-Date": capture.captured_at}})

    def _known(self, urls: list[str]) -> set[str]:
        archive = Archive(self.settings["GOVARCHIVE_DB"])
        try:
            return set(archive.known(urls, "9999"))
        finally:
            archive.close()

    def parse_capture(self, response: Response):
        capture: CdxCapture = response.meta["capture"]
        self.crawler.stats.inc_value("govarchive/recover/captures_fetched")
        ref = response.meta.get("warc_record")
        content_type = response.headers.get("Content-Type", b"").decode("latin-1")
        if "html" not in content_type and not is_html(response.body) and sniff(response.body, content_type):
            item = self._document_item(response)  # a file the portal published: a document
            item.url = capture.url
            item.site = self.site_of(capture.url)
            yield item
            return
        yield PageItem(
            url=capture.url, site=self.site_of(capture.url), crawl_id=self.crawl_id, fetched_at=utc_now(),
            status=response.status, content_type=content_type, body=response.body,
            fetched_url=capture.url, captured_at=capture.captured_at, capture_archive=self.replay,
            warc_file=ref.file if ref else None, warc_offset=ref.offset if ref else None,
            warc_length=ref.length if ref else None,
        )

    def unfetched(self, request, kind: str, reason: str) -> None:
        """A capture that failed is recorded under the original address (so the next run, which
        skips known addresses by their original URL, tries it again after its wait), and never
        as a dead end: the portal may answer a live crawl."""
        capture = request.meta.get("capture")
        if capture is None:
            super().unfetched(request, kind, reason)
        else:
            super().unfetched(request.replace(url=capture.url), "failed", f"archive: {reason}")

    def on_listing_error(self, failure) -> None:
        self._stop(f"cannot list captures at {self.cdx}: {plain_reason(failure)[1]}")

    def _stop(self, message: str) -> None:
        logger.error("%s", message)
        self.crawler.stats.set_value("govarchive/recover/error", message)
        raise CloseSpider("archive_error")
