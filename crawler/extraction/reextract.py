"""Re-extraction from the WARC records: improve the archive without re-crawling.

Portals may be gone; the captures are not. Each archived article's response
record is read back and extracted again with today's extractor; changed
fields (title, date, author, source, text) are reported and, unless
``dry_run``, written. A damaged or missing WARC record is reported with file
and offset and skipped.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from archive.queries import captured_rows, rewrite_article
from archive.reader import open_reader
from archive.store import open_database
from archive.templates import all_templates
from archive.warc import RecordRef, WarcError, read_response, warc_folder
from crawler.extraction import extract_page
from crawler.profiles import SiteProfile

logger = logging.getLogger(__name__)

FIELDS = ("title", "published_at", "published_raw", "published_from", "author", "source", "text",
          "attachments", "comments")



@dataclass
class Change:
    article_id: int
    url: str
    fields: dict[str, tuple[str | None, str | None]]


@dataclass
class ReextractReport:
    checked: int = 0
    changes: list[Change] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def reextract(db_path: str | Path, site: str | None = None, since: str | None = None,
              dry_run: bool = False, selectors: Mapping[str, dict] | None = None) -> ReextractReport:
    """Extract archived articles again; ``selectors``: each site key's registry overrides, over
    the template each site's crawl learnt (``site_templates``)."""
    db = open_reader(db_path) if dry_run else open_database(db_path, create=False, write=True)
    merged = all_templates(db)
    for key, value in (selectors or {}).items():
        merged[key] = {**merged.get(key, {}), **value}
    profiles = {key: SiteProfile(value) for key, value in merged.items() if value}
    report = ReextractReport()
    rows = captured_rows(db, "articles", site, since)
    _reread(db, warc_folder(db_path), rows, profiles, dry_run, report)
    db.conn.close()
    return report


# a crawl's own pages read again when it closes, on the reactor thread (other portals' crawls of
# the process wait meanwhile); more is `reextract`'s work
MAX_REREAD = 50


def reread_pages(db, db_path: str | Path, site: str, urls: list[str],
                 selectors: Mapping[str, object]) -> ReextractReport:
    """A crawl's articles of ``site`` at ``urls``, extracted before it learnt the site's
    template, extracted again from their WARC records with ``selectors``, on the crawl's own
    connection (``db``)."""
    report = ReextractReport()
    rows = captured_rows(db, "articles", site, urls=list(dict.fromkeys(urls))[:MAX_REREAD])
    _reread(db, warc_folder(db_path), rows, {site: SiteProfile(dict(selectors))}, False, report)
    return report


def _reread(db, folder: Path, rows: list[dict], profiles: Mapping[str, SiteProfile], dry_run: bool,
            report: ReextractReport) -> None:
    for row in rows:
        report.checked += 1
        change = _one(db, folder, row, report, profiles.get(row["site"]))
        if change is None:
            continue
        report.changes.append(change)
        if not dry_run:
            _write(db, row, change, report)


def _one(db, folder: Path, row: dict, report: ReextractReport,
         site: SiteProfile | None = None) -> Change | None:
    ref = RecordRef(row["warc_file"], row["warc_offset"], row["warc_length"] or 0)
    try:
        stored = read_response(folder, ref)
    except WarcError as exc:
        report.problems.append(f"article {row['id']}: {exc}")
        return None
    result = extract_page(stored.body, row["url"], stored.content_type,
                          datetime.fromisoformat(row["fetched_at"]), site)
    if not result.is_article:
        report.problems.append(f"article {row['id']}: no longer extracted as an article "
                               f"({result.reason}); left as it is")
        return None
    new = result.stored()
    if new["published_at"] is None and row["published_at"]:  # a listing gave it: the record does not
        for name in ("published_at", "published_raw", "published_from"):
            new[name] = row[name]
    changed = {name: (row[name], new[name]) for name in FIELDS if row[name] != new[name]}
    return Change(row["id"], row["url"], changed) if changed else None


def _write(db, row: dict, change: Change, report: ReextractReport) -> None:
    update = {name: new for name, (_, new) in change.fields.items()}
    try:
        rewrite_article(db, row["id"], update)
    except sqlite3.IntegrityError:
        report.problems.append(f"article {row['id']}: new text equals another article's; not written")
