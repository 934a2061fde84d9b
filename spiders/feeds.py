"""Pages found through sitemaps (robots.txt's ``Sitemap:`` lines, ``/sitemap.xml``, sitemap
indexes, gzipped or not, bounded) and RSS/Atom feeds."""

from __future__ import annotations

import logging

from scrapy.http import Response, TextResponse
from scrapy.utils.sitemap import Sitemap

from common.urls import joined
from spiders.reading import gunzip_bounded, parsed

logger = logging.getLogger(__name__)

FEED_TYPES = ("rss", "atom")
MAX_SITEMAP_BYTES = 50 * 1024 * 1024


class SitemapsAndFeeds:
    """A mixin of :class:`spiders.portal.PortalSpider`: its sitemaps and feeds."""

    def robots_parsed(self, robotparser, request) -> None:
        """Schedule the sitemaps that robots.txt names (one robots.txt fetch per host)."""
        protego = getattr(robotparser, "rp", None)
        sitemaps = list(getattr(protego, "sitemaps", []) or [])
        urls = [u for s in sitemaps if (u := joined(request.url, s))]
        for req in self._follow(urls, self.parse_sitemap, 0, 20):
            self.crawler.engine.crawl(req)

    def parse_sitemap(self, response: Response):
        body = self._sitemap_body(response)
        if body is None:
            return
        try:
            sitemap = Sitemap(body)
        except Exception:  # lxml raises several kinds on garbage
            logger.info("not a sitemap: %s", response.url)
            self.crawler.stats.inc_value("govarchive/skipped/bad_sitemap")
            return
        locs = [entry["loc"] for entry in sitemap if entry.get("loc")]
        if sitemap.type == "sitemapindex":
            yield from self._follow(locs, self.parse_sitemap, 0, 20)
        else:
            yield from self._follow(locs, self.parse_page, 1, 5)

    def parse_feed(self, response: Response):
        if not isinstance(response, TextResponse):
            return
        links = parsed(response).xpath(
            "//item/link/text() | //*[local-name()='entry']/*[local-name()='link']/@href"
        ).getall()
        yield from self._follow([u for link in links if (u := joined(response.url, link.strip()))],
                                self.parse_page, 1, 5)

    def _sitemap_body(self, response: Response) -> bytes | None:
        if response.status != 200:
            return None
        body = response.body
        if body[:2] == b"\x1f\x8b":
            body = gunzip_bounded(body, MAX_SITEMAP_BYTES)
            if body is None:
                logger.warning("sitemap skipped: damaged gzip, or over %d MB unpacked: %s",
                               MAX_SITEMAP_BYTES >> 20, response.url)
                self.crawler.stats.inc_value("govarchive/skipped/bad_sitemap")
                return None
        return body if b"<urlset" in body[:2000] or b"<sitemapindex" in body[:2000] else None
