"""A crawl's stats class: Scrapy's in-memory stats, looked up as plain attributes."""

from __future__ import annotations

from scrapy.statscollectors import MemoryStatsCollector
from scrapy.utils.test import get_crawler

from crawler.runtime import settings
from crawler.runtime.stats import CrawlStats


def test_the_project_crawls_with_the_plain_stats_class():
    crawler = get_crawler(settings_dict={"STATS_CLASS": settings.STATS_CLASS})
    assert type(crawler.stats) is CrawlStats


def test_it_counts_as_scrapy_s_memory_stats_do():
    ours, scrapys = CrawlStats(get_crawler()), MemoryStatsCollector(get_crawler())
    for stats in (ours, scrapys):
        stats.open_spider()
        stats.inc_value("govarchive/pages")
        stats.inc_value("govarchive/pages", 2)
        stats.max_value("depth", 3)
        stats.max_value("depth", 1)
        stats.set_value("status", "ok")
    assert ours.get_stats() == scrapys.get_stats() == {"govarchive/pages": 3, "depth": 3, "status": "ok"}


def test_an_attribute_lookup_raises_nothing_on_the_way():
    """Scrapy's collector tries ``_cached_<name>`` first, through a raised AttributeError, on
    every attribute, its own ``_stats`` included: the cost this class removes."""
    stats = CrawlStats(get_crawler())
    assert type(stats).__getattribute__ is object.__getattribute__
    assert not hasattr(stats, "_cached_inc_value")
    stats.inc_value("a")
    assert not hasattr(stats, "_cached_inc_value")
