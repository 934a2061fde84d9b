"""Open an archive and write to it: crawls and articles.

One :class:`Archive` per writer (each pipeline or extension opens its own);
SQLite in WAL mode lets them and any readers work side by side.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from archive.schema import migrations

BUSY_TIMEOUT_MS = 15_000


class ArchiveError(Exception):
    """A problem with the archive file that the user can act on."""


@dataclass(frozen=True)
class CrawlCounts:
    pages_fetched: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    duplicates: int = 0
    errors: int = 0
    skipped: int = 0


def open_database(path: str | Path, *, create: bool = True) -> Database:
    """Open (and migrate) the archive at ``path``; raise :class:`ArchiveError`."""
    path = Path(path)
    if not create and not path.exists():
        raise ArchiveError(f"no archive at {path} (run a crawl first, or pass --db)")
    if not path.parent.exists():
        raise ArchiveError(f"folder {path.parent} does not exist")
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.enable_wal()
        migrations.apply(db)
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot open archive {path}: {exc}") from exc
    return db


class Archive:
    """Writes of one crawl component to the archive."""

    def __init__(self, path: str | Path) -> None:
        self.db = open_database(path)

    def close(self) -> None:
        self.db.conn.close()

    # crawls --------------------------------------------------------------
    def start_crawl(self, crawl_id: str, started_at: str, start_urls: list[str]) -> None:
        with self.db.conn:
            self.db["crawls"].insert(
                {"id": crawl_id, "started_at": started_at, "status": "running",
                 "start_urls": json.dumps(start_urls)},
                replace=True,
            )

    def finish_crawl(
        self, crawl_id: str, finished_at: str, status: str, counts: CrawlCounts,
        stats: Mapping[str, Any],
    ) -> None:
        row = {"finished_at": finished_at, "status": status, **counts.__dict__,
               "stats": json.dumps(stats, default=str, sort_keys=True)}
        with self.db.conn:
            self.db["crawls"].update(crawl_id, row)

    # articles ------------------------------------------------------------
    def article_by_url(self, url: str) -> dict | None:
        rows = list(self.db["articles"].rows_where("url = ?", [url], limit=1))
        return rows[0] if rows else None

    def article_by_hash(self, content_hash: str) -> dict | None:
        rows = list(self.db["articles"].rows_where("content_hash = ?", [content_hash], limit=1))
        return rows[0] if rows else None

    def insert_article(self, record: Mapping[str, Any]) -> int:
        """Insert one article and commit; return its id."""
        with self.db.conn:
            return self.db["articles"].insert(dict(record)).last_pk

    def update_article(self, article_id: int, record: Mapping[str, Any]) -> None:
        with self.db.conn:
            self.db["articles"].update(article_id, dict(record))
