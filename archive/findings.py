"""Redirects and document links, kept from the moment a crawl sees them until they can be resolved.

A redirect becomes a sighting of the article its target is; a link to a document becomes a row of
``document_links`` once the document is archived. Both usually wait for a page the crawl has not
stored yet, so they are kept in ``findings`` (migration ``m012_findings``) and resolved when a
crawl finishes, or by the next crawl when one was killed first.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlite_utils import Database

from archive.document_store import DocumentStore

REDIRECT, DOCUMENT_LINK = "redirect", "document_link"


def add(db: Database, kind: str, rows: Iterable[tuple[str, str, str, str, str, str]]) -> None:
    """``(url, target, text, site, seen_at, crawl_id)`` rows, each kept once (the first sighting)."""
    with db.conn:
        db.conn.executemany(
            "INSERT OR IGNORE INTO findings (kind, url, target, text, site, seen_at, crawl_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)", [(kind, *row) for row in rows])


def resolve(db: Database, sighting) -> int:
    """Turn every unresolved finding whose article or document is archived now into a sighting or a
    link; how many were. ``sighting(article_id, url, site, seen_at)`` records a sighting."""
    documents = DocumentStore(db)
    done = []
    rows = db.execute("SELECT id, kind, url, target, text, site, seen_at, crawl_id FROM findings "
                      "WHERE resolved = 0").fetchall()
    with db.conn:
        for row_id, kind, url, target, text, site, seen_at, crawl_id in rows:
            if kind == REDIRECT:
                found = db.execute("SELECT article_id FROM article_urls WHERE url = ? LIMIT 1",
                                   [target]).fetchone()
                if found:
                    sighting(found[0], url, site, seen_at)
                    done.append(row_id)
            elif (document_id := documents.at_url(url)) is not None:
                documents.link(document_id, {"url": url, "page_url": target, "link_text": text,
                                             "seen_at": seen_at, "crawl_id": crawl_id})
                done.append(row_id)
        db.conn.executemany("UPDATE findings SET resolved = 1 WHERE id = ?", [(i,) for i in done])
    return len(done)
