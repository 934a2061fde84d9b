"""``/document/<id>``: a document's metadata, text and where it was found."""

from __future__ import annotations

import asyncio

from archive.document_queries import document_record
from archive.errors import ArchiveError
from archive.views.base import archive_database, not_found, page, site_row


async def document_page(datasette, request):
    document_id = int(request.url_vars["id"])
    db = archive_database(datasette)
    try:
        document = await asyncio.to_thread(document_record, db.path, document_id)
    except ArchiveError:
        return not_found(f"No document {document_id} in this archive.")
    site = await db.execute_fn(lambda conn: site_row(conn, document["site"]))
    paragraphs = [p.strip() for p in (document["text"] or "").split("\n\n") if p.strip()]
    return page("govarchive_document.html", document=document, site=site, paragraphs=paragraphs[:400],
                cut=len(paragraphs) > 400)
