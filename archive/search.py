"""Full-text search over the archive, with or without diacritics.

A plain query ("dan van kheo") matches every word in any accent form: words
are quoted one by one, so punctuation in them ("16/CT-TTg") is harmless. A
query that uses FTS5 syntax (quotes, ``AND``/``OR``/``NOT``, ``*``, brackets) is
passed through; if SQLite rejects it, :class:`SearchError` says why in one line.
"""

from __future__ import annotations

import re
import sqlite3
import time
from typing import TYPE_CHECKING

from archive.filters import Filters
from crawler.textnorm import fold, fold_d, loose_pattern, nfc

if TYPE_CHECKING:
    from sqlite_utils import Database

_SYNTAX = re.compile(r'["*()]|\b(?:AND|OR|NOT|NEAR)\b|\^')
_TOKEN = re.compile(r"\S+")
CANDIDATES = 200  # ranked matches re-ordered so that exact (accented) matches come first
COMMON = 10_000  # matches from which a query is "common": no bm25, no sort over every match
WINDOW = 500  # recent matches a common query's relevance ranking looks at
SCAN = 100_000  # index entries read at most to fill that window when filters reject most
NARROW = 5_000  # filters passing fewer articles than this are walked article by article
NARROW_WINDOW = 150  # the window then: each article costs an index probe
NARROW_BUDGET = 200  # ... found among this many of the newest passing articles (lookups: 20-100 µs each)
PROBE_BATCH = 40  # articles checked against the index at least at a time
SCAN_US = 0.6  # microseconds to read one match of a query and check it against a list (measured)
SPREAD = 20  # a window whose rowids span more articles than this many times its size is tiered by text
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
    return " ".join(_quote(tok) for tok in terms)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def search(db: Database, query: str, limit: int = 20, filters: Filters | None = None,
           sort: str = "relevance", collapse: bool = False) -> list[dict]:
    """Articles matching ``query``, best first (or newest first), with a highlighted snippet.

    With ``collapse``, one row per near-duplicate cluster (the best-ranked copy),
    with ``portals``: how many sites carried the story.

    Cost stays bounded for common words (see ``docs/querying.md``): a query
    with fewer than ``COMMON`` matches is ranked by bm25 over all of them; a
    commoner one is ranked in tiers over a window of recent matches
    (``_tiered``); a date sort of a common query walks the date index.
    """
    if limit < 1:
        raise SearchError("--limit must be at least 1")
    if sort not in ("relevance", "date"):
        raise SearchError("--sort is relevance or date")
    where = (filters or Filters()).where("a")
    match = fts_query(query)
    rerank = sort == "relevance" and _has_diacritics(query) and not _SYNTAX.search(query)
    shown = limit * (5 if collapse else 1)
    pool = shown + (CANDIDATES if rerank else 0)
    try:
        common = is_common(db, match)
        if sort == "date":
            ids = newest(db, match, where, pool, common)
        elif common:
            ids = _tiered(db, query, match, where, pool, shown)
        else:
            ids = [r[0] for r in db.execute(
                f"""SELECT a.id FROM articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid
                    WHERE articles_fts MATCH ? AND {where[0]} ORDER BY rank LIMIT ?""",
                [match, *where[1], pool])]
        if rerank:
            ids = _exact_first(db, ids, query)
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


def is_common(db: Database, match: str) -> bool:
    """Whether an FTS query has at least ``COMMON`` matches (reads at most that many rowids)."""
    (n,) = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? "
                      f"LIMIT {COMMON})", [match]).fetchone()
    return n >= COMMON


def newest(db: Database, match: str, where: tuple[str, list], limit: int, common: bool) -> list[int]:
    """Ids of the newest ``limit`` matches (undated last).

    A ``common`` query (see :func:`is_common`) with filters few articles pass
    probes those articles newest first (:func:`_probe_newest`); without such
    filters it walks the date index (or the site's) newest first and checks each
    article against the index, stopping at ``limit``; a rarer query reads its few
    matches and sorts them.
    """
    if common and where[1]:
        ids = _probe_newest(db, match, where, limit)
        if ids is not None:
            return ids
    join = ("articles a CROSS JOIN articles_fts ON articles_fts.rowid = a.rowid" if common
            else "articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid")
    return [r[0] for r in db.execute(f"""SELECT a.id FROM {join} WHERE articles_fts MATCH ? AND {where[0]}
                                          ORDER BY a.published_at DESC, a.id DESC LIMIT ?""",
                                      [match, *where[1], limit])]


def _probe_newest(db: Database, match: str, where: tuple[str, list], limit: int,
                  budget: int | None = None, floor: int = 0) -> list[int] | None:
    """The newest ``limit`` matches among the articles passing narrow filters; None when
    ``NARROW`` or more pass them.

    The passing articles are listed newest first from the filters' index (a site's
    articles, a province's in a year: a millisecond or two), then checked against the
    full-text index in batches sized from the share of matches so far, or every match of
    the query is read against them when the lookups left would cost more (a lookup costs
    20 to 100 µs, timed on the first batch). SQLite's own plan looked every passing
    article up before sorting them (2,201 lookups, 50 ms, for 20 rows).

    With a ``budget``, matches stop at the newest ``budget`` passing articles once there
    are ``floor`` of them: a window that costs at most that many lookups (the choice is
    by count, never by time, so a search gives the same rows on any machine).
    """
    clause, params = where
    passing = [r[0] for r in db.execute(f"""SELECT a.id FROM articles a WHERE {clause}
                                            ORDER BY a.published_at DESC, a.id DESC LIMIT {NARROW}""",
                                        params)]
    if len(passing) >= NARROW:
        return None
    budget = len(passing) if budget is None else budget
    found: list[tuple[int, int]] = []  # (position among the passing articles, id)
    checked, probe_us = 0, None
    (total,) = db.execute("SELECT max(rowid) FROM articles").fetchone()
    while checked < len(passing) and len(found) < limit and (checked < budget or len(found) < floor):
        share = (len(found) + 1) / (checked + 1)  # of the articles checked, the share that matched
        target = limit if checked < budget else floor
        wanted = min((target - len(found)) / share * 1.2, len(passing) - checked)
        if probe_us is not None and wanted * probe_us > share * total * SCAN_US:
            # reading every match (about share * total of them) is cheaper than the lookups left
            found += _matching(db, match, passing, checked, scan=True)
            break
        size = max(PROBE_BATCH, int(wanted if checked >= budget else min(wanted, budget - checked)))
        started = time.perf_counter()
        found += _matching(db, match, passing[:checked + size], checked, scan=False)
        probe_us = (time.perf_counter() - started) * 1e6 / min(size, len(passing) - checked)
        checked += size
    kept = [i for n, (position, i) in enumerate(found) if position < budget or n < floor]
    return kept[:limit]


def _matching(db: Database, match: str, passing: list[int], start: int, scan: bool) -> list[tuple[int, int]]:
    """The articles of ``passing`` from ``start`` on that the query matches, with their position:
    each looked up in the index, or (``scan``) every match of the query read and checked
    against them (the ``+`` keeps SQLite from turning the list into lookups)."""
    ids = passing[start:]
    marks = ",".join("?" * len(ids))
    hits = {r for (r,) in db.execute(f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
                                     f"AND {'+' if scan else ''}rowid IN ({marks})", [match, *ids])}
    return [(start + n, i) for n, i in enumerate(ids) if i in hits]


def _tiered(db: Database, query: str, match: str, where: tuple[str, list], limit: int,
            shown: int) -> list[int]:
    """Relevance for a common query, at a bounded cost.

    bm25 would read every match (and for words found in most articles it
    hardly tells them apart), so a window of ``WINDOW`` recent matches is
    ranked instead: the words as a phrase in the title, as a phrase in the
    text, all in the title, then the rest; newest first within a tier.
    """
    ids = _window(db, match, where, shown)
    if not ids:
        return []
    words = [] if _SYNTAX.search(query) else _TOKEN.findall(query)
    tiers = _index_tiers(db, words, ids) if words else None
    if tiers is None:
        phrase = loose_pattern(" ".join(words)) if words else None
        each = [loose_pattern(w) for w in words]

        def tier(row: tuple) -> int:
            _, title, text, _ = row
            return (0 if phrase and phrase.search(title) else 1 if phrase and phrase.search(text)
                    else 2 if each and all(p.search(title) for p in each) else 3)

        rows = list(_fetch(db, ids, "id, title, text, published_at"))
    else:
        rows = list(_fetch(db, ids, "id, NULL, NULL, published_at"))

        def tier(row: tuple) -> int:
            return next((n for n, hits in enumerate(tiers) if row[0] in hits), len(tiers))

    rows.sort(key=lambda r: (r[3] is not None, r[3] or "", r[0]), reverse=True)  # newest first
    checked: set[int] = set()
    while True:
        ranked = [row[0] for row in sorted(rows, key=tier)[:limit]]  # stable: newest first within a tier
        if tiers is None or not _demote_false_phrases(db, words, tiers, ranked, checked):
            return ranked


def _demote_false_phrases(db: Database, words: list[str], tiers: list[set[int]], ranked: list[int],
                          checked: set[int]) -> bool:
    """Check the phrase tiers' claims among the ``ranked`` rows against their text; whether any
    was false (it leaves its tier, and the ranking is made again).

    The index's phrases run over punctuation ("vệ. Phong" is "ve phong"): a row keeps its
    phrase tier when the words really follow each other, as the text tiers see it. Only
    the rows shown are checked (each check reads the article's text), and a false claim
    only moves a row down, so the rows shown end up as if every claim had been checked.
    """
    in_title, in_text = tiers[0], tiers[1]
    claims = [i for i in ranked if (i in in_title or i in in_text) and i not in checked]
    if not claims:
        return False
    pattern = loose_pattern(" ".join(words))
    demoted = False
    for i, title, text in _fetch(db, claims, "id, title, text"):
        if i in in_title and not pattern.search(title):
            in_title.discard(i)
            demoted = True
        if i in in_text and not pattern.search(text):
            in_text.discard(i)
            demoted = True
        checked.add(i)  # true claims stay, and are not read again
    return demoted


def _index_tiers(db: Database, words: list[str], ids: list[int]) -> list[set[int]] | None:
    """The tiers' members among ``ids`` from the full-text index, or None when the window is
    spread over too much of the archive for that to be cheap.

    The window is the newest matches, so its rowids are a narrow range at the top of
    the index: three phrase and column queries over that range cost a millisecond or two,
    where matching patterns in each window article's text cost about 15 ms (measured,
    a million articles).
    """
    low = min(ids)
    (top,) = db.execute("SELECT max(id) FROM articles").fetchone()
    if top - low > SPREAD * len(ids):
        return None
    tokens = [_quote(fold_d(nfc(w))) for w in words]
    phrase = '"' + " ".join(fold_d(nfc(w)).replace('"', '""') for w in words) + '"'
    window = set(ids)

    def hits(expression: str) -> set[int]:
        return window.intersection(r for (r,) in db.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ?", [expression, low]))

    # the phrase tiers as the index has them: _demote_false_phrases checks those shown
    return [hits(f"title : {phrase}"), hits(f"text : {phrase}"), hits(f"title : ({' AND '.join(tokens)})")]


def _page(db: Database, match: str, ids: list[int], limit: int) -> list[dict]:
    """Rows with snippets for the first ``limit`` of ``ids``, in that order."""
    ids = ids[:limit]
    if not ids:
        return []
    rows = {r["id"]: r for r in _rows(db, f"""SELECT {_COLUMNS} FROM articles a CROSS JOIN articles_fts
                                              ON articles_fts.rowid = a.rowid WHERE articles_fts MATCH ?
                                              AND a.id IN ({','.join('?' * len(ids))})""", [match, *ids])}
    return [rows[i] for i in ids if i in rows]


def _window(db: Database, match: str, where: tuple[str, list], shown: int) -> list[int]:
    """Ids of up to ``WINDOW`` recent matches passing the filters.

    Without filters (or with broad ones) they are the matches archived last,
    read from the index in rowid order; with narrow filters (fewer than
    ``NARROW`` articles pass them), the newest ``NARROW_WINDOW`` matches among
    the newest ``NARROW_BUDGET`` of those articles (at least the ``shown`` newest
    matches, wherever they are).
    """
    clause, params = where
    if params:
        ids = _probe_newest(db, match, where, NARROW_WINDOW, budget=NARROW_BUDGET, floor=shown)
        if ids is not None:
            return ids
    ids = [row[0] for row in db.execute(
        f"""SELECT a.id FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
                              ORDER BY rowid DESC LIMIT {SCAN}) m
            CROSS JOIN articles a ON a.rowid = m.rowid WHERE {clause} LIMIT {WINDOW}""", [match, *params])]
    return ids if len(ids) >= WINDOW or not params else newest(db, match, where, WINDOW, common=True)


def _fetch(db: Database, ids: list[int], columns: str):
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        yield from db.execute(f"SELECT {columns} FROM articles WHERE id IN ({marks})", chunk)


def _has_diacritics(query: str) -> bool:
    return fold(query) != nfc(query).lower()


def _exact_first(db: Database, ids: list[int], query: str) -> list[int]:
    """Articles holding the query words exactly as typed (accents included) before the others."""
    words = [w.casefold() for w in _TOKEN.findall(nfc(query))]
    texts = {i: f"{title}\n{text}".casefold() for i, title, text in _fetch(db, ids, "id, title, text")}
    exact = {i for i, t in texts.items() if all(w in t for w in words)}
    return sorted(ids, key=lambda i: i not in exact)  # stable: rank order kept within each


def _collapse(db: Database, ids: list[int], limit: int) -> dict[int, int]:
    """The best-ranked article of the first ``limit`` near-duplicate clusters among ``ids``, in
    order, with the number of portals that carried its story."""
    story = dict(_fetch(db, ids, "id, coalesce(cluster_id, id)"))
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
