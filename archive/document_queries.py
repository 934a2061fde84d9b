"""Documents for research: search, export, one document with its links, its bytes.

Search uses ``documents_fts`` (number, subject, text; folded like articles', so
"quyet dinh" finds "Quyết định" and "dich ta lon" finds "dịch tả lợn"); a hit
on the number or subject ranks above one deep in the text.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from archive.errors import ArchiveError
from archive.export import stream_rows
from archive.filters import Filters
from archive.reader import open_reader
from archive.search import fts_query, query_error

if TYPE_CHECKING:
    from sqlite_utils import Database

DOCUMENT_EXPORT_COLUMNS = (
    "id", "url", "site", "number", "doc_type", "issuer", "issued_on", "signer", "subject", "meta_sources",
    "file_name", "mime", "size", "sha256", "pages", "text_method", "ocr_pending", "note", "text",
    "fetched_at", "crawl_id", "warc_file", "warc_offset", "warc_length",
)
_WEIGHTS = "bm25(documents_fts, 10.0, 5.0, 1.0)"  # number, subject, text


def search_documents(db: Database, query: str, limit: int = 20, filters: Filters | None = None,
                     sort: str = "relevance") -> list[dict]:
    """Documents matching ``query``: id, issued_on, site, number, doc_type, subject, url, snippet."""
    where, params = (filters or Filters()).where("d", "issued_on")
    order = f"{_WEIGHTS}, d.id" if sort == "relevance" else "d.issued_on DESC, d.id DESC"
    sql = (f"SELECT d.id, d.issued_on, d.site, d.number, d.doc_type, "
           f"coalesce(d.subject, d.file_name) AS subject, d.url, "
           f"snippet(documents_fts, 2, '[', ']', '…', 16) AS snippet "
           f"FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
           f"WHERE documents_fts MATCH ? AND {where} ORDER BY {order} LIMIT ?")
    try:
        cursor = db.conn.execute(sql, [fts_query(query), *params, limit])
    except sqlite3.OperationalError as exc:
        raise query_error(query, exc) from exc
    names = [c[0] for c in cursor.description]
    return [{"kind": "document", **dict(zip(names, row, strict=True))} for row in cursor]


def document_export_rows(db: Database, filters: Filters | None = None,
                         query: str | None = None) -> Iterator[dict]:
    """Documents as dicts of ``DOCUMENT_EXPORT_COLUMNS``, oldest first, streamed."""
    return stream_rows(db, "documents", DOCUMENT_EXPORT_COLUMNS, "issued_on", filters, query)


def document_record(db_path: str | Path, document_id: int) -> dict:
    """The document row, every address and page that linked it, and the articles among those."""
    from archive.reader import dict_rows

    db = open_reader(db_path)
    try:
        rows = dict_rows(db, "SELECT * FROM documents WHERE id = ?", [document_id])
        if not rows:
            raise ArchiveError(f"no document {document_id} in {db_path}")
        document = rows[0]
        try:  # where each field was read (migration m015); none for rows read before it
            document["sources"] = json.loads(document.get("meta_sources") or "{}")
        except ValueError:
            document["sources"] = {}
        document["links"] = dict_rows(db, "SELECT url, page_url, link_text, first_seen, last_seen "
                                          "FROM document_links WHERE document_id = ? ORDER BY first_seen, id",
                                      [document_id])
        document["articles"] = [r[0] for r in db.execute(
            "SELECT DISTINCT article_id FROM document_articles WHERE document_id = ? ORDER BY 1",
            [document_id])]
        document["citations"] = dict_rows(db, "SELECT kind, number, doc_type, title, issued_on, clause "
                                              "FROM document_citations WHERE document_id = ? ORDER BY id",
                                          [document_id])
        # what cites it: documents in the archive whose clauses name its number
        document["cited_by"] = dict_rows(
            db, "SELECT DISTINCT d.id, d.number, d.doc_type, d.subject, c.kind FROM document_citations c "
                "JOIN documents d ON d.id = c.document_id WHERE c.number = ? AND d.id != ? ORDER BY d.id",
            [document["number"], document_id]) if document.get("number") else []
        return document
    finally:
        db.conn.close()


def raw_document(db_path: str | Path, document_id: int) -> bytes:
    """The file's bytes as the portal served them, from its WARC record."""
    from archive.queries import captured_body

    return captured_body(db_path, document_record(db_path, document_id), f"document {document_id}")
