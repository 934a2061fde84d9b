"""Reading one article with everything the archive knows about it."""

from __future__ import annotations

from pathlib import Path

from archive.store import ArchiveError, open_database
from archive.warc import RecordRef, read_response, warc_folder


def article_record(db_path: str | Path, article_id: int) -> dict:
    """The article row, every URL it was seen at, and its earlier versions."""
    db = open_database(db_path, create=False)
    try:
        rows = list(db["articles"].rows_where("id = ?", [article_id]))
        if not rows:
            raise ArchiveError(f"no article {article_id} in {db_path}")
        article = rows[0]
        article["seen_at"] = list(db["article_urls"].rows_where(
            "article_id = ?", [article_id], select="url, site, first_seen, last_seen", order_by="first_seen"))
        article["versions"] = list(db["article_versions"].rows_where(
            "article_id = ?", [article_id], select="fetched_at, title, replaced_at", order_by="id"))
        return article
    finally:
        db.conn.close()


def raw_capture(db_path: str | Path, article_id: int) -> bytes:
    """The bytes the portal served for the article, from its WARC record."""
    return captured_body(db_path, article_record(db_path, article_id), f"article {article_id}")


def captured_body(db_path: str | Path, row: dict, label: str) -> bytes:
    """The response body a row's WARC pointer leads to (an article's or a document's)."""
    if not row.get("warc_file"):
        raise ArchiveError(f"{label} has no WARC record (crawled without capture)")
    ref = RecordRef(row["warc_file"], row["warc_offset"], row["warc_length"] or 0)
    return read_response(warc_folder(db_path), ref).body
