"""What the crawls of one process share: a connection to each archive file, a WARC writer per folder.

A crawl's components (pipeline stages, extensions, the frontier) each opened their own
connection, and each crawl its own WARC file; a many-portal run crawls hundreds of portals
side by side: hundreds of connections, each with its file and ``-wal`` open, each proving on
open that it can write, all contending for SQLite's one write lock, and a WARC file a portal.
Within one process they all run on Scrapy's reactor thread, one callback at a time, and every
write commits before the callback returns (sqlite-utils commits a statement run outside a
transaction; ``with conn:`` and ``atomic()`` blocks never wait on the network inside), so
they can share one connection; a WARC record is written whole in one call, so crawls can
share a file.

The runner makes one :class:`SharedFiles` and hands it to its crawls in the setting
``GOVARCHIVE_SHARED_FILES``; :class:`archive.store.Archive` takes its connection from there,
the WARC capture its writer.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from archive.connect import open_database
from archive.warc import RotatingWarcWriter


class SharedFiles:
    """Connections and writers opened on first use and kept until :meth:`close`."""

    def __init__(self) -> None:
        self._databases: dict[Path, Database] = {}
        self._warcs: dict[Path, RotatingWarcWriter] = {}

    def database(self, path: str | Path) -> Database:
        """The process's connection to the archive at ``path``, opened for writing the first time."""
        key = Path(path).resolve()
        db = self._databases.get(key)
        if db is None:
            db = self._databases[key] = open_database(path, write=True)
        return db

    def warc_writer(self, folder: Path, prefix: str, max_bytes: int) -> RotatingWarcWriter:
        """The process's WARC writer in ``folder``; its files are named after the first crawl
        that asked (``prefix``: a crawl id, so an archive knows the files as its own)."""
        key = folder.resolve()
        writer = self._warcs.get(key)
        if writer is None:
            writer = self._warcs[key] = RotatingWarcWriter(folder, prefix, max_bytes)
        return writer

    def close(self) -> None:
        for writer in self._warcs.values():
            writer.close()
        for db in self._databases.values():
            db.conn.close()
        self._warcs.clear()
        self._databases.clear()

    def __enter__(self) -> SharedFiles:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # Scrapy copies its settings for each crawler: every copy must name this one object
    def __copy__(self) -> SharedFiles:
        return self

    def __deepcopy__(self, memo) -> SharedFiles:
        return self
