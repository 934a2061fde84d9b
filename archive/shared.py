"""One connection to each archive file for all the crawls of a process.

A crawl's components (pipeline stages, extensions, the frontier) each opened their own
connection, and a many-portal run crawls hundreds of portals side by side: hundreds of
connections, each with its file and ``-wal`` open, each proving on open that it can write,
and all contending for SQLite's one write lock. Within one process they all run on Scrapy's
reactor thread, one callback at a time, and every write commits before the callback returns
(sqlite-utils commits a statement run outside a transaction; ``with conn:`` and ``atomic()``
blocks never wait on the network inside), so they can share one connection safely.

The runner makes one :class:`SharedConnections` and hands it to its crawls in the setting
``GOVARCHIVE_CONNECTIONS``; :class:`archive.store.Archive` takes its connection from there.
"""

from __future__ import annotations

from pathlib import Path

from sqlite_utils import Database

from archive.connect import open_database


class SharedConnections:
    """Connections opened on first use and kept until :meth:`close`."""

    def __init__(self) -> None:
        self._open: dict[Path, Database] = {}

    def database(self, path: str | Path) -> Database:
        """The process's connection to the archive at ``path``, opened for writing the first time."""
        key = Path(path).resolve()
        db = self._open.get(key)
        if db is None:
            db = self._open[key] = open_database(path, write=True)
        return db

    def close(self) -> None:
        for db in self._open.values():
            db.conn.close()
        self._open.clear()

    def __enter__(self) -> SharedConnections:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # Scrapy copies its settings for each crawler: every copy must name this one object
    def __copy__(self) -> SharedConnections:
        return self

    def __deepcopy__(self, memo) -> SharedConnections:
        return self
