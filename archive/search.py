"""Full-text search over the archive, with or without diacritics.

A plain query ("dan van kheo") matches every word in any accent form: words
are quoted one by one, so punctuation in them ("16/CT-TTg") is harmless. A
query that uses FTS5 syntax (quotes, ``AND``/``OR``/``NOT``, ``*``, brackets) is
passed through; if SQLite rejects it, :class:`SearchError` says why in one line.
"""

from __future__ import annotations

import re
import sqlite3
from typing import TYPE_CHECKING

from archive.filters import Filters
from archive.search_plans import fetch, is_common, newest, quote, tiered
from common.textnorm import fold, fold_d, nfc

if TYPE_CHECKING:
    from sqlite_utils import Database

_SYNTAX = re.compile(r'["*()]|\b(?:AND|OR|NOT|NEAR)\b|\^')
_TOKEN = re.compile(r"\S+")
CANDIDATES = 200  # ranked matches re-ordered so that exact (accented) matches come first
_COLUMNS = """a.id, a.published_at, a.site, a.title, a.url, coalesce(a.cluster_id, a.id) AS story,
              snippet(articles_fts, 1, '[', ']', '…', 16) AS snippet"""


# A query is a few words: these bounds keep a pasted page or a crafted query from holding
# the index (FTS5 checks every term's posting list; 100,000 characters never returned).
MAX_QUERY_CHARS = 500
MAX_QUERY_TERMS = 32


class SearchError(ValueError):
    """A query the index cannot run; the message is for the user."""


def fts_query(query: str) -> str:
    """Turn user input into an FTS5 query (NFC, ``đ`` folded)."""
    if len(query) > MAX_QUERY_CHARS:
        raise SearchError(f"query too long ({len(query)} characters; at most {MAX_QUERY_CHARS})")
    query = fold_d(nfc(query)).strip()
    if not query:
        raise SearchError("empty query")
    terms = _TOKEN.findall(query)
    if len(terms) > MAX_QUERY_TERMS:
        raise SearchError(f"query has {len(terms)} words; at most {MAX_QUERY_TERMS}")
    if _SYNTAX.search(query):
        return query
    return " ".join(quote(tok) for tok in terms)


def search(db: Database, query: str, limit: int = 20, filters: Filters | None = None,
           sort: str = "relevance", collapse: bool = False) -> list[dict]:
    """Articles matching ``query``, best first (or newest first), with a highlighted snippet.

    With ``collapse``, one row per near-duplicate cluster (the best-ranked copy),
    with ``portals``: how many sites carried the story.

    Cost stays bounded for common words (see ``docs/querying.md``): a query
    with fewer than ``COMMON`` matches is ranked by bm25 over all of them; a
    commoner one takes the bounded plans of :mod:`archive.search_plans`.
    """
    if limit < 1:
        raise SearchError("--limit must be at least 1")
    if sort not in ("relevance", "date"):
        raise SearchError("--sort is relevance or date")
    filters = filters or Filters()
    where = filters.where("a")
    match = fts_query(query)
    rerank = sort == "relevance" and _has_diacritics(query) and not _SYNTAX.search(query)
    shown = limit * (5 if collapse else 1)
    pool = shown + (CANDIDATES if rerank else 0)
    read: dict[int, str] = {}  # "title\ntext" of articles a plan already read
    try:
        common = is_common(db, match)
        if sort == "date":
            ids = newest(db, match, filters, pool, common)
        elif common:
            words = [] if _SYNTAX.search(query) else _TOKEN.findall(query)
            ids = tiered(db, words, match, filters, pool, shown, read)
        else:
            ids = [r[0] for r in db.execute(
                f"""SELECT a.id FROM articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid
                    WHERE articles_fts MATCH ? AND {where[0]} ORDER BY rank LIMIT ?""",
                [match, *where[1], pool])]
        if rerank:
            ids = _exact_first(db, ids, query, read)
        portals = _collapse(db, ids, limit) if collapse else {}
        # snippets (FTS5 reads and tokenizes each row's text) only for the rows shown: made
        # for the whole re-ranking pool they were a third of a search's time
        rows = _page(db, match, list(portals) if collapse else ids, limit)
    except sqlite3.OperationalError as exc:
        raise query_error(query, exc) from exc
    for row in rows:
        if collapse:
            row["portals"] = portals[row["id"]]
        else:
            del row["story"]
    return rows


def _page(db: Database, match: str, ids: list[int], limit: int) -> list[dict]:
    """Rows with snippets for the first ``limit`` of ``ids``, in that order."""
    ids = ids[:limit]
    if not ids:
        return []
    rows = {r["id"]: r for r in _rows(db, f"""SELECT {_COLUMNS} FROM articles a CROSS JOIN articles_fts
                                              ON articles_fts.rowid = a.rowid WHERE articles_fts MATCH ?
                                              AND a.id IN ({','.join('?' * len(ids))})""", [match, *ids])}
    return [rows[i] for i in ids if i in rows]


def _has_diacritics(query: str) -> bool:
    return fold(query) != nfc(query).lower()


def _exact_first(db: Database, ids: list[int], query: str, read: dict[int, str]) -> list[int]:
    """Articles holding the query words exactly as typed (accents included) before the others
    (``read``: the title and text of articles already read)."""
    words = [w.casefold() for w in _TOKEN.findall(nfc(query))]
    unread = [i for i in ids if i not in read]
    read.update((i, f"{title}\n{text}") for i, title, text in fetch(db, unread, "id, title, text"))
    texts = {i: read[i].casefold() for i in ids if i in read}
    exact = {i for i, t in texts.items() if all(w in t for w in words)}
    return sorted(ids, key=lambda i: i not in exact)  # stable: rank order kept within each


def _collapse(db: Database, ids: list[int], limit: int) -> dict[int, int]:
    """The best-ranked article of the first ``limit`` near-duplicate clusters among ``ids``, in
    order, with the number of portals that carried its story."""
    story = dict(fetch(db, ids, "id, coalesce(cluster_id, id)"))
    first: dict[int, int] = {}
    for i in ids:
        first.setdefault(story[i], i)
    portals = {}
    for cluster, i in list(first.items())[:limit]:
        (portals[i],) = db.execute(
            "SELECT count(DISTINCT u.site) FROM article_urls u JOIN articles a ON a.id = u.article_id "
            "WHERE coalesce(a.cluster_id, a.id) = ?", [cluster]).fetchone()
    return portals


def _rows(db: Database, sql: str, params: list) -> list[sqlite3.Row]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def query_error(query: str, exc: sqlite3.OperationalError) -> SearchError:
    """The one-line message for a query SQLite rejected."""
    reason = str(exc).removeprefix("fts5: ") or "syntax error"
    return SearchError(f"malformed query {query!r}: {reason}")
