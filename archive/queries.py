"""Reading one article with everything the archive knows about it."""

from __future__ import annotations

import json
from pathlib import Path

from archive.errors import ArchiveError
from archive.reader import dict_rows, open_reader
from archive.warc import RecordRef, read_response, warc_folder


def article_record(db_path: str | Path, article_id: int) -> dict:
    """The article row, every URL it was seen at, and its earlier versions."""
    db = open_reader(db_path)
    try:
        rows = dict_rows(db, "SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise ArchiveError(f"no article {article_id} in {db_path}")
        article = rows[0]
        article["seen_at"] = dict_rows(db, "SELECT url, site, first_seen, last_seen FROM article_urls "
                                           "WHERE article_id = ? ORDER BY first_seen", [article_id])
        article["versions"] = dict_rows(db, "SELECT fetched_at, title, replaced_at FROM article_versions "
                                            "WHERE article_id = ? ORDER BY id", [article_id])
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


def captured_rows(db, table: str, site: str | None = None, since: str | None = None,
                  only_pending: bool = False, limit: int | None = None,
                  urls: list[str] | None = None) -> list[dict]:
    """Rows of ``articles`` or ``documents`` that have a WARC record, for reading them again:
    of one site, fetched since a day, (documents) waiting for OCR, at these addresses; in id order."""
    if table not in ("articles", "documents"):
        raise ValueError(f"no captured rows in {table}")
    where, params = ["warc_file IS NOT NULL"], []
    for clause, value in (("site = ?", site), ("fetched_at >= ?", since)):
        if value:
            where.append(clause)
            params.append(value)
    if only_pending:
        where.append("ocr_pending = 1")
    if urls is not None:
        where.append(f"url IN ({', '.join('?' * len(urls))})")
        params.extend(urls)
    return dict_rows(db, f"SELECT * FROM {table} WHERE {' AND '.join(where)} ORDER BY id"
                         + (" LIMIT ?" if limit else ""), [*params, *([limit] if limit else [])])


def rewrite_article(db, article_id: int, update: dict) -> None:
    """Fields extracted again for an archived article; its hash and near-duplicate signature follow
    a new text. ``sqlite3.IntegrityError`` when the new text is another article's."""
    from archive import neardup
    from common.textnorm import content_hash

    with db.conn:
        if "text" in update:
            title, attachments = db.execute("SELECT title, attachments FROM articles WHERE id = ?",
                                            [article_id]).fetchone()
            files = [a["url"] for a in json.loads(update.get("attachments", attachments) or "[]")]
            digest = content_hash(update["text"], update.get("title", title), files)
            update = {**update, "content_hash": digest}
            neardup.remove(db, article_id)
            neardup.add(db, article_id, neardup.signature(update["text"]))
        db["articles"].update(article_id, update)
