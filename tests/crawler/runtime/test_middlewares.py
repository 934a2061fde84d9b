"""Downloader middlewares alone: hosts never crawled, and what a Retry-After asks."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler

from crawler.runtime.middlewares import NeverCrawledHostsMiddleware


def test_the_downloader_refuses_a_link_or_redirect_to_them():
    crawler = get_crawler(settings_dict={})
    middleware = NeverCrawledHostsMiddleware.from_crawler(crawler)
    assert middleware.process_request(Request("http://127.0.0.1:8000/a")) is None
    with pytest.raises(IgnoreRequest, match="never crawled"):
        middleware.process_request(Request("http://169.254.169.254/latest/meta-data/"))
    assert crawler.stats.get_value("govarchive/skipped/never_crawled_host") == 1


@pytest.mark.parametrize(("value", "low", "high"), [("120", 120, 120), ("soon", 0, 0), ("", 0, 0)])
def test_retry_after_in_seconds(value, low, high):
    from scrapy.http import Response

    from crawler.runtime.downloader import retry_after

    assert low <= retry_after(Response("http://h/", status=429, headers={"Retry-After": value})) <= high


def test_retry_after_as_an_http_date():
    from datetime import UTC, datetime, timedelta
    from email.utils import format_datetime

    from scrapy.http import Response

    from crawler.runtime.downloader import retry_after

    when = format_datetime(datetime.now(UTC) + timedelta(seconds=90), usegmt=True)
    assert 60 < retry_after(Response("http://h/", status=503, headers={"Retry-After": when})) <= 90
    assert retry_after(Response("http://h/", status=200, headers={"Retry-After": "5"})) == 0
