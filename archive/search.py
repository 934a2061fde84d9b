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

from archive.filters import Filters
from crawler.textnorm import fold, fold_d, nfc

_SYNTAX = re.compile(r'["*()]|\b(?:AND|OR|NOT|NEAR)\b|\^')
_TOKEN = re.compile(r"\S+")
CANDIDATES = 200  # ranked matches re-ordered so that exact (accented) matches come first


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


def search(db: Database, query: str, limit: int = 20, filters: Filters | None = None,
           sort: str = "relevance", collapse: bool = False) -> list[dict]:
    """Articles matching ``query``, best first (or newest first), with a highlighted snippet.

    With ``collapse``, one row per near-duplicate cluster (the best-ranked copy),
    with ``portals``: how many sites carried the story.
    """
    if limit < 1:
        raise SearchError("--limit must be at least 1")
    if sort not in ("relevance", "date"):
        raise SearchError("--sort is relevance or date")
    where, params = (filters or Filters()).where("a")
    order = "a.published_at IS NULL, a.published_at DESC, a.id DESC" if sort == "date" else "rank"
    rerank = sort == "relevance" and _has_diacritics(query) and not _SYNTAX.search(query)
    pool = limit * (5 if collapse else 1) + (CANDIDATES if rerank else 0)
    sql = f"""
        SELECT a.id, a.published_at, a.site, a.title, a.url, coalesce(a.cluster_id, a.id) AS story,
               snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet
        FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
        WHERE articles_fts MATCH ? AND {where}
        ORDER BY {order} LIMIT ?
    """
    try:
        rows = _rows(db, sql, [fts_query(query), *params, pool])
    except sqlite3.OperationalError as exc:
        raise query_error(query, exc) from exc
    if rerank:
        rows = _exact_first(db, rows, query)
    if collapse:
        rows = _collapse(db, rows)
    else:
        for row in rows:
            del row["story"]
    return rows[:limit]


def _has_diacritics(query: str) -> bool:
    return fold(query) != nfc(query).lower()


def _exact_first(db: Database, rows: list[dict], query: str) -> list[dict]:
    """Rows holding the query words exactly as typed (accents included) before the others."""
    words = [w.casefold() for w in _TOKEN.findall(nfc(query))]
    ids = [r["id"] for r in rows]
    texts = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for article_id, title, text in db.execute(
                f"SELECT id, title, text FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk):
            texts[article_id] = f"{title}\n{text}".casefold()
    exact = {i for i, t in texts.items() if all(w in t for w in words)}
    return sorted(rows, key=lambda r: r["id"] not in exact)  # stable: rank order kept within each


def _collapse(db: Database, rows: list[dict]) -> list[dict]:
    seen: dict[int, dict] = {}
    for row in rows:
        seen.setdefault(row["story"], row)
    for story, row in seen.items():
        (row["portals"],) = db.execute(
            "SELECT count(DISTINCT u.site) FROM article_urls u JOIN articles a ON a.id = u.article_id "
            "WHERE coalesce(a.cluster_id, a.id) = ?", [story]).fetchone()
    return list(seen.values())


def _rows(db: Database, sql: str, params: list) -> list[sqlite3.Row]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def query_error(query: str, exc: sqlite3.OperationalError) -> SearchError:
    """The one-line message for a query SQLite rejected."""
    reason = str(exc).removeprefix("fts5: ") or "syntax error"
    return SearchError(f"malformed query {query!r}: {reason}")
