"""What the ``crawls`` table and a probe's scratch archive tell about sites: queries only.

``crawler.registry`` (sites, health), the runner's summary and the probe read the archive
through these, so every statement stays inside ``archive/``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from archive.counts import CrawlCounts
from archive.reader import dict_rows, open_reader


@dataclass(frozen=True)
class CrawlSummary:
    """What a crawl did, as its ``crawls`` row says once it ended."""

    crawl_id: str
    site: str | None
    status: str
    started_at: str
    finished_at: str
    counts: CrawlCounts
    articles_in_archive: int
    stats: dict[str, Any]


def last_crawls(db_path: str | Path) -> dict[str, dict]:
    """Each site's latest crawl: ``started_at``, ``status``, ``articles_new``."""
    db = open_reader(db_path)
    try:
        rows = db.execute("SELECT site, started_at, status, articles_new FROM crawls c WHERE started_at = "
                          "(SELECT max(started_at) FROM crawls WHERE site = c.site)").fetchall()
    finally:
        db.conn.close()
    return {site: {"started_at": started, "status": status, "articles_new": new}
            for site, started, status, new in rows}


def site_runs(db_path: str | Path) -> dict[str, list[dict]]:
    """Each site's crawls, oldest first (recoveries from web archives left out: they are not the
    portal's health)."""
    db = open_reader(db_path)
    try:
        rows = db.execute("SELECT site, started_at, status, pages_fetched, articles_new, errors, stats "
                          "FROM crawls WHERE site IS NOT NULL AND id NOT LIKE '%-recover-%' "
                          "ORDER BY started_at").fetchall()
    finally:
        db.conn.close()
    out: dict[str, list[dict]] = {}
    for site, started, status, pages, new, errors, stats in rows:
        out.setdefault(site, []).append({"started_at": started, "status": status, "pages": pages or 0,
                                         "new": new or 0, "errors": errors or 0,
                                         "stats": json.loads(stats or "{}")})
    return out


def crawl_row(db_path: str | Path, crawl_id: str) -> tuple[dict | None, int]:
    """One crawl's row (None for a crawl that never started: its row was never written), and
    how many articles the archive holds now."""
    db = open_reader(db_path)
    try:
        (total,) = db.execute("SELECT count(*) FROM articles").fetchone()
        rows = dict_rows(db, "SELECT * FROM crawls WHERE id = ?", [crawl_id])
        return (rows[0] if rows else None), total
    finally:
        db.conn.close()


def probe_findings(db_path: str | Path, listings: int = 10) -> tuple[list[str], dict | None]:
    """A probe's scratch archive: some listing pages, and the newest article as a sample."""
    conn = sqlite3.connect(db_path)
    try:
        found = [u for (u,) in conn.execute(
            "SELECT url FROM pages WHERE kind = 'listing' ORDER BY url LIMIT ?", [listings])]
        row = conn.execute("SELECT url, title, published_at, author, text FROM articles "
                           "ORDER BY published_at IS NULL, published_at DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    sample = dict(zip(("url", "title", "published_at", "author", "text"), row, strict=True)) if row else None
    return found, sample


def crawl_summary(db_path: str | Path, crawl_id: str) -> CrawlSummary:
    row, total = crawl_row(db_path, crawl_id)
    if row is None:  # it failed before its row was written (its error was logged then)
        return CrawlSummary(crawl_id=crawl_id, site=None, status="not started", started_at="", finished_at="",
                            counts=CrawlCounts(), articles_in_archive=total, stats={})
    fields = CrawlCounts.__dataclass_fields__
    counts = CrawlCounts(**{name: row[name] or 0 for name in fields})
    return CrawlSummary(
        crawl_id=crawl_id, site=row.get("site"), status=row["status"], started_at=row["started_at"],
        finished_at=row["finished_at"] or "", counts=counts, articles_in_archive=total,
        stats=json.loads(row["stats"] or "{}"),
    )
