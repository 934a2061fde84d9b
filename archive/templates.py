"""Sites' learnt templates in the archive (``site_templates``, migration m016).

A crawl learns a portal's template from its first article pages and keeps it here, so the
next crawl of the portal uses it from its first page and ``reextract`` reads the pages
extracted before it was known again with it.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime


def load_template(db, site: str) -> dict | None:
    """The site's learnt selectors, or None (none learnt, or an archive before m016)."""
    try:
        row = db.execute("SELECT selectors FROM site_templates WHERE site = ?", [site]).fetchone()
    except sqlite3.OperationalError:  # an archive from before m016
        return None
    return json.loads(row[0]) if row and row[0] else None


def save_template(db, site: str, selectors: dict, pages: int) -> None:
    with db.conn:
        db.execute("INSERT OR REPLACE INTO site_templates (site, selectors, pages, learnt_at) "
                   "VALUES (?, ?, ?, ?)",
                   [site, json.dumps(selectors, ensure_ascii=False, sort_keys=True), pages,
                    datetime.now(UTC).isoformat(timespec="seconds")])


def all_templates(db) -> dict[str, dict]:
    try:
        rows = db.execute("SELECT site, selectors FROM site_templates").fetchall()
    except sqlite3.OperationalError:  # an archive from before m016
        return {}
    return {site: json.loads(selectors) for site, selectors in rows if selectors}
