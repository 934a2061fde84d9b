"""Documents in the archive: one row per file content, and the pages that link each.

The crawl's documents stage writes through :class:`DocumentStore`, one
transaction per file (row, first link and search index together), so an
interrupted crawl never leaves a document without its link or index entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlite_utils import Database

DOCUMENT_COLUMNS = (
    "url", "site", "file_name", "mime", "kind", "size", "sha256", "pages", "text", "text_method",
    "encoding", "ocr_pending", "note", "number", "doc_type", "issuer", "issued_on", "signer", "subject",
    "meta_sources", "fetched_at", "crawl_id", "warc_file", "warc_offset", "warc_length",
)
CITATION_COLUMNS = ("kind", "number", "doc_type", "title", "issued_on", "clause")
TEXT_COLUMNS = ("pages", "text", "text_method", "encoding", "ocr_pending", "note", "number", "doc_type",
                "issuer", "issued_on", "signer", "subject", "meta_sources")


class DocumentStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    def by_sha256(self, sha256: str) -> int | None:
        row = self.db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha256]).fetchone()
        return row[0] if row else None

    def at_url(self, url: str) -> int | None:
        """The document last fetched from (or linked as) ``url``."""
        row = self.db.execute("SELECT document_id FROM document_links WHERE url = ? "
                              "ORDER BY last_seen DESC LIMIT 1", [url]).fetchone()
        return row[0] if row else None

    def insert(self, record: Mapping[str, Any], link: Mapping[str, Any]) -> int:
        """A new document with the link it was found by and the documents it cites; committed together."""
        with self.db.conn:
            document_id = self.db["documents"].insert({k: record.get(k) for k in DOCUMENT_COLUMNS}).last_pk
            self.link(document_id, link)
            self._cite(document_id, record.get("citations"))
        return document_id

    def add_link(self, document_id: int, link: Mapping[str, Any]) -> None:
        with self.db.conn:
            self.link(document_id, link)

    def update_text(self, document_id: int, values: Mapping[str, Any]) -> None:
        """New text and metadata for a document (``reextract``, ``ocr``)."""
        with self.db.conn:
            self.db["documents"].update(document_id, {k: values[k] for k in TEXT_COLUMNS if k in values})
            if "citations" in values:  # read again: the text's citations replace the old ones
                self.db.execute("DELETE FROM document_citations WHERE document_id = ?", [document_id])
                self._cite(document_id, values["citations"])

    def cited(self, document_id: int) -> list[tuple[str | None, str | None]]:
        """(number, title) of what a document cites, in order."""
        return [tuple(r) for r in self.db.execute(
            "SELECT number, title FROM document_citations WHERE document_id = ? ORDER BY id", [document_id])]

    def _cite(self, document_id: int, cited: list[Mapping[str, Any]] | None) -> None:
        """The documents a document cites, inside the caller's transaction."""
        rows = [[document_id, *(c.get(k) for k in CITATION_COLUMNS)] for c in cited or []]
        if rows:
            self.db.conn.executemany(
                f"INSERT INTO document_citations (document_id, {', '.join(CITATION_COLUMNS)}) "
                f"VALUES (?, {', '.join('?' * len(CITATION_COLUMNS))})", rows)

    def link(self, document_id: int, link: Mapping[str, Any]) -> None:
        """A link to the document, inside the caller's transaction."""
        self.db.execute(
            "INSERT INTO document_links (document_id, url, page_url, link_text, first_seen, last_seen, "
            "crawl_id) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (document_id, url, page_url) DO UPDATE SET "
            "last_seen = max(last_seen, excluded.last_seen), "
            "link_text = coalesce(nullif(link_text, ''), excluded.link_text)",
            [document_id, link["url"], link.get("page_url") or "", link.get("link_text") or "",
             link["seen_at"], link["seen_at"], link.get("crawl_id")],
        )
