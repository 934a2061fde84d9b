"""A crawl's live progress on stderr: pages and their rate, articles, duplicates, skipped, errors.

On a terminal it is one line redrawn in place (rich); in a log (cron, systemd)
it is a plain line every ``LOG_EVERY`` seconds, so logs stay readable.
"""

from __future__ import annotations

import time
from dataclasses import fields

from rich.console import Console
from rich.live import Live
from rich.text import Text

from archive.counts import CrawlCounts

LOG_EVERY = 30.0
FIELDS = fields(CrawlCounts)


class CrawlProgress:
    """A callable for ``GOVARCHIVE_PROGRESS``; use it as a context manager around the crawl."""

    def __init__(self, console: Console | None = None) -> None:
        self.console = console or Console(stderr=True, highlight=False)
        self.started = time.monotonic()
        self.logged = self.started
        self.live: Live | None = None
        self.by_crawl: dict[object, CrawlCounts] = {}  # crawl --all: each crawl's latest counts
        self.total = CrawlCounts()  # their sum, kept as they come (hundreds of crawls report)
        self.drawn = 0.0  # when the terminal's line was last drawn

    @property
    def interval(self) -> float:
        """Seconds between reports (``GOVARCHIVE_PROGRESS_INTERVAL``)."""
        return 0.5 if self.console.is_terminal else 5.0

    def __deepcopy__(self, memo) -> CrawlProgress:
        return self  # Scrapy copies its settings; the display is one and the same

    def settings(self) -> dict:
        return {"GOVARCHIVE_PROGRESS": self, "GOVARCHIVE_PROGRESS_INTERVAL": self.interval}

    def __enter__(self) -> CrawlProgress:
        if self.console.is_terminal:
            self.live = Live(console=self.console, auto_refresh=False, transient=False,
                             redirect_stdout=False, redirect_stderr=False)
            self.live.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.live is not None:
            if self.by_crawl:  # the last counts, however soon after the last line they came
                self.live.update(Text(self.line(self.total, len(self.by_crawl))), refresh=True)
            self.live.stop()
            self.live = None

    def line(self, counts: CrawlCounts, crawls: int = 1) -> str:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        c = counts
        portals = f"{crawls} portals | " if crawls > 1 else ""
        return (f"{portals}pages {c.pages_fetched} ({c.pages_fetched / elapsed:.1f}/s) | "
                f"articles {c.articles_new} new"
                f" {c.articles_updated} updated | duplicates {c.duplicates} | skipped {c.skipped}"
                f" | errors {c.errors} | {elapsed:.0f} s")

    def __call__(self, counts: CrawlCounts, source: object = None) -> None:
        """``source``: the crawl the counts are of; the line shows the sum over every crawl."""
        before = self.by_crawl.get(source, CrawlCounts())
        self.by_crawl[source] = counts
        self.total = CrawlCounts(**{f.name: getattr(self.total, f.name) + getattr(counts, f.name)
                                    - getattr(before, f.name) for f in FIELDS})
        now = time.monotonic()
        if self.live is not None:
            # each of hundreds of crawls reports every interval: the line is drawn once an interval
            if now - self.drawn >= self.interval:
                self.drawn = now
                self.live.update(Text(self.line(self.total, len(self.by_crawl))), refresh=True)
        elif now - self.logged >= LOG_EVERY:
            self.logged = now
            self.console.print(self.line(self.total, len(self.by_crawl)), soft_wrap=True)
