"""``/search?q=…``: one box, ranked as ``govarchive search`` ranks (exact diacritics first when the
query has them, then folded), with facets a researcher narrows by: portal, province, level,
year, and articles or documents. Facet parameters are part of the address, so a search can be
cited as it is."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

from archive.document_queries import search_documents
from archive.filters import Filters
from archive.reader import Reader
from archive.search import SearchError, fts_query, search
from archive.views.base import archive_database, page, published

LIMIT = 50
FACET_ROWS = 5000  # matches the facet counts read at most (a common word matches most of an archive)
FACETS = ("site", "province", "new_province", "level", "year")


async def search_page(datasette, request):
    q = (request.args.get("q") or "").strip()
    kind = "documents" if request.args.get("kind") == "documents" else "articles"
    chosen = {name: (request.args.get(name) or "").strip() for name in FACETS}
    if not q:
        return page("govarchive_search.html", q="", kind=kind, hits=[], facets={}, chosen=chosen, error="")
    db = archive_database(datasette)
    try:
        hits, facets = await db.execute_fn(lambda conn: _search(conn, q, kind, chosen))
        error = ""
    except SearchError as exc:
        hits, facets, error = [], {}, str(exc)
    links = {name: _facet_links(q, kind, chosen, name, counts) for name, counts in facets.items()}
    return page("govarchive_search.html", q=q, kind=kind, hits=hits, facets=links, chosen=chosen, error=error,
                switch=_address(q, "documents" if kind == "articles" else "articles", chosen))


def _search(conn, q: str, kind: str, chosen: dict) -> tuple[list[dict], dict]:
    names = ("name", "province", "level", "new_province")
    sites = {key: dict(zip(names, (v or "" for v in values), strict=True)) for key, *values in
             conn.execute("SELECT key, name, province, level, new_province FROM sites")}
    keys = None
    if chosen["province"] or chosen["level"] or chosen["new_province"]:
        keys = tuple(k for k, s in sites.items()
                     if all(chosen[name] in ("", s[name]) for name in ("province", "new_province", "level")))
    year = chosen["year"] if chosen["year"].isdigit() else ""
    filters = Filters(site=chosen["site"] or None, sites=keys, date_from=f"{year}-01-01" if year else None,
                      date_to=f"{year}-12-31" if year else None)
    reader = Reader(conn)
    if kind == "documents":
        hits = search_documents(reader, q, limit=LIMIT, filters=filters)
        for hit in hits:
            title = " ".join(filter(None, [hit.get("doc_type"), hit.get("number"), hit.get("subject")]))
            hit.update(title=title, date=hit.get("issued_on") or "no date found",
                       address=f"/document/{hit['id']}")
    else:
        hits = search(reader, q, limit=LIMIT, filters=filters)
        for hit in hits:
            hit.update(date=published(hit.get("published_at")), address=f"/article/{hit['id']}")
    for hit in hits:
        hit["portal"] = sites.get(hit["site"], {}).get("name") or hit["site"]
        hit["snippet_parts"] = snippet_parts(hit.get("snippet") or "")
    return hits, _facets(conn, q, kind, filters, sites)


def snippet_parts(snippet: str) -> list[tuple[str, bool]]:
    """The index's snippet (matches in ``[…]``) as (text, is a match) pieces, for <mark>."""
    parts, rest = [], snippet
    while "[" in rest and "]" in rest.split("[", 1)[1]:
        before, _, after = rest.partition("[")
        match, _, rest = after.partition("]")
        parts += [(before, False), (match, True)]
    return [p for p in [*parts, (rest, False)] if p[0]]


def _facets(conn, q: str, kind: str, filters: Filters, sites: dict) -> dict[str, Counter]:
    table, date = ("documents", "issued_on") if kind == "documents" else ("articles", "published_at")
    where, params = filters.where("a", date)
    rows = conn.execute(f"SELECT a.site, substr(a.{date}, 1, 4) FROM {table}_fts JOIN {table} a "
                        f"ON a.rowid = {table}_fts.rowid WHERE {table}_fts MATCH ? AND {where} LIMIT ?",
                        [fts_query(q), *params, FACET_ROWS]).fetchall()
    counts: dict[str, Counter] = {name: Counter() for name in FACETS}
    for site, year in rows:
        info = sites.get(site, {})
        counts["site"][site] += 1
        counts["province"][info.get("province") or "(not in the registry)"] += 1
        counts["new_province"][info.get("new_province") or "(not in the registry)"] += 1
        counts["level"][info.get("level") or "(not in the registry)"] += 1
        counts["year"][year or "(no date)"] += 1
    return counts


def _address(q: str, kind: str, chosen: dict, **change: str) -> str:
    params = {"q": q, **({"kind": kind} if kind != "articles" else {}),
              **{k: v for k, v in {**chosen, **change}.items() if v}}
    return "/search?" + urlencode(params)


def _facet_links(q: str, kind: str, chosen: dict, name: str, counts: Counter) -> list[dict]:
    return [{"value": value, "count": count, "selected": chosen[name] == value,
             "address": _address(q, kind, chosen, **{name: "" if chosen[name] == value else value})}
            for value, count in counts.most_common(12)]
