"""What every stage shares: crawl stats, and (for stages that read or write it) the archive."""

from __future__ import annotations

import functools

from archive.writer import ArchiveWriter
from crawler.runtime.archive_access import open_archive
from crawler.runtime.items import PageItem


def pages_only(process_item):
    """For the article stages: items other than pages (documents) pass through untouched."""
    @functools.wraps(process_item)
    def wrapper(self, item):
        return process_item(self, item) if isinstance(item, PageItem) else item
    return wrapper


class Stage:
    """A pipeline stage that counts what it does in the crawl's stats."""

    def __init__(self, crawler) -> None:
        self.crawler = crawler
        self.stats = crawler.stats
        self.settings = crawler.settings

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)


class ArchiveStage(Stage):
    """A stage with its own connection to the archive, open for the length of the crawl."""

    archive: ArchiveWriter | None = None

    def open_spider(self, spider=None) -> None:
        self.archive = open_archive(self.crawler)

    def close_spider(self, spider=None) -> None:
        if self.archive:
            self.archive.close()
