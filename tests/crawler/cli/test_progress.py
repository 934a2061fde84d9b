"""The progress line of a crawl, and of many crawls at once (crawl --all, run-due)."""

from __future__ import annotations

import io

from rich.console import Console
from scrapy.utils.test import get_crawler

from archive.store import CrawlCounts
from crawler.cli.progress import CrawlProgress
from crawler.runtime.extensions import Progress


def progress() -> tuple[CrawlProgress, io.StringIO]:
    out = io.StringIO()
    shown = CrawlProgress(Console(file=out, force_terminal=False, width=200))
    shown.logged = -1e9  # print at once
    return shown, out


def test_one_crawl_shows_its_own_counts():
    shown, out = progress()
    shown(CrawlCounts(pages_fetched=7, articles_new=3))
    text = out.getvalue()
    assert "pages 7" in text and "articles 3 new" in text and "portals" not in text


def test_many_crawls_show_the_sum_and_how_many_portals():
    shown, out = progress()
    shown(CrawlCounts(pages_fetched=10, articles_new=4), source="a")
    shown.logged = -1e9
    shown(CrawlCounts(pages_fetched=5, articles_new=1), source="b")
    shown.logged = -1e9
    shown(CrawlCounts(pages_fetched=12, articles_new=5), source="a")  # a's later report replaces its first
    last = out.getvalue().splitlines()[-1]
    assert last.startswith("2 portals | pages 17") and "articles 6 new" in last


def test_the_extension_says_which_crawl_its_counts_are_of():
    seen = []
    crawler = get_crawler()
    Progress(crawler, lambda counts, source=None: seen.append(source), 5).report()
    Progress(crawler, lambda counts: seen.append("plain"), 5).report()  # an older callable still works
    assert seen == [id(crawler), "plain"]


class _Drawn:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def update(self, text, refresh: bool = False) -> None:
        self.lines.append(str(text))

    def stop(self) -> None:
        pass


def test_a_terminal_line_is_drawn_once_an_interval_however_many_crawls_report():
    shown, _ = progress()
    shown.live = drawn = _Drawn()
    for n in range(300):
        shown(CrawlCounts(pages_fetched=1), source=n)
    assert len(drawn.lines) == 1
    shown.__exit__(None, None, None)  # the end draws the last counts
    assert len(drawn.lines) == 2 and drawn.lines[-1].startswith("300 portals | pages 300")


def test_the_sum_follows_each_crawls_latest_report():
    shown, _ = progress()
    for n in range(3):
        shown(CrawlCounts(pages_fetched=n, articles_new=1), source="a")
    shown(CrawlCounts(pages_fetched=4, duplicates=2), source="b")
    assert shown.total == CrawlCounts(pages_fetched=6, articles_new=1, duplicates=2)
