"""A crawl's stats: Scrapy's in-memory collector without its per-access deprecation shim.

Scrapy 2.19's ``StatsCollector.__getattribute__`` looks every attribute up twice, through a
raised and caught ``AttributeError``, to wrap its methods in a warning about a ``spider``
argument (deprecated): ~2.7 µs an ``inc_value`` against ~0.1 µs without it
(``benchmarks/RESULTS.md``, "Many portals at once, stop 36"). A page goes through dozens of stats
calls (Scrapy's own and the stages'): 1.6% of a busy many-portal crawl process's samples were
that lookup alone. Nothing here passes ``spider``; Scrapy's own calls no longer do.
"""

from __future__ import annotations

from scrapy.statscollectors import MemoryStatsCollector


class CrawlStats(MemoryStatsCollector):
    """``STATS_CLASS``: the same stats, looked up as plain attributes."""

    __getattribute__ = object.__getattribute__
