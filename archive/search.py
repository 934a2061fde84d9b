"""Full-text search over the archive, with or without diacritics.

A plain query ("dan van kheo") matches every word in any accent form: words
are quoted one by one, so punctuation in them ("16/CT-TTg") is harmless. A
query that uses FTS5 syntax (quotes, ``AND``/``OR``/``NOT``, ``*``, brackets) is
passed through; if SQLite rejects it, :class:`SearchError` says why in one line.
"""

from __future__ import annotations

import re
import sqlite3

from sqlite_utils import Database

from crawler.textnorm import fold_d, nfc

_SYNTAX = re.compile(r'["*()]|\b(?:AND|OR|NOT|NEAR)\b|\^')
_TOKEN = re.compile(r"\S+")


class SearchError(ValueError):
    """A query the index cannot run; the message is for the user."""


def fts_query(query: str) -> str:
    """Turn user input into an FTS5 query (NFC, ``đ`` folded)."""
    query = fold_d(nfc(query)).strip()
    if not query:
        raise SearchError("empty query")
    if _SYNTAX.search(query):
        return query
    return " ".join('"' + tok.replace('"', '""') + '"' for tok in _TOKEN.findall(query))


def search(db: Database, query: str, limit: int = 20) -> list[dict]:
    """Articles matching ``query``, best first, with a highlighted snippet."""
    if limit < 1:
        raise SearchError("--limit must be at least 1")
    sql = """
        SELECT a.id, a.published_at, a.site, a.title, a.url,
               snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet
        FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
        WHERE articles_fts MATCH ?
        ORDER BY rank LIMIT ?
    """
    try:
        return [dict(row) for row in _rows(db, sql, [fts_query(query), limit])]
    except sqlite3.OperationalError as exc:
        raise SearchError(f"malformed query {query!r}: {_reason(exc)}") from exc


def _rows(db: Database, sql: str, params: list) -> list[sqlite3.Row]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _reason(exc: sqlite3.OperationalError) -> str:
    text = str(exc)
    return text.removeprefix("fts5: ") if text else "syntax error"
