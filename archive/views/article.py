"""``/article/<id>``: an article as a researcher reads and cites it."""

from __future__ import annotations

import asyncio

from archive.queries import article_record
from archive.views.base import archive_database, attachments, page, paragraphs, published, read_row, site_row
from archive.warc import RecordRef, WarcError, read_response, warc_folder


async def article_page(datasette, request):
    article, missing = await read_row(datasette, request, article_record, "article")
    if missing:
        return missing
    db = archive_database(datasette)
    extra = await db.execute_fn(lambda conn: _around(conn, article))
    record_id = await asyncio.to_thread(_record_id, db.path, article)
    return page("govarchive_article.html", article=article, paragraphs=paragraphs(article["text"]),
                date=published(article["published_at"]), attachments=attachments(article.get("attachments")),
                record_id=record_id, **extra)


def _around(conn, article: dict) -> dict:
    story = article.get("cluster_id") or article["id"]
    copies = conn.execute(
        "SELECT a.id, a.site, coalesce(s.name, a.site), a.title, a.published_at FROM articles a "
        "LEFT JOIN sites s ON s.key = a.site WHERE coalesce(a.cluster_id, a.id) = ? "
        "AND a.id != ? ORDER BY a.published_at LIMIT 50", [story, article["id"]]).fetchall()
    documents = conn.execute(
        "SELECT d.id, d.doc_type, d.number, coalesce(d.subject, d.file_name) FROM documents d "
        "JOIN document_articles l ON l.document_id = d.id WHERE l.article_id = ? "
        "GROUP BY d.id ORDER BY d.id", [article["id"]]).fetchall()
    copy_fields = ("id", "site", "portal", "title", "published_at")
    document_fields = ("id", "doc_type", "number", "subject")
    return {"site": site_row(conn, article["site"]),
            "copies": [dict(zip(copy_fields, c, strict=True)) for c in copies],
            "documents": [dict(zip(document_fields, d, strict=True)) for d in documents]}


def _record_id(db_path, row: dict) -> str:
    """The WARC-Record-ID of the row's capture, for the citation ('' when it cannot be read)."""
    if not row.get("warc_file"):
        return ""
    try:
        ref = RecordRef(row["warc_file"], row["warc_offset"], row["warc_length"] or 0)
        return read_response(warc_folder(db_path), ref).ref.record_id
    except (WarcError, OSError):
        return ""
