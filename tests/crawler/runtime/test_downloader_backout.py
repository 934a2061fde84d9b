"""How far a crawl's downloader takes requests from the scheduler ahead of sending them."""

from __future__ import annotations

from scrapy import Spider
from scrapy.core.downloader import Slot
from scrapy.http import Request
from scrapy.utils.test import get_crawler

from crawler.runtime.downloader import PoliteDownloader


def _downloader(per_host: int = 2) -> PoliteDownloader:
    crawler = get_crawler(Spider, {"CONCURRENT_REQUESTS_PER_DOMAIN": per_host, "DOWNLOAD_DELAY": 0.5})
    return PoliteDownloader(crawler)


def _waiting(downloader: PoliteDownloader, n: int) -> None:
    for _ in range(n):
        downloader.active.add(Request(f"http://xa.test/tin/w{len(downloader.active)}.html"))


def _transferring(downloader: PoliteDownloader, n: int) -> None:
    for i in range(n):
        request = Request(f"http://xa.test/tin/t{i}.html")
        slot = _slot(downloader, "xa.test")
        downloader.active.add(request)
        slot.transferring.add(request)


def _slot(downloader: PoliteDownloader, host: str) -> Slot:
    """The host's slot, made as Scrapy makes it but without a reactor (its timers start later)."""
    return downloader.slots.setdefault(host, Slot(2, 0.5, jitter=0))


def test_a_request_waiting_for_each_place_a_host_allows_is_enough():
    downloader = _downloader(per_host=2)
    _waiting(downloader, 1)
    assert not downloader.needs_backout()
    _waiting(downloader, 1)
    assert downloader.needs_backout()


def test_requests_on_the_wire_do_not_count_as_waiting():
    downloader = _downloader(per_host=2)
    _transferring(downloader, 2)
    _waiting(downloader, 1)
    assert not downloader.needs_backout()


def test_scrapys_own_bound_still_holds():
    downloader = _downloader(per_host=20)
    _transferring(downloader, downloader.total_concurrency)
    assert downloader.needs_backout()


def test_each_host_reached_has_its_own_requests_waiting():
    """The scheduler cannot say which host its next request is for: a crawl of many hosts (the
    benchmark's plain spider, a portal with its documents elsewhere) keeps a request ready for
    each of them."""
    downloader = _downloader(per_host=2)
    for host in ("xa.test", "huyen.test", "tinh.test"):
        _slot(downloader, host)
    _waiting(downloader, 5)
    assert not downloader.needs_backout()
    _waiting(downloader, 1)
    assert downloader.needs_backout()
