"""Streaming exports (JSON lines, CSV) and article counts over time.

Rows are read from one cursor and written one at a time, so an export of a
million articles runs in constant memory.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from typing import TYPE_CHECKING, TextIO

from archive.filters import Filters
from archive.search import fts_query, query_error

if TYPE_CHECKING:
    from sqlite_utils import Database

EXPORT_COLUMNS = ("id", "url", "site", "title", "published_at", "published_raw", "author", "source",
                  "text", "attachments", "comments", "fetched_at", "crawl_id", "cluster_id", "warc_file",
                  "warc_offset", "warc_length", "published_from")
PERIODS = {"month": 7, "year": 4}  # characters of published_at (YYYY-MM, YYYY)


def export_rows(db: Database, filters: Filters | None = None, query: str | None = None) -> Iterator[dict]:
    """Articles as dicts of ``EXPORT_COLUMNS``, oldest first, optionally matching a search query.

    The query runs here, before anything is written: a malformed one fails
    without leaving a header or a BOM behind.
    """
    return stream_rows(db, "articles", EXPORT_COLUMNS, "published_at", filters, query)


def stream_rows(db: Database, table: str, columns: tuple[str, ...], date_column: str,
                filters: Filters | None = None, query: str | None = None) -> Iterator[dict]:
    """Rows of ``table`` (articles or documents) as dicts of ``columns``, oldest first, from
    one cursor; those matching ``query`` in ``{table}_fts`` when one is given."""
    where, params = (filters or Filters()).where("t", date_column)
    selected = ", ".join(f"t.{c}" for c in columns)
    order = f"t.{date_column}, t.id"
    if query:
        sql = (f"SELECT {selected} FROM {table}_fts JOIN {table} t ON t.rowid = {table}_fts.rowid "
               f"WHERE {table}_fts MATCH ? AND {where} ORDER BY {order}")
        params = [fts_query(query), *params]
    else:
        sql = f"SELECT {selected} FROM {table} t WHERE {where} ORDER BY {order}"
    try:
        cursor = db.conn.execute(sql, params)
    except sqlite3.OperationalError as exc:
        raise query_error(query or "", exc) from exc
    return (dict(zip(columns, row, strict=True)) for row in cursor)


def write_export(rows: Iterator[dict], out: TextIO, fmt: str = "jsonl", bom: bool = False,
                 columns: tuple[str, ...] = EXPORT_COLUMNS) -> int:
    """Write rows as JSON lines or CSV (UTF-8; ``bom`` for spreadsheet programs); the count."""
    count = 0
    if fmt == "csv":
        if bom:
            out.write("\ufeff")
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    else:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def counts(db: Database, filters: Filters | None = None, by: str = "month",
           group: str | None = None, registry: dict | None = None) -> list[tuple[str, str, int]]:
    """(period, group, articles) rows; undated articles are counted under ``undated``.

    ``group``: ``site``, or ``province``/``level`` through the registry (sites not
    in it are grouped as ``?``).
    """
    if by not in PERIODS:
        raise ValueError("--by is month or year")
    where, params = (filters or Filters()).where("a")
    sql = (f"SELECT coalesce(substr(a.published_at, 1, {PERIODS[by]}), 'undated') AS period, a.site, "
           f"count(*) FROM articles a WHERE {where} GROUP BY period, a.site ORDER BY period")
    totals: dict[tuple[str, str], int] = {}
    for period, site, n in db.execute(sql, params):
        key = (period, _group_of(site, group, registry or {}))
        totals[key] = totals.get(key, 0) + n
    return [(period, name, n) for (period, name), n in sorted(totals.items())]


def _group_of(site: str, group: str | None, registry: dict) -> str:
    if not group:
        return "all"
    if group == "site":
        return site
    entry = registry.get(site)
    if entry is None:
        return "?"
    if group == "new_province" and hasattr(entry, "unit_columns"):  # a registry entry: its units
        return entry.unit_columns().get("new_province") or "?"
    return getattr(entry, group, "") or "?"
