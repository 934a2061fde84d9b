"""Every URL the archive knows, with what it is: the rows the ingest mirrors to Redis for workers.

``(url, kind, first seen, next try)``: pages (``listing``, ``dead_end``, ``failed`` with the time
of its next try), documents' addresses (``document``) and articles' (``article``).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlite_utils import Database

SOURCES = (
    "SELECT url, kind, first_fetched, next_try FROM pages{where}",
    "SELECT url, 'document', min(first_seen), NULL FROM document_links{where} GROUP BY url",
    "SELECT url, 'article', min(first_seen), NULL FROM article_urls{where} GROUP BY url",
)


def every_known(db: Database, batch: int = 5000) -> Iterator[list[tuple[str, str, str, str | None]]]:
    """Every known URL, in batches (a later source overrides an earlier one for the same URL)."""
    for query in SOURCES:
        cursor = db.execute(query.format(where=""))
        while rows := cursor.fetchmany(batch):
            yield rows


def known_of(db: Database, urls: list[str]) -> dict[str, tuple[str, str, str | None]]:
    """What the archive knows of each of ``urls`` (at most a few hundred at a time)."""
    marks = ",".join("?" * len(urls))
    found: dict[str, tuple[str, str, str | None]] = {}
    for query in SOURCES:
        for url, *rest in db.execute(query.format(where=f" WHERE url IN ({marks})"), urls):
            found[url] = tuple(rest)
    return found
