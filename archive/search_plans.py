"""Bounded plans for common queries: words in a large share of the archive.

Vietnamese is written in syllables, and a few (``công``, ``dân``, ``tỉnh``) are in
most government articles: a two-word query can match half of a million articles,
and bm25 or a sort over every match would read them all. A query with ``COMMON``
matches or more is answered here instead (``docs/querying.md`` gives the plans,
``benchmarks/search_bench.py`` their cost):

- relevance: tiers (the words as a phrase in the title, as a phrase in the text,
  all in the title, the rest; newest first within each) over a window of recent
  matches (:func:`tiered`);
- date: the newest matches, walking the date index or, under filters, the
  passing articles newest first (:func:`newest`).
"""

from __future__ import annotations

import math
import time
from itertools import islice
from typing import TYPE_CHECKING

from archive.filtered_walk import newest_passing
from archive.filters import Filters
from common.textnorm import fold_d, loose_pattern, nfc

if TYPE_CHECKING:
    from sqlite_utils import Database

COMMON = 10_000  # matches from which a query is "common": no bm25, no sort over every match
WINDOW = 500  # recent matches a common query's relevance ranking looks at
FILTERED_WINDOW = 150  # the window under filters: each article costs an index probe
FILTERED_BUDGET = 200  # ... found among this many of the newest passing articles (a lookup each)
SLACK = 1.2  # lookups planned beyond what the share matched so far predicts
PROBE_BATCH = 40  # articles checked against the index at least at a time
SCAN_US = 0.6  # microseconds to read one match of a query into a set (benchmarks/RESULTS.md)
OVER_READ = 4  # matches read at most, as a multiple of those the share found so far predicts
HEDGE = 1.5  # every match is read only when the lookups left cost this much more: lookups are
# planned again after each batch, a read of every match is spent at once on a share estimated
# from a few dozen lookups
TEXT_BATCH = 50  # window texts read at a time when the tiers come from the text
SPREAD = 20  # a window whose rowids span more articles than this many times its size is tiered by text


def is_common(db: Database, match: str) -> bool:
    """Whether an FTS query has at least ``COMMON`` matches (reads at most that many rowids)."""
    (n,) = db.execute(f"SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? "
                      f"LIMIT {COMMON})", [match]).fetchone()
    return n >= COMMON


def newest(db: Database, match: str, filters: Filters, limit: int, common: bool) -> list[int]:
    """Ids of the newest ``limit`` matches (undated last).

    A ``common`` query (see :func:`is_common`) with filters probes the articles
    passing them, newest first (:func:`_probe_newest`); without filters it walks
    the date index newest first and checks each article against the index,
    stopping at ``limit``; a rarer query reads its few matches and sorts them.
    """
    if common and filters != Filters():
        return _probe_newest(db, match, filters, limit)
    clause, params = filters.where("a")
    join = ("articles a CROSS JOIN articles_fts ON articles_fts.rowid = a.rowid" if common
            else "articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid")
    return [r[0] for r in db.execute(f"""SELECT a.id FROM {join} WHERE articles_fts MATCH ? AND {clause}
                                          ORDER BY a.published_at DESC, a.id DESC LIMIT ?""",
                                      [match, *params, limit])]


def _probe_newest(db: Database, match: str, filters: Filters, limit: int, budget: int | None = None,
                  floor: int = 0) -> list[int]:
    """The newest ``limit`` matches among the articles passing ``filters``.

    The passing articles are walked newest first (:func:`archive.filtered_walk.newest_passing`:
    a microsecond or two each) and checked against the full-text index in batches
    sized from the share of matches so far. When the lookups left would cost more (a
    lookup's cost is timed on the first batch) than reading every match of the query
    (``SCAN_US`` each), the matches are read into a set and the walk goes on against
    it. SQLite's own plan looks every passing article up before sorting them
    (``benchmarks/RESULTS.md`` has the figures).

    With a ``budget``, matches stop at the newest ``budget`` passing articles once there
    are ``floor`` of them: a window that costs at most that many lookups (the choice is
    by count, never by time, so a search gives the same rows on any machine).
    """
    passing = _Walk(newest_passing(db, filters))
    found: list[tuple[int, int]] = []  # (position among the passing articles, id)
    checked, probe_us, matches = 0, None, None
    budget = math.inf if budget is None else budget
    (total,) = db.execute("SELECT max(rowid) FROM articles").fetchone()
    while len(found) < limit and (checked < budget or len(found) < floor) and passing.reach(checked + 1):
        share = (len(found) + 1) / (checked + 1)  # of the articles checked, the share that matched
        # lookups still needed: to the end of the budget (or to ``limit`` matches), and to ``floor``
        wanted = (floor - len(found)) / share * SLACK
        if checked < budget:
            wanted = max(wanted, min(budget - checked, (limit - len(found)) / share * SLACK))
        if matches is None and probe_us is not None and wanted * probe_us > HEDGE * share * total * SCAN_US:
            # about share * total matches; read at most OVER_READ times that (else lookups go on)
            matches = _every_match(db, match, int(share * total * OVER_READ) + COMMON) or False
        size = int(wanted)
        if budget == math.inf or checked >= budget:  # open-ended: batches at most double, and the
            size = min(size, 2 * checked)  # plan is chosen again as the share firms up (40 mislead)
        size = max(PROBE_BATCH, size)
        passing.reach(checked + size)
        batch = passing.ids[checked:checked + size]
        if matches:
            found += [(checked + n, i) for n, i in enumerate(batch) if i in matches]
        else:
            started = time.perf_counter()
            found += _matching(db, match, batch, checked)
            probe_us = (time.perf_counter() - started) * 1e6 / len(batch)
        checked += len(batch)
    kept = [i for n, (position, i) in enumerate(found) if position < budget or n < floor]
    return kept[:limit]


class _Walk:
    """The passing articles walked so far (``ids``), from a newest-first stream."""

    def __init__(self, stream) -> None:
        self.ids: list[int] = []
        self._stream = stream

    def reach(self, n: int) -> bool:
        """Walk on to the first ``n`` (or to the end); whether there are that many."""
        if len(self.ids) < n:
            self.ids.extend(islice(self._stream, n - len(self.ids)))
        return len(self.ids) >= n


def _every_match(db: Database, match: str, cap: int) -> set[int] | None:
    """Every article the query matches, or None when there are more than ``cap``."""
    ids = {r for (r,) in db.execute(f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
                                    f"LIMIT {cap + 1}", [match])}
    return ids if len(ids) <= cap else None


def _matching(db: Database, match: str, ids: list[int], start: int) -> list[tuple[int, int]]:
    """The articles of ``ids`` the query matches, each looked up in the index, with their
    position (``start`` for the first)."""
    marks = ",".join("?" * len(ids))
    hits = {r for (r,) in db.execute(f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
                                     f"AND rowid IN ({marks})", [match, *ids])}
    return [(start + n, i) for n, i in enumerate(ids) if i in hits]


def tiered(db: Database, words: list[str], match: str, filters: Filters, limit: int,
           shown: int, read: dict[int, str] | None = None) -> list[int]:
    """Relevance for a common query, at a bounded cost.

    bm25 would read every match (and for words found in most articles it
    hardly tells them apart), so a window of ``WINDOW`` recent matches is
    ranked instead: the words as a phrase in the title, as a phrase in the
    text, all in the title, then the rest; newest first within a tier.
    ``words`` are the query's words ([] for a query in FTS5 syntax: newest first).
    ``read`` collects the "title\ntext" of the articles whose text was read, for the
    caller's exact-first re-ranking.
    """
    ids = _window(db, match, filters, shown)
    if not ids:
        return []
    tiers = _index_tiers(db, words, ids) if words else None
    if tiers is None:
        return _text_tiers(db, words, ids, limit, {} if read is None else read)
    rows = _newest_first(fetch(db, ids, "id, published_at"))

    def tier(row: tuple) -> int:
        return next((n for n, hits in enumerate(tiers) if row[0] in hits), len(tiers))

    checked: set[int] = set()
    while True:
        ranked = [row[0] for row in sorted(rows, key=tier)[:limit]]  # stable: newest first within a tier
        if not _demote_false_phrases(db, words, tiers, ranked, checked):
            return ranked


def _newest_first(rows) -> list[tuple]:
    """``(id, published_at, ...)`` rows newest first, undated last."""
    return sorted(rows, key=lambda r: (r[1] is not None, r[1] or "", r[0]), reverse=True)


def _text_tiers(db: Database, words: list[str], ids: list[int], limit: int,
                read: dict[int, str]) -> list[int]:
    """The tiers from the window's titles and texts (a window spread over the archive).

    Titles are read for every article; a text only while the phrase tier still has
    room in the first ``limit``: articles are walked newest first and the walk stops
    when the phrase-in-text tier fills the page (the rows after it rank below). On
    common phrases that reads a few dozen texts instead of the whole window's.
    """
    rows = _newest_first(fetch(db, ids, "id, published_at, title"))
    if not words:
        return [r[0] for r in rows[:limit]]
    phrase, each = loose_pattern(" ".join(words)), [loose_pattern(w) for w in words]
    in_title = [r for r in rows if phrase.search(r[2])]
    titled = {r[0] for r in in_title}
    rest = [r for r in rows if r[0] not in titled]
    need = limit - len(in_title)
    in_text: list[int] = []
    others: list[tuple] = []
    for start in range(0, len(rest), TEXT_BATCH):
        if len(in_text) >= need:
            break
        batch = rest[start:start + TEXT_BATCH]
        texts = dict(fetch(db, [r[0] for r in batch], "id, text"))
        for row in batch:
            read[row[0]] = f"{row[2]}\n{texts[row[0]]}"
            if phrase.search(texts[row[0]]):
                in_text.append(row[0])
            else:
                others.append(row)
    ranked = [r[0] for r in in_title] + in_text
    if len(ranked) < limit:  # every text was read: the title-words tier, then the rest
        words_in_title = {r[0] for r in others if all(p.search(r[2]) for p in each)}
        ranked += sorted((r[0] for r in others), key=lambda i: i not in words_in_title)  # stable
    return ranked[:limit]


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
    for i, title, text in fetch(db, claims, "id, title, text"):
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
    the index: three phrase and column queries over that range cost far less than
    matching patterns in each window article's text.
    """
    low = min(ids)
    (top,) = db.execute("SELECT max(id) FROM articles").fetchone()
    if top - low > SPREAD * len(ids):
        return None
    tokens = [quote(fold_d(nfc(w))) for w in words]
    phrase = '"' + " ".join(fold_d(nfc(w)).replace('"', '""') for w in words) + '"'
    window = set(ids)

    def hits(expression: str) -> set[int]:
        return window.intersection(r for (r,) in db.execute(
            "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid >= ?", [expression, low]))

    # the phrase tiers as the index has them: _demote_false_phrases checks those shown
    return [hits(f"title : {phrase}"), hits(f"text : {phrase}"), hits(f"title : ({' AND '.join(tokens)})")]


def _window(db: Database, match: str, filters: Filters, shown: int) -> list[int]:
    """Ids of the recent matches passing the filters that relevance ranks.

    Without filters they are the ``WINDOW`` matches archived last, read from the
    index in rowid order. With filters, the newest ``FILTERED_WINDOW`` matches among
    the newest ``FILTERED_BUDGET`` articles passing them (at least the ``shown`` newest
    matches, wherever they are): reading matches in archive order until enough
    passed costs a row read for each match.
    """
    if filters != Filters():
        return _probe_newest(db, match, filters, FILTERED_WINDOW, budget=FILTERED_BUDGET, floor=shown)
    return [r[0] for r in db.execute(f"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? "
                                     f"ORDER BY rowid DESC LIMIT {WINDOW}", [match])]


def fetch(db: Database, ids: list[int], columns: str):
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        yield from db.execute(f"SELECT {columns} FROM articles WHERE id IN ({marks})", chunk)


def quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'
