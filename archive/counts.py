"""A crawl's counts, as ``crawls`` records them and the progress line shows them: importable
without sqlite-utils or numpy (the command line shows them before any archive is opened)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CrawlCounts:
    pages_fetched: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    duplicates: int = 0
    errors: int = 0
    skipped: int = 0
