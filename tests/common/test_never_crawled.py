"""Link-local and cloud metadata addresses are never crawled, whatever the settings."""

from __future__ import annotations

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.test import get_crawler

from common.urls import never_crawled
from crawler.registry import url_problem
from crawler.runtime.middlewares import NeverCrawledHostsMiddleware

METADATA = ["169.254.169.254", "0xa9fea9fe", "2852039166", "[fe80::1]", "[::ffff:169.254.169.254]",
            "100.100.100.200", "[fd00:ec2::254]", "metadata.google.internal", "0.0.0.0"]


@pytest.mark.parametrize("host", METADATA)
def test_metadata_and_link_local_hosts_are_never_crawled(host):
    assert never_crawled(host.strip("[]"))


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]", "10.1.2.3", "vinhlong.gov.vn", "localhost"])
def test_other_hosts_are_left_to_the_registry_policy(host):
    assert never_crawled(host.strip("[]")) == ""


@pytest.mark.parametrize("host", METADATA)
def test_the_registry_refuses_them_even_when_private_hosts_are_allowed(host):
    assert "never crawled" in url_problem(f"http://{host}/", allow_private=True)


def test_the_downloader_refuses_a_link_or_redirect_to_them():
    crawler = get_crawler(settings_dict={})
    middleware = NeverCrawledHostsMiddleware.from_crawler(crawler)
    assert middleware.process_request(Request("http://127.0.0.1:8000/a")) is None
    with pytest.raises(IgnoreRequest, match="never crawled"):
        middleware.process_request(Request("http://169.254.169.254/latest/meta-data/"))
    assert crawler.stats.get_value("govarchive/skipped/never_crawled_host") == 1
