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
# the units before and after 1 July 2025 (migration m013_units), from the entry's unit_columns()
UNIT_COLUMNS = ("province_code", "district_code", "new_province", "new_province_code", "new_commune",
                "new_commune_code")


def sync_sites(db: Database, sites: Iterable) -> int:
    """Upsert registry entries (``crawler.registry.Site``) into ``sites``; how many."""
    now = datetime.now(UTC).isoformat(timespec="seconds")
    rows = [{**{c: getattr(site, c) for c in SITE_COLUMNS if c != "home"},
             **{c: units.get(c) or None for c in UNIT_COLUMNS
                for units in [site.unit_columns() if hasattr(site, "unit_columns") else {}]},
             "home": " ".join(site.home), "updated_at": now} for site in sites]
    if not rows:
        return 0
    columns = list(rows[0])
    # plain SQL: sqlite-utils' upsert first probes SQLite by creating and dropping a table in
    # the archive, a schema change that makes every other writer's statements re-read it
    sql = (f"INSERT INTO sites ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
           "ON CONFLICT (key) DO UPDATE SET "
           + ", ".join(f"{c} = excluded.{c}" for c in columns if c != "key"))
    with db.conn:
        db.conn.executemany(sql, [[row[c] for c in columns] for row in rows])
    return len(rows)


@dataclass(frozen=True)
class ArchivedSite:
    """A ``sites`` row: enough of a registry entry for province and level filters."""

    key: str
    province: str
    level: str
    district: str = ""
    new_province: str = ""


def archived_sites(db: Database) -> dict[str, ArchivedSite]:
    """The sites the archive recorded, by key (the registry may have moved on, or be another)."""
    if "sites" not in db.table_names():
        return {}
    return {key: ArchivedSite(key, province or "", level or "", district or "", new_province or "")
            for key, province, level, district, new_province in db.execute(
                "SELECT key, province, level, district, new_province FROM sites")}
