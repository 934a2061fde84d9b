"""The resume frontier's rows (``frontier`` table): what each job had left to fetch.

``crawler.runtime.resume`` decides what goes in and when a request is done; this module holds
its SQL. Writes outside :meth:`Frontier.atomic` commit at once (sqlite-utils commits a statement
run outside a transaction), so no write lock is held while the crawl waits.

Done marks are the exception: one made outside a transaction waits for the next (a page's
links, :meth:`Frontier.atomic`), or for :data:`DONE_BATCH` of them, or :meth:`Frontier.flush`.
Each article page's mark was a commit of its own, a third of a page's commits. A kill loses
the marks not yet written: those pages are fetched again on resume, and the articles among
them are recognised by their address.

:meth:`Frontier.atomic` begins its transaction at the block's first write: most article pages
link nothing new, and a transaction each for nothing (or for the last item's done mark) made
every page wait for the write lock the other crawl processes hold.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlite_utils import Database

DONE_BATCH = 50  # done marks kept at most before they are written on their own


class Frontier:
    def __init__(self, db: Database, job: str) -> None:
        self.db, self.job = db, job
        self._done: list[str] = []  # done marks not written yet
        self._block = False  # in an atomic() block whose transaction begins at its first write

    def clear(self) -> None:
        with self.db.conn:
            self.db.execute("DELETE FROM frontier WHERE job = ?", [self.job])

    def rows(self) -> list[tuple[str, int, bytes, str | None]]:
        """``(fingerprint, done, pickled request, crawl id)`` in the order they were found."""
        return self.db.execute("SELECT fp, done, request, crawl_id FROM frontier WHERE job = ? ORDER BY id",
                               [self.job]).fetchall()

    def mark_crawls_killed(self, crawl_ids: list[str]) -> None:
        """Crawls whose frontier is resumed and that are still recorded running were killed."""
        with self.db.conn:
            self.db.conn.executemany(
                "UPDATE crawls SET status = 'killed' WHERE id = ? AND status = 'running'",
                [(c,) for c in crawl_ids])

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """One transaction for several writes (a page's new links and its done mark), begun at
        the first of them, with the done marks kept so far; a block that writes nothing takes no
        lock. Inside a caller's transaction, the writes are part of it."""
        if self.db.conn.in_transaction:
            self._write_done()
            yield
            return
        self._block = True
        try:
            yield
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.conn.rollback()
            raise
        else:
            if self.db.conn.in_transaction:
                try:
                    self.db.conn.commit()
                except BaseException:
                    self.db.conn.rollback()
                    raise
        finally:
            self._block = False

    def _begin(self) -> None:
        """In an atomic() block, its transaction at its first write."""
        if self._block and not self.db.conn.in_transaction:
            self.db.conn.execute("BEGIN IMMEDIATE")
            self._write_done()

    def add(self, fp: str, url: str, request: bytes, crawl_id: str | None) -> None:
        self._begin()
        self.db.execute(
            "INSERT OR IGNORE INTO frontier (job, fp, url, request, crawl_id, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [self.job, fp, url, request, crawl_id, datetime.now(UTC).isoformat(timespec="seconds")])

    def mark_done(self, fp: str) -> None:
        """Mark a request done: at once inside a transaction, else with the next one (see above)."""
        self._done.append(fp)
        self._begin()
        if self.db.conn.in_transaction:
            self._write_done()
        elif len(self._done) >= DONE_BATCH:
            self.flush()

    def flush(self) -> None:
        """Write the done marks kept (a crawl stopping with its frontier kept)."""
        if self._done:
            with self.db.conn:
                self._write_done()

    def _write_done(self) -> None:
        done, self._done = self._done, []
        self.db.conn.executemany("UPDATE frontier SET done = 1 WHERE job = ? AND fp = ?",
                                 [(self.job, fp) for fp in done])
