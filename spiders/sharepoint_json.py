"""Portals whose listings come from a SharePoint JSON endpoint (``/_api/...QUERYDATA``).

The listing page is an empty shell that JavaScript fills from the endpoint, so
the generic spider sees no article links. Name this spider in the registry
entry (``spider = "sharepoint_json"``) and put the endpoint in ``start_urls``;
everything else (sitemaps, feeds, links, extraction) is the generic spider's.
"""

from __future__ import annotations

import json
import logging
from urllib.parse import urljoin

import scrapy

from spiders.portal import PortalSpider

logger = logging.getLogger(__name__)

API_MARKERS = ("/_api/", "QUERYDATA")


class SharePointJsonSpider(PortalSpider):
    name = "sharepoint_json"

    async def start(self):
        api = [u for u in self.start_urls if any(m in u for m in API_MARKERS)]
        self.start_urls = [u for u in self.start_urls if u not in api]
        async for request in super().start():
            yield request
        for url in api:
            yield scrapy.Request(url, self.parse_api, priority=15, meta={"hops": 0},
                                 errback=self.on_error)

    def parse_api(self, response):
        try:
            data = json.loads(response.text)["d"]
            items, following = data["results"], data.get("__next")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            logger.warning("not a QUERYDATA listing: %s (%s)", response.url, exc)
            self.crawler.stats.inc_value("govarchive/skipped/bad_api_listing")
            return
        refs = [urljoin(response.url, item["FileRef"]) for item in items if item.get("FileRef")]
        yield from self._follow(refs, self.parse_page, 1, 5)
        if following:
            yield scrapy.Request(urljoin(response.url, following), self.parse_api, priority=15,
                                 meta={"hops": 0}, errback=self.on_error)
