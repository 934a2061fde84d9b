"""The archive a crawl component writes to, chosen by the crawl's settings.

``GOVARCHIVE_ARCHIVE_WRITER`` names an :class:`archive.writer.ArchiveWriter` class by
its import path, as Scrapy settings name every component: the SQLite archive for a
local crawl, the Redis stream in a worker. Naming it lets the runtime stay below
``crawler.distributed``, which builds on the runtime.
"""

from __future__ import annotations

from scrapy.utils.misc import build_from_crawler, load_object

from archive.writer import ArchiveWriter

LOCAL_WRITER = "archive.store.Archive"


def open_archive(crawler) -> ArchiveWriter:
    """A new writer for one component, open until the component closes it."""
    path = crawler.settings.get("GOVARCHIVE_ARCHIVE_WRITER") or LOCAL_WRITER
    return build_from_crawler(load_object(path), crawler)
