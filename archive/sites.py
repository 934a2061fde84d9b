"""The ``sites`` table: each registry site's description, copied into the archive.

Province and level live in the registry, and the registry changes (the 2025
reform merged provinces). Copying the entries into the archive whenever a
crawl starts or the archive is served lets plain SQL, and Datasette's canned
queries, group articles by province or level without the registry at hand.
Sites that left the registry keep their last row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

SITE_COLUMNS = ("key", "name", "province", "level", "district", "commune", "platform", "status", "home")


def sync_sites(db: Database, sites: Iterable) -> int:
    """Upsert registry entries (``crawler.registry.Site``) into ``sites``; how many."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [{**{c: getattr(site, c) for c in SITE_COLUMNS if c != "home"},
             "home": " ".join(site.home), "updated_at": now} for site in sites]
    with db.conn:
        db["sites"].upsert_all(rows, pk="key")
    return len(rows)


@dataclass(frozen=True)
class ArchivedSite:
    """A ``sites`` row: enough of a registry entry for province and level filters."""

    key: str
    province: str
    level: str


def archived_sites(db: Database) -> dict[str, ArchivedSite]:
    """The sites the archive recorded, by key (the registry may have moved on, or be another)."""
    if "sites" not in db.table_names():
        return {}
    return {key: ArchivedSite(key, province or "", level or "")
            for key, province, level in db.execute("SELECT key, province, level FROM sites")}
