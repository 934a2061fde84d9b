"""The contract of a crawl's writes to the archive.

A crawl component (a pipeline stage, the incremental filter, the crawl record)
writes through an :class:`ArchiveWriter`, never to SQLite directly. Two classes
implement it: :class:`archive.store.Archive`, the SQLite file itself, and a
worker's ``crawler.distributed.remote.RemoteArchive``, whose writes become
stream operations the ingest applies. ``tests/archive/test_writer_contract.py``
has mypy check both against this protocol, so a method added to one and not the
other fails in CI rather than in a worker.

Which class a crawl gets is the setting ``GOVARCHIVE_ARCHIVE_WRITER``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from archive.store import CrawlCounts


class ArchiveWriter(Protocol):
    # whether a crawl learns its site's template here (crawler/extraction/template.py)
    learns_templates: bool

    def close(self) -> None: ...

    def site_template(self, site: str) -> dict | None:
        """The selectors a crawl of ``site`` learnt and kept, or None."""
        ...

    def save_site_template(self, site: str, selectors: dict, pages: int) -> None: ...

    def start_crawl(self, crawl_id: str, started_at: str, start_urls: list[str],
                    site: str | None = None) -> None: ...

    def finish_crawl(self, crawl_id: str, finished_at: str, status: str, counts: CrawlCounts,
                     stats: Mapping[str, Any]) -> None: ...

    def record_page(self, url: str, site: str, kind: str, reason: str, fetched_at: str,
                    crawl_id: str) -> None: ...

    def record_failure(self, url: str, site: str, reason: str, when: str, crawl_id: str) -> None: ...

    def classify_pages(self, links: dict[str, set[str]]) -> None: ...

    def add_document_links(self, links: list[tuple[str, str, str, str, str]]) -> int: ...

    def record_redirects(self, redirects: list[tuple[str, str, str, str]]) -> int: ...

    def known(self, urls: list[str], before: str) -> dict[str, str]:
        """What the archive knew of each URL before ``before``: ``article``, ``listing``, ..."""
        ...
