"""``govarchive:known``: what the archive knows of each URL, for the workers' incremental filter.

A worker cannot read the SQLite archive (it is on the ingest's disk), so the
ingest publishes, per URL, its kind (``article``, ``document``, ``listing``,
``dead_end``, ``failed``), when it was first seen and, for a failure, its next
try: all of it at start, then each URL an item or operation touched.
:func:`crawler.distributed.remote.known_kind` reads a value the way
:meth:`archive.store.Archive.known` reads the tables.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from archive.known_urls import every_known, known_of
from crawler.distributed import keys
from crawler.distributed.remote import known_value

CHUNK = 500
# later sources win: a page that became an article's address is an article
class KnownMirror:
    def __init__(self, server, archive) -> None:
        self.server, self.archive = server, archive

    def publish_all(self) -> int:
        """Every URL of the archive (the hash is rebuilt: the archive may have changed meanwhile)."""
        self.server.delete(keys.KNOWN)
        published = 0
        for rows in every_known(self.archive.db):
            self.server.hset(keys.KNOWN, mapping={url: known_value(*rest) for url, *rest in rows})
            published += len(rows)
        return published

    def refresh(self, urls: Iterable[str]) -> None:
        urls = sorted({u for u in urls if u})
        for start in range(0, len(urls), CHUNK):
            values = dict(self._values(urls[start : start + CHUNK]))
            if values:
                self.server.hset(keys.KNOWN, mapping=values)

    def _values(self, urls: list[str]) -> Iterator[tuple[str, str]]:
        for url, rest in known_of(self.archive.db, urls).items():
            yield url, known_value(*rest)
