"""The articles passing a search's filters, newest first, read only as far as needed.

A common query under filters is answered by walking the passing articles newest
first and checking them against the full-text index (:mod:`archive.search_plans`),
so the walk must cost little per article and nothing before the first:

- a few sites (a site, a province's): each site's newest articles from the
  ``(site, published_at)`` index, merged: SQLite's own plan for ``site IN (…)
  ORDER BY published_at`` reads and sorts every article of the sites first;
- many sites (a level) or none: the date index newest first, the sites checked
  in it (it holds each article's site: migration ``m011``), so no row is read.

``benchmarks/RESULTS.md`` has the figures.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from typing import TYPE_CHECKING

from archive.filters import Filters

if TYPE_CHECKING:
    from sqlite_utils import Database

MERGE_SITES = 100  # site lists up to this long are merged; each site's walk starts with an index seek


def newest_passing(db: Database, filters: Filters) -> Iterator[int]:
    """Ids of the articles passing ``filters``, newest first (undated last, then by id, newest
    first): the order of ``ORDER BY published_at DESC, id DESC``."""
    period, params = filters.period("a")
    sites = filters.site_keys()
    if sites is not None and len(sites) <= MERGE_SITES:
        walks = [db.execute(f"""SELECT a.published_at IS NOT NULL, coalesce(a.published_at, ''), a.id
                                FROM articles a INDEXED BY idx_articles_site_published_at
                                WHERE a.site = ? AND {period} ORDER BY a.published_at DESC, a.id DESC""",
                            [site, *params]) for site in sites]
        yield from (row[2] for row in heapq.merge(*walks, reverse=True))
        return
    if sites is not None:
        period += f" AND a.site IN ({','.join('?' * len(sites))})"
        params = params + sites
    yield from (row[0] for row in db.execute(f"""SELECT a.id FROM articles a
                                                INDEXED BY idx_articles_published_at_id_site WHERE {period}
                                                ORDER BY a.published_at DESC, a.id DESC""", params))
