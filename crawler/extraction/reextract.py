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


# a crawl's own pages read again when it closes; more is `reextract`'s work
MAX_REREAD = 50


def rows_to_reread(db, site: str, urls: list[str]) -> list[dict]:
    """A crawl's archived articles of ``site`` at ``urls`` (those it extracted before it learnt
    the site's template), at most ``MAX_REREAD``."""
    return captured_rows(db, "articles", site, urls=list(dict.fromkeys(urls))[:MAX_REREAD])


def _reread(db, folder: Path, rows: list[dict], profiles: Mapping[str, SiteProfile], dry_run: bool,
            report: ReextractReport) -> None:
    from crawler.extraction import extract_page  # its stages, for this command only

    for row in rows:
        report.checked += 1
        stored = record_of(folder, row, report)
        if stored is None:
            continue
        result = extract_page(stored.body, row["url"], stored.content_type,
                              datetime.fromisoformat(row["fetched_at"]), profiles.get(row["site"]))
        change = change_of(row, result, report)
        if change is None:
            continue
        report.changes.append(change)
        if not dry_run:
            write_change(db, row, change, report)


def record_of(folder: Path, row: dict, report: ReextractReport):
    """The archived response of ``row``, or None (said in the report) when it cannot be read."""
    try:
        return read_response(folder, RecordRef(row["warc_file"], row["warc_offset"], row["warc_length"] or 0))
    except WarcError as exc:
        report.problems.append(f"article {row['id']}: {exc}")
        return None


def change_of(row: dict, result, report: ReextractReport) -> Change | None:
    """What the new extraction (dates resolved) changes in ``row``; a page no longer read as an
    article is left as it is, and a date the listing gave is kept when the page shows none."""
    if not result.is_article:
        report.problems.append(f"article {row['id']}: no longer extracted as an article "
                               f"({result.reason}); left as it is")
        return None
    new = result.stored()
    if new["published_at"] is None and row["published_at"]:  # a listing gave it: the record does not
        for name in ("published_at", "published_raw", "published_from"):
            new[name] = row[name]
    changed = {name: (row[name], new[name]) for name in FIELDS if row[name] != new[name]}
    if changed.keys() & {"published_at", "published_raw"} == set():
        changed.pop("published_from", None)  # the same line read by another rule: nothing to rewrite
    return Change(row["id"], row["url"], changed) if changed else None


def write_change(db, row: dict, change: Change, report: ReextractReport) -> None:
    update = {name: new for name, (_, new) in change.fields.items()}
    try:
        rewrite_article(db, row["id"], update)
    except sqlite3.IntegrityError:
        report.problems.append(f"article {row['id']}: new text equals another article's; not written")
