"""A crawl's memory stays flat: a page is freed as soon as the crawl is done with it."""

from __future__ import annotations

import gc
import weakref

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from spiders.portal import PortalSpider

pytestmark = pytest.mark.crawl  # real crawls or servers: `pytest -m "not crawl"` skips them

LISTING = ("<html><head><link rel='alternate' type='application/rss+xml' href='/rss'></head><body>"
           + "".join(f"<a href='/tin/{i}.html'>Tin {i}</a>" for i in range(50))
           + "<a href='/tin?page=2'>Trang sau</a></body></html>").encode()


def test_a_parsed_page_is_freed_without_the_cycle_collector():
    """Scrapy's cached ``response.selector`` and the response refer to each other: parsed that
    way, 110 dead pages with their lxml trees waited for the collector in a 1,000-page crawl."""
    spider = PortalSpider.from_crawler(get_crawler(PortalSpider), url="http://portal.test/")
    response = HtmlResponse("http://portal.test/", body=LISTING,
                            request=Request("http://portal.test/", meta={"hops": 0}))
    gc.disable()
    try:
        out = list(spider.parse_page(response))
        assert len(out) == 53  # the page, its feed, 50 articles, the next listing page
        page = weakref.ref(response)
        del response, out
        assert page() is None
    finally:
        gc.enable()
